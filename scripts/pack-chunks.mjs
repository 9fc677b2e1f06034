// Packs the split build's chunks one file per area (scripts/lib.sh build_release, after
// wasm-opt, before terser):  node scripts/pack-chunks.mjs STAGE_OUT
//
// wasm-split-cli makes one file of every set of areas that share code (about 220, most
// under 1 KB), and its loader fetches each one on its own: the first visit of an area cost
// 30 to 100 requests. The chunks import only the main module's memory, table and shared
// global and export nothing (calls go through the table), so they can arrive in any
// grouping, provided each is instantiated once, and all of an area's chunks before the
// area's own module. Here:
//   pack_<area>.wasm = split_<area>.wasm + the chunks the area needs, except those of the
//     areas always loaded before it (`before` below): the first page's password step
//     (`signin_send`, fetched once the form works), then the console (`app`), then the
//     signed-in shell (`signed_in`), which the sign-in's own steps (`signin_more`) do not wait for;
//   each pack opens with its table of contents: u32 count, then (u32 id, u32 length) per
//     member (little-endian; the chunk's number, or OWN for the area's module, last);
//   __wasm_split.js is rewritten without wasm-split-cli's 230 entries (it is in the first
//     load): one fetch per pack (a failed one forgotten, so a retry asks again), each
//     member instantiated once, from whichever pack brought it first; an area's pack is
//     loaded after those of the areas before it.
// The packs keep the .wasm suffix: nginx's rules and the brotli step apply unchanged.
import fs from 'node:fs';
import path from 'node:path';

const [out] = process.argv.slice(2);
if (!out) throw new Error('usage: pack-chunks.mjs STAGE_OUT');
const loaderPath = path.join(out, '__wasm_split.js');
const loader = fs.readFileSync(loaderPath, 'utf8');

// What wasm-split-cli wrote: each chunk with the areas sharing it, each area with its chunks.
const sets = new Map();
for (const m of loader.matchAll(/\/\* ([^*]+?) \*\/\s*const __chunk_(\d+) = makeLoad/g)) {
  sets.set(`chunk_${m[2]}`, m[1].split(',').map((s) => s.trim()));
}
const areas = new Map();
const areaRe = /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/split_(\w+)\.wasm", import\.meta\.url\)\);[\s\S]*?\n, \[([^\]]*)\]\)\);/g;
for (const m of loader.matchAll(areaRe)) {
  if (m[1] !== m[2]) throw new Error(`loader ${m[1]} fetches split_${m[2]}`);
  const deps = m[3].split(',').map((s) => s.trim()).filter(Boolean).map((d) => d.replace(/^__/, ''));
  for (const d of deps) if (!sets.has(d)) throw new Error(`${m[1]} needs ${d}, which the loader does not define`);
  areas.set(m[1], deps);
}
const exported = [...loader.matchAll(/export const __wasm_split_load_(\w+)/g)].map((m) => m[1]);
if (areas.size === 0 || exported.length !== areas.size) {
  throw new Error(`read ${areas.size} of the loader's ${exported.length} areas: has wasm-split-cli's loader changed?`);
}
// What is loaded before an area, always, in this order: the first page's password step
// (`signin_send`), the console (`app`: Leptos, the route table), the signed-in shell
// (`signed_in`); the sign-in's own steps (`signin_more`) come before the shell.
const CHAIN = ['signin_send', 'app', 'signed_in'];
const before = (area) =>
  area === 'signin_more' ? CHAIN.slice(0, 2) : CHAIN.includes(area) ? CHAIN.slice(0, CHAIN.indexOf(area)) : CHAIN;
for (const a of [...CHAIN, 'signin_more']) if (!areas.has(a)) throw new Error(`no ${a} area in the loader`);

// Each pack: its table of contents, then its members' bytes.
const OWN = 0xffffffff;
let members = 0;
for (const [area, chunks] of areas) {
  const mine = chunks.filter((c) => !before(area).some((b) => sets.get(c).includes(b)));
  const parts = [...mine, `split_${area}`].map((n) => [
    n.startsWith('chunk_') ? Number(n.slice(6)) : OWN,
    fs.readFileSync(path.join(out, `${n}.wasm`)),
  ]);
  const toc = Buffer.alloc(4 + 8 * parts.length);
  toc.writeUInt32LE(parts.length, 0);
  parts.forEach(([id, bytes], i) => {
    toc.writeUInt32LE(id, 4 + 8 * i);
    toc.writeUInt32LE(bytes.length, 8 + 8 * i);
  });
  fs.writeFileSync(path.join(out, `pack_${area}.wasm`), Buffer.concat([toc, ...parts.map(([, b]) => b)]));
  members += parts.length;
}
for (const f of fs.readdirSync(out)) if (/^(split|chunk)_\w+\.wasm$/.test(f)) fs.rmSync(path.join(out, f));

const head = loader.slice(0, loader.indexOf('function makeLoad('));
if (!head.includes('function getSharedImports()') || !head.includes('function wrapAsyncCb(')) {
  throw new Error("the loader's preamble has changed: has wasm-split-cli's loader changed?");
}
const body = `
const fetched = {};
const made = {};
// A failure is forgotten: the next load (the page's Retry) asks again.
function once(cache, key, start) {
    if (!(key in cache)) {
        const p = start();
        cache[key] = p;
        p.catch(() => { if (cache[key] === p) delete cache[key]; });
    }
    return cache[key];
}
// A pack's members: [id, bytes], read from its table of contents.
function pack(area) {
    return once(fetched, area, async () => {
        const r = await fetch(new URL(\`./pack_\${area}.wasm\`, import.meta.url));
        if (!r.ok) throw new Error(\`pack_\${area}.wasm: \${r.status}\`);
        const buf = await r.arrayBuffer();
        const v = new DataView(buf);
        const list = [];
        for (let i = 0, n = v.getUint32(0, true), at = 4 + 8 * n; i < n; i++) {
            const len = v.getUint32(8 + 8 * i, true);
            list.push([v.getUint32(4 + 8 * i, true), new Uint8Array(buf, at, len)]);
            at += len;
        }
        return list;
    });
}
function make(key, bytes) {
    return once(made, key, () => WebAssembly.instantiate(bytes, getSharedImports()));
}
const packsBefore = ${JSON.stringify(Object.fromEntries([...areas.keys()].map((a) => [a, before(a)])))};
// Every pack the area needs is asked for at once; they are instantiated in chain order.
async function load(area) {
    const mine = pack(area);
    for (const b of packsBefore[area]) pack(b);
    for (const b of packsBefore[area]) await load(b);
    const list = await mine;
    const own = list.find(([id]) => id === ${OWN});
    await Promise.all(list.filter((m) => m !== own).map(([id, bytes]) => make(id, bytes)));
    return make(area, own[1]);
}
${[...areas.keys()].map((a) => `export const __wasm_split_load_${a} = wrapAsyncCb(() => load("${a}"));`).join('\n')}
`;
fs.writeFileSync(loaderPath, head + body);
console.error(`packed ${sets.size} chunks and ${areas.size} area modules into ${areas.size} packs (${members} members)`);
