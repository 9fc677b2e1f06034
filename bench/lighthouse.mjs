#!/usr/bin/env node
// Lighthouse on /login, a few runs: the four category scores and the Largest Contentful Paint
// (median, min–max), written to bench/lighthouse.md and embedded in bench/RESULTS.md by
// bench/perf.mjs. A measurement, not a test. Run by scripts/bench (area `lighthouse`), which
// installs the pinned npm `lighthouse` into .tools/lighthouse and serves dist/ with nginx and
// the production headers.
//   node bench/lighthouse.mjs --url http://localhost:PORT/login [--runs 3] --raw FILE --out FILE
// Lighthouse's defaults: mobile form factor, simulated throttling (Slow 4G, 4x CPU).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(REPO, '.tools/lighthouse/node_modules/lighthouse/cli/index.js');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
// The flags the machine's closed network needs (see the e2e helpers' Chromium launch).
const CHROME_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
].join(' ');

function args(argv) {
  const o = { url: null, runs: 3, raw: null, out: null };
  for (let i = 0; i < argv.length; i++) {
    const v = () => argv[++i];
    if (argv[i] === '--url') o.url = v();
    else if (argv[i] === '--runs') o.runs = Number(v());
    else if (argv[i] === '--raw') o.raw = path.resolve(v());
    else if (argv[i] === '--out') o.out = path.resolve(v());
    else throw new Error(`unknown argument: ${argv[i]}`);
  }
  if (!o.url || !o.raw || !o.out || !(o.runs >= 1)) throw new Error('usage: --url URL [--runs N] --raw FILE --out FILE');
  return o;
}

function once(url, i) {
  const file = path.join(os.tmpdir(), `lighthouse-${process.pid}-${i}.json`);
  execFileSync(process.execPath, [CLI, url, '--quiet', '--output=json', `--output-path=${file}`,
    `--only-categories=${CATEGORIES.join(',')}`, `--chrome-flags=${CHROME_FLAGS}`], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_BIN || '/usr/bin/chromium' },
  });
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.rmSync(file);
  const failing = (cat) => r.categories[cat].auditRefs
    .map((a) => r.audits[a.id])
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
    .map((a) => a.id);
  return {
    version: r.lighthouseVersion,
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, r.categories[c].score])),
    lcp: r.audits['largest-contentful-paint'].numericValue,
    fcp: r.audits['first-contentful-paint'].numericValue,
    cls: r.audits['cumulative-layout-shift'].numericValue,
    lcpElement: JSON.stringify(r.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null),
    below: Object.fromEntries(CATEGORIES.map((c) => [c, failing(c)])),
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const span = (xs, f) => {
  const lo = Math.min(...xs), hi = Math.max(...xs);
  return lo === hi ? f(lo) : `${f(median(xs))} (${f(lo)}–${f(hi)})`;
};

const o = args(process.argv.slice(2));
const runs = [];
for (let i = 0; i < o.runs; i++) {
  const r = once(o.url, i);
  console.log(`lighthouse run ${i + 1}: ${CATEGORIES.map((c) => `${c} ${r.scores[c]}`).join(', ')}, LCP ${Math.round(r.lcp)} ms`);
  runs.push(r);
}
fs.writeFileSync(o.raw, runs.map((r) => JSON.stringify(r)).join('\n') + '\n');
const score = (x) => x.toFixed(2);
const ms = (x) => `${Math.round(x)} ms`;
const md = [
  '# Lighthouse on /login',
  '',
  `Lighthouse ${runs[0].version} (npm \`lighthouse\`, headless Chromium), mobile with simulated throttling`,
  `(its defaults), ${runs.length} runs against dist/ served by nginx with the production headers. Median (min–max).`,
  '',
  '| measure | value |',
  '|---|---:|',
  ...CATEGORIES.map((c) => `| ${c} | ${span(runs.map((r) => r.scores[c]), score)} |`),
  `| Largest Contentful Paint | ${span(runs.map((r) => r.lcp), ms)} |`,
  `| First Contentful Paint | ${span(runs.map((r) => r.fcp), ms)} |`,
  `| Cumulative Layout Shift | ${span(runs.map((r) => r.cls), (x) => x.toFixed(3))} |`,
  '',
  `Largest contentful element (last run): ${runs.at(-1).lcpElement}.`,
  '',
  'Audits below 1 in the last run: ' +
    (CATEGORIES.flatMap((c) => runs.at(-1).below[c].map((id) => `${c}: \`${id}\``)).join(', ') || 'none') + '.',
  '',
].join('\n');
fs.writeFileSync(o.out, md);
console.log(md);
