// Lectern beside two timeline viewers, TimelineJS and vis-timeline (a benchmark, not a
// test), in the same headless Chromium. For each system and dataset (37: the Serge
// works; N: `lectern-tool synth --works N`, converted to each peer's input) it prints:
// time to first render, bytes the page loads (raw and gzip -9), JS heap after load
// (and the wasm memory for Lectern), rAF intervals over 60 drag-pan and 30 wheel-zoom
// steps, whether the page opens from file://, and Lectern/peer ratios.
// Loads are limited to 60 s, pan and zoom to 180 s.
//
//   (cd bench/peers && npm ci) && node bench/peers/peers_bench.mjs [--sizes 37,1000,10000,100000]
//
// Needs dist/lectern.html (./build-wasm.sh) and build/native/lectern-tool (README).
// A run that fails or passes its limit is reported as such.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, pct, root } from '../browser_common.mjs';
import { datedWorks, peers } from './peer_pages.mjs';

const LIMIT_MS = 60000;
// Pan and zoom get longer: Playwright waits for each of the 330 input events to reach the
// page, and under SwiftShader on a loaded machine Lectern's frames take 80–150 ms.
const INPUT_LIMIT_MS = 180000;
const argSizes = process.argv.indexOf('--sizes');
const sizes = (argSizes > 0 ? process.argv[argSizes + 1] : '37,1000,10000,100000').split(',').map(Number);
const lecternHtml = path.join(root, 'dist/lectern.html');
const tool = path.join(root, 'build/native/lectern-tool');
for (const [file, how] of [[lecternHtml, './build-wasm.sh'], [tool, 'the native build (README)'], [path.join(root, 'bench/peers/node_modules'), '(cd bench/peers && npm ci)']])
  if (!fs.existsSync(file)) { console.error(`peers_bench: ${file} is missing: run ${how} first`); process.exit(1); }

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.png': 'image/png' };

// Serves the temp dir (the pages and the archives), with CORS for Lectern's ?archive=.
async function serve(dir) {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, path.normalize(decodeURIComponent(new URL(req.url, 'http://x/').pathname)));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

let served = '';
const servedFile = (u) => (u.startsWith('file://') ? decodeURIComponent(new URL(u).pathname)
  : path.join(served, decodeURIComponent(new URL(u).pathname)));

const readServed = (u) => { try { return fs.readFileSync(servedFile(u)); } catch { return Buffer.alloc(0); } };

