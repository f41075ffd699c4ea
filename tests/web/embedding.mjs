// Lectern in another page's <iframe> (docs/embedding.md), driven through the frame of
// the example host page dist/site/embed-example.html, served under the site's strict
// Content-Security-Policy with frame-ancestors 'self': the compact layout, the lanes
// and theme options, a guest that takes neither the host's focus nor its scroll, keys
// and the wheel only where they belong, and deep links inside the frame.
//
// Written once for every engine (engines.mjs): iframes, focus and the wheel are where engines
// differ. Writes tests/web/artifacts/embed-<engine>-640x400.png and -360x480.png (the frame alone).
import fs from 'node:fs';
import path from 'node:path';
import { test, assert, equal, artifacts, state, nextFrames, settle, axisY, inkStats, cropPng, clickOn } from './harness.mjs';
import { firstFrame, until } from './engines.mjs';
import { fixtureServer } from './archive_url.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; frame-ancestors 'self'";
const START_WORK = '1936-08-10-letter-to-trotsky';  // the example's work=
const HOST_SCROLL = 40;

const viewerReady = (frame) => until(frame, () => !!(window.lectern && window.lectern.firstFrameMs !== null), undefined,
  'the framed viewer\'s first frame', 60000);
const host = (page) => page.evaluate(() => ({
  active: document.activeElement && (document.activeElement.id || document.activeElement.tagName),
  scrollY: window.scrollY, hash: location.hash, history: history.length,
}));
// Where the frame's content starts on the host's screen (inside its 1px border).
async function frameBox(page) {
  const b = await page.evaluate(() => document.getElementById('lectern').getBoundingClientRect().toJSON());
  return { x: b.x + 1, y: b.y + 1, width: b.width - 2, height: b.height - 2 };
}

