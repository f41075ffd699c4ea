// What the browser benchmarks share: Debian's Chromium headless, a CORS server for
// the synthetic archives, and opening the page with ?archive= as a reader would.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
