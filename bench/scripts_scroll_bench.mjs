// Reader scroll benchmark for scripts the embedded DejaVu faces lack (not a test): opens
// dist/lectern.html, loads tests/data/scripts.json and reads its two long works (Chinese
// `zh-hans-reading-by-the-river`, Arabic `ar-library-on-the-riverbank`, 48 paragraphs each),
// whose text the browser's Canvas 2D measures and rasterises into the run atlas; as the
// reference, a Latin work drawn from the DejaVu atlas alone. The bundled Serge archive's works
// carry no body, so the reference is data/serge.json with one work added whose 48 paragraphs
// are the archive's own English prose (its pages', events' and eras' text) cut to the Arabic
// work's paragraph lengths.
// Each work is opened and scrolled top to bottom with the mouse wheel over the reader (mouse at
// 640,650; 40 steps of 300 px, two animation frames after each) twice: the first pass cold (runs
// measured and rasterised as they come into view; it includes the frames the open draws),
// the second warm (back to the top unmeasured, then the same steps). Reported as a Markdown
// table, per work and pass:
//   - frame work: the time the page's own rAF callbacks take on the main thread (the viewer's
//     frame: input, layout, shaping and rasterising new runs, ImGui, GL calls), median, p95, max;
//   - frames: callbacks measured, and how many of them drew (state().frames advanced);
//   - scroll: state().reader.scroll at the end of the pass (and whether it reached the end);
//   - open: the longest frame among those the open draws (cold pass only; the first use of a
//     script's faces is paid there);
//   - shaped: state().glyphs.shaped after the pass (distinct pieces the browser shaped; the
//     archive is loaded afresh before each work, so the run atlas starts empty and this from 0).
//
//   node bench/scripts_scroll_bench.mjs [page.html]   (after ./build-wasm.sh)
import fs from 'node:fs';
import path from 'node:path';
import { launch, pct, root } from './browser_common.mjs';

const pagePath = path.resolve(process.argv[2] || path.join(root, 'dist/lectern.html'));
const scriptsText = fs.readFileSync(path.join(root, 'tests/data/scripts.json'), 'utf8');
const scripts = JSON.parse(scriptsText);
const STEPS = 40, STEP_PX = 300, WAIT_FRAMES = 2;

// The Latin reference: Serge's archive plus one long work of its own prose.
function latinArchive() {
  const serge = JSON.parse(fs.readFileSync(path.join(root, 'data/serge.json'), 'utf8'));
  const prose = [...serge.pages.map((p) => p.body), ...serge.events.map((e) => e.body), ...serge.eras.map((e) => e.note)]
    .filter(Boolean).join(' ').replace(/\s+/g, ' ').split(' ');
  const lengths = scripts.works.find((w) => w.id === 'ar-library-on-the-riverbank').body.split(/\n\n/).map((p) => p.length);
  let at = 0;
  const paragraphs = lengths.map((n) => {
    const words = [];
    let len = 0;
    while (len < n) { const w = prose[at++ % prose.length]; words.push(w); len += w.length + 1; }
    return words.join(' ');
  });
  const id = 'serge-long-prose';
  serge.works.push({ id, title: 'Victor Serge: the archive’s prose as one work', date: '1947', kind: 'article',
    people: ['victor-serge'], body: paragraphs.join('\n\n') });
  return { json: JSON.stringify(serge), id, chars: paragraphs.join('\n\n').length };
}

const { browser, tmp } = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
// Time every rAF callback the page asks for (the emscripten main loop runs in one); the
// benchmark's own waiting uses the untimed requestAnimationFrame (window.__raf).
await page.addInitScript(() => {
  const raf = window.requestAnimationFrame.bind(window);
  window.__raf = raf;
  window.__work = [];
  window.requestAnimationFrame = (cb) => raf((t) => {
    const t0 = performance.now();
    cb(t);
    if (window.__measure) window.__work.push(performance.now() - t0);
  });
});
await page.goto('file://' + pagePath);
await page.waitForFunction(() => window.lectern && window.lectern.firstFrameMs !== null, null, { timeout: 60000 });

const frames = (n) => page.evaluate((n) => new Promise((resolve) => {
  const step = () => (n-- <= 0 ? resolve() : window.__raf(step));
  window.__raf(step);
}), n);
const state = () => page.evaluate(() => window.lectern.state());
const command = async (c) => {
  const r = await page.evaluate((c) => window.lectern.command(c), c);
  if (!r.ok) throw new Error(JSON.stringify(r));
};

async function pass(openId) {
  await page.mouse.move(640, 650);
  const f0 = (await state()).frames;
  await page.evaluate(() => { window.__work = []; window.__measure = true; });
  if (openId) await command({ open: openId });
  await frames(WAIT_FRAMES);
  const opened = await page.evaluate(() => window.__work.length);
  for (let i = 0; i < STEPS; i++) {
    await page.mouse.wheel(0, STEP_PX);
    await frames(WAIT_FRAMES);
  }
  await frames(10);  // let the last step settle
  const work = await page.evaluate(() => { window.__measure = false; return window.__work; });
  const s = await state();
  // Has the reader reached the end? One more step must not move it.
  await page.mouse.wheel(0, STEP_PX);
  await frames(10);
  const end = (await state()).reader.scroll === s.reader.scroll;
  return { work, open: openId ? Math.max(...work.slice(0, opened)) : null, drawn: s.frames - f0, scroll: s.reader.scroll, end };
}

async function toTop() {
  for (let i = 0; i < 60; i++) { await page.mouse.wheel(0, -1000); await frames(1); }
  await frames(10);
}

const rows = [];
async function run(label, id, chars, archive) {
  await command({ load: archive });  // a fresh load each work: an empty run atlas, glyphs.shaped from 0
  await frames(5);
  const cold = await pass(id);
  const shapedCold = (await state()).glyphs.shaped;
  await toTop();
  const warm = await pass(null);
  const g = (await state()).glyphs;
  for (const [name, r, shaped] of [['cold', cold, shapedCold], ['warm', warm, g.shaped]])
    rows.push(`| ${label} (${chars} chars) | ${name} | ${pct(r.work, 0.5).toFixed(2)} | ${pct(r.work, 0.95).toFixed(2)} | ` +
      `${Math.max(...r.work).toFixed(2)} | ${r.open === null ? '–' : r.open.toFixed(1)} | ${r.work.length} / ${r.drawn} | ${Math.round(r.scroll)}${r.end ? ' (end)' : ''} | ${shaped} | ${g.missing} |`);
}

for (const [label, id] of [['Chinese `zh-hans-reading-by-the-river`', 'zh-hans-reading-by-the-river'],
  ['Arabic `ar-library-on-the-riverbank`', 'ar-library-on-the-riverbank']])
  await run(label, id, scripts.works.find((w) => w.id === id).body.length, scriptsText);
const latin = latinArchive();
await run('Latin reference (Serge prose)', latin.id, latin.chars, latin.json);

console.log(`Chromium ${browser.version()}, SwiftShader, 1280×800; ${STEPS} wheel steps of ${STEP_PX} px, ${WAIT_FRAMES} frames apart.\n`);
console.log('| work | pass | frame work median (ms) | p95 (ms) | max (ms) | open: longest frame (ms) | frames (callbacks / drawn) | scroll at end (px) | glyphs.shaped | glyphs.missing |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(r);
await browser.close();
fs.rmSync(tmp, { recursive: true, force: true });
