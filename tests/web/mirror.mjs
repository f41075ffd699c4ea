// The text mirror beside the canvas: what screen readers, the browser's find,
// search engines, readers without JavaScript and printers get.
import fs from 'node:fs';
import path from 'node:path';
import { test, assert, equal, openPage, state, command, nextFrames, artifacts } from './harness.mjs';

const DISPUTED = '1938-09-on-their-morals-and-ours';

export async function mirror(browser, url, label) {
  await test(`${label}: without JavaScript, the page lists the archive's works`, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url);
    equal(await page.locator('noscript ol.works > li').count(), 37, 'works listed in <noscript>');
    assert((await page.locator('noscript').innerText()).includes('The Illegals'), 'a title in <noscript>');
    // Search engines read the mirror as the page ships: every work is in it.
    equal(await page.locator('#mirror-archive ol.works > li').count(), 37, 'works in the shipped mirror');
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
