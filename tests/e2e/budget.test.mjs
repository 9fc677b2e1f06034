// Size budget of the first load: everything the browser fetches before the sign-in
// form is usable must stay within 130,000 bytes of brotli (23 % of AuthSec's own
// UI, whose first page is 577,550 bytes brotli). A byte count, not a timing: stable.
//
// Two views of the same load, both checked against the budget:
//   files  dist/index.html (with the sign-in's stylesheet inline) and, transitively, what
//          it links or its inline loader asks for (preloads, the loader module and its
//          static imports, the wasm), counted as their .br files
//          (config.json as it is: it is never precompressed);
//   wire   the same page opened in Chromium over nginx: the body bytes of every
//          response (Resource Timing `encodedBodySize`) until the form is there.
// The password step's code (pack_signin_send.wasm, fetched by the wasm once the form works,
// while the user types) is in it; the areas' code (the other pack_*.wasm, one file per area)
// is not: the wire test also checks that none was fetched for the sign-in page.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ADMIN_HOME, ACCOUNTS, assertClean, axe, CONSOLE_URL, expectShell, goto, heading, holdBack, submitCode, submitPassword, waitForPath, withConsole } from './helpers.mjs';

export const BUDGET = 130_000;
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = path.resolve(process.env.DIST_DIR || path.join(REPO, 'dist'));

const brSize = (rel) => {
  const f = path.join(DIST, rel);
  if (rel === 'config.json') return fs.statSync(f).size;
  assert.ok(fs.existsSync(`${f}.br`), `${rel}.br exists (precompressed)`);
  return fs.statSync(`${f}.br`).size;
};

/** The first-load files named by index.html, plus the static imports of its JS. */
export function firstLoadFiles() {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const files = new Set(['index.html']);
  for (const m of html.matchAll(/<link\b[^>]*\brel="(?:stylesheet|modulepreload|preload|icon)"[^>]*>/g)) {
    const href = m[0].match(/\bhref="([^"]+)"/);
    if (href) files.add(href[1].replace(/^\//, ''));
  }
  // What the inline loader asks for once the frame is painted: every absolute path it
  // names (the preloads, the module it imports, the wasm it starts).
  for (const script of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script\s*>/g)) {
    for (const m of script[1].matchAll(/["'](\/[^"']+\.(?:js|wasm|json|css))["']/g)) files.add(m[1].replace(/^\//, ''));
  }
  // Static imports of the JS modules, transitively (relative specifiers only).
  const queue = [...files].filter((f) => f.endsWith('.js'));
  while (queue.length) {
    const js = queue.pop();
    const text = fs.readFileSync(path.join(DIST, js), 'utf8');
    for (const m of text.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
      const dep = path.posix.normalize(path.posix.join(path.posix.dirname(js), m[1]));
      if (!files.has(dep)) {
        files.add(dep);
        if (dep.endsWith('.js')) queue.push(dep);
      }
    }
  }
  // The password step, which the first load's wasm asks for once the form works.
  const wasm = [...files].find((f) => f.endsWith('/main_bg.wasm'));
  if (wasm) files.add(wasm.replace(/main_bg\.wasm$/, 'pack_signin_send.wasm'));
  return [...files].sort();
}

test('first load: the files index.html pulls in fit the 130,000-byte brotli budget', () => {
  const files = firstLoadFiles();
  assert.ok(files.some((f) => f.endsWith('.wasm')), `a wasm module is in the first load: ${files}`);
  const areaCode = files.filter((f) => /\/(pack_|split_|chunk_)[^/]*\.wasm$/.test(f) && !f.endsWith('/pack_signin_send.wasm'));
  assert.deepEqual(areaCode, [], `no area chunk in the first load: ${files}`);
  const rows = files.map((f) => [f, brSize(f)]);
  const total = rows.reduce((s, [, n]) => s + n, 0);
  console.log(rows.map(([f, n]) => `${String(n).padStart(8)}  ${f}`).join('\n') + `\n${String(total).padStart(8)}  total (budget ${BUDGET})`);
  assert.ok(total <= BUDGET, `first load is ${total} bytes brotli, over the ${BUDGET}-byte budget`);
});

test('first load over the wire: brotli bodies within the budget, no area chunk fetched', { timeout: 60_000 }, async (t) => {
  await withConsole(t, async ({ page }) => {
    await goto(page, '/login');
    // The frame's field is there before any code; usable once the code has run.
    await page.locator('input[autocomplete=username]:enabled').waitFor();
    // …and the password step's code, which it asks for then.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/pack_signin_send.wasm') && e.responseEnd > 0));
    const entries = await page.evaluate(() =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => ({
        name: e.name,
        body: e.encodedBodySize,
        decoded: e.decodedBodySize,
      })),
    );
    const wasm = entries.filter((e) => e.name.endsWith('.wasm'));
    assert.ok(!entries.some((e) => e.name.endsWith('/areas.css')), 'the stylesheet past the sign-in is not fetched');
    assert.deepEqual(
      wasm.map((e) => e.name.split('/').pop()).sort(),
      ['main_bg.wasm', 'pack_signin_send.wasm'],
      'the sign-in page fetches its module and the password step, no area',
    );
    for (const e of entries.filter((x) => /\.(wasm|js|css)$/.test(x.name))) {
      assert.ok(e.body < e.decoded, `${e.name} arrived compressed (${e.body} of ${e.decoded} bytes)`);
    }
    const total = entries.reduce((s, e) => s + e.body, 0);
    console.log(`wire: ${entries.length} responses, ${total} body bytes (budget ${BUDGET})`);
    assert.ok(total <= BUDGET, `the sign-in page took ${total} body bytes, over the ${BUDGET}-byte budget`);
  });
});

test('the stylesheet past the sign-in comes with the first chunk; a failed one is asked for again', { timeout: 90_000 }, async (t) => {
  await withConsole(t, async ({ page }) => {
    const asked = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/areas.css')) asked.push(r.url());
    });
    await page.route('**/areas.css', (route) => route.abort(), { times: 1 });
    await goto(page, '/login');
    await submitPassword(page, { email: ACCOUNTS.plain });
    // The second factor's step is the first chunk: without its stylesheet it does not
    // show half-styled; it says so and offers to try again.
    await heading(page, 'This page could not be loaded').waitFor();
    assert.equal(asked.length, 1, 'asked for with the first chunk');
    await page.getByRole('button', { name: 'Try again', exact: true }).click();
    await submitCode(page, ACCOUNTS.plain);
    await waitForPath(page, ADMIN_HOME);
    await expectShell(page, ACCOUNTS.plain);
    const layout = await page.locator('.shell').evaluate((e) => getComputedStyle(e).display);
    assert.equal(layout, 'grid', 'the shell is laid out by areas.css');
    assert.equal(asked.length, 2, 'asked again once, and not again for the signed-in chunk');
    await assertClean(page);
  });
});

