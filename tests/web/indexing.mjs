// The search index of a large archive builds between frames: a query typed meanwhile waits
// with the progress shown, the page keeps answering input, and the answer comes when the
// index is ready.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, assert, equal, openPage, state, command, nextFrames, root } from './harness.mjs';

export async function indexing(browser, url) {
  await test('indexing: a large archive\'s index builds between frames; input acts meanwhile; the query waits and is answered', async () => {
    const file = path.join(os.tmpdir(), 'lectern-indexing.json');
    execFileSync(path.join(root, 'build/native/lectern-tool'),
      ['synth', '--works', '16000', '--body', '1500', '--seed', '21', '-o', file]);  // about 24 MB of text: an idle machine indexed 12 MB before the test could wheel
    const { page, errors } = await openPage(browser, url);
    // Time the viewer's frames (its animation-frame callbacks).
    await page.evaluate(() => {
      const raf = window.requestAnimationFrame.bind(window);
      window.__frames = [];
      window.requestAnimationFrame = (cb) => raf((t) => { const t0 = performance.now(); cb(t); window.__frames.push(performance.now() - t0); });
    });
    equal(await command(page, { load: fs.readFileSync(file, 'utf8') }), { ok: true }, 'load');
    fs.rmSync(file);
    await page.evaluate(() => { window.__frames = []; });  // the load's own frame is not the index's
    equal(await command(page, { search: 'journey' }), { ok: true }, 'search');
    let s = await state(page);
    assert(s.searching, 'the query does not wait for the index');
    assert(s.index.building && s.index.progress < 1, `index: ${JSON.stringify(s.index)}`);
    equal(s.results, [], 'results before the index is ready');
    // Input acts while the index builds: the wheel over the timeline zooms within two frames.
    await nextFrames(page, 3);
    const before = (await state(page)).view;
    await page.mouse.move(640, 200);
    await page.mouse.wheel(0, -400);
    await nextFrames(page, 2);
    s = await state(page);
    assert(s.index.building, 'the index was built before the wheel could be tried: make the archive larger');
    assert(s.view.end - s.view.start < (before.end - before.start) * 0.95, `the wheel did not zoom while indexing: ${JSON.stringify(s.view)}`);
    const seen = [s.index.progress];
    await page.waitForFunction(() => { const st = window.lectern.state(); return !st.searching; }, null, { timeout: 120000, polling: 200 })
      .catch(() => {});
    s = await state(page);
    equal(s.searching, false, 'still waiting for the index');
    assert(s.results.length > 0, 'no results once the index was ready');
    assert(seen[0] > 0 || s.index.progress === 1, 'progress');
    const frames = await page.evaluate(() => window.__frames);
    console.log(`      ${frames.length} frames while indexing; longest ${Math.max(...frames).toFixed(0)} ms (figures: bench/index_browser_bench.mjs)`);
    equal(errors, [], 'console errors');
    await page.close();
  });
}
