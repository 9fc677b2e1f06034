// Tabs share one session without storage (issue 18): a link opened in a new tab lands
// signed in, no token is written anywhere in either tab, closing the new tab leaves the
// session to the first, and signing out in one tab signs out the other.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ACCOUNTS,
  ADMIN_HOME,
  PASSWORD,
  api,
  assertClean,
  assertNoTokenLeak,
  goto,
  heading,
  openTab,
  screenshot,
  signInPlain,
  signOut,
  submitCode,
  withConsole,
} from './helpers.mjs';

const status = async (token) => (await api(token, 'GET', '/authsec/uflow/sessions')).status;

test('a link opened in a new tab lands signed in; no token stored; sign-out in one tab signs out both', { timeout: 180_000 }, async (t) => {
  await withConsole(t, async (c) => {
    const { page, state } = c;
    await signInPlain(page, '/clients');
    const link = page.locator('main tbody a[href^="/clients/"]').first();
    await link.waitFor();
    const href = await link.getAttribute('href');
    const name = (await link.innerText()).trim();
    const [token] = state.tokens;

    const b = await openTab(c);
    await goto(b.page, href);
    await b.page.locator('main h1').filter({ hasText: name }).waitFor();
    assert.equal(new URL(b.page.url()).pathname, href, 'the new tab opened the link itself');
    assert.equal(await heading(b.page, 'Sign in').count(), 0, 'no sign-in in the new tab');
    assert.equal(b.state.tokens.length, 0, 'the new tab did not sign in again');
    await screenshot(b.page, 'new tab signed in');
    for (const p of [page, b.page]) await assertNoTokenLeak(p, token);

    // Closing the new tab leaves the session to the first one.
    await b.page.close();
    assert.equal(await status(token), 200, 'the first tab still holds the session');

    // The sign-in page in a new tab takes the session as well, and opens the home page.
    const e = await openTab(c);
    await goto(e.page, '/login');
    await e.page.getByRole('navigation', { name: 'Main' }).waitFor();
    assert.match(new URL(e.page.url()).pathname, ADMIN_HOME, 'the new tab opened the home page');
    assert.equal(e.state.tokens.length, 0, 'the new tab did not sign in again');
    await assertNoTokenLeak(e.page, token);
    await e.page.close();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users', exact: true }).click();
    await heading(page, 'Users').waitFor();

    // Sign out in the first tab: the other one is signed out too, and the token ended.
    const d = await openTab(c);
    await goto(d.page, '/users');
    await heading(d.page, 'Users').waitFor();
    await signOut(page);
    await heading(d.page, 'Sign in').waitFor();
    assert.equal(await d.page.getByRole('navigation', { name: 'Main' }).count(), 0);
    assert.equal(await status(token), 401, 'the token is ended');
    await assertClean(page);
    await assertClean(d.page);
  });
});

test('tabs of one session lock together and come back together when one signs in again', { timeout: 180_000 }, async (t) => {
  await withConsole(t, async (c) => {
    const { page, state } = c;
    // A 12-second idle time for every tab of this browser.
    await c.context.route('**/config.json', async (route) => {
      const response = await route.fetch();
      route.fulfill({ response, json: { ...(await response.json()), idle_minutes: 0.2 } });
    });
    await signInPlain(page, '/clients');
    const b = await openTab(c);
    await goto(b.page, '/users/new');
    const typed = `tabs-${Date.now().toString(36)}@e2e.acme.test`;
    await b.page.getByLabel('Email', { exact: true }).fill(typed);

    const lockedA = page.getByRole('dialog', { name: 'Locked' });
    const lockedB = b.page.getByRole('dialog', { name: 'Locked' });
    await lockedA.waitFor({ timeout: 30_000 });
    await lockedB.waitFor({ timeout: 30_000 });
    await screenshot(b.page, 'second tab locked');

    // Signing in again in the first tab brings the second one back, input and all.
    await lockedA.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await lockedA.getByRole('button', { name: 'Sign in', exact: true }).click();
    await submitCode(page, ACCOUNTS.plain);
    await lockedA.waitFor({ state: 'hidden' });
    await lockedB.waitFor({ state: 'hidden' });
    assert.equal(await b.page.getByLabel('Email', { exact: true }).inputValue(), typed);
    assert.equal(state.tokens.length, 2, 'one sign-in, in the first tab');
    assert.equal(b.state.tokens.length, 0, 'none in the second');
    await assertClean(page);
    await assertClean(b.page);
  });
});
