// An end user's password reset on a sandbox with `--profile authsec` (issue 17): AuthSec's
// `/uflow/user/admin/reset-password` (two JSON objects in one body) through the user's
// page; the temporary password, shown once, then signs the user in and the old one does
// not. scripts/test starts that stack.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { onStack } from './stack.mjs';

const { CONSOLE_URL, api, apiSignIn, assertClean, follow, signInPlain, withConsole } = await onStack('AUTHSEC');

const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const button = (scope, name) => scope.getByRole('button', { name, exact: true });

test("on AuthSec itself: an end user's password is reset from their page and the new one signs them in", { timeout: 240_000 }, async (t) => {
  const s = await apiSignIn();
  const { end_user_client_id: client } = await (await fetch(`${CONSOLE_URL()}/config.json`)).json();
  const email = `reset-${RUN}@e2e.acme.test`;
  const made = await api(s.token, 'POST', `/authsec/uflow/scim/v2/${client}/${s.tenantId}/Users`, {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: email,
    name: { givenName: 'Reset', familyName: 'Me' },
    emails: [{ value: email, type: 'work', primary: true }],
    active: true,
  });
  assert.equal(made.status, 201, made.text);
  const login = (password) => api(null, 'POST', '/authsec/uflow/user/login', { client_id: client, email, password });
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/users');
    await follow(page, `/users/${made.body.id}`, { settle: false });
    await button(page, 'Reset password').click();
    const ask = page.getByRole('dialog', { name: 'Confirm' });
    await ask.getByText('Their current password stops working at once', { exact: false }).waitFor();
    await button(ask, 'Confirm').click();
    const shown = page.getByRole('dialog', { name: 'Temporary password' });
    const temp = await shown.getByRole('textbox', { name: 'Temporary password', exact: true }).inputValue();
    assert.equal(temp.length, 20);
    await button(shown, 'I have stored it').click();
    await shown.waitFor({ state: 'detached' });
    assert.equal(await page.getByText(temp).count(), 0, 'the password is gone from the page');
    assert.equal((await login(temp)).status, 200, 'the temporary password signs the user in');
    // Again: a new one, and the first stops working.
    await button(page, 'Reset password').click();
    await button(page.getByRole('dialog', { name: 'Confirm' }), 'Confirm').click();
    const again = await page.getByRole('dialog', { name: 'Temporary password' }).getByRole('textbox').inputValue();
    await button(page.getByRole('dialog', { name: 'Temporary password' }), 'I have stored it').click();
    assert.notEqual(again, temp);
    assert.equal((await login(temp)).status, 401, 'the first one no longer works');
    await assertClean(page);
  });
});