const withLimit = (promise, what, limit = LIMIT_MS) => Promise.race([promise,
  new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} passed ${limit / 1000} s`)), limit))]);

// Resolves to performance.now() (ms since navigation) at the system's "drawn" signal.
function rendered(page, target) {
  if (target.lectern) return page.waitForFunction((n) => {
    const l = window.lectern;
    if (!document.getElementById('problems').hidden) return { failed: document.getElementById('problems').innerText.slice(0, 120) };
    if (n === null) return l && l.firstFrameMs !== null && l.firstFrameMs;
    return l && l.state() && l.state().archive.works === n && performance.now();
  }, target.works, { polling: 'raf', timeout: 0 }).then((h) => h.jsonValue());
  return page.waitForFunction(() => window.__rendered ?? (window.__failed ? { failed: window.__failed } : false),
    null, { polling: 100, timeout: 0 }).then((h) => h.jsonValue());
}

// rAF intervals while the mouse drags 60 times and wheels 30 times over the timeline.
async function frames(page, target) {
  let x = 700, y = 200;  // Lectern's timeline band
  if (target.area) {
    const box = await page.locator(target.area).first().boundingBox();
    x = box.x + box.width / 2; y = box.y + box.height / 2;
  }
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (t) => { window.__frames.push(t - last); last = t; if (!window.__stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(x, y);
  for (let i = 0; i < 60; i++) {
    await page.mouse.down();
    await page.mouse.move(x + (i < 30 ? 12 : -12), y, { steps: 2 });
    await page.mouse.up();
    await page.mouse.move(x, y);
  }
  for (let i = 0; i < 30; i++) await page.mouse.wheel(0, i < 15 ? -120 : 120);
  await page.waitForTimeout(300);
  return page.evaluate(() => { window.__stop = true; return window.__frames.slice(2); });
}

// One system on one dataset in a fresh context (nothing cached).
async function measure(browser, target) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // Offline as a reader's disk would be: anything not local is refused and counted.
  const r = { blocked: 0, bodies: [] };
  await context.route((u) => !/^(http:\/\/127\.0\.0\.1|file:|data:|blob:)/.test(u.href), (route) => { r.blocked++; route.abort(); });
  // Chromium does not keep every large body (a 100,000-work archive): read those from disk.
  page.on('response', (res) => r.bodies.push(res.body().catch(() => readServed(res.url()))));
  try {
    await page.goto(target.url, { waitUntil: 'commit' });
    const ms = await withLimit(rendered(page, target), 'first render');
    if (typeof ms !== 'number') throw new Error('failed: ' + String(ms && ms.failed).replace(/\s+/g, ' '));
    r.renderMs = ms;
    await page.waitForTimeout(500);  // late requests (fonts, locale) count as shipped
    const bodies = await Promise.all(r.bodies);
    r.raw = bodies.reduce((s, b) => s + b.length, 0);
    r.gz = bodies.reduce((s, b) => s + zlib.gzipSync(b, { level: 9 }).length, 0);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    r.heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    r.wasm = await page.evaluate(() => (typeof HEAPU8 !== 'undefined' ? HEAPU8.length : 0));
    if (!target.noFrames) try {
      const f = await withLimit(frames(page, target), 'pan and zoom', INPUT_LIMIT_MS);
      Object.assign(r, { median: pct(f, 0.5), p95: pct(f, 0.95), frames: f.length });
    } catch (e) { r.note = String(e.message).split('\n')[0]; }
  } catch (e) {
    r.error = String(e.message).split('\n')[0];
  }
  await context.close().catch(() => {});
  return r;
}

// Opens the Serge page from file:// and says whether it renders within the limit.
async function opensFromFile(browser, target) {
  const r = await measure(browser, { ...target, url: target.fileUrl, area: null, noFrames: true });
  return r.error ? 'no: ' + r.error : `yes (${Math.round(r.renderMs)} ms)`;
}

const { browser, tmp } = await launch();
const server = await serve(tmp);
served = tmp;
fs.mkdirSync(path.join(tmp, 'lectern'));
fs.copyFileSync(lecternHtml, path.join(tmp, 'lectern/index.html'));
const serge = JSON.parse(fs.readFileSync(path.join(root, 'data/serge.json'), 'utf8'));
const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`Chromium ${browser.version()}, ${new Date().toISOString().slice(0, 16)} UTC, ${os.cpus().length} cores, load average ${load} at start`);
console.log(`uptime: ${execFileSync('uptime').toString().trim()}\n`);

const rows = [];
const fileRows = [];
for (const n of sizes) {
  const isSerge = n === serge.works.length;
  const name = isSerge ? `Serge (${n})` : n.toLocaleString('en');
  let archive = serge;
  if (!isSerge) {
    const file = path.join(tmp, `synth-${n}.json`);
    execFileSync(tool, ['synth', '--works', String(n), '--years', '1000..2000', '--seed', '42', '--events', '0', '-o', file]);
    archive = JSON.parse(fs.readFileSync(file, 'utf8'));
  }
  const { works, undated } = datedWorks(archive);
  const targets = [{ system: 'Lectern', lectern: true, works: isSerge ? null : n,
    url: server.url + 'lectern/index.html' + (isSerge ? '' : '?archive=' + encodeURIComponent(server.url + `synth-${n}.json`)),
    fileUrl: 'file://' + lecternHtml }];
  for (const [key, peer] of Object.entries(peers)) {
    const dir = path.join(tmp, `${key}-${n}`);
    fs.mkdirSync(dir);
    peer.write(dir, works);
    targets.push({ system: peer.name, area: peer.area, url: server.url + `${key}-${n}/index.html`, fileUrl: 'file://' + path.join(dir, 'index.html') });
  }
  for (const t of targets) {
    const r = await measure(browser, t);
    rows.push({ dataset: name, system: t.system, undated, ...r });
    console.error(`[peers] ${name} ${t.system}: ${r.error || Math.round(r.renderMs) + ' ms'}`);
    if (isSerge) fileRows.push({ system: t.system, opens: await opensFromFile(browser, t) });
  }
}
server.close();
await browser.close();
fs.rmSync(tmp, { recursive: true, force: true });

const kb = (b) => (b / 1024).toLocaleString('en', { maximumFractionDigits: 0 }) + ' KB';
const mb = (b) => (b / 1048576).toFixed(1) + ' MB';
const ms = (v) => (v === undefined ? '–' : Math.round(v).toLocaleString('en') + ' ms');
console.log('| dataset | system | first render | bytes raw | bytes gzip -9 | JS heap | wasm memory | frame median | frame p95 | frames | note |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const r of rows) {
  if (r.error) { console.log(`| ${r.dataset} | ${r.system} | ${r.error} | | | | | | | | |`); continue; }
  const note = [r.note, r.blocked ? `${r.blocked} non-local requests refused` : '', r.system !== 'Lectern' && r.undated ? `${r.undated} undated works left out` : '']
    .filter(Boolean).join('; ');
  console.log(`| ${r.dataset} | ${r.system} | ${ms(r.renderMs)} | ${kb(r.raw)} | ${kb(r.gz)} | ${mb(r.heap)} | ${r.wasm ? mb(r.wasm) : '–'} | ` +
    `${r.median === undefined ? '–' : r.median.toFixed(1) + ' ms'} | ${r.p95 === undefined ? '–' : r.p95.toFixed(1) + ' ms'} | ${r.frames ?? '–'} | ${note} |`);
}

// Lectern's figure over the peer's: under 1 means Lectern is faster or smaller.
// Memory is Lectern's JS heap plus its wasm memory against the peer's JS heap.
console.log('\n| dataset | Lectern / peer | first render | bytes gzip -9 | memory | frame p95 |');
console.log('|---|---|---:|---:|---:|---:|');
const ratio = (a, b) => (a === undefined || b === undefined || !b ? '–' : (a / b).toFixed(2));
for (const l of rows.filter((r) => r.system === 'Lectern' && !r.error)) {
  for (const p of rows.filter((r) => r.dataset === l.dataset && r.system !== 'Lectern')) {
    if (p.error) { console.log(`| ${l.dataset} | ${p.system} | peer failed | | | |`); continue; }
    console.log(`| ${l.dataset} | ${p.system} | ${ratio(l.renderMs, p.renderMs)} | ${ratio(l.gz, p.gz)} | ${ratio(l.heap + l.wasm, p.heap)} | ${ratio(l.p95, p.p95)} |`);
  }
}
console.log('\n| system | opens from file:// (Serge) |\n|---|---|');
for (const f of fileRows) console.log(`| ${f.system} | ${f.opens} |`);
console.log(`\nload average at the end: ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
