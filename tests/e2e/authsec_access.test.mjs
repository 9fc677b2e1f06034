// Roles and permissions on a sandbox with `--profile authsec` (issue 17): AuthSec's own
// routes (authsec-api.md §e.1), driven through the console, each step checked against the
// sandbox's state afterwards. scripts/test starts that stack (AUTHSEC_CONSOLE_URL, AUTHSEC_SANDBOX_URL).

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { onStack } from './stack.mjs';

const { ACCOUNTS, api, apiSignIn, assertClean, eventually, follow, heading, screenshot, signInPlain, withConsole } =
  await onStack('AUTHSEC');

const FLOW = { timeout: 240_000 };
const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const button = (scope, name) => scope.getByRole('button', { name, exact: true });
const toast = (page, text) => page.getByRole('status').filter({ hasText: text });
const rowOf = (page, text) => page.locator('main tbody tr').filter({ hasText: text });
const box = (scope, name) => scope.getByRole('checkbox', { name, exact: false });

let admin = null;
const call = async (method, path, body) => {
  admin ??= await apiSignIn();
  return api(admin.token, method, path, body);
};

test('on AuthSec itself: a role is created from picked permissions, edited, given to an admin, deleted', FLOW, async (t) => {
  const name = `role-${RUN}`;
  const ops = (await call('POST', '/authsec/uflow/admin/users/list', {})).body.users.find((u) => u.email === ACCOUNTS.admin);
  assert.ok(ops, 'the main admin is listed');
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/access/roles');
    await heading(page, 'Roles').waitFor();
    await rowOf(page, 'billing-viewer').waitFor();
    // The search lives in the URL and reads descriptions too.
    await page.getByRole('searchbox', { name: 'Search' }).fill('invoices');
    await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === 'invoices');
    await rowOf(page, 'billing-viewer').waitFor();
    assert.equal(await rowOf(page, 'support').count(), 0);

    await page.getByRole('link', { name: 'New role', exact: true }).click();
    await heading(page, 'New role').waitFor();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await page.getByRole('textbox', { name: 'Description', exact: true }).fill('Made by the e2e run');
    await button(page, 'Create role').click();
    await page.getByText('Pick at least one permission', { exact: false }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Name', exact: true }).inputValue(), name, 'nothing typed is lost');
    // The group's box picks all four client permissions; one more by itself.
    await box(page, 'All of clients').check();
    await page.getByText('4 of', { exact: false }).waitFor();
    await box(page, 'invoices:read').check();
    await button(page, 'Create role').click();
    await toast(page, `The role ${name} was created.`).waitFor();
    await page.waitForURL((u) => /^\/access\/roles\/[0-9a-f-]{36}$/.test(u.pathname));
    const id = new URL(page.url()).pathname.split('/').pop();
    const stored = async () => (await call('GET', `/authsec/uflow/admin/roles/${id}`)).body;
    assert.deepEqual((await stored()).permissions.sort(), ['clients:create', 'clients:delete', 'clients:read', 'clients:update', 'invoices:read']);

    // Edit: one permission fewer; the group box shows "some" (indeterminate).
    await heading(page, name).waitFor();
    await box(page, 'clients:delete').uncheck();
    assert.equal(await box(page, 'All of clients').evaluate((e) => e.indeterminate), true);
    await button(page, 'Save role').click();
    await toast(page, `The role ${name} was saved.`).waitFor();
    await eventually(async () => assert.ok(!(await stored()).permissions.includes('clients:delete')));
    assert.equal((await stored()).permissions.length, 4);

    // Give it to the main admin; the page says a single binding cannot be taken back.
    await page.getByText('has no way to take one back', { exact: false }).waitFor();
    await page.getByLabel('Give this role to', { exact: true }).selectOption(ops.id);
    await button(page, 'Give role').click();
    await rowOf(page, ACCOUNTS.admin).waitFor();
    const held = (await call('GET', `/authsec/uflow/admin/bindings?role_id=${id}`)).body;
    assert.deepEqual(held.map((b) => b.user_id), [ops.id]);
    await screenshot(page, 'role detail');

    // Delete: the dialog says who loses it and asks for the name.
    await button(page, 'Delete role').click();
    const dlg = page.getByRole('dialog', { name: 'Delete role' });
    await dlg.getByText('1 admin holds it and loses it at once.', { exact: false }).waitFor();
    await dlg.getByRole('textbox').fill(name);
    await button(dlg, 'Delete role').click();
    await toast(page, `The role ${name} was deleted.`).waitFor();
    await page.waitForURL((u) => u.pathname === '/access/roles');
    assert.equal((await call('GET', `/authsec/uflow/admin/roles/${id}`)).status, 404);
    assert.equal((await call('GET', `/authsec/uflow/admin/bindings?role_id=${id}`)).body.length, 0);
    await assertClean(page);
  });
});

