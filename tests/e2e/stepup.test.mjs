// Step-up (issue 18): the routes that mint lasting credentials or remove a factor want a
// recent proof. On a sandbox whose sign-ins count as made ten minutes ago
// (`--signed-in-ago 600`, window 300 s; scripts/test starts that stack and passes
// STEPUP_CONSOLE_URL and STEPUP_SANDBOX_URL), each such action asks "Confirm it's you",
// sends the call once more after it, and leaves it undone on Cancel; a replayed token
// without a step-up is refused by the server.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { onStack } from './stack.mjs';

const { ACCOUNTS, api, apiSignIn, assertClean, codeNow, completeSignIn, goto, heading, screenshot, signInPlain, signOut, virtualAuthenticator, withConsole } =
  await onStack('STEPUP');

const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const button = (scope, name) => scope.getByRole('button', { name, exact: true });
const STEP_UP = /^\/authsec\/uflow\/step-up$/;

/** Counts the requests the page sends that match `method` and `path`. */
function requests(page, method, path) {
  const seen = [];
  page.on('request', (r) => {
    if (r.method() === method && path.test(new URL(r.url()).pathname)) seen.push(r);
  });
  return seen;
}

/** Answers "Confirm it's you" with the authenticator code. */
async function confirmItsMe(page) {
  const dialog = page.getByRole('dialog', { name: "Confirm it's you" });
  await dialog.waitFor();
  await dialog.getByRole('textbox', { name: 'Authentication code', exact: true }).fill(codeNow());
  await button(dialog, 'Confirm').click();
  await dialog.waitFor({ state: 'hidden' });
}

test('creating an API key asks "Confirm it\'s you": Cancel leaves it undone with the form kept, a wrong code is refused, the right one creates it once, and the next one does not ask', { timeout: 120_000 }, async (t) => {
  const name = `stepup-${RUN}`;
  await withConsole(t, async ({ page }) => {
    const creates = requests(page, 'POST', /\/api-keys$/);
    const stepUps = requests(page, 'POST', STEP_UP);
    await signInPlain(page, '/api-keys');
    await heading(page, 'API keys').waitFor();
    await button(page, 'New API key').click();
    const form = page.getByRole('dialog', { name: 'New API key' });
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByRole('checkbox', { name: 'clients:read' }).check();
    await button(form, 'Create key').click();

    // The server wants a fresh proof: the dialog, over the form.
    const confirm = page.getByRole('dialog', { name: "Confirm it's you" });
    await confirm.waitFor();
    await screenshot(page, 'confirm it is you');
    await button(confirm, 'Cancel').click();
    await form.getByRole('alert').filter({ hasText: 'this needs you to confirm it' }).waitFor();
    assert.equal(await form.getByLabel('Name', { exact: true }).inputValue(), name, 'the name is kept');
    assert.equal(creates.length, 1, 'Cancel sent nothing more');

    // A wrong code: said in the dialog, which stays; then the right one, and the key.
    await button(form, 'Create key').click();
    await confirm.waitFor();
    await confirm.getByRole('textbox', { name: 'Authentication code', exact: true }).fill('000000');
    await button(confirm, 'Confirm').click();
    await confirm.getByRole('alert').filter({ hasText: 'That code is not right' }).waitFor();
    await screenshot(page, 'wrong code');
    await confirm.getByRole('textbox', { name: 'Authentication code', exact: true }).fill(codeNow());
    await button(confirm, 'Confirm').click();
    const shown = page.getByRole('dialog', { name: 'API key', exact: true });
    await shown.waitFor();
    assert.ok((await shown.getByRole('textbox').inputValue()).length > 20, 'the new key is shown');
    await button(shown, 'I have stored it').click();
    assert.equal(creates.length, 3, 'one refused try before Cancel, one refused and one sent again after the proof');
    assert.equal(stepUps.length, 2, 'the wrong code and the right one');

    // Within the window, the next key does not ask.
    await button(page, 'New API key').click();
    await form.getByLabel('Name', { exact: true }).fill(`${name}-2`);
    await form.getByRole('checkbox', { name: 'clients:read' }).check();
    await button(form, 'Create key').click();
    await shown.waitFor();
    assert.equal(await confirm.isVisible(), false);
    await button(shown, 'I have stored it').click();
    assert.equal(creates.length, 4);
    await assertClean(page);
  });
});

test('regenerating backup codes and rotating a client secret each ask "Confirm it\'s you" on a sign-in ten minutes old', { timeout: 120_000 }, async (t) => {
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/account/security');
    await button(page, 'Make new backup codes').click();
    await button(page.getByRole('dialog', { name: 'Make new backup codes' }), 'Make new codes').click();
    await confirmItsMe(page);
    await page.getByText('Your old backup codes no longer work.').waitFor();
  });
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/clients');
    await page.locator('main tbody a[href^="/clients/"]').first().click();
    await button(page, 'Rotate secret').click();
    await button(page.getByRole('dialog', { name: 'Please confirm' }), 'Confirm').click();
    await confirmItsMe(page);
    const secret = page.getByRole('dialog', { name: 'New client secret' });
    await secret.waitFor();
    await button(secret, 'I have stored it').click();
    await assertClean(page);
  });
});

