// Shared by the benchmarks (bench/clients.mjs, users.mjs, perf.mjs): playwright-core
// loading, arguments from the environment, medians, and the CDP probe that times the
// list requests.

import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// playwright-core from tests/e2e/node_modules (installed by scripts/lib.sh ensure_node_deps);
// loaded on first use, so --report-only needs no browser tooling.
export const loadChromium = () => createRequire(path.join(REPO, 'tests', 'e2e', 'package.json'))('playwright-core').chromium;

/** A required URL from the environment, without a trailing slash. */
export function env(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (run ./scripts/bench, or set CONSOLE_URL and SANDBOX_URL)`);
  return v.replace(/\/+$/, '');
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const fmt = (x) => (Math.round(x * 10) / 10).toFixed(1);
export const nums = (xs) => (Array.isArray(xs) ? xs.filter((x) => typeof x === 'number' && Number.isFinite(x)) : []);
export const medianOr = (xs) => (nums(xs).length ? fmt(median(nums(xs))) : '');
export const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The list requests seen by a CDP session of its own (Network domain): the server's
 * wait for each, which Resource Timing hides for the cross-origin API without
 * Timing-Allow-Origin. Only enabled while the nav and next metrics run.
 */
export async function netProbe(page, suffix, method) {
  const cdp = await page.context().newCDPSession(page);
  let reqs = new Map();
  const ours = (url) => {
    try {
      return new URL(url).pathname.endsWith(suffix);
    } catch {
      return false;
    }
  };
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!ours(e.request.url)) return;
    reqs.set(e.requestId, { method: e.request.method, type: e.type, sent: e.timestamp, timing: null, headers: null, finished: null, failed: false });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = reqs.get(e.requestId);
    if (r) {
      r.timing = e.response.timing || null;
      r.status = e.response.status;
      r.headers = e.response.headers || {};
    }
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = reqs.get(e.requestId);
    if (r) r.finished = e.timestamp;
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = reqs.get(e.requestId);
    if (r) {
      r.failed = true;
      r.finished = e.timestamp;
    }
  });
  const mains = () => [...reqs.values()].filter((r) => r.method === method && r.finished && !r.failed && r.timing);
  return {
    start: () => cdp.send('Network.enable'),
    stop: () => cdp.send('Network.disable').catch(() => {}),
    reset: () => {
      reqs = new Map();
    },
    /** The last finished list request since reset() (events may trail the page a little). */
    async take(timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      while (mains().length === 0 && Date.now() < deadline) await pause(20);
      const m = mains().at(-1);
      if (!m) return null;
      const t = m.timing;
      const preflights = [...reqs.values()].filter((r) => r.method === 'OPTIONS' && r.finished);
      const tao = Object.keys(m.headers || {}).some((h) => h.toLowerCase() === 'timing-allow-origin');
      return {
        // Request sent → response headers: the server's wait (loopback: ~ its handling time).
        wait: t.receiveHeadersEnd - t.sendStart,
        // The request's start (after any preflight) → its body fully received.
        request: (m.finished - t.requestTime) * 1000,
        preflight: preflights.length ? (preflights.at(-1).finished - preflights.at(-1).sent) * 1000 : null,
        requests: mains().length,
        preflights: preflights.length,
        timingAllowOrigin: tao,
        status: m.status,
      };
    },
  };
}

/**
 * In the page, through `page.evaluate(showLink, href)`: an in-app link of the script's own
 * to `href`, bottom right (the router handles a click on any same-origin <a>, so following
 * it is an in-app navigation, not a reload). Styled through the CSSOM, which the strict CSP
 * allows; hidden once clicked, so it never covers the page's own controls.
 */
export function showLink(href) {
  let a = document.getElementById('bench-link');
  if (!a) {
    a = document.createElement('a');
    a.id = 'bench-link';
    a.textContent = 'bench link';
    Object.assign(a.style, { position: 'fixed', right: '4px', bottom: '4px', zIndex: '2147483647', background: '#fff', padding: '2px 4px', font: '12px sans-serif' });
    a.addEventListener('click', () => setTimeout(() => { a.style.display = 'none'; }, 0));
    document.body.appendChild(a);
  }
  a.setAttribute('href', href);
  a.style.display = '';
}
