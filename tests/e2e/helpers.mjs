// Shared helpers for the end-to-end tests: Debian's Chromium driven by
// playwright-core against the release build (served by nginx) and the sandbox API.
//
// Environment (set by scripts/test; scripts/dev prints the same values):
//   CONSOLE_URL     e.g. http://localhost:8080 (localhost: WebAuthn needs a domain RP id)
//   SANDBOX_URL     e.g. http://127.0.0.1:8787
//   SANDBOX_FACTS   the demo facts file the sandbox writes (--facts): password,
//                   accounts, authenticator secret, one single-use backup code
//   SCREENSHOT_DIR  where screenshots go (default target/e2e-screenshots)
//   CHROMIUM_BIN    default /usr/bin/chromium

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');

function requiredEnv(name) {
  const v = process.env[name];
  if (!v) {
    throw new Error(`${name} is not set: run the end-to-end tests with ./scripts/test --layer e2e`);
  }
  return v;
}

export const CONSOLE_URL = () => requiredEnv('CONSOLE_URL').replace(/\/+$/, '');
export const CONSOLE_ORIGIN = () => new URL(CONSOLE_URL()).origin;
export const SANDBOX_URL = () => requiredEnv('SANDBOX_URL').replace(/\/+$/, '');
let factsRead;
/** The sandbox's demo facts (sandbox/src/seed/demo.rs is their one source). */
export function facts() {
  factsRead ??= JSON.parse(fs.readFileSync(requiredEnv('SANDBOX_FACTS'), 'utf8'));
  return factsRead;
}
export const TOTP_SECRET = () => facts().totp_secret;
export const BACKUP_CODE = () => facts().backup_code;
export const SCREENSHOT_DIR = path.resolve(REPO, process.env.SCREENSHOT_DIR || 'target/e2e-screenshots');
export const CHROMIUM_BIN = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

/** The demo password (every account) and the demo accounts' emails by key (admin,
 * passkey, plain, user, new, new_user, globex), from the facts file. */
export const PASSWORD = facts().password;
export const ACCOUNTS = Object.fromEntries(facts().accounts.map((a) => [a.key, a.email]));

/** Without the background-networking flags Chromium tries to reach the internet and is refused. */
export const LAUNCH_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A JWT-looking string: three base64url segments, the first one a JSON object. */
export const JWT_RE = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/;

const STATE = new WeakMap();

/** What was collected for a page: errors, console, failed requests, CSP violations, tokens. */
export function stateOf(page) {
  const s = STATE.get(page);
  assert.ok(s, 'page was not opened with openConsole()');
  return s;
}

function freshState() {
  return { pageErrors: [], console: [], consoleErrors: [], failedRequests: [], cspViolations: [], tokens: [], shots: 0 };
}

/** The page's collectors (see openConsole) into `state`. */
function collect(page, state) {

  page.on('pageerror', (e) => state.pageErrors.push(String(e && e.stack ? e.stack : e)));
  page.on('console', (m) => {
    const loc = m.location();
    const entry = `[${m.type()}] ${m.text()}${loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`;
    state.console.push(entry);
    if (m.type() === 'error') state.consoleErrors.push(entry);
    if (/Content Security Policy/i.test(m.text())) state.cspViolations.push(entry);
  });
  page.on('requestfailed', (r) => {
    state.failedRequests.push(`${r.method()} ${r.url()}: ${r.failure()?.errorText}`);
  });
  page.on('response', async (r) => {
    const minting = r.url().endsWith('/webauthn-callback') || r.url().endsWith('/auth/admin/login');
    if (!minting || r.request().method() !== 'POST') return;
    try {
      const body = await r.json();
      // The callbacks answer `access_token`; the invited admins' route, `token`.
      const token = body && (body.access_token ?? body.token);
      if (typeof token === 'string') state.tokens.push(token);
    } catch (_) {
      /* not JSON, or the page went away */
    }
  });
}

/**
 * Another tab of an open console's browser context (same origin, same browser session),
 * with its own collectors. Returns {page, state}.
 */
export async function openTab({ context }) {
  const page = await context.newPage();
  const state = freshState();
  STATE.set(page, state);
  collect(page, state);
  return { page, state };
}

