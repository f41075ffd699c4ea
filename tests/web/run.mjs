// Browser tests: both outputs of ./build-wasm.sh in Debian's headless Chromium; the tests
// written for every engine (engines.mjs: the offline site) in Chromium, Firefox ESR and WebKitGTK.
//   dist/lectern.html, copied alone into an empty folder and opened from file://
//   dist/site/, served by `python3 -m http.server` on 127.0.0.1
// Prints one line per test and ends with "N passed, N failed".
//
//   dist/checked/lectern.html (with --checked): the single file built with
//     Emscripten's run-time checks (-sASSERTIONS=2 -sSAFE_HEAP=1), through the same suite
//
//   node tests/web/run.mjs [--screenshot docs/screenshot.png] [--checked]
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  root, artifacts, CHROMIUM_ARGS, results, test, assert, equal, startServer, openPage,
  state, command, nextFrames, settle, idle, drawnPast, axisY, inkStats,
} from './harness.mjs';
import { archiveUrls } from './archive_url.mjs';
import { faults } from './faults.mjs';
import { screens } from './screens.mjs';
import { prefs } from './prefs.mjs';
import { themes } from './themes.mjs';
import { mirror } from './mirror.mjs';
import { fonts } from './fonts.mjs';
import { offline } from './offline.mjs';
import { launchEngine } from './engines.mjs';
import { everyEngine } from './every_engine.mjs';
import { touch } from './touch.mjs';
import { typing } from './typing.mjs';
import { embedding, embeddingFromFile } from './embedding.mjs';
import { images } from './images.mjs';
import { languages } from './languages.mjs';
import { scripts } from './scripts.mjs';
import { indexing } from './indexing.mjs';
import { libraries } from './library.mjs';
import { librarySearch } from './library_search.mjs';

const screenshotArg = process.argv.indexOf('--screenshot');
const readmeShot = screenshotArg > 0 ? path.resolve(process.argv[screenshotArg + 1]) : null;
const checked = process.argv.includes('--checked') ? path.join(root, 'dist/checked/lectern.html') : null;

