// Workspace settings on a sandbox with `--profile authsec` (issue 17): the workspace's
// profile, its domains proven by a DNS TXT record, and a SCIM token, through AuthSec's own
// routes (authsec-api.md §f), each step checked against the sandbox's state. The sandbox's
// DNS is the zone file AUTHSEC_DNS_ZONE names: this test publishes records there, as an
// admin would at a DNS provider. scripts/test starts that stack.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';

import { onStack } from './stack.mjs';

const ZONE = process.env.AUTHSEC_DNS_ZONE;
if (!ZONE) throw new Error('AUTHSEC_DNS_ZONE is not set: run with ./scripts/test --layer e2e');

const { api, apiSignIn, assertClean, heading, screenshot, signInPlain, withConsole } = await onStack('AUTHSEC');

const FLOW = { timeout: 240_000 };
const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const button = (scope, name) => scope.getByRole('button', { name, exact: true });
const toast = (page, text) => page.getByRole('status').filter({ hasText: text });

let admin = null;
const call = async (method, path, body) => {
  admin ??= await apiSignIn();
  return api(admin.token, method, path, body);
};

/** Publishes (or replaces) the TXT strings of `name` in the sandbox's DNS. */
function publish(name, values) {
  const zone = fs.existsSync(ZONE) ? JSON.parse(fs.readFileSync(ZONE, 'utf8')) : {};
  zone[name] = values;
  fs.writeFileSync(ZONE, JSON.stringify(zone));
}

test('on AuthSec itself: a domain is added, proven by its TXT record, made primary and deleted', FLOW, async (t) => {
  const s = (admin ??= await apiSignIn());
  const domain = `d-${RUN}.acme.test`;
  const domains = async () => (await call('GET', `/authsec/uflow/admin/tenants/${s.tenantId}/domains`)).body.domains;
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/settings');
    await heading(page, 'Workspace settings').waitFor();
    const profile = page.getByRole('region', { name: 'Workspace' });
    await profile.getByText('Acme Corporation', { exact: true }).waitFor();
    await profile.getByText(s.tenantId, { exact: true }).waitFor();
    await profile.getByText('cannot be edited here', { exact: false }).waitFor();

    const card = page.getByRole('region', { name: 'Domains' });
    const row = (d) => card.locator('tbody tr').filter({ hasText: d }).first();
    await row('login.acme.test').getByText('Primary', { exact: true }).waitFor();
    await row('acme-corp.example').getByText('Not verified', { exact: true }).waitFor();

    // Refused here, with the input kept: a URL, then a wildcard.
    const field = card.getByRole('textbox', { name: 'Domain', exact: true });
    await field.fill(`https://${domain}`);
    await button(card, 'Add domain').click();
    await card.getByText('Enter the domain only, without https:// or a path.', { exact: true }).waitFor();
    assert.equal(await field.inputValue(), `https://${domain}`);
    await field.fill(`${domain.toUpperCase()}.`);
    await button(card, 'Add domain').click();
    await toast(page, `${domain} was added.`).waitFor();
    assert.equal(await field.inputValue(), '', 'the field is cleared once added');
    await row(domain).getByText('Not verified', { exact: true }).waitFor();
    const stored = (await domains()).find((d) => d.domain === domain);
    assert.ok(stored, 'AuthSec has the domain, lower-cased, without the dot');
    // The record to publish, as the page shows it.
    const record = card.locator('tr.record-row').filter({ hasText: `_authsec-challenge.${domain}` });
    await record.getByText(stored.verification_txt_value, { exact: true }).waitFor();
    await record.getByRole('button', { name: `Copy the TXT value for ${domain}`, exact: true }).waitFor();

    // Not published yet, then a wrong value: each failure said in a sentence.
    await button(card, `Verify ${domain}`).click();
    await card.getByRole('alert').filter({ hasText: 'does not exist in DNS yet' }).waitFor();
    publish(`_authsec-challenge.${domain}`, ['authsec-domain-verification=not-it']);
    await button(card, `Verify ${domain}`).click();
    await card.getByRole('alert').filter({ hasText: 'does not hold the value below' }).waitFor();
    assert.equal((await domains()).find((d) => d.domain === domain).is_verified, false);
    publish(`_authsec-challenge.${domain}`, ['v=spf1 -all', stored.verification_txt_value]);
    await button(card, `Verify ${domain}`).click();
    await toast(page, `${domain} is verified.`).waitFor();
    await row(domain).getByText('Verified', { exact: true }).waitFor();
    assert.ok((await domains()).find((d) => d.domain === domain).verified_at, 'verified on the server');
    await screenshot(page, 'settings: domains');

    // Primary moves to it, then back.
    await button(card, `Make ${domain} primary`).click();
    await toast(page, `${domain} is now the primary domain.`).waitFor();
    let now = await domains();
    assert.deepEqual(now.filter((d) => d.is_primary).map((d) => d.domain), [domain]);
    await button(card, 'Make login.acme.test primary').click();
    await toast(page, 'login.acme.test is now the primary domain.').waitFor();
    now = await domains();
    assert.deepEqual(now.filter((d) => d.is_primary).map((d) => d.domain), ['login.acme.test']);

    // A verified domain is deleted only with its name typed.
    await button(card, `Delete ${domain}`).click();
    const dlg = page.getByRole('dialog', { name: 'Delete domain' });
    await dlg.getByText('passkeys registered for it stop working', { exact: false }).waitFor();
    const confirm = button(dlg, 'Delete domain');
    assert.equal(await confirm.isDisabled(), true, 'not before the name is typed');
    await dlg.getByRole('textbox').fill(domain);
    await confirm.click();
    await toast(page, `${domain} was deleted.`).waitFor();
    await row(domain).waitFor({ state: 'detached' });
    assert.ok(!(await domains()).some((d) => d.domain === domain));
    await assertClean(page);
  });
});

