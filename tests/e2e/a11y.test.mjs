// Accessibility as reliability (issue 8): axe-core on every route in both themes
// (zero serious or critical violations), and creating a client with the keyboard only.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import {
  ACCOUNTS,
  assertClean,
  axe,
  codeNow,
  follow,
  goto,
  heading,
  PASSWORD,
  SANDBOX_URL,
  screenshot,
  signInForm,
  signInPlain,
  where,
  withConsole,
} from './helpers.mjs';

const FLOW = { timeout: 300_000 };
async function firstRowHref(page, base) {
  return page.locator(`main tbody a[href^="${base}/"]`).first().getAttribute('href', { timeout: 15_000 });
}

test('axe-core: no serious or critical violation on any route, light and dark', FLOW, async (t) => {
  await withConsole(t, async ({ page }) => {
    // Signed out: the sign-in page.
    await goto(page, '/login');
    await signInForm(page);
    const results = [];
    const record = async (label) => {
      const r = await axe(page);
      results.push({ route: label, bad: r.bad, minor: r.minor });
    };
    // axe itself works under this CSP: a planted image without a text alternative is reported.
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.id = 'axe-canary';
      img.src = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
      document.body.append(img);
    });
    const planted = await axe(page);
    assert.ok(planted.bad.some((v) => v.startsWith('image-alt')), `axe did not report the planted image: ${planted.bad}`);
    await page.evaluate(() => document.getElementById('axe-canary').remove());
    await record('/login (light)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await record('/login (dark, system)');
    await page.emulateMedia({ colorScheme: 'light' });

    await signInPlain(page, '/clients');
    await page.locator('main tbody tr').first().waitFor();
    const routes = ['/clients', '/clients/new', await firstRowHref(page, '/clients'), '/users'];
    await follow(page, '/users');
    routes.push(await firstRowHref(page, '/users'), '/users?tab=admins', '/users/new', '/users/import', '/apps');
    await follow(page, '/apps');
    routes.push(await firstRowHref(page, '/apps'), '/apps/new', '/api-keys', '/sessions', '/account/security', '/no/such/page');
    await follow(page, '/access/roles');
    routes.push('/access/roles', await firstRowHref(page, '/access/roles'), '/access/roles/new', '/access/permissions', '/access/scopes');
    await follow(page, '/groups');
    routes.push('/groups', await firstRowHref(page, '/groups'), '/settings');

    const themeButton = page.getByRole('button', { name: 'Dark theme', exact: true });
    // The theme button is in the signed-in shell; a page outside it (Page not found)
    // gets the same data-theme attribute the button writes.
    const setTheme = (t) => page.evaluate((v) => document.documentElement.setAttribute('data-theme', v), t);
    for (const r of routes) {
      await follow(page, r);
      const shell = (await themeButton.count()) > 0;
      await record(`${where(page)} (light)`);
      if (shell) {
        await themeButton.click();
        assert.equal(await themeButton.getAttribute('aria-pressed'), 'true');
      } else {
        await setTheme('dark');
      }
      await record(`${where(page)} (dark)`);
      if (shell) await themeButton.click();
      else await setTheme('light');
    }
    await screenshot(page, 'last route');
    const table = results.map((r) => `${r.route}: ${r.bad.length} serious/critical, ${r.minor.length} minor${r.minor.length ? ` (${[...new Set(r.minor)].join(', ')})` : ''}`);
    t.diagnostic(`axe-core per route:\n${table.join('\n')}`);
    const out = new URL('../../target/test-logs/', import.meta.url);
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(new URL('axe.txt', out), `${table.join('\n')}\n`);
    assert.equal(results.length, 2 + routes.length * 2);
    assert.deepEqual(results.filter((r) => r.bad.length).map((r) => `${r.route}: ${r.bad.join('; ')}`), []);
    // The access-control and settings pages (issue 17): no violation of any impact.
    assert.deepEqual(results.filter((r) => /^\/(access|groups|settings)/.test(r.route) && r.minor.length).map((r) => `${r.route}: ${r.minor.join('; ')}`), []);
    await assertClean(page);
  });
});

