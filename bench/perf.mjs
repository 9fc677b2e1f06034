#!/usr/bin/env node
// First load, time to an interactive sign-in form, and memory over many route
// changes (a measurement, not a test: nothing passes or fails).
//
// Against a running console (CONSOLE_URL, the release build behind nginx) and sandbox
// (SANDBOX_URL), in headless Chromium:
//   bytes   a fresh browser context per run (empty cache) opens CONSOLE_URL/login;
//           every request sent before the email input `input[autocomplete=username]`
//           exists and is enabled is summed by type (html, js, wasm, css, json, other):
//           on the wire (CDP Network.loadingFinished encodedDataLength: headers +
//           compressed body), body only (Resource Timing encodedBodySize) and
//           decoded (decodedBodySize); with the Content-Encoding seen per type
//   signin  navigation start → that input is in the DOM and enabled (performance.now()
//           from a MutationObserver installed by an init script), and First
//           Contentful Paint; unthrottled, and with DevTools' "Slow 4G" network
//           (562.5 ms latency, 180,000 B/s down, 84,375 B/s up) plus 4× CPU slowdown
//   requests signed in, each area's first visit (cold cache): requests until the page
//           has drawn its data and none is open (code and API counted apart)
//   memory  signed in as plain@acme.test, every page opened once, then GC and
//           JS heap used (Runtime.getHeapUsage) + wasm linear memory (the app's own
//           WebAssembly.Memory, buffer.byteLength: see wasmMemory below); then
//           --changes (500) route changes by clicking the Main navigation's links in
//           turn, each waited for until the page has rendered; then GC and the same
//           readings again (one run)
// bytes and signin: one warm-up run per profile (not counted), then --runs runs
// (default 7); the median, min and max are reported.
//
// Usage (./scripts/bench --areas perf runs it):
//   CONSOLE_URL=http://localhost:8080 SANDBOX_URL=http://127.0.0.1:8787 \
//     node bench/perf.mjs [--runs 7] [--warmup 1] [--changes 500] [--parts load,requests,memory]
//       [--wasm-memory exports|query-objects] [--raw FILE.jsonl] [--out bench/RESULTS.md]
//   node bench/perf.mjs --report-only --raw FILE.jsonl --out bench/RESULTS.md
// --raw appends this run's records (JSON lines); --out writes the Markdown report from
// the last run in --raw (or from this run alone), with the clients and users list
// tables (bench/results.md, bench/users-results.md) embedded when
// target/bench-logs/results.jsonl / users.jsonl are non-empty (same scripts/bench run).
// --report-only: no browser; rewrites --out from --raw and prints the tables.
// --parts: only some of it (load = bytes and sign-in times; requests = each area's first visit; memory). --wasm-memory:
// how the wasm memory is read (exports, the default, or query-objects; see below).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
// The same Chromium flags as the end-to-end tests.
import { ACCOUNTS, LAUNCH_ARGS, PASSWORD, submitCode, watchRequests } from '../tests/e2e/helpers.mjs';
import { loadChromium, median } from './lib.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');

const ACCOUNT = ACCOUNTS.plain;

const WORKSPACE = 'acme';
const CHROMIUM_BIN = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const EMAIL_INPUT = 'input[autocomplete=username]';

// The first-load budget, and AuthSec's own UI's first load, for comparison.
const BUDGET_BR = 130_000;
const AUTHSEC_UI_BR = 577_550;
const AUTHSEC_UI_RAW = 2_907_403;

// Chromium DevTools' "Slow 4G" preset (front_end/core/sdk/NetworkManager.ts) and 4× CPU.
const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75, // 562.5 ms
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9, // 180,000 B/s
  uploadThroughput: ((750 * 1000) / 8) * 0.9, // 84,375 B/s
};
const CPU_SLOWDOWN = 4;
const PROFILES = {
  none: { label: 'no throttling', network: null, cpu: 1 },
  slow4g: { label: `Slow 4G + ${CPU_SLOWDOWN}× CPU slowdown`, network: SLOW_4G, cpu: CPU_SLOWDOWN },
};
const TYPES = ['html', 'js', 'wasm', 'css', 'json', 'other'];
// Memory run: a GC'd reading every CHECKPOINT route changes, to show the trend.
const CHECKPOINT = 100;

// The Main navigation (src/pages/shell/nav.rs, admin order) and what each page shows
// once rendered. `ready` must match inside <main> besides the heading.
const NAV = [
  { link: 'Clients', path: '/clients', h1: 'Clients', ready: 'table[aria-label="Clients"] tbody tr, .empty' },
  { link: 'Users', path: '/users', h1: 'Users', ready: 'table[aria-label="End users"] tbody tr, .empty' },
  { link: 'Applications', path: '/apps', h1: 'Applications', ready: 'table[aria-label="Applications"], .empty, .alert--info' },
  { link: 'Sessions', path: '/sessions', h1: 'Sessions', ready: 'table[aria-label="Your sessions"], .alert--info' },
  { link: 'API keys', path: '/api-keys', h1: 'API keys', ready: 'table[aria-label="API keys"], .empty, .alert--info' },
  { link: 'Security', path: '/account/security', h1: 'Security', ready: 'ul.overview' },
];
// Pages reached from a list's "New …" button (warm-up only: their chunks' code).
const NEW_PAGES = {
  '/clients': { link: 'New client', scope: 'main', path: '/clients/new', h1: 'New client', ready: 'form' },
  '/users': { link: 'New user', scope: 'main', path: '/users/new', h1: 'New user', ready: 'form' },
};

