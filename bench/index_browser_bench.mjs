// Browser indexing benchmark (not a test): opens dist/lectern.html with a synthetic archive of
// about 100 MB of text (lectern-tool synth --works 50000 --body 2000, served with CORS and opened
// with ?archive=), whose search index the viewer builds between frames (Session::index_some,
// 20 ms a frame), types a query as soon as the archive is loaded and reports as a Markdown table:
//   - the frames while the index built and their work (the page's own rAF callbacks: the viewer's
//     frame), longest and p95; the first of them (the new archive's first layout and draw, besides
//     its slice of the index) is also reported on its own, and the rest without it;
//   - the time from the query (window.lectern.command({search})) to its answer (state().searching
//     false, seen after a frame), and whether it found anything.
//
//   node bench/index_browser_bench.mjs [page.html]   (after ./build-wasm.sh and a native build)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launch, serveWithCors, openWithArchive, pct, root } from './browser_common.mjs';

const tool = path.join(root, 'build/native/lectern-tool');
const pagePath = path.resolve(process.argv[2] || path.join(root, 'dist/lectern.html'));
const works = 50000;
const query = 'journey';
const { browser, tmp } = await launch();
const server = await serveWithCors(tmp);

const file = path.join(tmp, 'synth-index.json');
execFileSync(tool, ['synth', '--works', String(works), '--body', '2000', '-o', file]);
const mb = fs.statSync(file).size / 1e6;
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
// Time every rAF callback (the emscripten main loop runs in one) and, after it, whether the index
// is still building and the query still waiting (read outside the timed part).
await page.addInitScript(() => {
  const raf = window.requestAnimationFrame.bind(window);
  window.__frames = [];  // {at, ms, building}
  window.__building = false;
  window.requestAnimationFrame = (cb) => raf((t) => {
    const t0 = performance.now();
    cb(t);
    const ms = performance.now() - t0;
    if (window.__done || !window.lectern || !window.lectern.state) return;
    let s = null;
    try { s = window.lectern.state(); } catch (e) { return; }
    if (!s || !s.index) return;
    const building = !!s.index.building;
    if (building || window.__building) window.__frames.push({ at: t0, ms, building });
    window.__building = building;
    if (window.__queryAt !== undefined && window.__answerAt === undefined && !s.searching) {
      window.__answerAt = performance.now();
      window.__results = s.results.length;
    }
    if (window.__answerAt !== undefined && !building) window.__done = true;
  });
});
const opened = await openWithArchive(page, pagePath, server.url + path.basename(file), works);
if (!opened.ok) {
  console.log(`${mb.toFixed(0)} MB archive: ${opened.why}`);
} else {
  const asked = await page.evaluate((q) => {
    window.__queryAt = performance.now();
    const reply = window.lectern.command({ search: q });
    const s = window.lectern.state();
    if (!s.searching) { window.__answerAt = performance.now(); window.__results = s.results.length; }
    return { reply, searching: s.searching, index: s.index };
  }, query);
  await page.waitForFunction(() => window.__done, null, { timeout: 600000, polling: 500 });
  const r = await page.evaluate(() => ({
    frames: window.__frames, queryAt: window.__queryAt, answerAt: window.__answerAt, results: window.__results,
    state: (({ searching, index, results }) => ({ searching, index, results: results.length }))(window.lectern.state()),
  }));
  // The first frame that saw the index building also laid out and drew the new archive.
  const [first, ...rest] = r.frames;
  const all = r.frames.map((f) => f.ms);
  const work = rest.map((f) => f.ms);
  const last = r.frames[r.frames.length - 1];
  const span = last.at + last.ms - first.at;
  console.log(`query '${query}' asked: ${JSON.stringify(asked)}; at the end: ${JSON.stringify(r.state)}\n`);
  console.log('| archive file | open: download + load | frames while indexing | indexing time | longest frame | frame p95 | ' +
    'first frame | longest, without the first | p95, without the first | median | query to answer | results |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  console.log(`| ${mb.toFixed(0)} MB | ${opened.ms} ms | ${all.length} | ${(span / 1000).toFixed(1)} s | ` +
    `${Math.max(...all).toFixed(1)} ms | ${pct(all, 0.95).toFixed(1)} ms | ${first.ms.toFixed(1)} ms | ` +
    `${Math.max(...work).toFixed(1)} ms | ${pct(work, 0.95).toFixed(1)} ms | ${pct(work, 0.5).toFixed(1)} ms | ` +
    `${(r.answerAt - r.queryAt).toFixed(0)} ms | ${r.results} (> 0: ${r.results > 0}) |`);
}
await page.close();
server.close();
await browser.close();
fs.rmSync(tmp, { recursive: true, force: true });
