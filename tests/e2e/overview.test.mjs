// Issue 19: the overview at `/`. Each figure equals the sandbox's state, read straight
// from its API; a user created meanwhile moves the count; every figure links to its
// list; axe in both themes; a screenshot of each theme.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ADMIN_HOME,
  api,
  apiCreateEndUser,
  apiSignIn,
  assertClean,
  axe,
  completeSignIn,
  goto,
  heading,
  screenshot,
  waitForPath,
  withConsole,
} from './helpers.mjs';

const FLOW = { timeout: 180_000 };
const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The sandbox's own counts, as the overview should show them. */
async function truth() {
  const s = await apiSignIn();
  const get = async (method, p, body) => {
    const r = await api(s.token, method, p, body);
    assert.equal(r.status, 200, `${p}: ${r.text}`);
    return r.body;
  };
  const users = (await get('POST', '/authsec/uflow/admin/enduser/list', { tenant_id: s.tenantId, page: 1, limit: 0 })).users ?? [];
  const clients = async (active) =>
    (await get('GET', `/authsec/clientms/tenants/${s.tenantId}/clients/getClients?active=${active}&page=1&limit=1`)).pagination.total;
  const active = users.filter((u) => (u.active ?? u.status === 'active')).length;
  // The second-factor share: the newest 3 pages of 100 of the active and of the inactive.
  let [withMfa, read, total] = [0, 0, 0];
  for (const on of [true, false]) {
    for (let p = 1; p <= 3; p++) {
      const page = await get('POST', '/authsec/uflow/user/enduser/list', { tenant_id: s.tenantId, active: on, page: p, limit: 100 });
      if (p === 1) total += page.total;
      read += page.users.length;
      withMfa += page.users.filter((u) => u.mfa_enabled || (u.mfa_method ?? []).length).length;
      if (p >= page.total_pages) break;
    }
  }
  assert.ok(read > 0 && read < total, 'the seed has more end users than the overview reads');
  const mfaWords = `${withMfa} of ${read} (${Math.floor((withMfa * 100) / read)}%): the newest active and inactive ones, ${read} of ${total}`;
  // The admins' share: the list's flag, which AuthSec's per-account answer agrees with.
  const admins = (await get('POST', '/authsec/uflow/admin/users/list', {})).users;
  const mfaAdmins = [];
  for (const a of admins) {
    const hasFactor = a.mfa_enabled || (a.mfa_method ?? []).length > 0;
    const status = await get('POST', '/authsec/webauthn/admin/mfa/loginStatus', { email: a.email });
    assert.equal(status.mfa_required, hasFactor, `${a.email}: the list's flag and loginStatus agree`);
    if (hasFactor) mfaAdmins.push(a.email);
  }
  assert.ok(mfaAdmins.length > 0 && mfaAdmins.length < admins.length, 'the seed has admins with and without a second factor');
  const adminWords = `${mfaAdmins.length} of ${admins.length} (${Math.floor((mfaAdmins.length * 100) / admins.length)}%)`;
  const adminsWithout = admins.filter((a) => !mfaAdmins.includes(a.email)).map((a) => `The admin ${a.email} has no second factor`);
  const all = (await get('POST', `/authsec/clientms/tenants/${s.tenantId}/clients/getClients`, { tenant_id: s.tenantId, active_only: true })).data.clients;
  const open = all.filter((c) => !c.mfa_enabled);
  return {
    mfaWords,
    adminWords,
    adminsWithout,
    openClients: open.slice(0, 5).map((c) => `The client ${c.name} asks for no second factor`),
    moreOpen: open.length - Math.min(open.length, 5),
    active,
    inactive: users.length - active,
    clientsOn: await clients(true),
    clientsOff: await clients(false),
  };
}

/** The number shown for `what` in the card named `card`. */
async function shown(page, card, what) {
  const stat = page
    .getByRole('region', { name: card, exact: true })
    .locator('a.stat')
    .filter({ has: page.locator('.stat__what', { hasText: new RegExp(`^${what}$`) }) });
  return Number(await stat.locator('.stat__n').innerText());
}

test('the overview shows the sandbox state, follows a new user, links each figure to its list', FLOW, async (t) => {
  await withConsole(t, async ({ page }) => {
    await goto(page, '/login');
    await completeSignIn(page);
    await waitForPath(page, ADMIN_HOME);
    await heading(page, 'Overview').waitFor();
    const endUsers = page.getByRole('region', { name: 'End users', exact: true });
    await endUsers.locator('a.stat').first().waitFor();
    await page.getByRole('region', { name: 'Clients', exact: true }).locator('a.stat').first().waitFor();
    const before = await truth();
    assert.equal(await shown(page, 'End users', 'active'), before.active);
    assert.equal(await shown(page, 'End users', 'inactive'), before.inactive);
    assert.equal(await shown(page, 'Clients', 'active'), before.clientsOn);
    assert.equal(await shown(page, 'Clients', 'inactive'), before.clientsOff);
    await page.locator('.adoption').first().waitFor();
    const adoption = page.locator('.adoption').filter({ hasText: 'End users' });
    await adoption.waitFor();
    assert.equal(await adoption.locator('span').last().innerText(), before.mfaWords, 'the end users second-factor share');
    const adminShare = page.locator('.adoption').filter({ hasText: 'Admins' });
    assert.equal(await adminShare.locator('span').last().innerText(), before.adminWords, 'the admins second-factor share');

    // Needs attention names the active clients that ask for no second factor, then counts the rest.
    const attention = page.getByRole('region', { name: 'Needs attention', exact: true });
    const adminRows = attention.getByRole('link', { name: /^The admin .* has no second factor$/ });
    await adminRows.first().waitFor();
    assert.deepEqual((await adminRows.allInnerTexts()).sort(), [...before.adminsWithout].sort(), 'each admin without a factor, named');
    const clientRows = attention.getByRole('link', { name: /^The client .* asks for no second factor$/ });
    assert.ok(before.openClients.length > 0, 'the seed has active clients without MFA');
    await clientRows.first().waitFor();
    assert.deepEqual(await clientRows.allInnerTexts(), before.openClients);
    assert.match((await clientRows.first().getAttribute('href')) ?? '', /^\/clients\/[0-9a-f-]{36}$/, 'each links to its client');
    const more = attention.getByRole('link', { name: /more active clients ask for no second factor$/ });
    if (before.moreOpen > 0) assert.equal(await more.innerText(), `${before.moreOpen} more active clients ask for no second factor`);
    else assert.equal(await more.count(), 0);

    await apiCreateEndUser(`e2e-${RUN}-overview@e2e.acme.test`);
    await page.keyboard.press('g');
    await page.keyboard.press('c');
    await heading(page, 'Clients').waitFor();
    await page.keyboard.press('g');
    await page.keyboard.press('h');
    await heading(page, 'Overview').waitFor();
    await endUsers.locator('a.stat').first().waitFor();
    assert.equal(await shown(page, 'End users', 'active'), before.active + 1, 'the new user is counted');

    for (const theme of ['light', 'dark']) {
      await page.evaluate((v) => document.documentElement.setAttribute('data-theme', v), theme);
      await page.locator('.adoption').first().waitFor();
      assert.deepEqual((await axe(page)).bad, [], `axe on the overview, ${theme}`);
      await screenshot(page, `overview ${theme}`);
    }

    await endUsers.locator('a.stat').filter({ hasText: 'inactive' }).click();
    await page.waitForURL((u) => u.pathname === '/users' && u.searchParams.get('status') === 'inactive');
    await heading(page, 'Users').waitFor();
    await assertClean(page);
  });
});
