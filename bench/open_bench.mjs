// Opening the Serge archive (a benchmark, not a test): Lectern's two outputs beside
// TimelineJS and vis-timeline on the same 37 works, in one headless Chromium, rounds
// interleaved so a busy moment falls on every system alike. For each it prints medians of
//   first contentful paint  the browser's `paint` entry (what a visitor first sees)
//   first render            Lectern's firstFrameMs (the first interactive frame); the
//                           peers' own "drawn" signal (bench/peers/peer_pages.mjs)
// and the bytes the page loaded, raw and gzip -9 file by file. Each load is in a fresh
// context (nothing cached) but one: the site's repeat visit, a second load in the same
// context, served from the HTTP cache (and the wasm from V8's code cache); its bytes are
// those the page used, not those that crossed the network. A page of one static heading
// gives the browser's own floor.
//
//   (cd bench/peers && npm ci) && node bench/open_bench.mjs [rounds]   default 9
//
// Needs dist/ (./build-wasm.sh). Servers are local and uncompressed; .wasm goes out as
// application/wasm with a long max-age, as a static host sends hashed files.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, pct, root } from './browser_common.mjs';
import { datedWorks, peers } from './peers/peer_pages.mjs';

const rounds = Number(process.argv[2] || 9);
const dist = path.join(root, 'dist');
if (!fs.existsSync(path.join(dist, 'lectern.html')) || !fs.existsSync(path.join(root, 'bench/peers/node_modules'))) {
  console.error('open_bench: run ./build-wasm.sh and (cd bench/peers && npm ci) first');
  process.exit(1);
}
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.bin': 'application/octet-stream', '.png': 'image/png',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf' };

function serve(dir) {
  const server = http.createServer((req, res) => {
    let file = path.join(dir, path.normalize(decodeURIComponent(new URL(req.url, 'http://x/').pathname)));
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!file.startsWith(dir) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
    // Hashed names may be kept for good; the rest is checked again (as a CDN would do).
    const hashed = /\.[0-9a-f]{12}\./.test(path.basename(file));
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream',
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () =>
    resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() })));
}

// Navigates and waits for the system's drawn signal; returns {fcp, render, raw, gz}.
async function load(page, target) {
  const bodies = [];
  const onResponse = (res) => bodies.push(res.body().catch(() => Buffer.alloc(0)));
  page.on('response', onResponse);
  await page.goto(target.url, { waitUntil: 'commit' });
  const render = await (await page.waitForFunction(() => {
    if (window.lectern) return window.lectern.firstFrameMs !== null && window.lectern.firstFrameMs;
    return window.__rendered ?? false;
  }, null, { polling: 'raf', timeout: 60000 })).jsonValue();
  const fcp = await (await page.waitForFunction(() => {
    const e = performance.getEntriesByName('first-contentful-paint')[0];
    return e ? e.startTime : false;
  }, null, { timeout: 10000 })).jsonValue();
  await page.waitForTimeout(300);  // late requests (fonts) count as loaded
  page.off('response', onResponse);
  const got = await Promise.all(bodies);
  return { fcp, render, raw: got.reduce((s, b) => s + b.length, 0),
    gz: got.reduce((s, b) => s + zlib.gzipSync(b, { level: 9 }).length, 0) };
}

async function once(browser, target) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.route((u) => !/^(http:\/\/127\.0\.0\.1|file:|data:|blob:)/.test(u.href), (route) => route.abort());
  const page = await context.newPage();
  let r = await load(page, target);
  if (target.repeat) {
    await page.goto('about:blank');
    r = await load(page, target);
  }
  await context.close();
  return r;
}

const { browser, tmp } = await launch();
const serge = JSON.parse(fs.readFileSync(path.join(root, 'data/serge.json'), 'utf8'));
const { works } = datedWorks(serge);
for (const [key, peer] of Object.entries(peers)) {
  fs.mkdirSync(path.join(tmp, key));
  peer.write(path.join(tmp, key), works);
}
fs.cpSync(path.join(dist, 'site'), path.join(tmp, 'site'), { recursive: true });
fs.copyFileSync(path.join(dist, 'lectern.html'), path.join(tmp, 'lectern.html'));
// The browser's own floor: a page of one heading and nothing else.
fs.writeFileSync(path.join(tmp, 'floor.html'), '<!doctype html><meta charset="utf-8"><title>floor</title>'
  + '<h1>Victor Serge</h1><script>requestAnimationFrame(() => { window.__rendered = performance.now(); });</script>');
const server = await serve(tmp);
const targets = [
  { name: 'Lectern single file (file://)', url: 'file://' + path.join(tmp, 'lectern.html') },
  { name: 'Lectern single file (http)', url: server.url + 'lectern.html' },
  { name: 'Lectern site', url: server.url + 'site/' },
  { name: 'Lectern site, repeat visit', url: server.url + 'site/', repeat: true },
  ...Object.entries(peers).map(([key, peer]) => ({ name: peer.name, url: server.url + key + '/index.html' })),
  { name: 'one heading of static HTML (the floor)', url: server.url + 'floor.html' },
];
console.log(`Chromium ${browser.version()}, ${new Date().toISOString().slice(0, 16)} UTC, ${os.cpus().length} cores, `
  + `${rounds} rounds, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at start`);
const results = new Map(targets.map((t) => [t.name, []]));
for (let i = 0; i < rounds; ++i)
  for (const t of targets) results.get(t.name).push(await once(browser, t));
server.close();
await browser.close();
fs.rmSync(tmp, { recursive: true, force: true });

const med = (rs, f) => pct(rs.map(f), 0.5);
const ms = (v) => Math.round(v).toLocaleString('en') + ' ms';
const kb = (b) => (b / 1024).toLocaleString('en', { maximumFractionDigits: 0 }) + ' KB';
const timeline = med(results.get('TimelineJS'), (r) => r.render);
console.log('\n| page | first contentful paint | first render | FCP / TimelineJS render | render / TimelineJS render | bytes raw | bytes gzip -9 |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const [name, rs] of results) {
  const fcp = med(rs, (r) => r.fcp), render = med(rs, (r) => r.render);
  console.log(`| ${name} | ${ms(fcp)} | ${ms(render)} (${ms(Math.min(...rs.map((r) => r.render)))}–${ms(Math.max(...rs.map((r) => r.render)))}) `
    + `| ${(fcp / timeline).toFixed(2)} | ${(render / timeline).toFixed(2)} | ${kb(med(rs, (r) => r.raw))} | ${kb(med(rs, (r) => r.gz))} |`);
}
console.log(`\nload average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