// `engine` from engines.mjs; `siteDir` the site build, served here under the strict policy;
// `decoder` Chromium's browser, which reads screenshots.
export async function embedding(engine, siteDir, decoder) {
  const name = engine.name;
  const named = (what) => (name === 'chromium' ? what : what.replace(/^embedding/, `embedding (${name})`));
  // Every response carries the strict policy; the frame's page waits until the host has
  // its focus and scroll position, so the test sees whether loading the viewer moves them.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const server = await fixtureServer(siteDir, { csp: CSP, hold: (p) => (p.endsWith('/index.html') ? held : null) });
  const context = await engine.context({ viewport: { width: 1000, height: 700 } });
  const { page, errors } = await context.open(null);
  const frame = page.frame('#lectern');
  let ready = false;
  let before = null;

  await test(named('embedding: the example host page loads the viewer in its frame; the host keeps its focus and scroll'), async () => {
    // Not page.goto: its load waits for the frame, which waits for the focus and scroll.
    await page.goto('about:blank');
    await page.evaluate((url) => { location.href = url; }, server.url + 'embed-example.html');
    await until(page, () => location.pathname.endsWith('embed-example.html') && !!document.getElementById('note'), undefined,
      'the host page');
    await page.evaluate((y) => { document.getElementById('note').focus(); window.scrollTo(0, y); }, HOST_SCROLL);
    before = await host(page);
    equal([before.active, before.scrollY], ['note', HOST_SCROLL], 'host before the frame loads');
    release();
    await viewerReady(frame);
    ready = true;
    await nextFrames(frame, 20);
    const after = await host(page);
    equal([after.active, after.scrollY, after.hash], [before.active, before.scrollY, before.hash], 'host after the frame loaded');
    equal(await frame.evaluate(() => document.hasFocus()), false, 'the frame has the focus');
    equal(errors, [], 'console errors (CSP violations included)');
  });
  if (!ready) { await context.close(); server.stop(); return; }

  await test(named('embedding: embed=1, lanes=works and theme=dark apply; work= opens its work; the theme is not stored'), async () => {
    const s = await state(frame);
    const { full_view: fullView, ...embed } = s.embed;
    equal(embed, { compact: true, lanes: ['works'], theme: 'dark' }, 'state().embed');
    assert(fullView.startsWith('#work=' + START_WORK + '&view=') && !/embed|lanes|theme/.test(fullView),
      `what Full viewer opens: ${fullView}`);
    equal(s.selected, START_WORK, 'the work named in the frame\'s src');
    assert(s.lanes.length >= 2 && !s.lanes.includes('people') && !s.lanes.includes('events'),
      `lanes drawn: ${JSON.stringify(s.lanes)}`);
    assert(s.lanes.includes('letter') && s.lanes.includes('article'), `work lanes missing: ${JSON.stringify(s.lanes)}`);
    equal([s.theme, s.prefs.theme], ['dark', ''], 'theme shown, theme kept as the reader\'s choice');
    const inFrame = await frame.evaluate(() => ({
      stored: localStorage.getItem('lectern.prefs'), chrome: document.documentElement.getAttribute('data-theme'),
      scrollable: document.scrollingElement.scrollHeight > innerHeight,
    }));
    assert(!inFrame.stored || JSON.parse(inFrame.stored).theme !== 'dark', `stored preferences: ${inFrame.stored}`);
    equal(inFrame.chrome, 'dark', 'the page around the canvas');
    equal(inFrame.scrollable, false, 'the frame\'s page can scroll');
  });

  await test(named('embedding: a host that changes the frame\'s theme= after load turns the viewer and the page around it'), async () => {
    const src = (theme) => page.evaluate((t) => {
      const f = document.getElementById('lectern');
      f.src = f.src.replace(/theme=(dark|light)/, 'theme=' + t);
    }, theme);
    for (const theme of ['light', 'dark']) {
      await src(theme);
      await until(frame, (t) => location.hash.includes('theme=' + t), theme, `the frame's theme=${theme}`);
      await nextFrames(frame, 5);
      const s = await state(frame);
      const chrome = await frame.evaluate(() => document.documentElement.getAttribute('data-theme'));
      equal([s.theme, s.embed.theme, chrome], [theme, theme, theme], `after theme=${theme}`);
      equal(s.prefs.theme, '', 'the frame\'s theme is not kept as the reader\'s');
    }
  });

  await test(named('embedding: keys typed in a host field stay in the host'), async () => {
    const s0 = await state(frame);
    await clickOn(page, '#note');
    await page.keyboard.type('/kron');
    for (const k of ['ArrowRight', 'ArrowRight', 'BracketRight', 'Home']) await page.keyboard.press(k);
    await nextFrames(frame, 10);
    const s1 = await state(frame);
    equal(await page.evaluate(() => document.getElementById('note').value), '/kron]', 'the host field');
    equal([s1.query, s1.selected, s1.view], [s0.query, s0.selected, s0.view], 'the viewer after typing in the host');
  });

  await test(named('embedding: a click into the frame gives it the keys: an arrow pans the timeline; the host stays put'), async () => {
    const b = await frameBox(page);
    const s0 = await state(frame);
    await page.mouse.click(b.x + b.width / 2, b.y + await axisY(frame));
    await settle(frame);
    const v0 = (await state(frame)).view;
    equal((await state(frame)).selected, s0.selected, 'selection after the click');
    await page.keyboard.press('ArrowRight');
    await settle(frame);
    const v1 = (await state(frame)).view;
    const span = v0.end - v0.start;
    assert(v1.start > v0.start + span * 0.1, `ArrowRight moved the view from ${v0.start} to ${v1.start}`);
    const h = await host(page);
    equal([h.active, h.scrollY], ['lectern', HOST_SCROLL], 'host focus (the frame, clicked) and scroll');
  });

  await test(named('embedding: the wheel over the frame zooms the timeline without scrolling the host; elsewhere it scrolls the host'), async () => {
    const b = await frameBox(page);
    await page.mouse.move(b.x + b.width / 2, b.y + 120);
    await nextFrames(frame, 2);
    const v0 = (await state(frame)).view;
    for (let i = 0; i < 3; i++) { await page.mouse.wheel(0, -120); await nextFrames(frame, 2); }
    await settle(frame);
    const v1 = (await state(frame)).view;
    assert(v1.end - v1.start < (v0.end - v0.start) * 0.9, `span ${v0.end - v0.start} → ${v1.end - v1.start}`);
    // The frame has zoomed and come to rest: a scroll of the host, had the wheel reached
    // it, would have begun; a frame of the host's shows it.
    await nextFrames(page, 2);
    equal((await host(page)).scrollY, HOST_SCROLL, 'host scroll after the wheel over the frame');
    await page.mouse.move(b.x + b.width / 2, b.y + b.height + 60);  // the host's text below the frame
    await page.mouse.wheel(0, 200);
    await until(page, (y) => window.scrollY > y, HOST_SCROLL, 'the host to scroll');
    await page.evaluate((y) => window.scrollTo(0, y), HOST_SCROLL);
  });

  let chosen = null;
  await test(named('embedding: selecting another work writes the frame\'s fragment, not the host\'s; a reload of the frame keeps it'), async () => {
    const b = await frameBox(page);
    const h0 = await host(page);
    await page.mouse.click(b.x + b.width / 2, b.y + await axisY(frame));  // the timeline has the keys
    await nextFrames(frame, 2);
    await page.keyboard.press('BracketRight');  // the next work in time
    await settle(frame);
    chosen = (await state(frame)).selected;
    assert(chosen && chosen !== START_WORK, `selected after ]: ${chosen}`);
    await until(frame, (id) => location.hash.includes('work=' + id), chosen, 'the frame\'s fragment');
    const hash = await frame.evaluate(() => location.hash);
    assert(hash.startsWith('#embed=1&lanes=works&theme=dark&work='), `frame fragment ${hash}`);
    const h1 = await host(page);
    equal([h1.hash, h1.history], [h0.hash, h0.history], 'host fragment and history length');
    await frame.evaluate(() => { window.beforeReload = true; location.reload(); });
    await until(frame, () => !window.beforeReload && !!(window.lectern && window.lectern.firstFrameMs !== null), undefined,
      'the reloaded frame', 60000);
    await nextFrames(frame, 5);
    const s = await state(frame);
    equal([s.selected, s.embed.compact], [chosen, true], 'after reloading the frame');
  });

  await test(named('embedding: Full viewer → opens the same work in a new tab, without the embed options'), async () => {
    const b = await frameBox(page);
    const tab = await page.popup(async () => {
      await page.mouse.move(b.x + b.width - 30, b.y + 14);
      await nextFrames(frame, 2);
      await page.mouse.down();
      await nextFrames(frame, 2);
      await page.mouse.up();
    });
    try {
      await firstFrame(tab);
      const url = await tab.url();
      assert(url.includes('#work=' + chosen) && !url.includes('embed'), `new tab at ${url}`);
      const s = await tab.evaluate(() => window.lectern.state());
      equal([s.selected, s.embed.compact, s.lanes.includes('people')], [chosen, false, true], 'the full viewer');
    } finally {
      await tab.close();
    }
    // Back in front (a tab behind draws no frames), the viewer's own ask for the click comes and goes.
    await nextFrames(frame, 10);
    equal(await frame.evaluate(() => window.lectern.fullViewsOpened), 1, 'tabs opened by one click');
  });

  for (const [w, h] of [[640, 400], [360, 480]]) {
    await test(named(`embedding: the compact layout draws at ${w}×${h}`), async () => {
      await page.evaluate(([w, h]) => { const f = document.getElementById('lectern'); f.width = w; f.height = h; }, [w, h]);
      await until(frame, ([w, h]) => innerWidth === w && innerHeight === h, [w, h], 'the frame\'s new size');
      // The host's own reflow may move its scroll (scroll anchoring): start from a known place.
      await page.evaluate((y) => window.scrollTo(0, y), HOST_SCROLL);
      await nextFrames(frame, 10);
      equal((await host(page)).scrollY, HOST_SCROLL, 'host scroll');
      await page.evaluate(() => document.getElementById('lectern').scrollIntoView());
      await nextFrames(frame, 3);
      const png = await cropPng(decoder, await page.screenshot(), await frameBox(page));
      fs.writeFileSync(path.join(artifacts, `embed-${name}-${w}x${h}.png`), png);
      const { ink, colours } = await inkStats(decoder, png);
      assert(ink > 0.05 && colours > 20, `ink ${ink}, colours ${colours}`);
    });
  }

  await test(named('embedding: no console errors in the host or the frame'), async () => {
    equal(errors, [], 'console errors');
  });
  await context.close();
  server.stop();
}

