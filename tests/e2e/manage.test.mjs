// Sessions, management applications and API keys.
//
// Sessions: a fresh end user revokes one of their other sessions, then signs out
// everywhere else, and a second browser signed in as them is thrown back to
// sign-in on its next action; an admin revokes that user's session from the
// workspace view. Applications: created through every step, then only the TOTP
// period edited, and the sandbox shows every other setting unchanged; then
// deleted. API keys: created, used as a bearer token, regenerated (the old key
// gets 401), deleted.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  api,
  apiCreateEndUser,
  apiSignIn,
  assertClean,
  assertNoTokenLeak,
  eventually,
  goto,
  heading,
  openConsole,
  PASSWORD,
  screenshot,
  signInPlain,
  submitCode,
  submitPassword,
  withConsole,
} from './helpers.mjs';

const FLOW = { timeout: 240_000 };
const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const PREFIX = `e2e-${RUN}`;

const button = (scope, name) => scope.getByRole('button', { name, exact: true });
const toast = (page, text) => page.getByRole('status').filter({ hasText: text });

async function newEndUser(what) {
  const admin = await apiSignIn();
  const email = `${PREFIX}-${what}@e2e.acme.test`;
  const row = await apiCreateEndUser(email);
  return { email, id: row.id, admin };
}

const alive = async (token) => (await api(token, 'GET', '/authsec/uflow/sessions')).status;

test('my sessions: revoke another one, then sign out everywhere else; the other browser is thrown back to sign-in', FLOW, async (t) => {
  const { email } = await newEndUser('sessions');
  const other = await apiSignIn(email); // a session from "another device"
  const second = await openConsole(); // a second browser signed in as the same user
  try {
    await goto(second.page, '/login');
    await submitPassword(second.page, { email });
    await submitCode(second.page, email);
    await second.page.waitForURL((u) => u.pathname === '/account/security');

    await withConsole(t, async ({ page, state }) => {
      await goto(page, '/login');
      await submitPassword(page, { email });
      await submitCode(page, email);
      await page.waitForURL((u) => u.pathname === '/account/security');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions', exact: true }).click();
      await heading(page, 'Sessions').waitFor();
      const table = page.getByRole('table', { name: 'Your sessions' });
      await eventually(async () => assert.equal(await table.locator('tbody tr').count(), 3));
      await table.getByText('This device', { exact: true }).waitFor();
      assert.equal(await table.locator('tr.row--current').count(), 1, 'exactly one row is this device');
      await screenshot(page, 'my sessions');

      // Revoke the API session (its device name is unknown; the browsers say Chrome).
      await table.locator('tbody tr:not(.row--current)').filter({ hasText: 'Unknown browser' })
        .getByRole('button', { name: /^Revoke the session on/ }).click();
      const dlg = page.getByRole('dialog', { name: 'Confirm' });
      await dlg.getByText(/That device is signed out at its next request/).waitFor();
      await button(dlg, 'Confirm').click();
      await toast(page, /was revoked\./).waitFor();
      await eventually(async () => assert.equal(await table.locator('tbody tr').count(), 2));
      assert.equal(await alive(other.token), 401, "the revoked session's token is refused");

      await button(page, 'Sign out everywhere else').click();
      await button(dlg, 'Confirm').click();
      await toast(page, '1 other session was signed out.').waitFor();
      await eventually(async () => assert.equal(await table.locator('tbody tr').count(), 1));
      await screenshot(page, 'only this device');

      // The second browser's next action sends it to sign-in.
      await second.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions', exact: true }).click();
      await second.page.getByRole('dialog', { name: /Sign in again/ }).or(heading(second.page, 'Sign in')).first().waitFor({ timeout: 20_000 });
      await screenshot(second.page, 'second browser asked to sign in');

      // This browser is still signed in.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Security', exact: true }).click();
      await heading(page, 'Security').waitFor();
      for (const token of state.tokens) await assertNoTokenLeak(page, token);
      await assertClean(page);
    });
  } finally {
    await second.close();
  }
});

