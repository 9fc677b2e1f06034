// Faults (issues 8 and 18): a console on a sandbox that answers 20 % of API requests
// 503, 10 % 429 with Retry-After, delays each by 0-2 s, and does 10 % of the signed-in
// writes but answers them 503, the answer lost (scripts/test starts that stack:
// FAULTS_CONSOLE_URL, FAULTS_SANDBOX_URL). 60 mixed writes through the UI
// across clients, users, applications and API keys; a refused write is sent again
// through the UI's own control, only after the UI has said it failed. Then the
// sandbox's state must be exactly the intended one: no duplicate creates, no lost
// edits, no write that happened although the UI said it failed, and no request sent
// twice for one click. The figures go to target/test-logs/faults.txt.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';

import { onStack } from './stack.mjs';

const { ACCOUNTS, PASSWORD, SANDBOX_URL, api, assertClean, codeNow, follow, goto, heading, screenshot, signInForm, withConsole } =
  await onStack('FAULTS');

const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const PREFIX = `flt-${RUN}`;
const button = (scope, name) => scope.getByRole('button', { name, exact: true });
const MAX_TRIES = 25;

// ------------------------------------------------------------------ the API side (Node), through the faults

/** An API call that goes through the injected faults: 429/503 are tried again (all faults strike before the handler). */
async function apiThrough(token, method, path, body) {
  for (let i = 0; ; i++) {
    const r = await api(token, method, path, body);
    if (![429, 503].includes(r.status) || i > 40) return r;
  }
}

async function apiSession() {
  const login = await apiThrough(null, 'POST', '/authsec/uflow/login', { email: ACCOUNTS.plain, password: PASSWORD, tenant_domain: 'acme' });
  assert.equal(login.status, 200, login.text);
  const who = { email: ACCOUNTS.plain, tenant_id: login.body.tenant_id };
  // The sandbox counts a code for the account's oldest open sign-in attempt. A password
  // step the UI sent again through a fault left one open; when it expires (5 minutes)
  // between this code and the token, the token is refused, and a second code counts for
  // this attempt.
  for (let i = 1; ; i++) {
    const code = await apiThrough(null, 'POST', '/authsec/webauthn/totp/verifyLogin', { ...who, code: codeNow() });
    assert.equal(code.status, 200, code.text);
    const cb = await apiThrough(null, 'POST', '/authsec/uflow/login/webauthn-callback', { ...who, mfa_verified: true });
    if (cb.status === 401 && i === 1) continue;
    assert.equal(cb.status, 200, cb.text);
    return { token: cb.body.access_token, tenantId: login.body.tenant_id };
  }
}

// ------------------------------------------------------------------ the UI side

/**
 * Waits until `ready` (a locator that must be visible, or an async predicate) holds;
 * meanwhile, a page that says its data could not be loaded is retried with its own
 * Retry button (counted).
 */
async function whenLoaded(page, stats, ready) {
  const retry = page.locator('main').getByRole('button', { name: 'Retry', exact: true });
  const holds = typeof ready === 'function' ? ready : () => ready.first().isVisible();
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (await holds().catch(() => false)) return;
    if (await retry.first().isVisible().catch(() => false)) {
      // One click, then wait for that message to go (the page keeps it while the
      // read runs again): a message that stays up is not clicked twice.
      const shown = await retry.first().elementHandle().catch(() => null);
      if (shown && (await shown.click().then(() => true, () => false))) {
        stats.readRetries += 1;
        await shown.waitForElementState('hidden', { timeout: 30_000 }).catch(() => {});
      }
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`never loaded: ${ready}`);
}


/**
 * One write through the UI. `act()` makes the request (a click); its answer decides:
 * 2xx (or 404 for a delete when `gone`) → `done()` must show; 429/503 → `failed` (the
 * UI's sentence) must show, then `act()` again. Each click sends at most one write.
 * A create whose answer was lost (the sandbox's after-commit faults) may end in
 * `found()` instead: the console looked, found what that try made and did not send it
 * again (then the click may have sent nothing).
 */
