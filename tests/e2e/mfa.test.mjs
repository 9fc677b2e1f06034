// MFA self-service on /account/security, as a fresh end user of this run:
// enrol an authenticator app (the QR code decoded back to the URI by jsQR,
// the code computed by oathtool from the key read off the page), keep the
// backup codes, sign in with a TOTP code and with a backup code (single use),
// regenerate the codes (old ones stop working), add, rename and sign in with a
// passkey (Chromium's virtual authenticator), then delete the factors, the
// last one behind its warning.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import {
  api,
  apiSignIn,
  assertClean,
  assertNoTokenLeak,
  eventually,
  goto,
  heading,
  PASSWORD,
  screenshot,
  signOut,
  submitBackupCode,
  submitPassword,
  submitTotp,
  totp,
  virtualAuthenticator,
  withConsole,
} from './helpers.mjs';

const FLOW = { timeout: 300_000 };
const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const EMAIL = `e2e-${RUN}-mfa@e2e.acme.test`;

const button = (scope, name) => scope.getByRole('button', { name, exact: true });
const toast = (page, text) => page.getByRole('status').filter({ hasText: text });
const atSecurity = (page) => page.waitForURL((u) => u.pathname === '/account/security', { timeout: 20_000 });

async function createUser() {
  const admin = await apiSignIn();
  const r = await api(admin.token, 'POST', '/authsec/uflow/user/clients/register', {
    tenant_id: admin.tenantId, email: EMAIL, password: PASSWORD, first_name: 'Mfa', last_name: 'Tester', provider: 'password',
  });
  assert.equal(r.status, 201, r.text);
}

/** The backup codes shown on the page. */
async function shownCodes(page) {
  const codes = await page.getByRole('list', { name: 'Backup codes' }).getByRole('listitem').allTextContents();
  assert.equal(codes.length, 10, 'ten backup codes');
  for (const c of codes) assert.match(c.trim(), /^[a-z0-9]{4}-[a-z0-9]{4}$/i);
  return codes.map((c) => c.trim());
}

/** "I have saved these codes", then Done. */
async function acknowledge(page) {
  const done = button(page, 'Done');
  assert.equal(await done.isDisabled(), true, 'Done waits for the acknowledgement');
  await page.getByRole('checkbox', { name: 'I have saved these codes' }).check();
  await done.click();
}