test('an admin revokes a user\'s session from the workspace view', FLOW, async (t) => {
  const { email, id } = await newEndUser('tenant-sessions');
  const victim = await apiSignIn(email);
  await withConsole(t, async ({ page, state }) => {
    await signInPlain(page, '/sessions');
    const section = page.getByRole('region', { name: 'All sessions in this workspace' });
    await section.getByRole('searchbox', { name: /^User email/ }).fill(email);
    await page.waitForURL((u) => u.searchParams.get('email') === email);
    await section.getByRole('combobox', { name: /^Status/ }).selectOption('true');
    await page.waitForURL((u) => u.searchParams.get('active') === 'true');
    const table = page.getByRole('table', { name: 'Workspace sessions' });
    await eventually(async () => assert.equal(await table.locator('tbody tr').count(), 1));
    assert.equal(await table.getByRole('link', { name: email }).getAttribute('href'), `/users/${id}`);
    await screenshot(page, 'workspace sessions filtered');
    await table.getByRole('button', { name: new RegExp(`^Revoke the session of ${email.replace(/[.]/g, '\\.')}`) }).click();
    const dlg = page.getByRole('dialog', { name: 'Revoke session' });
    await button(dlg, 'Revoke').click();
    await toast(page, `The session of ${email}`).waitFor();
    await eventually(async () => assert.equal(await alive(victim.token), 401));
    await page.getByText('No sessions match.').waitFor();
    for (const token of state.tokens) await assertNoTokenLeak(page, token);
    await assertClean(page);
  });
});

test('create an application through every step, edit only the TOTP period, nothing else changes; then delete it', FLOW, async (t) => {
  const name = `${PREFIX} Portal`;
  const admin = await apiSignIn();
  const getApp = async (id) => (await api(admin.token, 'GET', '/authsec/apps/')).body.result.find((a) => a.app_id === id);
  await withConsole(t, async ({ page, state }) => {
    await signInPlain(page, '/apps');
    await heading(page, 'Applications').waitFor();
    await page.getByRole('link', { name: 'New application', exact: true }).click();
    await heading(page, 'New application').waitFor();

    // Step 1: a Next with an empty name stays, with the message at the field.
    await button(page, 'Next').click();
    await page.getByText('Enter the name.').waitFor();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Description', { exact: true }).fill('Customer portal');
    await page.getByLabel('Logo URL', { exact: true }).fill('http://insecure.example.com/logo.png');
    await button(page, 'Next').click();
    await page.getByText('Use an https:// address.').waitFor();
    await page.getByLabel('Logo URL', { exact: true }).fill('https://cdn.example.com/logo.png');
    await screenshot(page, 'step 1 basics');
    await button(page, 'Next').click();

    // Step 2.
    await heading(page, 'Step 2 of 5: First client').waitFor();
    await page.getByLabel('Client type', { exact: true }).selectOption('spa');
    await page.getByLabel('Token endpoint auth method', { exact: true }).selectOption('none');
    await page.getByRole('checkbox', { name: 'Device authorization (TV and CLI sign-in)' }).check();
    await screenshot(page, 'step 2 first client');
    await button(page, 'Next').click();

    // Step 3: Google on (its fields appear), TOTP period out of range first.
    await heading(page, 'Step 3 of 5: Login preferences').waitFor();
    await page.getByRole('checkbox', { name: 'Google', exact: true }).check();
    await page.getByLabel('Google client ID', { exact: true }).fill('portal.apps.googleusercontent.com');
    await page.getByLabel('Google client secret', { exact: true }).fill('g-secret-123');
    await page.getByLabel(/^Period \(seconds\)/).fill('5');
    await button(page, 'Next').click();
    await page.getByText('Enter a whole number from 15 to 120.').waitFor();
    await page.getByLabel(/^Period \(seconds\)/).fill('30');
    await screenshot(page, 'step 3 login preferences');
    await button(page, 'Next').click();

    // Step 4, then Back and forward keep the values.
    await heading(page, 'Step 4 of 5: Domains').waitFor();
    const sub = `${PREFIX}-portal`.toLowerCase().slice(0, 60);
    await page.getByLabel('Subdomain', { exact: true }).fill(sub);
    await button(page, 'Back').click();
    await heading(page, 'Step 3 of 5: Login preferences').waitFor();
    assert.equal(await page.getByLabel('Google client ID', { exact: true }).inputValue(), 'portal.apps.googleusercontent.com');
    await button(page, 'Next').click();
    assert.equal(await page.getByLabel('Subdomain', { exact: true }).inputValue(), sub);
    await screenshot(page, 'step 4 domains');
    await button(page, 'Next').click();

    await heading(page, 'Step 5 of 5: Review').waitFor();
    await page.getByText(`Name: ${name}`).waitFor();
    await page.getByText('Sign-in methods: Google, Password, Authenticator app (TOTP)').waitFor();
    assert.equal(await page.getByText('g-secret-123').count(), 0, 'secrets are masked in the review');
    await screenshot(page, 'step 5 review');
    await button(page, 'Create application').click();

    const secretDlg = page.getByRole('dialog', { name: 'Client secret' });
    const secret = await secretDlg.getByRole('textbox').inputValue();
    assert.ok(secret.length >= 20);
    await button(secretDlg, 'I have stored it').click();
    await page.waitForURL((u) => /^\/apps\/[0-9a-f-]{36}$/.test(u.pathname));
    const id = new URL(page.url()).pathname.split('/').pop();
    await heading(page, name).waitFor();
    const created = await getApp(id);
    assert.equal(created.client_type, 'spa');
    assert.equal(created.client_auth_method, 'none');
    assert.equal(created.device_authorization.enabled, true);
    assert.equal(created.subdomain, sub);
    assert.equal(created.login_preferences.auth_methods.google.clientId, 'portal.apps.googleusercontent.com');

    // Edit only the TOTP period.
    await page.getByRole('tab', { name: 'Login preferences' }).click();
    await page.getByLabel(/^Period \(seconds\)/).fill('45');
    await button(page, 'Save changes').click();
    await toast(page, 'The application was saved.').waitFor();
    const edited = await getApp(id);
    const strip = (a) => ({ ...a, updated_at: null });
    const want = structuredClone(created);
    want.login_preferences.auth_methods.totp.period = 45;
    assert.deepEqual(strip(edited), strip(want), 'only the TOTP period changed');
    await screenshot(page, 'edited totp period');

    // Someone else saves meanwhile: the next save says so and keeps the edits.
    await api(admin.token, 'PUT', `/authsec/apps/${id}`, { app_description: 'Changed elsewhere' });
    await page.getByRole('tab', { name: 'Basics' }).click();
    await page.getByLabel('Description', { exact: true }).fill('My description');
    await button(page, 'Save changes').click();
    await page.getByText('Someone changed this application since you opened it.').waitFor();
    assert.equal(await page.getByLabel('Description', { exact: true }).inputValue(), 'My description');
    assert.equal((await getApp(id)).app_description, 'Changed elsewhere');
    await screenshot(page, 'conflict');

    // Delete: the name must be typed.
    await button(page, 'Delete').click();
    const del = page.getByRole('dialog', { name: 'Delete application' });
    assert.equal(await button(del, 'Delete').isDisabled(), true);
    await del.getByRole('textbox').fill(name);
    await button(del, 'Delete').click();
    await page.waitForURL((u) => u.pathname === '/apps');
    await toast(page, 'The application was deleted.').waitFor();
    assert.equal(await getApp(id), undefined);
    for (const token of state.tokens) await assertNoTokenLeak(page, token);
    await assertClean(page);
  });
});

