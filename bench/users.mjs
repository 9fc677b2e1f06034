#!/usr/bin/env node
// Benchmark of the users area (not a test: nothing passes or fails).
//
// Against a running console (CONSOLE_URL, release build behind nginx) and sandbox
// (SANDBOX_URL, started with --users N), in headless Chromium as plain@acme.test,
// measured in the page with performance.now() and a MutationObserver:
//   nav     from /clients, click on an in-app link to /users?size=100 (the Main
//           navigation's "Users" link drops the query, so the script adds an <a> of
//           its own, which the router handles like any in-app link: no reload) → the
//           first row of `table[aria-label="End users"]` is in the DOM; the table must
//           then have 100 rows (the run stops otherwise)
//   search  the last keystroke in Search → every row matches the typed term;
//           reported as the total and as total − 250 ms (the debounce); at the
//           default page size (25 rows)
//   next    click on "Next page" at /users?size=100 → the rows are the next page's
//           (100 rows, checked)
//   For nav and next, each sample also gets the list request the click caused
//   (POST …/admin/enduser/list, started after the click): its response time from
//   Resource Timing (responseEnd − startTime, CORS preflight included) and the
//   server's wait (responseStart − requestStart; the sandbox sends no
//   Timing-Allow-Origin, so Chromium zeroes those and the wait comes from CDP
//   Network.responseReceived: timing.receiveHeadersEnd − timing.sendStart); the
//   report gives "beyond the server" = total − response time, per sample.
//   parse   a 10,000-row CSV picked on /users/import (the input's change event) →
//           the preview's summary line is shown (read + parse + validate in the page)
//   import  click on "Import 10000 users" → the report's counts are shown; reported
//           in ms and as rows per second
// Each metric: one warm-up run (not counted), then --runs runs (import: --import-runs).
//
// Usage (./scripts/bench runs it for each size):
//   CONSOLE_URL=… SANDBOX_URL=… node bench/users.mjs --size 100000 [--runs 7]
//     [--import-runs 3] [--raw FILE.jsonl] [--out bench/users-results.md]

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ACCOUNTS, LAUNCH_ARGS, api, apiSignIn, signInPlain } from '../tests/e2e/helpers.mjs';
import { env, fmt, loadChromium, median, medianOr, netProbe, nums, pause, showLink } from './lib.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');

const DEBOUNCE_MS = 250;
const CSV_ROWS = 10_000;
const CHROMIUM_BIN = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
// Seeded first names (sandbox/src/seed/names.rs): a different one per run.
const TERMS = ['amara', 'bjorn', 'chen', 'dalia', 'elif', 'farid', 'greta', 'hiro', 'ines', 'jonas', 'kwame', 'lena'];

// The page size of the nav and next metrics (one of src/paging.rs PAGE_SIZES); the
// search metric keeps the default (DEFAULT_SIZE).
const PAGE_SIZE = 100;
const DEFAULT_SIZE = 25;
// The list request (src/api/users.rs list(): POST {api}/authsec/uflow/admin/enduser/list).
const LIST_PATH = '/admin/enduser/list';
const LIST_METHOD = 'POST';

const METRICS = {
  nav: `navigate to /users?size=${PAGE_SIZE} → first row`,
  search: 'Search: last keystroke → updated table (total)',
  searchNet: `Search: after the ${DEBOUNCE_MS} ms debounce (total − ${DEBOUNCE_MS})`,
  next: 'Next page → new rows',
  parse: `Import: read, parse and validate a ${CSV_ROWS}-row CSV → preview`,
  import: `Import: upload ${CSV_ROWS} rows (10 batches) → report`,
  server: `server alone: POST …/admin/enduser/list (page 2, ${PAGE_SIZE} rows, from Node)`,
};