test('on AuthSec itself: a permission is added, refused twice, and deleted', FLOW, async (t) => {
  const resource = `e2e${RUN}`;
  const full = `${resource}:read`;
  const listed = async () => (await call('GET', '/authsec/uflow/admin/permissions')).body.map((p) => p.full_permission_string);
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/access/permissions');
    await heading(page, 'Permissions').waitFor();
    await page.getByRole('textbox', { name: 'Resource', exact: true }).fill(resource);
    await page.getByRole('textbox', { name: 'Action', exact: true }).fill('re.ad');
    await button(page, 'Add permission').click();
    await page.getByText("The action cannot hold ':', '.' or spaces.", { exact: true }).waitFor();
    await page.getByRole('textbox', { name: 'Action', exact: true }).fill('read');
    await button(page, 'Add permission').click();
    await toast(page, `The permission ${full} was added.`).waitFor();
    assert.ok((await listed()).includes(full));
    // The same pair again: AuthSec's unique constraint, said in a sentence.
    await page.getByRole('textbox', { name: 'Action', exact: true }).fill('read');
    await button(page, 'Add permission').click();
    await page.getByText('This workspace already has it.', { exact: false }).waitFor();

    await follow(page, `/access/permissions?q=${resource}`);
    const row = rowOf(page, full);
    await row.waitFor();
    await button(row, `Delete ${full}`).click();
    const dlg = page.getByRole('dialog', { name: 'Delete permission' });
    await dlg.getByText('No role holds it.', { exact: false }).waitFor();
    await button(dlg, 'Delete permission').click();
    await toast(page, `The permission ${full} was deleted.`).waitFor();
    assert.ok(!(await listed()).includes(full));
    await assertClean(page);
  });
});

