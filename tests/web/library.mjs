// Libraries (docs/library-format.md) packed by lectern-tool and opened the ways a reader
// meets them: a folder on a plain static server (python3 -m http.server: no Range), a
// container on a host that honours Range, a host that ignores Range, and a container
// dropped on the single file from disk. Then the faults: a corrupt part, a 404, and a
// retry once the host serves the part again; nothing else is lost.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { root, test, assert, equal, freePort, state, command, startServer, engineLabel } from './harness.mjs';
import { waitFor as poll } from './engines.mjs';

const TOOL = path.join(root, 'build/native/lectern-tool');

// The libraries: the bundled archive alone, and three synthetic collections with texts.
function packLibraries(dir) {
  const run = (...args) => execFileSync(TOOL, args, { stdio: ['ignore', 'pipe', 'inherit'] }).toString();
  const archives = path.join(dir, 'archives');
  fs.mkdirSync(archives);
  for (const [name, seed, years] of [['london', 1, '1850..1950'], ['paris', 2, '1880..1940'], ['moscow', 3, '1900..1960']])
    run('synth', '--works', '1500', '--body', '1500', '--seed', String(seed), '--years', years, '-o', path.join(archives, `${name}.json`));
  run('pack', path.join(root, 'data/serge.json'), '-o', path.join(dir, 'site/serge'), '--container', path.join(dir, 'site/serge.lectern'));
  const said = run('pack', archives, '-o', path.join(dir, 'site/synth'), '--container', path.join(dir, 'site/synth.lectern'),
    '--title', 'Three cities');
  console.log(`      pack: ${said.trim()}`);
  return JSON.parse(fs.readFileSync(path.join(archives, 'paris.json'), 'utf8'));
}

// A static host that honours Range (206), or ignores it (200 with the whole file), and
// counts what it was asked. `headers`: more headers for a file, by its path (a host set up
// as dist/site/README asks).
export async function rangeServer(dir, { ignoreRange = false, headers = () => ({}) } = {}) {
  const port = await freePort();
  const log = [];
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.join(dir, path.normalize(name.endsWith('/') ? name + 'index.html' : name));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    const data = fs.readFileSync(file);
    const type = file.endsWith('.html') ? 'text/html' : file.endsWith('.js') ? 'text/javascript'
      : file.endsWith('.wasm') ? 'application/wasm' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream';
    const m = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range || '');
    log.push({ name, range: req.headers.range || null });
    if (m && !ignoreRange) {
      const a = +m[1], b = Math.min(+m[2], data.length - 1);
      res.writeHead(206, { 'Content-Type': type, 'Content-Range': `bytes ${a}-${b}/${data.length}`, 'Content-Length': b - a + 1,
        ...headers(name) });
      res.end(data.subarray(a, b + 1));
      return;
    }
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': data.length, ...headers(name) });
    res.end(data);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  // stop() ends kept-alive connections too: the host is gone, as for a reader offline.
  return { url: `http://127.0.0.1:${port}/`, log, stop: () => { server.close(); server.closeAllConnections(); } };
}

const lib = (page) => page.evaluate(() => window.lectern.state().library);
const waitFor = (page, fn, arg, timeout = 20000) => poll(page, fn, arg, timeout);

// A library is open once its manifest is in: the title shows, the counts are drawn.
async function openLibrary(context, url) {
  const opened = await context.open(url);
  await waitFor(opened.page, () => window.lectern.state().library !== null);
  return opened;
}

// Opens work `id` by a link and reads its text: the reader says "loading", then shows it
// (the bundled archive's works have no text: "none").
async function readWork(page, id, textless = false) {
  await command(page, { link: '#work=' + id });
  await waitFor(page, (id) => window.lectern.state().selected === id, id);
  await waitFor(page, (want) => window.lectern.state().reader.body === want, textless ? 'none' : 'ready');
}