/** The sandbox's own time for one list page, without the browser: median of 9. */
async function serverList(n) {
  const { token, tenantId } = await apiSignIn();
  const out = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = await api(token, 'POST', '/authsec/uflow/admin/enduser/list', { tenant_id: tenantId, page: 2, limit: PAGE_SIZE, sort_by: 'created_at', sort_direction: 'desc' });
    out.push(performance.now() - t0);
    if (r.status !== 200) throw new Error(`list: ${r.status}`);
  }
  return out;
}

function parseArgs(argv) {
  const o = { runs: 7, importRuns: 3, warmup: 1, size: null, raw: null, out: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => argv[++i];
    if (a === '--runs') o.runs = Number(val());
    else if (a === '--import-runs') o.importRuns = Number(val());
    else if (a === '--warmup') o.warmup = Number(val());
    else if (a === '--size') o.size = Number(val());
    else if (a === '--raw') o.raw = path.resolve(val());
    else if (a === '--out') o.out = path.resolve(val());
    else throw new Error(`unknown argument: ${a}`);
  }
  if (!(Number.isInteger(o.size) && o.size > 0)) throw new Error('--size N is required');
  return o;
}


const minOr = (xs) => (nums(xs).length ? fmt(Math.min(...nums(xs))) : '');
const maxOr = (xs) => (nums(xs).length ? fmt(Math.max(...nums(xs))) : '');

function table(records) {
  const order = Object.values(METRICS);
  const rows = records
    .map((r) => ({ ...r, median: median(r.samples), min: Math.min(...r.samples), max: Math.max(...r.samples) }))
    .sort((a, b) => a.size - b.size || order.indexOf(a.metric) - order.indexOf(b.metric));
  const lines = [
    '| users | metric | rows/page | median ms | min | max | server response (median) | server wait (median) | beyond the server: median | min | max | click → request (median) | response → rows (median) | runs | throughput |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const tp = r.metric === METRICS.import ? `${Math.round(CSV_ROWS / (r.median / 1000))} rows/s` : '';
    lines.push(
      `| ${r.size} | ${r.metric} | ${r.rows ?? ''} | ${fmt(r.median)} | ${fmt(r.min)} | ${fmt(r.max)} | ${medianOr(r.server)} | ${medianOr(r.serverWait)} | ${medianOr(r.beyond)} | ${minOr(r.beyond)} | ${maxOr(r.beyond)} | ${medianOr(r.beforeRequest)} | ${medianOr(r.afterResponse)} | ${r.samples.length} | ${tp} |`,
    );
  }
  return lines.join('\n');
}

function markdown(records) {
  const meta = records.find((r) => r.meta)?.meta || {};
  return [
    '# Users benchmark',
    '',
    `Written by \`./scripts/bench\` (bench/users.mjs) on ${new Date().toISOString()}.`,
    `Headless Chromium ${meta.chromium || '?'}, Node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model || '?'}).`,
    'Times in milliseconds, measured in the page with performance.now(); each row is the',
    'median of the runs after one warm-up. See bench/README.md.',
    '',
    table(records),
    '',
    `"rows/page": the navigation and Next page run at \`/users?size=${PAGE_SIZE}\` (the script`,
    `checks that ${PAGE_SIZE} rows are rendered); Search runs at the default ${DEFAULT_SIZE}.`,
    'The navigation is an in-app link click (the router, no reload), from /clients.',
    '"server response": the list request the click caused (POST …/admin/enduser/list),',
    'Resource Timing responseEnd − startTime in the page (CORS preflight included, if any).',
    '"server wait": request sent → response headers of that request (CDP',
    'Network.responseReceived timing.receiveHeadersEnd − sendStart, since without',
    'Timing-Allow-Origin Chromium zeroes requestStart/responseStart for the cross-origin API).',
    '"beyond the server": total − server response, per sample (median, min, max): the',
    'console\'s own time (routing, starting the request, decoding, rendering); the bar is',
    '≤ 100 ms. "click → request" and "response → rows" split it (medians).',
    `The "server alone" row is the sandbox answering one ${PAGE_SIZE}-row list page to Node,`,
    'with no browser. The sandbox scans and sorts every user of the tenant on each',
    'request, so its time grows with the tenant; the console\'s does not.',
    'The parse row includes reading the file and yielding to the browser every 500 rows.',
    '',
  ].join('\n');
}

