// Time to first frame: opens each output RUNS times in a fresh browser context (nothing
// cached) and prints the median of window.lectern.firstFrameMs with its breakdown:
// the page's phases (lectern.timings) and the viewer's own (state().timings).
//
//   node bench/first_frame_bench.mjs [runs] [dist] [scale]   defaults: 10, dist/, 1
//
// scale is the device pixel ratio (2 for a phone or a high-density laptop screen).
//
// The single file opens from file://; the site from a local static server that sends
// .wasm as application/wasm (so it compiles while it streams), uncompressed.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { launch, pct, root } from './browser_common.mjs';

const runs = Number(process.argv[2] || 10);
const dist = path.resolve(process.argv[3] || path.join(root, 'dist'));
const scale = Number(process.argv[4] || 1);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml' };

async function serve(dir) {
  const server = http.createServer((req, res) => {
    const name = path.basename(new URL(req.url, 'http://x/').pathname) || 'index.html';
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

async function once(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: scale });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.lectern && window.lectern.firstFrameMs !== null, null, { timeout: 60000 });
  const r = await page.evaluate(() => ({ first: window.lectern.firstFrameMs, page: window.lectern.timings || {},
    viewer: window.lectern.state().timings || {} }));
  await context.close();
  return r;
}

function report(name, results) {
  const median = (f) => pct(results.map(f).filter((v) => typeof v === 'number'), 0.5);
  console.log(`\n${name}: firstFrameMs median ${median((r) => r.first).toFixed(0)} ms`
    + ` (min ${Math.min(...results.map((r) => r.first)).toFixed(0)}, max ${Math.max(...results.map((r) => r.first)).toFixed(0)}, ${results.length} runs)`);
  for (const [where, key] of [['page', 'page'], ['viewer', 'viewer']]) {
    const names = [...new Set(results.flatMap((r) => Object.keys(r[key])))];
    for (const n of names) console.log(`  ${where}.${n}: ${median((r) => r[key][n]).toFixed(1)} ms`);
  }
}

const { browser } = await launch();
console.log(`Chromium ${browser.version()}, ${runs} runs each, ${dist}, pixel ratio ${scale}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const single = [];
for (let i = 0; i < runs; ++i) single.push(await once(browser, 'file://' + path.join(dist, 'lectern.html')));
report('single file (file://)', single);
const server = await serve(path.join(dist, 'site'));
const site = [];
for (let i = 0; i < runs; ++i) site.push(await once(browser, server.url));
report('site (local server)', site);
server.close();
await browser.close();