// The single file framed by a host page that is itself opened from file:// (docs/embedding.md,
// "From file://"): a host page written beside the lone lectern.html, with the snippet's sandbox.
export async function embeddingFromFile(engine, singleFile) {
  const label = engine.name === 'chromium' ? 'embedding (file://)' : `embedding (${engine.name}, file://)`;
  await test(`${label}: a host page beside the single file frames it with the options applied`, async () => {
    const dir = path.dirname(singleFile);
    const hostFile = path.join(dir, 'embed-host.html');
    fs.writeFileSync(hostFile, '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>host</title></head><body>'
      + '<p>A host page opened from a file.</p><input id="note">'
      + `<iframe id="lectern" title="Lectern" src="${path.basename(singleFile)}#embed=1&amp;lanes=events&amp;theme=dark&amp;work=${START_WORK}"`
      + ' width="640" height="400" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>'
      + '</body></html>');
    const context = await engine.context({ viewport: { width: 800, height: 600 } });
    try {
      const { page, errors } = await context.open(null);
      await page.goto('file://' + hostFile);
      await page.evaluate(() => document.getElementById('note').focus());
      const frame = page.frame('#lectern');
      await viewerReady(frame);
      await nextFrames(frame, 5);
      const s = await state(frame);
      const { full_view: fullView, ...embed } = s.embed;
      equal([embed, s.lanes, s.selected, s.theme], [{ compact: true, lanes: ['events'], theme: 'dark' }, ['events'], START_WORK, 'dark'],
        'the framed single file');
      assert(fullView.startsWith('#work=' + START_WORK), `what Full viewer opens: ${fullView}`);
      // WebKit: the file:// host cannot reach into its frame, so the driver steps in, and that moves the focus.
      if (engine.name !== 'webkit') equal(await page.evaluate(() => document.activeElement.id), 'note', 'the host\'s focus');
      equal(errors, [], 'console errors');
    } finally {
      await context.close();
      fs.unlinkSync(hostFile);
    }
  });
}