// ---- the tests, run against each output ----------------------------------------------
async function suite(browser, label, url, shotName) {
  let opened;
  await test(`${label}: opens and draws the Serge archive`, async () => {
    opened = await openPage(browser, url);
    const s = await state(opened.page);
    equal(s.archive.title, 'Victor Serge', 'archive title');
    equal(s.archive.works, 37, 'works');
    equal(s.archive.people, 2, 'people');
    equal(s.archive.pages, 4, 'pages');
    assert(s.frames >= 1, 'no frame drawn');
    assert(typeof opened.page.evaluate === 'function', 'page');
    const title = await opened.page.title();
    assert(title.includes('Victor Serge'), `page title is "${title}"`);
    const ms = await opened.page.evaluate(() => window.lectern.firstFrameMs);
    console.log(`      first frame at ${ms.toFixed(0)} ms`);
  });
  if (!opened) return;
  const { page, errors } = opened;

  await test(`${label}: the start-up phases are timed (lectern.timings, state().timings)`, async () => {
    const t = await page.evaluate(() => ({ page: window.lectern.timings, viewer: window.lectern.state().timings }));
    console.log(`      ${JSON.stringify(t)}`);
    // The checked build inlines its wasm the Emscripten way: its loader, not the page, compiles it.
    const pagePhases = ['archive', 'runtime', 'load', 'firstFrame', ...(label.startsWith('checked') ? [] : ['wasmCompile', 'wasmInstantiate'])];
    for (const k of pagePhases) assert(t.page[k] > 0, `lectern.timings.${k} is ${t.page[k]}`);
    for (const k of ['parse', 'index', 'fontAtlas', 'firstLayout', 'firstDraw'])
      assert(t.viewer[k] > 0, `state().timings.${k} is ${t.viewer[k]}`);
    assert(t.page.firstFrame >= t.page.load, 'the first frame came before the load');
  });

  await test(`${label}: no console errors`, async () => {
    await nextFrames(page, 10);
    equal(errors, [], 'console errors');
  });

  await test(`${label}: the screenshot shows the timeline and the text`, async () => {
    await nextFrames(page, 5);
    const png = await page.screenshot();
    fs.writeFileSync(path.join(artifacts, shotName), png);
    if (readmeShot && label.startsWith('single')) fs.copyFileSync(path.join(artifacts, shotName), readmeShot);
    const { ink, colours } = await inkStats(browser, png);
    assert(ink > 0.02, `only ${(ink * 100).toFixed(2)}% of the page is drawn`);
    assert(colours > 20, `only ${colours} colours: not the timeline and reader`);
  });

  await test(`${label}: command({open}) selects a work; unknown ids are refused`, async () => {
    equal(await command(page, { open: '1936-08-10-letter-to-trotsky' }), { ok: true }, 'open reply');
    equal((await state(page)).selected, '1936-08-10-letter-to-trotsky', 'selected');
    const bad = await command(page, { open: 'no-such-work' });
    equal(bad.ok, false, 'unknown id reply');
    equal((await state(page)).selected, '1936-08-10-letter-to-trotsky', 'selected after a bad id');
    equal(await command(page, { open: null }), { ok: true }, 'close reply');
  });

  await test(`${label}: a click on a work's mark on the timeline selects it`, async () => {
    // Zoom to Conquered City (1932, alone in its year), as a reader would, then click along its column.
    equal(await command(page, { view: { start: 1931.6, end: 1933.4 } }), { ok: true }, 'view reply');
    await nextFrames(page, 3);
    let selected = null;
    for (let y = 40; y < 300 && !selected; y += 4) {
      await page.mouse.click(640, y);
      await nextFrames(page, 2);
      selected = (await state(page)).selected;
    }
    equal(selected, '1932-conquered-city-novel', 'selected by the click');
  });

  await test(`${label}: the wheel zooms and a drag pans the timeline`, async () => {
    equal(await command(page, { fit: true }), { ok: true }, 'fit reply');
    await nextFrames(page, 2);
    const before = (await state(page)).view;
    const axis = await axisY(page);
    await page.mouse.move(640, axis);
    await page.mouse.wheel(0, -300);
    await nextFrames(page, 3);
    const zoomed = (await state(page)).view;
    assert(zoomed.end - zoomed.start < (before.end - before.start) * 0.9, `wheel did not zoom: ${JSON.stringify(zoomed)}`);
    await page.mouse.move(640, axis);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) { await page.mouse.move(640 + 20 * i, axis); await nextFrames(page, 1); }
    await page.mouse.up();
    await nextFrames(page, 2);
    const panned = (await state(page)).view;
    assert(panned.start < zoomed.start, `drag right did not move the window back in time: ${JSON.stringify(panned)}`);
    assert(Math.abs((panned.end - panned.start) - (zoomed.end - zoomed.start)) < 1e-6, 'drag changed the zoom');
  });

  await test(`${label}: state().visible counts what the timeline drew`, async () => {
    equal(await command(page, { fit: true }), { ok: true }, 'fit reply');
    await settle(page);
    equal((await state(page)).visible.items, 49, 'items at the fitted view (37 works, 10 events, 2 lives)');
    equal(await command(page, { view: { start: 1931.6, end: 1933.4 } }), { ok: true }, 'view reply');
    await nextFrames(page, 3);
    const v = (await state(page)).visible;
    assert(v.items >= 3 && v.items <= 6, `items in 1932: ${JSON.stringify(v)}`);  // two lives, the novel, an event or two
    equal(v.clusters, 0, 'clusters in 1932');
  });

  await test(`${label}: state().eras has the bundled eras as drawn; hovering a band away from items names it`, async () => {
    equal(await command(page, { view: { start: 1930, end: 1948 } }), { ok: true }, 'view reply');
    await nextFrames(page, 3);
    const eras = (await state(page)).eras;
    equal(eras.map((e) => e.title), ['In Soviet Russia', 'Arrest and exile', 'In the West', 'Refuge in Mexico'], 'eras drawn');
    assert(eras.every((e) => e.labelled && e.x0 < e.x1 && e.y0 < e.y1), `bands: ${JSON.stringify(eras)}`);
    // The label strip above the lanes holds no items: the era is what is under the pointer there.
    const mexico = eras[3];
    await page.mouse.move((mexico.x0 + mexico.x1) / 2, mexico.y0 + 6);
    await nextFrames(page, 3);
    equal((await state(page)).hovered_era, 'Refuge in Mexico', 'era under the pointer');
    await page.mouse.move(1270, 790);
    await nextFrames(page, 2);
    equal((await state(page)).hovered_era, null, 'era under the pointer once it left the timeline');
  });

  // ImGui asks SDL for system cursors, which SDL's Emscripten driver sets as the canvas's
  // CSS cursor (SDL for wasm is built without image cursors: tools/deps.sh).
  await test(`${label}: the pointer is an I-beam over the search box and the reader's text, an arrow over the timeline`, async () => {
    const cursorAt = async (x, y) => {
      await page.mouse.move(x, y);
      await nextFrames(page, 3);
      return page.evaluate(() => document.getElementById('canvas').style.cursor);
    };
    const box = await page.evaluate(() => document.getElementById('textfield').getBoundingClientRect().toJSON());
    equal(await cursorAt(box.x + box.width / 2, box.y + box.height / 2), 'text', 'cursor over the search box');
    equal(await cursorAt(1100, 250), 'default', 'cursor over the timeline');
    // Down the middle of the reader (the front matter) until the pointer is over text.
    equal(await command(page, { link: '#' }), { ok: true }, 'link reply');
    let y = 450;
    while (y < 790 && await cursorAt(640, y) !== 'text') y += 20;
    assert(y < 790, "no I-beam anywhere down the middle of the reader's text");
    equal(await cursorAt(1200, y), 'default', 'cursor over the margin beside the text');
  });

  await test(`${label}: search finds what the issue names, and typing searches`, async () => {
    equal(await command(page, { search: 'trotsky' }), { ok: true }, 'search reply');
    const s = await state(page);
    equal(s.query, 'trotsky', 'query');
    for (const ref of ['work:1936-08-10-letter-to-trotsky', 'work:1936-08-14-letter-to-trotsky',
      'work:1938-10-kronstadt-trotskys-defense-response-to-trotsky', 'work:1938-09-on-their-morals-and-ours', 'page:biography'])
      assert(s.results.includes(ref), `trotsky does not find ${ref}: ${JSON.stringify(s.results)}`);
    equal((await command(page, { search: 'zzzxqy' })), { ok: true }, 'no-match reply');
    equal((await state(page)).results, [], 'results for a word not in the archive');
    equal(await command(page, { search: '' }), { ok: true }, 'clear reply');
    // As a reader: '/' focuses the box, type, Enter opens the first result.
    await page.mouse.click(640, 700);
    await page.keyboard.press('/');
    await nextFrames(page, 2);
    await page.keyboard.type('andre gide', { delay: 20 });
    // Each key event takes a frame to reach the viewer: wait for the last one.
    await page.waitForFunction(() => window.lectern.state().query === 'andre gide', null, { timeout: 10000 })
      .catch(() => {});
    const typed = await state(page);
    equal(typed.query, 'andre gide', 'typed query');
    equal(typed.results[0], 'work:1936-open-letter-to-andre-gide', 'first result');
    await page.keyboard.press('Enter');
    await nextFrames(page, 3);
    equal((await state(page)).selected, '1936-open-letter-to-andre-gide', 'opened by Enter');
    await page.keyboard.press('Escape');
    equal(await command(page, { search: '' }), { ok: true }, 'clear reply');
  });

  await test(`${label}: Export saves the bibliography as CSV and the archive as JSON`, async () => {
    const [csv] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), command(page, { export: 'csv' })]);
    equal(csv.suggestedFilename(), 'victor-serge-bibliography.csv', 'CSV file name');
    const csvText = fs.readFileSync(await csv.path(), 'utf8');
    assert(csvText.startsWith('date,edtf,title,kind,people,attribution,section,id,source\r\n'), 'CSV header');
    equal(csvText.trim().split('\r\n').length, 38, 'CSV rows (header and 37 works)');
    const [js] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), command(page, { export: 'json' })]);
    equal(js.suggestedFilename(), 'victor-serge.json', 'JSON file name');
    equal(fs.readFileSync(await js.path(), 'utf8'), fs.readFileSync(path.join(root, 'data/serge.json'), 'utf8'), 'exported archive');
  });

  await test(`${label}: opening a work writes the URL; Back and Forward step through works`, async () => {
    await command(page, { open: '1919-07-machine-gun-poem' });
    await nextFrames(page, 3);
    await command(page, { open: '1932-conquered-city-novel' });
    await nextFrames(page, 3);
    assert((await page.evaluate(() => location.hash)).startsWith('#work=1932-conquered-city-novel'), 'hash after opening');
    await page.goBack();
    await nextFrames(page, 3);
    equal((await state(page)).selected, '1919-07-machine-gun-poem', 'selected after Back');
    await page.goForward();
    await nextFrames(page, 3);
    equal((await state(page)).selected, '1932-conquered-city-novel', 'selected after Forward');
  });

  await test(`${label}: Copy link gives a URL that opens the same work`, async () => {
    equal(await command(page, { copy: 'link' }), { ok: true }, 'copy reply');
    await page.mouse.move(630, 690);  // a frame carries the copy out
    await page.waitForFunction(() => !!window.lectern.copiedLink, null, { timeout: 5000 });
    const url = await page.evaluate(() => window.lectern.copiedLink);
    assert(url.includes('#work=1932-conquered-city-novel'), `copied ${url}`);
    const { page: other, errors } = await openPage(browser, url);
    await nextFrames(other, 2);
    equal((await state(other)).selected, '1932-conquered-city-novel', 'selected from the copied link');
    equal(errors, [], 'console errors');
    await other.close();
  });

  await test(`${label}: an idle page draws no frames`, async () => {
    await settle(page);
    await page.mouse.move(1270, 790);
    await idle(page);
    const before = (await state(page)).frames;
    await page.waitForTimeout(5000);  // what is measured: five seconds without input
    const after = (await state(page)).frames;
    console.log(`      frames drawn in 5 idle seconds: ${after - before}`);
    equal(after - before, 0, 'frames drawn while idle');
    await page.mouse.move(600, 200);
    await drawnPast(page, after);
    assert((await state(page)).frames > after, 'input did not wake the viewer');
  });

  await test(`${label}: a dropped file loads; a bad one shows its problems and the archive stays`, async () => {
    // A file dropped on the page, as the browser delivers it.
    const drop = (name, text) => page.evaluate(([n, t]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], n, { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, [name, text]);
    const before = await state(page);
    await drop('broken.json', '{"lectern": 1, "title": 7, "works": [{"id": "Bad Id", "title": "x", "date": "1936-13"}]}');
    await page.waitForSelector('#problems:not([hidden])', { timeout: 10000 });
    const heading = await page.locator('#problems h2').innerText();
    assert(heading.includes('broken.json'), `dialog heading: ${heading}`);
    const listed = await page.locator('#problems li').allInnerTexts();
    assert(listed.some((t) => t.includes('title: expected a string')), `problems: ${listed}`);
    assert(listed.some((t) => t.includes("works[0].date: invalid date '1936-13': month 13")), `problems: ${listed}`);
    assert(listed.some((t) => t.includes('works[0].id')), `problems: ${listed}`);
    equal((await state(page)).archive, before.archive, 'archive after a bad file');
    await page.click('#problems button');
    assert(await page.locator('#problems').isHidden(), 'dialog closes');
    await drop('other.json', JSON.stringify({ lectern: 1, title: 'Opened from disk', works: [{ id: 'a', title: 'A', date: '1950' }] }));
    await page.waitForFunction(() => window.lectern.state().archive.title === 'Opened from disk', null, { timeout: 10000 });
    equal(await command(page, { load: fs.readFileSync(path.join(root, 'data/serge.json'), 'utf8') }), { ok: true }, 'reload Serge');
  });

  await test(`${label}: loading bad JSON is refused and the archive stays`, async () => {
    await command(page, { open: '1932-conquered-city-novel' });
    await settle(page);
    const before = await state(page);
    const reply = await command(page, { load: '{bad json' });
    equal(reply.ok, false, 'load reply');
    assert(/line 1, column 2/.test(reply.error), `error names no position: ${reply.error}`);
    const typed = await command(page, { load: '{"lectern":1,"title":"T","works":[{"id":"a","title":7,"date":null}]}' });
    assert(/works\[0\]\.title/.test(typed.error), `error names no member: ${typed.error}`);
    const after = await state(page);
    equal(after.archive, before.archive, 'archive after bad loads');
    equal(after.selected, before.selected, 'selection after bad loads');
    equal(after.view, before.view, 'view after bad loads');
  });

  await test(`${label}: a valid archive loads through command({load})`, async () => {
    const other = { lectern: 1, title: 'Другой архив — Ελληνικά', works: [{ id: 'x', title: 'X', date: '-0500' }] };
    equal(await command(page, { load: JSON.stringify(other) }), { ok: true }, 'load reply');
    await nextFrames(page, 2);
    const s = await state(page);
    equal([s.archive.title, s.archive.works, s.selected], [other.title, 1, null], 'loaded archive');
    assert((await page.title()).startsWith(other.title), 'page title follows the archive');
    equal(errors, [], 'console errors');
  });
  await page.close();
}

