// Sign-in area: password + TOTP, backup code, wrong password, passkey enrolment and
// passkey sign-in, end-user navigation, re-authentication after a 401.
// Each test is self-contained (its own browser); screenshots of every step go to
// SCREENSHOT_DIR/<test name>/; every flow ends with assertNoTokenLeak + assertClean.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ADMIN_HOME,
  ACCOUNTS,
  assertClean,
  assertNoTokenLeak,
  BACKUP_CODE,
  CONSOLE_ORIGIN,
  CONSOLE_URL,
  expectShell,
  goto,
  heading,
  holdBack,
  mainNav,
  navLinks,
  PASSWORD,
  screenshot,
  signInForm,
  signOut,
  submitBackupCode,
  submitCode,
  submitPassword,
  submitTotp,
  totp,
  virtualAuthenticator,
  waitForPath,
  where,
  withConsole,
} from './helpers.mjs';

const FLOW = { timeout: 180_000 };

/** Every token minted during the flow must stay in memory; the page must be clean. */
async function finish(page, state) {
  assert.ok(state.tokens.length > 0, 'no access_token was seen from …/login/webauthn-callback');
  for (const token of state.tokens) await assertNoTokenLeak(page, token);
  await assertClean(page);
}

test('admin signs in with password + TOTP, loses the session on reload, signs in with a backup code, signs out', FLOW, async (t) => {
  await withConsole(t, async ({ page, state }) => {
    // Signed out, a protected page sends to the sign-in page and remembers where to go.
    await goto(page, '/clients');
    await signInForm(page);
    const u = new URL(page.url());
    assert.equal(u.pathname, '/login');
    assert.equal(u.searchParams.get('next'), '/clients');
    assert.equal(await page.getByLabel('Workspace', { exact: true }).inputValue(), 'acme');
    await screenshot(page, 'redirected to sign-in');

    await submitPassword(page, { email: ACCOUNTS.admin });
    await submitTotp(page, await totp());
    await waitForPath(page, /^\/clients(\?|$)/);
    await heading(page, 'Clients').waitFor();
    await expectShell(page, ACCOUNTS.admin);
    assert.deepEqual(
      (await navLinks(page)).sort(),
      ['API keys', 'Applications', 'Clients', 'Groups', 'Overview', 'Permissions', 'Roles', 'Scopes', 'Security', 'Sessions', 'Settings', 'Users'],
    );
    await screenshot(page, 'clients after TOTP');
    assert.equal(state.tokens.length, 1);
    await assertNoTokenLeak(page, state.tokens[0]);

    // The session lives in memory only: a reload signs out.
    await page.reload({ waitUntil: 'load' });
    await signInForm(page);
    assert.match(where(page), /^\/login/);
    await screenshot(page, 'after reload: signed out');

    // Sign in again, second factor with the single-use backup code.
    await submitPassword(page, { email: ACCOUNTS.admin });
    await submitBackupCode(page, BACKUP_CODE());
    await waitForPath(page, /^\/clients(\?|$)/);
    await heading(page, 'Clients').waitFor();
    await expectShell(page, ACCOUNTS.admin);
    await screenshot(page, 'clients after backup code');

    await signOut(page);
    await finish(page, state);
  });
});

test('a wrong password shows an alert and keeps the typed email', FLOW, async (t) => {
  await withConsole(t, async ({ page, state }) => {
    await goto(page, '/login');
    await submitPassword(page, { email: ACCOUNTS.admin, password: 'Not-The-Password-1' });
    const alert = page.getByRole('alert').filter({ hasText: /email or password is not right/i });
    await alert.waitFor();
    await screenshot(page, 'invalid credentials');
    assert.match(await alert.innerText(), /\S+ \S+/, 'the alert is a sentence');
    await signInForm(page);
    assert.equal(await page.getByLabel('Email', { exact: true }).inputValue(), ACCOUNTS.admin);
    assert.match(where(page), /^\/login/);
    assert.equal(state.tokens.length, 0, 'no token may be minted');
    await assertNoTokenLeak(page, null);
    await assertClean(page);
  });
});

