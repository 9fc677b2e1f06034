// Lost answers (issue 18): on a sandbox that does every signed-in write and then answers
// it 503 (`--fail-after-commit 1`; scripts/test starts that stack and passes
// LOST_CONSOLE_URL and LOST_SANDBOX_URL), a create is found done instead of reported
// failed (so a "Try again" cannot make it twice), and a delete tried again finds its
// item gone. The server then holds each record once.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { onStack } from './stack.mjs';

const { api, apiSignIn, assertClean, follow, heading, signInPlain, withConsole } = await onStack('LOST');

const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const button = (scope, name) => scope.getByRole('button', { name, exact: true });

/** Counts the requests the page sends that match `method` and `path`. */
function requests(page, method, path) {
  const seen = [];
  page.on('request', (r) => {
    if (r.method() === method && path.test(new URL(r.url()).pathname)) seen.push(r);
  });
  return seen;
}

test('a create whose answer is lost is found, once; a delete tried again finds its item gone', async (t) => {
  await withConsole(t, async ({ page }) => {
    const creates = requests(page, 'POST', /\/clients\/create$|\/api-keys$|\/Users$/);
    await signInPlain(page, '/clients/new');

    const client = `lost-${RUN}`;
    await page.getByLabel('Name', { exact: true }).fill(client);
    await page.getByLabel('Email', { exact: true }).fill(`${client}@e2e.acme.test`);
    await button(page, 'Create client').click();
    await page.getByText(`${client} was created, but AuthSec's answer, with its secret, was lost on the way.`).waitFor();
    await heading(page, client).waitFor();
    assert.match(new URL(page.url()).pathname, /^\/clients\/[^/]+$/);

    const key = `lost-key-${RUN}`;
    await follow(page, '/api-keys');
    await button(page, 'New API key').click();
    const dialog = page.getByRole('dialog', { name: 'New API key' });
    await dialog.getByLabel('Name', { exact: true }).fill(key);
    await dialog.getByRole('checkbox').first().check();
    await button(dialog, 'Create key').click();
    await page.getByText(`The key ${key} was created, but AuthSec's answer, with the key, was lost on the way.`).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('row').filter({ hasText: key }).waitFor();

    // The delete is done but its answer lost: the console says it failed; the next try
    // finds the key gone and says so.
    await button(page, `Delete ${key}`).click();
    const confirm = page.getByRole('dialog', { name: 'Confirm' });
    await button(confirm, 'Confirm').click();
    await confirm.getByRole('alert').filter({ hasText: /\S/ }).waitFor();
    await button(confirm, 'Confirm').click();
    await page.getByText(`${key} was already deleted.`).waitFor();
    await page.getByRole('row').filter({ hasText: key }).waitFor({ state: 'detached' });

    const email = `lost-${RUN}@e2e.acme.test`;
    await follow(page, '/users/new');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('First name', { exact: true }).fill('Lost');
    await page.getByLabel('Last name', { exact: true }).fill('Answer');
    await button(page, 'Create user').click();
    await page.getByText(`${email} was created.`).waitFor();
    assert.match(new URL(page.url()).pathname, /^\/users\/[^/]+$/);
    assert.equal(creates.length, 3, 'each create was sent once');

    const s = await apiSignIn();
    const clients = await api(s.token, 'GET', `/authsec/clientms/tenants/${s.tenantId}/clients/getClients?name=${client}&limit=100`);
    assert.equal(clients.body.clients.filter((c) => c.name === client).length, 1, 'one client');
    const keys = await api(s.token, 'GET', '/authsec/uflow/api-keys');
    assert.equal(keys.body.api_keys.filter((k) => k.name === key).length, 0, 'the key was deleted');
    const users = await api(s.token, 'POST', '/authsec/uflow/admin/enduser/list', { tenant_id: s.tenantId, page: 1, limit: 0 });
    assert.equal(users.body.users.filter((u) => u.email === email).length, 1, 'one user');
    await assertClean(page);
  });
});