// A shared link opens what it names; a broken one is ignored with a notice.
async function deepLinks(browser, label, base) {
  await test(`${label}: a link opens the work and the view it names`, async () => {
    const { page, errors } = await openPage(browser, base + '#work=1932-conquered-city-novel&view=1919/1925');
    await nextFrames(page, 3);
    const s = await state(page);
    equal(s.selected, '1932-conquered-city-novel', 'selected from the link');
    assert(Math.abs(s.view.start - 1919) < 0.01 && Math.abs(s.view.end - 1925) < 0.01, `view ${JSON.stringify(s.view)}`);
    equal(errors, [], 'console errors');
    await page.close();
  });
  await test(`${label}: garbage and 100 KB links are ignored, never a crash`, async () => {
    for (const h of ['#work=no-such-work&view=abc&zz=%', '#' + 'x'.repeat(100000)]) {
      const { page, errors } = await openPage(browser, base + h);
      await nextFrames(page, 3);
      const s = await state(page);
      equal([s.archive.works, s.selected], [37, null], 'state after a bad link');
      equal(errors, [], 'console errors');
      await page.close();
    }
  });
}

// Without DecompressionStream the single file cannot unpack its wasm: it says so.
async function withoutDecompression(browser, url) {
  await test('single file (file://): without DecompressionStream the page says so', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    await page.addInitScript(() => { delete window.DecompressionStream; });
    await page.goto(url);
    await page.locator('#status', { hasText: /DecompressionStream/ }).waitFor({ timeout: 10000 }).catch(() => {});
    const text = await page.locator('#status').innerText();
    assert(/DecompressionStream/.test(text), `status says: ${text}`);
    assert(await page.locator('#status').isVisible(), 'the message is hidden');
    await page.close();
  });
}