test('on AuthSec itself: a group is created, renamed, given members as you type, emptied in bulk, deleted', FLOW, async (t) => {
  const name = `grp-${RUN}`;
  const groupsNow = async () => {
    const s = (admin ??= await apiSignIn());
    return (await call('POST', '/authsec/uflow/admin/groups/list', { tenant_id: s.tenantId })).body.groups;
  };
  const stored = async () => (await groupsNow()).find((g) => g.group.name === name);
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/groups');
    await heading(page, 'Groups').waitFor();
    await rowOf(page, 'Engineering').waitFor();
    // AuthSec would hand back the existing group: the console says so first.
    const field = page.getByRole('textbox', { name: 'Group name', exact: true });
    await field.fill('engineering');
    await button(page, 'Create group').click();
    await page.getByText('A group named engineering exists already.', { exact: true }).waitFor();
    await field.fill(name);
    await button(page, 'Create group').click();
    await toast(page, `The group ${name} was created.`).waitFor();
    await page.waitForURL((u) => /^\/groups\/[0-9a-f-]{36}$/.test(u.pathname));
    await heading(page, name).waitFor();
    assert.ok(await stored(), 'the group is stored');

    await page.getByRole('textbox', { name: 'Description', exact: true }).fill('Made by the e2e run');
    await button(page, 'Save group').click();
    await toast(page, `The group ${name} was saved.`).waitFor();
    assert.equal((await stored()).group.description, 'Made by the e2e run');
    await page.getByText('a group holds none', { exact: false }).waitFor();

    // One user added as you type, one from the users list's bulk bar.
    const groupUrl = new URL(page.url()).pathname;
    const add = page.getByRole('searchbox', { name: 'Add a user', exact: true });
    await add.fill(ACCOUNTS.user);
    await button(page, `Add ${ACCOUNTS.user}`).click();
    await toast(page, `${ACCOUNTS.user} was added to the group.`).waitFor();
    await rowOf(page, ACCOUNTS.user).waitFor();
    await follow(page, `/users?q=${encodeURIComponent(ACCOUNTS.new_user)}`);
    await page.getByRole('checkbox', { name: `Select ${ACCOUNTS.new_user}`, exact: true }).check();
    await page.getByLabel('Group to add the selected users to', { exact: true }).selectOption({ label: name });
    await button(page, 'Add to group').click();
    await page.getByText('1 added to the group.', { exact: true }).waitFor();
    await follow(page, groupUrl);
    assert.deepEqual((await stored()).users.map((u) => u.email).sort(), [ACCOUNTS.new_user, ACCOUNTS.user].sort());
    await page.getByRole('heading', { name: 'Members (2)', exact: true }).waitFor();

    // Select the page, remove in bulk: a result line, and the group is empty.
    await page.getByRole('checkbox', { name: 'Select all on this page', exact: true }).check();
    await button(page, 'Remove from group').click();
    await page.getByText('2 removed.', { exact: true }).waitFor();
    await eventually(async () => assert.equal((await stored()).users.length, 0));
    await page.getByText('No members yet.', { exact: true }).waitFor();
    await screenshot(page, 'group detail');

    await button(page, 'Delete group').click();
    const dlg = page.getByRole('dialog', { name: 'Delete group' });
    await dlg.getByText('It has no members.', { exact: false }).waitFor();
    await button(dlg, 'Delete group').click();
    await toast(page, `The group ${name} was deleted.`).waitFor();
    await page.waitForURL((u) => u.pathname === '/groups');
    assert.equal(await stored(), undefined);
    await assertClean(page);
  });
});

test("on AuthSec itself: a user's groups are changed in place on the user's page", FLOW, async (t) => {
  const s = (admin ??= await apiSignIn());
  const finance = (await call('POST', '/authsec/uflow/admin/groups/list', { tenant_id: s.tenantId })).body.groups.find((g) => g.group.name === 'Finance').group;
  const inFinance = async (id) =>
    (await call('POST', '/authsec/uflow/admin/groups/list', { tenant_id: s.tenantId, user_id: id })).body.groups.some((g) => g.group.id === finance.id);
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/users');
    await follow(page, `/users?q=${encodeURIComponent(ACCOUNTS.user)}`);
    await rowOf(page, ACCOUNTS.user).getByRole('link').first().click();
    await page.waitForURL((u) => /^\/users\/[^/]+$/.test(u.pathname));
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
    const section = page.getByRole('region', { name: 'Groups' });
    await section.getByLabel('Add to group', { exact: true }).selectOption({ label: 'Finance' });
    await button(section, 'Add').click();
    await toast(page, `${ACCOUNTS.user} joined Finance.`).waitFor();
    await section.getByRole('link', { name: 'Finance', exact: true }).waitFor();
    assert.ok(await inFinance(id));
    await section.getByRole('button', { name: 'Remove from Finance', exact: true }).click();
    await toast(page, `${ACCOUNTS.user} left Finance.`).waitFor();
    await section.getByRole('link', { name: 'Finance', exact: true }).waitFor({ state: 'detached' });
    assert.ok(!(await inFinance(id)));
    await assertClean(page);
  });
});

