// The site offline (web/sw.js): a reader who opened it once reloads it with the network
// gone and reads everything: the archive, a work, letters from the fonts' rest. The site
// is an installable app (manifest and icons), its worker keeps only its own folder, and a
// new build replaces the old one whole. Written once for every engine (engines.mjs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import zlib from 'node:zlib';
import { test, assert, equal, root, startServer, state, command, nextFrames } from './harness.mjs';
import { waitFor, firstFrame } from './engines.mjs';
import { rangeServer } from './library.mjs';

// The site in a folder of its own under the server's root (the worker's scope is the folder),
// `prepare(top)` adding what a test needs beside it; served by `serve`, opened at `start` in a
// fresh profile, its worker ready. Then `body`, the page's errors checked, and all of it gone.
async function onHostedSite(engine, { serve = startServer, prepare = () => {}, start = '' }, body) {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-offline-'));
  fs.cpSync(path.join(root, 'dist/site'), path.join(top, 'site'), { recursive: true });
  const prepared = prepare(top);
  const server = await serve(top);
  const url = server.url + 'site/';
  const context = await engine.context();
  try {
    const { page, errors } = await context.open(url + start);
    equal(await untilOffline(page), 'ready', 'lectern.offline');
    await body({ top, server, url, context, page, prepared });
    equal(errors.filter((e) => !unreachable(e)), [], 'console errors');
  } finally {
    await context.close();
    server.stop();
    fs.rmSync(top, { recursive: true, force: true });
  }
}

async function untilOffline(page) {
  await waitFor(page, () => window.lectern.offline === 'ready' || window.lectern.offline === 'failed', undefined, 60000,
    'the service worker');
  return page.evaluate(() => window.lectern.offline);
}

const kept = (page) => page.evaluate(async () => {
  const names = (await caches.keys()).filter((k) => k.startsWith('lectern '));
  const all = [];
  for (const n of names) all.push({ name: n, urls: (await (await caches.open(n)).keys()).map((r) => r.url) });
  return all;
});
// The network gone: the browser's requests are refused, as by a machine without one.
const unreachable = (e) => /ERR_CONNECTION_REFUSED|Failed to load resource|NetworkError/.test(e);

async function reloadOffline(server, page) {
  server.stop();
  await new Promise((r) => setTimeout(r, 300));
  await page.reload();
  await firstFrame(page);
}

