// A touch screen: one finger drags the timeline, two fingers pinch-zoom it around
// the point between them, a flick scrolls the reader's text and glides on, and the
// page itself never zooms. In every engine whose driver sends touches (engines.mjs: not
// WebKitWebDriver).
import { test, assert, equal, state, nextFrames, settle, idle, axisY, engineLabel } from './harness.mjs';

export async function touch(engine, url) {
  const label = engineLabel(engine.name, 'single file (file://)');
  if (!engine.touch) {
    console.log(`      ${engine.name}: touch is not tested (its driver sends no touch events)`);
    return;
  }
  await test(`${label}: on a touch screen, one finger pans and two fingers pinch-zoom the timeline, a flick scrolls the reader`, async () => {
    const context = await engine.context({ touch: true });
    try {
      const { page, errors } = await context.open(url);
      await settle(page);
      const span = (v) => v.end - v.start;

      // One finger: a drag to the left moves the view later in time, at the same zoom.
      const y = await axisY(page);  // on the timeline, away from its marks
      const before = (await state(page)).view;
      await page.touch.start([[700, y]]);
      for (let i = 1; i <= 8; i++) await page.touch.move([[700 - 25 * i, y]]);
      await page.touch.end();
      await settle(page);
      const panned = (await state(page)).view;
      assert(panned.start > before.start, `one finger did not pan: ${JSON.stringify(before)} -> ${JSON.stringify(panned)}`);
      assert(Math.abs(span(panned) - span(before)) < 1e-6 * span(before), 'one finger zoomed');

      // Two fingers spreading from 100 px to 400 px apart: a quarter of the span.
      await page.touch.start([[650, y], [750, y]]);
      for (let i = 1; i <= 6; i++) await page.touch.move([[650 - 25 * i, y], [750 + 25 * i, y]]);
      await page.touch.end();
      await nextFrames(page, 3);
      await settle(page);
      const pinched = (await state(page)).view;
      const ratio = span(pinched) / span(panned);
      assert(ratio > 0.2 && ratio < 0.3, `pinch to 4x the distance made the span ${ratio.toFixed(3)} of what it was`);
      // A flick up the reader's text scrolls it with the finger, and it glides on after
      // the finger lifts: further than the finger went, then it rests.
      const scroll = async () => (await state(page)).reader.scroll;
      equal(await scroll(), 0, 'reader scroll before the flick');
      await page.touch.start([[640, 740]]);
      for (let i = 1; i <= 5; i++) await page.touch.move([[640, 740 - 40 * i]]);
      // A flick lifts off moving: the last move and the lift come together.
      await Promise.all([page.touch.move([[640, 500]]), page.touch.end()]);
      let last = -1, now = await scroll();
      for (let i = 0; i < 100 && now !== last; i++) {
        await nextFrames(page, 5);
        last = now;
        now = await scroll();
      }
      assert(now > 240 + 20, `the finger went 240 px up and the text scrolled ${now} px in all: no glide`);
      assert(now < 240 + 4 * 800, `the glide ran away: ${now} px`);
      await idle(page);  // past the half second of frames after input
      const f = (await state(page)).frames;
      await new Promise((r) => setTimeout(r, 500));  // what is measured: half a second without input
      equal((await state(page)).frames, f, 'frames drawn after the glide came to rest');
      // The page itself did not zoom or scroll.
      equal(await page.evaluate(() => [window.visualViewport.scale, window.scrollX, window.scrollY]), [1, 0, 0], 'page zoom and scroll');
      equal(errors, [], 'console errors');
    } finally {
      await context.close();
    }
  });
}