const readRaw = (file) =>
  file && fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)).filter((r) => r.area === 'users')
    : [];

// ------------------------------------------------------------------ in the page

function installProbes() {
  if (window.__bench) return;
  const b = { lastClick: 0, lastInput: 0, lastChange: 0, pending: null };
  window.__bench = b;
  // Room for every request of a run (the default buffer of 250 would drop entries);
  // cleared before each sample anyway.
  performance.setResourceTimingBufferSize(10_000);
  document.addEventListener('click', () => { b.lastClick = performance.now(); }, true);
  document.addEventListener('input', () => { b.lastInput = performance.now(); }, true);
  document.addEventListener('change', () => { b.lastChange = performance.now(); }, true);
  const rows = () => [...document.querySelectorAll('table[aria-label="End users"] tbody tr')];
  const hrefOf = (tr) => tr.querySelector('a[href^="/users/"]')?.getAttribute('href') || '';
  const textOf = (tr) => (tr.querySelector('.user-cell')?.textContent || '').toLowerCase();
  const bodyHas = (re) => re.test(document.body.textContent || '');
  const checks = {
    firstRow: () => location.pathname === '/users' && rows().length > 0,
    filtered: (term) => rows().length > 0 && rows().every((tr) => textOf(tr).includes(term)),
    changedRows: (first) => rows().length > 0 && hrefOf(rows()[0]) !== first,
    preview: () => bodyHas(/\d+ rows: \d+ ready to import/),
    report: () => bodyHas(/\d+ created, \d+ duplicates/),
  };
  b.firstHref = () => (rows().length ? hrefOf(rows()[0]) : '');
  b.rowCount = () => rows().length;
  /** The Resource Timing entries of `origin` + a path ending in `suffix`, started at
   *  or after `since`: how many, and the last one that ended by `until` (the one
   *  whose answer was rendered). */
  b.listTiming = (origin, suffix, since, until) => {
    const es = performance.getEntriesByType('resource').filter((e) => {
      try {
        const u = new URL(e.name);
        return u.origin === origin && u.pathname.endsWith(suffix) && e.startTime >= since;
      } catch {
        return false;
      }
    });
    const done = es.filter((e) => e.responseEnd > 0 && e.responseEnd <= until);
    const e = done[done.length - 1];
    const pick = e && {
      name: e.name,
      initiatorType: e.initiatorType,
      startTime: e.startTime,
      fetchStart: e.fetchStart,
      requestStart: e.requestStart,
      responseStart: e.responseStart,
      responseEnd: e.responseEnd,
      transferSize: e.transferSize,
      decodedBodySize: e.decodedBodySize,
      responseStatus: e.responseStatus,
    };
    // Other requests to the API in the same span (they would be waited for too).
    const others = performance
      .getEntriesByType('resource')
      .filter((x) => x.name.startsWith(origin) && !es.includes(x) && x.startTime >= since && x.startTime <= until)
      .map((x) => ({ path: new URL(x.name).pathname, startTime: x.startTime - since, responseEnd: x.responseEnd - since }));
    return { count: es.length, entry: pick || null, others };
  };
  /** Arms a waiter: resolves with performance.now() at the first DOM mutation after
   *  which `kind` holds, and the number of rows the table has then. */
  b.arm = (kind, arg, timeoutMs) => {
    b.pending = new Promise((resolve, reject) => {
      const mo = new MutationObserver(() => {
        if (checks[kind](arg)) {
          const t = performance.now();
          mo.disconnect();
          clearTimeout(timer);
          resolve({ t, rows: rows().length, url: location.pathname + location.search });
        }
      });
      const timer = setTimeout(() => { mo.disconnect(); reject(new Error(`timed out: ${kind}`)); }, timeoutMs);
      mo.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    b.pending.catch(() => {});
  };
}

/** Arms a waiter in the page, runs `act`, returns { t: the in-page end time, rows, url }. */
async function measure(page, kind, arg, act, timeout = 120_000) {
  await page.evaluate(([k, a, t]) => window.__bench.arm(k, a, t), [kind, arg, timeout]);
  await act();
  return page.evaluate(() => window.__bench.pending);
}
const mainNav = (page) => page.getByRole('navigation', { name: 'Main' });
const benchLink = (page) => page.locator('#bench-link');

/**
 * One sample of a list change with its server part: clears the Resource Timing
 * buffer and the CDP log, runs `act` (a click) through measure(), checks that the
 * table shows `rows` rows, and splits the time into the server's response and the
 * rest.
 */
async function measureList(page, ctx, kind, arg, act, rows) {
  await page.evaluate(() => performance.clearResourceTimings());
  ctx.probe.reset();
  const end = await measure(page, kind, arg, act);
  const start = await page.evaluate(() => window.__bench.lastClick);
  if (end.rows !== rows) {
    throw new Error(`${kind}: expected ${rows} rows once rendered, the table has ${end.rows} (at ${end.url})`);
  }
  const rt = await page.evaluate(([o, s, a, b]) => window.__bench.listTiming(o, s, a, b), [ctx.sandboxOrigin, LIST_PATH, start, end.t]);
  const cdp = await ctx.probe.take();
  const e = rt.entry;
  const total = end.t - start;
  // The console reads every end user once and pages them itself: a page change (and a
  // return to a list it holds) sends no request, and all of its time is its own.
  if (!e) return { total, server: 0, beyond: total, listRequests: 0, otherApiRequests: rt.others, url: end.url };
  // Resource Timing exposes startTime and responseEnd cross-origin; requestStart and
  // responseStart only with Timing-Allow-Origin.
  const server = e.responseEnd - e.startTime;
  const rtWait = e.requestStart > 0 && e.responseStart > 0 ? e.responseStart - e.requestStart : null;
  return {
    total,
    server,
    serverWait: rtWait ?? cdp?.wait ?? null,
    waitFrom: rtWait !== null ? 'resource-timing' : cdp ? 'cdp' : null,
    beyond: total - server,
    beforeRequest: e.startTime - start,
    afterResponse: end.t - e.responseEnd,
    listRequests: rt.count,
    otherApiRequests: rt.others,
    url: end.url,
    rt: { ...e, startTime: e.startTime - start, fetchStart: e.fetchStart - start, responseEnd: e.responseEnd - start, requestStart: e.requestStart && e.requestStart - start, responseStart: e.responseStart && e.responseStart - start },
    cdp,
  };
}

async function signIn(page, consoleUrl) {
  // Admins land on the overview and have a second factor: the e2e helper signs in
  // (password, then the TOTP code) and comes back to /clients.
  await signInPlain(page, '/clients');
  await page.evaluate(installProbes);
}

async function toUsers(page) {
  await mainNav(page).getByRole('link', { name: 'Users', exact: true }).click();
  await page.locator('table[aria-label="End users"] tbody tr').first().waitFor({ timeout: 60_000 });
  await pause(300);
}

/** Waits until the table has `n` rows (polled from Node: no eval under the CSP). */
async function waitRows(page, n) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const have = await page.evaluate(() => window.__bench.rowCount());
    if (have === n) return;
    if (Date.now() > deadline) throw new Error(`the table has ${have} rows, expected ${n}`);
    await pause(50);
  }
}