// The lists' benchmarks of the same scripts/bench run, embedded in the report.
const LISTS = [
  { title: 'Clients list (bench/clients.mjs)', raw: 'target/bench-logs/results.jsonl', md: 'bench/results.md' },
  { title: 'Users area (bench/users.mjs)', raw: 'target/bench-logs/users.jsonl', md: 'bench/users-results.md' },
  { title: 'Lighthouse (bench/lighthouse.mjs)', raw: 'target/bench-logs/lighthouse.jsonl', md: 'bench/lighthouse.md' },
];
// Written by the benchmarks themselves: not counted when telling whether the tree is dirty.
const OWN_OUTPUTS = ['bench/RESULTS.md', 'bench/results.md', 'bench/users-results.md', 'bench/lighthouse.md'];

// ------------------------------------------------------------------ arguments

function parseArgs(argv) {
  const o = { runs: 7, warmup: 1, changes: 500, wasmMemory: 'exports', parts: ['load', 'requests', 'memory'], raw: null, out: null, reportOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--runs') o.runs = Number(val());
    else if (a === '--warmup') o.warmup = Number(val());
    else if (a === '--changes') o.changes = Number(val());
    else if (a === '--wasm-memory') o.wasmMemory = val();
    else if (a === '--parts') o.parts = val().split(',').map((x) => x.trim()).filter(Boolean);
    else if (a === '--raw') o.raw = path.resolve(val());
    else if (a === '--out') o.out = path.resolve(val());
    else if (a === '--report-only') o.reportOnly = true;
    else if (a === '-h' || a === '--help') {
      process.stdout.write(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 38).join('\n') + '\n');
      process.exit(0);
    } else throw new Error(`unknown argument: ${a}`);
  }
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new Error('--runs must be a positive integer');
  if (!o.reportOnly && o.runs < 5) console.warn(`note: --runs ${o.runs}: fewer than 5 runs per median (fine for a trial)`);
  if (!Number.isInteger(o.warmup) || o.warmup < 0) throw new Error('--warmup must be 0 or more');
  if (!Number.isInteger(o.changes) || o.changes < 1) throw new Error('--changes must be a positive integer');
  if (!o.parts.length || o.parts.some((x) => !['load', 'requests', 'memory'].includes(x))) throw new Error('--parts is a comma list of load, requests, memory');
  if (!['exports', 'query-objects'].includes(o.wasmMemory)) throw new Error('--wasm-memory is exports or query-objects');
  if (o.reportOnly && !o.raw) throw new Error('--report-only needs --raw');
  return o;
}

