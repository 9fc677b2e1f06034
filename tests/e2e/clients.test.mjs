// Clients area: create (secret shown once), filters in the URL and Back, paging,
// row deactivate surviving a reload, detail edit and secret rotation, bulk
// deactivate across pages, CSV export, soft and permanent delete.
//
// Each test signs in through the UI as plain@acme.test (password only) in its own
// browser, and checks the server's state straight through the sandbox API after each
// step (no duplicate, no lost write). The sandbox is shared by every test file, so
// each test works on clients it creates itself, with names and a tag unique to this
// run; only the paging test reads the whole (stable while it runs) list.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import {
  afterEvents,
  api,
  apiSignIn,
  assertClean,
  assertNoTokenLeak,
  completeSignIn,
  eventually,
  heading,
  screenshot,
  signInForm,
  signInPlain,
  where,
  withConsole,
} from './helpers.mjs';

const FLOW = { timeout: 180_000 };

/** Unique to this run: every name, email and tag below starts with it. */
const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const PREFIX = `e2e-${RUN}`;
const uniqueTag = (what) => `${PREFIX}-${what}`; // lower case: the server compares tags case-insensitively

// ------------------------------------------------------------------ the API side

let adminPromise = null;
/** One API session for the whole file: {token, tenantId} of plain@acme.test. */
const admin = () => (adminPromise ??= apiSignIn());

/**
 * A clientms call as plain@acme.test; `path` is under the tenant's clients base. A
 * 401 (another test file revoked the session) signs in again once.
 */
async function clientsApi(method, path, body) {
  let s = await admin();
  let r = await api(s.token, method, `${clientsBase(s.tenantId)}${path}`, body);
  if (r.status === 401) {
    adminPromise = null;
    s = await admin();
    r = await api(s.token, method, `${clientsBase(s.tenantId)}${path}`, body);
  }
  return r;
}

const clientsBase = (tenantId) => `/authsec/clientms/tenants/${tenantId}/clients`;

const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

/**
 * Creates a client through the API as AuthSec takes it (create binds name, e-mail and
 * type; tags and the rest follow in one update); returns the create answer ({id, …}).
 */
async function apiCreate({ name, tags = [], email = `${slug(name)}@e2e.acme.test`, ...rest }) {
  const r = await clientsApi('POST', '/create', { name, email });
  assert.equal(r.status, 201, `create ${name}: ${r.text}`);
  if (tags.length > 0 || Object.keys(rest).length > 0) {
    const u = await clientsApi('PUT', `/${r.body.id}`, { tags, ...rest });
    assert.equal(u.status, 200, `update ${name}: ${u.text}`);
  }
  return r.body;
}

/** Creates `n` clients named `${base}-01`… with `tags`, a few at a time. */
async function apiCreateMany(base, n, tags) {
  const out = [];
  for (let i = 0; i < n; i += 6) {
    const batch = [];
    for (let k = i; k < Math.min(n, i + 6); k++) {
      batch.push(apiCreate({ name: `${base}-${String(k + 1).padStart(2, '0')}`, tags }));
    }
    out.push(...(await Promise.all(batch)));
  }
  return out;
}

/** GET one client: {status, body}. */
async function apiGet(id) {
  return clientsApi('GET', `/${encodeURIComponent(id)}`);
}

/** One getClients page: the parsed body ({clients, pagination}). */
async function apiPage(query = {}) {
  const q = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const r = await clientsApi('GET', `/getClients?${q}`);
  assert.equal(r.status, 200, `getClients ${q}: ${r.text}`);
  return r.body;
}

/** Every client matching `query` (all pages, 100 at a time) and the reported total. */
async function apiAll(query = {}) {
  const out = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const p = await apiPage({ ...query, page, limit: 100 });
    total = p.pagination.total;
    out.push(...p.clients);
    if (p.clients.length === 0 || page >= p.pagination.total_pages) break;
  }
  return { clients: out, total };
}

