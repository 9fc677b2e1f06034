// Hostile input, the forms' side (issue 8): every form refuses invalid input with a
// message at the field (bad emails, non-https URLs, out-of-range numbers, over-long
// values), sends nothing, and keeps what was typed.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SANDBOX_URL, assertClean, eventually, follow, screenshot, signInPlain, withConsole } from './helpers.mjs';

const FLOW = { timeout: 180_000 };
const LONG = 'x'.repeat(300);
const button = (scope, name) => scope.getByRole('button', { name, exact: true });


/** Writes (POST/PUT/PATCH/DELETE) sent to the API from now on, sign-in aside. */
function writes(page) {
  const seen = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(SANDBOX_URL()) || ['GET', 'OPTIONS', 'HEAD'].includes(r.method())) return;
    if (/\/login|\/webauthn-callback|\/getClients|\/list|\/search|\/policy\/check/.test(r.url())) return; // reads sent as POST
    seen.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  return seen;
}

/**
 * The control labelled `label` is marked invalid and its field shows `message`
 * (the message is in the control's own field, and named by aria-describedby).
 */
async function expectFieldError(scope, label, message) {
  const input = typeof label === 'string' ? scope.getByLabel(label, { exact: true }) : label;
  await eventually(async () => assert.equal(await input.getAttribute('aria-invalid'), 'true', `${label}: aria-invalid`));
  const described = await input.evaluate((el) =>
    (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.innerText || '').join(' '),
  );
  assert.ok(described.includes(message), `${label}: "${message}" is not its described message (got "${described}")`);
}

test('the client form: bad email and over-long name; nothing sent, nothing lost', FLOW, async (t) => {
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/clients');
    const sent = writes(page);
    await follow(page, '/clients/new');
    await page.getByLabel('Name', { exact: true }).fill(LONG);
    await page.getByLabel('Email', { exact: true }).fill('not-an-email');
    await button(page, 'Create client').click();
    await expectFieldError(page, 'Name', 'Use at most 256 characters.');
    await expectFieldError(page, 'Email', 'Enter an email address like name@example.com.');
    assert.equal(await page.getByLabel('Email', { exact: true }).inputValue(), 'not-an-email', 'typing kept');
    await screenshot(page, 'client form errors');
    assert.deepEqual(sent, [], 'an invalid form sends nothing');
    // Leave without saving (the unsaved-changes question is answered OK).
    page.once('dialog', (d) => d.accept());
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/users');
    await assertClean(page);
  });
});

test('user forms: new user, invite admin and profile refuse bad emails, over-long names and bad usernames', FLOW, async (t) => {
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/users');
    const sent = writes(page);

    await follow(page, '/users/new');
    await page.getByLabel('Email', { exact: true }).fill('someone@');
    await page.getByLabel('First name', { exact: true }).fill(LONG);
    assert.equal(await page.getByLabel('Password', { exact: true }).count(), 0, 'AuthSec e-mails the password');
    await button(page, 'Create user').click();
    await expectFieldError(page, 'Email', 'Enter an email address like name@example.com.');
    await expectFieldError(page, 'First name', 'Use at most 256 characters.');
    await screenshot(page, 'new user errors');

    page.once('dialog', (d) => d.accept()); // leaving the filled form asks first
    await follow(page, '/users?tab=admins');
    await button(page, 'Invite admin').click();
    const dialog = page.getByRole('dialog', { name: 'Invite an admin' });
    await dialog.getByLabel('Email', { exact: true }).fill('admin at example.com');
    await dialog.getByLabel('Username', { exact: true }).fill('a');
    await button(dialog, 'Send invitation').click();
    await expectFieldError(dialog, 'Email', 'Enter an email address like name@example.com.');
    await expectFieldError(dialog, 'Username', 'Use 3 to 64 letters, digits, dots, dashes or underscores.');
    await screenshot(page, 'invite errors');
    await button(dialog, 'Cancel').click();

    await follow(page, '/users');
    const href = await page.locator('main tbody a[href^="/users/"]').first().getAttribute('href');
    await follow(page, href);
    const profile = page.getByRole('form', { name: 'Profile' });
    await profile.getByLabel('Name', { exact: true }).fill(LONG);
    await profile.getByLabel('Email', { exact: true }).fill('two@@example.com');
    await button(profile, 'Save profile').click();
    await expectFieldError(profile, 'Name', 'Use at most 256 characters.');
    await expectFieldError(profile, 'Email', 'Enter an email address like name@example.com.');
    await screenshot(page, 'profile errors');

    assert.deepEqual(sent, [], 'invalid forms send nothing');
    await assertClean(page);
  });
});

test('application wizard and API keys: non-https URL, out-of-range number, over-long and missing values', FLOW, async (t) => {
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/apps');
    const sent = writes(page);

    await follow(page, '/apps/new');
    await page.getByLabel('Name', { exact: true }).fill(LONG);
    await page.getByLabel('Logo URL', { exact: true }).fill('javascript:alert(1)');
    await button(page, 'Next').click();
    await expectFieldError(page, 'Name', 'Use at most 256 characters.');
    await expectFieldError(page, 'Logo URL', 'Use an https:// address.');
    await page.getByLabel('Name', { exact: true }).fill('Valid name');
    await page.getByLabel('Logo URL', { exact: true }).fill('');
    await button(page, 'Next').click();
    await page.getByRole('heading', { name: 'Step 2 of 5: First client' }).waitFor();
    await button(page, 'Next').click();
    await page.getByRole('heading', { name: 'Step 3 of 5: Login preferences' }).waitFor();
    await page.getByLabel(/^Period \(seconds\)/).fill('100000');
    await button(page, 'Next').click();
    await expectFieldError(page, page.getByLabel(/^Period \(seconds\)/), 'Enter a whole number from 15 to 120.');
    await screenshot(page, 'wizard errors');

    page.once('dialog', (d) => d.accept());
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/api-keys');
    await button(page, 'New API key').click();
    const dialog = page.getByRole('dialog', { name: 'New API key' });
    await dialog.getByLabel('Name', { exact: true }).fill('k'.repeat(101));
    await button(dialog, 'Create key').click();
    await expectFieldError(dialog, 'Name', 'Use at most 100 characters.');
    await dialog.getByText('Pick at least one scope.').waitFor();
    await screenshot(page, 'api key errors');

    assert.deepEqual(sent, [], 'invalid forms send nothing');
    await assertClean(page);
  });
});
