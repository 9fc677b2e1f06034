// Users area: search, filter and sort in the URL, then a user's profile edit,
// one session revoked and deactivation; create with the duplicate case; a
// 2,500-row CSV import checked against the sandbox; an admin invited,
// deactivated and deleted; and acting on oneself refused.
//
// Each test signs in through the UI as plain@acme.test in its own browser and
// works on users it creates itself (emails unique to this run), checking the
// server's state straight through the sandbox API.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
  ACCOUNTS,
  api,
  apiCreateEndUser,
  apiSignIn,
  assertClean,
  assertNoTokenLeak,
  completeSignIn,
  eventually,
  heading,
  jwtClaims,
  PASSWORD,
  screenshot,
  signInPlain,
  withConsole,
} from './helpers.mjs';

const FLOW = { timeout: 240_000 };
const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const PREFIX = `e2e-${RUN}`;
const mail = (what) => `${PREFIX}-${what}@e2e.acme.test`;

// ------------------------------------------------------------------ the API side

let adminPromise = null;
const admin = () => (adminPromise ??= apiSignIn());

/** A uflow call as plain@acme.test (signs in again once on a 401). */
async function uflow(method, p, body) {
  let s = await admin();
  let r = await api(s.token, method, `/authsec/uflow${p}`, body);
  if (r.status === 401) {
    adminPromise = null;
    s = await admin();
    r = await api(s.token, method, `/authsec/uflow${p}`, body);
  }
  return r;
}

async function apiCreateUser(email, first = '', last = '') {
  return apiCreateEndUser(email, { first, last });
}

async function apiGetUser(id) {
  const { tenantId } = await admin();
  return uflow('GET', `/user/enduser/${tenantId}/${id}`);
}

/** Every end user whose email or name contains `search`: {users, total}. AuthSec's list has
 * no search: everyone comes at once (`limit` 0) and is searched here. */
async function apiSearch(search) {
  const { tenantId } = await admin();
  const r = await uflow('POST', '/admin/enduser/list', { tenant_id: tenantId, page: 1, limit: 0 });
  assert.equal(r.status, 200, r.text);
  const q = search.toLowerCase();
  const users = (r.body.users ?? []).filter((u) =>
    [u.email, `${u.first_name} ${u.last_name}`].some((f) => String(f ?? '').toLowerCase().includes(q)));
  return { users, total: users.length };
}

async function apiSessionsOf(userId) {
  const r = await uflow('GET', `/admin/sessions?user_id=${userId}&active=true&page=1&limit=100`);
  assert.equal(r.status, 200, r.text);
  return r.body.sessions;
}

/** The admins whose e-mail, username or name holds `search`: AuthSec answers every admin at once (no search). */
async function apiAdmins(search) {
  const r = await uflow('POST', '/admin/users/list', {});
  assert.equal(r.status, 200, r.text);
  const q = search.toLowerCase();
  return r.body.users.filter((u) => [u.email, u.username, u.name].some((f) => String(f ?? '').toLowerCase().includes(q)));
}

// ------------------------------------------------------------------ the UI side

const button = (scope, name) => scope.getByRole('button', { name, exact: true });
const toast = (page, text) => page.getByRole('status').filter({ hasText: text });
const select = (scope, label) => scope.getByRole('combobox', { name: new RegExp(`^${label}\\b`) });
const endTable = (page) => page.getByRole('table', { name: 'End users' });

/** The emails shown in the end-users table, in order. */
async function emails(page) {
  return page.locator('table[aria-label="End users"] tbody tr .user-cell__email').allTextContents();
}

async function finish(page, state) {
  for (const token of state.tokens) await assertNoTokenLeak(page, token);
  await assertClean(page);
}

// ------------------------------------------------------------------ tests

