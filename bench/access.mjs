#!/usr/bin/env node
// Benchmark of the access lists at N rows (not a test: nothing passes or fails).
//
// Against a running console (CONSOLE_URL, release build behind nginx) and sandbox
// (SANDBOX_URL, started with --access-rows N --users N), in headless Chromium as
// plain@acme.test, for three lists: the roles (/access/roles), the groups (/groups) and
// the members of the group "Everyone (benchmark)" (/groups/:id, N members). AuthSec
// answers each list whole (no paging, no search), so the console pages it.
// Measured in the page with performance.now() and a MutationObserver:
//   open  a click on an in-app link, from /clients, to the list at ?size=100 → the table
//         has 100 rows. The list request the click caused (its Resource Timing
//         responseEnd − startTime) is "the server"; "beyond the server" = total − that.
//   next  a click on "Next page" → the table shows the next 100 rows (no request).
// Each metric: one warm-up run (not counted), then --runs runs.
//
// Usage (./scripts/bench --areas access runs it for each size):
//   CONSOLE_URL=… SANDBOX_URL=… node bench/access.mjs --size 10000 [--runs 7]
//     [--raw FILE.jsonl] [--out bench/access-results.md]

import fs from 'node:fs';
import os from 'node:os';
import { LAUNCH_ARGS, api, apiSignIn, signInPlain } from '../tests/e2e/helpers.mjs';
import { env, fmt, loadChromium, median, medianOr, nums, pause, showLink } from './lib.mjs';

const CHROMIUM_BIN = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const PAGE_SIZE = 100;
const EVERYONE = 'Everyone (benchmark)';

/** The lists: where they are, their table, and the request that loads them. */
const LISTS = [
  { name: 'roles', path: () => '/access/roles', table: 'Roles', request: '/admin/roles' },
  { name: 'groups', path: () => '/groups', table: 'Groups', request: '/admin/groups/list' },
  { name: 'members', path: (ids) => `/groups/${ids.everyone}`, table: 'Members', request: '/admin/groups/list' },
];

function parseArgs(argv) {
  const o = { runs: 7, size: null, raw: null, out: null };
  for (let i = 0; i < argv.length; i++) {
    const val = () => argv[++i];
    if (argv[i] === '--runs') o.runs = Number(val());
    else if (argv[i] === '--size') o.size = Number(val());
    else if (argv[i] === '--raw') o.raw = val();
    else if (argv[i] === '--out') o.out = val();
    else throw new Error(`unknown argument: ${argv[i]}`);
  }
  if (!(Number.isInteger(o.size) && o.size > 0)) throw new Error('--size N is required');
  return o;
}

// ------------------------------------------------------------------ in the page

function installProbes() {
  if (window.__acc) return;
  const b = { lastClick: 0, pending: null };
  window.__acc = b;
  performance.setResourceTimingBufferSize(10_000);
  document.addEventListener('click', () => { b.lastClick = performance.now(); }, true);
  const rows = (label) => [...document.querySelectorAll(`table[aria-label="${label}"] tbody tr`)];
  b.first = (label) => rows(label)[0]?.textContent || '';
  /** Resolves with performance.now() at the first DOM change after which the table has
   *  `n` rows and a first row other than `notFirst`. */
  b.arm = (label, n, notFirst, timeoutMs) => {
    b.pending = new Promise((resolve, reject) => {
      const ok = () => { const r = rows(label); return r.length === n && r[0].textContent !== notFirst; };
      const mo = new MutationObserver(() => {
        if (!ok()) return;
        mo.disconnect();
        clearTimeout(timer);
        resolve(performance.now());
      });
      const timer = setTimeout(() => { mo.disconnect(); reject(new Error(`timed out: ${n} rows in ${label}`)); }, timeoutMs);
      mo.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    b.pending.catch(() => {});
  };
  /** The API requests started since `since`: path, and start and end from `since`. */
  b.requests = (origin, since) =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.name.startsWith(origin) && e.startTime >= since)
      .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime - since, end: e.responseEnd - since }));
}

// ------------------------------------------------------------------ from Node

/** One sample: arms the waiter, clicks, returns the total and the server's part. */
async function sample(page, list, click, notFirst, origin) {
  await page.evaluate(() => performance.clearResourceTimings());
  await page.evaluate(([l, n, f]) => window.__acc.arm(l, n, f, 120_000), [list.table, PAGE_SIZE, notFirst]);
  await click();
  const end = await page.evaluate(() => window.__acc.pending);
  const start = await page.evaluate(() => window.__acc.lastClick);
  const total = end - start;
  const reqs = await page.evaluate(([o, s]) => window.__acc.requests(o, s), [origin, start]);
  const mine = reqs.filter((r) => r.path.endsWith(list.request) && r.end > 0 && r.end <= total);
  const last = mine.at(-1);
  const server = last ? last.end - last.start : 0;
  // The console's time split: click → its request starts, and answer → rows shown.
  const split = last ? { beforeRequest: last.start, afterResponse: total - last.end } : {};
  return { total, server, beyond: total - server, ...split, requests: reqs.map((r) => r.path) };
}

