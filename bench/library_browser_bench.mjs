// Library benchmark in the browser (not a test): a packed library (docs/library-format.md) on a
// local static host, read by Chromium at 10 Mbit/s down and up with 40 ms latency (CDP
// Network.emulateNetworkConditions), in both layouts: the folder (?library=library/library.json)
// and the container by HTTP Range (?library=library.lectern). It prints, as Markdown tables:
//   - the first frame with the library: from navigation to the end of the first frame drawn once
//     state().library is set (the viewer's frame, a requestAnimationFrame callback); cold
//     (nothing cached) and with the viewer already in the browser's cache; requests and bytes
//     for the library beyond the viewer (index.html, its script, wasm, style, icon and the
//     bundled archive.json, which the site always loads first);
//   - opening a work by command({link: '#work=ID'}) until state().reader.body is "ready": cold
//     (a fresh browser context, only the manifest fetched) and warm (the same work in a new page
//     of the same context, the parts in the browser's HTTP cache); requests by kind and bytes;
//   - the wasm heap (the viewer's linear memory, wasmMemory.buffer.byteLength, a global of the
//     Emscripten glue; it only grows) and the JS heap (performance.memory.usedJSHeapSize) while
//     browsing: zooming through the library's span, then opening works, the longest text too.
// Requests and bytes are Chromium's own (CDP Network events: encodedDataLength, the bytes on the
// wire with headers); the host gzips html, js, css, json, svg and wasm as static hosts do (not
// ranges, and not the parts, which are gzip already and inflated by the page).
//
//   node bench/library_browser_bench.mjs LIBRARY_DIR [SITE_DIR] [RUNS]
//
// LIBRARY_DIR holds library/ (the folder layout) and library.lectern, e.g. after
//   bench/library_corpus.py && lectern-tool pack /tmp/lectern-bench-corpus -o DIR/library --container DIR/library.lectern
// SITE_DIR defaults to dist/site (./build-wasm.sh); RUNS (default 5) per measure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { NETWORK, emulatedPage as emulatedNetworkPage, launch, pct, root, serveStatic, settled } from './browser_common.mjs';

const libDir = path.resolve(process.argv[2] || '/tmp/lectern-bench-lib');
const siteDir = path.resolve(process.argv[3] || path.join(root, 'dist/site'));
const runs = Number(process.argv[4] || 5);

// ---- the library, read here to choose works and to name what the container's ranges were ----
const folder = path.join(libDir, 'library');
const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'library.json'), 'utf8'));
const part = (name) => zlib.gunzipSync(fs.readFileSync(path.join(folder, name)));
const ids = new Map();  // number -> id
for (const block of manifest.ids) for (const [id, n] of JSON.parse(part(block.part[0])).ids) ids.set(n, id);
const kinds = [];  // [offset, bytes, kind] in the container's data section
for (const c of manifest.collections) kinds.push([c.front[1], c.front[2], 'front']);
for (const b of manifest.ids) kinds.push([b.part[1], b.part[2], 'ids']);
let longest = { bytes: 0, number: 0 };
for (const t of manifest.tiles) {
  kinds.push([t.part[1], t.part[2], 'tile']);
  const tile = JSON.parse(part(t.part[0]));
  for (const p of tile.packs) kinds.push([p[1], p[2], 'text']);
  tile.refs.forEach((r, i) => { if (r.length > 1 && r[3] > longest.bytes) longest = { bytes: r[3], number: tile.first + i }; });
}
kinds.sort((a, b) => a[0] - b[0]);
const containerSize = fs.statSync(path.join(libDir, 'library.lectern')).size;
const head = fs.readFileSync(path.join(libDir, 'library.lectern')).subarray(0, 32).toString();
const dataStart = 32 + parseInt(head.slice(16, 32), 16);
function containerKind(range) {
  const a = Number(/bytes=(\d+)-/.exec(range || '')?.[1] ?? -1);
  if (a < dataStart) return 'manifest';
  const at = a - dataStart;
  let lo = 0, hi = kinds.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (kinds[mid][0] <= at) lo = mid; else hi = mid - 1; }
  return kinds[lo][2];
}
const kindOf = (url, range) => {
  const name = new URL(url).pathname;
  if (name === '/library.lectern') return containerKind(range);
  const base = path.basename(name);
  return base === 'library.json' ? 'manifest'
    : { c: 'front', t: 'tile', i: 'ids', b: 'text' }[base[0]] || 'other';
};
// Works to open: spread over the numbers (seeded), and the longest text.
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const sample = [];
while (sample.length < runs) sample.push(ids.get(Math.floor(random() * manifest.works)));
const longestId = ids.get(longest.number);

