// The admin areas on a sandbox with `--profile authsec` (issue 15): clients, end users and
// admins as AuthSec itself serves them (its routes, shapes and ignored filters), driven
// through the console. scripts/test starts that stack (AUTHSEC_CONSOLE_URL, AUTHSEC_SANDBOX_URL).

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { onStack } from './stack.mjs';

const {
  ADMIN_HOME,
  ACCOUNTS, api, apiSignIn, assertClean, codeNow, completeSignIn, eventually, expectShell, follow, goto, heading, screenshot,
  signInPlain, signOut, submitPassword, tokensMinted, waitForPath, withConsole,
} = await onStack('AUTHSEC');

const FLOW = { timeout: 240_000 };
const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const button = (scope, name) => scope.getByRole('button', { name, exact: true });
const toast = (page, text) => page.getByRole('status').filter({ hasText: text });
const rowOf = (page, text) => page.locator('main tbody tr').filter({ hasText: text });

let admin = null;
const session = async () => (admin ??= await apiSignIn());
async function call(method, path, body) {
  const s = await session();
  return api(s.token, method, path.replace('{tenant}', s.tenantId), body);
}

test('on AuthSec itself: clients created, filtered, opened, edited, deactivated, activated, deleted', FLOW, async (t) => {
  const name = `authsec-${RUN}`;
  const tag = `as-${RUN}`;
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/clients/new');
    await heading(page, 'New client').waitFor();
    for (const gone of ['Redirect URI 1', 'Scopes', 'Logo URL']) {
      assert.equal(await page.getByLabel(gone, { exact: true }).count(), 0, `${gone}: AuthSec keeps none`);
    }
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(`${name}@e2e.acme.test`);
    const tags = page.getByRole('textbox', { name: 'Tags', exact: true });
    await tags.fill(tag);
    await tags.press('Enter');
    await button(page, 'Create client').click();
    const dialog = page.getByRole('dialog', { name: 'Client secret' });
    await dialog.waitFor();
    await button(dialog, 'I have stored it').click();
    await page.waitForURL((u) => /^\/clients\/[0-9a-f-]{36}$/.test(u.pathname));
    const id = new URL(page.url()).pathname.split('/').pop();
    await heading(page, name).waitFor();
    // AuthSec has no route for a client's roles or groups: the page says so, with no control.
    const access = page.getByRole('region', { name: 'Roles and groups' });
    await access.getByText('a client holds neither', { exact: false }).waitFor();
    assert.equal(await access.getByRole('button').count(), 0, 'nothing to click that the server would not honour');
    // AuthSec's create takes no tags: the console set them with its update.
    await eventually(async () => assert.deepEqual((await call('GET', `/authsec/clientms/tenants/{tenant}/clients/${id}`)).body.tags, [tag]));

    // Edit the e-mail on the detail page (no type: AuthSec's update does not take it).
    await button(page, 'Edit').click();
    assert.equal(await page.getByLabel('Client type', { exact: true }).count(), 0);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(`${name}-edited@e2e.acme.test`);
    await button(page, 'Save changes').click();
    await toast(page, 'Changes saved.').waitFor();
    await page.getByText(`${name}-edited@e2e.acme.test`, { exact: true }).waitFor();

    // The list, filtered by the tag; deactivate (AuthSec: Development), activate.
    await follow(page, `/clients?tags=${encodeURIComponent(tag)}`);
    const row = rowOf(page, name);
    await row.waitFor();
    await button(row, `Deactivate ${name}`).click();
    await row.getByText('Inactive', { exact: true }).waitFor();
    await eventually(async () => assert.equal((await call('GET', `/authsec/clientms/tenants/{tenant}/clients/${id}`)).body.status, 'Development'));
    await button(row, `Activate ${name}`).click();
    await row.getByText('Active', { exact: true }).waitFor();
    await screenshot(page, 'authsec client row');

    // Delete, then permanently.
    await button(row, `Delete ${name}`).click();
    let dlg = page.getByRole('dialog', { name: 'Delete client' });
    await button(dlg, 'Delete').click();
    await toast(page, `${name} was deleted.`).waitFor();
    await follow(page, `/clients?tags=${encodeURIComponent(tag)}&deleted=true`);
    await button(rowOf(page, name), `Delete permanently ${name}`).click();
    dlg = page.getByRole('dialog', { name: 'Delete client' });
    await dlg.getByRole('textbox', { name: `Type ${name} to confirm`, exact: true }).fill(name);
    await button(dlg, 'Delete').click();
    await toast(page, `${name} was deleted permanently.`).waitFor();
    assert.equal((await call('GET', `/authsec/clientms/tenants/{tenant}/clients/${id}`)).status, 404);
    await assertClean(page);
  });
});

