// Boot area: the release build starts under the strict CSP (no blank page), and the
// router's fallback page works for unknown paths served by nginx's SPA fallback.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClean, assertNoTokenLeak, goto, heading, screenshot, withConsole, signInForm } from './helpers.mjs';

test('the app boots under the production CSP and shows the sign-in page', { timeout: 60_000 }, async (t) => {
  await withConsole(t, async ({ page }) => {
    await goto(page, '/');
    await signInForm(page);
    await screenshot(page, 'boot');
    assert.match(new URL(page.url()).pathname, /^\/login/);
    await assertNoTokenLeak(page, null);
    await assertClean(page);
  });
});

test('an unknown path shows "Page not found"', { timeout: 60_000 }, async (t) => {
  await withConsole(t, async ({ page }) => {
    await goto(page, '/no/such/page-here');
    await heading(page, 'Page not found').waitFor();
    await screenshot(page, 'not found');
    await assertClean(page);
  });
});

test('without its configuration the console says it cannot start, and why; Reload tries again', { timeout: 60_000 }, async (t) => {
  await withConsole(t, async ({ page }) => {
    await page.route('**/config.json', (route) => route.fulfill({ status: 500, body: 'down' }), { times: 1 });
    await goto(page, '/login');
    await heading(page, 'The console cannot start').waitFor();
    const alert = page.getByRole('alert');
    assert.match(await alert.innerText(), /configuration \(config\.json answered 500\)/);
    assert.equal(await page.locator('#boot').count(), 0, 'the waiting form is gone');
    await screenshot(page, 'cannot start');
    await page.getByRole('button', { name: 'Reload', exact: true }).click();
    await signInForm(page);
    await assertClean(page);
  });
});
