// ?archive=URL, a strict Content-Security-Policy, and archives too large for memory.
// A node server stands in for the hosts a reader meets: one that sends the site's
// CSP, one that allows other sites (CORS), one that does not, and a slow path that
// trickles a file out so the progress bar can be seen.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { test, assert, equal, freePort, state, nextFrames, textOf, shown, clickOn, engineLabel } from './harness.mjs';
import { until } from './engines.mjs';

export const SITE_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.txt': 'text/plain',
  '.png': 'image/png', '.jpg': 'image/jpeg' };

// `csp`: true for the site's policy, or a policy of its own; `hold(path)`: a promise the
// answer for that path waits for (or nothing). `log` lists the paths asked for.
export async function fixtureServer(dir, { csp = false, cors = false, hold = () => null } = {}) {
  const port = await freePort();
  // Room for the 100 KB ?archive= case: it must reach the page to be refused there.
  const log = [];
  const server = http.createServer({ maxHeaderSize: 256 * 1024 }, async (req, res) => {
    let name = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    log.push(name);
    await hold(name);
    const slow = name.startsWith('/slow/');
    if (slow) name = name.slice(5);
    if (name.endsWith('/')) name += 'index.html';
    const file = path.join(dir, path.normalize(name));
    const headers = { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' };
    if (csp) headers['Content-Security-Policy'] = csp === true ? SITE_CSP : csp;
    if (cors) headers['Access-Control-Allow-Origin'] = '*';
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    const data = fs.readFileSync(file);
    headers['Content-Length'] = data.length;
    res.writeHead(200, headers);
    if (!slow) { res.end(data); return; }
    let at = 0;
    const step = () => {
      if (res.destroyed) return;
      res.write(data.subarray(at, at + 65536));
      at += 65536;
      if (at < data.length) setTimeout(step, 30); else res.end();
    };
    step();
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/`, log, stop: () => server.close() };
}

// A valid archive of `n` works with ~1 KB bodies.
function bigArchive(n) {
  const works = [];
  for (let i = 0; i < n; i++) {
    works.push({ id: `w${i}`, title: `Work number ${i}`, date: `${1800 + (i % 200)}`,
      body: `Paragraph ${i}. `.repeat(64) });
  }
  return JSON.stringify({ lectern: 1, title: 'Big archive', works });
}

const OTHER = { lectern: 1, title: 'Other archive', works: [
  { id: 'a', title: 'First', date: '1950' }, { id: 'b', title: 'Second', date: '1951-03' }] };

// Errors the browser itself logs for a failed fetch: expected in the failure cases.
const fetchNoise = (e) => /Failed to load resource|Access-Control-Allow-Origin|CORS|net::ERR|Cross-Origin|NetworkError/.test(e);


async function dialogText(page, timeout = 15000) {
  await until(page, () => !document.getElementById('problems').hidden, undefined, 'the problems dialog', timeout);
  return (await textOf(page, '#problems')).replace(/\s+/g, ' ');
}

async function expectBundled(page) {
  const s = await state(page);
  equal([s.archive.title, s.archive.works], ['Victor Serge', 37], 'the bundled archive stays');
}

// Written once for every engine (engines.mjs): `context` is one engine's, `engine` its name.
// The archive too large for memory runs in Chromium alone: it is the suite's slowest test.
export async function archiveUrls(context, engine, siteDir, singleFile) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-archive-url-'));
  fs.cpSync(siteDir, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'other.json'), JSON.stringify(OTHER));
  fs.writeFileSync(path.join(dir, 'bad.json'), '{"lectern": 1, "title": 7, "works": []}');
  fs.writeFileSync(path.join(dir, 'notjson.txt'), 'hello, this is not JSON');
  fs.writeFileSync(path.join(dir, 'big.json'), bigArchive(4000));
  const home = await fixtureServer(dir, { csp: true });
  const open = await fixtureServer(dir, { cors: true });
  const closed = await fixtureServer(dir);
  try {
    // Chromium's results keep their names; another engine's are marked with it.
    const named = (what) => engineLabel(engine, what);
    await test(named('site under the strict CSP: opens with no violation'), async () => {
      const { page, errors } = await context.open(home.url);
      await nextFrames(page, 5);
      await expectBundled(page);
      equal(errors, [], 'console errors (a CSP violation is one)');
      const links = await page.evaluate(() => [...document.querySelectorAll('script[src], link[href]')]
        .flatMap((e) => [e.getAttribute('src') || e.getAttribute('href'), e.getAttribute('data-wasm')]));
      assert(links.some((l) => /^lectern\.[0-9a-f]{12}\.wasm$/.test(l)), `wasm name: ${links}`);
      assert(links.some((l) => /^lectern\.[0-9a-f]{12}\.js$/.test(l)), `viewer script name: ${links}`);
      assert(links.some((l) => /^lectern\.[0-9a-f]{12}\.css$/.test(l)), `style name: ${links}`);
      await page.close();
    });

    await test(named('site: ?archive= opens a same-origin archive, then the link fragment'), async () => {
      const { page, errors } = await context.open(home.url + '?archive=other.json#work=b');
      await until(page, () => window.lectern.state().archive.title === 'Other archive', undefined, 'the other archive', 15000);
      await nextFrames(page, 3);
      equal((await state(page)).selected, 'b', 'the fragment names a work of the fetched archive');
      equal(errors, [], 'console errors');
      await page.close();
    });

    await test(named('site: ?archive= shows a progress bar while a large archive downloads'), async () => {
      const { page, errors } = await context.open(home.url + '?archive=/slow/big.json');
      // Every value the bar shows, noted by the page as it changes (a driver's polling could miss it).
      await page.evaluate(() => {
        window.__progress = [];
        const note = () => {
          const bar = document.querySelector('#status:not(.hidden) progress');
          if (bar) window.__progress.push(bar.value);
          if (window.lectern.state && window.lectern.state().archive.works === 4000) return;
          requestAnimationFrame(note);
        };
        note();
      });
      await until(page, () => window.lectern.state().archive.works === 4000, undefined, 'the large archive', 30000);
      const seen = await page.evaluate(() => window.__progress);
      assert(seen.some((v) => v > 0 && v < 1), `the bar never showed a part done: ${JSON.stringify(seen.slice(0, 20))}`);
      assert(!(await shown(page, '#status')), 'the progress is gone once loaded');
      equal(errors, [], 'console errors');
      await page.close();
    });

    await test(named('site: ?archive= opens an archive from another server that allows it (CORS)'), async () => {
      const { page, errors } = await context.open(closed.url + '?archive=' + encodeURIComponent(open.url + 'other.json'));
      await until(page, () => window.lectern.state().archive.title === 'Other archive', undefined, 'the other archive', 15000);
      equal(errors, [], 'console errors');
      await page.close();
    });

    await test(named('site under the strict CSP: another server is refused, and the page says the policy did it'), async () => {
      const { page } = await context.open(home.url + '?archive=' + encodeURIComponent(open.url + 'other.json'));
      const text = await dialogText(page);
      assert(/Content-Security-Policy does not allow.*connect-src/.test(text), `dialog: "${text}"`);
      await expectBundled(page);
      await page.close();
    });

    // Each failure is explained in words; the bundled archive stays and the page works.
    const failures = [
      ['another server that does not allow it', closed.url + 'other.json', /Access-Control-Allow-Origin/],
      ['a missing file', 'missing.json', /404 Not Found/],
      ['a web page', 'index.html', /leads to a web page, not to an archive/],
      ['an invalid archive', 'bad.json', /bad\.json is not a Lectern archive.*title: expected a string/],
      ['a file that is not JSON', 'notjson.txt', /notjson\.txt is not a Lectern archive.*line 1, column 1/],
      ['a javascript: address', 'javascript:alert(1)', /only from http and https/],
      ['a data: address', 'data:application/json,{}', /only from http and https/],
      ['an empty value', '', /no archive address after it/],
      ['a 100 KB value', 'x'.repeat(100000), /100,000 characters long/],
      ['an address that does not parse', 'http://[::1', /is not a web address/],
    ];
    await test(named('site: ?archive= failures are explained and the bundled archive stays'), async () => {
      // Pages from a server without the CSP: the cross-origin case must fail on CORS, not on connect-src.
      for (const [what, value, expected] of failures) {
        const { page, errors } = await context.open(open.url + '?archive=' + encodeURIComponent(value));
        const text = await dialogText(page);
        assert(expected.test(text), `${what}: the dialog says "${text.slice(0, 300)}"`);
        await expectBundled(page);
        await clickOn(page, '#problems button');
        await page.mouse.click(640, 300);
        await nextFrames(page, 2);
        equal(errors.filter((e) => !fetchNoise(e)), [], `${what}: console errors`);
        await page.close();
      }
    });

    await test(named('single file (file://): ?archive= reads from a server that allows it'), async () => {
      const { page, errors } = await context.open('file://' + singleFile + '?archive=' + encodeURIComponent(open.url + 'other.json'));
      await until(page, () => window.lectern.state().archive.title === 'Other archive', undefined, 'the other archive', 15000);
      equal(errors, [], 'console errors');
      await page.close();
      const local = await context.open('file://' + singleFile + '?archive=other.json');
      const text = await dialogText(local.page);
      assert(/opened from a file cannot read other files.*Open…/.test(text), `file:// relative address: "${text}"`);
      await expectBundled(local.page);
      await local.page.close();
    });

    if (engine !== 'chromium') return;
    await test(named('single file (file://): an archive too large for memory ends in a message'), async () => {
      const { page, errors } = await context.open('file://' + singleFile);
      // 150 MB of empty arrays: about 40 bytes of memory each, far past the 2 GB the
      // page may use once parsed. Dropped as a file, the way a reader would open it.
      await page.evaluate(() => {
        const unit = new TextEncoder().encode('[],');
        const n = 50_000_000;
        const bytes = new Uint8Array(n * 3 + 1);  // [[],[],…,[]]
        bytes[0] = 0x5b;
        for (let i = 0; i < n; i++) bytes.set(unit, 1 + i * 3);
        bytes[n * 3] = 0x5d;  // the last ',' closes the outer array
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], 'huge.json', { type: 'application/json' }));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      });
      const text = await dialogText(page, 180000);  // about 30 s here: 50 million allocations
      assert(/huge\.json is too large to open here/.test(text), `dialog: "${text.slice(0, 300)}"`);
      assert(/needs more memory/.test(text), `dialog: "${text.slice(0, 300)}"`);
      await expectBundled(page);
      await clickOn(page, '#problems button');
      await page.mouse.click(640, 300);
      await nextFrames(page, 3);
      equal(errors, [], 'console errors');
      await page.close();
    });
  } finally {
    home.stop();
    open.stop();
    closed.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
