// Writes dist/ from the split release build (scripts/lib.sh build_release):
//   node scripts/assemble-dist.mjs STAGE_DIR DIST_DIR
// STAGE_DIR holds main.js, main_bg.wasm, __wasm_split.js, the areas' pack_*.wasm and
// snippets/ (wasm-bindgen's output after wasm-opt). They are copied, with the CSS,
// into dist/assets/<hash>/, where <hash> is the first 16 hex digits of the sha256 of
// every file in it: one immutable directory per build, so a CDN may cache it for a
// year, while the packs keep the relative names their loader asks for.
// index.html is the repository's index.html with the Trunk links replaced by the
// stylesheet, the preloads of the first-load files and the inline loader script.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const [stage, dist] = process.argv.slice(2);
if (!stage || !dist) throw new Error('usage: assemble-dist.mjs STAGE_DIR DIST_DIR');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function walk(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p, base) : [path.relative(base, p)];
  });
}

const files = new Map();
for (const rel of walk(stage).sort()) files.set(rel, fs.readFileSync(path.join(stage, rel)));
// Two stylesheets: main.css (the sign-in's, in the first load) and areas.css (everything
// past the password step, fetched with the first chunk: src/chunks.rs). Their comments (for
// whoever edits style/) and blank lines are left out of dist/ (about 380 bytes brotli). The
// sheets have no string that holds "/*", so a plain scan is exact.
for (const sheet of ['main.css', 'areas.css']) {
  const css = fs.readFileSync(path.join(root, 'style', sheet), 'utf8');
  files.set(sheet, Buffer.from(css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\n\s*\n/g, '\n')));
}
for (const need of ['main.js', 'main_bg.wasm', 'main.css', 'areas.css']) {
  if (!files.has(need)) throw new Error(`${need} missing from ${stage}`);
}
const sha = crypto.createHash('sha256');
for (const [rel, data] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
  sha.update(rel).update('\0').update(data);
}
const hash = sha.digest('hex').slice(0, 16);
const base = `/assets/${hash}`;

fs.rmSync(dist, { recursive: true, force: true });
for (const [rel, data] of files) {
  const out = path.join(dist, 'assets', hash, rel);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, data);
}
for (const f of ['public/config.json', 'public/favicon.svg', 'public/robots.txt']) {
  fs.copyFileSync(path.join(root, f), path.join(dist, path.basename(f)));
}

let html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
html = html.replace(/^[ \t]*<link data-trunk[^>]*>\r?\n/gm, '');
// Comments (for whoever edits index.html) are not shipped: the page is in the first load.
html = html.replace(/^[ \t]*<!--[\s\S]*?-->\r?\n/gm, '');
// The first paint needs nothing but this page: the sign-in's stylesheet is inline (its CSP
// hash is added beside the loader's: scripts/lib.sh csp_policy; data-href tells
// src/chunks/styles.rs where areas.css is), and the form is the page's own markup, which
// the wasm makes work in place (src/first_load/form.rs) instead of replacing it. The code
// is asked for a frame after that paint: Lighthouse's simulation charges the largest paint
// with every request started before it.
const css = files.get('main.css').toString('utf8');
if (/<\/style/i.test(css)) throw new Error('main.css holds "</style"');
const asked = [
  ['preload', `${base}/main_bg.wasm`, 'fetch'],
  ['preload', '/config.json', 'fetch'],
  ...(files.has('__wasm_split.js') ? [['modulepreload', `${base}/__wasm_split.js`]] : []),
];
const loader =
  `const ask=()=>{for(const[r,h,a]of${JSON.stringify(asked)}){const l=document.createElement("link");l.rel=r;l.href=h;if(a){l.as=a;l.crossOrigin=""}document.head.append(l)}` +
  `import("${base}/main.js").then(m=>m.default({module_or_path:"${base}/main_bg.wasm"}))};` +
  'document.hidden?ask():requestAnimationFrame(()=>setTimeout(ask))';
const head = [
  `<style data-href="${base}/main.css">${css}</style>`,
  `<script type="module">${loader}</script>`,
].map((l) => `    ${l}\n`).join('');
if (!html.includes('</head>')) throw new Error('index.html has no </head>');
html = html.replace('  </head>', `${head}  </head>`);
fs.writeFileSync(path.join(dist, 'index.html'), html);
console.log(`${base}: ${[...files.keys()].join(' ')}`);
