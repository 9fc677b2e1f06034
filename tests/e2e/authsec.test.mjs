// The console on a sandbox with `--profile authsec` (issue 15): exactly the routes, shapes
// and texts of the AuthSec backend (authsec-ai/authsec-ai@ea80426), every extension route
// answering gin's `404 page not found`. Sign-in as AuthSec does it (password, the factor
// AuthSec names, the token, the admin probe), the clients area on AuthSec's shapes, and the
// extension areas absent from the navigation and explained at their URLs.
// scripts/test starts that stack and passes AUTHSEC_CONSOLE_URL and AUTHSEC_SANDBOX_URL.

import assert from 'node:assert/strict';
import { test } from 'node:test';

for (const [to, from] of [['CONSOLE_URL', 'AUTHSEC_CONSOLE_URL'], ['SANDBOX_URL', 'AUTHSEC_SANDBOX_URL']]) {
  if (!process.env[from]) throw new Error(`${from} is not set: run with ./scripts/test --layer e2e`);
  process.env[to] = process.env[from];
}

const {
  ACCOUNTS, BACKUP_CODE, api, apiSignIn, assertClean, assertNoTokenLeak, expectShell, follow, goto,
  heading, jwtClaims, mainNav, navLinks, screenshot, signOut, submitBackupCode, submitPassword,
  submitTotp, totp, waitForPath, withConsole,
} = await import('./helpers.mjs');

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
    await waitForPath(page, /^\/clients(\?|$)/);
    await expectShell(page, ACCOUNTS.admin);
    // The probes at sign-in find the extension routes missing: only AuthSec's areas stay.
    await mainNav(page).getByRole('link', { name: 'Sessions', exact: true }).waitFor({ state: 'detached' });
    await mainNav(page).getByRole('link', { name: 'API keys', exact: true }).waitFor({ state: 'detached' });
    await mainNav(page).getByRole('link', { name: 'Applications', exact: true }).waitFor({ state: 'detached' });
    assert.deepEqual((await navLinks(page)).sort(), ['Clients', 'Security', 'Users']);
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
  if (!BACKUP_CODE()) throw new Error('BACKUP_CODE is not set: the sandbox prints one at start-up');
  await withConsole(t, async ({ page, state }) => {
    await goto(page, '/login');
    await submitPassword(page, { email: ACCOUNTS.admin });
    await submitBackupCode(page, BACKUP_CODE().toUpperCase());
    await waitForPath(page, /^\/clients(\?|$)/);
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