async function write(page, stats, { what, method, path, act, done, failed, found, gone = false }) {
  const never = new Promise(() => {});
  for (let i = 1; i <= MAX_TRIES; i++) {
    const before = stats.sent.length;
    const writes = () => stats.sent.slice(before).filter((s) => s.method === method && path.test(s.path)).length;
    const answer = page.waitForResponse(
      (r) => r.request().method() === method && path.test(new URL(r.url()).pathname) && r.url().startsWith(SANDBOX_URL()),
      { timeout: 60_000 },
    ).catch(() => null);
    await act(i);
    // The console clears its last sentence on a new try, so what shows now is this try's.
    const shown = (p) => p.then(() => true, () => false);
    const foundIt = found ? shown(found()) : never;
    const saidFailed = () => shown(failed().waitFor({ timeout: 60_000 }));
    const first = await Promise.race([
      answer.then((r) => ({ r })),
      foundIt.then((ok) => (ok ? { found: true } : never)),
      // A check before sending that did not get through: nothing was sent.
      saidFailed().then((ok) => (ok && writes() === 0 ? { failed: true } : never)),
    ]);
    const status = first.r?.status();
    const ok = first.r && ((status >= 200 && status < 300) || (gone && status === 404));
    if (ok) await done();
    let outcome = ok ? 'done' : first.found ? 'found' : first.failed ? 'failed' : null;
    if (!outcome) {
      assert.ok(first.r, `${what}: no answer and no sentence`);
      assert.ok(
        [429, 503].includes(status),
        `${what}: unexpected ${status} ${await first.r.text().catch(() => '')}; last requests:\n${stats.log.slice(-14).join('\n')}`,
      );
      // After a lost answer the console looks whether the write was done.
      outcome = await Promise.race([
        foundIt.then((ok) => (ok ? 'found' : never)),
        saidFailed().then((ok) => (ok ? 'failed' : 'nothing')),
      ]);
      if (outcome === 'nothing') {
        // What the page showed instead, and what it asked for, to tell a lost form from a missing sentence.
        const main = await page.locator('main').innerText().catch(() => '?');
        throw new Error(`${what}: no failure sentence after ${status}\npage:\n${main.slice(0, 1500)}\nlast requests:\n${stats.log.slice(-30).join('\n')}`);
      }
    }
    assert.ok(writes() <= 1, `${what}: one click sent ${writes()} requests`);
    if (outcome !== 'failed') {
      stats.ops += 1;
      if (outcome === 'found') stats.found += 1;
      if (status === 404) stats.gone += 1;
      return outcome;
    }
    stats.told.push(`${what}: ${status ?? 'checked first'}`);
    stats.writeRetries += 1;
  }
  throw new Error(`${what}: still failing after ${MAX_TRIES} tries`);
}

async function signIn(page, stats) {
  // Straight to the clients list afterwards (an admin otherwise lands on the overview).
  await goto(page, '/login?next=%2Fclients');
  await signInForm(page);
  await page.getByLabel('Email', { exact: true }).fill(ACCOUNTS.plain);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  const signInButton = button(page, 'Sign in');
  for (let i = 0; i < MAX_TRIES; i++) {
    // A spent sign-in starts again from the password (which the form then clears).
    // (Bounded probes: a step may change under them.)
    const probe = { timeout: 1_000 };
    const password = page.getByLabel('Password', { exact: true });
    if ((await password.count()) > 0 && (await password.inputValue(probe).catch(() => null)) === '') await password.fill(PASSWORD, probe).catch(() => {});
    // Still at the second step (its code is being checked): wait on, do not click.
    if ((await signInButton.count()) > 0) await signInButton.click(probe).catch(() => {});
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (new URL(page.url()).pathname === '/clients') break;
      // The second step: the authenticator code (six digits send themselves).
      // Each probe is bounded: a failed factor step may take the field away between
      // two probes (the console goes back to the password), and a probe of a missing
      // field would otherwise wait the page's 45 s default.
      const code = page.getByLabel('Authentication code', { exact: true });
      if ((await code.count()) > 0 && (await code.isVisible()) && (await code.isEnabled(probe).catch(() => false)) && (await code.inputValue(probe).catch(() => null)) === '') {
        await code.fill(codeNow(), probe).catch(() => {});
        await page.waitForTimeout(300);
        continue;
      }
      // A refusal at the password step (the second step's own alerts are retried above).
      const alert = page.getByRole('alert').filter({ hasText: /\S/ });
      const onPassword = (await signInButton.count()) > 0;
      if (onPassword && (await alert.count()) > 0 && (await alert.first().isVisible()) && (await signInButton.isDisabled(probe).catch(() => true)) === false) break;
      await page.waitForTimeout(100);
    }
    if (new URL(page.url()).pathname === '/clients') {
      // Signed in: the shell and the Clients page are up (the sign-in's own
      // navigation is over) before anything else is clicked.
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      await heading(page, 'Clients').waitFor();
      return;
    }
    stats.signInRetries += 1;
  }
  throw new Error('could not sign in through the faults');
}