/** The first page of the unfiltered end users at `size` rows per page, through the
 *  script's in-app link (client-side), rows rendered. */
async function usersAt(page, size) {
  const want = size === DEFAULT_SIZE ? '' : String(size);
  const ok = (u) => u.pathname === '/users' && [...u.searchParams.keys()].every((k) => k === 'size') && (u.searchParams.get('size') || '') === want;
  if (!ok(new URL(page.url()))) {
    await page.evaluate(showLink, want ? `/users?size=${want}` : '/users');
    await benchLink(page).click();
    await page.waitForURL(ok);
  }
  await waitRows(page, size);
  await pause(300);
}

async function benchNav(page, n, ctx) {
  const out = [];
  for (let i = 0; i < n; i++) {
    await mainNav(page).getByRole('link', { name: 'Clients', exact: true }).click();
    await page.locator('table[aria-label="Clients"] tbody tr').first().waitFor({ timeout: 60_000 });
    await pause(300);
    await page.evaluate(showLink, `/users?size=${PAGE_SIZE}`);
    const s = await measureList(page, ctx, 'firstRow', null, () => benchLink(page).click(), PAGE_SIZE);
    if (!new URL(s.url, 'http://x').searchParams.get('size')) throw new Error(`nav: landed on ${s.url}`);
    out.push(s);
    await pause(300);
  }
  return out;
}