test('search, filter and sort in the URL; open a user, edit, revoke one session, deactivate', FLOW, async (t) => {
  const a = await apiCreateUser(mail('sort-a'), 'Zed', 'Alpha');
  const b = await apiCreateUser(mail('sort-b'), 'Amy', 'Beta');
  const c = await apiCreateUser(mail('sort-c'), 'Bob', 'Gamma');
  // Two sessions of user a (two sign-ins).
  const s1 = await apiSignIn(a.email);
  const s2 = await apiSignIn(a.email);
  assert.equal((await apiSessionsOf(a.id)).length, 2);

  await withConsole(t, async ({ page, state }) => {
    await signInPlain(page, '/users');
    await heading(page, 'Users').waitFor();
    const bar = page.getByRole('search', { name: 'Filter end users' });
    await bar.getByRole('searchbox', { name: /^Search/ }).fill(`${PREFIX}-sort`);
    await page.waitForURL((u) => u.searchParams.get('q') === `${PREFIX}-sort`);
    await eventually(async () => assert.equal((await emails(page)).length, 3), { message: 'three matches' });

    // AuthSec's list carries no factor: no MFA filter is offered.
    assert.equal(await bar.getByRole('combobox', { name: /^MFA/ }).count(), 0);
    await select(bar, 'Status').selectOption('active');
    await page.waitForURL((u) => u.searchParams.get('status') === 'active');
    await eventually(async () => assert.equal((await emails(page)).length, 3));

    await button(endTable(page), 'User').click();
    await page.waitForURL((u) => u.searchParams.get('sort') === 'email');
    await eventually(async () => assert.deepEqual(await emails(page), [a.email, b.email, c.email]), { message: 'A–Z' });
    await button(endTable(page), 'User').click();
    await page.waitForURL((u) => u.searchParams.get('dir') === 'desc');
    await eventually(async () => assert.deepEqual(await emails(page), [c.email, b.email, a.email]), { message: 'Z–A' });
    await screenshot(page, 'searched filtered sorted');

    // Back restores the previous sort.
    await page.goBack();
    await eventually(async () => assert.deepEqual(await emails(page), [a.email, b.email, c.email]), { message: 'Back' });

    await endTable(page).getByRole('link', { name: 'Zed Alpha', exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/users/${a.id}`);
    await heading(page, 'Zed Alpha').waitFor();

    // Edit: a bad email is refused at the field and nothing is sent.
    const profile = page.getByRole('form', { name: 'Profile' });
    await profile.getByRole('textbox', { name: 'Name', exact: true }).fill('Zed Edited');
    await profile.getByRole('textbox', { name: 'Email', exact: true }).fill('not@valid@x');
    await button(profile, 'Save profile').click();
    await profile.getByText('Enter an email address like').waitFor();
    assert.equal((await apiGetUser(a.id)).body.name, 'Zed Alpha', 'nothing was sent');
    assert.equal(await profile.getByRole('textbox', { name: 'Name', exact: true }).inputValue(), 'Zed Edited', 'input kept');
    await profile.getByRole('textbox', { name: 'Email', exact: true }).fill(a.email);
    await button(profile, 'Save profile').click();
    await toast(page, 'The profile was saved.').waitFor();
    await eventually(async () => assert.equal((await apiGetUser(a.id)).body.name, 'Zed Edited'));
    // The name survives a reload (which signs out: the session is in memory only).
    await page.reload();
    await completeSignIn(page);
    await heading(page, 'Zed Edited').waitFor();
    assert.equal(await profile.getByRole('textbox', { name: 'Name', exact: true }).inputValue(), 'Zed Edited');

    // Revoke one of the two sessions.
    const sessions = page.getByRole('table', { name: 'Sessions' });
    await eventually(async () => assert.equal(await sessions.locator('tbody tr').count(), 2));
    await sessions.getByRole('button', { name: /^Revoke the session on/ }).first().click();
    const dlg = page.getByRole('dialog', { name: 'Revoke session' });
    await button(dlg, 'Revoke').click();
    await dlg.waitFor({ state: 'hidden' });
    await eventually(async () => assert.equal(await sessions.locator('tbody tr').count(), 1));
    assert.equal((await apiSessionsOf(a.id)).length, 1);
    const alive = await Promise.all([s1, s2].map(async (s) => (await api(s.token, 'GET', '/authsec/uflow/sessions')).status));
    assert.deepEqual(alive.sort(), [200, 401], 'exactly one of the two tokens was revoked');
    await screenshot(page, 'one session revoked');

    // Deactivate.
    await button(page, 'Deactivate').click();
    const confirm = page.getByRole('dialog', { name: 'Confirm' });
    await confirm.getByText(`Deactivate ${a.email}?`).waitFor();
    await button(confirm, 'Confirm').click();
    await toast(page, `${a.email} was deactivated.`).waitFor();
    await eventually(async () => assert.equal((await apiGetUser(a.id)).body.active, false));
    await page.getByText('No active sessions.').waitFor();
    await button(page, 'Activate').waitFor();
    await screenshot(page, 'deactivated');
    assert.equal(jwtClaims((await admin()).token).tenant_id, (await admin()).tenantId);
    await finish(page, state);
  });
});

test('create a user through SCIM (AuthSec e-mails the password), then the duplicate email links to that user', FLOW, async (t) => {
  const email = mail('create');
  await withConsole(t, async ({ page, state }) => {
    await signInPlain(page, '/users');
    await page.getByRole('link', { name: 'New user', exact: true }).click();
    await heading(page, 'New user').waitFor();
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(`${email}@`);
    await page.getByRole('textbox', { name: 'First name', exact: true }).fill('Cora');
    await button(page, 'Create user').click();
    await page.locator('.field__error').filter({ hasText: 'Enter an email address' }).waitFor();
    assert.equal((await apiSearch(email)).total, 0, 'nothing sent with a bad email');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
    await page.getByText('AuthSec e-mails the new user a temporary password.').waitFor();
    await screenshot(page, 'new user form');
    const scim = [];
    page.on('request', (r) => { if (r.method() === 'POST' && /\/scim\/v2\/[^/]+\/[^/]+\/Users$/.test(r.url())) scim.push(r.postDataJSON()); });
    await button(page, 'Create user').click({ clickCount: 2 });
    await page.waitForURL((u) => /^\/users\/[0-9a-f-]{36}$/.test(u.pathname));
    const id = new URL(page.url()).pathname.split('/').pop();
    await heading(page, 'Cora').waitFor();
    const found = await apiSearch(email);
    assert.equal(found.total, 1, 'exactly one user, even after a double click');
    assert.equal(found.users[0].id, id);
    assert.equal(scim.length, 1);
    assert.equal(scim[0].userName, email, 'a SCIM user named by the e-mail');
    assert.equal((await apiGetUser(id)).body.provider, 'scim');

    await page.getByRole('link', { name: 'Users', exact: true }).first().click();
    await page.getByRole('link', { name: 'New user', exact: true }).click();
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
    await button(page, 'Create user').click();
    await page.getByText('A user with this email exists.').first().waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Email', exact: true }).inputValue(), email, 'input kept');
    await screenshot(page, 'duplicate');
    // The form still holds what was typed: leaving asks first (OK here).
    const asked = new Promise((resolve) => page.once('dialog', async (d) => { resolve(d.message()); await d.accept(); }));
    await page.getByRole('link', { name: 'Open that user', exact: true }).click();
    assert.match(await asked, /not saved/);
    await page.waitForURL((u) => u.pathname === `/users/${id}`);
    await heading(page, 'Cora').waitFor();
    assert.equal((await apiSearch(email)).total, 1);
    await finish(page, state);
  });
});

test('import 2,500 rows with 10 bad rows and 5 existing emails: the report matches the server', FLOW, async (t) => {
  const dupes = [];
  for (let i = 0; i < 5; i++) dupes.push((await apiCreateUser(mail(`imp-${i * 400}`))).email);
  const lines = ['email,first_name,last_name'];
  let bad = 0;
  for (let i = 0; i < 2500; i++) {
    if (i % 250 === 7 && bad < 10) {
      lines.push(`${PREFIX}-imp-broken-${bad}-at-nowhere,Bad,Row`);
      bad++;
    } else {
      lines.push(`${mail(`imp-${i}`)},"Imported, ${i}",Row`);
    }
  }
  assert.equal(bad, 10);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'authsec-import-')), 'users.csv');
  fs.writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);

  await withConsole(t, async ({ page, state }) => {
    await signInPlain(page, '/users/import');
    await heading(page, 'Import users from CSV').waitFor();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText('2500 rows: 2490 ready to import, 10 with problems (not sent).').waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('tr.row--bad').count(), 10, 'each bad row is marked');
    await screenshot(page, 'preview');
    await button(page, 'Import 2490 users').click();
    await page.getByText('2485 created, 5 duplicates, 0 failed, 10 invalid, 0 not sent.').waitFor({ timeout: 120_000 });
    await screenshot(page, 'report');

    const downloaded = page.waitForEvent('download');
    await button(page, 'Download report (CSV)').click();
    const text = fs.readFileSync(await (await downloaded).path(), 'utf8');
    const rows = text.trim().split(/\r\n/).slice(1).map((l) => l.split(',')[2]);
    const count = (what) => rows.filter((r) => r === what).length;
    assert.equal(rows.length, 2500);
    assert.deepEqual([count('created'), count('duplicate'), count('invalid')], [2485, 5, 10]);

    const { users, total } = await apiSearch(`${PREFIX}-imp`);
    assert.equal(total, 2490, 'the 2,485 imported plus the 5 that existed');
    assert.equal(new Set(users.map((u) => u.email)).size, 2490, 'no duplicates on the server');
    assert.equal(users.find((u) => u.email === mail('imp-1')).first_name, 'Imported, 1');
    await finish(page, state);
  });
});

test('invite two admins, delete one, deactivate the other (AuthSec then stops listing them); acting on oneself is not offered and the server refuses it', FLOW, async (t) => {
  const email = mail('admin');
  const other = mail('admin2');
  const username = `${PREFIX}-ops`.slice(0, 60);
  await withConsole(t, async ({ page, state }) => {
    await signInPlain(page, '/users?tab=admins');
    await page.getByRole('tab', { name: 'Admins', selected: true }).waitFor();
    await button(page, 'Invite admin').click();
    const dlg = page.getByRole('dialog', { name: 'Invite an admin' });
    await dlg.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
    await dlg.getByRole('textbox', { name: 'Username', exact: true }).fill(username);
    await dlg.getByRole('textbox', { name: 'First name', exact: true }).fill('Olive');
    await button(dlg, 'Send invitation').click();
    await dlg.getByText(`The invitation for ${email} was created, but the email could not be sent.`).waitFor();
    await screenshot(page, 'invited');
    await button(dlg, 'Done').click();
    const [created] = await apiAdmins(email);
    assert.equal(created.email, email);

    const invited = await uflow('POST', '/admin/invite', { email: other, username: `${PREFIX}-ops2`.slice(0, 60), tenant_id: (await admin()).tenantId });
    assert.equal(invited.status, 201, `invite ${other}: ${invited.text}`);
    assert.equal((await apiAdmins(other)).length, 1, `${other} is listed`);

    await page.getByRole('searchbox', { name: /^Search/ }).fill(email);
    const table = page.getByRole('table', { name: 'Admins' });
    const row = table.getByRole('row').filter({ hasText: email });
    await row.waitFor();
    const confirm = page.getByRole('dialog', { name: 'Confirm' });
    await button(row, 'Delete').click();
    await confirm.getByText(`Delete the admin ${email}?`).waitFor();
    assert.equal(await button(confirm, 'Confirm').isDisabled(), true, 'typing the email is required');
    await confirm.getByRole('textbox').fill(email);
    await button(confirm, 'Confirm').click();
    await toast(page, `${email} was deleted.`).waitFor();
    await eventually(async () => assert.equal((await apiAdmins(email)).length, 0));

    await page.getByRole('searchbox', { name: /^Search/ }).fill(other);
    await page.waitForURL((u) => u.searchParams.get('q') === other, { timeout: 10_000 });
    const row2 = table.getByRole('row').filter({ hasText: other });
    await button(row2, 'Deactivate').click();
    await button(confirm, 'Confirm').click();
    await toast(page, `${other} was deactivated.`).waitFor();
    await row2.waitFor({ state: 'detached' });
    assert.equal((await apiAdmins(other)).length, 0, 'AuthSec lists only active admins');

    // Oneself: no buttons, and the server refuses anyway.
    await page.getByRole('searchbox', { name: /^Search/ }).fill(ACCOUNTS.plain);
    const me = table.getByRole('row').filter({ hasText: ACCOUNTS.plain });
    await me.getByText('Your account').waitFor();
    assert.equal(await me.getByRole('button').count(), 0, 'no action on oneself');
    await screenshot(page, 'own row');
    const { token } = await admin();
    const self = await uflow('DELETE', `/admin/users/${jwtClaims(token).sub}`);
    assert.equal(self.status, 403, self.text);
    await finish(page, state);
  });
});
