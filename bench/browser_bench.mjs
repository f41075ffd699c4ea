// Browser timeline benchmark (not a test): opens dist/lectern.html with synthetic
// archives of 1,000, 100,000 and 1,000,000 works (served with CORS and opened with
// ?archive=, the way a reader would open a large archive), drives 60 pan steps and
// 30 zoom steps with the mouse, and reports as a Markdown table:
//   - frame interval from requestAnimationFrame (median, p95): under SwiftShader this
//     is set by software rasterisation in the GPU process, whatever the archive;
//   - frame work: the time the page's own rAF callbacks take on the main thread (the
//     viewer's frame: input, layout, culling, ImGui, GL calls), p95 and max.
//
//   node bench/browser_bench.mjs [max_works] [page.html]   (after ./build-wasm.sh and a native build)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launch, serveWithCors, openWithArchive, pct, root } from './browser_common.mjs';

const tool = path.join(root, 'build/native/lectern-tool');
const maxWorks = Number(process.argv[2] || 1000000);
const pagePath = path.resolve(process.argv[3] || path.join(root, 'dist/lectern.html'));
const { browser, tmp } = await launch();
const server = await serveWithCors(tmp);

console.log('| works | file (MB) | open: download + load (ms) | interval median (ms) | interval p95 (ms) | frame work p95 (ms) | frame work max (ms) | frames |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const n of [1000, 100000, 1000000]) {
  if (n > maxWorks) break;
  const file = path.join(tmp, `synth-${n}.json`);
  execFileSync(tool, ['synth', '--works', String(n), '--years', '1000..2000', '--seed', '42', '--events', '50', '-o', file]);
  const mb = fs.statSync(file).size / 1e6;
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // Time every rAF callback: the emscripten main loop runs in one.
  await page.addInitScript(() => {
    const raf = window.requestAnimationFrame.bind(window);
    window.__work = [];
    window.requestAnimationFrame = (cb) => raf((t) => {
      const t0 = performance.now();
      cb(t);
      if (window.__measure) window.__work.push(performance.now() - t0);
    });
  });
  const opened = await openWithArchive(page, pagePath, server.url + path.basename(file), n);
  if (!opened.ok) {
    console.log(`| ${n} | ${mb.toFixed(0)} | ${opened.why} | | | | | |`);
    await page.close();
    continue;
  }
  const openMs = opened.ms;
  // Record rAF intervals while the mouse pans and zooms the timeline.
  await page.evaluate(() => {
    window.__frames = [];
    window.__work = [];
    window.__measure = true;
    let last = performance.now();
    const tick = (t) => { window.__frames.push(t - last); last = t; if (!window.__stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(700, 200);
  for (let i = 0; i < 60; i++) {
    await page.mouse.down();
    await page.mouse.move(700 + (i < 30 ? 12 : -12), 200, { steps: 2 });
    await page.mouse.up();
    await page.mouse.move(700, 200);
  }
  for (let i = 0; i < 30; i++) await page.mouse.wheel(0, i < 15 ? -120 : 120);
  await page.waitForTimeout(300);
  const { frames, work } = await page.evaluate(() => {
    window.__stop = true;
    return { frames: window.__frames.slice(2), work: window.__work.slice(2) };
  });
  console.log(`| ${n} | ${mb.toFixed(0)} | ${openMs} | ${pct(frames, 0.5).toFixed(1)} | ${pct(frames, 0.95).toFixed(1)} | ` +
    `${pct(work, 0.95).toFixed(1)} | ${Math.max(...work).toFixed(1)} | ${frames.length} |`);
  await page.close();
}
server.close();
await browser.close();
fs.rmSync(tmp, { recursive: true, force: true });
