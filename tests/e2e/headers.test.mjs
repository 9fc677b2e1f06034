// Hosting area: what nginx (deploy/nginx.conf.template) serves, checked over HTTP
// only: security headers, CSP hash of the inline loader, SPA fallback, real 404s,
// caching, precompressed brotli, wasm MIME type.

import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import { CONSOLE_URL, SANDBOX_URL } from './helpers.mjs';

const get = (p, headers = {}) => fetch(CONSOLE_URL() + p, { headers, redirect: 'manual' });

function assertSecurityHeaders(res, what) {
  const h = (n) => res.headers.get(n);
  const csp = h('content-security-policy');
  assert.ok(csp, `${what}: Content-Security-Policy`);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/, `${what}: CSP must not allow unsafe-inline/unsafe-eval`);
  const dirs = Object.fromEntries(
    csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [k, ...v] = d.split(/\s+/);
      return [k, v];
    }),
  );
  assert.deepEqual(dirs['default-src'], ["'none'"], what);
  assert.ok(dirs['script-src'].includes("'self'") && dirs['script-src'].includes("'wasm-unsafe-eval'"), what);
  // 'self', and the hash of the sign-in's inline stylesheet: nothing else (checked below).
  assert.equal(dirs['style-src'][0], "'self'", what);
  assert.ok(dirs['style-src'].slice(1).every((h) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(h)), `${what}: style-src is 'self' and hashes`);
  assert.ok(dirs['connect-src'].includes("'self'"), what);
  assert.ok(dirs['connect-src'].includes(new URL(SANDBOX_URL()).origin), `${what}: connect-src allows the API origin`);
  assert.deepEqual(dirs['frame-ancestors'], ["'none'"], what);
  assert.deepEqual(dirs['base-uri'], ["'none'"], what);
  assert.deepEqual(dirs['form-action'], ["'self'"], what);
  assert.equal(h('x-content-type-options'), 'nosniff', what);
  assert.equal(h('referrer-policy'), 'no-referrer', what);
  assert.equal(h('cross-origin-opener-policy'), 'same-origin', what);
  assert.equal(
    h('permissions-policy'),
    'publickey-credentials-create=(self), publickey-credentials-get=(self), camera=(), microphone=(), geolocation=()',
    what,
  );
  return dirs;
}

async function indexHtml() {
  const res = await get('/', { 'accept-encoding': 'identity' });
  assert.equal(res.status, 200);
  return { res, html: await res.text() };
}

test('index.html: security headers, no-cache, CSP hash of each inline script and stylesheet', async () => {
  const { res, html } = await indexHtml();
  assert.match(res.headers.get('content-type'), /^text\/html/);
  assert.equal(res.headers.get('cache-control'), 'no-cache');
  const dirs = assertSecurityHeaders(res, '/');
  const hashes = (tag) =>
    [...html.replace(/\r\n?/g, '\n').matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)<\\/${tag}\\s*>`, 'gi'))]
      .filter((m) => !/\bsrc\s*=/i.test(m[1]))
      .map((m) => `'sha256-${crypto.createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
  const scripts = hashes('script');
  assert.ok(scripts.length >= 1, "the build's inline module loader is expected in index.html");
  for (const hash of scripts) assert.ok(dirs['script-src'].includes(hash), `script-src lacks ${hash} for an inline script`);
  // The sign-in's stylesheet is inline (it paints the frame with no second request); the
  // policy allows exactly the sheets index.html holds, no other.
  const styles = hashes('style');
  assert.equal(styles.length, 1, "the sign-in's inline stylesheet is expected in index.html");
  assert.deepEqual(dirs['style-src'].slice(1).sort(), [...new Set(styles)].sort(), 'style-src allows the inline sheet and nothing else');
});

