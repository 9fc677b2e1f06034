// Sign-out ends the session on the server (issue 18), on the extended sandbox whose
// sessions service has `DELETE /sessions/current`: the old token gets 401 after the Sign out
// button, after the tab is closed, after Cancel in "Sign in again", and after a new
// sign-in replaced it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ACCOUNTS,
  api,
  assertClean,
  axe,
  CONSOLE_ORIGIN,
  eventually,
  follow,
  heading,
  openConsole,
  PASSWORD,
  screenshot,
  signInForm,
  signInPlain,
  signOut,
  submitCode,
  withConsole,
} from './helpers.mjs';

const FLOW = { timeout: 180_000 };
const toast = (page, text) => page.getByRole('status').filter({ hasText: text });
const status = async (token) => (await api(token, 'GET', '/authsec/uflow/sessions')).status;

test('Sign out ends the session on the server: the old token gets 401', FLOW, async (t) => {
  await withConsole(t, async ({ page, state }) => {
    await signInPlain(page, '/clients');
    const [token] = state.tokens;
    assert.equal(await status(token), 200, 'the token works while signed in');
    await signOut(page);
    await toast(page, 'You are signed out, and the session has ended on the server.').waitFor();
    assert.equal(await status(token), 401, 'the signed-out token is refused');
    await assertClean(page);
  });
});

test('closing a signed-in tab ends its session', FLOW, async () => {
  const c = await openConsole();
  try {
    await signInPlain(c.page, '/users');
    const [token] = c.state.tokens;
    assert.equal(await status(token), 200);
    await c.page.close();
    await eventually(async () => assert.equal(await status(token), 401, "the closed tab's token is refused"));
  } finally {
    await c.close();
  }
});

test('Cancel in "Sign in again" signs out and ends the session; a new sign-in ends the one it replaces', FLOW, async (t) => {
  await withConsole(t, async ({ page, state }) => {
    await signInPlain(page, '/clients');
    const refuseOnce = () =>
      page.route('**/getClients**', (route) => route.fulfill({
        status: 401,
        body: '{"error":"Invalid or expired token"}',
        headers: { 'content-type': 'application/json', 'access-control-allow-origin': CONSOLE_ORIGIN() },
      }), { times: 1 });
    const dialog = page.getByRole('dialog', { name: 'Sign in again' });

    // Sign in again: the new token works, the one it replaced no longer does.
    await refuseOnce();
    await follow(page, '/users');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients', exact: true }).click();
    await dialog.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
    await submitCode(page, ACCOUNTS.plain);
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('main tbody tr').first().waitFor();
    assert.equal(state.tokens.length, 2);
    const [first, second] = state.tokens;
    await eventually(async () => assert.equal(await status(first), 401, 'the replaced token is refused'));
    assert.equal(await status(second), 200);

    // Cancel: signed out, back on the sign-in page that returns here, the token ended.
    await refuseOnce();
    await follow(page, '/users');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients', exact: true }).click();
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await signInForm(page);
    assert.equal(new URL(page.url()).searchParams.get('next'), '/clients');
    await toast(page, 'the session has ended on the server').waitFor();
    assert.equal(await status(second), 401, 'the token given up is refused');
    await screenshot(page, 'cancel signed out');
    await assertClean(page);
  });
});

test('an idle page locks: no tenant data in the page; signing in again brings it back with what was typed', FLOW, async (t) => {
  await withConsole(t, async ({ page, state }) => {
    // A 12-second idle time (config.json's idle_minutes; 15 minutes by default).
    await page.route('**/config.json', async (route) => {
      const response = await route.fetch();
      route.fulfill({ response, json: { ...(await response.json()), idle_minutes: 0.2 } });
    });
    await signInPlain(page, '/clients');
    await page.locator('main tbody a[href^="/clients/"]').first().waitFor();
    const names = await page.locator('main tbody a[href^="/clients/"]').allInnerTexts();
    assert.ok(names.length > 3, 'the list shows clients');
    await page.getByRole('link', { name: 'New client', exact: true }).click();
    const typed = `Idle ${Date.now().toString(36)}`;
    await page.getByLabel('Name', { exact: true }).fill(typed);

    await page.getByRole('alert').filter({ hasText: 'Without activity the console locks in' }).waitFor({ timeout: 20_000 });
    assert.deepEqual((await axe(page)).bad, [], 'axe on the warning');
    const dialog = page.getByRole('dialog', { name: 'Locked' });
    await dialog.waitFor({ timeout: 20_000 });
    await screenshot(page, 'locked');
    assert.deepEqual((await axe(page)).bad, [], 'axe on the lock');
    const shown = await page.locator('body').innerText();
    for (const n of names.slice(0, 10)) assert.ok(!shown.includes(n), `"${n}" is still shown while locked`);
    const values = await page.evaluate(() => [...document.querySelectorAll('input, textarea')].map((e) => e.value));
    assert.ok(!values.includes(typed), 'what was typed is not in the locked document');
    assert.equal(await page.locator('main input, main tbody').count(), 0, 'the page content is gone');

    await dialog.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
    await submitCode(page, ACCOUNTS.plain);
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), typed, 'the typed name is back');
    assert.equal(state.tokens.length, 2, 'unlocking signed in again');
    await eventually(async () => assert.equal(await status(state.tokens[0]), 401, 'the idle token is ended'));
    await assertClean(page);
  });
});