test('an API key works as a bearer token; regenerated, the old one gets 401; then deleted', FLOW, async (t) => {
  const name = `${PREFIX} CI key`;
  const admin = await apiSignIn();
  const use = (key) => api(key, 'GET', `/authsec/clientms/tenants/${admin.tenantId}/clients/getClients?page=1&limit=1`);
  await withConsole(t, async ({ page, state }) => {
    await signInPlain(page, '/api-keys');
    await heading(page, 'API keys').waitFor();
    await button(page, 'New API key').click();
    const dlg = page.getByRole('dialog', { name: 'New API key' });
    await button(dlg, 'Create key').click();
    await dlg.getByText('Pick at least one scope.').waitFor();
    await dlg.getByLabel('Name', { exact: true }).fill(name);
    await dlg.getByRole('checkbox', { name: 'clients:read' }).check();
    await screenshot(page, 'new key');
    await button(dlg, 'Create key').click();
    const shown = page.getByRole('dialog', { name: 'API key', exact: true });
    const key = await shown.getByRole('textbox').inputValue();
    assert.ok(key.length > 20);
    await screenshot(page, 'key shown once');
    await button(shown, 'I have stored it').click();
    assert.equal((await use(key)).status, 200, 'the key works as a bearer token');

    const row = page.getByRole('table', { name: 'API keys' }).getByRole('row').filter({ hasText: name });
    await row.getByText('clients:read').waitFor();
    await button(row, `Regenerate ${name}`).click();
    await button(page.getByRole('dialog', { name: 'Confirm' }), 'Confirm').click();
    const again = page.getByRole('dialog', { name: 'API key', exact: true });
    const key2 = await again.getByRole('textbox').inputValue();
    assert.notEqual(key2, key);
    await button(again, 'I have stored it').click();
    assert.equal((await use(key)).status, 401, 'the old key is refused');
    assert.equal((await use(key2)).status, 200, 'the new key works');

    await button(row, `Delete ${name}`).click();
    await button(page.getByRole('dialog', { name: 'Confirm' }), 'Confirm').click();
    await toast(page, `${name} was deleted.`).waitFor();
    await row.waitFor({ state: 'detached' });
    assert.equal((await use(key2)).status, 401);
    assert.ok(!state.console.join('\n').includes(key2), 'the key never reaches the console');
    for (const token of state.tokens) await assertNoTokenLeak(page, token);
    await assertClean(page);
  });
});