async function benchSearch(page, n) {
  await usersAt(page, DEFAULT_SIZE);
  const out = [];
  const box = page.getByRole('search', { name: 'Filter end users' }).getByRole('searchbox', { name: /^Search/ });
  for (let i = 0; i < n; i++) {
    await box.fill('');
    await page.waitForURL((u) => !u.searchParams.has('q'));
    await pause(600);
    const term = TERMS[i % TERMS.length];
    await box.click();
    const end = await measure(page, 'filtered', term, () => box.pressSequentially(term, { delay: 40 }));
    out.push({ total: end.t - (await page.evaluate(() => window.__bench.lastInput)) });
    await pause(300);
  }
  await box.fill('');
  await page.waitForURL((u) => !u.searchParams.has('q'));
  await pause(600);
  return out;
}

async function benchNext(page, n, ctx) {
  await usersAt(page, PAGE_SIZE);
  const out = [];
  const next = page.getByRole('navigation', { name: 'Pagination' }).getByRole('button', { name: 'Next page', exact: true });
  for (let i = 0; i < n; i++) {
    const before = await page.evaluate(() => window.__bench.firstHref());
    out.push(await measureList(page, ctx, 'changedRows', before, () => next.click(), PAGE_SIZE));
    await pause(300);
  }
  return out;
}

function csvFile(tag) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'authsec-bench-'));
  const lines = ['email,first_name,last_name'];
  for (let i = 0; i < CSV_ROWS; i++) lines.push(`bench-${tag}-${i}@bench.acme.test,Bench ${i},"Row, ${tag}"`);
  const file = path.join(dir, 'users.csv');
  fs.writeFileSync(file, lines.join('\r\n') + '\r\n');
  return file;
}

/** One parse (and optionally one upload) of a fresh 10,000-row file: [parseMs, importMs]. */
async function parseAndImport(page, consoleUrl, upload) {
  await page.getByRole('link', { name: 'Import CSV', exact: true }).click();
  await page.getByRole('heading', { name: 'Import users from CSV', exact: true }).waitFor();
  const file = csvFile(`${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`);
  const parsed = await measure(page, 'preview', null, () => page.locator('input[type=file]').setInputFiles(file));
  const parseMs = parsed.t - (await page.evaluate(() => window.__bench.lastChange));
  let importMs = null;
  if (upload) {
    const end = await measure(page, 'report', null, () => page.getByRole('button', { name: `Import ${CSV_ROWS} users`, exact: true }).click(), 600_000);
    importMs = end.t - (await page.evaluate(() => window.__bench.lastClick));
  }
  await page.getByRole('link', { name: 'Users', exact: true }).first().click();
  await page.locator('table[aria-label="End users"] tbody tr').first().waitFor({ timeout: 60_000 });
  return [parseMs, importMs];
}

