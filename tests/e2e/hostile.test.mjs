// Hostile input (issue 8): a console on a sandbox seeded with `--seed-profile hostile`
// (every free-text field holds markup, script URLs, template syntax, 5,000-character
// strings, right-to-left and zero-width characters, emoji sequences, null-ish values).
// A tour of every list and detail page: nothing executes, text renders literally,
// nothing overflows the viewport. scripts/test starts that second stack and passes
// HOSTILE_CONSOLE_URL and HOSTILE_SANDBOX_URL.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { onStack } from './stack.mjs';

const { ADMIN_HOME, ACCOUNTS, CONSOLE_ORIGIN, assertClean, follow, goto, screenshot, submitPassword, submitTotp, totp, waitForPath, where, withConsole } =
  await onStack('HOSTILE');

const FLOW = { timeout: 300_000 };

/** Literal forms of the seed's hostile strings, as they must read on the page. */
const MARKERS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  'javascript:alert(1)',
  '{{7*7}} ${7*7}',
  'Overflow-Overflow-Overflow-',
];
/** Every hostile string with a visible form (the seed also has whitespace-only values). */
const ANY_HOSTILE = [
  ...MARKERS,
  '\u202Egnp.exe\u202C admin',
  '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}',
  'null',
  'undefined',
];


/** Row links of the main table under `base`/ (at most `n`, in order). */
async function rowHrefs(page, base, n) {
  await page.locator(`main tbody a[href^="${base}/"]`).first().waitFor();
  const all = await page.locator(`main tbody a[href^="${base}/"]`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  return [...new Set(all)].slice(0, n);
}

/** What the page did with the hostile data: executed, rendered, overflowed. */
async function inspect(page) {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    const text = document.body.innerText;
    const wide = [...document.body.querySelectorAll('*')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.right <= window.innerWidth + 1) return false;
        // Inside a horizontal scroller of its own (a wide table): the page does not
        // overflow. An absolutely positioned element is clipped only by a scroller
        // that is its containing block or holds it; one below that does not clip it.
        const abs = /absolute|fixed/.test(getComputedStyle(e).position);
        let reachedContainingBlock = false;
        for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
          if (p === e.offsetParent) reachedContainingBlock = true;
          const s = getComputedStyle(p);
          const clips = /(auto|scroll|hidden|clip)/.test(s.overflowX) && p.getBoundingClientRect().right <= window.innerWidth + 1;
          if (clips && (!abs || reachedContainingBlock)) return false;
        }
        return true;
      })
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${(e.textContent || '').slice(0, 20)}): right ${Math.round(e.getBoundingClientRect().right)}`);
    const longOnes = [...document.querySelectorAll('main *')]
      .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.length >= 1000))
      .filter((e) => e.getBoundingClientRect().width > 0);
    const cutWithoutTitle = longOnes
      .filter((e) => e.scrollWidth > e.clientWidth + 1)
      .filter((e) => !e.closest('[title]'))
      .map((e) => e.tagName.toLowerCase());
    return {
      pwned: window.__pwned,
      injected: document.querySelectorAll('body script, main img[src="x"], main iframe, main object, main embed').length,
      scriptHrefs: [...document.querySelectorAll('a[href], area[href], form[action]')]
        .map((a) => a.getAttribute('href') || a.getAttribute('action'))
        .filter((h) => /^\s*javascript:/i.test(h)),
      markers: text,
      docOverflow: document.documentElement.scrollWidth - window.innerWidth,
      wide: wide.slice(0, 5),
      cutWithoutTitle,
      longCount: longOnes.length,
    };
  });
}

test('hostile strings everywhere: nothing executes, text is literal, layouts hold', FLOW, async (t) => {
  await withConsole(t, async ({ page }) => {
    const dialogs = [];
    page.on('dialog', async (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      await d.dismiss().catch(() => {});
    });
    // admin@acme.test: the account with API keys, TOTP devices and sessions seeded.
    await goto(page, '/login');
    await submitPassword(page, { email: ACCOUNTS.admin });
    await submitTotp(page, await totp());
    await waitForPath(page, ADMIN_HOME);
    await page.locator('main h1').first().waitFor();

    const lists = ['/clients?size=100', '/users?size=100', '/users?tab=admins', '/apps', '/api-keys', '/sessions'];
    const details = [];
    const seen = new Set();
    const report = [];
    const check = async (route, { list }) => {
      const r = await inspect(page);
      const shown = MARKERS.filter((m) => r.markers.includes(m));
      const anyShown = ANY_HOSTILE.filter((m) => r.markers.includes(m));
      report.push(`${where(page)}: ${anyShown.length} hostile strings (${shown.length} markers), ${r.longCount} long`);
      assert.equal(r.pwned, undefined, `${route}: a hostile script ran`);
      assert.deepEqual(dialogs, [], `${route}: a dialog opened`);
      assert.equal(r.injected, 0, `${route}: hostile markup became elements`);
      assert.deepEqual(r.scriptHrefs, [], `${route}: a javascript: link`);
      assert.deepEqual(r.wide, [], `${route}: elements past the viewport's right edge`);
      assert.ok(r.docOverflow <= 1, `${route}: the page is ${r.docOverflow}px wider than the viewport`);
      assert.deepEqual(r.cutWithoutTitle, [], `${route}: a long string is cut without a title`);
      for (const m of shown) seen.add(m);
      if (list) assert.ok(anyShown.length > 0, `${route}: no hostile string shows literally (${report.at(-1)})`);
    };

    for (const l of lists) {
      await follow(page, l);
      // The list's rows, not the page before them (the seeded rows carry the strings), and
      // every list on the page loaded: the admins' tab has a second table (the pending
      // invitations), whose rows can come first.
      await page.locator('main tbody tr').first().waitFor();
      await page.locator('main [role=status]').filter({ hasText: /^Loading/ }).first().waitFor({ state: 'detached' });
      await check(l, { list: true });
      await screenshot(page, l);
      const base = new URL(l, CONSOLE_ORIGIN()).pathname;
      if (['/clients', '/users', '/apps'].includes(base) && !l.includes('tab=')) {
        details.push(...(await rowHrefs(page, base, base === '/apps' ? 6 : 4)));
      }
    }
    // Security names no seeded string (AuthSec's factor rows carry no names): checked for
    // layout and injection only.
    await follow(page, '/account/security');
    await check('/account/security', { list: false });
    for (const d of details) {
      await follow(page, d);
      await check(d, { list: false });
    }
    await screenshot(page, 'last detail');

    // A narrow (phone) viewport: long strings still wrap or truncate.
    await page.setViewportSize({ width: 390, height: 800 });
    for (const l of ['/clients', '/users', details[0]]) {
      await follow(page, l);
      await check(`${l} at 390px`, { list: false });
      await screenshot(page, `${l} narrow`);
    }

    t.diagnostic(report.join(' | '));
    assert.deepEqual([...seen].sort(), [...MARKERS].sort(), 'every kind of hostile string was shown somewhere');
    await assertClean(page);
  });
});