/** Presses Tab until the focused element satisfies `match` (its role-ish name); returns its description. */
async function tabTo(page, match, { max = 80, shift = false } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    const f = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      const label = e.labels && e.labels[0] ? e.labels[0].innerText : '';
      const outline = getComputedStyle(e);
      return {
        tag: e.tagName.toLowerCase(),
        type: e.getAttribute('type') || '',
        name: (e.getAttribute('aria-label') || label || e.innerText || '').trim(),
        visibleFocus: outline.outlineStyle !== 'none' && parseFloat(outline.outlineWidth) > 0 || outline.boxShadow !== 'none',
      };
    });
    if (f && match(f)) {
      assert.ok(f.visibleFocus, `${f.tag} "${f.name}" has no visible focus indicator`);
      return f;
    }
  }
  throw new Error(`Tab never reached the element (after ${max} presses)`);
}

test('axe-core on the access, groups and settings routes while they load, light and dark: no violation of any impact', FLOW, async (t) => {
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/access/roles');
    const role = await firstRowHref(page, '/access/roles');
    await follow(page, '/groups');
    const group = await firstRowHref(page, '/groups');
    const routes = ['/access/roles', role, '/access/roles/new', '/access/permissions', '/access/scopes', '/groups', group, '/settings'];
    // From here every API answer is held: each page is checked in its loading state.
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(`${SANDBOX_URL()}/**`, async (route) => {
      await held;
      await route.continue().catch(() => {}); // a request the page aborted meanwhile
    });
    const themeButton = page.getByRole('button', { name: 'Dark theme', exact: true });
    const results = [];
    for (const r of routes) {
      await follow(page, r, { settle: false });
      await page.locator('main [role=status]').filter({ hasText: /Loading/ }).first().waitFor({ state: 'attached' });
      for (const theme of ['light', 'dark']) {
        const found = await axe(page);
        const main = (await page.locator('main').first().innerText()).replace(/\s+/g, ' ').slice(0, 80);
        results.push(...[...found.bad, ...found.minor].map((v) => `${r} (${theme}, loading): ${v} [${main}]`));
        await themeButton.click();
      }
    }
    release();
    await page.unroute(`${SANDBOX_URL()}/**`);
    t.diagnostic(`checked ${routes.length} routes × 2 themes while loading`);
    assert.deepEqual(results, []);
  });
});

test('keyboard only: sign in, open New client, fill the form, create, store the secret', FLOW, async (t) => {
  await withConsole(t, async ({ page, state }) => {
    const name = `kbd-${Date.now().toString(36)}`;
    // Back to the clients list after the sign-in (an admin otherwise lands on the overview).
    await goto(page, '/login?next=%2Fclients');
    await signInForm(page);
    // The sign-in form.
    const ws = page.getByLabel('Workspace', { exact: true });
    await ws.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('acme');
    await tabTo(page, (f) => f.name === 'Email');
    await page.keyboard.type(ACCOUNTS.plain);
    await tabTo(page, (f) => f.name === 'Password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    // The code field takes the focus; six digits send themselves.
    await page.getByLabel('Authentication code', { exact: true }).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('autocomplete') === 'one-time-code');
    await page.keyboard.type(codeNow());
    await page.waitForURL((u) => u.pathname === '/clients');
    await page.locator('main tbody tr').first().waitFor();

    // "New client" by Tab and Enter.
    await tabTo(page, (f) => f.tag === 'a' && f.name === 'New client', { max: 120 });
    await page.keyboard.press('Enter');
    await heading(page, 'New client').waitFor();
    // The Name field has the focus on arrival (autofocus).
    await page.waitForFunction(() => document.activeElement && document.activeElement.labels && document.activeElement.labels[0]?.innerText.trim().startsWith('Name'));
    await page.keyboard.type(name);
    await tabTo(page, (f) => f.name.startsWith('Email'));
    await page.keyboard.type(`${name}@e2e.acme.test`);
    await tabTo(page, (f) => f.tag === 'input' && f.name.startsWith('Tags'));
    await page.keyboard.type('keyboard');
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.type === 'checkbox' && f.name === 'OIDC enabled');
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.name === 'Create client');
    await screenshot(page, 'keyboard form');
    await page.keyboard.press('Enter');

    // The secret dialog: focus is inside it; Tab reaches "I have stored it".
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await tabTo(page, (f) => /I have stored it/.test(f.name), { max: 10 });
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => /^\/clients\/[^/]+$/.test(u.pathname) && u.pathname !== '/clients/new');
    await heading(page, name).waitFor();
    assert.ok(await page.getByText('keyboard', { exact: true }).first().isVisible(), 'the tag was saved');

    assert.ok(state.tokens.length >= 1);
    await screenshot(page, 'created by keyboard');
    await assertClean(page);
  });
});