async function apiSetActive(id, active) {
  const r = await clientsApi('PATCH', `/${id}/${active ? 'activate' : 'deactivate'}`);
  assert.equal(r.status, 200, r.text);
}

// ------------------------------------------------------------------ the UI side

const table = (page) => page.getByRole('table', { name: 'Clients' });
const filters = (page) => page.getByRole('search', { name: 'Filter clients' });
const pager = (page) => page.getByRole('navigation', { name: 'Pagination' });
const bulk = (page) => page.getByRole('region', { name: 'Bulk actions' });
const toast = (page, text) => page.getByRole('status').filter({ hasText: text });
const button = (scope, name) => scope.getByRole('button', { name, exact: true });
// A <select> inside its own <label>: its name may or may not include the selected
// option's text, so match on the label's start.
const select = (scope, label) => scope.getByRole('combobox', { name: new RegExp(`^${label}\\b`) });

/** The table row whose name link is exactly `name`. */
const row = (page, name) =>
  table(page).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

/** [{id, name}] of the table body's rows, in order (none while there is no table). */
async function rows(page) {
  return page.locator('table[aria-label="Clients"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const a = tr.querySelector('a[href^="/clients/"]');
      return {
        id: a ? a.getAttribute('href').replace(/^\/clients\//, '') : null,
        name: a ? a.textContent.trim() : null,
      };
    }),
  );
}

/** Waits until the table shows exactly these client names (in any order). */
async function expectRowNames(page, names, message = 'table rows') {
  const want = [...names].sort();
  await eventually(async () => assert.deepEqual((await rows(page)).map((r) => r.name).sort(), want), {
    message,
  });
}

/** Waits until the table shows exactly these client ids, in this order. */
async function expectRowIds(page, ids, message = 'table rows') {
  await eventually(async () => assert.deepEqual((await rows(page)).map((r) => r.id), ids), { message });
}

const query = (page) => new URL(page.url()).searchParams;

/** Waits until the URL query satisfies `pred(searchParams)`. */
async function waitForQuery(page, pred, timeout = 10_000) {
  await page.waitForURL((u) => u.pathname === '/clients' && pred(u.searchParams), { timeout });
}

/** The pager's range text must become exactly `text` ("26–50 of 250"). */
async function expectRange(page, text) {
  await pager(page).getByText(text, { exact: true }).waitFor();
}

/** Every token minted during the flow must stay in memory; the page must be clean. */
async function finish(page, state) {
  assert.ok(state.tokens.length > 0, 'no access_token was seen from …/login/webauthn-callback');
  for (const token of state.tokens) await assertNoTokenLeak(page, token);
  await assertClean(page);
}

/** True when `secret` is anywhere in the document or in an input's value. */
async function secretInPage(page, secret) {
  return page.evaluate(
    (s) => document.documentElement.outerHTML.includes(s) || [...document.querySelectorAll('input, textarea')].some((i) => i.value.includes(s)),
    secret,
  );
}

/** Counts requests whose method and URL match, from now on. */
function countRequests(page, method, re) {
  const seen = [];
  page.on('request', (r) => {
    if (r.method() === method && re.test(new URL(r.url()).pathname)) seen.push(r.url());
  });
  return seen;
}

/** RFC 4180: quoted fields with "" escapes, CRLF (or LF) rows. */
function parseCsv(text) {
  const s = text.replace(/^\uFEFF/, '');
  const out = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || (c === '\r' && s[i + 1] === '\n')) {
      if (c === '\r') i++;
      row.push(field);
      out.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    out.push(row);
  }
  return out;
}

/** Clicks "Export CSV", catches the download and returns {name, rows (parsed, header first)}. */
async function exportCsv(page) {
  const downloaded = page.waitForEvent('download', { timeout: 60_000 });
  await button(page, 'Export CSV').click();
  const download = await downloaded;
  assert.equal(await download.failure(), null, 'the download failed');
  const file = await download.path();
  const text = fs.readFileSync(file, 'utf8');
  return { name: download.suggestedFilename(), rows: parseCsv(text) };
}