test('on AuthSec itself: a SCIM token is generated for a chosen client and shown once', FLOW, async (t) => {
  const s = (admin ??= await apiSignIn());
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/settings');
    const card = page.getByRole('region', { name: 'SCIM provisioning' });
    await button(card, 'Generate SCIM token').click();
    await card.getByText('Choose the client first.', { exact: true }).waitFor();
    const select = card.getByRole('combobox', { name: 'Client', exact: true });
    await select.locator('option').nth(1).waitFor({ state: 'attached' });
    const [clientId, clientName] = await select.locator('option').nth(1).evaluate((o) => [o.value, o.textContent.trim()]);
    await select.selectOption(clientId);
    await button(card, 'Generate SCIM token').click();
    const ask = page.getByRole('dialog', { name: 'Generate SCIM token' });
    await ask.getByText('AuthSec cannot revoke it', { exact: false }).waitFor();
    await button(ask, 'Generate token').click();
    const shown = page.getByRole('dialog', { name: 'SCIM token' });
    const token = await shown.getByRole('textbox', { name: 'SCIM token', exact: true }).inputValue();
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    assert.deepEqual(claims.scope, ['scim:read', 'scim:write']);
    assert.equal(claims.client_id, clientId);
    assert.equal(claims.tenant_id, s.tenantId);
    await shown.getByText('the lost one stays valid until it expires', { exact: false }).waitFor();
    await button(shown, 'I have stored it').click();
    await shown.waitFor({ state: 'detached' });
    assert.equal(await page.getByText(token).count(), 0, 'the token is gone from the page');
    const facts = card.getByRole('definition');
    await facts.filter({ hasText: clientName }).waitFor();
    await facts.filter({ hasText: `/authsec/uflow/scim/v2/${clientId}/${s.tenantId}` }).waitFor();
    await facts.filter({ hasText: /in \d+ months|in 1 year|in 12 months/ }).waitFor();
    await assertClean(page);
  });
});