test('on AuthSec itself: end users searched here, created through SCIM, renamed (kept over a reload), deactivated, deleted', FLOW, async (t) => {
  const email = `scim-${RUN}@e2e.acme.test`;
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/users/new');
    await heading(page, 'New user').waitFor();
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
    await page.getByRole('textbox', { name: 'First name', exact: true }).fill('Sky');
    await page.getByRole('textbox', { name: 'Last name', exact: true }).fill('Scim');
    await button(page, 'Create user').click();
    await page.waitForURL((u) => /^\/users\/[0-9a-f-]{36}$/.test(u.pathname));
    const id = new URL(page.url()).pathname.split('/').pop();
    await heading(page, 'Sky Scim').waitFor();

    // The list: AuthSec sends everyone; the search is the console's.
    await follow(page, '/users');
    await page.getByRole('search', { name: 'Filter end users' }).getByRole('searchbox', { name: /^Search/ }).fill(`scim-${RUN}`);
    await eventually(async () => assert.equal(await page.locator('main tbody tr').count(), 1));
    await page.getByRole('link', { name: 'Sky Scim', exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/users/${id}`);

    // Rename: one name, as AuthSec keeps it; it survives a reload.
    const profile = page.getByRole('form', { name: 'Profile' });
    await profile.getByRole('textbox', { name: 'Name', exact: true }).fill('Sky Renamed');
    await button(profile, 'Save profile').click();
    await toast(page, 'The profile was saved.').waitFor();
    await page.reload();
    await completeSignIn(page);
    await heading(page, 'Sky Renamed').waitFor();
    const got = await call('GET', `/authsec/uflow/user/enduser/{tenant}/${id}`);
    assert.equal(got.body.name, 'Sky Renamed');

    // Deactivate, activate, delete (AuthSec's delete_all: the user is gone).
    await button(page, 'Deactivate').click();
    const confirm = page.getByRole('dialog', { name: 'Confirm' });
    await button(confirm, 'Confirm').click();
    await toast(page, `${email} was deactivated.`).waitFor();
    await eventually(async () => assert.equal((await call('GET', `/authsec/uflow/user/enduser/{tenant}/${id}`)).body.active, false));
    await button(page, 'Activate').click();
    await button(confirm, 'Confirm').click();
    await toast(page, `${email} was activated.`).waitFor();
    await button(page, 'Delete').click();
    await confirm.getByRole('textbox').fill(email);
    await button(confirm, 'Confirm').click();
    await toast(page, `${email} was deleted.`).waitFor();
    await page.waitForURL((u) => u.pathname === '/users');
    assert.equal((await call('GET', `/authsec/uflow/user/enduser/{tenant}/${id}`)).status, 404);
    await assertClean(page);
  });
});

test('on AuthSec itself: admins listed, one invited and deleted, one deactivated', FLOW, async (t) => {
  const email = `invitee-${RUN}@e2e.acme.test`;
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/users?tab=admins');
    const table = page.getByRole('table', { name: 'Admins' });
    await table.getByRole('row').filter({ hasText: ACCOUNTS.admin }).waitFor();
    // Each admin's second factor, from the list's own fields: the seeded admin has an
    // authenticator app; an invited admin, none (below).
    const factorOf = async (who) => {
      // The row whose e-mail is exactly `who` (its cell's title holds the whole address).
      const row = table.getByRole('row').filter({ has: page.locator(`[title="${who}"]`) });
      const col = (await table.getByRole('columnheader').allInnerTexts()).indexOf('Second factor');
      return row.getByRole('cell').nth(col).innerText();
    };
    assert.equal(await factorOf(ACCOUNTS.admin), 'Authenticator app');
    await button(page, 'Invite admin').click();
    const dlg = page.getByRole('dialog', { name: 'Invite an admin' });
    await dlg.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
    await dlg.getByRole('textbox', { name: 'Username', exact: true }).fill(`invitee-${RUN}`);
    await button(dlg, 'Send invitation').click();
    await dlg.getByText(`The invitation for ${email} was created`).waitFor();
    await button(dlg, 'Done').click();
    await page.getByRole('searchbox', { name: /^Search/ }).fill(email);
    // The search is in the URL, so the reload below returns to it (an address with `@`).
    await page.waitForURL((u) => u.searchParams.get('q') === email);
    const row = table.getByRole('row').filter({ hasText: email });
    await row.waitFor();
    assert.equal(await factorOf(email), 'None');
    const confirm = page.getByRole('dialog', { name: 'Confirm' });
    await button(row, 'Delete').click();
    await confirm.getByRole('textbox').fill(email);
    await button(confirm, 'Confirm').click();
    await toast(page, `${email} was deleted.`).waitFor();
    await row.waitFor({ state: 'detached' });
    // Deactivating: AuthSec then stops listing the admin.
    const other = `invitee2-${RUN}@e2e.acme.test`;
    const s = await session();
    const inv = await api(s.token, 'POST', '/authsec/uflow/admin/invite', { email: other, username: `invitee2-${RUN}`, tenant_id: s.tenantId });
    assert.equal(inv.status, 201, inv.text);
    await page.reload();
    await completeSignIn(page);
    await page.getByRole('searchbox', { name: /^Search/ }).fill(other);
    const row2 = table.getByRole('row').filter({ hasText: other });
    await button(row2, 'Deactivate').click();
    await button(confirm, 'Confirm').click();
    await toast(page, `${other} was deactivated.`).waitFor();
    await row2.waitFor({ state: 'detached' });
    await screenshot(page, 'authsec admins');
    await assertClean(page);
  });
});

test('on AuthSec itself an invited admin signs in through their own route; the case AuthSec cannot serve is said', FLOW, async (t) => {
  const email = `invited-${RUN}@e2e.acme.test`;
  const s = await session();
  const inv = await api(s.token, 'POST', '/authsec/uflow/admin/invite', { email, username: `invited-${RUN}`, tenant_id: s.tenantId });
  assert.equal(inv.status, 201, inv.text);
  const password = inv.body.temporary_password;
  await withConsole(t, async ({ page, state }) => {
    await goto(page, '/login');
    await submitPassword(page, { email, password });
    await waitForPath(page, ADMIN_HOME);
    await expectShell(page, email);
    await tokensMinted(state, 1);
    await follow(page, '/account/security');
    await page.getByText('You are an invited admin.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Set up an authenticator app' }).count(), 0, 'enrolling would lock them out');
    await signOut(page);

    // Once the invitee has a factor (enrolled here through the API), AuthSec has no route
    // that gives them a token: the console says so.
    const login = await api(null, 'POST', '/authsec/uflow/auth/admin/login', { email, password, tenant_domain: 'acme' });
    assert.equal(typeof login.body.token, 'string', login.text);
    const who = { email, tenant_id: s.tenantId };
    const begin = await api(login.body.token, 'POST', '/authsec/webauthn/totp/beginLoginSetup', who);
    const code = codeNow(begin.body.secret);
    const on = await api(login.body.token, 'POST', '/authsec/webauthn/totp/confirmLoginSetup', { ...who, secret: begin.body.secret, code });
    assert.equal(on.status, 200, on.text);
    await submitPassword(page, { email, password });
    await page.getByText('This account is an invited admin with two-factor sign-in turned on').waitFor();
    await screenshot(page, 'invited admin with a factor');
    await assertClean(page);
  });
});