// ------------------------------------------------------------------ tests

test('create a client: the secret is shown once, the dialog closes only via "I have stored it", then the detail page', FLOW, async (t) => {
  const name = `${PREFIX}-create`;
  const email = `${PREFIX}-create@e2e.acme.test`;
  const tag = uniqueTag('create');
  await withConsole(t, async ({ page, state }) => {
    await signInPlain(page);
    await heading(page, 'Clients').waitFor();
    await page.getByRole('link', { name: 'New client', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/clients/new');
    await heading(page, 'New client').waitFor();

    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
    const tags = page.getByRole('textbox', { name: 'Tags', exact: true });
    await tags.fill(tag);
    await tags.press('Enter');
    await button(page, `Remove ${tag}`).waitFor();
    assert.equal(await tags.inputValue(), '', 'Enter turns the typed tag into a chip');
    await page.getByLabel('Client type', { exact: true }).selectOption('ai_agent');
    await page.getByRole('checkbox', { name: 'OIDC enabled', exact: true }).check();
    // What AuthSec keeps of a client, and nothing it would drop.
    for (const gone of ['Redirect URI 1', 'Scopes', 'Logo URL']) {
      assert.equal(await page.getByLabel(gone, { exact: true }).count(), 0, `${gone} is not offered`);
    }
    await screenshot(page, 'new client form');

    // A double click must still create one client.
    const creates = countRequests(page, 'POST', /\/clients\/create$/);
    await button(page, 'Create client').click({ clickCount: 2 });

    const dialog = page.getByRole('dialog', { name: 'Client secret' });
    await dialog.waitFor();
    const secret = await dialog.getByRole('textbox', { name: 'Client secret', exact: true }).inputValue();
    assert.ok(secret.length >= 20, `the dialog shows the secret (got ${JSON.stringify(secret)})`);
    await dialog.getByText('This is the only time the secret is shown.').waitFor();
    await button(dialog, 'Copy secret').waitFor();
    await screenshot(page, 'secret dialog');

    // Escape does not close it, and nothing navigates yet.
    await page.keyboard.press('Escape');
    await afterEvents(page);
    assert.ok(await dialog.isVisible(), 'Escape must not close the secret dialog');
    assert.equal(new URL(page.url()).pathname, '/clients/new');

    await button(dialog, 'I have stored it').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForURL((u) => /^\/clients\/[0-9a-f-]{36}$/.test(u.pathname));
    const id = new URL(page.url()).pathname.split('/').pop();
    await heading(page, name).waitFor();
    await screenshot(page, 'detail after create');

    // The secret is gone from the page (shown this once) and never logged.
    assert.equal(await secretInPage(page, secret), false, 'the secret is still in the page after "I have stored it"');
    assert.ok(!state.console.join('\n').includes(secret), 'the secret reached the console');

    // Server: exactly one client with that name, the one the page opened.
    assert.equal(creates.length, 1, `create was sent ${creates.length} times`);
    const { clients } = await apiAll({ name });
    const same = clients.filter((c) => c.name === name);
    assert.equal(same.length, 1, `clients named ${name}: ${same.length}`);
    assert.equal(same[0].id, id);
    assert.equal(same[0].email, email);
    assert.deepEqual(same[0].tags, [tag]);
    assert.equal(same[0].client_type, 'ai_agent');
    assert.equal(same[0].oidc_enabled, true, 'tags and OIDC reached AuthSec through its update');
    assert.equal(same[0].status, 'Active');
    await finish(page, state);
  });
});

test('filter by tag and status: the URL holds the filter, rows match, Back restores the previous filter', FLOW, async (t) => {
  const tag = uniqueTag('filter');
  const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((x) => apiCreate({ name: `${PREFIX}-filter-${x}`, tags: [tag] })));
  await apiSetActive(c.id, false);
  await withConsole(t, async ({ page, state }) => {
    await signInPlain(page);
    await heading(page, 'Clients').waitFor();
    const bar = filters(page);

    await bar.getByRole('searchbox', { name: /^Tags/ }).fill(tag);
    await waitForQuery(page, (q) => q.get('tags') === tag);
    await expectRowNames(page, [a.name, b.name, c.name], 'rows for the tag');
    await expectRange(page, '1–3 of 3');
    await screenshot(page, 'filtered by tag');
    assert.equal((await apiPage({ tags: tag })).pagination.total, 3);

    await select(bar, 'Status').selectOption('Inactive');
    await waitForQuery(page, (q) => q.get('tags') === tag && q.get('status') === 'Inactive');
    await expectRowNames(page, [c.name], 'rows for tag + Inactive');
    await row(page, c.name).getByText('Inactive', { exact: true }).waitFor();
    await expectRange(page, '1–1 of 1');
    await screenshot(page, 'filtered by tag and status');
    // AuthSec's status for a deactivated client is Development.
    const inactive = await apiPage({ tags: tag, status: 'Development' });
    assert.deepEqual(inactive.clients.map((x) => x.id), [c.id]);

    // Back: the tag-only filter again (typing replaced the history entry, the select pushed one).
    await page.goBack();
    await waitForQuery(page, (q) => q.get('tags') === tag && !q.has('status'));
    await expectRowNames(page, [a.name, b.name, c.name], 'rows after Back');
    assert.equal(await select(bar, 'Status').inputValue(), '');
    assert.equal(await bar.getByRole('searchbox', { name: /^Tags/ }).inputValue(), tag);
    await screenshot(page, 'after back');

    // Filtering changed nothing on the server.
    const after = await apiAll({ tags: tag });
    assert.deepEqual(
      after.clients.map((x) => [x.name, x.status]).sort(),
      [[a.name, 'Active'], [b.name, 'Active'], [c.name, 'Development']],
    );
    await finish(page, state);
  });
});

test('paginate: next page, range text, typed page number, rows per page in the URL', FLOW, async (t) => {
  await withConsole(t, async ({ page, state }) => {
    await signInPlain(page);
    await heading(page, 'Clients').waitFor();
    const n = (await apiPage({ limit: 1 })).pagination.total;
    assert.ok(n > 100, `the seeded list has more than 100 current clients (got ${n})`);
    const ids = async (p, limit) => (await apiPage({ page: p, limit })).clients.map((c) => c.id);
    const nav = pager(page);

    await expectRange(page, `1–25 of ${n}`);
    await expectRowIds(page, await ids(1, 25), 'page 1');

    await button(nav, 'Next page').click();
    await waitForQuery(page, (q) => q.get('page') === '2');
    await expectRange(page, `26–50 of ${n}`);
    await expectRowIds(page, await ids(2, 25), 'page 2');
    await screenshot(page, 'page 2');

    const typed = nav.getByRole('spinbutton');
    await typed.fill('4');
    await typed.press('Enter');
    await waitForQuery(page, (q) => q.get('page') === '4');
    await expectRange(page, `76–100 of ${n}`);
    await expectRowIds(page, await ids(4, 25), 'page 4');
    await screenshot(page, 'page 4 typed');

    await button(nav, 'Previous page').click();
    await waitForQuery(page, (q) => q.get('page') === '3');
    await expectRange(page, `51–75 of ${n}`);

    await nav.getByRole('combobox').selectOption('50');
    await waitForQuery(page, (q) => q.get('size') === '50' && !q.has('page'));
    await expectRange(page, `1–50 of ${n}`);
    await expectRowIds(page, await ids(1, 50), 'page 1 of 50');
    await screenshot(page, 'size 50');

    const last = Math.ceil(n / 50);
    await button(nav, 'Last page').click();
    await waitForQuery(page, (q) => q.get('page') === String(last) && q.get('size') === '50');
    await expectRange(page, `${(last - 1) * 50 + 1}–${n} of ${n}`);
    await expectRowIds(page, await ids(last, 50), 'last page');
    assert.ok(await button(nav, 'Next page').isDisabled(), 'Next page is disabled on the last page');

    // Columns: hiding one hides its header and every cell of it, and goes into the URL.
    const tagsHeader = table(page).getByRole('columnheader', { name: 'Tags', exact: true });
    const typeCells = page.locator('table[aria-label="Clients"] tbody td.c-type');
    assert.ok(await tagsHeader.isVisible(), 'the Tags column shows by default');
    await page.getByText('Columns', { exact: true }).click();
    const chooser = page.getByRole('group', { name: 'Visible columns' });
    await chooser.getByRole('checkbox', { name: 'Tags', exact: true }).uncheck();
    await chooser.getByRole('checkbox', { name: 'Type', exact: true }).uncheck();
    await waitForQuery(page, (q) => (q.get('cols') || '').split(',').includes('name') && !/tags|type/.test(q.get('cols') || ''));
    await eventually(async () => assert.equal(await tagsHeader.isVisible(), false, 'Tags header hidden'));
    assert.equal(await typeCells.count(), (await rows(page)).length, 'hidden cells stay in the DOM');
    for (const v of await typeCells.evaluateAll((tds) => tds.map((td) => getComputedStyle(td).display))) {
      assert.equal(v, 'none', 'every Type cell is hidden');
    }
    await screenshot(page, 'columns hidden');
    await chooser.getByRole('checkbox', { name: 'Tags', exact: true }).check();
    await eventually(async () => assert.ok(await tagsHeader.isVisible(), 'Tags header back'));

    // A row's name link opens the client in the app (a full page load would sign out).
    const first = (await rows(page))[0];
    await table(page).getByRole('link', { name: first.name, exact: true }).first().click();
    await page.waitForURL((u) => u.pathname === `/clients/${first.id}`);
    await heading(page, first.name).waitFor();
    await page.goBack();
    await waitForQuery(page, (q) => q.get('page') === String(last));

    // Paging wrote nothing.
    assert.equal((await apiPage({ limit: 1 })).pagination.total, n);
    await finish(page, state);
  });
});

test('deactivate a row, reload (signs out), sign in again: back on the same URL and still inactive', FLOW, async (t) => {
  const tag = uniqueTag('deact');
  const x = await apiCreate({ name: `${PREFIX}-deactivate`, tags: [tag] });
  const listPath = `/clients?tags=${encodeURIComponent(tag)}`;
  await withConsole(t, async ({ page, state }) => {
    await signInPlain(page, listPath);
    await expectRowNames(page, [x.name]);
    const r = row(page, x.name);
    await r.getByText('Active', { exact: true }).waitFor();

    const patches = countRequests(page, 'PATCH', /\/(activate|deactivate)$/);
    await button(r, `Deactivate ${x.name}`).click();
    await r.getByText('Inactive', { exact: true }).waitFor();
    await button(r, `Activate ${x.name}`).waitFor();
    await eventually(async () => assert.equal((await apiGet(x.id)).body.active, false), { message: 'API after deactivate' });
    // Settled: the row is not rolled back, and the button is usable again.
    await eventually(async () => assert.ok(await button(r, `Activate ${x.name}`).isEnabled()));
    assert.equal(await r.getByText('Inactive', { exact: true }).count(), 1);
    assert.deepEqual(patches.map((u) => u.split('/').pop()), ['deactivate']);
    await screenshot(page, 'deactivated');

    // The session lives in memory: a reload signs out and remembers the page.
    await page.reload({ waitUntil: 'load' });
    await signInForm(page);
    assert.equal(new URL(page.url()).pathname, '/login');
    assert.equal(query(page).get('next'), listPath, 'the sign-in page remembers the list with its filter');
    await completeSignIn(page);
    assert.equal(where(page), listPath);
    await expectRowNames(page, [x.name], 'rows after signing in again');
    await row(page, x.name).getByText('Inactive', { exact: true }).waitFor();
    await button(row(page, x.name), `Activate ${x.name}`).waitFor();
    assert.equal(await filters(page).getByRole('searchbox', { name: /^Tags/ }).inputValue(), tag);
    await screenshot(page, 'after reload and sign-in');

    const got = (await apiGet(x.id)).body;
    assert.equal(got.active, false);
    assert.equal(got.status, 'Development', "AuthSec's status for a deactivated client");
    await finish(page, state);
  });
});

test('detail: edit email and add a tag, save; rotate the secret through the confirm and secret dialogs', FLOW, async (t) => {
  const tag1 = uniqueTag('detail1');
  const tag2 = uniqueTag('detail2');
  const x = await apiCreate({ name: `${PREFIX}-detail`, tags: [tag1], scopes: ['openid', 'email'] });
  const before = (await apiGet(x.id)).body;
  const newEmail = `${PREFIX}-edited@e2e.acme.test`;
  await withConsole(t, async ({ page, state }) => {
    await signInPlain(page, `/clients/${x.id}`);
    await heading(page, x.name).waitFor();
    await page.getByText('Active', { exact: true }).first().waitFor();
    await screenshot(page, 'detail');

    await button(page, 'Edit').click();
    const nameBox = page.getByRole('textbox', { name: 'Name', exact: true });
    assert.equal(await nameBox.inputValue(), x.name, 'the form starts from the client');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(newEmail);
    const tags = page.getByRole('textbox', { name: 'Tags', exact: true });
    await tags.fill(tag2);
    await tags.press('Enter');
    await button(page, `Remove ${tag2}`).waitFor();
    await button(page, `Remove ${tag1}`).waitFor();
    await screenshot(page, 'editing');
    const puts = countRequests(page, 'PUT', new RegExp(`/clients/${x.id}$`));
    const patches = countRequests(page, 'PATCH', new RegExp(`/clients/${x.id}$`));
    await button(page, 'Save changes').click();
    await toast(page, 'Changes saved.').waitFor();
    await button(page, 'Edit').waitFor();
    await page.getByText(newEmail, { exact: true }).waitFor();
    assert.equal(puts.length + patches.length, 1, 'one update request');
    await screenshot(page, 'saved');

    // Server: the edits, and nothing else changed (no lost write on other fields).
    const edited = (await apiGet(x.id)).body;
    assert.equal(edited.email, newEmail);
    assert.deepEqual(edited.tags, [tag1, tag2]);
    const strip = ({ email, tags: _t, updated_at, ...rest }) => rest;
    assert.deepEqual(strip(edited), strip(before), 'fields that were not edited are unchanged');

    // Rotate: confirm first, then the new secret once.
    const rotates = countRequests(page, 'POST', /\/rotate-secret$/);
    await button(page, 'Rotate secret').click();
    const confirm = page.getByRole('dialog', { name: 'Please confirm' });
    await confirm.waitFor();
    await screenshot(page, 'rotate confirm');
    await button(confirm, 'Confirm').click();
    const dialog = page.getByRole('dialog', { name: 'New client secret' });
    await dialog.waitFor();
    const secret = await dialog.getByRole('textbox', { name: 'Client secret', exact: true }).inputValue();
    assert.ok(secret.length >= 20, `the new secret is shown (got ${JSON.stringify(secret)})`);
    await screenshot(page, 'new secret');
    await button(dialog, 'I have stored it').click();
    await dialog.waitFor({ state: 'hidden' });
    await toast(page, 'The secret was rotated.').waitFor();
    assert.equal(rotates.length, 1, 'rotate-secret was sent once');
    assert.equal(await secretInPage(page, secret), false, 'the new secret is still in the page after "I have stored it"');

    const rotated = (await apiGet(x.id)).body;
    assert.ok(Date.parse(rotated.updated_at) > Date.parse(edited.updated_at), 'the server recorded the rotation');
    assert.equal(rotated.email, newEmail);
    assert.deepEqual(rotated.tags, [tag1, tag2]);
    await finish(page, state);
  });
});

test('bulk: select all 30 matching across two pages and deactivate them', FLOW, async (t) => {
  const tag = uniqueTag('bulk');
  const made = await apiCreateMany(`${PREFIX}-bulk`, 30, [tag]);
  assert.equal(made.length, 30);
  await withConsole(t, async ({ page, state }) => {
    await signInPlain(page, `/clients?tags=${encodeURIComponent(tag)}&size=25`);
    await expectRange(page, '1–25 of 30');
    await eventually(async () => assert.equal((await rows(page)).length, 25));

    const deactivations = countRequests(page, 'PATCH', /\/deactivate$/);
    await table(page).getByRole('checkbox', { name: 'Select all on this page', exact: true }).check();
    const region = bulk(page);
    await region.getByText('25 selected', { exact: true }).waitFor();
    await button(region, 'Select all 30 matching').click();
    await region.getByText('30 selected', { exact: true }).waitFor();
    await screenshot(page, 'all 30 selected');
    await button(region, 'Deactivate selected').click();
    await region.getByText('30 deactivated.', { exact: true }).waitFor({ timeout: 60_000 });
    assert.equal(await region.getByRole('list', { name: 'Failed items' }).count(), 0, 'no failed items');
    await screenshot(page, '30 deactivated');

    // Each client once, none twice.
    assert.equal(deactivations.length, 30, `deactivate requests: ${deactivations.length}`);
    assert.equal(new Set(deactivations).size, 30, 'a client was deactivated twice');
    const { clients, total } = await apiAll({ tags: tag });
    assert.equal(total, 30);
    assert.deepEqual(clients.filter((c) => c.active || c.status !== 'Development').map((c) => c.name), [], 'still active');
    assert.deepEqual(new Set(clients.map((c) => c.id)), new Set(made.map((c) => c.id)));

    // The list shows it too, on both pages.
    const inactiveRows = () => table(page).getByRole('button', { name: /^Activate / }).count();
    await eventually(async () => assert.equal(await inactiveRows(), 25));
    assert.equal(await table(page).getByText('Active', { exact: true }).count(), 0);
    await button(pager(page), 'Next page').click();
    await expectRange(page, '26–30 of 30');
    await eventually(async () => assert.equal(await inactiveRows(), 5));
    await finish(page, state);
  });
});

test('export CSV: the filtered set, and the whole list across several pages', FLOW, async (t) => {
  const tag = uniqueTag('csv');
  const tricky = `${PREFIX} "quoted", comma`;
  const made = [...(await apiCreateMany(`${PREFIX}-csv`, 6, [tag])), await apiCreate({ name: tricky, email: `${PREFIX}-tricky@e2e.acme.test`, tags: [tag] })];
  await withConsole(t, async ({ page, state }) => {
    await signInPlain(page, `/clients?tags=${encodeURIComponent(tag)}`);
    await eventually(async () => assert.equal((await rows(page)).length, made.length));

    const filtered = await exportCsv(page);
    assert.match(filtered.name, /^clients-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...body] = filtered.rows;
    assert.equal(header[0], 'id');
    assert.ok(header.includes('name') && header.includes('client_id'), `header: ${header}`);
    const api1 = await apiAll({ tags: tag });
    assert.equal(body.length, api1.total, `CSV rows ${body.length} vs API total ${api1.total}`);
    assert.ok(body.every((r) => r.length === header.length), 'every row has as many fields as the header');
    const col = (n) => header.indexOf(n);
    assert.deepEqual(new Set(body.map((r) => r[col('id')])), new Set(api1.clients.map((c) => c.id)));
    assert.ok(body.some((r) => r[col('name')] === tricky), 'a name with quotes and a comma survives the CSV');
    await toast(page, `Exported ${api1.total} clients`).waitFor();
    await screenshot(page, 'exported filtered');

    // The whole current list: more than one 100-row page is walked.
    await button(filters(page), 'Clear filters').click();
    await waitForQuery(page, (q) => !q.has('tags'));
    const all = await exportCsv(page);
    const api2 = await apiAll({});
    assert.ok(api2.total > 100, 'the whole list spans several API pages');
    assert.equal(all.rows.length - 1, api2.total, `CSV rows ${all.rows.length - 1} vs API total ${api2.total}`);
    assert.equal(new Set(all.rows.slice(1).map((r) => r[0])).size, api2.total, 'no client twice');
    await screenshot(page, 'exported all');
    await finish(page, state);
  });
});

test('delete: soft delete from the row, then permanently from "Deleted clients" by typing the name', FLOW, async (t) => {
  const tag = uniqueTag('del');
  const x = await apiCreate({ name: `${PREFIX}-delete`, tags: [tag] });
  await withConsole(t, async ({ page, state }) => {
    await signInPlain(page, `/clients?tags=${encodeURIComponent(tag)}`);
    await expectRowNames(page, [x.name]);

    await button(row(page, x.name), `Delete ${x.name}`).click();
    let dialog = page.getByRole('dialog', { name: 'Delete client' });
    await dialog.waitFor();
    await screenshot(page, 'soft delete confirm');
    await button(dialog, 'Delete').click();
    await dialog.waitFor({ state: 'hidden' });
    await toast(page, `${x.name} was deleted.`).waitFor();
    await page.getByText('No clients match these filters.', { exact: true }).waitFor();

    const soft = await apiGet(x.id);
    assert.equal(soft.status, 200);
    assert.equal(soft.body.status, 'Deleted', "AuthSec's status for a deleted client");
    assert.equal((await apiPage({ tags: tag })).pagination.total, 0);
    assert.equal((await apiPage({ tags: tag, deleted: true })).pagination.total, 1);

    await select(filters(page), 'Show').selectOption('deleted');
    await waitForQuery(page, (q) => q.get('deleted') === 'true' && q.get('tags') === tag);
    await expectRowNames(page, [x.name], 'the deleted view');
    await screenshot(page, 'deleted view');

    await button(row(page, x.name), `Delete permanently ${x.name}`).click();
    dialog = page.getByRole('dialog', { name: 'Delete client' });
    await dialog.waitFor();
    const confirmBtn = button(dialog, 'Delete');
    const typed = dialog.getByRole('textbox', { name: `Type ${x.name} to confirm`, exact: true });
    assert.ok(await confirmBtn.isDisabled(), 'Delete is disabled before the name is typed');
    await typed.fill(`${x.name}-not`);
    assert.ok(await confirmBtn.isDisabled(), 'Delete stays disabled for another text');
    await typed.fill(x.name);
    await eventually(async () => assert.ok(await confirmBtn.isEnabled()));
    await screenshot(page, 'permanent delete confirm');
    const hard = countRequests(page, 'POST', /\/delete-complete$/);
    await confirmBtn.click();
    await dialog.waitFor({ state: 'hidden' });
    await toast(page, `${x.name} was deleted permanently.`).waitFor();
    await page.getByText('No clients match these filters.', { exact: true }).waitFor();
    assert.equal(hard.length, 1, 'delete-complete was sent once');

    assert.equal((await apiGet(x.id)).status, 404, 'the client is gone');
    assert.equal((await apiPage({ tags: tag, deleted: true })).pagination.total, 0);
    await finish(page, state);
  });
});