const METADATA = (entity) => `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${entity}">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data>
      <ds:X509Certificate>${'MIIDpDCCAoygAwIBAgIGAY'.repeat(4)}</ds:X509Certificate>
    </ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.acme.test/sso"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;

test('on AuthSec itself: sign-in providers are added from templates, edited without their secret and deleted', FLOW, async (t) => {
  const s = (admin ??= await apiSignIn());
  const oidc = async () =>
    (await call('POST', '/authsec/oocmgr/oidc/get-config', { client_id: s.tenantId })).body.data.oidc_providers ?? [];
  const saml = async () =>
    (await call('POST', '/authsec/oocmgr/saml/list-providers', { tenant_id: s.tenantId, client_id: s.tenantId })).body.providers;
  const key = `g-${RUN}`;
  const secret = `sec-${RUN}-1`;
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/settings');
    const card = page.getByRole('region', { name: 'Sign-in providers' });
    await button(card, 'Add OIDC provider').click();
    const add = page.getByRole('dialog', { name: 'Add an OIDC provider' });
    const field = (name) => add.getByRole('textbox', { name, exact: true });
    const pick = add.getByRole('combobox', { name: 'Start from', exact: true });
    await pick.locator('option', { hasText: 'Auth0' }).waitFor({ state: 'attached' });
    await pick.selectOption({ label: 'Auth0' });
    assert.match(await field('Authorization URL').inputValue(), /\{your-auth0-domain\}/);
    await field('Client ID').fill(`cid-${RUN}`);
    await add.getByLabel('Client secret', { exact: true }).fill(secret);
    await button(add, 'Add provider').click();
    // The template's placeholder is refused here, with everything typed kept.
    await add.getByText('Replace the {…} part with your own value.', { exact: true }).first().waitFor();
    assert.equal(await field('Client ID').inputValue(), `cid-${RUN}`);
    await pick.selectOption({ label: 'Google' });
    assert.equal(await field('Authorization URL').inputValue(), 'https://accounts.google.com/o/oauth2/v2/auth');
    await field('Key').fill(key);
    await add.getByText(`/oidc/auth/callback/${key}`, { exact: false }).waitFor();
    await button(add, 'Add provider').click();
    await toast(page, 'The provider Google was added.').waitFor();
    const row = () => card.locator('tbody tr').filter({ hasText: key });
    await row().getByText('On', { exact: true }).waitFor();
    let stored = (await oidc()).find((p) => p.provider_name === key);
    assert.equal(stored.client_id, `${s.tenantId}-${key}-oidc`, 'the Hydra record on the workspace client');
    assert.equal(stored.provider_config.client_secret, secret);
    assert.equal(stored.provider_config.client_id, `cid-${RUN}`);
    assert.ok(stored.callback_url.endsWith(`/oidc/auth/callback/${key}`));
    const values = async () => page.locator('input, textarea').evaluateAll((els) => els.map((e) => e.value));
    assert.ok(!(await page.content()).includes(secret), 'the secret is not in the page');
    assert.ok(!(await values()).includes(secret), 'nor in any field');
    // AuthSec's own sign-in row is not offered for editing or deletion.
    assert.equal(await card.locator('tbody tr').filter({ hasText: 'authsec' }).count(), 0);
    assert.ok((await oidc()).some((p) => p.provider_name === 'authsec'));

    // An edit without a new secret keeps the stored one (AuthSec would store an empty one).
    await button(card, 'Edit Google').click();
    const edit = page.getByRole('dialog', { name: 'Edit Google' });
    assert.equal(await edit.getByLabel('Client secret', { exact: true }).inputValue(), '');
    assert.ok(!(await values()).includes(secret), 'the edit form does not hold the secret');
    assert.equal(await edit.getByRole('textbox', { name: 'Client ID', exact: true }).inputValue(), `cid-${RUN}`);
    await edit.getByRole('textbox', { name: 'Name people see', exact: true }).fill(`Google ${RUN}`);
    await edit.getByRole('checkbox', { name: 'People can sign in through it' }).uncheck();
    await button(edit, 'Save provider').click();
    await toast(page, `The provider Google ${RUN} was saved.`).waitFor();
    await row().getByText('Off', { exact: true }).waitFor();
    stored = (await oidc()).find((p) => p.provider_name === key);
    assert.equal(stored.display_name, `Google ${RUN}`);
    assert.equal(stored.is_active, false);
    assert.equal(stored.provider_config.client_secret, secret, 'the stored secret is kept');
    assert.equal(stored.provider_config.client_id, `cid-${RUN}`, 'the rest as it was');
    assert.equal(stored.provider_config.token_url, 'https://oauth2.googleapis.com/token');
    assert.deepEqual(stored.provider_config.scopes, ['openid', 'profile', 'email']);

    await button(card, `Delete Google ${RUN}`).click();
    const ask = page.getByRole('dialog', { name: 'Delete sign-in provider' });
    await button(ask, 'Delete provider').click();
    await toast(page, `The provider Google ${RUN} was deleted.`).waitFor();
    await row().waitFor({ state: 'detached' });
    assert.equal((await oidc()).find((p) => p.provider_name === key), undefined);

    // SAML from a template and the provider's metadata file.
    const entity = `https://idp.acme.test/${RUN}`;
    await button(card, 'Add SAML provider').click();
    const addSaml = page.getByRole('dialog', { name: 'Add a SAML provider' });
    const samlPick = addSaml.getByRole('combobox', { name: 'Start from', exact: true });
    await samlPick.locator('option', { hasText: 'Okta SAML' }).waitFor({ state: 'attached' });
    await samlPick.selectOption({ label: 'Okta SAML' });
    await addSaml.getByRole('link', { name: "The provider's guide" }).waitFor();
    await addSaml.locator('input[type=file]').setInputFiles({
      name: 'okta-metadata.xml', mimeType: 'application/xml', buffer: Buffer.from(METADATA(entity)),
    });
    await addSaml.getByText('Read from okta-metadata.xml.', { exact: true }).waitFor();
    assert.equal(await addSaml.getByRole('textbox', { name: 'Entity ID (issuer)', exact: true }).inputValue(), entity);
    await addSaml.getByRole('textbox', { name: 'Key', exact: true }).fill(`okta-${RUN}`);
    await button(addSaml, 'Add provider').click();
    await toast(page, 'The provider Okta SAML was added.').waitFor();
    const samlRow = card.locator('tbody tr').filter({ hasText: `okta-${RUN}` });
    await samlRow.getByText('SAML', { exact: true }).waitFor();
    const p = (await saml()).find((x) => x.provider_name === `okta-${RUN}`);
    assert.equal(p.entity_id, entity);
    assert.equal(p.sso_url, 'https://idp.acme.test/sso');
    await button(card, 'Delete Okta SAML').click();
    await button(page.getByRole('dialog', { name: 'Delete sign-in provider' }), 'Delete provider').click();
    await samlRow.waitFor({ state: 'detached' });
    assert.equal((await saml()).find((x) => x.provider_name === `okta-${RUN}`), undefined);
    await assertClean(page);
  });
});

