// The text mirror beside the canvas: what screen readers, the browser's find,
// search engines, readers without JavaScript and printers get.
import fs from 'node:fs';
import path from 'node:path';
import { test, assert, equal, openPage, state, command, nextFrames, artifacts, pngPage } from './harness.mjs';

const DISPUTED = '1938-09-on-their-morals-and-ours';

export async function mirror(browser, url, label) {
  await test(`${label}: without JavaScript, the page is the archive as HTML`, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(url);
    // Search engines and readers without JavaScript read the mirror as the page ships it:
    // the front matter and every work, on screen.
    equal(await page.locator('#mirror-archive ol.works > li').count(), 37, 'works in the shipped mirror');
    assert(await page.getByRole('link', { name: 'The Illegals' }).isVisible(), 'a work on screen');
    assert(await page.getByRole('heading', { level: 1, name: 'Victor Serge' }).isVisible(), 'the title on screen');
    assert(await page.locator('noscript').count() === 1, 'the note on JavaScript');
    assert(await page.locator('#canvas').isHidden(), 'an empty canvas over the text');
    await context.close();
  });

  await test(`${label}: the archive is on screen before the viewer starts, and the canvas takes its place`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // The wasm held back: its compilation waits until the test lets it go.
    await context.addInitScript(() => {
      const held = [];
      window.releaseWasm = () => held.splice(0).forEach((go) => go());
      const hold = (f) => (...args) => new Promise((resolve) => held.push(() => resolve(f(...args))));
      WebAssembly.compile = hold(WebAssembly.compile.bind(WebAssembly));
      WebAssembly.compileStreaming = hold(WebAssembly.compileStreaming.bind(WebAssembly));
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length === 1);
    const title = page.getByRole('heading', { level: 1, name: 'Victor Serge' });
    const illegals = page.locator('#mirror-archive a[href="#work=1908-06-the-illegals"]');
    assert(await title.isVisible() && await illegals.isVisible(), 'the front matter and the works on screen');
    // Where the viewer will draw them: the works where the timeline goes (under the 36 px
    // bar, above 36 + 48 % of 800), the front matter in the reader's column below.
    const t = await title.boundingBox();
    const w = await illegals.boundingBox();
    assert(t.x > 300 && t.x < 330 && t.y > 420 && t.y < 480, `the title where the reader shows it: ${JSON.stringify(t)}`);
    assert(w.y > 36 && w.y < 420, `the works where the timeline goes: ${JSON.stringify(w)}`);
    assert(await page.locator('#canvas').isHidden(), 'the canvas is shown before its first frame');
    equal(await page.locator('#status').innerText(), 'Loading the archive…', 'the loading line');
    assert(await page.evaluate(() => window.lectern.firstFrameMs === null), 'the viewer drew while held');
    const before = await page.screenshot();
    fs.writeFileSync(path.join(artifacts, 'preview.png'), before);
    // A work chosen in the HTML opens in the viewer once it starts.
    await illegals.click();
    await page.evaluate(() => window.releaseWasm());
    await page.waitForFunction(() => window.lectern.firstFrameMs !== null, null, { timeout: 60000 });
    await page.waitForFunction(() => window.lectern.state().selected === '1908-06-the-illegals', null, { timeout: 10000 });
    assert(await page.locator('#canvas').isVisible(), 'the canvas after its first frame');
    const box = await page.locator('#mirror-archive').boundingBox();
    assert(!box || box.width <= 1, `the mirror left on screen: ${JSON.stringify(box)}`);
    assert(await page.locator('#status').isHidden(), 'the loading line stays');
    // No jump in colour: the ground at the reader's left margin is the same before and after.
    const after = await page.screenshot();
    const png = await pngPage(browser);
    const [a, b] = await png.evaluate(async ([x, y]) => Promise.all(x.map(async (b64) =>
      Array.from((await window.decodePng(b64, { rect: { x: 100, y: 700, width: 1, height: 1 } })).data.slice(0, 3)))),
    [[before.toString('base64'), after.toString('base64')]]);
    await png.close();
    assert(a.every((v, i) => Math.abs(v - b[i]) <= 2), `the ground went from ${a} to ${b}`);
    equal(errors, [], 'page errors');
    await context.close();
  });

  await test(`${label}: the page's HTML wears the reader's kept language and theme before the viewer starts`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    await context.addInitScript(() => {
      localStorage.setItem('lectern.prefs', JSON.stringify({ language: 'fr', theme: 'dark' }));
      WebAssembly.compile = WebAssembly.compileStreaming = () => new Promise(() => {});  // never starts
    });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    equal(await page.locator('#mirror-archive .works-section h2').innerText(), 'Œuvres', 'the works heading');
    const item = await page.locator('#mirror-archive a[href="#work=1938-09-on-their-morals-and-ours"]').locator('..').innerText();
    assert(item.includes('(document · attribution contestée)'), `a work's kind and attribution: ${item}`);
    assert((await page.locator('#mirror-archive').innerText()).includes('Mis à jour le'), 'the update line');
    equal(await page.locator('#status').innerText(), "Chargement de l'archive…", 'the loading line');
    // The dark theme's ground (src/ui/theme.cpp) though the system is light.
    equal(await page.evaluate(() => getComputedStyle(document.getElementById('mirror')).backgroundColor), 'rgb(28, 25, 22)',
      'the ground');
    await context.close();
  });

  await test(`${label}: screen readers get headings, lists and links, and hear which work opened`, async () => {
    const { page, errors } = await openPage(browser, url);
    await nextFrames(page, 2);
    equal(await page.getByRole('heading', { level: 1, name: 'Victor Serge' }).count(), 1, 'the archive title as h1');
    assert(await page.getByRole('heading', { level: 2, name: 'Works' }).count() === 1, 'a Works heading');
    equal(await page.getByRole('list').filter({ has: page.locator('a[href^="#work="]') }).count(), 1, 'one works list');
    equal(await page.locator('#mirror-archive a[href^="#work="]').count(), 37, 'a link per work');
    // Opening a work (as a click on the timeline would) fills the mirror and the live region.
    equal(await command(page, { open: DISPUTED }), { ok: true }, 'open');
    await nextFrames(page, 3);
    const title = await page.locator('#mirror-work h1').innerText();
    assert(/Their Morals and Ours/i.test(title), `the open work in the mirror: ${title}`);
    assert((await page.locator('#mirror-work').innerText()).includes('Attribution disputed'), 'attribution in the mirror');
    equal(await page.locator('#announce').getAttribute('aria-live'), 'polite', 'the live region');
    assert((await page.locator('#announce').textContent()).startsWith(title), 'the live region names the work');
    // The browser's own find (Ctrl+F) sees the text; the canvas has none.
    assert(await page.evaluate(() => window.find('Kronstadt')), 'find-in-page finds a title');
    // A link in the mirror opens its work in the viewer.
    await page.evaluate(() => document.querySelector('#mirror-archive a[href="#work=1908-06-the-illegals"]').click());
    await page.waitForFunction(() => window.lectern.state().selected === '1908-06-the-illegals', null, { timeout: 5000 });
    equal(errors, [], 'console errors');
    await page.close();
  });

  await test(`${label}: printing prints the open work as text, or the front matter`, async () => {
    const { page, errors } = await openPage(browser, url);
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
    const { page, errors } = await openPage(browser, url);
    const other = { lectern: 1, title: 'A <b>bold</b> archive', works: [{ id: 'x', title: '<img src=x onerror=alert(1)>', date: '1950' }] };
    equal(await command(page, { load: JSON.stringify(other) }), { ok: true }, 'load');
    await nextFrames(page, 3);
    equal(await page.locator('#mirror-archive h1').innerText(), other.title, 'the new title, as text');
    equal(await page.locator('#mirror-archive img, #mirror-archive b').count(), 0, 'archive text is never markup');
    equal((await state(page)).archive.works, 1, 'archive');
    equal(errors, [], 'console errors');
    await page.close();
  });
}
