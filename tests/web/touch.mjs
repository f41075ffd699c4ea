// A touch screen: one finger drags the timeline, two fingers pinch-zoom it around
// the point between them, a flick scrolls the reader's text and glides on, and the
// page itself never zooms.
import { test, assert, equal, state, nextFrames, settle, idle, axisY, openPage } from './harness.mjs';

export async function touch(browser, url) {
  await test('single file (file://): on a touch screen, one finger pans and two fingers pinch-zoom the timeline, a flick scrolls the reader', async () => {
    const { page, errors } = await openPage(browser, url, { hasTouch: true });
    await settle(page);
    const cdp = await page.context().newCDPSession(page);
    const touches = (type, points) => cdp.send('Input.dispatchTouchEvent', {
      type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
    const span = (v) => v.end - v.start;

    // One finger: a drag to the left moves the view later in time, at the same zoom.
    const y = await axisY(page);  // on the timeline, away from its marks
    const before = (await state(page)).view;
    await touches('touchStart', [[700, y]]);
    for (let i = 1; i <= 8; i++) await touches('touchMove', [[700 - 25 * i, y]]);
    await touches('touchEnd', []);
    await settle(page);
    const panned = (await state(page)).view;
    assert(panned.start > before.start, `one finger did not pan: ${JSON.stringify(before)} -> ${JSON.stringify(panned)}`);
    assert(Math.abs(span(panned) - span(before)) < 1e-6 * span(before), 'one finger zoomed');

    // Two fingers spreading from 100 px to 400 px apart: a quarter of the span.
    await touches('touchStart', [[650, y], [750, y]]);
    for (let i = 1; i <= 6; i++) await touches('touchMove', [[650 - 25 * i, y], [750 + 25 * i, y]]);
    await touches('touchEnd', []);
    await nextFrames(page, 3);
    await settle(page);
    const pinched = (await state(page)).view;
    const ratio = span(pinched) / span(panned);
    assert(ratio > 0.2 && ratio < 0.3, `pinch to 4x the distance made the span ${ratio.toFixed(3)} of what it was`);
    // A flick up the reader's text scrolls it with the finger, and it glides on after
    // the finger lifts: further than the finger went, then it rests.
    const scroll = async () => (await state(page)).reader.scroll;
    equal(await scroll(), 0, 'reader scroll before the flick');
    await touches('touchStart', [[640, 740]]);
    for (let i = 1; i <= 5; i++) await touches('touchMove', [[640, 740 - 40 * i]]);
    // A flick lifts off moving: the last move and the lift come together.
    await Promise.all([touches('touchMove', [[640, 500]]), touches('touchEnd', [])]);
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
    await page.waitForTimeout(500);  // what is measured: half a second without input
    equal((await state(page)).frames, f, 'frames drawn after the glide came to rest');
    // The page itself did not zoom or scroll.
    equal(await page.evaluate(() => [window.visualViewport.scale, window.scrollX, window.scrollY]), [1, 0, 0], 'page zoom and scroll');
    equal(errors, [], 'console errors');
    await page.close();
  });
}