async function run(o) {
  const chromium = loadChromium();
  const browser = await chromium.launch({ executablePath: CHROMIUM_BIN, headless: true, args: LAUNCH_ARGS, timeout: 60_000 });
  const records = [];
  const consoleUrl = env('CONSOLE_URL');
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'UTC' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await signIn(page, consoleUrl);
    await toUsers(page);
    const ctx = { probe: await netProbe(page, LIST_PATH, LIST_METHOD), sandboxOrigin: new URL(env('SANDBOX_URL')).origin };
    const meta = { chromium: browser.version() };
    const push = (key, all, warm = o.warmup, rows = undefined) => {
      const samples = all.slice(warm);
      records.push({ area: 'users', size: o.size, metric: METRICS[key], ...(rows ? { rows } : {}), samples, meta });
      console.log(`${o.size} ${METRICS[key]}${rows ? ` (${rows} rows)` : ''}: ${samples.map(fmt).join(', ')}`);
      return samples;
    };
    /** A list metric: totals plus the server's part of each sample. */
    let noTao = false;
    const pushList = (key, all) => {
      const kept = all.slice(o.warmup);
      const rec = {
        area: 'users',
        size: o.size,
        metric: METRICS[key],
        rows: PAGE_SIZE,
        samples: kept.map((s) => s.total),
        server: kept.map((s) => s.server),
        serverWait: kept.map((s) => s.serverWait),
        beyond: kept.map((s) => s.beyond),
        beforeRequest: kept.map((s) => s.beforeRequest),
        afterResponse: kept.map((s) => s.afterResponse),
        serverFrom: 'resource-timing: responseEnd − startTime',
        waitFrom: [...new Set(kept.map((s) => s.waitFrom))].join(','),
        details: kept.map(({ total: _t, server: _s, serverWait: _w, beyond: _b, beforeRequest: _r, afterResponse: _a, ...rest }) => rest),
        meta,
      };
      noTao ||= kept.some((s) => s.waitFrom !== 'resource-timing');
      records.push(rec);
      console.log(`${o.size} ${METRICS[key]} (${PAGE_SIZE} rows): ${rec.samples.map(fmt).join(', ')}`);
      console.log(`    server response: ${rec.server.map(fmt).join(', ')}; server wait: ${rec.serverWait.map((x) => (x == null ? '?' : fmt(x))).join(', ')}`);
      console.log(`    beyond the server: ${rec.beyond.map(fmt).join(', ')} (median ${fmt(median(rec.beyond))})`);
    };
    await ctx.probe.start();
    pushList('nav', await benchNav(page, o.warmup + o.runs, ctx));
    await ctx.probe.stop();
    const s = push('search', (await benchSearch(page, o.warmup + o.runs)).map((x) => x.total), o.warmup, DEFAULT_SIZE);
    records.push({ area: 'users', size: o.size, metric: METRICS.searchNet, rows: DEFAULT_SIZE, samples: s.map((x) => x - DEBOUNCE_MS), meta });
    await ctx.probe.start();
    pushList('next', await benchNext(page, o.warmup + o.runs, ctx));
    await ctx.probe.stop();
    if (noTao) console.log('note: Resource Timing gives no requestStart/responseStart for the API (no Timing-Allow-Origin): the server wait is from CDP');
    const parses = [];
    const imports = [];
    for (let i = 0; i < o.warmup + Math.max(o.runs, o.importRuns); i++) {
      const up = i >= o.warmup && imports.length < o.importRuns;
      const [p, im] = await parseAndImport(page, consoleUrl, up);
      parses.push(p);
      if (im !== null) imports.push(im);
    }
    push('parse', parses);
    push('import', imports, 0);
    push('server', await serverList(o.warmup + 9));
    if (errors.length) console.warn(`warning: page errors: ${JSON.stringify(errors)}`);
  } finally {
    await browser.close().catch(() => {});
  }
  return records;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const fresh = await run(o);
  let records = fresh;
  if (o.raw) {
    fs.mkdirSync(path.dirname(o.raw), { recursive: true });
    fs.appendFileSync(o.raw, fresh.map((r) => JSON.stringify(r)).join('\n') + '\n');
    records = readRaw(o.raw);
  }
  const md = markdown(records);
  if (o.out) fs.writeFileSync(o.out, md);
  console.log(`\n${table(records)}\n`);
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