test('passkey: enrol under Security, then use it as the second factor', FLOW, async (t) => {
  await withConsole(t, async ({ page, state }) => {
    const authenticator = await virtualAuthenticator(page);

    await goto(page, '/login');
    await submitPassword(page, { email: ACCOUNTS.passkey });
    await submitCode(page, ACCOUNTS.passkey);
    await waitForPath(page, ADMIN_HOME);
    await expectShell(page, ACCOUNTS.passkey);
    await screenshot(page, 'signed in with the authenticator app');

    await mainNav(page).getByRole('link', { name: 'Security', exact: true }).click();
    await waitForPath(page, /^\/account\/security/);
    await heading(page, 'Security').waitFor();
    await screenshot(page, 'security page');

    await page.getByRole('button', { name: 'Add a passkey', exact: true }).click();
    await screenshot(page, 'add a passkey');
    await page.getByRole('button', { name: 'Create passkey', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Passkey added' }).waitFor();
    await screenshot(page, 'passkey added');
    const creds = await authenticator.credentials();
    assert.equal(creds.length, 1, 'the virtual authenticator holds one credential');
    assert.equal(creds[0].rpId, new URL(page.url()).hostname, 'RP id is the console host');

    await signOut(page);

    await submitPassword(page, { email: ACCOUNTS.passkey });
    await heading(page, 'Two-factor authentication').waitFor();
    await screenshot(page, 'second factor offers the passkey');
    await page.getByRole('button', { name: 'Use your passkey', exact: true }).click();
    await waitForPath(page, ADMIN_HOME);
    await heading(page, 'Overview').waitFor();
    await expectShell(page, ACCOUNTS.passkey);
    await screenshot(page, 'overview after passkey');
    const after = await authenticator.credentials();
    assert.ok(after[0].signCount > creds[0].signCount, 'the passkey was used to sign in');
    assert.equal(state.tokens.length, 2);

    await signOut(page);
    await finish(page, state);
  });
});

test('an end user lands on Security and sees only Security and Sessions', FLOW, async (t) => {
  await withConsole(t, async ({ page, state }) => {
    await goto(page, '/login');
    await submitPassword(page, { email: ACCOUNTS.user });
    await submitCode(page, ACCOUNTS.user);
    await waitForPath(page, /^\/account\/security/);
    await heading(page, 'Security').waitFor();
    await expectShell(page, ACCOUNTS.user);
    assert.deepEqual((await navLinks(page)).sort(), ['Security', 'Sessions']);
    await screenshot(page, 'end user security');
    await signOut(page);
    await finish(page, state);
  });
});

test('a 401 opens "Sign in again", and the call is retried after it', FLOW, async (t) => {
  await withConsole(t, async ({ page, state }) => {
    await goto(page, '/login');
    await submitPassword(page, { email: ACCOUNTS.plain });
    await submitCode(page, ACCOUNTS.plain);
    await waitForPath(page, ADMIN_HOME);
    await heading(page, 'Overview').waitFor();
    await expectShell(page, ACCOUNTS.plain);

    // Leave Clients, then make its next list call answer 401 once.
    await mainNav(page).getByRole('link', { name: 'Users', exact: true }).click();
    await waitForPath(page, /^\/users/);
    await page.waitForLoadState('networkidle').catch(() => {});
    await screenshot(page, 'users');
    let rejected = 0;
    await page.route(
      '**/getClients**',
      (route) => {
        rejected += 1;
        return route.fulfill({
          status: 401,
          body: '{"error":"Invalid or expired token"}',
          headers: {
            'content-type': 'application/json',
            'access-control-allow-origin': CONSOLE_ORIGIN(),
          },
        });
      },
      { times: 1 },
    );

    await mainNav(page).getByRole('link', { name: 'Clients', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign in again' });
    await dialog.waitFor();
    assert.equal(rejected, 1);
    await screenshot(page, 'sign in again dialog');

    const listed = page.waitForResponse(
      (r) => r.url().includes('/getClients') && r.request().method() === 'GET' && r.status() === 200,
    );
    await dialog.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
    await submitCode(page, ACCOUNTS.plain);
    await dialog.waitFor({ state: 'hidden' });
    await listed;
    await heading(page, 'Clients').waitFor();
    await screenshot(page, 'clients after re-authentication');
    assert.equal(state.tokens.length, 2, 're-authentication minted a new token');

    await signOut(page);
    await finish(page, state);
  });
});

// The first page's form is index.html's own, made to work by the first load's small module
// (src/first_load/form.rs); the console's code arrives once it has been used.
test("the first page's form: empty fields say so and take the focus, nothing is sent; what was typed survives the token form and the second factor's Start over", FLOW, async (t) => {
  await withConsole(t, async ({ page }) => {
    const posts = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url());
    });
    const packs = [];
    page.on('request', (r) => {
      if (/\/pack_\w+\.wasm$/.test(r.url())) packs.push(r.url());
    });
    await goto(page, '/login');
    await signInForm(page);
    const field = (name) => page.getByLabel(name, { exact: true });
    await field('Workspace').fill('');
    await field('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Enter your workspace.', { exact: true }).waitFor();
    await page.getByText('Enter an email address like name@example.com.', { exact: true }).waitFor();
    await page.getByText('Enter your password.', { exact: true }).waitFor();
    await screenshot(page, 'field messages');
    assert.equal(await field('Email').getAttribute('aria-invalid'), 'true');
    const focused = await page.evaluate(() => document.activeElement?.labels?.[0]?.textContent);
    assert.equal(focused, 'Workspace', 'the first wrong field has the focus');
    assert.deepEqual(posts, [], 'nothing is sent while a field is wrong');
    assert.deepEqual(
      packs.filter((u) => !u.endsWith('/pack_signin_send.wasm')),
      [],
      "the console's code is not fetched for a form that was not sent (only the password step's)",
    );

    // "Use an access token" opens the console's token form; back again, the typing is there.
    await field('Workspace').fill('acme');
    await field('Email').fill(ACCOUNTS.admin);
    await page.getByRole('button', { name: 'Use an access token', exact: true }).click();
    await heading(page, 'Sign in with a token').waitFor();
    await page.getByRole('button', { name: 'Sign in with a password instead', exact: true }).click();
    await signInForm(page);
    assert.equal(await field('Workspace').inputValue(), 'acme');
    assert.equal(await field('Email').inputValue(), ACCOUNTS.admin);
    assert.equal(await field('Email').getAttribute('aria-invalid'), 'false', 'the old message is gone');

    // A fresh page: the right password hands over to the second factor's step, whose
    // Start over comes back to the form with the workspace and email typed.
    await goto(page, '/login');
    await submitPassword(page, { email: ACCOUNTS.admin });
    await heading(page, 'Two-factor authentication').waitFor();
    await page.getByRole('button', { name: 'Start over', exact: true }).click();
    await signInForm(page);
    assert.equal(await field('Email').inputValue(), ACCOUNTS.admin);
    assert.equal(await field('Password').inputValue(), '', 'the password is not kept');
    await assertClean(page);
  });
});

test("when code cannot be fetched, the first page's form says so, keeps what was typed, and signs in when sent again", FLOW, async (t) => {
  await withConsole(t, async ({ page }) => {
    // The password step's code fails in the background and once more when the form is
    // sent; the console's code fails once after the password was right.
    await page.route('**/pack_signin_send.wasm', (route) => route.abort(), { times: 2 });
    await page.route('**/pack_app.wasm', (route) => route.abort(), { times: 1 });
    const logins = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/uflow\/login$/.test(r.url())) logins.push(r.url());
    });
    await goto(page, '/login');
    await submitPassword(page, { email: ACCOUNTS.admin });
    const text = 'The console could not be loaded. Check your connection, then try again.';
    const alert = page.getByRole('alert').filter({ hasText: text });
    const button = page.getByRole('button', { name: 'Sign in', exact: true });
    for (const [i, sent] of [[1, 0], [2, 1]]) {
      await alert.waitFor();
      await button.and(page.locator(':enabled')).waitFor();
      await screenshot(page, `code not fetched ${i}`);
      assert.equal(await page.getByLabel('Email', { exact: true }).inputValue(), ACCOUNTS.admin);
      assert.equal(await page.getByLabel('Password', { exact: true }).inputValue(), PASSWORD, 'the password is kept');
      assert.equal(logins.length, sent, 'the password went out only with code to read the answer');
      // The first time, the password goes out once the step's code has come.
      const posted = i === 1 && page.waitForRequest((r) => r.method() === 'POST' && /\/uflow\/login$/.test(r.url()));
      await button.click();
      if (posted) await posted;
    }
    await submitCode(page, ACCOUNTS.admin);
    await waitForPath(page, ADMIN_HOME);
    await expectShell(page, ACCOUNTS.admin);
    await assertClean(page);
  });
});

test("a deep link asks for the console's code beside the password step's, and opens the console", FLOW, async (t) => {
  await withConsole(t, async ({ page }) => {
    // The password step's pack is held back until the console's pack is asked for: a
    // loader that fetched them one after the other would never ask, and this would fail.
    const release = await holdBack(page, '**/pack_signin_send.wasm');
    const app = page.waitForRequest((r) => r.url().endsWith('/pack_app.wasm'));
    const opened = page.goto(`${CONSOLE_URL()}/clients`, { waitUntil: 'commit' });
    await app;
    release();
    await opened;
    await waitForPath(page, /^\/login\?next=%2Fclients$/);
    await signInForm(page);
    await screenshot(page, 'deep link opened');
    await assertClean(page);
  });
});
