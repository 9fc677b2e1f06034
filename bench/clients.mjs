#!/usr/bin/env node
// Benchmark of the clients list (not a test: nothing passes or fails).
//
// Against a running console (CONSOLE_URL, served by nginx from the release build) and
// sandbox (SANDBOX_URL, started with --clients N), in headless Chromium, as
// plain@acme.test, it measures in the page (performance.now(), a MutationObserver):
//   nav     from /users, click on an in-app link to /clients?size=100 (the Main
//           navigation's "Clients" link drops the query, so the script adds an <a> of
//           its own, which the router handles like any in-app link: no reload) → the
//           first row `table[aria-label=Clients] tbody tr` is in the DOM; the table
//           must then have 100 rows (the run stops otherwise)
//   filter  the last keystroke in the Name filter → every row of the table matches
//           the typed text; reported as the total and as total − 250 ms (the
//           filter's debounce), i.e. the time after the debounce fired; at the
//           default page size (25 rows)
//   next    click on "Next page" at /clients?size=100 → the table's rows are the
//           next page's (again 100 rows, checked)
// For nav and next, each sample also gets the list request the click caused
// (GET …/clients/getClients, started after the click): its response time from
// Resource Timing (responseEnd − startTime, CORS preflight included) and the
// server's wait (responseStart − requestStart; the sandbox sends no
// Timing-Allow-Origin, so Chromium zeroes those and the wait comes from CDP
// Network.responseReceived: timing.receiveHeadersEnd − timing.sendStart). The
// report gives "beyond the server" = total − response time, per sample.
// Each metric: one warm-up run (not counted), then --runs runs (default 7); the
// median, min and max are reported.
//
// Usage (./scripts/bench runs it for each size):
//   CONSOLE_URL=http://localhost:8080 SANDBOX_URL=http://127.0.0.1:8787 \
//     node bench/clients.mjs --size 10000 [--runs 7] [--raw FILE.jsonl] [--out bench/results.md]
// --size is only a label (the sandbox decides the data); it is checked against the
// total the sandbox reports. --raw appends this size's samples to a JSON-lines file;
// --out rewrites the Markdown table from every record in --raw (or from this run alone).
// --report-only: no browser; rewrites --out from --raw and prints it.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');

const DEBOUNCE_MS = 250;
const ACCOUNT = ACCOUNTS.plain;

const WORKSPACE = 'acme';
const CHROMIUM_BIN = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
// The same Chromium flags as the end-to-end tests.
import { ACCOUNTS, LAUNCH_ARGS, PASSWORD, signInPlain } from '../tests/e2e/helpers.mjs';
import { env, fmt, loadChromium, median, medianOr, netProbe, nums, pause, showLink } from './lib.mjs';
// Name-filter terms (adjectives of the seeded client names): a different one per run,
// so each run changes the table.
const TERMS = ['lunar', 'summit', 'harbor', 'copper', 'vector', 'willow', 'orbital', 'crimson', 'silver', 'atlas', 'delta', 'quiet'];

// The page size of the nav and next metrics (one of src/paging.rs PAGE_SIZES); the
// filter metric keeps the default (DEFAULT_SIZE).
const PAGE_SIZE = 100;
const DEFAULT_SIZE = 25;
// The list request (src/api/clients.rs list(): GET {api}/authsec/clientms/tenants/{t}/clients/getClients).
const LIST_PATH = '/clients/getClients';
const LIST_METHOD = 'GET';

const METRICS = {
  nav: `navigate to /clients?size=${PAGE_SIZE} → first row`,
  filter: 'Name filter: last keystroke → updated table (total)',
  filterNet: `Name filter: after the ${DEBOUNCE_MS} ms debounce (total − ${DEBOUNCE_MS})`,
  next: 'Next page → new rows',
};

// ------------------------------------------------------------------ arguments

