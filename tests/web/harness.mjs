// The browser tests' small runner and the helpers every test file shares.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const artifacts = path.join(root, 'tests/web/artifacts');
fs.mkdirSync(artifacts, { recursive: true });

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--enable-unsafe-swiftshader', '--use-angle=swiftshader'];

// ---- a tiny runner ------------------------------------------------------------------
export const results = [];
export async function test(name, fn) {
  // LECTERN_TESTS=text runs only the tests whose name holds it (a developer's narrowing).
  if (process.env.LECTERN_TESTS && !name.includes(process.env.LECTERN_TESTS)) return;
  const t0 = Date.now();
  try {
    await fn();
    results.push(true);
    console.log(`ok    ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push(false);
    console.log(`FAIL  ${name}\n      ${String(e && e.stack || e).split('\n').slice(0, 4).join('\n      ')}`);
  }
}
// A test's name in an engine's turn: Chromium's names stay as they were; another engine's
// begin with it ("firefox, single file (file://): …").
export const engineLabel = (engine, what) => (engine === 'chromium' ? what : `${engine}, ${what}`);

export function assert(cond, message) { if (!cond) throw new Error(message); }
// Objects alike whatever the order of their keys (WebDriver hands them back in its own order).
const canonical = (v) => JSON.stringify(v, (k, x) => (x && typeof x === 'object' && !Array.isArray(x)
  ? Object.fromEntries(Object.keys(x).sort().map((key) => [key, x[key]])) : x));
export function equal(actual, expected, what) {
  if (canonical(actual) !== canonical(expected))
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

// ---- helpers ------------------------------------------------------------------------
export async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

export async function startServer(dir) {
  const port = await freePort();
  const proc = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir],
    { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(url)).ok) return { url, stop: () => proc.kill() }; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill();
  throw new Error('python3 -m http.server did not start');
}

// Opens the page, collecting console errors, and waits for the first frame with the archive.
// `options` are the browser context's (viewport, colorScheme, hasTouch, isMobile, …); the
// page has a context of its own, closed with it (page.context() reaches it).
// The site's service worker is blocked here: it takes the page once installed (web/sw.js),
// and the requests it answers pass by the tests' routes. offline.mjs tests the worker.
export async function openPage(browser, url, options = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true,
    serviceWorkers: 'block', ...options });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.lectern && window.lectern.firstFrameMs !== null, null, { timeout: 60000 });
  return { page, errors };
}

// The page at `url` (the single file, or the site served from `siteDir`) with `script` run
// before any of its own: a copy whose <head> starts with it, as a browser without some
// feature, or a reader with kept choices, would meet the page.
export async function withFirstScript(url, siteDir, script) {
  const inject = (file) => fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('<head>', `<head><script>${script}</script>`));
  if (url.startsWith('file://')) {
    const single = fileURLToPath(url);
    const copy = path.join(path.dirname(single), `first-script-${process.pid}.html`);
    fs.copyFileSync(single, copy);
    inject(copy);
    return { url: 'file://' + copy, close: () => fs.rmSync(copy) };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-first-script-'));
  fs.cpSync(siteDir, dir, { recursive: true });
  inject(path.join(dir, 'index.html'));
  const server = await startServer(dir);
  return { url: server.url, close: () => { server.stop(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

// A copy of the site whose page registers no service worker: the worker keeps every file of
// the build for offline reading as soon as it installs (offline.mjs tests it), which would hide
// what the page itself fetches and when. For tests of the page's own requests, on copies only.
export function withoutWorker(siteCopy) {
  const index = path.join(siteCopy, 'index.html');
  const html = fs.readFileSync(index, 'utf8');
  assert(/ data-sw="[^"]*"/.test(html), `${index} registers no worker: the build changed`);
  fs.writeFileSync(index, html.replace(/ data-sw="[^"]*"/, ''));
}

// The text of file `name` once a context has saved it in its downloads folder (engines.mjs):
// there, and the same size twice a quarter of a second apart.
export async function downloaded(context, name, timeout = 15000) {
  const file = path.join(context.downloads, name);
  let last = -1;
  for (const until = Date.now() + timeout; Date.now() < until; await new Promise((r) => setTimeout(r, 250))) {
    const size = fs.existsSync(file) ? fs.statSync(file).size : -1;
    if (size > 0 && size === last) return fs.readFileSync(file, 'utf8');
    last = size;
  }
  throw new Error(`${name} was not downloaded within ${timeout} ms (in ${context.downloads}: ${fs.readdirSync(context.downloads)})`);
}

// Forgets what the reader chose (language, theme, reading size): tests share a profile, and
// the next one starts from no choices. In a `finally`, so a failed test leaves none either.
export const forgetChoices = (page) => page.evaluate(() => localStorage.removeItem('lectern.prefs')).catch(() => {});

// window.lectern, the page's automation hook: README.md, "Automation: window.lectern".
export const state = (page) => page.evaluate(() => window.lectern.state());
export const command = (page, c) => page.evaluate((c) => window.lectern.command(c), c);
export const nextFrames = (page, n) => page.evaluate((n) => new Promise((resolve) => {
  const step = () => (n-- <= 0 ? resolve() : requestAnimationFrame(step));
  requestAnimationFrame(step);
}), n);

// Waits until the viewer has gone idle: awake, it draws at every animation frame, so
// `quiet` animation frames in a row without a new frame mean it has stopped drawing.
// Resolves to the frame count it stopped at.
export const idle = (page, quiet = 10) => page.evaluate((quiet) => new Promise((resolve, reject) => {
  let last = window.lectern.state().frames, still = 0, left = 5000;
  const step = () => {
    const now = window.lectern.state().frames;
    still = now === last ? still + 1 : 0;
    last = now;
    if (still >= quiet) resolve(now);
    else if (--left <= 0) reject(new Error(`the viewer never went idle (${now} frames)`));
    else requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}), quiet);

// Waits until the viewer draws a frame past `frames` (input woke it). Any engine's page.
export async function drawnPast(page, frames) {
  for (let i = 0; i < 100 && (await page.evaluate(() => window.lectern.state().frames)) <= frames; i++)
    await new Promise((r) => setTimeout(r, 100));
}

// The page's HTML as a reader meets it, in any engine's page: an element's text (null if
// there is none), every match's, whether it shows, and a click on its middle.
export const textOf = (page, selector) =>
  page.evaluate((s) => { const e = document.querySelector(s); return e ? e.innerText : null; }, selector);
export const textsOf = (page, selector) =>
  page.evaluate((s) => Array.from(document.querySelectorAll(s), (e) => e.innerText), selector);
export const shown = (page, selector) => page.evaluate((s) => {
  const e = document.querySelector(s);
  if (!e) return false;
  const r = e.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
}, selector);
export async function clickOn(page, selector) {
  const r = await page.evaluate((s) => {
    const e = document.querySelector(s);
    if (!e) return null;
    const b = e.getBoundingClientRect();
    return [b.x + b.width / 2, b.y + b.height / 2];
  }, selector);
  assert(r, `nothing on the page matches ${selector}`);
  await page.mouse.click(r[0], r[1]);
}

// The middle of the timeline's axis row (in the page or frame's own coordinates): no mark
// lies there, so a click only gives the timeline the keys and a drag pans. state().eras
// reaches down to the axis (y1).
export async function axisY(page) {
  const eras = (await state(page)).eras;
  assert(eras.length > 0, 'no era bands drawn: cannot find the axis');
  return eras[0].y1 + 12;
}

// Loses the canvas's WebGL context (WEBGL_lose_context) and gives it back once the viewer
// has been through a few frames without it: "restored", or why not. Any engine's page.
export const loseAndRestoreContext = (page) => page.evaluate(() => new Promise((resolve) => {
  const canvas = document.getElementById('canvas');
  const ext = canvas.getContext('webgl2').getExtension('WEBGL_lose_context');
  if (!ext) { resolve('no WEBGL_lose_context'); return; }
  canvas.addEventListener('webglcontextrestored', () => resolve('restored'), { once: true });
  canvas.addEventListener('webglcontextlost', () => {
    let n = 5;
    const step = () => (n-- <= 0 ? ext.restoreContext() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  }, { once: true });
  ext.loseContext();
}));

// Waits until the view stops moving (a drag's glide, an eased move).
export async function settle(page) {
  let last = null;
  for (let i = 0; i < 200; i++) {
    await nextFrames(page, 3);
    const v = JSON.stringify((await state(page)).view);
    if (v === last) return;
    last = v;
  }
  throw new Error('the view never came to rest');
}

// A blank page for the image checks, which run where the pixels are rather than ship them
// to Node: its window.decodePng(b64, {scale, rect}) gives the ImageData of a PNG (base64),
// enlarged `scale` times with smoothing as a browser stretches a canvas drawn at too low a
// resolution, and cut to `rect` ({x, y, width, height} after scaling) if given. Close it after.
export async function pngPage(browser) {
  const page = await browser.newPage();
  await page.evaluate(() => {
    window.decodePng = async (b64, { scale = 1, rect = null } = {}) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + b64;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width * scale; c.height = img.height * scale;
      const g = c.getContext('2d');
      g.imageSmoothingEnabled = true;
      g.imageSmoothingQuality = 'high';
      g.drawImage(img, 0, 0, c.width, c.height);
      const r = rect || { x: 0, y: 0, width: c.width, height: c.height };
      return g.getImageData(r.x, r.y, r.width, r.height);
    };
  });
  return page;
}

// A PNG cut to `rect` (CSS pixels of a page drawn at one device pixel per CSS pixel), as a PNG:
// every engine's screenshot is of the whole viewport, and this is cut in Chromium.
export async function cropPng(browser, png, rect) {
  const page = await pngPage(browser);
  const x = Math.floor(rect.x), y = Math.floor(rect.y);
  const r = { x, y, width: Math.ceil(rect.x + rect.width) - x, height: Math.ceil(rect.y + rect.height) - y };
  const b64 = await page.evaluate(async ([b64, r]) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = r.width; c.height = r.height;
    c.getContext('2d').drawImage(img, -r.x, -r.y);
    return c.toDataURL('image/png').split(',')[1];
  }, [png.toString('base64'), r]);
  await page.close();
  return Buffer.from(b64, 'base64');
}

// Share of pixels unlike the corner colour, and how many colours a screenshot holds.
export async function inkStats(browser, png) {
  const page = await pngPage(browser);
  const stats = await page.evaluate(async (b64) => {
    const d = (await window.decodePng(b64)).data;
    const bg = [d[0], d[1], d[2]];
    let ink = 0; const colours = new Set();
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i] - bg[0]) + Math.abs(d[i + 1] - bg[1]) + Math.abs(d[i + 2] - bg[2]) > 60) ink++;
      if (i % 64 === 0) colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    }
    return { ink: ink / (d.length / 4), colours: colours.size };
  }, png.toString('base64'));
  await page.close();
  return stats;
}

