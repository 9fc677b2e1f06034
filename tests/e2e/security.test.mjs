// Security area (issue 8): every route under the production CSP; the access token
// kept out of storage, URLs, the console, messages and exports through a whole tour
// with an error and a re-authentication; sign-out followed by Back.
// The served headers themselves are checked in headers.test.mjs.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import {
  ACCOUNTS,
  assertClean,
  assertNoTokenLeak,
  CONSOLE_ORIGIN,
  eventually,
  follow,
  goto,
  heading,
  JWT_RE,
  mainNav,
  PASSWORD,
  screenshot,
  signInForm,
  signInPlain,
  signOut,
  submitCode,
  tokensMinted,
  where,
  withConsole,
} from './helpers.mjs';

const FLOW = { timeout: 240_000 };



/** The first link in the main table's rows whose path is under `base` + '/'. */
async function firstRowHref(page, base) {
  const href = await page
    .locator(`main tbody a[href^="${base}/"]`)
    .first()
    .getAttribute('href', { timeout: 15_000 });
  assert.ok(href, `a row links to a ${base}/… page`);
  return href;
}

/** CSP violations seen in the page since it loaded (the init script's list). */
const violations = (page) => page.evaluate(() => (window.__cspViolations || []).map((v) => `${v.directive} ${v.blocked}`));

/** Every token and JWT-looking string must be absent from `text` (named `where`). */
function assertNoToken(text, tokens, what) {
  for (const t of tokens) assert.ok(!text.includes(t), `the access token is in ${what}`);
  const m = text.match(JWT_RE);
  assert.equal(m, null, `a JWT-looking string is in ${what}`);
}

test('every route under the strict CSP: no violation, no inline style or script', FLOW, async (t) => {
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/clients');
    await page.locator('main h1').first().waitFor();
    const routes = ['/clients', '/clients/new'];
    routes.push(await firstRowHref(page, '/clients'));
    routes.push('/users');
    await follow(page, '/users');
    routes.push(await firstRowHref(page, '/users'));
    routes.push('/users?tab=admins', '/users/new', '/users/import', '/apps');
    await follow(page, '/apps');
    routes.push(await firstRowHref(page, '/apps'));
    routes.push('/apps/new', '/api-keys', '/sessions', '/account/security', '/no/such/page');

    const visited = [];
    for (const r of routes) {
      await follow(page, r);
      visited.push(`${where(page)}: ${await page.locator('main h1').first().innerText()}`);
      // Inline styles would be blocked (style-src allows 'self' and the hash of index.html's
      // one sheet), so none may be written: the page holds that one <style>, in <head>.
      const inline = await page.evaluate(() => ({
        styleAttrs: [...document.querySelectorAll('[style]')].filter((e) => e.getAttribute('style')).map((e) => e.outerHTML.slice(0, 80)),
        styleTags: [...document.querySelectorAll('style')].filter((e) => !(e.parentNode === document.head && e.dataset.href?.endsWith('/main.css'))).length,
        handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
      }));
      assert.deepEqual(inline.styleAttrs, [], `${r}: style attributes`);
      assert.equal(inline.styleTags, 0, `${r}: <style> elements besides index.html's`);
      assert.equal(inline.handlers, 0, `${r}: inline on… handler attributes`);
      assert.deepEqual(await violations(page), [], `${r}: CSP violations`);
    }
    t.diagnostic(`visited: ${visited.join(' | ')}`);
    assert.equal(visited.length, 15);
    await screenshot(page, 'last route');
    await assertClean(page);
  });
});