// ------------------------------------------------------------------ the operations

async function createClient(page, stats, name) {
  await follow(page, '/clients/new', { settle: false });
  await page.getByLabel('Name', { exact: true }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Email', { exact: true }).fill(`${name}@e2e.acme.test`);
  const dialog = page.getByRole('dialog', { name: 'Client secret' });
  const onItsPage = (u) => /^\/clients\/[^/]+$/.test(u.pathname) && u.pathname !== '/clients/new';
  const how = await write(page, stats, {
    what: `create client ${name}`,
    method: 'POST',
    path: /\/clients\/create$/,
    act: () => button(page, 'Create client').click(),
    done: () => dialog.waitFor(),
    failed: () => page.getByRole('alert').filter({ hasText: /The client was not created|answer was lost/ }),
    // The answer was lost and the console found the client: its page, no secret.
    found: () => page.waitForURL(onItsPage, { timeout: 60_000 }),
  });
  if (how === 'done') await button(dialog, 'I have stored it').click();
  await page.waitForURL(onItsPage);
  return new URL(page.url()).pathname.split('/').pop();
}

/** Opens a client's page and waits for that client (not the page before it, which stays while the next loads). */
async function openClient(page, stats, id, name) {
  await follow(page, `/clients/${id}`, { settle: false });
  await whenLoaded(page, stats, page.getByRole('heading', { level: 1, name, exact: true }));
}

async function editClientEmail(page, stats, id, name, email) {
  await openClient(page, stats, id, name);
  await button(page, 'Edit').click();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await write(page, stats, {
    what: `edit client ${id}`,
    method: 'PUT',
    path: new RegExp(`/clients/${id}$`),
    act: () => button(page, 'Save changes').click(),
    // Saved: the form closes and the client is read again (a read may need Retry).
    done: () => whenLoaded(page, stats, button(page, 'Edit')),
    failed: () => page.getByRole('alert').filter({ hasText: 'The changes were not saved' }),
  });
}

async function deactivateClient(page, stats, id, name) {
  await openClient(page, stats, id, name);
  await write(page, stats, {
    what: `deactivate client ${id}`,
    method: 'PATCH',
    path: new RegExp(`/clients/${id}/deactivate$`),
    act: async () => {
      await button(page, 'Deactivate').waitFor();
      await button(page, 'Deactivate').click();
    },
    done: () => button(page, 'Activate').waitFor(),
    failed: () => page.getByRole('status').filter({ hasText: 'The status was not changed' }).last(),
  });
}

const userPage = (u) => /^\/users\/[^/]+$/.test(u.pathname) && !/\/users\/(new|import)$/.test(u.pathname);

async function createUser(page, stats, email) {
  await follow(page, '/users/new', { settle: false });
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('First name', { exact: true }).fill('Fault');
  await page.getByLabel('Last name', { exact: true }).fill('Tolerant');
  await write(page, stats, {
    what: `create user ${email}`,
    method: 'POST',
    path: /\/scim\/v2\/[^/]+\/[^/]+\/Users$/,
    act: () => button(page, 'Create user').click(),
    done: () => page.waitForURL(userPage),
    failed: () => page.getByRole('alert').filter({ hasText: /\S/ }).first(),
    found: () => page.waitForURL(userPage, { timeout: 60_000 }),
  });
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
}

async function editUserName(page, stats, id, email, name) {
  await follow(page, `/users/${encodeURIComponent(id)}`, { settle: false });
  const profile = page.getByRole('form', { name: 'Profile' });
  // That user's profile, not the previous page's (which stays while the next loads).
  await whenLoaded(page, stats, () =>
    page.evaluate((e) => [...document.querySelectorAll('form[aria-label="Profile"] input')].some((i) => i.value === e), email),
  );
  await profile.getByLabel('Name', { exact: true }).fill(name);
  await write(page, stats, {
    what: `edit user ${id}`,
    method: 'PUT',
    path: /\/user\/enduser\/[^/]+\/[^/]+$/,
    act: () => button(profile, 'Save profile').click(),
    done: () => page.getByRole('status').filter({ hasText: 'The profile was saved.' }).last().waitFor(),
    failed: () => profile.getByRole('alert').filter({ hasText: /\S/ }).first(),
  });
}

async function createKey(page, stats, name) {
  await follow(page, '/api-keys', { settle: false });
  await whenLoaded(page, stats, page.getByRole('table', { name: 'API keys' }).or(page.getByText('No API keys yet.')));
  for (let i = 0; ; i++) {
    await button(page, 'New API key').click();
    const dialog = page.getByRole('dialog', { name: 'New API key' });
    const scope = dialog.getByRole('checkbox').first();
    await scope.or(dialog.getByText('The scopes could not be loaded')).first().waitFor({ timeout: 30_000 });
    if (await scope.isVisible()) break;
    stats.readRetries += 1; // the dialog's scope list failed: close it and open it again
    await button(dialog, 'Cancel').click();
    assert.ok(i < MAX_TRIES);
  }
  const dialog = page.getByRole('dialog', { name: 'New API key' });
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByRole('checkbox').first().check();
  const secret = page.getByRole('dialog', { name: 'API key', exact: true });
  const how = await write(page, stats, {
    what: `create key ${name}`,
    method: 'POST',
    path: /\/api-keys$/,
    act: () => button(dialog, 'Create key').click(),
    done: () => secret.waitFor(),
    failed: () => dialog.getByRole('alert').filter({ hasText: /The key was not created|answer was lost/ }),
    // The answer was lost and the console found the key: it says so, without the key.
    found: () => page.getByText(`The key ${name} was created, but`).waitFor({ timeout: 60_000 }),
  });
  if (how === 'done') {
    await button(secret, 'I have stored it').click();
    await secret.waitFor({ state: 'hidden' });
  }
}

async function deleteKey(page, stats, name) {
  await follow(page, '/api-keys', { settle: false });
  const del = page.getByRole('button', { name: `Delete ${name}`, exact: true });
  const confirm = page.getByRole('dialog', { name: 'Confirm' });
  // As a careful person does: confirm only a question that names this key. A reload that
  // lands as the click does (a row added or removed above) shifts the rows under the
  // pointer, and the click opens another row's question.
  for (let i = 0; ; i++) {
    await whenLoaded(page, stats, del);
    // The list may reload under the pointer (a refetch the faults fail shows Retry instead
    // of the rows, and a toast may cover the row for its 8 s): then look again.
    if (!(await del.click({ timeout: 15_000 }).then(() => true, () => false))) {
      assert.ok(i < MAX_TRIES, `the Delete button of ${name} could not be clicked`);
      continue;
    }
    await confirm.waitFor();
    if ((await confirm.innerText()).includes(`Delete ${name}?`)) break;
    assert.ok(i < MAX_TRIES, `the Delete button of ${name} kept opening another key's question`);
    stats.misclicks = (stats.misclicks ?? 0) + 1;
    await button(confirm, 'Cancel').click();
    await confirm.waitFor({ state: 'hidden' });
  }
  await write(page, stats, {
    what: `delete key ${name}`,
    method: 'DELETE',
    path: /\/api-keys\/[^/]+$/,
    act: () => button(confirm, 'Confirm').click(),
    done: () => confirm.waitFor({ state: 'hidden' }),
    failed: () => confirm.getByRole('alert').filter({ hasText: /\S/ }).first(),
    // A try whose answer was lost deleted it: the next one finds it gone.
    gone: true,
  });
}

async function createApp(page, stats, name) {
  await follow(page, '/apps/new', { settle: false });
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Description', { exact: true }).fill('Made through faults');
  for (const step of ['Step 2 of 5: First client', 'Step 3 of 5: Login preferences', 'Step 4 of 5: Domains', 'Step 5 of 5: Review']) {
    await button(page, 'Next').click();
    await heading(page, step).waitFor();
  }
  const secret = page.getByRole('dialog', { name: 'Client secret' });
  const onItsPage = (u) => /^\/apps\/[^/]+$/.test(u.pathname) && u.pathname !== '/apps/new';
  const how = await write(page, stats, {
    what: `create app ${name}`,
    method: 'POST',
    path: /\/apps\/?$/,
    act: () => button(page, 'Create application').click(),
    done: () => secret.waitFor(),
    failed: () => page.getByRole('alert').filter({ hasText: /The application was not created|answer was lost/ }),
    found: () => page.waitForURL(onItsPage, { timeout: 60_000 }),
  });
  if (how === 'done') await button(secret, 'I have stored it').click();
  await page.waitForURL(onItsPage);
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
}

// ------------------------------------------------------------------ the run

test('60 writes through 20 % 5xx, 10 % 429, 10 % lost answers and 0-2 s latency: no duplicate, no lost edit, no hidden write', { timeout: 1_200_000 }, async (t) => {
  const stats = { ops: 0, found: 0, gone: 0, writeRetries: 0, readRetries: 0, signInRetries: 0, told: [], sent: [], log: [], faults: { 429: 0, 503: 0 }, responses: 0 };
  await withConsole(t, async ({ page }) => {
    page.on('request', (r) => {
      if (r.url().startsWith(SANDBOX_URL()) && r.method() !== 'OPTIONS') {
        stats.sent.push({ method: r.method(), path: new URL(r.url()).pathname });
        stats.log.push(`sent ${r.method()} ${new URL(r.url()).pathname}`);
      }
    });
    page.on('response', (r) => {
      if (!r.url().startsWith(SANDBOX_URL()) || r.request().method() === 'OPTIONS') return;
      stats.responses += 1;
      stats.log.push(`${r.request().method()} ${new URL(r.url()).pathname} → ${r.status()}`);
      if (r.status() in stats.faults) stats.faults[r.status()] += 1;
    });
    // Generous waits: every request may take up to 2 s, and reads are retried.
    page.context().setDefaultTimeout(45_000);
    await signIn(page, stats);

    const want = { clients: new Map(), users: new Map(), keys: new Set(), apps: new Set() };
    const deactivated = new Set();
    // 12 client creates, 8 edits, 6 deactivations = 26
    const clientIds = [];
    for (let i = 1; i <= 12; i++) {
      const name = `${PREFIX}-c${String(i).padStart(2, '0')}`;
      const id = await createClient(page, stats, name);
      clientIds.push(id);
      want.clients.set(id, { name, email: `${name}@e2e.acme.test` });
    }
    for (const id of clientIds.slice(0, 8)) {
      const email = `${want.clients.get(id).name}-edited@e2e.acme.test`;
      await editClientEmail(page, stats, id, want.clients.get(id).name, email);
      want.clients.get(id).email = email;
    }
    for (const id of clientIds.slice(4, 10)) {
      await deactivateClient(page, stats, id, want.clients.get(id).name);
      deactivated.add(id);
    }
    await screenshot(page, 'clients done');
    // 10 user creates, 6 edits = 16
    const userIds = [];
    for (let i = 1; i <= 10; i++) {
      const email = `${PREFIX}-u${String(i).padStart(2, '0')}@e2e.acme.test`;
      const id = await createUser(page, stats, email);
      userIds.push(id);
      want.users.set(id, { email, name: 'Fault Tolerant' });
    }
    for (const id of userIds.slice(0, 6)) {
      const name = `Fault Edited-${id.slice(0, 6)}`;
      await editUserName(page, stats, id, want.users.get(id).email, name);
      want.users.get(id).name = name;
    }
    await screenshot(page, 'users done');
    // 10 key creates, 4 deletes = 14
    for (let i = 1; i <= 10; i++) {
      const name = `${PREFIX}-k${String(i).padStart(2, '0')}`;
      await createKey(page, stats, name);
      want.keys.add(name);
    }
    for (let i = 1; i <= 4; i++) {
      const name = `${PREFIX}-k${String(i).padStart(2, '0')}`;
      await deleteKey(page, stats, name);
      want.keys.delete(name);
    }
    await screenshot(page, 'keys done');
    // 4 application creates = 4
    for (let i = 1; i <= 4; i++) {
      const name = `${PREFIX} App ${i}`;
      await createApp(page, stats, name);
      want.apps.add(name);
    }
    await screenshot(page, 'apps done');
    assert.equal(stats.ops, 60, 'sixty writes were made');

    // The sandbox's state against the intended one.
    const s = await apiSession();
    const problems = [];
    const clients = [];
    for (let p = 1; ; p++) {
      const r = await apiThrough(s.token, 'GET', `/authsec/clientms/tenants/${s.tenantId}/clients/getClients?name=${PREFIX}&limit=100&page=${p}`);
      assert.equal(r.status, 200, r.text);
      clients.push(...r.body.clients);
      if (p >= r.body.pagination.total_pages) break;
    }
    const byName = new Map();
    for (const c of clients) byName.set(c.name, (byName.get(c.name) || 0) + 1);
    for (const [name, n] of byName) if (n > 1) problems.push(`client ${name} created ${n} times`);
    if (clients.length !== want.clients.size) problems.push(`${clients.length} clients, want ${want.clients.size}`);
    for (const [id, w] of want.clients) {
      const c = clients.find((x) => x.id === id);
      if (!c) { problems.push(`client ${w.name} missing`); continue; }
      if (c.email !== w.email) problems.push(`client ${w.name}: email ${c.email}, want ${w.email} (lost edit)`);
      if (c.active === deactivated.has(id)) problems.push(`client ${w.name}: active=${c.active}`);
    }
    // AuthSec's list has no search: everyone, searched here.
    const users = await apiThrough(s.token, 'POST', '/authsec/uflow/admin/enduser/list', { tenant_id: s.tenantId, page: 1, limit: 0 });
    assert.equal(users.status, 200, users.text);
    users.body.users = users.body.users.filter((u) => u.email.includes(PREFIX));
    const emails = users.body.users.map((u) => u.email);
    if (emails.length !== want.users.size) problems.push(`${emails.length} users, want ${want.users.size}`);
    for (const [id, w] of want.users) {
      const u = users.body.users.find((x) => x.id === id);
      if (!u) { problems.push(`user ${w.email} missing`); continue; }
      const name = `${u.first_name} ${u.last_name}`.trim();
      if (name !== w.name) problems.push(`user ${w.email}: name ${name}, want ${w.name} (lost edit)`);
    }
    const keys = await apiThrough(s.token, 'GET', '/authsec/uflow/api-keys');
    assert.equal(keys.status, 200, keys.text);
    const keyNames = keys.body.api_keys.map((k) => k.name).filter((n) => n.startsWith(PREFIX)).sort();
    assert.deepEqual(keyNames, [...want.keys].sort(), 'API keys: exactly the created ones that were not deleted');
    const apps = await apiThrough(s.token, 'GET', '/authsec/apps/');
    assert.equal(apps.status, 200, apps.text);
    const appNames = apps.body.result.map((a) => a.app_name).filter((n) => n.startsWith(PREFIX)).sort();
    assert.deepEqual(appNames, [...want.apps].sort(), 'applications: each created once');

    const faults = stats.faults[429] + stats.faults[503];
    const lines = [
      `fault run ${new Date().toISOString()} (sandbox --fail-5xx 0.2 --fail-429 0.1 --fail-after-commit 0.1 --latency-ms 0-2000)`,
      `operations (writes through the UI): ${stats.ops}`,
      `writes whose answer was lost and that the console found done: ${stats.found} created, ${stats.gone} deleted`,
      `API responses seen by the browser: ${stats.responses}; injected faults among them: ${faults} (503: ${stats.faults[503]}, 429: ${stats.faults[429]})`,
      `write retries through the UI after it said the write failed: ${stats.writeRetries}`,
      `read retries through the UI's Retry buttons: ${stats.readRetries}; sign-in retries: ${stats.signInRetries}; questions that named another row (cancelled): ${stats.misclicks ?? 0}`,
      `duplicates: ${problems.filter((p) => /times|clients, want|users, want/.test(p)).length}; lost edits: ${problems.filter((p) => /lost edit/.test(p)).length}; other differences: ${problems.length}`,
    ];
    t.diagnostic(lines.join('\n'));
    const out = new URL('../../target/test-logs/', import.meta.url);
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(new URL('faults.txt', out), `${lines.join('\n')}\n${problems.join('\n')}\n`);
    assert.deepEqual(problems, [], 'the sandbox holds exactly what the UI said it saved');
    assert.ok(faults > 20, `faults were injected (${faults})`);
    await assertClean(page);
  });
});
