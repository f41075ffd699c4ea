// The viewer in each browser engine (a benchmark, not a test): Chromium, Firefox ESR and
// WebKitGTK, driven as the tests drive them (tests/web/engines.mjs), the same machine and
// display (Xvfb; Chromium headless with SwiftShader, the other two with Mesa's llvmpipe).
// For each engine it prints
//   - the first frame of the single file from file:// (median of RUNS, a fresh profile each),
//   - frame work with the Serge archive and with 100,000 synthetic works (opened with
//     ?archive= from a local server, as a reader opens a large archive): the time the
//     page's own requestAnimationFrame callbacks take (the viewer's whole frame: input,
//     layout, culling, ImGui, GL calls), median and p95 over 60 frames, the view moved
//     a little every frame (a pan, then a zoom) by the automation hook.
//
//   xvfb-run -a -s "-screen 0 1400x1000x24" node bench/engines_bench.mjs [runs] [engines…]
//
// Needs dist/lectern.html (./build-wasm.sh), build/native/lectern-tool and the browser
// tests' packages (tests/web: npm ci).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pct, root, serveWithCors } from './browser_common.mjs';

const { launchEngine, firstFrame, waitFor } = await import(pathToFileURL(path.join(root, 'tests/web/engines.mjs')));
const runs = Number(process.argv[2] || 5);
const names = process.argv.slice(3).length ? process.argv.slice(3) : ['chromium', 'firefox', 'webkit'];
const page = path.join(root, 'dist/lectern.html');
const tool = path.join(root, 'build/native/lectern-tool');
const tmp = fs.mkdtempSync(path.join(root, 'build', 'engines-bench-'));
const big = path.join(tmp, 'synth-100000.json');
execFileSync(tool, ['synth', '--works', '100000', '--years', '1000..2000', '--seed', '42', '--events', '50', '-o', big]);
const server = await serveWithCors(tmp);

// Frame work over 60 frames, the view panned then zoomed a step per frame.
async function frameWork(p) {
  return p.evaluate(() => new Promise((resolve) => {
    const work = [];
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => raf((t) => { const t0 = performance.now(); cb(t); work.push(performance.now() - t0); });
    const v = window.lectern.state().view;
    let i = 0;
    const step = () => {
      const span = v.end - v.start;
      const k = i < 30 ? i : 30, z = i < 30 ? 1 : 1 - (i - 30) * 0.02;
      const mid = v.start + span / 2 + span * 0.01 * k;
      window.lectern.command({ view: { start: mid - span * z / 2, end: mid + span * z / 2 } });
      if (++i < 70) raf(step);
      else resolve(work.slice(-60));
    };
    raf(step);
  }));
}

const rows = [];
for (const name of names) {
  const engine = await launchEngine(name);
  const first = [];
  for (let r = 0; r < runs; r++) {
    const context = await engine.context();
    const { page: p } = await context.open(pathToFileURL(page).href);
    first.push(await p.evaluate(() => window.lectern.firstFrameMs));
    await context.close();
  }
  const context = await engine.context();
  const { page: p } = await context.open(pathToFileURL(page).href);
  const serge = await frameWork(p);
  const t0 = Date.now();
  await p.goto(pathToFileURL(page).href + '?archive=' + encodeURIComponent(server.url + path.basename(big)));
  await firstFrame(p);
  await waitFor(p, () => { const s = window.lectern.state(); return s && s.archive.works === 100000; }, undefined, 180000,
    '100,000 works');
  const open = Date.now() - t0;
  const large = await frameWork(p);
  await context.close();
  await engine.close();
  const version = name === 'chromium' ? 'Chromium' : name === 'firefox' ? 'Firefox ESR' : 'WebKitGTK';
  rows.push(`| ${version} | ${Math.round(pct(first, 0.5))} ms (${Math.round(Math.min(...first))}–${Math.round(Math.max(...first))}) | ` +
    `${pct(serge, 0.5).toFixed(1)} / ${pct(serge, 0.95).toFixed(1)} ms | ${(open / 1000).toFixed(1)} s | ` +
    `${pct(large, 0.5).toFixed(1)} / ${pct(large, 0.95).toFixed(1)} ms |`);
  console.error(`${name} done`);
}
server.close();
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`${new Date().toISOString().slice(0, 16)} UTC, ${runs} runs, load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('| engine | first frame, Serge, file:// (min–max) | frame work, Serge (median / p95) | 100,000 works: open | frame work, 100,000 works (median / p95) |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) console.log(r);
