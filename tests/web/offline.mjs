// The site offline (web/sw.js): a reader who opened it once reloads it with the network
// gone and reads everything: the archive, a work, letters from the fonts' rest. The site
// is an installable app (manifest and icons), its worker keeps only its own folder, and a
// new build replaces the old one whole.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, assert, equal, openPage, state, command, nextFrames, root, startServer } from './harness.mjs';

// The site in a folder of its own under the server's root: the worker's scope is the folder.
function hostedCopy() {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-offline-'));
  fs.cpSync(path.join(root, 'dist/site'), path.join(top, 'site'), { recursive: true });
  return top;
}

async function untilOffline(page) {
  await page.waitForFunction(() => window.lectern.offline === 'ready' || window.lectern.offline === 'failed', null,
    { timeout: 60000 });
  return page.evaluate(() => window.lectern.offline);
}

const kept = (page) => page.evaluate(async () => {
  const names = (await caches.keys()).filter((k) => k.startsWith('lectern '));
  const all = [];
  for (const n of names) all.push({ name: n, urls: (await (await caches.open(n)).keys()).map((r) => r.url) });
  return all;
});

export async function offline(browser) {
  await test('offline: the site opened once reloads with the network gone, and opens a work and the fonts\' rest', async () => {
    const top = hostedCopy();
    let server = await startServer(top);
    const url = server.url + 'site/';
    const { page, errors } = await openPage(browser, url);
    try {
      equal(await untilOffline(page), 'ready', 'lectern.offline');
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      equal(scope, url, 'the worker\'s scope');
      const caches = await kept(page);
      equal(caches.length, 1, 'caches of this site');
      const files = caches[0].urls.map((u) => u.slice(url.length)).sort();
      const site = fs.readdirSync(path.join(top, 'site')).filter((f) => !['README', 'sw.js', 'embed-example.html', 'embed-example.css'].includes(f)).sort();
      equal(files, site, 'files kept');
      // Installable: Chromium finds nothing missing (manifest, icons, a worker that answers)
      // but the test's own profile, which is incognito.
      const cdp = await page.context().newCDPSession(page);
      const why = (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors.map((e) => e.errorId);
      equal(why.filter((e) => e !== 'in-incognito'), [], 'installability errors');
      const app = await cdp.send('Page.getAppManifest');
      assert(app.errors.length === 0 && /Victor Serge/.test(app.data), `manifest: ${JSON.stringify(app).slice(0, 300)}`);
      // The network goes: the server stops.
      server.stop();
      await new Promise((r) => setTimeout(r, 300));
      await page.reload();
      await page.waitForFunction(() => window.lectern && window.lectern.firstFrameMs !== null, null, { timeout: 60000 });
      equal(await page.evaluate(() => navigator.serviceWorker.controller !== null), true, 'the page is served by the worker');
      const s = await state(page);
      equal([s.archive.title, s.archive.works], ['Victor Serge', 37], 'the archive offline');
      equal(await command(page, { open: '1908-06-the-illegals' }), { ok: true }, 'open a work');
      await nextFrames(page, 5);
      equal((await state(page)).selected, '1908-06-the-illegals', 'the work open offline');
      // Letters beyond the viewer's core: the fonts' rest comes from the kept file.
      const greek = { lectern: 1, title: 'Ελληνικά', works: [{ id: 'g', title: 'Η θάλασσα', date: '1900', body: 'Ξημερώνει.' }] };
      equal(await command(page, { load: JSON.stringify(greek) }), { ok: true }, 'load');
      for (let i = 0; i < 200 && !['loaded', 'failed'].includes((await state(page)).fonts.rest); i++) await nextFrames(page, 2);
      equal((await state(page)).fonts, { error: '', rest: 'loaded' }, 'the fonts\' rest offline');
      equal(errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(e)), [], 'console errors');
    } finally {
      await page.close();
      server.stop();
      fs.rmSync(top, { recursive: true, force: true });
    }
  });

  await test('offline: a new build replaces the kept one whole, once no page of the old one is open', async () => {
    const top = hostedCopy();
    const server = await startServer(top);
    const url = server.url + 'site/';
    // A context of its own: the new build's page opens in it before the old one closes.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(url);
    await page.waitForFunction(() => window.lectern && window.lectern.firstFrameMs !== null, null, { timeout: 60000 });
    let next = null;
    try {
      equal(await untilOffline(page), 'ready', 'lectern.offline');
      const [first] = await kept(page);
      // The host gets a new build: another archive, and so another worker.
      const dir = path.join(top, 'site');
      const archive = JSON.parse(fs.readFileSync(path.join(dir, 'archive.json'), 'utf8'));
      fs.writeFileSync(path.join(dir, 'archive.json'), JSON.stringify({ ...archive, title: 'Victor Serge, revised' }));
      const worker = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
      fs.writeFileSync(path.join(dir, 'sw.js'), worker.replace(/"version": "([0-9a-f]+)"/, '"version": "$1-next"'));
      // Online, the page shows what the host serves; the new build installs beside the old one.
      await page.reload();
      await page.waitForFunction(() => window.lectern && window.lectern.firstFrameMs !== null, null, { timeout: 60000 });
      equal((await state(page)).archive.title, 'Victor Serge, revised', 'the archive online');
      await page.waitForFunction(async () => (await caches.keys()).filter((k) => k.startsWith('lectern ')).length === 2,
        null, { timeout: 30000 });
      // The last page of the old build closes; the next visit runs the new one, and the old cache goes.
      next = await context.newPage();
      await page.close();
      await next.goto(url);
      await next.waitForFunction(async () => {
        const names = (await caches.keys()).filter((k) => k.startsWith('lectern '));
        return names.length === 1 && names[0].endsWith('-next');
      }, null, { timeout: 30000 });
      const [now] = await kept(next);
      equal(now.urls.length, first.urls.length, 'files kept by the new build');
      server.stop();
      await new Promise((r) => setTimeout(r, 300));
      await next.reload();
      await next.waitForFunction(() => window.lectern && window.lectern.firstFrameMs !== null, null, { timeout: 60000 });
      equal((await state(next)).archive.title, 'Victor Serge, revised', 'the archive offline, from the new build');
      equal(errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(e)), [], 'console errors');
    } finally {
      if (next) await next.close();
      if (!page.isClosed()) await page.close();
      await context.close();
      server.stop();
      fs.rmSync(top, { recursive: true, force: true });
    }
  });
}