function env(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (run ./scripts/bench --areas perf, or set CONSOLE_URL and SANDBOX_URL)`);
  return v.replace(/\/+$/, '');
}

// ------------------------------------------------------------------ statistics and formatting

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs.length });
const ms = (x) => (Math.round(x * 10) / 10).toFixed(1);
const int = (x) => Math.round(x).toLocaleString('en-US');
const pct = (x, of) => `${((100 * x) / of).toFixed(1)} %`;
const mib = (x) => `${(x / 1024 / 1024).toFixed(2)} MiB`;
const signed = (x, f) => (x > 0 ? `+${f(x)}` : x < 0 ? `−${f(-x)}` : f(0));

// ------------------------------------------------------------------ machine and build

function gitCommit() {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: REPO, encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.trim())
      .filter((l) => !OWN_OUTPUTS.includes(l.slice(3).trim()));
    return sha + (dirty.length ? '+dirty' : '');
  } catch (_) {
    return '?';
  }
}

function machine() {
  return {
    cpu: os.cpus()[0]?.model || '?',
    cores: os.cpus().length,
    memory: os.totalmem(),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
  };
}

// ------------------------------------------------------------------ first load

const typeOf = (mime, url) => {
  const m = (mime || '').toLowerCase();
  if (m.includes('html')) return 'html';
  if (m.includes('javascript') || /\.m?js$/.test(url)) return 'js';
  if (m.includes('wasm') || /\.wasm$/.test(url)) return 'wasm';
  if (m.includes('css') || /\.css$/.test(url)) return 'css';
  if (m.includes('json') || /\.json$/.test(url)) return 'json';
  return 'other';
};

/** Stamps, from before any page script runs, the moment the email input is there and enabled. */
function formProbe(selector) {
  const found = () => {
    const el = document.querySelector(selector);
    return !!el && !el.disabled;
  };
  window.__perfForm = new Promise((resolve) => {
    const mo = new MutationObserver(() => {
      if (found()) {
        const t = performance.now();
        mo.disconnect();
        resolve(t);
      }
    });
    // Observing the Document itself: at this point it has no <html> element yet.
    mo.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  });
}

/** One cold first load of /login in a fresh context: bytes by type, FCP and form time. */
async function firstLoad(browser, consoleUrl, profile) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'UTC' });
  try {
    const page = await context.newPage();
    const csp = [];
    const errors = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
    if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });

    const reqs = new Map();
    const req = (id) => {
      if (!reqs.has(id)) reqs.set(id, { id });
      return reqs.get(id);
    };
    cdp.on('Network.requestWillBeSent', (e) => {
      if (e.request.url.startsWith('data:')) return;
      Object.assign(req(e.requestId), { url: e.request.url, wallTime: e.wallTime, resourceType: e.type });
    });
    cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
      const h = Object.entries(e.headers || {}).find(([k]) => k.toLowerCase() === 'accept-encoding');
      if (h) req(e.requestId).acceptEncoding = h[1];
    });
    cdp.on('Network.responseReceived', (e) => {
      const h = Object.entries(e.response.headers || {}).find(([k]) => k.toLowerCase() === 'content-encoding');
      Object.assign(req(e.requestId), {
        mime: e.response.mimeType,
        status: e.response.status,
        encoding: h ? h[1] : 'none',
        protocol: e.response.protocol,
        fromCache: !!(e.response.fromDiskCache || e.response.fromServiceWorker || e.response.fromPrefetchCache),
      });
    });
    cdp.on('Network.loadingFinished', (e) => {
      Object.assign(req(e.requestId), { wire: e.encodedDataLength, done: true });
    });
    cdp.on('Network.loadingFailed', (e) => {
      Object.assign(req(e.requestId), { failed: e.errorText, wire: 0, done: true });
    });

    await page.addInitScript(formProbe, EMAIL_INPUT);
    await page.goto(`${consoleUrl}/login`, { waitUntil: 'commit', timeout: 120_000 });
    const form = await Promise.race([
      page.evaluate(() => window.__perfForm),
      new Promise((_, reject) => setTimeout(() => reject(new Error('the sign-in form did not appear within 120 s')), 120_000)),
    ]);
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    const cutoff = timeOrigin + form; // epoch ms

    // Everything asked for before the form was there; wait for those still loading.
    const counted = () => [...reqs.values()].filter((r) => r.url && r.wallTime * 1000 <= cutoff + 0.5);
    const deadline = Date.now() + 60_000;
    while (counted().some((r) => !r.done) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const list = counted();
    if (list.some((r) => !r.done)) console.warn(`warning: requests still loading after 60 s: ${list.filter((r) => !r.done).map((r) => r.url)}`);
    // What the page still asks for once the form is there (the favicon, depending on
    // timing): not counted, listed. Until nothing is in flight for 500 ms (at most 10 s).
    const idleBy = Date.now() + 10_000;
    let seen = reqs.size;
    let quietSince = Date.now();
    while (Date.now() < idleBy) {
      if (reqs.size !== seen || [...reqs.values()].some((r) => r.url && !r.done)) {
        seen = reqs.size;
        quietSince = Date.now();
      } else if (Date.now() - quietSince >= 500) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const late = [...reqs.values()]
      .filter((r) => r.url && !list.includes(r))
      .map((r) => ({ url: new URL(r.url).pathname, type: typeOf(r.mime, r.url), wire: r.wire || 0 }));

    const timing = await page.evaluate(() => ({
      nav: performance.getEntriesByType('navigation').map((e) => ({ url: e.name, start: 0, body: e.encodedBodySize, decoded: e.decodedBodySize })),
      res: performance.getEntriesByType('resource').map((e) => ({ url: e.name, start: e.startTime, body: e.encodedBodySize, decoded: e.decodedBodySize })),
      fcp: performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? null,
    }));
    const entries = [...timing.nav, ...timing.res.filter((e) => e.start <= form)];

    const blank = () => Object.fromEntries(TYPES.map((t) => [t, 0]));
    const bytes = { wire: blank(), body: blank(), decoded: blank(), requests: blank() };
    const encodings = Object.fromEntries(TYPES.map((t) => [t, []]));
    const acceptEncodings = new Set();
    const mimeByUrl = new Map();
    const requests = [];
    for (const r of list) {
      const type = typeOf(r.mime, r.url);
      mimeByUrl.set(r.url, r.mime);
      bytes.wire[type] += r.wire || 0;
      bytes.requests[type] += 1;
      if (!encodings[type].includes(r.encoding || 'none')) encodings[type].push(r.encoding || 'none');
      if (r.acceptEncoding) acceptEncodings.add(r.acceptEncoding);
      requests.push({ url: new URL(r.url).pathname, type, status: r.status, encoding: r.encoding, wire: r.wire || 0, fromCache: r.fromCache, failed: r.failed });
    }
    for (const e of entries) {
      const type = typeOf(mimeByUrl.get(e.url), e.url);
      bytes.body[type] += e.body;
      bytes.decoded[type] += e.decoded;
      const r = requests.find((x) => x.url === new URL(e.url).pathname && x.body === undefined);
      if (r) Object.assign(r, { body: e.body, decoded: e.decoded });
    }
    const build = requests.map((r) => r.url.match(/^\/assets\/([^/]+)\//)?.[1]).find(Boolean) || null;
    return { form, fcp: timing.fcp, bytes, encodings, acceptEncodings: [...acceptEncodings], requests, late, build, csp, errors };
  } finally {
    await context.close().catch(() => {});
  }
}

async function benchFirstLoad(browser, consoleUrl, o, key) {
  const profile = PROFILES[key];
  const out = [];
  for (let i = 0; i < o.warmup + o.runs; i++) {
    const r = await firstLoad(browser, consoleUrl, profile);
    const warm = i < o.warmup;
    const total = TYPES.reduce((s, t) => s + r.bytes.wire[t], 0);
    console.log(`${profile.label}${warm ? ' (warm-up)' : ''}: form ${ms(r.form)} ms, FCP ${r.fcp === null ? '?' : ms(r.fcp)} ms, ${int(total)} B on the wire in ${r.requests.length} requests`);
    if (r.csp.length) console.warn(`warning: CSP messages: ${JSON.stringify(r.csp)}`);
    if (r.errors.length) console.warn(`warning: page errors: ${JSON.stringify(r.errors)}`);
    if (!warm) out.push({ kind: 'load', profile: key, run: i - o.warmup + 1, ...r });
  }
  return out;
}

// ------------------------------------------------------------------ memory

/** In the page, once signed in: clicks a link and resolves when its page has rendered. */
function installNavProbe() {
  if (window.__perfNav) return;
  const main = () => document.querySelector('main');
  const busy = (m) =>
    !!m.querySelector('[aria-busy="true"], .chunk-loading') ||
    [...m.querySelectorAll('p.muted')].some((p) => /^Loading/.test((p.textContent || '').trim()));
  const failed = (m) =>
    [...m.querySelectorAll('[role="alert"]:not([hidden])')].find((a) => /could not be loaded/.test(a.textContent || ''));
  const rendered = (spec) => {
    const m = main();
    if (!m || location.pathname !== spec.path) return false;
    const h1 = m.querySelector('h1');
    if (!h1 || h1.textContent.trim() !== spec.h1) return false;
    const f = failed(m);
    if (f) throw new Error(`${spec.path}: ${f.textContent.trim()}`);
    return !busy(m) && !!m.querySelector(spec.ready);
  };
  /** Resolves {start, end} (performance.now()): the click, the first DOM change after which `spec` has rendered. */
  window.__perfNav = (spec, timeoutMs) =>
    new Promise((resolve, reject) => {
      const scope = document.querySelector(spec.scope || 'nav[aria-label="Main"]');
      const link = scope && [...scope.querySelectorAll('a')].find((a) => a.textContent.trim() === spec.link);
      if (!link) return reject(new Error(`no link "${spec.link}" in ${spec.scope || 'the Main navigation'} (at ${location.pathname})`));
      let start = 0;
      const done = (ok, val) => {
        mo.disconnect();
        clearTimeout(timer);
        ok ? resolve(val) : reject(val);
      };
      const check = () => {
        try {
          if (rendered(spec)) done(true, { start, end: performance.now() });
        } catch (e) {
          done(false, e);
        }
      };
      const mo = new MutationObserver(check);
      const timer = setTimeout(() => {
        mo.disconnect();
        const m = main();
        reject(new Error(`timed out: ${spec.path} not rendered after ${timeoutMs} ms (at ${location.pathname}, h1 "${m?.querySelector('h1')?.textContent ?? ''}")`));
      }, timeoutMs);
      mo.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-busy', 'class', 'hidden'] });
      start = performance.now();
      link.click();
      check();
    });
}

async function go(page, spec) {
  return page.evaluate(([s]) => window.__perfNav(s, 60_000), [spec]);
}

// The wasm linear memory, read without changing the app. Two ways:
//   exports        (default) the page's own wasm-bindgen module: import() of the main.js
//                  the inline loader imported returns the same module instance (the
//                  document's module map), whose initSync() returns the existing
//                  instance's exports (it only instantiates when there is none, the way
//                  __wasm_split.js reaches them), so `.memory.buffer.byteLength`;
//                  no request, no new instance.
//   query-objects  every WebAssembly.Memory on the heap: Runtime.queryObjects with
//                  WebAssembly.Memory.prototype, then buffer.byteLength of each. It
//                  crashes the renderer on this app with Chromium 156 (see bench/README.md),
//                  so it is only used when asked for.
const WASM_BY_EXPORTS = `(async () => {
  const spec = [...document.querySelectorAll('script[type=module]:not([src])')]
    .map((s) => (s.textContent.match(/(?:from\\s*|import\\()"([^"]*main\\.js)"/) || [])[1])
    .find(Boolean);
  if (!spec) throw new Error('no inline module script importing main.js');
  const exports = (await import(new URL(spec, location.href).href)).initSync();
  if (!(exports && exports.memory instanceof WebAssembly.Memory)) throw new Error('main.js exports no memory');
  return [exports.memory.buffer.byteLength];
})()`;

async function wasmMemory(cdp, method) {
  if (method === 'exports') {
    const r = await cdp.send('Runtime.evaluate', { expression: WASM_BY_EXPORTS, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(`wasm memory: ${r.exceptionDetails.exception?.description || r.exceptionDetails.text}`);
    return r.result.value;
  }
  const group = 'authsec-perf';
  try {
    const proto = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype', objectGroup: group });
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId, objectGroup: group });
    const sizes = await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objectId,
      functionDeclaration: 'function(){ return this.map(m => m.buffer.byteLength) }',
      returnByValue: true,
    });
    return sizes.result.value || [];
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: group }).catch(() => {});
  }
}

/** GC (twice), then JS heap, wasm linear memory and DOM counters. */
async function readMemory(cdp, method) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await wasmMemory(cdp, method);
  const dom = await cdp.send('Memory.getDOMCounters').catch(() => ({}));
  return {
    jsUsed: heap.usedSize,
    jsTotal: heap.totalSize,
    ...(heap.embedderHeapUsedSize !== undefined ? { embedderUsed: heap.embedderHeapUsedSize } : {}),
    ...(heap.backingStorageSize !== undefined ? { backingStorage: heap.backingStorageSize } : {}),
    wasm: wasm.reduce((a, b) => a + b, 0),
    wasmMemories: wasm,
    domNodes: dom.nodes,
    documents: dom.documents,
    listeners: dom.jsEventListeners,
  };
}

/** Signs in with the form and waits for the clients list (the session lives in
 *  memory: no reload after this). */
async function signIn(page, consoleUrl) {
  // Asked for /clients, the console signs in first and comes back to it.
  await page.goto(`${consoleUrl}/clients`, { waitUntil: 'load' });
  await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
  const ws = page.getByLabel('Workspace', { exact: true });
  if ((await ws.inputValue()) !== WORKSPACE) await ws.fill(WORKSPACE);
  await page.getByLabel('Email', { exact: true }).fill(ACCOUNT);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await submitCode(page, ACCOUNT); // the seeded account has an authenticator
  await page.waitForURL((u) => u.pathname === '/clients', { timeout: 30_000 });
  await page.locator('table[aria-label="Clients"] tbody tr').first().waitFor();
}

// ------------------------------------------------------------------ requests per area

// Each area's first visit after signing in (the sign-in lands on /clients, so its code is
// already there), in the Main navigation's order.
const AREAS = ['/', '/users', '/groups', '/access/roles', '/access/permissions', '/access/scopes', '/apps', '/sessions', '/api-keys', '/settings', '/account/security'];

/** Requests made by the first visit of each area, cold cache: everything asked from the
 *  click until the page has drawn its data and asks nothing more. */
async function benchRequests(browser, consoleUrl) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'UTC' });
  context.setDefaultTimeout(60_000);
  try {
    const page = await context.newPage();
    const { asked, quiet } = watchRequests(page);
    await signIn(page, consoleUrl);
    await quiet();
    const areas = [];
    for (const area of AREAS) {
      asked.length = 0;
      await page.evaluate((to) => {
        history.pushState(null, '', to);
        dispatchEvent(new PopStateEvent('popstate'));
      }, area);
      await page.locator('main h1').first().waitFor();
      await quiet();
      const code = asked.filter((u) => /\.(wasm|js|css)$/.test(new URL(u).pathname));
      areas.push({ area, requests: asked.length, code: code.length, api: asked.length - code.length });
      console.log(`first visit of ${area}: ${asked.length} requests (${code.length} code)`);
    }
    return { kind: 'requests', areas };
  } finally {
    await context.close().catch(() => {});
  }
}

async function benchMemory(browser, consoleUrl, changes, method) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'UTC' });
  context.setDefaultTimeout(60_000);
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');

    await signIn(page, consoleUrl);
    await page.evaluate(installNavProbe);

    // Warm-up: every page of the navigation and the two "New …" pages, ending on the
    // page the last measured change lands on, so that both readings are taken on the
    // same page (its DOM is part of what is measured).
    const lastIndex = (changes - 1) % NAV.length;
    // The cycle starts with NAV[0]: the warm-up must not end there (no route change).
    const home = lastIndex === 0 ? NAV[1] : NAV[lastIndex];
    const warm = [];
    for (const spec of [...NAV.slice(1), NAV[0], NEW_PAGES['/clients'], NAV[1], NEW_PAGES['/users'], home]) {
      await go(page, spec);
      warm.push(spec.path);
    }
    await new Promise((r) => setTimeout(r, 500));
    const before = await readMemory(cdp, method);
    console.log(`memory after the warm-up (${warm.join(' ')}): JS heap ${int(before.jsUsed)} B, wasm ${int(before.wasm)} B, ${before.domNodes} DOM nodes`);

    // Every CHECKPOINT changes: GC and a reading (not counted in the time).
    const checkpoints = [];
    const per = [];
    let totalMs = 0;
    for (let i = 0; i < changes; i++) {
      const spec = NAV[i % NAV.length];
      const t = performance.now();
      const r = await go(page, spec);
      totalMs += performance.now() - t;
      per.push(r.end - r.start);
      if ((i + 1) % CHECKPOINT === 0 && i + 1 < changes) {
        const m = await readMemory(cdp, method);
        checkpoints.push({ changes: i + 1, page: spec.path, jsUsed: m.jsUsed, wasm: m.wasm, domNodes: m.domNodes, listeners: m.listeners });
        console.log(`  ${i + 1} route changes (${ms(totalMs / 1000)} s): JS heap ${int(m.jsUsed)} B, wasm ${int(m.wasm)} B, ${m.domNodes} DOM nodes on ${spec.path}`);
      }
    }
    // Back to the warm-up's last page if the cycle ended elsewhere (not counted).
    if (NAV[(changes - 1) % NAV.length] !== home) await go(page, home);
    await new Promise((r) => setTimeout(r, 500));
    const after = await readMemory(cdp, method);
    console.log(`memory after ${changes} route changes: JS heap ${int(after.jsUsed)} B, wasm ${int(after.wasm)} B, ${after.domNodes} DOM nodes (${ms(totalMs / 1000)} s)`);
    if (errors.length) console.warn(`warning: page errors during the run: ${JSON.stringify(errors)}`);
    return {
      kind: 'memory',
      wasmMethod: method,
      changes,
      cycle: NAV.map((x) => x.link),
      warmup: warm,
      readingsOn: home.path,
      before,
      after,
      checkpoints,
      totalMs,
      perChange: { ...stats(per), p95: quantile(per, 0.95), sum: per.reduce((a, b) => a + b, 0) },
      errors,
    };
  } finally {
    await context.close().catch(() => {});
  }
}

// ------------------------------------------------------------------ the run

async function run(o) {
  const consoleUrl = env('CONSOLE_URL');
  const sandboxUrl = env('SANDBOX_URL');
  const chromium = loadChromium();
  const browser = await chromium.launch({ executablePath: CHROMIUM_BIN, headless: true, args: LAUNCH_ARGS, timeout: 60_000 });
  const session = new Date().toISOString();
  const records = [];
  try {
    records.push({
      kind: 'meta',
      session,
      date: session,
      commit: gitCommit(),
      machine: machine(),
      chromium: browser.version(),
      consoleUrl,
      sandboxUrl,
      runs: o.runs,
      warmup: o.warmup,
    });
    if (o.parts.includes('load')) for (const key of Object.keys(PROFILES)) records.push(...(await benchFirstLoad(browser, consoleUrl, o, key)));
    if (o.parts.includes('requests')) records.push(await benchRequests(browser, consoleUrl));
    if (o.parts.includes('memory')) {
      // A failure here keeps the first-load records (written, then exit 1).
      try {
        records.push(await benchMemory(browser, consoleUrl, o.changes, o.wasmMemory));
      } catch (e) {
        console.error(`the memory run failed: ${e && e.stack ? e.stack : e}`);
        process.exitCode = 1;
      }
    }
  } finally {
    await browser.close().catch(() => {});
  }
  const build = records.find((r) => r.build)?.build || null;
  records[0].build = build;
  return records.map((r) => ({ ...r, session }));
}

// ------------------------------------------------------------------ report

function readRaw(file) {
  if (!file || !fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/** The records of the last run in the file. */
function lastSession(records) {
  const metas = records.filter((r) => r.kind === 'meta');
  if (!metas.length) return [];
  const s = metas[metas.length - 1].session;
  return records.filter((r) => r.session === s);
}

function bytesSection(loads) {
  const sum = (run, what) => TYPES.reduce((s, t) => s + run.bytes[what][t], 0);
  const cell = (xs) => {
    const s = stats(xs);
    return s.min === s.max ? int(s.median) : `${int(s.median)} (${int(s.min)}–${int(s.max)})`;
  };
  const lines = [
    '| type | requests | wire B | body B | decoded B | Content-Encoding |',
    '|---|---:|---:|---:|---:|---|',
  ];
  for (const t of TYPES) {
    if (!loads.some((r) => r.bytes.requests[t] > 0)) continue;
    const enc = [...new Set(loads.flatMap((r) => r.encodings[t]))].join(', ') || '–';
    lines.push(
      `| ${t} | ${cell(loads.map((r) => r.bytes.requests[t]))} | ${cell(loads.map((r) => r.bytes.wire[t]))} | ${cell(loads.map((r) => r.bytes.body[t]))} | ${cell(loads.map((r) => r.bytes.decoded[t]))} | ${enc} |`,
    );
  }
  const totals = {
    requests: median(loads.map((r) => TYPES.reduce((s, t) => s + r.bytes.requests[t], 0))),
    wire: median(loads.map((r) => sum(r, 'wire'))),
    body: median(loads.map((r) => sum(r, 'body'))),
    decoded: median(loads.map((r) => sum(r, 'decoded'))),
  };
  lines.push(`| **total** | ${int(totals.requests)} | **${int(totals.wire)}** | **${int(totals.body)}** | ${int(totals.decoded)} | |`);
  return { table: lines.join('\n'), totals };
}

/** Requests sent after the form was there, in how many runs (not counted above). */
function lateLine(loads) {
  const by = new Map();
  for (const r of loads) {
    for (const l of new Map((r.late || []).map((x) => [x.url, x])).values()) {
      const e = by.get(l.url) || { ...l, runs: 0 };
      e.runs += 1;
      by.set(l.url, e);
    }
  }
  if (!by.size) return [];
  const items = [...by.values()].map((e) => `${e.url} (${e.type}, ${int(e.wire)} B wire) in ${e.runs} of ${loads.length} runs`);
  return [`Sent after the form was there, so not counted: ${items.join('; ')}.`, ''];
}

function requestsTable(run) {
  const lines = ['| request | type | status | Content-Encoding | wire B | body B | decoded B |', '|---|---|---:|---|---:|---:|---:|'];
  for (const r of run.requests) {
    const url = r.url.replace(/^\/assets\/[^/]+\//, '/assets/…/');
    lines.push(`| ${url}${r.fromCache ? ' (cache)' : ''}${r.failed ? ` (failed: ${r.failed})` : ''} | ${r.type} | ${r.status ?? ''} | ${r.encoding ?? ''} | ${int(r.wire)} | ${r.body === undefined ? '' : int(r.body)} | ${r.decoded === undefined ? '' : int(r.decoded)} |`);
  }
  return lines.join('\n');
}

function timingsTable(loads) {
  const lines = ['| profile | metric | median ms | min | max | runs |', '|---|---|---:|---:|---:|---:|'];
  for (const key of Object.keys(PROFILES)) {
    const runs = loads.filter((r) => r.profile === key);
    if (!runs.length) continue;
    const rows = [
      ['First Contentful Paint (the boot shell)', runs.map((r) => r.fcp).filter((x) => x !== null)],
      ['sign-in form interactive (email input in the DOM, enabled)', runs.map((r) => r.form)],
    ];
    for (const [metric, xs] of rows) {
      if (!xs.length) continue;
      const s = stats(xs);
      lines.push(`| ${PROFILES[key].label} | ${metric} | ${ms(s.median)} | ${ms(s.min)} | ${ms(s.max)} | ${s.runs} |`);
    }
  }
  return lines.join('\n');
}

function memoryTable(m) {
  const rows = [
    ['JS heap used (Runtime.getHeapUsage usedSize)', 'jsUsed', true],
    ['JS heap total (totalSize)', 'jsTotal', true],
    ['wasm linear memory (WebAssembly.Memory buffer.byteLength)', 'wasm', true],
    ['DOM nodes (Memory.getDOMCounters)', 'domNodes', false],
    ['JS event listeners', 'listeners', false],
    ['documents', 'documents', false],
  ];
  const lines = ['| measure | after the warm-up | after the route changes | growth |', '|---|---:|---:|---:|'];
  for (const [label, key, isBytes] of rows) {
    const a = m.before[key];
    const b = m.after[key];
    if (a === undefined || b === undefined) continue;
    const f = isBytes ? (x) => `${int(x)} B` : int;
    const g = isBytes && a > 0 ? ` (${signed(((b - a) / a) * 100, (x) => x.toFixed(1))} %)` : '';
    lines.push(`| ${label} | ${f(a)}${isBytes ? ` (${mib(a)})` : ''} | ${f(b)}${isBytes ? ` (${mib(b)})` : ''} | ${signed(b - a, f)}${g} |`);
  }
  return lines.join('\n');
}

function checkpointsTable(m) {
  if (!m.checkpoints?.length) return [];
  const lines = [
    `GC'd readings along the way (on whichever page the change landed; both rows above are on ${m.readingsOn || 'the same page'}):`,
    '',
    '| route changes | page | JS heap used B | wasm B | DOM nodes | JS event listeners |',
    '|---:|---|---:|---:|---:|---:|',
    `| 0 | ${m.readingsOn || ''} | ${int(m.before.jsUsed)} | ${int(m.before.wasm)} | ${m.before.domNodes ?? ''} | ${m.before.listeners ?? ''} |`,
  ];
  for (const c of m.checkpoints) lines.push(`| ${c.changes} | ${c.page} | ${int(c.jsUsed)} | ${int(c.wasm)} | ${c.domNodes ?? ''} | ${c.listeners ?? ''} |`);
  lines.push(`| ${m.changes} | ${m.readingsOn || ''} | ${int(m.after.jsUsed)} | ${int(m.after.wasm)} | ${m.after.domNodes ?? ''} | ${m.after.listeners ?? ''} |`);
  return [...lines, ''];
}

function listsSection() {
  const out = [];
  for (const l of LISTS) {
    const raw = path.join(REPO, l.raw);
    const md = path.join(REPO, l.md);
    if (!fs.existsSync(raw) || fs.statSync(raw).size === 0 || !fs.existsSync(md)) continue;
    // The file's text without its own title, its headings two levels down (under ###).
    const body = fs
      .readFileSync(md, 'utf8')
      .split('\n')
      .filter((line, i) => !(i === 0 && /^# /.test(line)))
      .map((line) => (/^#{1,4} /.test(line) ? `##${line}` : line))
      .join('\n')
      .trim();
    out.push(`### ${l.title}`, '', `From \`${l.md}\`:`, '', body, '');
  }
  return out;
}

function markdown(records) {
  const meta = records.find((r) => r.kind === 'meta') || {};
  const mc = meta.machine || {};
  const loads = records.filter((r) => r.kind === 'load');
  const none = loads.filter((r) => r.profile === 'none');
  const mem = records.find((r) => r.kind === 'memory');
  const out = [
    '# AuthSec Console: first load, sign-in time, memory and list benchmarks',
    '',
    `Written by \`./scripts/bench\` (bench/perf.mjs). See bench/README.md for what each figure means.`,
    '',
    `- date: ${meta.date || '?'}`,
    `- commit: ${meta.commit || '?'}${meta.build ? ` (dist/assets/${meta.build}/)` : ''}`,
    `- machine: ${mc.cpu || '?'}, ${mc.cores || '?'} core(s), ${mc.memory ? `${(mc.memory / 1024 ** 3).toFixed(1)} GiB` : '?'} memory, ${mc.os || '?'}`,
    `- browser: headless Chromium ${meta.chromium || '?'} (playwright-core), Node ${mc.node || '?'}`,
    `- runs: ${meta.warmup ?? '?'} warm-up + ${meta.runs ?? '?'} measured per profile (fresh browser context, empty cache, each run)`,
    '',
  ];

  if (none.length) {
    const { table, totals } = bytesSection(none);
    const ae = [...new Set(none.flatMap((r) => r.acceptEncodings || []))].join('; ') || '?';
    out.push(
      '## First load: bytes until the sign-in form',
      '',
      'Everything requested from navigation start until the email input is in the DOM and enabled, on',
      '/login, unthrottled. wire = CDP `Network.loadingFinished` encodedDataLength (response headers',
      'and compressed body); body = Resource Timing `encodedBodySize` (compressed body only);',
      'decoded = `decodedBodySize` (after decompression). Median of the runs (min–max when they differ).',
      `Request \`Accept-Encoding\`: ${ae}.`,
      '',
      table,
      '',
      `**Budget: ${int(BUDGET_BR)} B brotli.** This first load: ${int(totals.body)} B of compressed bodies = ${pct(totals.body, BUDGET_BR)} of the budget`,
      `(${int(totals.wire)} B on the wire with headers = ${pct(totals.wire, BUDGET_BR)}).`,
      `AuthSec's own UI: ${int(AUTHSEC_UI_BR)} B brotli first load → this is ${pct(totals.body, AUTHSEC_UI_BR)} of it;`,
      `${int(AUTHSEC_UI_RAW)} B raw → this is ${pct(totals.body, AUTHSEC_UI_RAW)} of it (decoded, ${int(totals.decoded)} B = ${pct(totals.decoded, AUTHSEC_UI_RAW)} of its raw size).`,
      '',
      ...lateLine(none),
      '<details><summary>Requests of the last run</summary>',
      '',
      requestsTable(none[none.length - 1]),
      '',
      '</details>',
      '',
    );
  }

  if (loads.length) {
    out.push(
      '## Time to an interactive sign-in form',
      '',
      'From navigation start (performance.timeOrigin) to the first DOM change after which',
      '`input[autocomplete=username]` exists and is enabled (a MutationObserver installed by an init',
      'script), and First Contentful Paint (`performance.getEntriesByType("paint")`). Cold cache,',
      `fresh context per run. Slow 4G = DevTools' preset: latency ${SLOW_4G.latency} ms, down ${int(SLOW_4G.downloadThroughput)} B/s,`,
      `up ${int(SLOW_4G.uploadThroughput)} B/s (\`Network.emulateNetworkConditions\`), plus \`Emulation.setCPUThrottlingRate\` ${CPU_SLOWDOWN}.`,
      '',
      timingsTable(loads),
      '',
    );
  }

  const req = records.find((r) => r.kind === 'requests');
  if (req) {
    out.push(
      '## Requests of each area\'s first visit',
      '',
      'Signed in (the sign-in lands on /clients), cold cache, each area opened once in this order: everything',
      'requested from the route change until the page has drawn its data and no request is open. Code =',
      '.wasm, .js and .css; API = the rest. Bar: at most 20 requests.',
      '',
      '| area | requests | code | API |',
      '|---|---:|---:|---:|',
      ...req.areas.map((a) => `| ${a.area} | ${a.requests} | ${a.code} | ${a.api} |`),
      '',
      `Most: ${Math.max(...req.areas.map((a) => a.requests))} requests.`,
      '',
    );
  }

  if (mem) {
    out.push(
      `## Memory after ${mem.changes} route changes`,
      '',
      `Signed in as ${ACCOUNT}; warm-up: ${mem.warmup.join(', ')}; then ${mem.changes} clicks on the Main`,
      `navigation's links in turn (${mem.cycle.join(' → ')} → …), each waited for until the page's heading and`,
      `content are rendered and nothing is loading. Both readings on ${mem.readingsOn || 'the same page'}, after \`HeapProfiler.collectGarbage\`; the wasm`,
      mem.wasmMethod === 'query-objects'
        ? 'memory is every `WebAssembly.Memory` found by `Runtime.queryObjects` (one run, not a median).'
        : "memory is the app's exported `WebAssembly.Memory` (main.js's exports, see bench/README.md; one run, not a median).",
      '',
      memoryTable(mem),
      '',
      `${mem.changes} route changes took ${ms(mem.totalMs / 1000)} s in all (the driver's round trips included, the readings not);`,
      `click → rendered per change: median ${ms(mem.perChange.median)} ms, p95 ${ms(mem.perChange.p95)} ms, min ${ms(mem.perChange.min)} ms,`,
      `max ${ms(mem.perChange.max)} ms (sum ${ms(mem.perChange.sum / 1000)} s).${mem.errors?.length ? ` Page errors: ${mem.errors.length}.` : ''}`,
      '',
      ...checkpointsTable(mem),
    );
  }

  const lists = listsSection();
  if (lists.length) out.push('## Clients and users lists', '', ...lists);
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

function summary(records) {
  const loads = records.filter((r) => r.kind === 'load');
  const none = loads.filter((r) => r.profile === 'none');
  const mem = records.find((r) => r.kind === 'memory');
  const out = [];
  if (none.length) out.push(bytesSection(none).table, '');
  if (loads.length) out.push(timingsTable(loads), '');
  if (mem) out.push(memoryTable(mem), '');
  return out.join('\n');
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  let records;
  if (o.reportOnly) {
    records = lastSession(readRaw(o.raw));
  } else {
    records = await run(o);
    if (o.raw) {
      fs.mkdirSync(path.dirname(o.raw), { recursive: true });
      fs.appendFileSync(o.raw, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    }
  }
  if (records.length === 0) throw new Error('no results to report');
  if (o.out) {
    fs.mkdirSync(path.dirname(o.out), { recursive: true });
    fs.writeFileSync(o.out, markdown(records));
  }
  console.log(`\n${summary(records)}`);
  if (o.out) console.log(`written to ${path.relative(process.cwd(), o.out) || o.out}`);
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
