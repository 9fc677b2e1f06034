// Issue 19: every list fits the window. At 1280 px the default columns need no sideways
// scroll (neither the page nor a table); at 390 px the page is no wider than the window
// and a table's rows stack, each cell on its own line under its column's name.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { follow, signInPlain, withConsole } from './helpers.mjs';

const FLOW = { timeout: 240_000 };
// Each list and what shows once it has loaded (a table by its name, or a card's figure).
const LISTS = [
  ['/', 'main .stat'],
  ['/clients', 'table[aria-label="Clients"]'],
  ['/users', 'table[aria-label="End users"]'],
  ['/users?tab=admins', 'table[aria-label="Admins"]'],
  ['/groups', 'table[aria-label="Groups"]'],
  ['/access/roles', 'table[aria-label="Roles"]'],
  ['/access/permissions', 'table[aria-label="Permissions"]'],
  ['/access/scopes', 'table[aria-label="API scopes"]'],
  ['/apps', 'table[aria-label="Applications"]'],
  ['/api-keys', 'main h1:text-is("API keys")'],
  ['/sessions', 'table[aria-label="Workspace sessions"]'],
  ['/settings', 'table[aria-label="Domains"]'],
];

/** How far the page and each table stick out of the window (0 = fits), and how the
 *  first row of each table lays out its visible cells. */
async function measure(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const tables = [...document.querySelectorAll('main .table-wrap')].map((w) => {
      const cells = [...(w.querySelector('tbody tr')?.children ?? [])]
        .filter((td) => !td.classList.contains('table__check') && td.getClientRects().length)
        .map((td) => ({ label: td.dataset.label ?? null, actions: td.classList.contains('table__actions'), box: td.getBoundingClientRect().toJSON() }));
      const heads = [...w.querySelectorAll('thead th')].map((th) => `${th.textContent.trim()}:${Math.round(th.getBoundingClientRect().width)}`).join(' ');
      return { label: w.querySelector('table')?.getAttribute('aria-label') ?? '?', over: w.scrollWidth - w.clientWidth, cells, heads };
    });
    return { page: doc.scrollWidth - window.innerWidth, tables };
  });
}

for (const width of [1280, 390]) {
  test(`every list fits a ${width}-px window`, FLOW, async (t) => {
    await withConsole(
      t,
      async ({ page }) => {
        await signInPlain(page, '/clients');
        const wide = [];
        const unstacked = [];
        let stackedTables = 0;
        let measured = 0;
        for (const [path, loaded] of LISTS) {
          await follow(page, path);
          // Loaded: what the list shows is there and no skeleton is left.
          await page.locator(loaded).first().waitFor();
          await page.locator('main .skeleton-table').first().waitFor({ state: 'detached' });
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          const m = await measure(page);
          const over = m.tables.filter((x) => x.over > 1).map((x) => `${x.label} +${x.over}px ${x.heads}`);
          if (m.page > 1 || over.length) wide.push(`${path}: page +${m.page}px ${over.join(', ')}`);
          measured += m.tables.length;
          if (width > 720) continue;
          for (const table of m.tables.filter((x) => x.cells.length > 1)) {
            stackedTables += 1;
            // Stacked: each cell starts below the one before it, and names its column.
            const cells = table.cells;
            const flat = cells.slice(1).some((c, i) => c.box.top < cells[i].box.bottom - 1);
            const nameless = cells.filter((c) => !c.actions && !c.label).length;
            if (flat || nameless) unstacked.push(`${path} ${table.label}: ${flat ? 'cells side by side' : ''} ${nameless} cells without a column name`);
          }
        }
        assert.ok(measured >= 11, `the lists' tables were measured (${measured})`);
        assert.deepEqual(wide, [], 'no list is wider than the window');
        if (width <= 720) {
          assert.ok(stackedTables >= 10, `rows of every list were measured (${stackedTables} tables)`);
          assert.deepEqual(unstacked, [], 'rows stack, each cell under its column name');
        }
      },
      { viewport: { width, height: 900 } },
    );
  });
}
