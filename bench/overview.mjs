#!/usr/bin/env node
// Benchmark of the overview at `/` (not a test: nothing passes or fails).
//
// Against a running console (CONSOLE_URL, release build behind nginx) and sandbox
// (SANDBOX_URL, started with --clients N --users N), in headless Chromium as
// plain@acme.test, measured in the page with performance.now(), a MutationObserver and
// Resource Timing. One sample: from /clients, a click on an in-app link to `/` → every
// card of the overview shows its figure and nothing on the page is loading any more.
// Per sample:
//   first     click → the first card's figure is in the DOM
//   all       click → every card's figure is in the DOM
//   slowest   click → the end of the slowest API response the page asked for
//   first − slowest   negative when the first figure came before the slowest answer
//   per card  its figure − the end of its own requests' last response ("beyond its
//             requests": decoding and drawing; the bar is ≤ 100 ms) — the cards' own
//             requests are matched by path (see CARDS)
// One warm-up sample (not counted), then --runs samples.
//
// Usage (./scripts/bench runs it for each size):
//   CONSOLE_URL=… SANDBOX_URL=… node bench/overview.mjs --size 100000 [--runs 7]
//     [--raw FILE.jsonl] [--out bench/overview-results.md]

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LAUNCH_ARGS, signInPlain } from '../tests/e2e/helpers.mjs';
import { env, fmt, loadChromium, median, pause, showLink } from './lib.mjs';

const CHROMIUM_BIN = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

/** Each card (its region's name) and the API paths its figure waits for. The End users
 *  card's two counts and the second-factor share's pages go to the same POST route
 *  (the body tells them apart, which Resource Timing does not show): the card's are the
 *  first two started, since the card asks first. */
const CARDS = {
  'End users': (u) => u.pathname.endsWith('/user/enduser/list'),
  Clients: (u) => u.pathname.endsWith('/clients/getClients') && u.search !== '',
  Admins: (u) => u.pathname.endsWith('/admin/users/list') || u.pathname.endsWith('/admin/mfa/loginStatus'),
  'Pending invitations': (u) => u.pathname.endsWith('/admin/invite/pending'),
  Groups: (u) => u.pathname.endsWith('/admin/groups/list'),
  Roles: (u) => u.pathname.endsWith('/admin/roles'),
  Domains: (u) => u.pathname.endsWith('/domains'),
};

/** The command line, read by Node's own parser. */
function options() {
  const { values: v } = parseArgs({
    options: { runs: { type: 'string', default: '7' }, size: { type: 'string' }, raw: { type: 'string' }, out: { type: 'string' } },
  });
  const o = { runs: Number(v.runs), warmup: 1, size: Number(v.size), raw: v.raw && path.resolve(v.raw), out: v.out && path.resolve(v.out) };
  if (!(Number.isInteger(o.size) && o.size > 0)) throw new Error('--size N is required');
  if (!(Number.isInteger(o.runs) && o.runs > 0)) throw new Error('--runs must be a positive integer');
  return o;
}

// ------------------------------------------------------------------ in the page

function installProbes(cards) {
  if (window.__ov) return;
  const o = { lastClick: 0 };
  window.__ov = o;
  performance.setResourceTimingBufferSize(10_000);
  document.addEventListener('click', () => { o.lastClick = performance.now(); }, true);
  /** Resolves once every card has its figure and nothing loads: each card's time. */
  o.arm = (timeoutMs) => {
    o.pending = new Promise((resolve, reject) => {
      const seen = {};
      const check = () => {
        if (location.pathname !== '/') return false;
        for (const name of cards) {
          const sec = document.querySelector(`main section[aria-label="${name}"]`);
          if (seen[name] || !sec) continue;
          if (sec.querySelector('.stat__n')) seen[name] = performance.now();
          else if (sec.querySelector('[role="alert"], .alert')) seen[name] = Number.NaN;
        }
        return cards.every((n) => n in seen) && !document.querySelector('main .skeleton-table');
      };
      const mo = new MutationObserver(() => {
        if (!check()) return;
        mo.disconnect();
        clearTimeout(timer);
        resolve({ t: performance.now(), seen });
      });
      const timer = setTimeout(() => { mo.disconnect(); reject(new Error(`timed out; figures: ${JSON.stringify(seen)}`)); }, timeoutMs);
      mo.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    o.pending.catch(() => {});
  };
  /** The API requests started at or after `since`, times relative to it. */
  o.requests = (origin, since) =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.name.startsWith(origin) && e.startTime >= since)
      .map((e) => ({ url: e.name, start: e.startTime - since, end: e.responseEnd - since }));
}

// ------------------------------------------------------------------ in Node

async function signIn(page) {
  await signInPlain(page, '/clients');
  await page.evaluate(installProbes, Object.keys(CARDS));
}

/** One sample: /clients → click on a link to `/` → every figure drawn. */
async function sample(page, origin) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients', exact: true }).click();
  await page.locator('table[aria-label="Clients"] tbody tr').first().waitFor({ timeout: 120_000 });
  await pause(300);
  await page.evaluate(() => performance.clearResourceTimings());
  await page.evaluate(showLink, '/');
  await page.evaluate(() => window.__ov.arm(300_000));
  await page.locator('#bench-link').click();
  const done = await page.evaluate(() => window.__ov.pending);
  const t0 = await page.evaluate(() => window.__ov.lastClick);
  const reqs = await page.evaluate(([o, s]) => window.__ov.requests(o, s), [origin, t0]);
  const cards = {};
  for (const [name, ours] of Object.entries(CARDS)) {
    const at = done.seen[name] - t0;
    if (!Number.isFinite(at)) throw new Error(`the ${name} card failed to load`);
    let own = reqs.filter((r) => ours(new URL(r.url))).sort((x, y) => x.start - y.start);
    if (name === 'End users') own = own.slice(0, 2);
    if (!own.length) throw new Error(`no request of the ${name} card was seen`);
    const ownEnd = Math.max(...own.map((r) => r.end));
    cards[name] = { at, ownEnd, beyond: at - ownEnd };
  }
  const times = Object.values(cards).map((c) => c.at);
  const first = Math.min(...times);
  const slowest = Math.max(...reqs.map((r) => r.end));
  return { first, all: Math.max(...times), slowest, firstVsSlowest: first - slowest, cards, requests: reqs.length };
}