export async function offline(engine) {
  const label = `offline (${engine.name})`;
  await test(`${label}: the site opened once reloads with the network gone, and opens a work and the fonts' rest`, async () => {
    await onHostedSite(engine, {}, async ({ top, server, url, context, page }) => {
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      equal(scope, url, 'the worker\'s scope');
      const caches = await kept(page);
      equal(caches.length, 1, 'caches of this site');
      const files = caches[0].urls.map((u) => u.slice(url.length)).sort();
      const site = fs.readdirSync(path.join(top, 'site'))
        .filter((f) => !['README', 'sw.js', 'embed-example.html', 'embed-example.css'].includes(f)).sort();
      equal(files, site, 'files kept');
      if (context.cdp) {
        // Installable: Chromium finds nothing missing (manifest, icons, a worker that answers)
        // but the test's own profile, which is incognito.
        const cdp = await context.cdp(page);
        const why = (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors.map((e) => e.errorId);
        equal(why.filter((e) => e !== 'in-incognito'), [], 'installability errors');
        const app = await cdp.send('Page.getAppManifest');
        assert(app.errors.length === 0 && /Victor Serge/.test(app.data), `manifest: ${JSON.stringify(app).slice(0, 300)}`);
      }
      await reloadOffline(server, page);
      equal(await page.evaluate(() => navigator.serviceWorker.controller !== null), true, 'the page is served by the worker');
      const s = await state(page);
      equal([s.archive.title, s.archive.works], ['Victor Serge', 37], 'the archive offline');
      equal(await command(page, { open: '1908-06-the-illegals' }), { ok: true }, 'open a work');
      await nextFrames(page, 5);
      equal((await state(page)).selected, '1908-06-the-illegals', 'the work open offline');
      // What the build does not keep is left to the network, which is gone.
      const other = await page.evaluate(() => fetch('embed-example.html').then((r) => r.status, () => 'no answer'));
      equal(other, 'no answer', 'a file of the folder that the build does not keep, offline');
      // Letters beyond the viewer's core: the fonts' rest comes from the kept file.
      const greek = { lectern: 1, title: 'Ελληνικά', works: [{ id: 'g', title: 'Η θάλασσα', date: '1900', body: 'Ξημερώνει.' }] };
      equal(await command(page, { load: JSON.stringify(greek) }), { ok: true }, 'load');
      await waitFor(page, () => ['loaded', 'failed'].includes(window.lectern.state().fonts.rest), undefined, 30000, 'the fonts');
      equal((await state(page)).fonts, { error: '', rest: 'loaded' }, 'the fonts\' rest offline');
    });
  });

  await test(`${label}: a new build replaces the kept one whole, once no page of the old one is open`, async () => {
    // A host that says what dist/site/README asks: the files a new build changes in place are
    // checked again at each visit (without it, a browser may keep a copy by its own reckoning).
    const noCache = (name) => (/(^|\/)(index\.html|archive\.json|sw\.js)$|\/$/.test(name) ? { 'Cache-Control': 'no-cache' } : {});
    const serve = (top) => rangeServer(top, { headers: noCache });
    await onHostedSite(engine, { serve }, async ({ top, server, url, context, page }) => {
      const [first] = await kept(page);
      // The host gets a new build: another archive, and so another worker.
      const dir = path.join(top, 'site');
      const archive = JSON.parse(fs.readFileSync(path.join(dir, 'archive.json'), 'utf8'));
      fs.writeFileSync(path.join(dir, 'archive.json'), JSON.stringify({ ...archive, title: 'Victor Serge, revised' }));
      const worker = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
      fs.writeFileSync(path.join(dir, 'sw.js'), worker.replace(/"version": "([0-9a-f]+)"/, '"version": "$1-next"'));
      // Online, the page shows what the host serves; the new build installs beside the old one.
      await page.reload();
      await firstFrame(page);
      equal((await state(page)).archive.title, 'Victor Serge, revised', 'the archive online');
      await waitFor(page, async () => (await caches.keys()).filter((k) => k.startsWith('lectern ')).length === 2,
        undefined, 30000, 'the new build kept beside the old');
      // The last page of the old build closes: the new one takes over and the old cache goes.
      // Watched from the host's root, outside the site's folder (caches are the host's).
      const { page: next } = await context.open(null);
      await page.close();
      await next.goto(server.url);
      await waitFor(next, async () => {
        const names = (await caches.keys()).filter((k) => k.startsWith('lectern '));
        return names.length === 1 && names[0].endsWith('-next');
      }, undefined, 30000, 'the old build\'s cache deleted');
      await next.goto(url);
      await firstFrame(next);
      const [now] = await kept(next);
      equal(now.urls.length, first.urls.length, 'files kept by the new build');
      await reloadOffline(server, next);
      equal((await state(next)).archive.title, 'Victor Serge, revised', 'the archive offline, from the new build');
    });
  });

  await test(`${label}: a library read by Range keeps what the reader opened, and reads it again offline`, async () => {
    const pack = (top) => {
      const tool = path.join(root, 'build/native/lectern-tool');
      const archive = path.join(top, 'texts.json');
      execFileSync(tool, ['synth', '--works', '300', '--body', '800', '--seed', '7', '--years', '1900..1950', '-o', archive]);
      execFileSync(tool, ['pack', archive, '-o', path.join(top, 'site/texts'), '--container', path.join(top, 'site/texts.lectern')]);
      return JSON.parse(fs.readFileSync(archive, 'utf8')).works;
    };
    await onHostedSite(engine, { serve: rangeServer, prepare: pack, start: '?library=texts.lectern' },
      async ({ server, page, prepared: works }) => {
        const [read, unread] = [works[10].id, works[250].id];
        const open = async (id, want) => {
          await page.evaluate((id) => window.lectern.command({ link: '#work=' + id }), id);
          await waitFor(page, (a) => window.lectern.state().selected === a[0] && window.lectern.state().reader.body === a[1],
            [id, want], 30000, `work ${id}: ${want}`);
        };
        // The library and the tiles in view: a link then finds its work loaded, online and
        // offline alike (else it would ask for an id block the online visit never needed).
        const library = (what) => waitFor(page, () => { const l = window.lectern.state().library; return l && l.works === 300 && l.loaded > 0 && l.pending === 0; },
          undefined, 30000, what);
        // The first visit opened the library before the worker ran: a second one goes through it.
        await page.reload();
        await firstFrame(page);
        await library('the library');
        await open(read, 'ready');
        equal(server.log.some((r) => r.range), true, 'read by Range');
        // The worker keeps each answer as it passes it on: every range read is kept before
        // the network goes (a reader would have seconds; the test has milliseconds).
        const ranges = new Set(server.log.filter((r) => r.range).map((r) => r.range)).size;
        await waitFor(page, async (n) => {
          const name = (await caches.keys()).find((k) => k.endsWith(' opened'));
          return !!name && (await (await caches.open(name)).keys()).length >= n;
        }, ranges, 10000, `${ranges} ranges kept`);
        await reloadOffline(server, page);
        await library('the library offline');
        await open(read, 'ready');
        // A text never opened is not here: the reader says so, and the rest stays.
        await open(unread, 'failed');
        await open(read, 'ready');
      });
  });

  for (const layout of ['folder', 'container']) {
    await test(`${label}: a collection kept offline (${layout}) reads whole with the network gone, and "Remove" drops only its parts`, async () => {
      await onHostedSite(engine, { serve: rangeServer, prepare: packCollections, start: layout === 'folder' ? '?library=lib/' : '?library=lib.lectern' },
        async ({ server, page, prepared: { manifest, ids, parts } }) => {
          const collection = (id) => manifest.collections.find((c) => c.id === id);
          const offline = async () => (await state(page)).library.offline;
          // The page was opened before its worker ran: the worker takes it, and the buttons come.
          await waitFor(page, () => { const l = window.lectern.state().library; return l && l.offline.unavailable === ''; },
            undefined, 30000, 'the collections can be kept');
          const keep = async (id) => {
            // The button comes with the frame after the worker took the page (late in WebKit at times).
            await waitFor(page, (name) => window.lectern.state().controls.some((c) => c.name === name), 'keep:' + id,
              30000, `the keep button of ${id}`);
            const button = (await state(page)).controls.find((c) => c.name === 'keep:' + id);
            assert(button, `the keep button of ${id}: ${JSON.stringify((await state(page)).controls)}`);
            await page.mouse.click((button.x0 + button.x1) / 2, (button.y0 + button.y1) / 2);
            await waitFor(page, (c) => { const e = window.lectern.state().library.offline.collections[c]; return e && ['kept', 'failed'].includes(e.state); },
              id, 60000, `${id} kept`);
          };
          await keep('rome');
          const rome = (await offline()).collections.rome;
          equal([rome.state, rome.done, rome.total, rome.error], ['kept', collection('rome').offline.bytes, collection('rome').offline.bytes, ''],
            'rome: state, bytes kept of the size the manifest gives, error');
          await keep('paris');
          // No room for london by the browser's estimate: refused before any download, both
          // sizes named, and nothing kept for it.
          // (WebKitGTK has no navigator.storage: the stub stands in for it there too.)
          await page.evaluate(() => {
            Object.defineProperty(navigator, 'storage', { configurable: true,
              value: { estimate: async () => ({ quota: 1000000, usage: 995000 }) } });
          });
          await keep('london');
          const london = (await offline()).collections.london;
          equal(london.state, 'failed', 'london, with no room');
          assert(/only 5\s?kB more/i.test(london.error), `the reason names the room left: ${london.error}`);
          const keptKeys = async () => (await kept(page)).find((c) => c.name.endsWith(' kept'));
          const both = (await keptKeys()).urls.length;
          // The manifest too: offline, the library opens from the copy its kept parts belong to.
          equal(both, new Set([...parts.rome, ...parts.paris]).size + 1, 'parts kept for rome and paris (tiles and id blocks shared)');

          await reloadOffline(server, page);
          await waitFor(page, () => { const l = window.lectern.state().library; return l && l.collections === 3; },
            undefined, 30000, 'the library offline');
          const after = (await offline()).collections;
          equal([after.rome.state, after.paris.state, after.london], ['kept', 'kept', undefined], 'kept, as the last visit left them');
          // Every text of a kept collection reads offline, though none was opened before.
          const open = async (id, want) => {
            await page.evaluate((id) => window.lectern.command({ link: '#work=' + id }), id);
            await waitFor(page, (a) => window.lectern.state().selected === a[0] && window.lectern.state().reader.body === a[1],
              [id, want], 30000, `work ${id}: ${want}`);
          };
          for (const id of ids.rome) await open(id, 'ready');
          for (const id of ids.paris.filter((_, i) => i % 7 === 0)) await open(id, 'ready');
          await open(ids.london[3], 'failed');  // never opened, never kept

          // Remove rome: what paris also lists stays, and paris still reads.
          equal(await command(page, { open: null }), { ok: true }, 'back to the front page');
          await waitFor(page, () => window.lectern.state().controls.some((c) => c.name === 'forget:rome'), undefined,
            30000, 'the remove button of rome');
          const forget = (await state(page)).controls.find((c) => c.name === 'forget:rome');
          assert(forget, `the remove button of rome: ${JSON.stringify((await state(page)).controls)}`);
          await page.mouse.click((forget.x0 + forget.x1) / 2, (forget.y0 + forget.y1) / 2);
          await waitFor(page, () => !window.lectern.state().library.offline.collections.rome, undefined, 10000, 'rome forgotten');
          await waitFor(page, async (n) => {
            const names = (await caches.keys()).filter((k) => k.endsWith(' kept'));
            return (await (await caches.open(names[0])).keys()).length < n;
          }, both, 10000, 'rome\'s own parts dropped');
          equal((await keptKeys()).urls.length, parts.paris.length + 1, 'parts kept after removing rome: paris\'s and the manifest');
          for (const id of ids.paris.filter((_, i) => i % 11 === 1)) await open(id, 'ready');
        });
    });
  }
}

// Three collections in one library, in both layouts under the site's folder; the manifest,
// and each collection's work ids read from its tiles (to open every text of one).
function packCollections(top) {
  const tool = path.join(root, 'build/native/lectern-tool');
  const archives = [['paris', 90, 1900], ['london', 90, 1905], ['rome', 30, 1910]].map(([name, works, year], i) => {
    const file = path.join(top, name + '.json');
    execFileSync(tool, ['synth', '--works', String(works), '--body', '900', '--seed', String(20 + i), '--years', `${year}..${year + 30}`, '-o', file]);
    return file;
  });
  execFileSync(tool, ['pack', ...archives, '-o', path.join(top, 'site/lib'), '--container', path.join(top, 'site/lib.lectern')]);
  const manifest = JSON.parse(fs.readFileSync(path.join(top, 'site/lib/library.json'), 'utf8'));
  const ids = Object.fromEntries(manifest.collections.map((c) => [c.id, []]));
  for (const t of manifest.tiles) {
    const tile = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(top, 'site/lib', t.part[0]))).toString());
    tile.archive.works.forEach((w, i) => ids[manifest.collections[tile.refs[i][0]].id].push(w.id));
  }
  // Each collection's parts by name: its offline list and what the list names.
  const parts = Object.fromEntries(manifest.collections.map((c) => {
    const list = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(top, 'site/lib', c.offline.list[0]))).toString());
    return [c.id, [c.offline.list[0], ...list.parts.map((p) => p[0])]];
  }));
  return { manifest, ids, parts };
}