test('deleting a client permanently asks "Confirm it\'s you" first; Cancel sends nothing', { timeout: 120_000 }, async (t) => {
  const s = await apiSignIn();
  const base = `/authsec/clientms/tenants/${s.tenantId}/clients`;
  const name = `stepup-del-${RUN}`;
  const made = await api(s.token, 'POST', `${base}/create`, { name, email: `${name}@e2e.acme.test` });
  assert.equal(made.status, 201, made.text);
  assert.equal((await api(s.token, 'DELETE', `${base}/${made.body.id}`)).status, 200);
  await withConsole(t, async ({ page }) => {
    const hard = requests(page, 'POST', /\/delete-complete$/);
    await signInPlain(page, `/clients?deleted=true&name=${name}`);
    const remove = async () => {
      await button(page, `Delete permanently ${name}`).click();
      const dialog = page.getByRole('dialog', { name: 'Delete client' });
      await dialog.getByRole('textbox', { name: `Type ${name} to confirm`, exact: true }).fill(name);
      await button(dialog, 'Delete').click();
      return dialog;
    };
    const dialog = await remove();
    const confirm = page.getByRole('dialog', { name: "Confirm it's you" });
    await confirm.waitFor();
    await button(confirm, 'Cancel').click();
    await dialog.getByRole('alert').filter({ hasText: 'this needs you to confirm it' }).waitFor();
    assert.equal(hard.length, 0, 'nothing was sent');
    await button(dialog, 'Cancel').click();
    await remove();
    await confirmItsMe(page);
    await page.getByText(`${name} was deleted permanently.`).waitFor();
    assert.equal(hard.length, 1);
    assert.equal((await api(s.token, 'GET', `${base}/${made.body.id}`)).status, 404);
    await assertClean(page);
  });
});

test('adding a passkey asks "Confirm it\'s you"; later its deletion asks again, and the passkey itself can confirm', { timeout: 120_000 }, async (t) => {
  await withConsole(t, async ({ page }) => {
    const authenticator = await virtualAuthenticator(page);
    await signInPlain(page, '/account/security');
    // A new factor needs a recent proof too: else a stolen token could enrol its own.
    await button(page, 'Add a passkey').click();
    await button(page, 'Create passkey').click();
    await confirmItsMe(page);
    await page.getByText('Passkey added').first().waitFor();
    const passkeys = page.getByRole('list', { name: 'Passkeys' });
    const name = (await passkeys.locator('strong').first().innerText()).trim();
    // A new sign-in (ten minutes old again), with the same browser and its passkey.
    await signOut(page);
    await goto(page, '/account/security');
    await completeSignIn(page);
    const before = await authenticator.credentials();
    await button(passkeys, `Delete ${name}`).click();
    await button(page.getByRole('dialog', { name: 'Delete factor' }), 'Delete').click();
    const confirm = page.getByRole('dialog', { name: "Confirm it's you" });
    await confirm.waitFor();
    await confirm.getByRole('radio', { name: 'My passkey' }).check();
    await screenshot(page, 'confirm with the passkey');
    await button(confirm, 'Confirm').click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByText(`The passkey ${name} was deleted.`).waitFor();
    const after = await authenticator.credentials();
    assert.ok(after[0].signCount > before[0].signCount, 'the passkey signed the step-up');
    await assertClean(page);
  });
});

test('a replayed token without a step-up is refused by every step-up route; a step-up renews the same session', async () => {
  const { token, tenantId } = await apiSignIn();
  const refused = async (method, path, body) => {
    const r = await api(token, method, path, body);
    assert.equal(r.status, 401, `${method} ${path}: ${r.status} ${r.text}`);
    assert.deepEqual(r.body, { error: 'step_up_required' }, `${method} ${path}`);
  };
  const clients = await api(token, 'GET', `/authsec/clientms/tenants/${tenantId}/clients/getClients?page=1&limit=1`);
  const client = clients.body.clients?.[0] ?? clients.body.data?.[0];
  assert.ok(client, `a client to rotate: ${clients.text.slice(0, 200)}`);
  await refused('POST', '/authsec/uflow/api-keys', { name: `replay-${RUN}`, scopes: ['clients:read'] });
  await refused('POST', '/authsec/uflow/api-keys/00000000-0000-0000-0000-000000000000/regenerate');
  await refused('POST', '/authsec/webauthn/totp/backup/regenerate');
  await refused('DELETE', '/authsec/webauthn/credentials/anything');
  await refused('POST', `/authsec/clientms/tenants/${tenantId}/clients/${client.id}/rotate-secret`);
  await refused('POST', '/authsec/webauthn/totp/beginLoginSetup', { tenant_id: tenantId, email: ACCOUNTS.plain });

  const wrong = await api(token, 'POST', '/authsec/uflow/step-up', { code: '000000' });
  assert.equal(wrong.status, 400, wrong.text);
  const up = await api(token, 'POST', '/authsec/uflow/step-up', { code: codeNow() });
  assert.equal(up.status, 200, up.text);
  const fresh = up.body.access_token;
  const created = await api(fresh, 'POST', '/authsec/uflow/api-keys', { name: `replay-${RUN}`, scopes: ['clients:read'] });
  assert.equal(created.status, 200, created.text);
  // The same session: the old token still works for reads, and still may not mint.
  assert.equal((await api(token, 'GET', '/authsec/uflow/api-keys')).status, 200);
  await refused('POST', '/authsec/uflow/api-keys', { name: `replay-${RUN}-2`, scopes: ['clients:read'] });
});