// Without WebGL 2 the page explains what is missing instead of staying blank.
async function withoutWebGL2(browser, url) {
  await test('single file (file://): without WebGL 2 the page says so', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    await page.addInitScript(() => {
      const real = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return kind === 'webgl2' ? null : real.call(this, kind, ...rest);
      };
    });
    await page.goto(url);
    await page.locator('#status', { hasText: /WebGL 2/ }).waitFor({ timeout: 10000 }).catch(() => {});
    const text = await page.locator('#status').innerText();
    assert(/WebGL 2/.test(text), `status says: ${text}`);
    assert(await page.locator('#status').isVisible(), 'the message is hidden');
    await page.close();
  });
}

// ---- main ---------------------------------------------------------------------------
const single = path.join(root, 'dist/lectern.html');
const siteDir = path.join(root, 'dist/site');
for (const f of [single, path.join(siteDir, 'index.html'), ...(checked ? [checked] : [])])
  if (!fs.existsSync(f)) { console.error(`missing ${f}: run ./build-wasm.sh first`); process.exit(2); }

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const lonely = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-single-'));
fs.copyFileSync(single, path.join(lonely, 'lectern.html'));
if (checked) fs.copyFileSync(checked, path.join(lonely, 'lectern-checked.html'));
const server = await startServer(siteDir);
try {
  await suite(browser, 'single file (file://)', 'file://' + path.join(lonely, 'lectern.html'), 'single.png');
  await suite(browser, 'site (http://127.0.0.1)', server.url, 'site.png');
  await withoutWebGL2(browser, 'file://' + path.join(lonely, 'lectern.html'));
  await withoutDecompression(browser, 'file://' + path.join(lonely, 'lectern.html'));
  await deepLinks(browser, 'single file (file://)', 'file://' + path.join(lonely, 'lectern.html'));
  await deepLinks(browser, 'site (http://127.0.0.1)', server.url);
  await mirror(browser, 'file://' + path.join(lonely, 'lectern.html'), 'single file (file://)');
  await mirror(browser, server.url, 'site (http://127.0.0.1)');
  await fonts(browser, 'single file (file://)', 'file://' + path.join(lonely, 'lectern.html'), false);
  await fonts(browser, 'site (http://127.0.0.1)', server.url, true);
  await archiveUrls(browser, siteDir, path.join(lonely, 'lectern.html'));
  await faults(browser, 'file://' + path.join(lonely, 'lectern.html'));
  await screens(browser, 'file://' + path.join(lonely, 'lectern.html'));
  await prefs(browser, 'file://' + path.join(lonely, 'lectern.html'));
  await touch(browser, 'file://' + path.join(lonely, 'lectern.html'));
  await typing(browser, 'file://' + path.join(lonely, 'lectern.html'));
  await images(browser);
  await themes(browser, 'file://' + path.join(lonely, 'lectern.html'), server.url);
  await embedding(browser, server.url);
  await embeddingFromFile(browser, path.join(lonely, 'lectern.html'));
  await languages(browser, 'file://' + path.join(lonely, 'lectern.html'));
  await indexing(browser, 'file://' + path.join(lonely, 'lectern.html'));
  await libraries(browser, siteDir, path.join(lonely, 'lectern.html'));
  await librarySearch(browser, siteDir);
  await scripts(browser, 'file://' + path.join(lonely, 'lectern.html'), readmeShot ? path.dirname(readmeShot) : null);
  if (checked) await suite(browser, 'checked build (SAFE_HEAP, file://)', 'file://' + path.join(lonely, 'lectern-checked.html'), 'checked.png');
} finally {
  server.stop();
  fs.rmSync(lonely, { recursive: true, force: true });
}