test('SPA fallback: /clients and deep links answer index.html with the same headers', async () => {
  const { html } = await indexHtml();
  for (const p of ['/clients', '/users/123', '/account/security', '/no/such/page']) {
    const res = await get(p, { 'accept-encoding': 'identity' });
    assert.equal(res.status, 200, p);
    assert.match(res.headers.get('content-type'), /^text\/html/, p);
    assert.equal(res.headers.get('cache-control'), 'no-cache', p);
    assertSecurityHeaders(res, p);
    assert.equal(await res.text(), html, `${p} serves index.html`);
  }
});

test('hashed wasm: application/wasm, brotli, immutable; a missing hashed asset is a real 404', async () => {
  const { html } = await indexHtml();
  const wasm = html.match(/["'](\/?[^"'\s]+\.wasm)["']/);
  assert.ok(wasm, 'index.html names a .wasm file');
  const p = wasm[1].startsWith('/') ? wasm[1] : `/${wasm[1]}`;

  const br = await get(p, { 'accept-encoding': 'br' });
  assert.equal(br.status, 200);
  assert.equal(br.headers.get('content-type'), 'application/wasm');
  assert.equal(br.headers.get('content-encoding'), 'br');
  assert.equal(br.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.match(br.headers.get('vary') || '', /accept-encoding/i);
  assertSecurityHeaders(br, p);
  const bytes = new Uint8Array(await br.arrayBuffer()); // fetch decodes br
  assert.deepEqual([...bytes.slice(0, 4)], [0x00, 0x61, 0x73, 0x6d], 'decoded body is wasm');

  const gz = await get(p, { 'accept-encoding': 'gzip' });
  assert.equal(gz.headers.get('content-encoding'), 'gzip');
  await gz.arrayBuffer();

  const plain = await get(p, { 'accept-encoding': 'identity' });
  assert.equal(plain.headers.get('content-encoding'), null);
  assert.equal(Number(plain.headers.get('content-length')), bytes.length);
  await plain.arrayBuffer();

  for (const missing of ['/assets/0123456789abcdef/main_bg.wasm', '/assets/0123456789abcdef/main.js', '/nope.wasm', '/nope.js']) {
    const res = await get(missing);
    assert.equal(res.status, 404, `${missing} must be a 404, not the SPA`);
    assert.notEqual(res.headers.get('cache-control'), 'public, max-age=31536000, immutable', `${missing}: a 404 is not cached`);
    assertSecurityHeaders(res, missing);
    await res.arrayBuffer();
  }
});

test('hashed js/css are immutable; /config.json is no-cache JSON naming the API', async () => {
  const { html } = await indexHtml();
  const assets = [...html.matchAll(/(?:href|src|from|import)\s*\(?\s*=?\s*["'](\/?[^"'\s]+\.(?:js|css))["']/g)].map((m) => m[1]);
  assert.ok(assets.length >= 1, 'index.html references a js file');
  for (const a of new Set(assets)) {
    const p = a.startsWith('/') ? a : `/${a}`;
    const res = await get(p, { 'accept-encoding': 'br' });
    assert.equal(res.status, 200, p);
    assert.match(p, /^\/assets\/[0-9a-f]{16}\//, `${p} is in the build's hashed directory`);
    {
      assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable', p);
    }
    assert.equal(res.headers.get('content-encoding'), 'br', p);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', p);
    await res.arrayBuffer();
  }

  const cfg = await get('/config.json', { 'accept-encoding': 'br, gzip' });
  assert.equal(cfg.status, 200);
  assert.match(cfg.headers.get('content-type'), /^application\/json/);
  assert.equal(cfg.headers.get('cache-control'), 'no-cache');
  assert.equal(cfg.headers.get('content-encoding'), null, 'config.json is never served from a stale precompressed copy');
  assertSecurityHeaders(cfg, '/config.json');
  const json = await cfg.json();
  assert.equal(json.api_base, SANDBOX_URL());
  assert.equal(typeof json.tenant_domain, 'string');
});

test('dot-files are not served', async () => {
  for (const p of ['/.git/config', '/.env']) {
    const res = await get(p);
    assert.equal(res.status, 404, p);
    await res.arrayBuffer();
  }
});