function markdown(records, meta) {
  const lines = [
    '# Overview benchmark',
    '',
    `Written by \`./scripts/bench\` (bench/overview.mjs) on ${new Date().toISOString()}.`,
    `Headless Chromium ${meta.chromium || '?'}, Node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model || '?'}).`,
    'Milliseconds from the click on an in-app link to `/` (from /clients), medians of the runs',
    'after one warm-up; in the page with performance.now(), a MutationObserver and Resource',
    'Timing (responseEnd). See the head of bench/overview.mjs.',
    '',
    '| clients & users | first figure | every figure | slowest response | first − slowest | requests | runs |',
    '|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of records) {
    const m = (k) => fmt(median(r.samples.map((s) => s[k])));
    lines.push(`| ${r.size} | ${m('first')} | ${m('all')} | ${m('slowest')} | ${m('firstVsSlowest')} | ${median(r.samples.map((s) => s.requests))} | ${r.samples.length} |`);
  }
  lines.push('', 'Each card: when its figure was drawn, when its own last response ended, the difference', '(the console\'s decoding and drawing, and waiting for a main thread busy with another card; bar ≤ 100 ms).', '');
  lines.push('| clients & users | card | figure at | its responses end | beyond its requests (median) | max |', '|---:|---|---:|---:|---:|---:|');
  for (const r of records) {
    for (const name of Object.keys(CARDS)) {
      const c = r.samples.map((s) => s.cards[name]);
      const m = (k) => fmt(median(c.map((x) => x[k])));
      lines.push(`| ${r.size} | ${name} | ${m('at')} | ${m('ownEnd')} | ${m('beyond')} | ${fmt(Math.max(...c.map((x) => x.beyond)))} |`);
    }
  }
  return lines.join('\n') + '\n';
}

async function main() {
  const o = options();
  const chromium = loadChromium();
  const browser = await chromium.launch({ executablePath: CHROMIUM_BIN, headless: true, args: LAUNCH_ARGS, timeout: 60_000 });
  const origin = new URL(env('SANDBOX_URL')).origin;
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'UTC' });
    context.setDefaultTimeout(120_000);
    const page = await context.newPage();
    await signIn(page);
    const all = [];
    for (let i = 0; i < o.warmup + o.runs; i++) {
      const s = await sample(page, origin);
      all.push(s);
      console.log(`${o.size}: first ${fmt(s.first)} ms, every ${fmt(s.all)} ms, slowest response ${fmt(s.slowest)} ms; beyond: ${Object.entries(s.cards).map(([k, c]) => `${k} ${fmt(c.beyond)}`).join(', ')}`);
    }
    const record = { area: 'overview', size: o.size, samples: all.slice(o.warmup) };
    const meta = { chromium: browser.version() };
    if (o.raw) fs.appendFileSync(o.raw, `${JSON.stringify({ ...record, meta })}\n`);
    const records = o.raw
      ? fs.readFileSync(o.raw, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((r) => r.area === 'overview')
      : [record];
    if (o.out) fs.writeFileSync(o.out, markdown(records, meta));
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