// ---- a static host (browser_common.mjs): the library from LIBRARY_DIR, the rest from SITE_DIR ----
function serve() {
  return serveStatic((name) => {
    const base = name === '/library.lectern' || name.startsWith('/library/') ? libDir : siteDir;
    const file = path.join(base, path.normalize(name));
    return file.startsWith(base) ? file : null;
  });
}

// ---- the page: network emulation and Chromium's own count of what came over the wire ----
async function emulatedPage(context, { cacheDisabled }) {
  const { page, cdp, requests } = await emulatedNetworkPage(context, { cacheDisabled, network: NETWORK });
  // The first frame drawn with the library: a rAF callback that starts with state().library set.
  await page.addInitScript(() => {
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => raf((t) => {
      let before = false;
      if (window.__libraryFrame === undefined && window.lectern && window.lectern.state) {
        try { const s = window.lectern.state(); before = !!(s && s.library); } catch (e) { /* starting */ }
      }
      cb(t);
      if (before && window.__libraryFrame === undefined) window.__libraryFrame = performance.now();
    });
  });
  return { page, cdp, requests };
}

const isLibrary = (url) => { const p = new URL(url).pathname; return p === '/library.lectern' || p.startsWith('/library/'); };
function tally(requests, from = 0) {
  const list = [...requests.values()].slice(from).filter((r) => isLibrary(r.url));
  const network = list.filter((r) => !r.cached);
  const byKind = {};
  for (const r of network) { const k = kindOf(r.url, r.range); byKind[k] = (byKind[k] || 0) + 1; }
  return { requests: network.length, cached: list.length - network.length, bytes: network.reduce((s, r) => s + r.bytes, 0),
    kinds: Object.entries(byKind).map(([k, n]) => `${n} ${k}`).join(', ') };
}
function viewerTally(requests) {
  const list = [...requests.values()].filter((r) => !isLibrary(r.url) && !r.cached);
  return { requests: list.length, bytes: list.reduce((s, r) => s + r.bytes, 0) };
}
async function quiet(page, requests) {
  await page.waitForFunction(() => window.lectern.state().library.pending === 0, null, { timeout: 120000, polling: 20 });
  for (let i = 0; i < 100 && !settled(requests); ++i) await new Promise((r) => setTimeout(r, 20));
}

async function firstFrame(context, url, { cacheDisabled = false } = {}) {
  const { page, requests } = await emulatedPage(context, { cacheDisabled });
  await page.goto(url);
  await page.waitForFunction(() => window.__libraryFrame !== undefined, null, { timeout: 120000, polling: 20 });
  await quiet(page, requests);
  const r = await page.evaluate(() => {
    const lib = performance.getEntriesByType('resource').filter((e) => /\/library(\.lectern|\/)/.test(e.name));
    return { frame: window.__libraryFrame, viewerFrame: window.lectern.firstFrameMs,
      libraryStart: Math.min(...lib.map((e) => e.startTime)), state: window.lectern.state().library };
  });
  return { page, requests, ...r, library: tally(requests), viewer: viewerTally(requests) };
}

// The viewer alone (no library) into the context's cache.
async function cacheViewer(context) {
  const { page } = await emulatedPage(context, { cacheDisabled: false });
  await page.goto(server.url);
  await page.waitForFunction(() => window.lectern && window.lectern.firstFrameMs !== null, null, { timeout: 120000 });
  await page.close();
}

// Opens a work by its link; time until its text is shown, and what was fetched for it.
async function openWork(page, requests, id, limitMs = 60000) {
  const from = requests.size;
  const ms = await page.evaluate(([id, limitMs]) => new Promise((resolve, reject) => {
    const t0 = performance.now();
    const reply = window.lectern.command({ link: '#work=' + id });
    if (!reply.ok) { reject(new Error(JSON.stringify(reply))); return; }
    const poll = setInterval(() => {
      const s = window.lectern.state();
      if (s.selected === id && s.reader.body === 'ready') { clearInterval(poll); resolve(performance.now() - t0); }
      if (s.reader.body === 'failed') { clearInterval(poll); reject(new Error('failed: ' + s.notice)); }
      if (performance.now() - t0 > limitMs) {
        clearInterval(poll);
        reject(new Error(`not ready after ${limitMs / 1000} s: ${JSON.stringify({ selected: s.selected, reader: s.reader, notice: s.notice, library: s.library })}`));
      }
    }, 5);
  }), [id, limitMs]);
  for (let i = 0; i < 100 && !settled(requests); ++i) await new Promise((r) => setTimeout(r, 20));
  const forIt = tally(requests, from);
  await quiet(page, requests);  // the tiles of the view around it may follow
  return { ms, ...forIt, after: tally(requests, from) };
}

