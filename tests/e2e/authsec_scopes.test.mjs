// Scopes and API scopes on a sandbox with `--profile authsec` (issue 17): AuthSec's own
// routes (authsec-api.md §e.2) through the console, each step checked against the
// sandbox's state afterwards. scripts/test starts that stack.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { onStack } from './stack.mjs';

const { api, apiSignIn, assertClean, signInPlain, withConsole } = await onStack('AUTHSEC');

const FLOW = { timeout: 240_000 };
const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const button = (scope, name) => scope.getByRole('button', { name, exact: true });
const toast = (page, text) => page.getByRole('status').filter({ hasText: text });

let admin = null;
const call = async (method, path, body) => {
  admin ??= await apiSignIn();
  return api(admin.token, method, path, body);
};

test('on AuthSec itself: a scope is added over picked resources, changed to all, and deleted', FLOW, async (t) => {
  const name = `scope-${RUN}`;
  const stored = async () => (await call('GET', '/authsec/uflow/admin/scopes/mappings')).body.find((s) => s.scope_name === name);
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/access/scopes');
    await page.getByRole('heading', { name: 'Scopes', exact: true, level: 1 }).waitFor();
    const card = page.getByRole('region', { name: 'Scopes', exact: true });
    const row = (n) => card.locator('tbody tr').filter({ has: page.getByText(n, { exact: true }) });
    await row('billing').getByText('invoices, reports', { exact: true }).waitFor();
    await row('reports').getByText('All resources', { exact: true }).waitFor();

    // No resource: refused here (an update without one would delete the scope on AuthSec).
    await card.getByRole('textbox', { name: 'Scope name', exact: true }).fill(name);
    await button(card, 'Save scope').click();
    await card.getByText('Pick the resources it covers, or All resources.', { exact: true }).waitFor();
    await card.getByRole('checkbox', { name: 'invoices', exact: true }).check();
    await card.getByRole('checkbox', { name: 'clients', exact: true }).check();
    await button(card, 'Save scope').click();
    await toast(page, `The scope ${name} was added.`).waitFor();
    assert.deepEqual((await stored()).resources.sort(), ['clients', 'invoices']);
    // The same name again: said here.
    await card.getByRole('textbox', { name: 'Scope name', exact: true }).fill(name);
    await card.getByRole('checkbox', { name: 'All resources', exact: true }).check();
    await button(card, 'Save scope').click();
    await card.getByText(`This workspace already has the scope ${name}.`, { exact: true }).waitFor();

    await button(row(name), `Edit ${name}`).click();
    await card.getByRole('heading', { name: `Edit the scope ${name}` }).waitFor();
    assert.equal(await card.getByRole('checkbox', { name: 'invoices', exact: true }).isChecked(), true);
    await card.getByRole('checkbox', { name: 'All resources', exact: true }).check();
    await button(card, 'Save scope').click();
    await toast(page, `The scope ${name} was saved.`).waitFor();
    assert.deepEqual((await stored()).resources, ['*']);

    await button(row(name), `Delete ${name}`).click();
    const dlg = page.getByRole('dialog', { name: 'Delete scope' });
    await button(dlg, 'Delete scope').click();
    await toast(page, `The scope ${name} was deleted.`).waitFor();
    assert.equal(await stored(), undefined);
    await assertClean(page);
  });
});

test('on AuthSec itself: an API scope is mapped to permissions, edited and deleted', FLOW, async (t) => {
  const name = `e2e${RUN}:read`;
  const listed = async () => (await call('GET', '/authsec/uflow/admin/api_scopes')).body.find((s) => s.name === name);
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/access/scopes');
    const card = page.getByRole('region', { name: 'API scopes', exact: true });
    await card.locator('tbody tr').filter({ hasText: 'invoices:read' }).first().waitFor();
    const field = card.getByRole('textbox', { name: 'API scope name', exact: true });
    await field.fill(`e2e${RUN}`);
    await card.getByRole('textbox', { name: 'Description', exact: true }).fill('Made by the e2e run');
    await button(card, 'Save API scope').click();
    await card.getByText('Write it as resource:action, e.g. files:read.', { exact: true }).waitFor();
    await card.getByText('Pick at least one permission.', { exact: true }).waitFor();
    await field.fill(name);
    await card.getByRole('checkbox', { name: 'invoices:read' }).check();
    await card.getByRole('checkbox', { name: 'reports:read' }).check();
    await button(card, 'Save API scope').click();
    await toast(page, `The API scope ${name} was added.`).waitFor();
    let s = await listed();
    assert.equal(s.permissions_linked, 2);

    const row = card.locator('tbody tr').filter({ hasText: name });
    await button(row, `Edit ${name}`).click();
    await card.getByRole('heading', { name: `Edit the API scope ${name}` }).waitFor();
    assert.equal(await card.getByRole('checkbox', { name: 'reports:read' }).isChecked(), true);
    // AuthSec keeps a description it is sent empty: said here.
    await card.getByRole('textbox', { name: 'Description', exact: true }).fill('');
    await button(card, 'Save API scope').click();
    await card.getByText('AuthSec cannot clear a description: write a new one.', { exact: true }).waitFor();
    await card.getByRole('textbox', { name: 'Description', exact: true }).fill('Reads, edited');
    await card.getByRole('checkbox', { name: 'reports:read' }).uncheck();
    await button(card, 'Save API scope').click();
    await toast(page, `The API scope ${name} was saved.`).waitFor();
    s = await listed();
    const one = (await call('GET', `/authsec/uflow/admin/api_scopes/${s.id}`)).body;
    assert.deepEqual(one.permission_strings, ['invoices:read']);
    assert.equal(one.description, 'Reads, edited');

    await button(row, `Delete ${name}`).click();
    const dlg = page.getByRole('dialog', { name: 'Delete API scope' });
    await button(dlg, 'Delete API scope').click();
    await toast(page, `The API scope ${name} was deleted.`).waitFor();
    assert.equal(await listed(), undefined);
    await assertClean(page);
  });
});
