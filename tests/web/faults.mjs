// Faults of the machine rather than the archive: a clock that stands still, runs backwards
// or jumps an hour ahead (a tab hidden for an hour), and a window of no size at all. (The
// GPU context lost and given back: every_engine.mjs.) Written once for every engine
// (engines.mjs); the window of no size is Chromium's alone, the only driver that sets a
// page's size to zero.
import {
  test, assert, equal, state, nextFrames, settle, idle, drawnPast, axisY, inkStats, withFirstScript, engineLabel,
} from './harness.mjs';

// performance.now (which Emscripten's clocks read) under the test's control: the page's first script.
const INSTALL_CLOCK = `(() => {
  const real = performance.now.bind(performance);
  const clock = window.__clock = { offset: 0, frozenAt: null, real };
  performance.now = () => (clock.frozenAt !== null ? clock.frozenAt : real() + clock.offset);
})();`;
const setClock = (page, change) => page.evaluate((c) => {
  const clock = window.__clock;
  if (c.freeze) clock.frozenAt = performance.now();
  if (c.thaw) { clock.offset = clock.frozenAt - clock.real(); clock.frozenAt = null; }  // resumes from where it stood
  if (c.jump) clock.offset += c.jump;
}, change);

// Drags the timeline 300 px to the left along the row at `y` and lets go while moving:
// the view glides on.
async function fling(page, y) {
  await page.mouse.move(700, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(700 - 30 * i, y);
  await page.mouse.up();
}

const span = (v) => v.end - v.start;

export async function faults(context, engine, decoder, url) {
  const label = engineLabel(engine, 'single file (file://)');
  await test(`${label}: a clock that stands still, runs backwards or jumps an hour is survived`, async () => {
    const clocked = await withFirstScript(url, null, INSTALL_CLOCK);
    const { page, errors } = await context.open(clocked.url);
    try {
      await settle(page);
      const start = (await state(page)).view;
      const y = await axisY(page);  // on the timeline, away from its marks

      // Frozen: frames still come and the view stays finite; a glide ends within its bound.
      await setClock(page, { freeze: true });
      const f0 = (await state(page)).frames;
      await fling(page, y);
      await nextFrames(page, 30);
      let s = await state(page);
      assert(s.frames > f0, 'no frames under a frozen clock');
      assert(Number.isFinite(s.view.start) && Number.isFinite(s.view.end), `view ${JSON.stringify(s.view)}`);
      await setClock(page, { thaw: true });
      await settle(page);
      s = await state(page);
      assert(Math.abs(span(s.view) - span(start)) < 1e-6 * span(start), 'zoom changed by a drag');
      assert(s.view.start - start.start < 2 * span(start), `a frozen-clock fling carried the view to ${JSON.stringify(s.view)}`);

      // An hour ahead in the middle of a glide (the tab was hidden): the glide ends where it could.
      const before = (await state(page)).view;
      await fling(page, y);
      await setClock(page, { jump: 3600 * 1000 });
      await settle(page);
      s = await state(page);
      assert(s.view.start - before.start < span(before) * (300 / 1000 + 2 / 3), `after an hour: ${JSON.stringify(s.view)} from ${JSON.stringify(before)}`);

      // An hour backwards: the viewer still goes idle, and input still wakes it.
      await setClock(page, { jump: -2 * 3600 * 1000 });
      await page.mouse.move(600, 500);
      await idle(page);
      const idle0 = (await state(page)).frames;
      await new Promise((r) => setTimeout(r, 1500));  // what is measured: a second and a half without input
      equal((await state(page)).frames - idle0, 0, 'frames drawn while idle after the clock went back');
      await page.mouse.move(610, 510);
      await drawnPast(page, idle0);
      assert((await state(page)).frames > idle0, 'input did not wake the viewer');
      equal(errors, [], 'console errors');
    } finally {
      await page.close();
      clocked.close();
    }
  });

  if (engine === 'chromium') await test(`${label}: a window of no size, then a real one`, async () => {
    const { page: p, errors } = await context.open(url);
    const page = p.raw;
    // Each size stays for three of the page's frames: the viewer's loop runs once a frame
    // and reads the page's size each time.
    for (const size of [0, 1]) {
      await page.setViewportSize({ width: size, height: size });
      await nextFrames(page, 3);
    }
    await page.setViewportSize({ width: 900, height: 700 });
    await page.mouse.move(450, 300);
    await nextFrames(page, 5);
    const stats = await inkStats(decoder, await page.screenshot());
    assert(stats.ink > 0.02, `blank after the resize: ${JSON.stringify(stats)}`);
    equal((await state(page)).archive.works, 37, 'archive');
    equal(errors, [], 'console errors');
    await page.close();
  });
}
