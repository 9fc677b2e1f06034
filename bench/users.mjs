#!/usr/bin/env node
// Benchmark of the users area (not a test: nothing passes or fails).
//
// Against a running console (CONSOLE_URL, release build behind nginx) and sandbox
// (SANDBOX_URL, started with --users N), in headless Chromium as plain@acme.test,
// measured in the page with performance.now() and a MutationObserver:
//   nav     click on "Users" in the Main navigation (from Clients) → the first row
//           of `table[aria-label="End users"]` is in the DOM
//   search  the last keystroke in Search → every row matches the typed term;
//           reported as the total and as total − 250 ms (the debounce)
//   next    click on "Next page" → the rows are the next page's
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
import { api, apiSignIn, LAUNCH_ARGS } from '../tests/e2e/helpers.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
const loadChromium = () => createRequire(path.join(REPO, 'tests', 'e2e', 'package.json'))('playwright-core').chromium;

const DEBOUNCE_MS = 250;
const CSV_ROWS = 10_000;
const CHROMIUM_BIN = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
// Seeded first names (sandbox/src/seed/names.rs): a different one per run.
const TERMS = ['amara', 'bjorn', 'chen', 'dalia', 'elif', 'farid', 'greta', 'hiro', 'ines', 'jonas', 'kwame', 'lena'];

const METRICS = {
  nav: 'navigate to /users → first row',
  search: 'Search: last keystroke → updated table (total)',
  searchNet: `Search: after the ${DEBOUNCE_MS} ms debounce (total − ${DEBOUNCE_MS})`,
  next: 'Next page → new rows',
  parse: `Import: read, parse and validate a ${CSV_ROWS}-row CSV → preview`,
  import: `Import: upload ${CSV_ROWS} rows (10 batches) → report`,
  server: 'server alone: POST …/admin/enduser/list (page 2 of 25, from Node)',
};