test('enrol TOTP, sign in with each factor, regenerate codes, add and rename a passkey, delete the last factor behind its warning', FLOW, async (t) => {
  await createUser();
  await withConsole(t, async ({ page, state }) => {
    const authenticator = await virtualAuthenticator(page);
    await goto(page, '/login');
    await submitPassword(page, { email: EMAIL });
    await atSecurity(page);
    await heading(page, 'Security').waitFor();
    await page.getByText('Two-factor sign-in is off').waitFor();
    await screenshot(page, '01 overview with no factor');

    // 1. Enrol an authenticator app.
    await button(page, 'Add an authenticator app').click();
    await page.getByLabel('Device name', { exact: true }).fill('Test phone');
    await screenshot(page, '02 name the device');
    await button(page, 'Continue').click();
    const qr = page.locator('.qr');
    await qr.waitFor();
    const uri = await page.getByRole('link', { name: 'Open in an authenticator app on this device' }).getAttribute('href');
    assert.match(uri, /^otpauth:\/\/totp\//);
    const grouped = await page.getByLabel('Setup key', { exact: true }).innerText();
    assert.match(grouped, /^([A-Z2-7]{4} )*[A-Z2-7]{1,4}$/, 'the key in groups of four');
    const secret = grouped.replace(/\s+/g, '');
    assert.equal(new URL(uri).searchParams.get('secret'), secret);
    await screenshot(page, '03 scan the QR code');
    // The QR code scans: decoded from the rendered pixels by an independent decoder.
    const png = PNG.sync.read(await qr.screenshot());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    assert.ok(decoded, 'jsQR found a QR code in the rendered SVG');
    assert.equal(decoded.data, uri, 'the QR code carries the otpauth URI');

    await button(page, 'Next').click();
    const codeBox = page.getByLabel('6-digit code from the app', { exact: true });
    await codeBox.waitFor();
    // A wrong code first: said, field cleared, still on the step.
    const wrong = String((Number(await totp(secret)) + 1) % 1_000_000).padStart(6, '0');
    await codeBox.fill(wrong);
    await page.getByText('That code is not right').waitFor();
    assert.equal(await codeBox.inputValue(), '');
    await screenshot(page, '04 wrong code');
    await codeBox.fill(await totp(secret));
    await page.getByText('Your authenticator app is on.').waitFor();
    // 2. Keep the backup codes (and the .txt has them).
    const codes = await shownCodes(page);
    const dl = page.waitForEvent('download');
    await button(page, 'Download .txt').click();
    const txt = fs.readFileSync(await (await dl).path(), 'utf8');
    for (const c of codes) assert.ok(txt.includes(c), `the file holds ${c}`);
    await screenshot(page, '05 backup codes');
    await acknowledge(page);
    await page.getByText('Authenticator app: on').waitFor();
    // AuthSec reports no count of unused backup codes: the page says they are on.
    await page.getByText('Backup codes: on').waitFor();
    await page.getByText('Only one factor is left.').waitFor();
    await screenshot(page, '06 one factor on');

    // 3. Sign in with a TOTP code.
    await signOut(page);
    await submitPassword(page, { email: EMAIL });
    await submitTotp(page, await totp(secret));
    await atSecurity(page);

    // 4. Sign in with a backup code; it is then used up.
    await signOut(page);
    await submitPassword(page, { email: EMAIL });
    await submitBackupCode(page, codes[0]);
    await atSecurity(page);
    await page.getByText('Backup codes: on').waitFor();
    await signOut(page);
    await submitPassword(page, { email: EMAIL });
    await submitBackupCode(page, codes[0]);
    await page.getByText('That backup code is not valid or was already used.').waitFor();
    await screenshot(page, '07 used backup code refused');
    await goto(page, '/login');
    await submitPassword(page, { email: EMAIL });
    await submitTotp(page, await totp(secret));
    await atSecurity(page);

    // 5. New backup codes: the old ones stop working.
    await button(page, 'Make new backup codes').click();
    const confirm = page.getByRole('dialog', { name: 'Make new backup codes' });
    await button(confirm, 'Make new codes').click();
    await page.getByText('Your old backup codes no longer work.').waitFor();
    const fresh = await shownCodes(page);
    assert.equal(fresh.filter((c) => codes.includes(c)).length, 0, 'all codes are new');
    await screenshot(page, '08 new backup codes');
    await acknowledge(page);
    await signOut(page);
    await submitPassword(page, { email: EMAIL });
    await submitBackupCode(page, codes[1]);
    await page.getByText('That backup code is not valid or was already used.').waitFor();
    await goto(page, '/login');
    await submitPassword(page, { email: EMAIL });
    await submitBackupCode(page, fresh[0]);
    await atSecurity(page);

    // 6. Add a passkey, rename it, sign in with it.
    await button(page, 'Add a passkey').click();
    await button(page, 'Create passkey').click();
    await toast(page, 'Passkey added').waitFor();
    const passkeys = page.getByRole('list', { name: 'Passkeys' });
    await passkeys.getByRole('listitem').first().waitFor();
    const defaultName = (await passkeys.locator('strong').first().innerText()).trim();
    await button(passkeys, `Rename ${defaultName}`).click();
    await passkeys.getByLabel('New name').fill('Work laptop');
    await button(passkeys, 'Save').click();
    await toast(page, 'The passkey was renamed.').waitFor();
    await passkeys.getByText('Work laptop', { exact: true }).waitFor();
    await passkeys.getByText('This device', { exact: true }).waitFor();
    await screenshot(page, '09 passkey renamed');
    const before = await authenticator.credentials();
    await signOut(page);
    await submitPassword(page, { email: EMAIL });
    await button(page, 'Use your passkey').click();
    await atSecurity(page);
    const after = await authenticator.credentials();
    assert.ok(after[0].signCount > before[0].signCount, 'the passkey signed in');

    // 7. Delete the passkey (not the last factor), then the app (the last one).
    await button(passkeys, 'Delete Work laptop').click();
    let dlg = page.getByRole('dialog', { name: 'Delete factor' });
    assert.equal(await dlg.getByText('This is your last two-factor method').count(), 0);
    await button(dlg, 'Delete').click();
    await toast(page, 'The passkey Work laptop was deleted.').waitFor();
    await button(page, 'Delete Test phone').click();
    dlg = page.getByRole('dialog', { name: 'Delete factor' });
    await dlg.getByText('This is your last two-factor method').waitFor();
    assert.equal(await button(dlg, 'Delete').isDisabled(), true, 'the warning must be ticked');
    await screenshot(page, '10 last factor warning');
    await dlg.getByRole('checkbox', { name: 'I understand; delete my last factor' }).check();
    await button(dlg, 'Delete').click();
    await toast(page, 'Test phone was deleted.').waitFor();
    await page.getByText('Two-factor sign-in is off').waitFor();
    await screenshot(page, '11 no factor left');

    // The server agrees: a password alone signs in now, with no device left.
    const s = await apiSignIn(EMAIL);
    const d = await api(s.token, 'GET', '/authsec/uflow/auth/tenant/totp/devices');
    assert.deepEqual(d.body.devices, []);
    await eventually(async () => {
      const p = await api(s.token, 'GET', '/authsec/webauthn/credentials');
      assert.deepEqual(p.body.passkeys, []);
    });
    for (const token of state.tokens) await assertNoTokenLeak(page, token);
    await assertClean(page);
  });
});
