#!/usr/bin/env node
// Benchmark of the clients list (not a test: nothing passes or fails).
//
// Against a running console (CONSOLE_URL, served by nginx from the release build) and
// sandbox (SANDBOX_URL, started with --clients N), in headless Chromium, as
// plain@acme.test, it measures in the page (performance.now(), a MutationObserver):
//   nav     click on "Clients" in the Main navigation (from Users) → the first row
//           `table[aria-label=Clients] tbody tr` is in the DOM
//   filter  the last keystroke in the Name filter → every row of the table matches
//           the typed text; reported as the total and as total − 250 ms (the
//           filter's debounce), i.e. the time after the debounce fired
//   next    click on "Next page" → the table's rows are the next page's
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
// playwright-core from tests/e2e/node_modules (installed by scripts/lib.sh ensure_node_deps);
// loaded on first use, so --report-only needs no browser tooling.
const loadChromium = () => createRequire(path.join(REPO, 'tests', 'e2e', 'package.json'))('playwright-core').chromium;

const DEBOUNCE_MS = 250;
const ACCOUNT = 'plain@acme.test';
const PASSWORD = 'Sandbox-Demo-1';
const WORKSPACE = 'acme';
const CHROMIUM_BIN = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
// The same Chromium flags as the end-to-end tests.
import { LAUNCH_ARGS } from '../tests/e2e/helpers.mjs';
// Name-filter terms (adjectives of the seeded client names): a different one per run,
// so each run changes the table.
const TERMS = ['lunar', 'summit', 'harbor', 'copper', 'vector', 'willow', 'orbital', 'crimson', 'silver', 'atlas', 'delta', 'quiet'];

const METRICS = {
  nav: 'navigate to /clients → first row',
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
      process.stdout.write(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 25).join('\n') + '\n');
      process.exit(0);
    } else throw new Error(`unknown argument: ${a}`);
  }
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new Error('--runs must be a positive integer');
  if (!Number.isInteger(o.warmup) || o.warmup < 0) throw new Error('--warmup must be 0 or more');
  if (!o.reportOnly && !(Number.isInteger(o.size) && o.size > 0)) throw new Error('--size N is required');
  if (o.reportOnly && !o.raw) throw new Error('--report-only needs --raw');
  return o;
}

function env(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (run ./scripts/bench, or set CONSOLE_URL and SANDBOX_URL)`);
  return v.replace(/\/+$/, '');
}

// ------------------------------------------------------------------ statistics and report

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x) => (Math.round(x * 10) / 10).toFixed(1);

function summarize(rec) {
  return {
    size: rec.size,
    metric: rec.metric,
    median: median(rec.samples),
    min: Math.min(...rec.samples),
    max: Math.max(...rec.samples),
    runs: rec.samples.length,
  };
}

function table(records) {
  const order = Object.values(METRICS);
  const rows = records
    .map(summarize)
    .sort((a, b) => a.size - b.size || order.indexOf(a.metric) - order.indexOf(b.metric));
  const lines = ['| size | metric | median ms | min | max | runs |', '|---:|---|---:|---:|---:|---:|'];
  for (const r of rows) {
    lines.push(`| ${r.size} | ${r.metric} | ${fmt(r.median)} | ${fmt(r.min)} | ${fmt(r.max)} | ${r.runs} |`);
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
  /** Arms a waiter: resolves with performance.now() at the first DOM mutation after which `kind` holds. */
  b.arm = (kind, arg, timeoutMs) => {
    const check = () => checks[kind](arg);
    b.pending = new Promise((resolve, reject) => {
      const mo = new MutationObserver(() => {
        if (check()) {
          const t = performance.now();
          mo.disconnect();
          clearTimeout(timer);
          resolve(t);
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

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

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

/** Arms a waiter in the page, runs `act`, returns the in-page end time. */
async function measure(page, kind, arg, act) {
  await page.evaluate(([k, a]) => window.__bench.arm(k, a, 60_000), [kind, arg]);
  await act();
  return page.evaluate(() => window.__bench.pending);
}

async function signIn(page, consoleUrl) {
  await page.goto(`${consoleUrl}/login`, { waitUntil: 'load' });
  await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
  const ws = page.getByLabel('Workspace', { exact: true });
  if ((await ws.inputValue()) !== WORKSPACE) await ws.fill(WORKSPACE);
  await page.getByLabel('Email', { exact: true }).fill(ACCOUNT);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/clients', { timeout: 30_000 });
  await page.locator('table[aria-label="Clients"] tbody tr').first().waitFor({ timeout: 60_000 });
  await page.evaluate(installProbes);
}

const mainNav = (page) => page.getByRole('navigation', { name: 'Main' });
const nameFilter = (page) =>
  page.getByRole('search', { name: 'Filter clients' }).getByRole('searchbox', { name: /^Name/ });

/** Back to the unfiltered first page of /clients (client-side), rows rendered. */
async function resetList(page) {
  const clear = page.getByRole('search', { name: 'Filter clients' }).getByRole('button', { name: 'Clear filters', exact: true });
  if (await clear.isEnabled()) await clear.click();
  const first = page.getByRole('button', { name: 'First page', exact: true });
  if (await first.isEnabled()) await first.click();
  await page.waitForURL((u) => u.pathname === '/clients' && !u.searchParams.has('name') && !u.searchParams.has('page'));
  await page.locator('table[aria-label="Clients"] tbody tr').first().waitFor();
  await settle(page);
}

async function benchNav(page, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    await mainNav(page).getByRole('link', { name: 'Users', exact: true }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/users'));
    await page.getByRole('heading', { name: 'Users', exact: true }).waitFor();
    await settle(page);
    const end = await measure(page, 'firstRow', null, () =>
      mainNav(page).getByRole('link', { name: 'Clients', exact: true }).click(),
    );
    const start = await page.evaluate(() => window.__bench.lastClick);
    out.push(end - start);
    await settle(page);
  }
  return out;
}

async function benchFilter(page, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    await resetList(page);
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
    out.push(end - start);
    await settle(page);
  }
  return out;
}

async function benchNext(page, n) {
  await resetList(page);
  const out = [];
  const next = page.getByRole('navigation', { name: 'Pagination' }).getByRole('button', { name: 'Next page', exact: true });
  for (let i = 0; i < n; i++) {
    const before = await page.evaluate(() => window.__bench.firstHref());
    const end = await measure(page, 'changedRows', before, () => next.click());
    const start = await page.evaluate(() => window.__bench.lastClick);
    out.push(end - start);
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
    const meta = { chromium: browser.version(), total, consoleUrl, sandboxUrl };

    const sets = [
      ['nav', benchNav],
      ['filter', benchFilter],
      ['next', benchNext],
    ];
    for (const [key, fn] of sets) {
      const all = await fn(page, o.warmup + o.runs);
      const samples = all.slice(o.warmup);
      records.push({ size: o.size, metric: METRICS[key], samples, meta });
      if (key === 'filter') {
        records.push({ size: o.size, metric: METRICS.filterNet, samples: samples.map((x) => x - DEBOUNCE_MS), meta });
      }
      console.log(`${o.size} ${METRICS[key]}: ${samples.map(fmt).join(', ')}`);
    }
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