const heap = (page) => page.evaluate(() => ({
  wasm: window.wasmMemory ? window.wasmMemory.buffer.byteLength : (window.HEAP8 ? window.HEAP8.length : NaN),
  js: performance.memory ? performance.memory.usedJSHeapSize : NaN }));

const kb = (b) => (b / 1024).toFixed(1) + ' KB';
const mb = (b) => (b / 1048576).toFixed(0) + ' MB';
const med = (v) => pct(v, 0.5);
const range = (v) => `${med(v).toFixed(0)} (${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)})`;

const { browser, tmp } = await launch();
const server = await serve();
const layouts = [['folder', 'library/library.json'], ['container (Range)', 'library.lectern']]
  .filter(([name]) => !process.env.LAYOUT || name.startsWith(process.env.LAYOUT));  // LAYOUT=folder or container
console.log(`Chromium ${browser.version()}, ${runs} runs a measure, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`library: ${manifest.works} works, ${manifest.collections.length} collections, ${manifest.tiles.length} tiles; ` +
  `library.json ${kb(fs.statSync(path.join(folder, 'library.json')).size)} (gzip -9: ${kb(zlib.gzipSync(fs.readFileSync(path.join(folder, 'library.json')), { level: 9 }).length)}); ` +
  `container ${mb(containerSize)}, its manifest ends at byte ${dataStart}`);
console.log(`network: ${NETWORK.downloadThroughput * 8 / 1e6} Mbit/s down and up, ${NETWORK.latency} ms latency\n`);

const results = {};
for (const [layout, where] of layouts) {
  const url = server.url + '?library=' + where;
  const r = results[layout] = { cold: [], viewerCached: [], warm: [], open: [], openWarm: [], heap: [] };
  for (let i = 0; i < runs; ++i) {
    // Cold: a context of its own (CDP's disabled cache stops reads, not writes), the cache
    // disabled; the first frame, then a work (only the manifest is here).
    const coldContext = await browser.newContext();
    const cold = await firstFrame(coldContext, url, { cacheDisabled: true });
    r.cold.push(cold);
    r.open.push({ id: sample[i], ...(await openWork(cold.page, cold.requests, sample[i])) });
    console.error(`  ${layout} run ${i + 1}: cold frame ${cold.frame.toFixed(0)} ms, work ${r.open[i].ms.toFixed(0)} ms`);
    await coldContext.close();
    const context = await browser.newContext();
    // The viewer in the cache, the library not yet; the work opened again fills the cache.
    await cacheViewer(context);
    const viewerCached = await firstFrame(context, url);
    r.viewerCached.push(viewerCached);
    await openWork(viewerCached.page, viewerCached.requests, sample[i]);
    await viewerCached.page.close();
    // Warm: a new page of the same context, everything it fetched in the HTTP cache.
    const warm = await firstFrame(context, url);
    r.warm.push(warm);
    r.openWarm.push({ id: sample[i], ...(await openWork(warm.page, warm.requests, sample[i])) });
    await context.close();
  }
  // Browsing: zoom through the span a decade at a time, then open works, the longest text too.
  {
    const context = await browser.newContext();
    const f = await firstFrame(context, url);
    const { page, requests } = f;
    let crashed = false;
    page.on('crash', () => { crashed = true; console.error(`  ${layout}: the page crashed`); });
    r.heap.push({ step: 'library open', ...(await heap(page)), loaded: 0 });
    const views = [];
    for (let y = Math.floor(manifest.first / 10) * 10; y < manifest.last; y += 40) views.push([y, y + 10]);
    for (const [start, end] of views) {
      await page.evaluate((v) => window.lectern.command({ view: v }), { start, end });
      await quiet(page, requests);
      const h = await heap(page);
      console.error(`  ${layout}: viewed ${start}-${end}: wasm ${mb(h.wasm)}, js ${mb(h.js)}`);
    }
    let s = await page.evaluate(() => window.lectern.state().library);
    r.heap.push({ step: `${views.length} decades viewed`, ...(await heap(page)), loaded: s.loaded });
    // First of the works, while no id block is here (see the link that never resolves in docs/performance.md).
    const big = await openWork(page, requests, longestId);
    s = await page.evaluate(() => window.lectern.state().library);
    r.heap.push({ step: `the longest text (${longestId}, ${kb(longest.bytes)} gzip) opened in ${big.ms.toFixed(0)} ms`,
      ...(await heap(page)), loaded: s.loaded });
    const more = [];
    for (let i = 0; i < 20; ++i) more.push(ids.get(Math.floor(random() * manifest.works)));
    let stuck = 0;
    for (const [n, id] of more.entries()) {
      try {
        await openWork(page, requests, id, 20000);
      } catch (e) {
        if (crashed) throw e;
        ++stuck;  // a link the viewer never resolved (docs/performance.md says which)
        console.error(`  ${layout}: ${id}: ${String(e).split('\n')[0]}`);
        r.stuck = (r.stuck || []).concat([`${id} (after ${more.slice(0, n).join(', ')}): ${String(e).split('\n')[0].slice(0, 400)}`]);
      }
      const h = await heap(page);
      s = await page.evaluate(() => window.lectern.state().library);
      console.error(`  ${layout}: ${n + 1} works asked for (${id}): wasm ${mb(h.wasm)}, js ${mb(h.js)}, loaded ${s.loaded}`);
    }
    r.heap.push({ step: `${more.length} more works asked for by link (${stuck} never shown)`, ...(await heap(page)), loaded: s.loaded });
    await page.evaluate(() => window.lectern.command({ fit: true }));
    await quiet(page, requests);
    r.heap.push({ step: 'whole span again', ...(await heap(page)), loaded: s.loaded,
      total: tally(requests) });
    await context.close();
  }
  const strip = (f) => ({ frame: f.frame, viewerFrame: f.viewerFrame, libraryStart: f.libraryStart, library: f.library, viewer: f.viewer });
  fs.writeFileSync(path.join(os.tmpdir(), `lectern-library-bench-${layout.split(' ')[0]}.json`), JSON.stringify({
    ...r, cold: r.cold.map(strip), viewerCached: r.viewerCached.map(strip), warm: r.warm.map(strip) }, null, 1));
}

console.log('### First frame with the library\n');
report();
function report() {
console.log('| layout | cache | navigation → frame with the library, ms | of which library (first library request → frame), ms | viewer frame (bundled archive), ms | ' +
  'library requests | library bytes (wire) | viewer requests | viewer bytes (wire) |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
for (const [layout] of layouts) {
  for (const [cache, list] of [['cold (cache disabled)', results[layout].cold], ['viewer cached', results[layout].viewerCached], ['warm (all cached)', results[layout].warm]]) {
    const lib = list.map((f) => f.library);
    console.log(`| ${layout} | ${cache} | ${range(list.map((f) => f.frame))} | ${range(list.map((f) => f.frame - f.libraryStart))} | ` +
      `${range(list.map((f) => f.viewerFrame))} | ${lib[0].requests} (${lib[0].kinds})${lib[0].cached ? `, ${lib[0].cached} from cache` : ''} | ` +
      `${kb(med(lib.map((l) => l.bytes)))} | ${med(list.map((f) => f.viewer.requests))} | ${kb(med(list.map((f) => f.viewer.bytes)))} |`);
  }
}
console.log('\n### Opening a work (command({link}) until reader.body is "ready")\n');
console.log('| layout | cache | work | ms | requests until ready (kinds) | bytes (wire) | from the HTTP cache | requests until the view settles |');
console.log('|---|---|---|---:|---|---:|---:|---:|');
for (const [layout] of layouts) {
  for (const [cache, list] of [['cold (cache disabled)', results[layout].open], ['warm (HTTP cache)', results[layout].openWarm]]) {
    for (const o of list)
      console.log(`| ${layout} | ${cache} | ${o.id} | ${o.ms.toFixed(0)} | ${o.requests} (${o.kinds || '–'}) | ${kb(o.bytes)} | ${o.cached} | ${o.after.requests} |`);
  }
  for (const [cache, list] of [['cold', results[layout].open], ['warm', results[layout].openWarm]])
    console.log(`| ${layout} | ${cache}: median | | ${med(list.map((o) => o.ms)).toFixed(0)} | ${med(list.map((o) => o.requests))} | ` +
      `${kb(med(list.map((o) => o.bytes)))} | | |`);
}
console.log('\n### Memory while browsing (wasmMemory.buffer.byteLength; performance.memory.usedJSHeapSize)\n');
console.log('| layout | step | wasm heap | JS heap | works loaded |');
console.log('|---|---|---:|---:|---:|');
for (const [layout] of layouts) {
  for (const h of results[layout].heap)
    console.log(`| ${layout} | ${h.step} | ${mb(h.wasm)} | ${mb(h.js)} | ${h.loaded} |`);
  const t = results[layout].heap[results[layout].heap.length - 1].total;
  console.log(`| ${layout} | all the browsing: ${t.requests} library requests, ${mb(t.bytes)} | | | |`);
  for (const x of results[layout].stuck || []) console.log(`\n${layout}: never shown: ${x}`);
}
}
server.close();
await browser.close();
fs.rmSync(tmp, { recursive: true, force: true });