/** The sandbox's own time for one list page, without the browser: median of 9. */
async function serverList(n) {
  const { token, tenantId } = await apiSignIn();
  const out = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = await api(token, 'POST', '/authsec/uflow/admin/enduser/list', { tenant_id: tenantId, page: 2, limit: 25, sort_by: 'created_at', sort_direction: 'desc' });
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

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (run ./scripts/bench)`);
  return v.replace(/\/+$/, '');
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x) => (Math.round(x * 10) / 10).toFixed(1);

function table(records) {
  const order = Object.values(METRICS);
  const rows = records
    .map((r) => ({ ...r, median: median(r.samples), min: Math.min(...r.samples), max: Math.max(...r.samples) }))
    .sort((a, b) => a.size - b.size || order.indexOf(a.metric) - order.indexOf(b.metric));
  const lines = ['| users | metric | median ms | min | max | runs | throughput |', '|---:|---|---:|---:|---:|---:|---:|'];
  for (const r of rows) {
    const tp = r.metric === METRICS.import ? `${Math.round(CSV_ROWS / (r.median / 1000))} rows/s` : '';
    lines.push(`| ${r.size} | ${r.metric} | ${fmt(r.median)} | ${fmt(r.min)} | ${fmt(r.max)} | ${r.samples.length} | ${tp} |`);
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
    'The "server alone" row is the sandbox answering one list page to Node, with no',
    'browser: what is left of "navigate" or "Next page" after it is the console\'s share',
    '(sending, decoding, rendering 25 rows). The sandbox scans and sorts every user of',
    'the tenant on each request, so its time grows with the tenant; the console\'s does not.',
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
  b.arm = (kind, arg, timeoutMs) => {
    b.pending = new Promise((resolve, reject) => {
      const mo = new MutationObserver(() => {
        if (checks[kind](arg)) {
          const t = performance.now();
          mo.disconnect();
          clearTimeout(timer);
          resolve(t);
        }
      });
      const timer = setTimeout(() => { mo.disconnect(); reject(new Error(`timed out: ${kind}`)); }, timeoutMs);
      mo.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    b.pending.catch(() => {});
  };
}

const pause = (ms) => new Promise((r) => setTimeout(r, ms));
async function measure(page, kind, arg, act, timeout = 120_000) {
  await page.evaluate(([k, a, t]) => window.__bench.arm(k, a, t), [kind, arg, timeout]);
  await act();
  return page.evaluate(() => window.__bench.pending);
}
const mainNav = (page) => page.getByRole('navigation', { name: 'Main' });

async function signIn(page, consoleUrl) {
  await page.goto(`${consoleUrl}/login`, { waitUntil: 'load' });
  await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
  const ws = page.getByLabel('Workspace', { exact: true });
  if ((await ws.inputValue()) !== 'acme') await ws.fill('acme');
  await page.getByLabel('Email', { exact: true }).fill('plain@acme.test');
  await page.getByLabel('Password', { exact: true }).fill('Sandbox-Demo-1');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/clients', { timeout: 30_000 });
  await page.evaluate(installProbes);
}

async function toUsers(page) {
  await mainNav(page).getByRole('link', { name: 'Users', exact: true }).click();
  await page.locator('table[aria-label="End users"] tbody tr').first().waitFor({ timeout: 60_000 });
  await pause(300);
}

async function benchNav(page, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    await mainNav(page).getByRole('link', { name: 'Clients', exact: true }).click();
    await page.locator('table[aria-label="Clients"] tbody tr').first().waitFor({ timeout: 60_000 });
    await pause(300);
    const end = await measure(page, 'firstRow', null, () => mainNav(page).getByRole('link', { name: 'Users', exact: true }).click());
    out.push(end - (await page.evaluate(() => window.__bench.lastClick)));
    await pause(300);
  }
  return out;
}

async function benchSearch(page, n) {
  const out = [];
  const box = page.getByRole('search', { name: 'Filter end users' }).getByRole('searchbox', { name: /^Search/ });
  for (let i = 0; i < n; i++) {
    await box.fill('');
    await page.waitForURL((u) => !u.searchParams.has('q'));
    await pause(600);
    const term = TERMS[i % TERMS.length];
    await box.click();
    const end = await measure(page, 'filtered', term, () => box.pressSequentially(term, { delay: 40 }));
    out.push(end - (await page.evaluate(() => window.__bench.lastInput)));
    await pause(300);
  }
  await box.fill('');
  await page.waitForURL((u) => !u.searchParams.has('q'));
  await pause(600);
  return out;
}

async function benchNext(page, n) {
  const out = [];
  const next = page.getByRole('navigation', { name: 'Pagination' }).getByRole('button', { name: 'Next page', exact: true });
  for (let i = 0; i < n; i++) {
    const before = await page.evaluate(() => window.__bench.firstHref());
    const end = await measure(page, 'changedRows', before, () => next.click());
    out.push(end - (await page.evaluate(() => window.__bench.lastClick)));
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
  const parseMs = parsed - (await page.evaluate(() => window.__bench.lastChange));
  let importMs = null;
  if (upload) {
    const end = await measure(page, 'report', null, () => page.getByRole('button', { name: `Import ${CSV_ROWS} users`, exact: true }).click(), 600_000);
    importMs = end - (await page.evaluate(() => window.__bench.lastClick));
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
    const meta = { chromium: browser.version() };
    const push = (key, all, warm = o.warmup) => {
      const samples = all.slice(warm);
      records.push({ area: 'users', size: o.size, metric: METRICS[key], samples, meta });
      console.log(`${o.size} ${METRICS[key]}: ${samples.map(fmt).join(', ')}`);
      return samples;
    };
    push('nav', await benchNav(page, o.warmup + o.runs));
    const s = push('search', await benchSearch(page, o.warmup + o.runs));
    records.push({ area: 'users', size: o.size, metric: METRICS.searchNet, samples: s.map((x) => x - DEBOUNCE_MS), meta });
    push('next', await benchNext(page, o.warmup + o.runs));
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