test('on AuthSec itself: a provider key another application shares is edited and deleted with what AuthSec really changed said', FLOW, async (t) => {
  const s = (admin ??= await apiSignIn());
  const listed = async (client) =>
    (await call('POST', '/authsec/oocmgr/oidc/get-config', { client_id: client })).body.data.oidc_providers ?? [];
  const clients = await call('GET', `/authsec/clientms/tenants/${s.tenantId}/clients/getClients?limit=5`);
  const other = clients.body.clients.find((c) => c.id !== s.tenantId).id;
  const key = `shared-${RUN}`;
  const add = async (client, display) => {
    const r = await call('POST', '/authsec/oocmgr/oidc/add-provider', {
      tenant_id: s.tenantId, client_id: client, react_app_url: 'https://app.acme.test', created_by: 'e2e',
      provider: {
        provider_name: key, display_name: display, client_id: `cid-${display}`, client_secret: 'sec',
        auth_url: 'https://idp.acme.test/auth', token_url: 'https://idp.acme.test/token',
        user_info_url: 'https://idp.acme.test/userinfo', scopes: ['openid'], is_active: true, sort_order: 1,
      },
    });
    assert.equal(r.status, 201, r.text);
  };
  // Another application's copy first: AuthSec's table finds it before the workspace's.
  await add(other, 'Theirs');
  await add(s.tenantId, `Ours ${RUN}`);
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/settings');
    const card = page.getByRole('region', { name: 'Sign-in providers' });
    await button(card, `Edit Ours ${RUN}`).click();
    const edit = page.getByRole('dialog', { name: `Edit Ours ${RUN}` });
    const name = edit.getByRole('textbox', { name: 'Name people see', exact: true });
    await name.fill(`Renamed ${RUN}`);
    await button(edit, 'Save provider').click();
    await edit.getByText(`AuthSec saved these settings on another record of this provider (${other}-${key}-oidc), not this one`, { exact: false }).waitFor();
    assert.equal(await name.inputValue(), `Renamed ${RUN}`, 'the input is kept');
    assert.equal((await listed(other)).find((p) => p.provider_name === key).display_name, `Renamed ${RUN}`);
    assert.equal((await listed(s.tenantId)).find((p) => p.provider_name === key).display_name, `Ours ${RUN}`);
    await button(edit, 'Cancel').click();

    await button(card, `Delete Ours ${RUN}`).click();
    const ask = page.getByRole('dialog', { name: 'Delete sign-in provider' });
    await button(ask, 'Delete provider').click();
    await ask.getByText("AuthSec deleted another application's copy of this provider", { exact: false }).waitFor();
    assert.equal((await listed(other)).find((p) => p.provider_name === key), undefined, "the other application's is gone");
    assert.ok((await listed(s.tenantId)).some((p) => p.provider_name === key), 'this one is still there');
    // Deleting again now reaches this one.
    await button(ask, 'Delete provider').click();
    await toast(page, `The provider Ours ${RUN} was deleted.`).waitFor();
    await card.locator('tbody tr').filter({ hasText: key }).waitFor({ state: 'detached' });
    assert.equal((await listed(s.tenantId)).find((p) => p.provider_name === key), undefined);
    await assertClean(page);
  });
});