test('on AuthSec itself: pending admin invitations: an expired one is resent, another cancelled', FLOW, async (t) => {
  const s = (admin ??= await apiSignIn());
  const email = `inv-${RUN}@e2e.acme.test`;
  const made = await call('POST', '/authsec/uflow/admin/invite', { email, username: `inv-${RUN}`, tenant_id: s.tenantId });
  assert.equal(made.status, 201, made.text);
  const pending = async () => (await call('GET', '/authsec/uflow/admin/invite/pending')).body.invites;
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/users?tab=admins');
    const section = page.getByRole('region', { name: 'Pending invitations' });
    const late = section.locator('tbody tr').filter({ hasText: 'late@acme.test' });
    await late.getByText('Expired', { exact: true }).waitFor();
    await button(late, 'Resend the invitation to late@acme.test').click();
    await toast(page, 'late@acme.test').waitFor();
    await late.getByText('Expires', { exact: false }).waitFor();
    assert.equal((await pending()).find((i) => i.email === 'late@acme.test').is_expired, false);

    const mine = section.locator('tbody tr').filter({ hasText: email });
    await section.getByRole('button', { name: `Cancel the invitation of ${email}`, exact: true }).click();
    const dlg = page.getByRole('dialog', { name: 'Cancel invitation' });
    await button(dlg, 'Cancel invitation').click();
    await toast(page, `The invitation for ${email} was cancelled.`).waitFor();
    await mine.waitFor({ state: 'detached' });
    assert.ok(!(await pending()).some((i) => i.email === email));
    const admins = (await call('POST', '/authsec/uflow/admin/users/list', {})).body.users;
    assert.ok(!admins.some((u) => u.email === email), 'the invited account is gone');
    await assertClean(page);
  });
});

test('on AuthSec itself: an admin whose role may not delete users is not offered Delete, and the server refusing is explained', FLOW, async (t) => {
  const { completeSignIn, goto } = await import('./helpers.mjs');
  const userExists = async (email) =>
    (await call('POST', '/authsec/uflow/user/enduser/list', { tenant_id: (admin ??= await apiSignIn()).tenantId, email, limit: 10 }))
      .body.users?.some((u) => u.email === email);
  await withConsole(t, async ({ page }) => {
    await goto(page, '/users');
    await completeSignIn(page, ACCOUNTS.helpdesk);
    await follow(page, `/users?q=${encodeURIComponent(ACCOUNTS.user)}`);
    await rowOf(page, ACCOUNTS.user).getByRole('link').first().click();
    await page.getByText('Your role does not allow deleting users.', { exact: true }).waitFor();
    assert.equal(await button(page.locator('.page-head'), 'Delete').count(), 0, 'no Delete for this role');
    await button(page.locator('.page-head'), 'Reset password').waitFor();

    // The admins list offers no Delete either (Deactivate stays: the role may update users).
    await follow(page, '/users?tab=admins');
    await page.getByText('Your role does not allow deleting admins.', { exact: true }).waitFor();
    await rowOf(page, ACCOUNTS.plain).getByRole('button', { name: 'Deactivate', exact: true }).waitFor();
    assert.equal(await rowOf(page, ACCOUNTS.plain).getByRole('button', { name: 'Delete', exact: true }).count(), 0);

    // When the permission cannot be asked, Delete is offered and the server decides: its
    // 403 is said in a sentence, the dialog stays, and the user is still there.
    await page.route('**/admin/policy/check', (r) => r.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"unavailable"}' }));
    await follow(page, `/users?q=${encodeURIComponent(ACCOUNTS.user)}`);
    await rowOf(page, ACCOUNTS.user).getByRole('link').first().click();
    await button(page.locator('.page-head'), 'Delete').click();
    const ask = page.getByRole('dialog');
    const email = (await ask.locator('label strong').textContent()).trim();
    await ask.getByRole('textbox').fill(email);
    await ask.locator('button[type=submit]').click();
    await ask.getByText('You do not have permission to do this.', { exact: false }).waitFor();
    assert.ok(await userExists(email), 'the user is still there');
    await page.unroute('**/admin/policy/check');
    await assertClean(page);
  });
});