test('the token reaches no storage, URL, console, message or CSV, through errors and re-authentication', FLOW, async (t) => {
  await withConsole(t, async ({ page, state }) => {
    const urls = [];
    page.on('request', (r) => urls.push(r.url()));
    const downloads = [];

    await signInPlain(page, '/clients');
    await page.locator('main h1').first().waitFor();

    // An error: the list fails once with a 500 and says so in a sentence; Retry loads it.
    let failed = 0;
    await page.route('**/getClients**', (route) => {
      failed += 1;
      return route.fulfill({
        status: 500,
        body: '{"error":"database unavailable"}',
        headers: { 'content-type': 'application/json', 'access-control-allow-origin': CONSOLE_ORIGIN() },
      });
    }, { times: 1 });
    await follow(page, '/users');
    await follow(page, '/clients');
    const alert = page.getByRole('alert').filter({ hasText: /clients/i }).first();
    await alert.waitFor();
    assert.equal(failed, 1);
    const shown = await alert.innerText();
    assert.match(shown, /[A-Z].*\./, 'the failure is told in a sentence');
    assertNoToken(shown, state.tokens, 'the error message');
    await screenshot(page, 'load failed');
    await page.getByRole('button', { name: /^(Retry|Try again)$/ }).first().click();
    await page.locator('main tbody tr').first().waitFor();

    // Re-authentication: the next call answers 401; "Sign in again" mints a second token.
    await page.route('**/getClients**', (route) => route.fulfill({
      status: 401,
      body: '{"error":"Invalid or expired token"}',
      headers: { 'content-type': 'application/json', 'access-control-allow-origin': CONSOLE_ORIGIN() },
    }), { times: 1 });
    await follow(page, '/users');
    await mainNav(page).getByRole('link', { name: 'Clients', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign in again' });
    await dialog.waitFor();
    assertNoToken(await dialog.innerText(), state.tokens, 'the re-authentication dialog');
    await dialog.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
    await submitCode(page, ACCOUNTS.plain);
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('main tbody tr').first().waitFor();
    await tokensMinted(state, 2, 're-authentication minted a second token');

    // The CSV export of the clients list.
    const downloaded = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Export CSV', exact: true }).click();
    const file = await (await downloaded).path();
    const csv = fs.readFileSync(file, 'utf8');
    assert.match(csv.split('\n')[0], /name/i, 'the export has a header row');
    assert.ok(csv.split('\n').length > 10, 'the export has rows');
    downloads.push(csv);

    // A tour of the other areas with the second token.
    for (const r of ['/users', '/apps', '/api-keys', '/sessions', '/account/security']) await follow(page, r);

    for (const [i, csvText] of downloads.entries()) assertNoToken(csvText, state.tokens, `CSV export ${i + 1}`);
    for (const u of urls) assertNoToken(decodeURIComponent(u), state.tokens, `a request URL (${u.slice(0, 60)}…)`);
    const html = await page.evaluate(() => document.documentElement.outerHTML + document.body.innerText);
    assertNoToken(html, state.tokens, 'the document');
    for (const token of state.tokens) await assertNoTokenLeak(page, token);

    await signOut(page);
    for (const token of state.tokens) await assertNoTokenLeak(page, token);
    await assertClean(page);
  });
});

test('after sign-out, Back shows no tenant data and stays signed out', FLOW, async (t) => {
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/clients');
    await page.locator('main h1').first().waitFor();
    const href = await firstRowHref(page, '/clients');
    const names = await page.locator('main tbody a[href^="/clients/"]').allInnerTexts();
    assert.ok(names.length > 5, 'the list shows clients');
    await follow(page, href);
    const detailName = await page.locator('main h1').first().innerText();
    await follow(page, '/users');
    const emails = (await page.locator('main tbody').innerText()).match(/[\w.+-]+@[\w.-]+/g) || [];
    assert.ok(emails.length > 5, 'the users list shows emails');

    await signOut(page);
    for (let back = 1; back <= 3; back++) {
      await page.goBack();
      await signInForm(page);
      const text = await page.locator('body').innerText();
      for (const n of [detailName, ...names.slice(0, 10)]) {
        assert.ok(!text.includes(n), `after Back ×${back} (${where(page)}): "${n}" is still shown`);
      }
      for (const e of emails.slice(0, 10)) assert.ok(!text.includes(e), `after Back ×${back}: ${e} is shown`);
      assert.equal(await mainNav(page).count(), 0, `after Back ×${back}: the signed-in navigation is gone`);
      assert.equal(await page.locator('main tbody tr').count(), 0, `after Back ×${back}: no table rows`);
    }
    await screenshot(page, 'back after sign-out');
    await assertClean(page);
  });
});

test('a panic shows the crash page, whose Reload starts a fresh console', FLOW, async (t) => {
  await withConsole(t, async ({ page, state }) => {
    // /crash-test panics on purpose when config.json has "crash_test": true (the
    // test deployment only; scripts/test writes it).
    await goto(page, '/crash-test');
    await heading(page, 'Something went wrong').waitFor();
    const alert = page.getByRole('alert');
    assert.match(await alert.innerText(), /Reload to start again/);
    const reload = page.getByRole('button', { name: 'Reload the console', exact: true });
    assert.ok(await reload.evaluate((b) => b === document.activeElement), 'the Reload button has the focus');
    assert.ok(state.console.some((l) => /panicked at/.test(l)), 'the panic is still logged to the console');
    await screenshot(page, 'crash page');
    await reload.click();
    await signInForm(page);
    assert.equal(await page.getByRole('heading', { name: 'Something went wrong' }).count(), 0);
    assert.deepEqual(await violations(page), [], 'the crash page and the reload break no CSP rule');
  });
});

test('leaving an edited, unsaved form asks first; Cancel keeps what was typed', FLOW, async (t) => {
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/clients');
    await page.locator('main h1').first().waitFor();
    const usersLink = () => mainNav(page).getByRole('link', { name: 'Users', exact: true });
    const asked = [];
    const answer = (accept) => page.once('dialog', async (d) => {
      asked.push(`${d.type()}: ${d.message()}`);
      await (accept ? d.accept() : d.dismiss());
    });

    // Untouched form: leaving asks nothing.
    await follow(page, '/clients/new');
    await usersLink().click();
    await page.waitForURL((u) => u.pathname === '/users');
    assert.deepEqual(asked, [], 'an untouched form does not ask');

    await follow(page, '/clients/new');
    const nameBox = page.getByRole('textbox', { name: 'Name', exact: true });
    await nameBox.fill('Unsaved e2e client');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill('unsaved@e2e.acme.test');

    // An in-app link: Cancel stays, with the typing.
    answer(false);
    await usersLink().click();
    await eventually(async () => assert.equal(asked.length, 1, 'the link asked'));
    assert.match(asked[0], /^confirm: .*not saved/);
    assert.equal(new URL(page.url()).pathname, '/clients/new');
    assert.equal(await nameBox.inputValue(), 'Unsaved e2e client');

    // Closing the tab: the browser's own prompt; Cancel keeps the page.
    answer(false);
    await page.close({ runBeforeUnload: true });
    await eventually(async () => assert.equal(asked.length, 2, 'closing the tab asked'));
    assert.match(asked[1], /^beforeunload/);
    assert.equal(page.isClosed(), false);
    assert.equal(await nameBox.inputValue(), 'Unsaved e2e client');
    await screenshot(page, 'still editing');

    // OK leaves.
    answer(true);
    await usersLink().click();
    await page.waitForURL((u) => u.pathname === '/users');
    assert.equal(asked.length, 3);
    await assertClean(page);
  });
});