// Written once for every engine (engines.mjs): `engineRef` is the engine, `context` a profile
// of it. What depends on the build rather than the engine (a site carrying a library) runs in
// Chromium alone; Open… where the driver answers a file chooser (not WebKitWebDriver).
export async function libraries(engineRef, context, siteDir, singleFile) {
  const engine = engineRef.name;
  const named = (what) => engineLabel(engine, what);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-library-'));
  fs.cpSync(siteDir, path.join(dir, 'site'), { recursive: true });
  const paris = packLibraries(dir);
  // Every collection has works w0…w1499: in the library they are told apart as paris-w1499.
  const far = paris.works[paris.works.length - 1];
  const plain = await startServer(path.join(dir, 'site'));
  const ranged = await rangeServer(path.join(dir, 'site'));
  const whole = await rangeServer(path.join(dir, 'site'), { ignoreRange: true });
  try {
    await test(named('library (folder, plain static server): the bundled archive packed reads as the archive'), async () => {
      const { page, errors } = await openLibrary(context, plain.url + '?library=serge/library.json');
      // Loaded, and drawn (the eras are those drawn, so a frame after the front matter came).
      await waitFor(page, () => {
        const s = window.lectern.state();
        return s.library.loaded === 37 && s.archive.pages === 4 && s.eras.length > 0;
      });
      const s = await state(page);
      equal([s.archive.title, s.archive.people, s.archive.pages], ['Victor Serge', 2, 4], 'front matter from the collection');
      equal(s.library.collections, 1, 'collections');
      assert(s.library.requests <= 4, `${s.library.requests} requests for a 37-work library`);
      await command(page, { search: 'gide' });  // the library's own index (tests/web/library_search.mjs)
      await waitFor(page, () => window.lectern.state().library.search.status === 'done');
      assert((await state(page)).results.length > 0, 'a search finds André Gide');
      equal(errors, [], 'console errors');
      await page.close();
    });

    await test(named('library (folder): counts first, tiles for the view, a far work by its link, its text'), async () => {
      const { page, errors } = await openLibrary(context, plain.url + '?library=synth/library.json');
      let s = await state(page);
      equal([s.archive.title, s.library.works, s.library.collections], ['Three cities', 4500, 3], 'the manifest');
      assert(s.visible.clusters > 0 && s.visible.items > 4000, `counts drawn at once: ${JSON.stringify(s.visible)}`);
      equal(s.library.loaded, 0, 'no tile fetched for the whole span');
      await command(page, { view: { start: 1920, end: 1921 } });
      await waitFor(page, () => window.lectern.state().library.loaded > 0 && window.lectern.state().library.pending === 0);
      s = await state(page);
      assert(s.library.loaded <= 8 * 512, `only the tiles in view: ${s.library.loaded}`);
      // A work in view (its tile here): its text is one request.
      const near = paris.works.find((w) => /^1920-0[3-9]-\d\d$/.test(w.date || ''));
      let before = s.library.requests;
      await readWork(page, 'paris-' + near.id);
      equal((await lib(page)).requests - before, 1, 'requests to open a work in view');
      // A far work by its link: its id block, its tile, its text, and the tiles where the view goes.
      before = (await lib(page)).requests;
      await readWork(page, 'paris-' + far.id);
      s = await state(page);
      assert(s.library.requests - before <= 3 + 8, `a far work took ${s.library.requests - before} requests`);
      // The timeline went to it once its tile arrived.
      const year = /^\d{4}/.test(far.date || '') ? +far.date.slice(0, 4) : null;
      if (year !== null) {
        await waitFor(page, (y) => { const v = window.lectern.state().view; return v.start <= y + 1 && v.end >= y; }, year);
      }
      // Lanes by collection: a lane per city, and the works not loaded yet counted apart.
      equal((await command(page, { group: 'collection' })).ok, true, 'group command');
      s = await state(page);
      equal(s.grouping, 'collection', 'grouping');
      for (const seed of [1, 2, 3])
        assert(s.lane_titles.includes(`Synthetic archive (1500 works, seed ${seed})`), `lane titles: ${s.lane_titles}`);
      assert(s.lanes.includes('unloaded'), `a lane for what is not loaded: ${s.lanes}`);
      await command(page, { group: 'kind' });
      equal(errors, [], 'console errors');
      await page.close();
    });

    if (!engineRef.fileChooser) console.log(`      ${engine}: Open… is not tested (its driver answers no file chooser)`);
    // Both libraries, the bundled archive's and the synthetic one, in both container ways.
    const works = { serge: ['1936-open-letter-to-andre-gide', 37], synth: ['paris-' + far.id, 4500] };
    for (const [name, [id, total]] of Object.entries(works)) {
      await test(named(`library ${name} (container, HTTP Range): opens from its head, texts by ranges of their own`), async () => {
        ranged.log.length = 0;
        const { page, errors } = await openLibrary(context, ranged.url + `?library=${name}.lectern`);
        await readWork(page, id, name === 'serge');
        equal((await lib(page)).works, total, 'works');
        const ranges = ranged.log.filter((r) => r.name === `/${name}.lectern`);
        assert(ranges.length >= 2 && ranges.every((r) => r.range), `every read is a Range: ${JSON.stringify(ranges)}`);
        equal(errors, [], 'console errors');
        await page.close();
      });

      if (engineRef.fileChooser) await test(named(`library ${name} (container from disk): chosen with Open… on the single file, read with File.slice`), async () => {
        const { page, errors } = await context.open('file://' + singleFile);
        await page.chooseFiles(() => page.evaluate(() => window.lecternOpenFile()), [path.join(dir, `site/${name}.lectern`)]);
        await waitFor(page, () => window.lectern.state().library !== null);
        await readWork(page, id, name === 'serge');
        equal((await lib(page)).works, total, 'works');
        equal(errors, [], 'console errors');
        await page.close();
      });
    }

    await test(named('library (container, a host that ignores Range): read whole once, nothing lost'), async () => {
      const { page, errors } = await openLibrary(context, whole.url + '?library=synth.lectern');
      await readWork(page, 'paris-' + far.id);
      assert(await page.evaluate(() => window.lecternLibrary.rangeIgnored), 'the page noticed the 200');
      equal(errors, [], 'console errors');
      await page.close();
    });

    await test(named('library (container from disk): dropped on the single file, read with File.slice'), async () => {
      const { page, errors } = await context.open('file://' + singleFile);
      const bytes = fs.readFileSync(path.join(dir, 'site/synth.lectern')).toString('base64');
      await page.evaluate((b64) => {
        const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bin], 'synth.lectern'));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, bytes);
      await waitFor(page, () => window.lectern.state().library !== null);
      await readWork(page, 'paris-' + far.id);
      equal((await state(page)).archive.title, 'Three cities', 'title');
      equal(errors, [], 'console errors');
      await page.close();
    });

    if (engine === 'chromium') await test('site build carrying a library (build-wasm.sh --library=DIR): opens it in place of archive.json', async () => {
      const carried = path.join(dir, 'carried');
      execFileSync('python3', [path.join(root, 'web/assemble.py'), 'site', path.join(root, 'build/wasm'),
        path.join(root, 'data/serge.json'), carried, path.join(dir, 'site/synth')]);
      const host = await startServer(carried);
      try {
        const { page, errors } = await openLibrary(context, host.url);
        equal((await state(page)).archive.title, 'Three cities', 'the carried library, not archive.json');
        await readWork(page, 'paris-' + far.id);
        equal(errors, [], 'console errors');
        await page.close();
        // Its library gone from the host: archive.json instead, and the reason.
        fs.rmSync(path.join(carried, 'library/library.json'));
        const fallback = await context.open(host.url);
        await waitFor(fallback.page, () => !document.getElementById('problems').hidden);
        equal((await state(fallback.page)).archive.title, 'Victor Serge', 'archive.json, the fallback');
        await fallback.page.close();
      } finally {
        host.stop();
      }
    });

    await test(named('library faults: a corrupt tile and a missing one are named, the rest loads, Retry reads them'), async () => {
      const broken = path.join(dir, 'site/broken');
      fs.cpSync(path.join(dir, 'site/synth'), broken, { recursive: true });
      const manifest = JSON.parse(fs.readFileSync(path.join(broken, 'library.json'), 'utf8'));
      const mid = manifest.tiles.findIndex((t) => t.start >= 1920);
      const [corrupt, missing] = [manifest.tiles[mid].part[0], manifest.tiles[mid + 1].part[0]];
      const corruptPath = path.join(broken, corrupt), missingPath = path.join(broken, missing);
      const good = fs.readFileSync(corruptPath);
      const bad = Buffer.from(good);
      bad[bad.length >> 1] ^= 0x55;
      fs.writeFileSync(corruptPath, bad);
      fs.renameSync(missingPath, missingPath + '.away');
      const { page, errors } = await openLibrary(context, plain.url + '?library=broken/library.json');
      await command(page, { view: { start: manifest.tiles[mid].start, end: manifest.tiles[mid + 1].end } });
      await waitFor(page, () => window.lectern.state().library.failed && window.lectern.state().library.pending === 0);
      const s = await state(page);
      assert(s.notice.includes(missing) || s.notice.includes(corrupt), `the notice names the part: ${s.notice}`);
      const loaded = s.library.loaded;
      assert(loaded > 0, 'the other tiles in view loaded');
      // The host serves them again: Retry reads them.
      fs.writeFileSync(corruptPath, good);
      fs.renameSync(missingPath + '.away', missingPath);
      await command(page, { retry: true });
      await waitFor(page, (n) => window.lectern.state().library.loaded > n && !window.lectern.state().library.failed, loaded);
      equal(errors.filter((e) => !/404|Failed to load resource/.test(e)), [], 'console errors');
      await page.close();
    });
  } finally {
    plain.stop();
    ranged.stop();
    whole.stop();
  }
}
