// The console on a sandbox with `--profile authsec` (issue 15): exactly the routes, shapes
// and texts of the AuthSec backend (authsec-ai/authsec-ai@ea80426), every extension route
// answering gin's `404 page not found`. Sign-in as AuthSec does it (password, the factor
// AuthSec names, the token, the admin probe), the clients area on AuthSec's shapes, and the
// extension areas absent from the navigation and explained at their URLs.
// scripts/test starts that stack and passes AUTHSEC_CONSOLE_URL and AUTHSEC_SANDBOX_URL.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { onStack } from './stack.mjs';

const {
  ADMIN_HOME,
  ACCOUNTS, BACKUP_CODE, api, apiSignIn, assertClean, assertNoTokenLeak, expectShell, follow, goto,
  heading, jwtClaims, mainNav, navLinks, screenshot, signOut, submitBackupCode, submitCode, submitPassword,
  submitTotp, totp, virtualAuthenticator, waitForPath, withConsole,
} = await onStack('AUTHSEC');

const FLOW = { timeout: 240_000 };
const EXTENSION_AREAS = [
  ['/sessions', 'Sessions', 'This server does not list sessions.'],
  ['/api-keys', 'API keys', 'This server does not offer API keys.'],
  ['/apps', 'Applications', 'This server does not offer management applications.'],
];

async function finish(page, state) {
  assert.ok(state.tokens.length > 0, 'a token was minted');
  for (const token of state.tokens) {
    const claims = jwtClaims(token);
    assert.equal(claims.roles, undefined, 'AuthSec tokens carry no roles');
    assert.equal(claims.sid, undefined, 'nor a session id');
    assert.equal(typeof claims.email_id, 'string');
    await assertNoTokenLeak(page, token);
  }
  await assertClean(page);
}

test('on AuthSec itself an admin signs in with TOTP, the extension areas leave the navigation and explain themselves', FLOW, async (t) => {
  await withConsole(t, async ({ page, state }) => {
    await goto(page, '/login');
    await submitPassword(page, { email: ACCOUNTS.admin });
    await submitTotp(page, await totp());
    await waitForPath(page, ADMIN_HOME);
    await expectShell(page, ACCOUNTS.admin);
    // The probes at sign-in find the extension routes missing: only AuthSec's areas stay.
    await mainNav(page).getByRole('link', { name: 'Sessions', exact: true }).waitFor({ state: 'detached' });
    await mainNav(page).getByRole('link', { name: 'API keys', exact: true }).waitFor({ state: 'detached' });
    await mainNav(page).getByRole('link', { name: 'Applications', exact: true }).waitFor({ state: 'detached' });
    assert.deepEqual((await navLinks(page)).sort(), ['Clients', 'Groups', 'Overview', 'Permissions', 'Roles', 'Scopes', 'Security', 'Settings', 'Users']);
    await screenshot(page, 'navigation without extension areas');

    for (const [path, title, sentence] of EXTENSION_AREAS) {
      await follow(page, path, { settle: false });
      await heading(page, title).waitFor();
      await page.getByText(sentence).first().waitFor();
      await screenshot(page, `${title} explained`);
    }

    // The clients list decodes AuthSec's answers (null tags, roles and MFA methods).
    await follow(page, '/clients', { settle: false });
    await page.locator('main tbody a[href^="/clients/"]').first().waitFor();
    const href = await page.locator('main tbody a[href^="/clients/"]').first().getAttribute('href');
    await follow(page, href, { settle: false });
    await page.getByRole('button', { name: /^(Deactivate|Activate)$/ }).first().waitFor();
    await screenshot(page, 'a client on AuthSec shapes');
    await finish(page, state);
  });
});

test('on AuthSec itself a backup code goes in AuthSec\'s code field and works once', FLOW, async (t) => {
  await withConsole(t, async ({ page, state }) => {
    await goto(page, '/login');
    await submitPassword(page, { email: ACCOUNTS.admin });
    await submitBackupCode(page, BACKUP_CODE().toUpperCase());
    await waitForPath(page, ADMIN_HOME);
    await expectShell(page, ACCOUNTS.admin);
    await signOut(page);
    await submitPassword(page, { email: ACCOUNTS.admin });
    await submitBackupCode(page, BACKUP_CODE());
    await page.getByText('That backup code is not valid or was already used.').waitFor();
    await finish(page, state);
  });
});

