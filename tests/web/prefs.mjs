// What the reader chose is kept between visits (localStorage), and the system's
// colour scheme is followed until the reader chooses one. Written once for every engine
// (engines.mjs); the system turning dark is Chromium's alone (only Playwright emulates
// the colour scheme of a page that is open).
import { test, equal, state, nextFrames, forgetChoices, engineLabel } from './harness.mjs';
import { firstFrame } from './engines.mjs';

export async function prefs(context, engine, url) {
  const label = engineLabel(engine, 'single file (file://)');
  await test(`${label}: the reading size is kept across visits`, async () => {
    const { page, errors } = await context.open(url);
    try {
      await page.mouse.click(640, 650);  // the reader
      await nextFrames(page, 2);
      for (let i = 0; i < 3; i++) { await page.keyboard.press('Control+Equal'); await nextFrames(page, 2); }
      equal((await state(page)).prefs.reading_scale, 1.3, 'reading size after Ctrl + = three times');
      await page.reload();
      await firstFrame(page);
      await nextFrames(page, 2);
      equal((await state(page)).prefs.reading_scale, 1.3, 'reading size after a reload');
      // A store that is not ours is ignored with a warning; the page works.
      await page.evaluate(() => localStorage.setItem('lectern.prefs', '{"reading_scale": "huge"'));
      await page.reload();
      await firstFrame(page);
      equal((await state(page)).archive.works, 37, 'archive after a broken store');
      equal(errors, [], 'console errors');
    } finally {
      await forgetChoices(page);
      await page.close();
    }
  });

  if (engine === 'chromium') await test(`${label}: the system's dark scheme is followed, live`, async () => {
    const { page, errors } = await context.open(url);
    equal((await state(page)).theme, 'light', 'theme under a light system');
    await page.raw.emulateMedia({ colorScheme: 'dark' });
    await nextFrames(page, 2);
    equal((await state(page)).theme, 'dark', 'theme once the system turned dark');
    equal(errors, [], 'console errors');
    await page.close();
  });
}
