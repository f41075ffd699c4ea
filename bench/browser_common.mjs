// What the browser benchmarks share: Debian's Chromium headless, a CORS server for
// the synthetic archives, and opening the page with ?archive= as a reader would.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'tests/web/package.json'));
const { chromium } = require('playwright-core');

export const pct = (v, p) => { const s = [...v].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.round(p * (s.length - 1)))]; };

export async function launch() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'],
  });
  return { browser, tmp: fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-bench-')) };
}

export async function serveWithCors(dir) {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, path.basename(req.url));
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Length': fs.statSync(file).size });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

// Opens the page with ?archive=url and waits until `works` works are loaded, or the
// page says why not. {ok, ms} or {ok: false, why}.
export async function openWithArchive(page, pagePath, url, works) {
  const t0 = Date.now();
  await page.goto('file://' + pagePath + '?archive=' + encodeURIComponent(url));
  try {
    await page.waitForFunction((n) => (window.lectern && window.lectern.state() && window.lectern.state().archive.works === n)
      || !document.getElementById('problems').hidden, works, { timeout: 600000, polling: 500 });
  } catch (e) {
    return { ok: false, why: 'failed: ' + String(e).split('\n')[0] };
  }
  if (!(await page.locator('#problems').isHidden()))
    return { ok: false, why: 'refused: ' + (await page.locator('#problems').innerText()).replace(/\s+/g, ' ').slice(0, 160) };
  return { ok: true, ms: Date.now() - t0 };
}

// ---- a static host and the emulated line, shared by library_browser_bench.mjs and library_search_bench.mjs ----

// Chromium's network emulation for the library benchmarks: 10 Mbit/s down and up, 40 ms latency.
export const NETWORK = { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 };

const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
// A static host as static hosts are: Range, gzip for html, js, css, json, svg and wasm (not for ranges,
// nor for other types, which are compressed already), Last-Modified and 304, Cache-Control 600 s.
// resolve(pathname) gives a file's path, or {body, type} for a page made in memory, or null (404).
// Every request is logged: {name, range, status, bytes (body bytes sent)}.
export function serveStatic(resolve) {
  const log = [];
  const gzipped = new Map();
  const server = http.createServer((req, res) => {
    let name = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (name.endsWith('/')) name += 'index.html';
    const found = resolve(name);
    if (found && typeof found === 'object') {
      const body = Buffer.from(found.body);
      log.push({ name, range: null, status: 200, bytes: body.length });
      res.writeHead(200, { 'Content-Type': found.type || 'text/html', 'Cache-Control': 'no-store', 'Content-Length': body.length });
      res.end(body);
      return;
    }
    const file = found;
    if (!file || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      log.push({ name, range: req.headers.range || null, status: 404, bytes: 0 });
      res.writeHead(404);
      res.end();
      return;
    }
    const stat = fs.statSync(file);
    const type = types[path.extname(file)] || 'application/octet-stream';
    const headers = { 'Content-Type': type, 'Cache-Control': 'public, max-age=600', 'Accept-Ranges': 'bytes',
      'Last-Modified': stat.mtime.toUTCString() };
    const entry = { name, range: req.headers.range || null, status: 200, bytes: 0 };
    log.push(entry);
    const since = req.headers['if-modified-since'];
    if (since && !req.headers.range && Math.floor(stat.mtimeMs / 1000) <= Date.parse(since) / 1000) {
      entry.status = 304;
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const m = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range || '');
    if (m) {
      const a = +m[1], b = Math.min(m[2] ? +m[2] : stat.size - 1, stat.size - 1);
      Object.assign(entry, { status: 206, bytes: b - a + 1 });
      res.writeHead(206, { ...headers, 'Content-Range': `bytes ${a}-${b}/${stat.size}`, 'Content-Length': b - a + 1 });
      fs.createReadStream(file, { start: a, end: b }).pipe(res);
      return;
    }
    if (types[path.extname(file)] && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      if (!gzipped.has(file)) gzipped.set(file, zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
      const body = gzipped.get(file);
      entry.bytes = body.length;
      res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding', 'Content-Length': body.length });
      res.end(body);
      return;
    }
    entry.bytes = stat.size;
    res.writeHead(200, { ...headers, 'Content-Length': stat.size });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () =>
    resolve({ url: `http://127.0.0.1:${server.address().port}/`, log, close: () => server.close() })));
}

// A page of `context` on the emulated line, with Chromium's own count of what came over the wire
// (CDP Network events; bytes are encodedDataLength, headers included). requests: requestId ->
// {url, range, bytes, cached, done, status}, in the order they were sent.
export async function emulatedPage(context, { cacheDisabled = false, network = NETWORK } = {}) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', network);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled });
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId,
    { url: e.request.url, range: e.request.headers.Range || e.request.headers.range || null, bytes: 0, cached: false, done: false }));
  cdp.on('Network.requestServedFromCache', (e) => { const r = requests.get(e.requestId); if (r) r.cached = true; });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r && (e.response.fromDiskCache || e.response.fromMemoryCache)) r.cached = true;
    if (r) r.status = e.response.status;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { bytes: e.encodedDataLength, done: true });
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { failed: e.errorText, done: true });
  });
  return { page, cdp, requests };
}

export const settled = (requests) => [...requests.values()].every((r) => r.done || r.cached);