test('the sign-in form paints before any code runs, disabled; the code makes it work where it is', { timeout: 60_000 }, async (t) => {
  await withConsole(t, async ({ page }) => {
    const release = await holdBack(page, '**/main_bg.wasm');
    await page.goto(`${CONSOLE_URL()}/login`, { waitUntil: 'domcontentloaded' });
    // Before the wasm: the form, labelled, with nothing to type into yet.
    await heading(page, 'Sign in').waitFor();
    const places = () =>
      page.evaluate(() =>
        ['Workspace', 'Email', 'Password'].map((name) => {
          const label = [...document.querySelectorAll('label')].find((l) => l.textContent === name);
          const r = document.getElementById(label.htmlFor).getBoundingClientRect();
          return [name, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
        }),
      );
    const before = await places();
    for (const name of ['Workspace', 'Email', 'Password']) {
      assert.ok(await page.getByLabel(name, { exact: true }).isDisabled(), `${name} waits for the console`);
    }
    const { bad } = await axe(page);
    assert.deepEqual(bad, [], 'axe: the waiting form has no serious or critical violation');
    release();
    await page.locator('input[autocomplete=username]:enabled').waitFor();
    assert.deepEqual(await places(), before, 'the fields have not moved');
    await assertClean(page);
  });
});

test('the first visit of each area costs at most 20 requests (its code arrives as one pack)', { timeout: 120_000 }, async (t) => {
  const { follow, signInPlain, watchRequests } = await import('./helpers.mjs');
  await withConsole(t, async ({ page }) => {
    const { asked, quiet } = watchRequests(page);
    await signInPlain(page, '/');
    await quiet();
    const areas = ['/clients', '/users', '/apps', '/sessions', '/api-keys', '/account/security', '/access/roles', '/groups', '/settings'];
    const counts = [];
    for (const area of areas) {
      asked.length = 0;
      await follow(page, area, { settle: false });
      await page.locator('main h1').first().waitFor();
      await quiet();
      const code = asked.filter((u) => /\.(wasm|js|css)$/.test(new URL(u).pathname)).length;
      counts.push({ area, requests: asked.length, code });
    }
    t.diagnostic(`first visit, requests (of which code): ${counts.map((c) => `${c.area} ${c.requests} (${c.code})`).join(', ')}`);
    const over = counts.filter((c) => c.requests > 20).map((c) => `${c.area}: ${c.requests}`);
    assert.deepEqual(over, [], 'areas over 20 requests on their first visit');
    await assertClean(page);
  });
});