function parseArgs(argv) {
  const o = { runs: 7, warmup: 1, size: null, raw: null, out: null, reportOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--runs') o.runs = Number(val());
    else if (a === '--warmup') o.warmup = Number(val());
    else if (a === '--size') o.size = Number(val());
    else if (a === '--raw') o.raw = path.resolve(val());
    else if (a === '--out') o.out = path.resolve(val());
    else if (a === '--report-only') o.reportOnly = true;
    else if (a === '-h' || a === '--help') {
      process.stdout.write(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 34).join('\n') + '\n');
      process.exit(0);
    } else throw new Error(`unknown argument: ${a}`);
  }
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new Error('--runs must be a positive integer');
  if (!Number.isInteger(o.warmup) || o.warmup < 0) throw new Error('--warmup must be 0 or more');
  if (!o.reportOnly && !(Number.isInteger(o.size) && o.size > 0)) throw new Error('--size N is required');
  if (o.reportOnly && !o.raw) throw new Error('--report-only needs --raw');
  return o;
}


// ------------------------------------------------------------------ statistics and report



function summarize(rec) {
  const beyond = nums(rec.beyond);
  return {
    size: rec.size,
    metric: rec.metric,
    rows: rec.rows ?? '',
    median: median(rec.samples),
    min: Math.min(...rec.samples),
    max: Math.max(...rec.samples),
    runs: rec.samples.length,
    server: medianOr(rec.server),
    serverWait: medianOr(rec.serverWait),
    beyondMedian: beyond.length ? fmt(median(beyond)) : '',
    beyondMin: beyond.length ? fmt(Math.min(...beyond)) : '',
    beyondMax: beyond.length ? fmt(Math.max(...beyond)) : '',
    beforeRequest: medianOr(rec.beforeRequest),
    afterResponse: medianOr(rec.afterResponse),
  };
}

function table(records) {
  const order = Object.values(METRICS);
  const rows = records
    .map(summarize)
    .sort((a, b) => a.size - b.size || order.indexOf(a.metric) - order.indexOf(b.metric));
  const lines = [
    '| size | metric | rows/page | median ms | min | max | server response (median) | server wait (median) | beyond the server: median | min | max | click → request (median) | response → rows (median) | runs |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.size} | ${r.metric} | ${r.rows} | ${fmt(r.median)} | ${fmt(r.min)} | ${fmt(r.max)} | ${r.server} | ${r.serverWait} | ${r.beyondMedian} | ${r.beyondMin} | ${r.beyondMax} | ${r.beforeRequest} | ${r.afterResponse} | ${r.runs} |`,
    );
  }
  return lines.join('\n');
}

function markdown(records) {
  const meta = records.find((r) => r.meta)?.meta || {};
  return [
    '# Clients list benchmark',
    '',
    `Written by \`./scripts/bench\` (bench/clients.mjs) on ${new Date().toISOString()}.`,
    `Headless Chromium ${meta.chromium || '?'}, Node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model || '?'}).`,
    'Times in milliseconds, measured in the page with performance.now(); each row is',
    'the median of the runs after one warm-up. The filter row "total" includes the',
    `${DEBOUNCE_MS} ms debounce; the row after it subtracts the debounce. See bench/README.md.`,
    '',
    table(records),
    '',
    `"rows/page": the navigation and Next page run at \`/clients?size=${PAGE_SIZE}\` (the script`,
    `checks that ${PAGE_SIZE} rows are rendered); the Name filter runs at the default ${DEFAULT_SIZE}.`,
    'The navigation is an in-app link click (the router, no reload), from /users.',
    '"server response": the list request the click caused (GET …/clients/getClients),',
    'Resource Timing responseEnd − startTime in the page (CORS preflight included, if any).',
    '"server wait": request sent → response headers of that request (CDP',
    'Network.responseReceived timing.receiveHeadersEnd − sendStart, since without',
    'Timing-Allow-Origin Chromium zeroes requestStart/responseStart for the cross-origin API).',
    '"beyond the server": total − server response, per sample (median, min, max): the',
    'console\'s own time (routing, starting the request, decoding, rendering); the bar is',
    '≤ 100 ms. "click → request" and "response → rows" split it (medians).',
    '',
  ].join('\n');
}

