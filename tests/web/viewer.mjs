// The viewer's own suite, written once for every engine (engines.mjs): the single file, the
// site and the checked build each go through it in Chromium; the single file in Firefox ESR
// and WebKitGTK too. Where an engine's driver cannot do what a test needs, the test says so
// in its place and is not counted.
import fs from 'node:fs';
import path from 'node:path';
import {
  root, artifacts, test, assert, equal, state, command, nextFrames, settle, idle, drawnPast, axisY, inkStats,
  textOf, textsOf, shown, clickOn, withFirstScript, downloaded,
} from './harness.mjs';
import { until } from './engines.mjs';


// The viewer on the Serge archive, one page through every test: drawing, the pointer, keys,
// the URL, the clipboard, files dropped and loaded. `context` is an engine's (engines.mjs);
// `decoder` a Chromium browser that reads screenshots (harness.mjs, inkStats).
export async function viewerSuite(context, engine, label, url, shotName, decoder, readmeShot = null) {
  let opened;
  await test(`${label}: opens and draws the Serge archive`, async () => {
    opened = await context.open(url);
    const s = await state(opened.page);
    equal(s.archive.title, 'Victor Serge', 'archive title');
    equal(s.archive.works, 37, 'works');
    equal(s.archive.people, 2, 'people');
    equal(s.archive.pages, 4, 'pages');
    assert(s.frames >= 1, 'no frame drawn');
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
    // Firefox and WebKit give performance.now() in whole milliseconds (timer precision reduced
    // against timing attacks): a phase shorter than one, as indexing 37 works is, reads 0 there.
    // The font atlas and the first draw take longer than a millisecond everywhere.
    const whole = engine !== 'chromium';
    for (const k of ['parse', 'index', 'fontAtlas', 'firstLayout', 'firstDraw']) {
      const timed = whole && !['fontAtlas', 'firstDraw'].includes(k) ? t.viewer[k] >= 0 : t.viewer[k] > 0;
      assert(timed, `state().timings.${k} is ${t.viewer[k]}`);
    }
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
    const { ink, colours } = await inkStats(decoder, png);
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
    await until(page, (b) => { const v = window.lectern.state().view; return v.end - v.start < (b.end - b.start) * 0.9; },
      before, 'the wheel to zoom in');
    await settle(page);
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
    await until(page, () => document.activeElement && document.activeElement.id === 'textfield', undefined,
      'the text input focused by "/"');
    await page.keyboard.type('andre gide');
    // Each key event takes a frame to reach the viewer: wait for the last one.
    await until(page, () => window.lectern.state().query === 'andre gide', undefined, 'the typed query').catch(() => {});
    const typed = await state(page);
    equal(typed.query, 'andre gide', 'typed query');
    equal(typed.results[0], 'work:1936-open-letter-to-andre-gide', 'first result');
    await page.keyboard.press('Enter');
    await until(page, () => window.lectern.state().selected === '1936-open-letter-to-andre-gide', undefined, 'Enter to open')
      .catch(() => {});
    equal((await state(page)).selected, '1936-open-letter-to-andre-gide', 'opened by Enter');
    await page.keyboard.press('Escape');
    equal(await command(page, { search: '' }), { ok: true }, 'clear reply');
  });

  await test(`${label}: Export saves the bibliography as CSV and the archive as JSON`, async () => {
    // None left by an earlier page of this profile (a browser would name a new one "(1)").
    for (const name of ['victor-serge-bibliography.csv', 'victor-serge.json']) fs.rmSync(path.join(context.downloads, name), { force: true });
    equal(await command(page, { export: 'csv' }), { ok: true }, 'CSV reply');
    await page.mouse.move(630, 690);  // a frame carries the download out
    const csvText = await downloaded(context, 'victor-serge-bibliography.csv');
    assert(csvText.startsWith('date,edtf,title,kind,people,attribution,section,id,source\r\n'), 'CSV header');
    equal(csvText.trim().split('\r\n').length, 38, 'CSV rows (header and 37 works)');
    equal(await command(page, { export: 'json' }), { ok: true }, 'JSON reply');
    await page.mouse.move(640, 690);
    equal(await downloaded(context, 'victor-serge.json'), fs.readFileSync(path.join(root, 'data/serge.json'), 'utf8'),
      'exported archive');
  });

  await test(`${label}: opening a work writes the URL; Back and Forward step through works`, async () => {
    await command(page, { open: '1919-07-machine-gun-poem' });
    await nextFrames(page, 3);
    await command(page, { open: '1932-conquered-city-novel' });
    await until(page, () => location.hash.startsWith('#work=1932-conquered-city-novel'), undefined, 'the fragment written')
      .catch(() => {});
    assert((await page.evaluate(() => location.hash)).startsWith('#work=1932-conquered-city-novel'), 'hash after opening');
    await page.evaluate(() => history.back());
    await until(page, () => window.lectern.state().selected === '1919-07-machine-gun-poem', undefined, 'Back').catch(() => {});
    equal((await state(page)).selected, '1919-07-machine-gun-poem', 'selected after Back');
    await page.evaluate(() => history.forward());
    await until(page, () => window.lectern.state().selected === '1932-conquered-city-novel', undefined, 'Forward')
      .catch(() => {});
    equal((await state(page)).selected, '1932-conquered-city-novel', 'selected after Forward');
  });

  await test(`${label}: Copy link gives a URL that opens the same work`, async () => {
    await command(page, { open: '1932-conquered-city-novel' });
    equal(await command(page, { copy: 'link' }), { ok: true }, 'copy reply');
    await page.mouse.move(630, 690);  // a frame carries the copy out
    await until(page, () => !!window.lectern.copiedLink, undefined, 'the copied link');
    const url = await page.evaluate(() => window.lectern.copiedLink);
    assert(url.includes('#work=1932-conquered-city-novel'), `copied ${url}`);
    const { page: other, errors } = await context.open(url);
    try {
      await nextFrames(other, 2);
      equal((await state(other)).selected, '1932-conquered-city-novel', 'selected from the copied link');
      equal(errors, [], 'console errors');
    } finally {
      await other.close();
    }
  });

  await test(`${label}: an idle page draws no frames`, async () => {
    await settle(page);
    await page.mouse.move(1270, 790);
    await idle(page);
    const before = (await state(page)).frames;
    await new Promise((r) => setTimeout(r, 5000));  // what is measured: five seconds without input
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
    await until(page, () => !document.getElementById('problems').hidden, undefined, 'the problems dialog');
    const heading = await textOf(page, '#problems h2');
    assert(heading.includes('broken.json'), `dialog heading: ${heading}`);
    const listed = await textsOf(page, '#problems li');
    assert(listed.some((t) => t.includes('title: expected a string')), `problems: ${listed}`);
    assert(listed.some((t) => t.includes("works[0].date: invalid date '1936-13': month 13")), `problems: ${listed}`);
    assert(listed.some((t) => t.includes('works[0].id')), `problems: ${listed}`);
    equal((await state(page)).archive, before.archive, 'archive after a bad file');
    await clickOn(page, '#problems button');
    await until(page, () => document.getElementById('problems').hidden, undefined, 'the dialog to close');
    await drop('other.json', JSON.stringify({ lectern: 1, title: 'Opened from disk', works: [{ id: 'a', title: 'A', date: '1950' }] }));
    await until(page, () => window.lectern.state().archive.title === 'Opened from disk', undefined, 'the dropped archive');
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
export async function deepLinks(context, label, base) {
  await test(`${label}: a link opens the work and the view it names`, async () => {
    const { page, errors } = await context.open(base + '#work=1932-conquered-city-novel&view=1919/1925');
    await nextFrames(page, 3);
    const s = await state(page);
    equal(s.selected, '1932-conquered-city-novel', 'selected from the link');
    assert(Math.abs(s.view.start - 1919) < 0.01 && Math.abs(s.view.end - 1925) < 0.01, `view ${JSON.stringify(s.view)}`);
    equal(errors, [], 'console errors');
    await page.close();
  });
  await test(`${label}: garbage and 100 KB links are ignored, never a crash`, async () => {
    for (const h of ['#work=no-such-work&view=abc&zz=%', '#' + 'x'.repeat(100000)]) {
      const { page, errors } = await context.open(base + h);
      await nextFrames(page, 3);
      const s = await state(page);
      equal([s.archive.works, s.selected], [37, null], 'state after a bad link');
      equal(errors, [], 'console errors');
      await page.close();
    }
  });
}

// Where the browser lacks what the viewer needs, the page says what is missing instead of
// staying blank. The lack is made by a first script that takes the feature away, as an
// older browser would not have it.
export async function withoutFeatures(context, label, singleUrl) {
  const lacking = [
    ['DecompressionStream', /DecompressionStream/, 'delete window.DecompressionStream;'],
    ['WebGL 2', /WebGL 2/, `const real = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return kind === 'webgl2' ? null : real.call(this, kind, ...rest);
      };`],
  ];
  for (const [what, says, script] of lacking) {
    await test(`${label}: without ${what} the page says so`, async () => {
      const lacks = await withFirstScript(singleUrl, null, script);
      const { page } = await context.open(null);
      try {
        await page.goto(lacks.url);
        await until(page, (re) => new RegExp(re).test(document.getElementById('status').innerText), says.source,
          `the status line to name ${what}`).catch(() => {});
        const text = await textOf(page, '#status');
        assert(says.test(text), `status says: ${text}`);
        assert(await shown(page, '#status'), 'the message is hidden');
      } finally {
        await page.close();
        lacks.close();
      }
    });
  }
}
