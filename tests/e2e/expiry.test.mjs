// Expiring tokens (issue 8): a console on a sandbox that mints 60-second tokens
// (`--token-ttl 60`; scripts/test starts that stack and passes EXPIRY_CONSOLE_URL and
// EXPIRY_SANDBOX_URL). Two people start work, the tokens expire, they submit: the
// "Sign in again" dialog appears, and after it the work is saved with nothing retyped.
// One edits a client; the other is midway through the new-application wizard.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { onStack } from './stack.mjs';

const { ACCOUNTS, PASSWORD, api, apiSignIn, assertClean, assertNoTokenLeak, heading, jwtClaims, openConsole, screenshot, signInPlain, submitCode, tokensMinted, withConsole } =
  await onStack('EXPIRY');

const TTL_S = 60;
const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const button = (scope, name) => scope.getByRole('button', { name, exact: true });

/** Waits until `ms` have passed since `since` (Date.now() value). */
async function waitUntilPast(since, ms) {
  const left = since + ms - Date.now();
  if (left > 0) await new Promise((r) => setTimeout(r, left));
}

/** Answers the "Sign in again" dialog with the password and the authenticator code. */
async function reauthenticate(page) {
  const dialog = page.getByRole('dialog', { name: 'Sign in again' });
  await dialog.waitFor({ timeout: 20_000 });
  await screenshot(page, 'sign in again');
  await dialog.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await button(dialog, 'Sign in').click();
  await submitCode(page, ACCOUNTS.plain);
  await dialog.waitFor({ state: 'hidden' });
}

test('tokens expire mid-edit and mid-wizard: sign in again, and the work is saved with nothing retyped', { timeout: 240_000 }, async (t) => {
  const { tenantId } = await apiSignIn();
  const clientsBase = `/authsec/clientms/tenants/${tenantId}/clients`;
  const a = await openConsole();
  const b = await openConsole();
  a.state.testName = `${t.name} (client)`;
  b.state.testName = `${t.name} (wizard)`;
  try {
    // A: a client's edit form, changed but not saved.
    await signInPlain(a.page, '/clients');
    const signedInAt = Date.now();
    const href = await a.page.locator('main tbody a[href^="/clients/"]').first().getAttribute('href');
    await a.page.locator(`main tbody a[href="${href}"]`).first().click();
    const id = href.split('/').pop();
    await button(a.page, 'Edit').click();
    const email = `expiry-${RUN}@e2e.acme.test`;
    await a.page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
    const tags = a.page.getByRole('textbox', { name: 'Tags', exact: true });
    await tags.fill(`expiry-${RUN}`);
    await tags.press('Enter');

    // B: the new-application wizard, at step 2 of 5.
    await signInPlain(b.page, '/apps');
    await heading(b.page, 'Applications').waitFor();
    await b.page.getByRole('link', { name: 'New application', exact: true }).click();
    const appName = `Expiry ${RUN}`;
    await b.page.getByLabel('Name', { exact: true }).fill(appName);
    await b.page.getByLabel('Description', { exact: true }).fill('Made across an expired token');
    await button(b.page, 'Next').click();
    await heading(b.page, 'Step 2 of 5: First client').waitFor();
    await b.page.getByLabel('Client type', { exact: true }).selectOption('spa');

    // Both tokens expire.
    await waitUntilPast(signedInAt, (TTL_S + 5) * 1000);

    // The test's own API session expired too.
    const admin = await apiSignIn();

    // A submits: sign in again, then the same PUT goes through.
    const saved = a.page.waitForResponse((r) => r.url().endsWith(`/clients/${id}`) && r.request().method() === 'PUT' && r.status() === 200);
    await button(a.page, 'Save changes').click();
    await reauthenticate(a.page);
    await saved;
    // The page that asked is the one that answers: the edit form closes with its toast.
    await a.page.getByRole('status').filter({ hasText: 'Changes saved.' }).first().waitFor();
    await button(a.page, 'Edit').waitFor();
    const after = (await api(admin.token, 'GET', `${clientsBase}/${id}`)).body;
    assert.equal(after.email, email, 'the edited email was saved');
    assert.ok(after.tags.includes(`expiry-${RUN}`), 'the added tag was saved');
    await tokensMinted(a.state, 2, 'the dialog minted a second token');
    await screenshot(a.page, 'client saved');

    // B goes on through the wizard and creates: sign in again, created once.
    await button(b.page, 'Next').click();
    await heading(b.page, 'Step 3 of 5: Login preferences').waitFor();
    await button(b.page, 'Next').click();
    await heading(b.page, 'Step 4 of 5: Domains').waitFor();
    await button(b.page, 'Next').click();
    await heading(b.page, 'Step 5 of 5: Review').waitFor();
    await b.page.getByText(`Name: ${appName}`).waitFor();
    await button(b.page, 'Create application').click();
    await reauthenticate(b.page);
    const secretDlg = b.page.getByRole('dialog', { name: 'Client secret' });
    await secretDlg.waitFor();
    await button(secretDlg, 'I have stored it').click();
    await heading(b.page, appName).waitFor();
    const apps = (await api(admin.token, 'GET', '/authsec/apps/')).body.result.filter((x) => x.app_name === appName);
    assert.equal(apps.length, 1, 'the application was created exactly once');
    assert.equal(apps[0].client_type, 'spa', 'the wizard kept step 2');
    assert.equal(apps[0].app_description, 'Made across an expired token');
    await tokensMinted(b.state, 2);

    for (const c of [a, b]) {
      for (const token of c.state.tokens) await assertNoTokenLeak(c.page, token);
      await assertClean(c.page);
    }
  } catch (e) {
    for (const c of [a, b]) await screenshot(c.page, 'FAILED').catch(() => {});
    t.diagnostic(`A: ${a.page.url()} ${JSON.stringify(a.state.console.slice(-15))}`);
    t.diagnostic(`B: ${b.page.url()} ${JSON.stringify(b.state.console.slice(-15))}`);
    throw e;
  } finally {
    await a.close();
    await b.close();
  }
});

test('before the token expires, a banner offers to sign in again; doing so keeps the form and renews the token', { timeout: 180_000 }, async (t) => {
  await withConsole(t, async ({ page, state }) => {
    await signInPlain(page, '/clients');
    await page.getByRole('link', { name: 'New client', exact: true }).click();
    const typed = `Renewed ${RUN}`;
    await page.getByLabel('Name', { exact: true }).fill(typed);
    // A 60-second token: the banner comes in its last quarter.
    const notice = page.getByRole('status').filter({ hasText: 'Your sign-in ends at' });
    await notice.waitFor({ timeout: (TTL_S + 10) * 1000 });
    await screenshot(page, 'renew notice');
    await button(notice, 'Sign in again now').click();
    const dialog = page.getByRole('dialog', { name: 'Renew your sign-in' });
    await dialog.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await button(dialog, 'Sign in').click();
    await submitCode(page, ACCOUNTS.plain);
    await dialog.waitFor({ state: 'hidden' });
    await tokensMinted(state, 2, 'signed in again');
    assert.ok(jwtClaims(state.tokens[1]).exp > jwtClaims(state.tokens[0]).exp, 'the new token lasts longer');
    assert.equal(await notice.count(), 0, 'the banner is gone');
    assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), typed, 'the form kept its input');
    await assertClean(page);
  });
});
