// What the reader chose is kept between visits (localStorage), and the system's
// colour scheme is followed until the reader chooses one.
import { test, assert, equal, openPage, state, nextFrames } from './harness.mjs';

export async function prefs(browser, url) {
  await test(`single file (file://): the reading size is kept across visits`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(url);
    await page.waitForFunction(() => window.lectern && window.lectern.firstFrameMs !== null, null, { timeout: 60000 });
    await page.mouse.click(640, 650);  // the reader
    await nextFrames(page, 2);
    for (let i = 0; i < 3; i++) { await page.keyboard.press('Control+Equal'); await nextFrames(page, 2); }
    equal((await state(page)).prefs.reading_scale, 1.3, 'reading size after Ctrl + = three times');
    await page.reload();
    await page.waitForFunction(() => window.lectern && window.lectern.firstFrameMs !== null, null, { timeout: 60000 });
    await nextFrames(page, 2);
    equal((await state(page)).prefs.reading_scale, 1.3, 'reading size after a reload');
    // A store that is not ours is ignored with a warning; the page works.
    await page.evaluate(() => localStorage.setItem('lectern.prefs', '{"reading_scale": "huge"'));
    await page.reload();
    await page.waitForFunction(() => window.lectern && window.lectern.firstFrameMs !== null, null, { timeout: 60000 });
    equal((await state(page)).archive.works, 37, 'archive after a broken store');
    equal(errors, [], 'console errors');
    await context.close();
  });

  await test(`single file (file://): the system's dark scheme is followed, live`, async () => {
    const { page, errors } = await openPage(browser, url);
    equal((await state(page)).theme, 'light', 'theme under a light system');
    await page.emulateMedia({ colorScheme: 'dark' });
    await nextFrames(page, 2);
    equal((await state(page)).theme, 'dark', 'theme once the system turned dark');
    equal(errors, [], 'console errors');
    await page.close();
  });
}
