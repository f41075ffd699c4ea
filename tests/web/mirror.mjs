// The text mirror beside the canvas: what screen readers, the browser's find,
// search engines, readers without JavaScript and printers get. Written once for every
// engine (engines.mjs); the page without JavaScript and printing are Chromium's alone
// (Playwright turns JavaScript off and emulates print; the other drivers do neither).
import fs from 'node:fs';
import path from 'node:path';
import {
  test, assert, equal, state, command, nextFrames, artifacts, pngPage, textOf, shown, clickOn, withFirstScript, forgetChoices,
} from './harness.mjs';
import { until } from './engines.mjs';

const DISPUTED = '1938-09-on-their-morals-and-ours';

const box = (page, selector) => page.evaluate((s) => {
  const e = document.querySelector(s);
  return e ? e.getBoundingClientRect().toJSON() : null;
}, selector);

// `engineRef` is the engine, `context` a profile of it, `decoder` Chromium's browser: it reads
// the screenshots, and prints (only Playwright emulates print media and makes PDFs here).
export async function mirror({ engineRef, context, decoder, label, url, siteDir }) {
  const engine = engineRef.name;
  await test(`${label}: without JavaScript, the page is the archive as HTML`, async () => {
    const noScript = await engineRef.context({ javascript: false });
    try {
      const { page } = await noScript.open(null);
      await page.goto(url);
      // Search engines and readers without JavaScript read the mirror as the page ships it:
      // the front matter and every work, on screen.
      equal(await page.evaluate(() => document.querySelectorAll('#mirror-archive ol.works > li').length), 37,
        'works in the shipped mirror');
      assert(await shown(page, '#mirror-archive a[href="#work=1908-06-the-illegals"]'), 'a work on screen');
      equal(await textOf(page, '#mirror-archive h1'), 'Victor Serge', 'the title');
      assert(await shown(page, '#mirror-archive h1'), 'the title on screen');
      equal(await page.evaluate(() => document.querySelectorAll('noscript').length), 1, 'the note on JavaScript');
      assert(!(await shown(page, '#canvas')), 'an empty canvas over the text');
      equal(await page.evaluate(() => !!window.lectern), false, 'the page\'s scripts ran');
    } finally {
      await noScript.close();
    }
  });

  await test(`${label}: the archive is on screen before the viewer starts, and the canvas takes its place`, async () => {
    // The wasm held back: its compilation waits until the test lets it go.
    const held = await withFirstScript(url, siteDir, `(() => {
      const held = [];
      window.releaseWasm = () => held.splice(0).forEach((go) => go());
      const hold = (f) => (...args) => new Promise((resolve) => held.push(() => resolve(f(...args))));
      WebAssembly.compile = hold(WebAssembly.compile.bind(WebAssembly));
      WebAssembly.compileStreaming = hold(WebAssembly.compileStreaming.bind(WebAssembly));
    })();`);
    const { page, errors } = await context.open(null);
    try {
      await page.goto(held.url);
      await nextFrames(page, 3);  // painted
      const illegals = '#mirror-archive a[href="#work=1908-06-the-illegals"]';
      assert(await shown(page, '#mirror-archive h1') && await shown(page, illegals), 'the front matter and the works on screen');
      equal(await textOf(page, '#mirror-archive h1'), 'Victor Serge', 'the title');
      // Where the viewer will draw them: the works where the timeline goes (under the 36 px
      // bar, above 36 + 48 % of 800), the front matter in the reader's column below.
      const t = await box(page, '#mirror-archive h1');
      const w = await box(page, illegals);
      assert(t.x > 300 && t.x < 330 && t.y > 420 && t.y < 480, `the title where the reader shows it: ${JSON.stringify(t)}`);
      assert(w.y > 36 && w.y < 420, `the works where the timeline goes: ${JSON.stringify(w)}`);
      assert(!(await shown(page, '#canvas')), 'the canvas is shown before its first frame');
      equal(await textOf(page, '#status'), 'Loading the archive…', 'the loading line');
      assert(await page.evaluate(() => window.lectern.firstFrameMs === null), 'the viewer drew while held');
      const before = await page.screenshot();
      fs.writeFileSync(path.join(artifacts, `preview-${engine}.png`), before);
      // A work chosen in the HTML opens in the viewer once it starts.
      await clickOn(page, illegals);
      await page.evaluate(() => window.releaseWasm());
      await until(page, () => window.lectern.firstFrameMs !== null, undefined, 'the first frame', 60000);
      await until(page, () => window.lectern.state().selected === '1908-06-the-illegals', undefined, 'the work chosen');
      assert(await shown(page, '#canvas'), 'the canvas after its first frame');
      const left = await box(page, '#mirror-archive');
      assert(!left || left.width <= 1, `the mirror left on screen: ${JSON.stringify(left)}`);
      assert(!(await shown(page, '#status')), 'the loading line stays');
      // No jump in colour: the ground at the reader's left margin is the same before and after.
      const after = await page.screenshot();
      const png = await pngPage(decoder);
      const [a, b] = await png.evaluate(async ([x, y]) => Promise.all(x.map(async (b64) =>
        Array.from((await window.decodePng(b64, { rect: { x: 100, y: 700, width: 1, height: 1 } })).data.slice(0, 3)))),
      [[before.toString('base64'), after.toString('base64')]]);
      await png.close();
      assert(a.every((v, i) => Math.abs(v - b[i]) <= 2), `the ground went from ${a} to ${b}`);
      equal(errors, [], 'page errors');
    } finally {
      await page.close();
      held.close();
    }
  });

  await test(`${label}: the page's HTML wears the reader's kept language and theme before the viewer starts`, async () => {
    const kept = await withFirstScript(url, siteDir, `
      localStorage.setItem('lectern.prefs', JSON.stringify({ language: 'fr', theme: 'dark' }));
      WebAssembly.compile = WebAssembly.compileStreaming = () => new Promise(() => {});  // never starts`);
    const { page } = await context.open(null);
    try {
      await page.goto(kept.url);
      await until(page, () => document.documentElement.lang === 'fr', undefined, 'the kept language');
      equal(await textOf(page, '#mirror-archive .works-section h2'), 'Œuvres', 'the works heading');
      const item = await page.evaluate(() =>
        document.querySelector('#mirror-archive a[href="#work=1938-09-on-their-morals-and-ours"]').parentElement.innerText);
      assert(item.includes('(document · attribution contestée)'), `a work's kind and attribution: ${item}`);
      assert((await textOf(page, '#mirror-archive')).includes('Mis à jour le'), 'the update line');
      equal(await textOf(page, '#status'), "Chargement de l'archive…", 'the loading line');
      // The dark theme's ground (src/ui/theme.cpp) though the system is light.
      equal(await page.evaluate(() => getComputedStyle(document.getElementById('mirror')).backgroundColor), 'rgb(28, 25, 22)',
        'the ground');
    } finally {
      await forgetChoices(page);  // what the first script kept is not left for the next tests (one profile)
      await page.close();
      kept.close();
    }
  });

  await test(`${label}: screen readers get headings, lists and links, and hear which work opened`, async () => {
    const { page, errors } = await context.open(url);
    await nextFrames(page, 2);
    const outline = await page.evaluate(() => ({
      h1: Array.from(document.querySelectorAll('h1'), (h) => h.textContent.trim()).filter((t) => t === 'Victor Serge').length,
      works: Array.from(document.querySelectorAll('h2'), (h) => h.textContent.trim()).filter((t) => t === 'Works').length,
      lists: Array.from(document.querySelectorAll('ul, ol')).filter((l) => l.querySelector('a[href^="#work="]')).length,
      links: document.querySelectorAll('#mirror-archive a[href^="#work="]').length,
    }));
    equal(outline, { h1: 1, works: 1, lists: 1, links: 37 }, 'the title as h1, a Works heading, one works list, a link per work');
    if (engine === 'chromium') {  // and as the accessibility tree has them (Playwright reads it)
      const raw = page.raw;
      equal(await raw.getByRole('heading', { level: 1, name: 'Victor Serge' }).count(), 1, 'the archive title as h1 (roles)');
      equal(await raw.getByRole('heading', { level: 2, name: 'Works' }).count(), 1, 'a Works heading (roles)');
      equal(await raw.getByRole('list').filter({ has: raw.locator('a[href^="#work="]') }).count(), 1, 'one works list (roles)');
    }
    // Opening a work (as a click on the timeline would) fills the mirror and the live region.
    equal(await command(page, { open: DISPUTED }), { ok: true }, 'open');
    await nextFrames(page, 3);
    const title = await textOf(page, '#mirror-work h1');
    assert(/Their Morals and Ours/i.test(title), `the open work in the mirror: ${title}`);
    assert((await textOf(page, '#mirror-work')).includes('Attribution disputed'), 'attribution in the mirror');
    const live = await page.evaluate(() => {
      const a = document.getElementById('announce');
      return { live: a.getAttribute('aria-live'), text: a.textContent };
    });
    equal(live.live, 'polite', 'the live region');
    assert(live.text.startsWith(title), `the live region names the work: ${live.text}`);
    // The browser's own find (Ctrl+F) sees the text; the canvas has none.
    assert(await page.evaluate(() => window.find('Kronstadt')), 'find-in-page finds a title');
    // A link in the mirror opens its work in the viewer.
    await page.evaluate(() => document.querySelector('#mirror-archive a[href="#work=1908-06-the-illegals"]').click());
    await until(page, () => window.lectern.state().selected === '1908-06-the-illegals', undefined, 'the linked work');
    equal(errors, [], 'console errors');
    await page.close();
  });

  if (engine === 'chromium') await test(`${label}: printing prints the open work as text, or the front matter`, async () => {
    const { page: p, errors } = await context.open(url);
    const page = p.raw;
    await command(page, { open: DISPUTED });
    await nextFrames(page, 3);
    await page.emulateMedia({ media: 'print' });
    assert(await page.locator('#canvas').isHidden(), 'the canvas is printed');
    assert(await page.locator('#mirror-work h1').isVisible(), 'the work is not printed');
    assert(await page.locator('#mirror-archive').isHidden(), 'the front matter is printed with a work open');
    const pdf = await page.pdf({ format: 'A4' });
    fs.writeFileSync(path.join(artifacts, 'print-work.pdf'), pdf);
    assert(pdf.length > 5000, `a ${pdf.length}-byte PDF`);
    await page.emulateMedia({ media: 'screen' });
    await command(page, { open: null });
    await nextFrames(page, 3);
    await page.emulateMedia({ media: 'print' });
    assert(await page.locator('#mirror-archive h1').isVisible(), 'the front matter is not printed');
    equal(errors, [], 'console errors');
    await page.close();
  });

  await test(`${label}: another archive replaces the mirror`, async () => {
    const { page, errors } = await context.open(url);
    const other = { lectern: 1, title: 'A <b>bold</b> archive', works: [{ id: 'x', title: '<img src=x onerror=alert(1)>', date: '1950' }] };
    equal(await command(page, { load: JSON.stringify(other) }), { ok: true }, 'load');
    await nextFrames(page, 3);
    equal(await textOf(page, '#mirror-archive h1'), other.title, 'the new title, as text');
    equal(await page.evaluate(() => document.querySelectorAll('#mirror-archive img, #mirror-archive b').length), 0,
      'archive text is never markup');
    equal((await state(page)).archive.works, 1, 'archive');
    equal(errors, [], 'console errors');
    await page.close();
  });
}