/**
 * Launches Chromium (a fresh temporary profile each time: playwright's `launch`
 * creates and deletes its own user-data dir) and opens a page with collectors:
 * page errors, every console message, failed requests, CSP violations (a
 * `securitypolicyviolation` listener installed before any page script, reported
 * through a binding so that reloads lose nothing, plus Chromium's console
 * "Content Security Policy" messages), and each access_token minted by
 * `…/webauthn-callback` (or `token` by the invited admins' `/auth/admin/login`).
 * Returns {browser, context, page, state, close}.
 */
export async function openConsole({ path: startPath = null, viewport = { width: 1280, height: 800 } } = {}) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_BIN,
    headless: true,
    args: LAUNCH_ARGS,
    timeout: 60_000,
  });
  const context = await browser.newContext({ viewport, locale: 'en-US', timezoneId: 'UTC' });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);

  const state = freshState();

  await context.exposeBinding('__authsecReportCsp', (_source, v) => {
    state.cspViolations.push(`${v.directive} blocked ${v.blocked || '(inline)'} at ${v.source}:${v.line} ${v.sample || ''}`);
  });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      const v = {
        directive: e.violatedDirective,
        blocked: e.blockedURI,
        source: e.sourceFile,
        line: e.lineNumber,
        sample: e.sample,
      };
      window.__cspViolations.push(v);
      try {
        window.__authsecReportCsp(v);
      } catch (_) {
        /* binding not ready yet: window.__cspViolations still has it */
      }
    });
  });

  const page = await context.newPage();
  STATE.set(page, state);
  collect(page, state);

  if (startPath !== null) await goto(page, startPath);

  const close = async () => {
    await browser.close().catch(() => {});
  };
  return { browser, context, page, state, close };
}

/**
 * Follows an in-app link to `href` (a link of the test's own: the router handles a
 * click on any same-origin <a>, so there is no reload and the session stays) and
 * waits for the path; with `settle` (default), also for the page's heading and the
 * end of its requests.
 */
export async function follow(page, href, { settle = true } = {}) {
  await page.evaluate((h) => {
    const a = document.createElement('a');
    a.href = h;
    document.body.append(a);
    a.click();
    a.remove();
  }, href);
  const want = new URL(href, CONSOLE_ORIGIN());
  await page.waitForURL((u) => u.pathname === want.pathname);
  if (!settle) return;
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
}

/**
 * Waits until everything the last input set off has run (a rendered frame, then a
 * macrotask: the page's event handlers, effects and microtasks are done). For checks
 * that something did not happen, without a fixed wait.
 */
export async function afterEvents(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
}

/**
 * Watches the page's requests: `asked` lists the URLs requested (empty it to start a new
 * count), and `quiet()` waits until the page has drawn its data and asks nothing more (no
 * loading line in <main>, and no request open over two turns of the event loop: an
 * answer's follow-up is asked within one).
 */
export function watchRequests(page) {
  const asked = [];
  let pending = 0;
  page.on('request', (r) => {
    pending += 1;
    asked.push(r.url());
  });
  const ended = () => { pending -= 1; };
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  const quiet = async () => {
    await page.locator('main [role=status]').filter({ hasText: /Loading/ }).first().waitFor({ state: 'detached' });
    for (let calm = 0; calm < 2;) {
      await afterEvents(page);
      calm = pending === 0 ? calm + 1 : 0;
    }
  };
  return { asked, quiet };
}