async function open(page, list, ids, origin) {
  await page.evaluate(showLink, '/clients');
  await page.locator('#bench-link').click();
  await page.locator('table[aria-label="Clients"] tbody tr').first().waitFor({ timeout: 60_000 });
  await pause(300);
  await page.evaluate(showLink, `${list.path(ids)}?size=${PAGE_SIZE}`);
  return sample(page, list, () => page.locator('#bench-link').click(), null, origin);
}

async function next(page, list, origin) {
  const before = await page.evaluate((l) => window.__acc.first(l), list.table);
  const button = page.getByRole('button', { name: 'Next page', exact: true }).first();
  return sample(page, list, () => button.click(), before, origin);
}

async function run(o) {
  const origin = new URL(env('SANDBOX_URL')).origin;
  env('CONSOLE_URL');
  const { token, tenantId } = await apiSignIn();
  const groups = await api(token, 'POST', '/authsec/uflow/admin/groups/list', { tenant_id: tenantId });
  const everyone = groups.body.groups.find((g) => g.group.name === EVERYONE);
  if (!everyone) throw new Error(`no group "${EVERYONE}": start the sandbox with --access-rows ${o.size}`);
  const ids = { everyone: everyone.group.id };
  const browser = await loadChromium().launch({ executablePath: CHROMIUM_BIN, headless: true, args: LAUNCH_ARGS });
  const records = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'UTC' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await signInPlain(page, '/clients');
    await page.evaluate(installProbes);
    for (const list of LISTS) {
      for (const [metric, once] of [['open', () => open(page, list, ids, origin)], ['next', () => next(page, list, origin)]]) {
        const samples = [];
        for (let i = 0; i <= o.runs; i++) {
          const s = await once();
          if (i > 0) samples.push(s);
          await pause(200);
        }
        const r = { area: 'access', size: o.size, list: list.name, metric, samples, chromium: browser.version() };
        records.push(r);
        const med = (k) => medianOr(samples.map((s) => s[k]));
        console.log(`${o.size} ${list.name} ${metric}: median ${med('total')} ms, beyond the server ${med('beyond')} ms (click → request ${med('beforeRequest')}, answer → rows ${med('afterResponse')})`);
      }
    }
  } finally {
    await browser.close();
  }
  return records;
}

// ------------------------------------------------------------------ the report

const readRaw = (file) =>
  file && fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)) : [];

function markdown(records) {
  const lines = [
    '# Access lists benchmark',
    '',
    `Written by \`./scripts/bench --areas access\` (bench/access.mjs) on ${new Date().toISOString()}.`,
    `Headless Chromium ${records[0]?.chromium || '?'}, Node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model || '?'}).`,
    'Times in milliseconds, in the page (performance.now()), median of the runs after one warm-up.',
    `"open": a click on an in-app link from /clients to the list at ?size=${PAGE_SIZE} → ${PAGE_SIZE} rows rendered;`,
    '"server": that click\'s list request, Resource Timing responseEnd − startTime (AuthSec answers the',
    'whole list: N roles, N groups with their members, or every group with the N members);',
    '"beyond the server" = total − server: the console\'s routing, decoding, sorting, paging and',
    `rendering. "next": "Next page" → the next ${PAGE_SIZE} rows (no request: the console pages).`,
    '"click → request" and "answer → rows" split "beyond the server" (medians).',
    'The bar (issue 17): ≤ 100 ms beyond the server for both.',
    '',
    '| rows | list | metric | total: median | min | max | server: median | beyond the server: median | min | max | click → request | answer → rows | runs |',
    '|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of records) {
    const t = r.samples.map((s) => s.total);
    const b = r.samples.map((s) => s.beyond);
    lines.push(`| ${r.size} | ${r.list} | ${r.metric} | ${fmt(median(t))} | ${fmt(Math.min(...t))} | ${fmt(Math.max(...t))} | ${medianOr(r.samples.map((s) => s.server))} | ${fmt(median(b))} | ${fmt(Math.min(...nums(b)))} | ${fmt(Math.max(...nums(b)))} | ${medianOr(r.samples.map((s) => s.beforeRequest))} | ${medianOr(r.samples.map((s) => s.afterResponse))} | ${t.length} |`);
  }
  return lines.join('\n') + '\n';
}

const o = parseArgs(process.argv.slice(2));
const records = await run(o);
if (o.raw) fs.appendFileSync(o.raw, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
const all = o.raw ? readRaw(o.raw) : records;
const report = markdown(all);
if (o.out) fs.writeFileSync(o.out, report);
console.log(report);