function readRaw(file) {
  if (!file || !fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

// ------------------------------------------------------------------ in the page

/** Installed once after sign-in (the SPA never reloads): timestamps and waiters. */
function installProbes() {
  if (window.__bench) return;
  const b = { lastClick: 0, lastInput: 0, pending: null };
  // Room for every request of a run (the default buffer of 250 would drop entries);
  // cleared before each sample anyway.
  performance.setResourceTimingBufferSize(10_000);
  window.__bench = b;
  document.addEventListener('click', () => { b.lastClick = performance.now(); }, true);
  document.addEventListener('input', () => { b.lastInput = performance.now(); }, true);

  const rows = () => [...document.querySelectorAll('table[aria-label="Clients"] tbody tr')];
  const hrefOf = (tr) => tr.querySelector('a[href^="/clients/"]')?.getAttribute('href') || '';
  const nameOf = (tr) => (tr.querySelector('a[href^="/clients/"]')?.textContent || '').toLowerCase();
  const checks = {
    // Any row of the list.
    firstRow: () => location.pathname === '/clients' && rows().length > 0,
    // Every row matches the typed term (or the empty state says none does).
    filtered: (term) => {
      const rs = rows();
      if (rs.length > 0) return rs.every((tr) => nameOf(tr).includes(term));
      return /No clients match these filters\./.test(document.body.textContent || '');
    },
    // The first row is another client than before.
    changedRows: (firstHref) => {
      const rs = rows();
      return rs.length > 0 && hrefOf(rs[0]) !== firstHref;
    },
  };
  b.firstHref = () => {
    const rs = rows();
    return rs.length ? hrefOf(rs[0]) : '';
  };
  b.allMatch = (term) => checks.filtered(term) && rows().length > 0;
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
    const check = () => checks[kind](arg);
    b.pending = new Promise((resolve, reject) => {
      const mo = new MutationObserver(() => {
        if (check()) {
          const t = performance.now();
          mo.disconnect();
          clearTimeout(timer);
          resolve({ t, rows: rows().length, url: location.pathname + location.search });
        }
      });
      const timer = setTimeout(() => {
        mo.disconnect();
        reject(new Error(`timed out waiting for ${kind}(${JSON.stringify(arg)})`));
      }, timeoutMs);
      mo.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    b.pending.catch(() => {});
  };
}

// ------------------------------------------------------------------ the runs


// Requests in flight per page (playwright's 'networkidle' is reached once per
// document, so it says nothing after the SPA's first load).
const inFlight = new WeakMap();
function trackRequests(page) {
  const set = new Set();
  inFlight.set(page, set);
  page.on('request', (r) => set.add(r));
  page.on('requestfinished', (r) => set.delete(r));
  page.on('requestfailed', (r) => set.delete(r));
}

/** Waits until no request has been in flight for 300 ms (at most 15 s), then 100 ms more. */
async function settle(page) {
  const set = inFlight.get(page);
  const deadline = Date.now() + 15_000;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (set && set.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= 300) break;
    await pause(50);
  }
  await pause(100);
}

/** Arms a waiter in the page, runs `act`, returns { t: the in-page end time, rows, url }. */
async function measure(page, kind, arg, act) {
  await page.evaluate(([k, a]) => window.__bench.arm(k, a, 60_000), [kind, arg]);
  await act();
  return page.evaluate(() => window.__bench.pending);
}

/**
 * One sample of a list change with its server part: clears the Resource Timing
 * buffer and the CDP log, runs `act` (a click) through measure(), checks that the
 * table shows `rows` rows, and splits the time into the server's response and the
 * rest.
 */
async function measureList(page, probe, sandboxOrigin, kind, arg, act, rows) {
  await page.evaluate(() => performance.clearResourceTimings());
  probe.reset();
  const end = await measure(page, kind, arg, act);
  const start = await page.evaluate(() => window.__bench.lastClick);
  if (end.rows !== rows) {
    throw new Error(`${kind}: expected ${rows} rows once rendered, the table has ${end.rows} (at ${end.url})`);
  }
  const rt = await page.evaluate(([o, s, a, b]) => window.__bench.listTiming(o, s, a, b), [sandboxOrigin, LIST_PATH, start, end.t]);
  const cdp = await probe.take();
  const e = rt.entry;
  if (!e) throw new Error(`${kind}: no Resource Timing entry for ${LIST_PATH} started after the click (at ${end.url})`);
  const total = end.t - start;
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
  await page.locator('table[aria-label="Clients"] tbody tr').first().waitFor({ timeout: 60_000 });
  await page.evaluate(installProbes);
}

const mainNav = (page) => page.getByRole('navigation', { name: 'Main' });
const nameFilter = (page) =>
  page.getByRole('search', { name: 'Filter clients' }).getByRole('searchbox', { name: /^Name/ });
const benchLink = (page) => page.locator('#bench-link');

/** Points the script's in-app link at `href` (ready to be clicked). */
async function setLink(page, href) {
  await page.evaluate(showLink, href);
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

/** Back to the unfiltered first page of /clients at `size` rows per page (client-side,
 *  through the in-app link), rows rendered. */
async function resetList(page, size = DEFAULT_SIZE) {
  const clear = page.getByRole('search', { name: 'Filter clients' }).getByRole('button', { name: 'Clear filters', exact: true });
  if (await clear.isEnabled()) await clear.click();
  const first = page.getByRole('button', { name: 'First page', exact: true });
  if (await first.isEnabled()) await first.click();
  const want = size === DEFAULT_SIZE ? '' : String(size);
  const ok = (u) => u.pathname === '/clients' && !u.searchParams.has('name') && !u.searchParams.has('page') && (u.searchParams.get('size') || '') === want;
  if (!ok(new URL(page.url()))) {
    await settle(page);
    await setLink(page, want ? `/clients?size=${want}` : '/clients');
    await benchLink(page).click();
  }
  await page.waitForURL(ok);
  await settle(page);
  await page.locator('table[aria-label="Clients"] tbody tr').first().waitFor();
  await settle(page);
}

async function benchNav(page, n, ctx) {
  const out = [];
  for (let i = 0; i < n; i++) {
    await mainNav(page).getByRole('link', { name: 'Users', exact: true }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/users'));
    await page.getByRole('heading', { name: 'Users', exact: true }).waitFor();
    await settle(page);
    await setLink(page, `/clients?size=${PAGE_SIZE}`);
    const s = await measureList(page, ctx.probe, ctx.sandboxOrigin, 'firstRow', null, () => benchLink(page).click(), PAGE_SIZE);
    if (!new URL(s.url, 'http://x').searchParams.get('size')) throw new Error(`nav: landed on ${s.url}`);
    out.push(s);
    await settle(page);
  }
  return out;
}

async function benchFilter(page, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    await resetList(page, DEFAULT_SIZE);
    // A term the current (unfiltered) rows do not all match, so the wait is real.
    let term = null;
    for (let k = 0; k < TERMS.length; k++) {
      const t = TERMS[(i + k) % TERMS.length];
      if (!(await page.evaluate((x) => window.__bench.allMatch(x), t))) {
        term = t;
        break;
      }
    }
    if (!term) throw new Error('every candidate term already matches the first page');
    const box = nameFilter(page);
    await box.click();
    const end = await measure(page, 'filtered', term, () => box.pressSequentially(term, { delay: 40 }));
    const start = await page.evaluate(() => window.__bench.lastInput);
    out.push({ total: end.t - start });
    await settle(page);
  }
  return out;
}

async function benchNext(page, n, ctx) {
  await resetList(page, PAGE_SIZE);
  await waitRows(page, PAGE_SIZE);
  const out = [];
  const next = page.getByRole('navigation', { name: 'Pagination' }).getByRole('button', { name: 'Next page', exact: true });
  for (let i = 0; i < n; i++) {
    const before = await page.evaluate(() => window.__bench.firstHref());
    out.push(await measureList(page, ctx.probe, ctx.sandboxOrigin, 'changedRows', before, () => next.click(), PAGE_SIZE));
    await settle(page);
  }
  return out;
}

async function run(o) {
  const consoleUrl = env('CONSOLE_URL');
  const sandboxUrl = env('SANDBOX_URL');
  const chromium = loadChromium();
  const browser = await chromium.launch({ executablePath: CHROMIUM_BIN, headless: true, args: LAUNCH_ARGS, timeout: 60_000 });
  const records = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'UTC' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    trackRequests(page);
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));

    await signIn(page, consoleUrl);
    // The sandbox's total for the default view (deleted ones aside): a sanity check of --size.
    const range = await page.getByRole('navigation', { name: 'Pagination' }).getByText(/^\d+–\d+ of \d+$/).innerText();
    const total = Number(range.match(/of (\d+)$/)?.[1] ?? NaN);
    if (!(total > 0.9 * o.size && total <= o.size + 1000)) {
      console.warn(`warning: the list shows ${total} clients, --size is ${o.size} (is the sandbox started with --clients ${o.size}?)`);
    }
    const ctx = { probe: await netProbe(page, LIST_PATH, LIST_METHOD), sandboxOrigin: new URL(sandboxUrl).origin };
    const meta = { chromium: browser.version(), total, consoleUrl, sandboxUrl };

    const sets = [
      ['nav', benchNav, PAGE_SIZE],
      ['filter', benchFilter, DEFAULT_SIZE],
      ['next', benchNext, PAGE_SIZE],
    ];
    let noTao = false;
    for (const [key, fn, rows] of sets) {
      const listed = key !== 'filter';
      if (listed) await ctx.probe.start();
      const all = await fn(page, o.warmup + o.runs, ctx);
      if (listed) await ctx.probe.stop();
      const kept = all.slice(o.warmup);
      const samples = kept.map((s) => s.total);
      const rec = { size: o.size, metric: METRICS[key], rows, samples, meta };
      if (listed) {
        Object.assign(rec, {
          server: kept.map((s) => s.server),
          serverWait: kept.map((s) => s.serverWait),
          beyond: kept.map((s) => s.beyond),
          beforeRequest: kept.map((s) => s.beforeRequest),
          afterResponse: kept.map((s) => s.afterResponse),
          serverFrom: 'resource-timing: responseEnd − startTime',
          waitFrom: [...new Set(kept.map((s) => s.waitFrom))].join(','),
          details: kept.map(({ total: _t, server: _s, serverWait: _w, beyond: _b, beforeRequest: _r, afterResponse: _a, ...rest }) => rest),
        });
        noTao ||= kept.some((s) => s.waitFrom !== 'resource-timing');
      }
      records.push(rec);
      if (key === 'filter') {
        records.push({ size: o.size, metric: METRICS.filterNet, rows, samples: samples.map((x) => x - DEBOUNCE_MS), meta });
      }
      console.log(`${o.size} ${METRICS[key]} (${rows} rows): ${samples.map(fmt).join(', ')}`);
      if (listed) {
        console.log(`    server response: ${rec.server.map(fmt).join(', ')}; server wait: ${rec.serverWait.map((x) => (x == null ? '?' : fmt(x))).join(', ')}`);
        console.log(`    beyond the server: ${rec.beyond.map(fmt).join(', ')} (median ${fmt(median(rec.beyond))})`);
      }
    }
    if (noTao) console.log('note: Resource Timing gives no requestStart/responseStart for the API (no Timing-Allow-Origin): the server wait is from CDP');
    if (errors.length) console.warn(`warning: page errors during the run: ${JSON.stringify(errors)}`);
  } finally {
    await browser.close().catch(() => {});
  }
  return records;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  let records;
  if (o.reportOnly) {
    records = readRaw(o.raw);
  } else {
    const fresh = await run(o);
    if (o.raw) {
      fs.mkdirSync(path.dirname(o.raw), { recursive: true });
      fs.appendFileSync(o.raw, fresh.map((r) => JSON.stringify(r)).join('\n') + '\n');
      records = readRaw(o.raw);
    } else {
      records = fresh;
    }
  }
  if (records.length === 0) throw new Error('no results to report');
  const md = markdown(records);
  if (o.out) {
    fs.mkdirSync(path.dirname(o.out), { recursive: true });
    fs.writeFileSync(o.out, md);
  }
  console.log(`\n${table(records)}\n`);
  if (o.out) console.log(`written to ${path.relative(process.cwd(), o.out) || o.out}`);
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