/** Navigates to a console path and waits for the network to settle. */
export async function goto(page, p) {
  await page.goto(CONSOLE_URL() + p, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
}

/**
 * Runs `fn({browser, context, page, state})` in a fresh browser; on failure saves a
 * screenshot named after the test and prints what was collected; always closes.
 */
export async function withConsole(t, fn, opts = {}) {
  const c = await openConsole(opts);
  c.state.testName = t.name;
  try {
    await fn(c);
  } catch (e) {
    await screenshot(c.page, 'FAILED').catch(() => {});
    t.diagnostic(`url: ${c.page.url()}`);
    t.diagnostic(`page errors: ${JSON.stringify(c.state.pageErrors)}`);
    t.diagnostic(`CSP violations: ${JSON.stringify(c.state.cspViolations)}`);
    t.diagnostic(`failed requests: ${JSON.stringify(c.state.failedRequests)}`);
    t.diagnostic(`console (last 30): ${JSON.stringify(c.state.console.slice(-30))}`);
    throw e;
  } finally {
    await c.close();
  }
}

/** Saves a full-page PNG as SCREENSHOT_DIR/<test>/<nn>-<name>.png and returns its path. */
export async function screenshot(page, name) {
  const s = STATE.get(page);
  const slug = (x) => String(x).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
  const dir = path.join(SCREENSHOT_DIR, slug(s?.testName || 'misc'));
  fs.mkdirSync(dir, { recursive: true });
  const n = s ? ++s.shots : 0;
  const file = path.join(dir, `${String(n).padStart(2, '0')}-${slug(name)}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Fails on any page error (uncaught exception, wasm panic), any CSP violation, or a
 * Rust panic message on the console. Console errors and failed requests are shown
 * but do not fail by themselves (a 401 logs "Failed to load resource").
 */
export async function assertClean(page) {
  const s = stateOf(page);
  let inPage = [];
  try {
    inPage = await page.evaluate(() => window.__cspViolations || []);
  } catch (_) {
    /* page closed or navigating */
  }
  const csp = [...s.cspViolations, ...inPage.map((v) => `${v.directive} blocked ${v.blocked}`)];
  const panics = s.console.filter((l) => /panicked at|RuntimeError: unreachable/.test(l));
  const info = `\nconsole errors: ${JSON.stringify(s.consoleErrors)}\nfailed requests: ${JSON.stringify(s.failedRequests)}`;
  assert.deepEqual(s.pageErrors, [], `page errors${info}`);
  assert.deepEqual([...new Set(csp)], [], `CSP violations${info}`);
  assert.deepEqual(panics, [], `panics on the console${info}`);
}

/**
 * The session token must live in memory only: it must not be in localStorage,
 * sessionStorage, cookies, IndexedDB (any database's content), Cache Storage,
 * history.state, window.name, the URL, or the console; nor may any JWT-looking
 * string. `token` may be null (then only the JWT pattern is checked).
 */
export async function assertNoTokenLeak(page, token) {
  const s = stateOf(page);
  const dump = await page.evaluate(async () => {
    const out = {
      localStorage: JSON.stringify({ ...localStorage }),
      sessionStorage: JSON.stringify({ ...sessionStorage }),
      historyState: JSON.stringify(history.state ?? null),
      windowName: window.name,
      indexedDB: [],
      caches: [],
    };
    if (indexedDB.databases) {
      for (const info of await indexedDB.databases()) {
        const content = await new Promise((resolve) => {
          const req = indexedDB.open(info.name);
          req.onerror = () => resolve(`(cannot open ${info.name})`);
          req.onsuccess = async () => {
            const db = req.result;
            const stores = {};
            for (const name of db.objectStoreNames) {
              stores[name] = await new Promise((res) => {
                const r = db.transaction(name).objectStore(name).getAll();
                r.onsuccess = () => res(r.result);
                r.onerror = () => res('(unreadable)');
              });
            }
            db.close();
            resolve({ name: info.name, stores });
          };
        });
        out.indexedDB.push(content);
      }
    }
    if (self.caches) {
      for (const key of await caches.keys()) {
        const cache = await caches.open(key);
        const reqs = await cache.keys();
        out.caches.push({ key, urls: reqs.map((r) => r.url) });
      }
    }
    return out;
  });
  const cookies = await page.context().cookies();
  const places = {
    ...dump,
    indexedDB: JSON.stringify(dump.indexedDB),
    caches: JSON.stringify(dump.caches),
    cookies: JSON.stringify(cookies),
    url: page.url(),
    console: s.console.join('\n'),
  };
  for (const [where, text] of Object.entries(places)) {
    if (token) assert.ok(!String(text).includes(token), `the access token leaked into ${where}`);
    const m = String(text).match(JWT_RE);
    assert.equal(m, null, `a JWT-looking string is in ${where}: ${m && m[0].slice(0, 24)}…`);
  }
}

const lastCodes = new Map();

/** Authenticator secrets of accounts this run enrolled (the demo accounts share TOTP_SECRET). */
const secrets = new Map();
export const secretFor = (email) => secrets.get(String(email).toLowerCase()) ?? TOTP_SECRET();
export const rememberSecret = (email, secret) => secrets.set(String(email).toLowerCase(), secret);

/** The current code for `secret` at once (the sandbox does not refuse a replayed code). */
export function codeNow(secret = TOTP_SECRET()) {
  const code = execFileSync('oathtool', ['--totp', '-b', secret], { encoding: 'utf8' }).trim();
  assert.match(code, /^\d{6}$/);
  return code;
}

/**
 * A TOTP code from oathtool (an independent implementation). If the code equals the
 * last one this process used for the secret (a server may refuse a replay), waits
 * for the next 30-second step first (at most 31 s).
 */
export async function totp(secret = TOTP_SECRET()) {
  const gen = () => execFileSync('oathtool', ['--totp', '-b', secret], { encoding: 'utf8' }).trim();
  let code = gen();
  const deadline = Date.now() + 31_000;
  while (code === lastCodes.get(secret) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    code = gen();
  }
  assert.match(code, /^\d{6}$/);
  lastCodes.set(secret, code);
  return code;
}

/**
 * Attaches a CTAP2 platform authenticator with user verification to the page (CDP
 * WebAuthn domain). Returns {cdp, authenticatorId, credentials(), remove()}.
 */
export async function virtualAuthenticator(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    cdp,
    authenticatorId,
    credentials: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials,
    remove: async () => cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId }),
  };
}

// ------------------------------------------------------------------ UI steps
// Select by role and label only (the console's accessible names are part of its contract).

export const heading = (page, name) => page.getByRole('heading', { name, exact: true });
/**
 * Waits for the live sign-in form: its email field, enabled. (index.html paints a frame of the
 * form, heading and all, before the wasm runs, on any path; only the console's own form, on
 * /login, has the field enabled.)
 */
export const signInForm = (page) => page.locator('input[autocomplete=username]:enabled').waitFor();
/** Where an admin lands after signing in without `?next=`: the overview. */
export const ADMIN_HOME = /^\/$/;
export const mainNav = (page) => page.getByRole('navigation', { name: 'Main' });

/** Fills the sign-in form and presses "Sign in". */
export async function submitPassword(page, { email, password = PASSWORD, workspace = 'acme' }) {
  await signInForm(page);
  const ws = page.getByLabel('Workspace', { exact: true });
  if ((await ws.inputValue()) !== workspace) await ws.fill(workspace);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await screenshot(page, `sign-in form ${email}`);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Second-factor step with a TOTP code. */
export async function submitTotp(page, code) {
  await heading(page, 'Two-factor authentication').waitFor();
  // A complete six-digit code submits itself (no Verify click needed): the
  // caller then waits for where the sign-in lands.
  await page.getByLabel('Authentication code', { exact: true }).fill(code);
  await screenshot(page, 'two-factor code');
}

/** Second-factor step with the account's current authenticator code (demo or enrolled). */
export async function submitCode(page, email) {
  await submitTotp(page, codeNow(secretFor(email)));
}

/** Second-factor step with a backup code. */
export async function submitBackupCode(page, code) {
  await heading(page, 'Two-factor authentication').waitFor();
  await page.getByRole('button', { name: 'Use a backup code instead' }).click();
  await page.getByLabel('Backup code', { exact: true }).fill(code);
  await screenshot(page, 'two-factor backup code');
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
}

/** Waits for the signed-in shell: the Main navigation and the user's email shown (in the header). */
export async function expectShell(page, email) {
  await mainNav(page).waitFor();
  await page.getByText(email, { exact: true }).first().waitFor();
}

/** Presses "Sign out" and waits for the sign-in page. */
export async function signOut(page) {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await signInForm(page);
  assert.match(new URL(page.url()).pathname, /^\/login/);
  await screenshot(page, 'signed out');
}

/** Names of the links in the Main navigation. */
export async function navLinks(page) {
  return (await mainNav(page).getByRole('link').allInnerTexts()).map((s) => s.trim());
}

/** The pathname (+ search) of the page. */
export const where = (page) => {
  const u = new URL(page.url());
  return u.pathname + u.search;
};

/** Polls until the page's path matches `re` (bounded). */
/** Holds back the answer to the requests `glob` matches until the returned function runs. */
export async function holdBack(page, glob) {
  let release;
  const held = new Promise((r) => {
    release = r;
  });
  await page.route(glob, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

export async function waitForPath(page, re, timeout = 15_000) {
  await page.waitForURL((u) => re.test(u.pathname + u.search), { timeout });
}

// ------------------------------------------------------------------ signed-in flows, the API directly
// Added for the clients area (tests/e2e/clients.test.mjs); also usable by other areas.

/**
 * On the sign-in page (after a redirect from a protected page, or after a reload):
 * signs in with the password and the account's authenticator code (plain@ by default)
 * and waits until the page named by `?next=` is open again (path and query), or
 * the admin home /clients when there is no `next`.
 */
export async function completeSignIn(page, email = ACCOUNTS.plain) {
  await signInForm(page);
  const next = new URL(page.url()).searchParams.get('next');
  await submitPassword(page, { email });
  await submitCode(page, email);
  if (next) {
    // The same page with the same query (its encoding may differ: `%40` or `@`).
    const same = (u) => u.pathname + [...u.searchParams].join('&');
    const want = same(new URL(next, CONSOLE_URL()));
    await page.waitForURL((u) => same(u) === want, { timeout: 15_000 });
  } else {
    await waitForPath(page, ADMIN_HOME);
  }
  await expectShell(page, email);
}

/**
 * Opens `startPath` signed out (a fresh browser is), which sends to the sign-in page
 * with `?next=`; signs in as plain@acme.test (password and code) and waits to land back
 * on `startPath`.
 */
export async function signInPlain(page, startPath = '/clients') {
  await goto(page, startPath);
  await completeSignIn(page, ACCOUNTS.plain);
}

/**
 * One call to the sandbox API from Node (not from the page). `token` may be null.
 * Returns {status, ok, body (parsed JSON or null), text}.
 */
export async function api(token, method, apiPath, body) {
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(SANDBOX_URL() + apiPath, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (_) {
    /* not JSON */
  }
  return { status: res.status, ok: res.ok, body: json, text };
}

/**
 * Signs in through the sandbox API as AuthSec's own console does: the password step, the
 * factor check with the account's authenticator code (`/webauthn/totp/verifyLogin`), the
 * token step. Returns {token, tenantId, email}. An account the admin route does not know
 * signs in as an end user.
 */
export async function apiSignIn(email = ACCOUNTS.plain, { password = PASSWORD, workspace = 'acme' } = {}) {
  const login = await api(null, 'POST', '/authsec/uflow/login', { email, password, tenant_domain: workspace });
  if (login.status === 401) return apiSignInEndUser(email, { password });
  assert.equal(login.status, 200, `POST /authsec/uflow/login for ${email}: ${login.text}`);
  const tenant_id = login.body.tenant_id;
  const v = await api(null, 'POST', '/authsec/webauthn/totp/verifyLogin', { email, tenant_id, code: codeNow(secretFor(email)) });
  assert.equal(v.status, 200, `verifyLogin for ${email}: ${v.text}`);
  const cb = await api(null, 'POST', '/authsec/uflow/login/webauthn-callback', {
    email,
    tenant_id,
    mfa_verified: true,
    flow_context: 'admin',
  });
  assert.equal(cb.status, 200, `POST /authsec/uflow/login/webauthn-callback for ${email}: ${cb.text}`);
  assert.equal(typeof cb.body.access_token, 'string');
  const tenantId = String(cb.body.tenant_id ?? tenant_id);
  assert.equal(jwtClaims(cb.body.access_token).tenant_id, tenantId, 'the token is for the tenant the sign-in named');
  return { token: cb.body.access_token, tenantId, email };
}

/**
 * Signs an end user in through AuthSec's end-user routes, with the client the console's
 * config.json names (`end_user_client_id`): the password, the authenticator code (an
 * account with no factor yet first sets one up, `/webauthn/totp/beginSetup` and
 * `confirmSetup`, and its secret is remembered for later sign-ins), the token.
 * Returns {token, tenantId, email}.
 */
export async function apiSignInEndUser(email, { password = PASSWORD } = {}) {
  const config = await (await fetch(`${CONSOLE_URL()}/config.json`)).json();
  assert.ok(config.end_user_client_id, 'config.json names no end_user_client_id');
  const client_id = config.end_user_client_id;
  const login = await api(null, 'POST', '/authsec/uflow/user/login', { client_id, email, password });
  assert.equal(login.status, 200, `POST /authsec/uflow/user/login for ${email}: ${login.text}`);
  const who = { email: login.body.email, tenant_id: login.body.tenant_id, client_id };
  const status = await api(null, 'POST', '/authsec/webauthn/enduser/mfa/loginStatus', who);
  if (status.body && status.body.mfa_required === false) {
    const begin = await api(null, 'POST', '/authsec/webauthn/totp/beginSetup', who);
    assert.equal(begin.status, 200, `beginSetup for ${email}: ${begin.text}`);
    const { secret } = begin.body;
    const ok = await api(null, 'POST', '/authsec/webauthn/totp/confirmSetup', { ...who, secret, code: codeNow(secret) });
    assert.equal(ok.status, 200, `confirmSetup for ${email}: ${ok.text}`);
    rememberSecret(email, secret);
  } else {
    const v = await api(null, 'POST', '/authsec/webauthn/totp/verify', { ...who, code: codeNow(secretFor(email)) });
    assert.equal(v.status, 200, `totp/verify for ${email}: ${v.text}`);
  }
  const cb = await api(null, 'POST', '/authsec/uflow/auth/enduser/webauthn-callback', {
    email: who.email,
    tenant_id: who.tenant_id,
    mfa_verified: true,
  });
  assert.equal(cb.status, 200, `POST /authsec/uflow/auth/enduser/webauthn-callback for ${email}: ${cb.text}`);
  return { token: cb.body.access_token, tenantId: String(login.body.tenant_id), email };
}

/**
 * Creates an end user with a known password through the end-user batch extension (the
 * `extended` sandbox; AuthSec itself creates users only through SCIM, with a password it
 * e-mails). Returns the user's row of the admin list ({id, email, first_name, …}).
 */
export async function apiCreateEndUser(email, { first = '', last = '', password = PASSWORD } = {}) {
  const s = await apiSignIn();
  const r = await api(s.token, 'POST', '/authsec/uflow/admin/enduser/batch', {
    tenant_id: s.tenantId,
    users: [{ email, first_name: first, last_name: last, password }],
  });
  assert.equal(r.status, 200, `batch create ${email}: ${r.text}`);
  assert.equal(r.body.success_created_count, 1, `batch create ${email}: ${r.text}`);
  const all = await api(s.token, 'POST', '/authsec/uflow/admin/enduser/list', { tenant_id: s.tenantId, page: 1, limit: 0 });
  const row = (all.body.users ?? []).find((u) => u.email === email.toLowerCase());
  assert.ok(row, `${email} is listed`);
  return row;
}

/** The claims of a JWT (not verified: for reading `tenant_id`, `sub`, … in tests). */
export function jwtClaims(token) {
  return JSON.parse(Buffer.from(String(token).split('.')[1], 'base64url').toString('utf8'));
}

/** Waits until the page's answers have minted `n` tokens: the collector reads each
 *  answer's body after the page has it, so the count may trail what the page shows. */
export async function tokensMinted(state, n, message = 'tokens minted') {
  await eventually(() => assert.equal(state.tokens.length, n, message));
}

/**
 * Retries `fn` (which throws, e.g. an assertion, until the condition holds) every
 * `interval` ms until it returns; after `timeout` ms rethrows its last error.
 */
export async function eventually(fn, { timeout = 15_000, interval = 100, message = '' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (Date.now() >= deadline) {
        if (message && e && typeof e.message === 'string') e.message = `${message}: ${e.message}`;
        throw e;
      }
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

// ------------------------------------------------------------------ accessibility

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page: ["rule (impact): target …"]. */
export async function axe(page) {
  // Evaluated through the DevTools protocol, so the page's CSP does not apply to it.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return {
    bad: found
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).join(', ')}${v.nodes.length > 3 ? ` +${v.nodes.length - 3}` : ''}`),
    minor: found.filter((v) => v.impact !== 'serious' && v.impact !== 'critical').map((v) => `${v.id} (${v.impact})`),
  };
}
