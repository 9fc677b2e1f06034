// Sign-in factors on AuthSec's routes, as a fresh end user of this run: the first sign-in
// sets up an authenticator app before the console opens (the QR code decoded back to the
// URI by jsQR, the code computed by oathtool from the key read off the page), keeps the
// backup codes; then sign-in with a TOTP code and with a backup code (single use), new
// backup codes (old ones stop working), add, rename and sign in with a passkey (Chromium's
// virtual authenticator), delete it, and move to another app (the old one stops working).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import {
  api,
  apiCreateEndUser,
  assertClean,
  assertNoTokenLeak,
  eventually,
  goto,
  heading,
  PASSWORD,
  codeNow,
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
  await apiCreateEndUser(EMAIL, { first: 'Mfa', last: 'Tester' });
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

test('a first sign-in sets up the app; each factor signs in; new codes; a passkey added, renamed, used, deleted; the app moved', FLOW, async (t) => {
  await createUser();
  await withConsole(t, async ({ page, state }) => {
    const authenticator = await virtualAuthenticator(page);
    await goto(page, '/login');
    await submitPassword(page, { email: EMAIL });
    await heading(page, 'Set up two-factor sign-in').waitFor();
    assert.equal(state.tokens.length, 0, 'no token before a factor is on');
    await screenshot(page, '01 first sign-in asks for a factor');

    // 1. Set up the authenticator app.
    await button(page, 'Set up an authenticator app').click();
    const qr = page.locator('.qr');
    await qr.waitFor();
    const uri = await page.getByRole('link', { name: 'Open in an authenticator app on this device' }).getAttribute('href');
    assert.match(uri, /^otpauth:\/\/totp\//);
    const grouped = await page.getByLabel('Setup key', { exact: true }).innerText();
    assert.match(grouped, /^([A-Z2-7]{4} )*[A-Z2-7]{1,4}$/, 'the key in groups of four');
    const secret = grouped.replace(/\s+/g, '');
    assert.equal(new URL(uri).searchParams.get('secret'), secret);
    await screenshot(page, '02 scan the QR code');
    // The QR code scans: decoded from the rendered pixels by an independent decoder.
    const png = PNG.sync.read(await qr.screenshot());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    assert.ok(decoded, 'jsQR found a QR code in the rendered SVG');
    assert.equal(decoded.data, uri, 'the QR code carries the otpauth URI');

    await button(page, 'Next').click();
    const codeBox = page.getByLabel('6-digit code from the app', { exact: true });
    await codeBox.waitFor();
    // A wrong code first: said, field cleared, still on the step.
    const wrong = String((Number(codeNow(secret)) + 1) % 1_000_000).padStart(6, '0');
    await codeBox.fill(wrong);
    await page.getByText('That code is not right').waitFor();
    assert.equal(await codeBox.inputValue(), '');
    await screenshot(page, '03 wrong code');
    await codeBox.fill(await totp(secret));
    await page.getByText('Your authenticator app is on.').waitFor();
    // 2. Keep the backup codes (and the .txt has them); then the console opens.
    const codes = await shownCodes(page);
    const dl = page.waitForEvent('download');
    await button(page, 'Download .txt').click();
    const txt = fs.readFileSync(await (await dl).path(), 'utf8');
    for (const c of codes) assert.ok(txt.includes(c), `the file holds ${c}`);
    await screenshot(page, '04 backup codes');
    await acknowledge(page);
    await atSecurity(page);
    await page.getByText('Authenticator app: on').waitFor();
    await page.getByText('Backup codes: on').waitFor();
    await page.getByText('Only one factor is left.').waitFor();
    await screenshot(page, '05 one factor on');

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
    await signOut(page);
    await submitPassword(page, { email: EMAIL });
    await submitBackupCode(page, codes[0]);
    await page.getByText('That backup code is not valid or was already used.').waitFor();
    await screenshot(page, '06 used backup code refused');
    await goto(page, '/login');
    await submitPassword(page, { email: EMAIL });
    await submitTotp(page, await totp(secret));
    await atSecurity(page);

    // 5. New backup codes (extension): the old ones stop working.
    await button(page, 'Make new backup codes').click();
    const confirm = page.getByRole('dialog', { name: 'Make new backup codes' });
    await button(confirm, 'Make new codes').click();
    await page.getByText('Your old backup codes no longer work.').waitFor();
    const fresh = await shownCodes(page);
    assert.equal(fresh.filter((c) => codes.includes(c)).length, 0, 'all codes are new');
    await screenshot(page, '07 new backup codes');
    await acknowledge(page);
    await signOut(page);
    await submitPassword(page, { email: EMAIL });
    await submitBackupCode(page, codes[1]);
    await page.getByText('That backup code is not valid or was already used.').waitFor();
    await goto(page, '/login');
    await submitPassword(page, { email: EMAIL });
    await submitBackupCode(page, fresh[0]);
    await atSecurity(page);

    // 6. Add a passkey (the end-user realm), rename it, sign in with it.
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
    await screenshot(page, '08 passkey renamed');
    const before = await authenticator.credentials();
    await signOut(page);
    await submitPassword(page, { email: EMAIL });
    await button(page, 'Use your passkey').click();
    await atSecurity(page);
    const after = await authenticator.credentials();
    assert.ok(after[0].signCount > before[0].signCount, 'the passkey signed in');

    // 7. Delete the passkey (the app stays, so no last-factor warning).
    await button(passkeys, 'Delete Work laptop').click();
    const dlg = page.getByRole('dialog', { name: 'Delete factor' });
    assert.equal(await dlg.getByText('This is your last two-factor method').count(), 0);
    await button(dlg, 'Delete').click();
    await toast(page, 'The passkey Work laptop was deleted.').waitFor();
    await page.getByText('Passkeys: 0').waitFor();

    // 8. Move to another app: the new key works, the old one no longer does.
    await button(page, 'Move to another app').click();
    await page.getByText('The new app replaces the one you use now').waitFor();
    await page.locator('.qr').waitFor();
    const moved = (await page.getByLabel('Setup key', { exact: true }).innerText()).replace(/\s+/g, '');
    assert.notEqual(moved, secret);
    await button(page, 'Next').click();
    await page.getByLabel('6-digit code from the app', { exact: true }).fill(await totp(moved));
    await shownCodes(page);
    await acknowledge(page);
    await screenshot(page, '09 moved to another app');
    await signOut(page);
    await submitPassword(page, { email: EMAIL });
    await submitTotp(page, codeNow(secret));
    await page.getByText('That code is not right').waitFor();
    await submitTotp(page, await totp(moved));
    await atSecurity(page);

    for (const token of state.tokens) await assertNoTokenLeak(page, token);
    await assertClean(page);
  });
});