test('on AuthSec itself an account the admin probe refuses is an end user', FLOW, async (t) => {
  await withConsole(t, async ({ page, state }) => {
    await goto(page, '/login');
    await submitPassword(page, { email: ACCOUNTS.user });
    await submitCode(page, ACCOUNTS.user);
    await waitForPath(page, /^\/account\/security/);
    await expectShell(page, ACCOUNTS.user);
    await mainNav(page).getByRole('link', { name: 'Sessions', exact: true }).waitFor({ state: 'detached' });
    assert.deepEqual(await navLinks(page), ['Security']);
    await finish(page, state);
  });
  // The server agrees: its admin route refuses this token, and AuthSec's own texts.
  const { token } = await apiSignIn(ACCOUNTS.user);
  assert.equal((await api(token, 'GET', '/authsec/uflow/admin/me/roles-permissions')).status, 403);
  const missing = await api(token, 'GET', '/authsec/uflow/sessions');
  assert.equal(missing.status, 404);
  assert.equal(missing.text, '404 page not found');
});

/** Sets up the authenticator app in the open setup, keeps the codes; answers the key. */
async function setUpApp(page) {
  await page.getByRole('button', { name: 'Set up an authenticator app', exact: true }).click();
  await page.locator('.qr').waitFor();
  const secret = (await page.getByLabel('Setup key', { exact: true }).innerText()).replace(/\s+/g, '');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByLabel('6-digit code from the app', { exact: true }).fill(await totp(secret));
  await page.getByText('Your authenticator app is on.').waitFor();
  const codes = await page.getByRole('list', { name: 'Backup codes' }).getByRole('listitem').allTextContents();
  assert.equal(codes.length, 10);
  await page.getByRole('checkbox', { name: 'I have saved these codes' }).check();
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  return secret;
}

/** Adds a passkey on Security (AuthSec's registration rows for the account's realm). */
async function addPasskey(page) {
  await page.getByRole('button', { name: 'Add a passkey', exact: true }).click();
  await page.getByRole('button', { name: 'Create passkey', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Passkey added' }).waitFor();
  await page.getByText('Passkey: on').waitFor();
  await page.getByText('This server does not list passkeys').waitFor();
}

test('on AuthSec itself a first sign-in sets up a factor before the console opens; then a passkey signs in', FLOW, async (t) => {
  await withConsole(t, async ({ page, state }) => {
    const authenticator = await virtualAuthenticator(page);
    // The tenant's admin, first sign-in, no factor yet.
    await goto(page, '/login');
    await submitPassword(page, { email: ACCOUNTS.new });
    await heading(page, 'Set up two-factor sign-in').waitFor();
    assert.equal(state.tokens.length, 0, 'no token before a factor is on');
    await screenshot(page, 'first sign-in: set up a factor');
    await setUpApp(page);
    await waitForPath(page, ADMIN_HOME);
    await expectShell(page, ACCOUNTS.new);
    await follow(page, '/account/security');
    await page.getByText('Authenticator app: on').waitFor();
    await addPasskey(page);
    await screenshot(page, 'admin passkey added');
    await signOut(page);
    await submitPassword(page, { email: ACCOUNTS.new });
    await page.getByRole('button', { name: 'Use your passkey', exact: true }).click();
    await waitForPath(page, ADMIN_HOME);
    assert.equal((await authenticator.credentials()).length, 1);
    await signOut(page);

    // An end user, first sign-in: the app, then a passkey of their own, which signs in.
    await submitPassword(page, { email: ACCOUNTS.new_user });
    await heading(page, 'Set up two-factor sign-in').waitFor();
    await setUpApp(page);
    await waitForPath(page, /^\/account\/security/);
    await page.getByText('Authenticator app: on').waitFor();
    await addPasskey(page);
    await screenshot(page, 'end user passkey added');
    await signOut(page);
    await submitPassword(page, { email: ACCOUNTS.new_user });
    await page.getByRole('button', { name: 'Use your passkey', exact: true }).click();
    await waitForPath(page, /^\/account\/security/);
    assert.equal((await authenticator.credentials()).length, 2);
    await finish(page, state);
  });
});
