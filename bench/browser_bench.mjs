// Browser timeline benchmark (not a test): loads synthetic archives of 1,000,
// 100,000 and 1,000,000 works into dist/lectern.html through the page's
// `load` command, drives 60 pan steps and 30 zoom steps with the mouse, and
// reports frame times from requestAnimationFrame (median, p95) as a Markdown table.
//
//   node bench/browser_bench.mjs [max_works]     (after ./build-wasm.sh and a native build)
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'tests/web/package.json'));
const { chromium } = require('playwright-core');
const tool = path.join(root, 'build/native/lectern-tool');
const maxWorks = Number(process.argv[2] || 1000000);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'],
});
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-bench-'));
const pct = (v, p) => { const s = [...v].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.round(p * (s.length - 1)))]; };

console.log('| works | load command (ms) | frame median (ms) | frame p95 (ms) | frames measured |');
console.log('|---:|---:|---:|---:|---:|');
for (const n of [1000, 100000, 1000000]) {
  if (n > maxWorks) break;
  const file = path.join(tmp, `synth-${n}.json`);
  execFileSync(tool, ['synth', '--works', String(n), '--years', '1000..2000', '--seed', '42', '--events', '50', '-o', file]);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto('file://' + path.join(root, 'dist/lectern.html'));
  await page.waitForFunction(() => window.lectern && window.lectern.firstFrameMs !== null, null, { timeout: 60000 });
  const text = fs.readFileSync(file, 'utf8');
  const loaded = await page.evaluate((t) => {
    const t0 = performance.now();
    const r = window.lectern.command({ load: t });
    return { ok: r.ok, error: r.error, ms: performance.now() - t0 };
  }, text);
  if (!loaded.ok) {
    console.log(`| ${n} | failed: ${loaded.error} | | | |`);
    await page.close();
    continue;
  }
  // Record rAF intervals while the mouse pans and zooms the timeline.
  await page.evaluate(() => {
    window.__frames = [];
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
  const frames = await page.evaluate(() => { window.__stop = true; return window.__frames.slice(2); });
  console.log(`| ${n} | ${loaded.ms.toFixed(0)} | ${pct(frames, 0.5).toFixed(1)} | ${pct(frames, 0.95).toFixed(1)} | ${frames.length} |`);
  await page.close();
}
await browser.close();
fs.rmSync(tmp, { recursive: true, force: true });
