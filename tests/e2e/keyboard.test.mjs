// Issue 19: the command palette and the keyboard shortcuts, driven by the keyboard
// alone. A user created through the API is reached from another page by Ctrl-K, the
// typing and Enter; every shortcut the help dialog lists is pressed and does what it
// says; axe on the open palette and the help dialog in both themes.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiCreateEndUser, assertClean, axe, heading, signInPlain, waitForPath, withConsole } from './helpers.mjs';

const FLOW = { timeout: 180_000 };
const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const palette = (page) => page.getByRole('combobox', { name: 'Search areas, actions, clients and users' });
const dialog = (page, name) => page.getByRole('dialog', { name });

test('Ctrl-K, the email, Enter: a user is reached from any page without the mouse', FLOW, async (t) => {
  const email = `e2e-${RUN}-palette@e2e.acme.test`;
  const user = await apiCreateEndUser(email, { first: 'Pal', last: 'Ette' });
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/access/roles');
    await heading(page, 'Roles').waitFor();
    await page.keyboard.press('Control+k');
    await palette(page).waitFor();
    assert.ok(await palette(page).evaluate((el) => el === document.activeElement), 'the palette has the focus');
    await page.keyboard.type(email);
    await page.getByRole('option', { name: new RegExp(email.replace(/[.+]/g, '\\$&')) }).waitFor();
    // The user is the only match: the first row once the areas drop out.
    await page.keyboard.press('Enter');
    await waitForPath(page, new RegExp(`^/users/${user.id}$`));
    await page.getByText(email).first().waitFor();
    assert.equal(await dialog(page, 'Go to or do').isVisible(), false, 'the palette closed');

    // Areas and actions too, with the arrow keys; the last pick comes first next time.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('groups');
    await page.getByRole('option', { name: /Go to\s*Groups/ }).waitFor();
    await page.keyboard.press('Enter');
    await waitForPath(page, /^\/groups$/);
    await page.keyboard.press('Meta+k');
    const first = page.getByRole('option').first();
    await first.waitFor();
    assert.match(await first.innerText(), /Groups/, 'the last pick leads');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const chosen = page.locator('[role=option][aria-selected=true]');
    assert.equal(await chosen.count(), 1);
    assert.equal(
      await palette(page).getAttribute('aria-activedescendant'),
      await chosen.getAttribute('id'),
      'the highlighted row is announced',
    );
    await page.keyboard.press('Escape');
    assert.equal(await dialog(page, 'Go to or do').isVisible(), false);
    await assertClean(page);
  });
});

test('every shortcut in the help dialog works, none while typing; axe on the palette and the help', FLOW, async (t) => {
  await withConsole(t, async ({ page }) => {
    await signInPlain(page, '/clients');
    await heading(page, 'Clients').waitFor();
    // Typing in a field: no shortcut fires.
    await page.getByRole('searchbox', { name: 'Name' }).focus();
    await page.keyboard.type('g u?');
    assert.equal(await dialog(page, 'Keyboard shortcuts').isVisible(), false);
    assert.equal(new URL(page.url()).pathname, '/clients');
    await page.getByRole('searchbox', { name: 'Name' }).fill('');
    await page.locator('h1').click();

    await page.keyboard.press('?');
    const help = dialog(page, 'Keyboard shortcuts');
    await help.waitFor();
    const rows = await help.locator('tr[data-keys]').evaluateAll((trs) =>
      trs.map((tr) => ({ keys: tr.dataset.keys, does: tr.cells[1].innerText })),
    );
    assert.ok(rows.length >= 14, `rows: ${JSON.stringify(rows)}`);
    const results = [];
    for (const theme of ['light', 'dark']) {
      await page.evaluate((v) => document.documentElement.setAttribute('data-theme', v), theme);
      results.push(...(await axe(page)).bad.map((b) => `help ${theme}: ${b}`));
    }
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    for (const { keys, does } of rows) {
      if (keys === 'Control+k') {
        await page.keyboard.press('Control+k');
        await palette(page).waitFor();
        for (const theme of ['light', 'dark']) {
          await page.evaluate((v) => document.documentElement.setAttribute('data-theme', v), theme);
          results.push(...(await axe(page)).bad.map((b) => `palette ${theme}: ${b}`));
        }
        await page.keyboard.press('Escape');
      } else if (keys.startsWith('g ')) {
        await page.keyboard.press('g');
        await page.keyboard.press(keys.slice(2));
        const area = does.replace('Go to ', '');
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: area, exact: true })
          .and(page.locator('[aria-current=page]')).waitFor();
      } else if (keys === 'n') {
        await page.keyboard.press('g');
        await page.keyboard.press('c');
        await heading(page, 'Clients').waitFor();
        await page.keyboard.press('n');
        await waitForPath(page, /^\/clients\/new$/);
        await heading(page, 'New client').waitFor();
        // The form puts the focus in its first field: keys would type there.
        await page.locator('h1').click();
      } else if (keys === '/') {
        await page.keyboard.press('g');
        await page.keyboard.press('u');
        await heading(page, 'Users').waitFor();
        await page.keyboard.press('/');
        const focused = await page.evaluate(() => document.activeElement?.getAttribute('type'));
        assert.equal(focused, 'search', 'the list filter has the focus');
        await page.keyboard.type('nobody-by-this-name');
        await page.locator('h1').click();
      } else if (keys === '?') {
        await page.keyboard.press('?');
        await help.waitFor();
        await page.keyboard.press('Escape');
      } else {
        assert.fail(`a shortcut the test does not know: ${keys}`);
      }
    }
    assert.deepEqual(results, []);
    await assertClean(page);
  });
});