// ---- the tests written for every engine (engines.mjs) -------------------------------
// (Chromium's `browser` stays open to decode the other engines' screenshots.)
// Chromium runs the whole suite above; every engine runs these. Each engine's share of the
// results, by their index ranges:
const ranges = { chromium: [[0, results.length]] };
for (const name of ['chromium', 'firefox', 'webkit']) {
  if (name !== 'chromium' && !process.env.DISPLAY) {
    console.log(`${name}: not run: it needs a display (./run-tests.sh runs this under xvfb-run)`);
    continue;
  }
  const start = results.length;
  let engine = null;
  await test(`${name}: the browser starts`, async () => { engine = await launchEngine(name); });
  if (engine) {
    try {
      await everyEngine(engine, single, browser);
      await offline(engine);
    } finally {
      await engine.close();
    }
  }
  (ranges[name] = ranges[name] || []).push([start, results.length]);
}
await browser.close();
const share = (name) => {
  const r = ranges[name].flatMap(([a, b]) => results.slice(a, b));
  const p = r.filter(Boolean).length;
  return `${name}: ${p} passed, ${r.length - p} failed`;
};
console.log(Object.keys(ranges).map(share).join('; '));
const passed = results.filter(Boolean).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(results.length - passed === 0 && results.length > 0 ? 0 : 1);
