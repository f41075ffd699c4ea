// rAF floor benchmark (not a test): how fast can this headless Chromium (same flags
// as the other browser benchmarks: SwiftShader software GL) deliver
// requestAnimationFrame callbacks at all, whatever the page draws? Measures the rAF
// interval (median, p95 over ~300 frames, the page redrawing every frame) for:
//   a  an empty page (a rAF loop that changes one small div's text, no canvas)
//   b  a 2D canvas filled each frame
//   c  a WebGL2 canvas cleared each frame
//   d  a WebGL2 canvas drawing 10,000 small triangles each frame (one buffer, one draw)
//   e  Lectern itself (dist/lectern.html with its bundled archive), panned every frame
//      with lectern.command({view}) from a rAF loop in the page (and idle, for contrast);
//      its page work is all rAF callbacks of a frame, the viewer's main loop included
// at 1280x800, (c) and (e) again at 640x400, and (c) with Chromium flag variants
// (vsync / frame-rate limit off). Prints a Markdown table, the load average and the
// Chromium version.
//
//   node bench/raf_floor_bench.mjs [frames] [page.html]   (after ./build-wasm.sh)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { launch, pct, root } from './browser_common.mjs';

const frames = Number(process.argv[2] || 300);
const pagePath = path.resolve(process.argv[3] || path.join(root, 'dist/lectern.html'));

// launch() has no extra-flags parameter: the flag variants append to its arguments by
// wrapping the same playwright-core chromium object it uses (same require cache).
const { chromium } = createRequire(path.join(root, 'tests/web/package.json'))('playwright-core');
async function launchWith(extra) {
  const orig = chromium.launch;
  chromium.launch = (opts) => orig.call(chromium, { ...opts, args: [...opts.args, ...extra] });
  try { return await launch(); } finally { chromium.launch = orig; }
}

const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

// In-page: records rAF intervals for n frames, calling draw() in each callback and
// timing it (the page's own work). Resolves {intervals, work}.
const measureInPage = `window.__measure = (n, draw) => new Promise((resolve) => {
  const intervals = [], work = [];
  let last = null, count = 0;
  const tick = (t) => {
    if (last !== null) intervals.push(t - last);
    last = t;
    const t0 = performance.now();
    draw(count++);
    work.push(performance.now() - t0);
    if (intervals.length < n + 5) requestAnimationFrame(tick);
    else resolve({ intervals: intervals.slice(5), work: work.slice(5) });
  };
  requestAnimationFrame(tick);
});`;

const scenes = {
  empty: `<div id="d">0</div><script>${measureInPage}
    window.__draw = (i) => { document.getElementById('d').textContent = i; };</script>`,
  canvas2d: `<style>body{margin:0}</style><canvas id="c"></canvas><script>${measureInPage}
    const c = document.getElementById('c'); c.width = innerWidth; c.height = innerHeight;
    const g = c.getContext('2d');
    window.__draw = (i) => { g.fillStyle = 'hsl(' + (i * 7 % 360) + ',50%,50%)'; g.fillRect(0, 0, c.width, c.height); };</script>`,
  glClear: `<style>body{margin:0}</style><canvas id="c"></canvas><script>${measureInPage}
    const c = document.getElementById('c'); c.width = innerWidth; c.height = innerHeight;
    const gl = c.getContext('webgl2', { antialias: false });
    window.__ok = !!gl;
    window.__draw = (i) => { gl.clearColor((i % 60) / 60, 0.3, 0.5, 1); gl.clear(gl.COLOR_BUFFER_BIT); };</script>`,
  glTris: `<style>body{margin:0}</style><canvas id="c"></canvas><script>${measureInPage}
    const c = document.getElementById('c'); c.width = innerWidth; c.height = innerHeight;
    const gl = c.getContext('webgl2', { antialias: false });
    window.__ok = !!gl;
    const sh = (type, src) => { const s = gl.createShader(type); gl.shaderSource(s, src); gl.compileShader(s); return s; };
    const prog = gl.createProgram();
    gl.attachShader(prog, sh(gl.VERTEX_SHADER, '#version 300 es\\nin vec2 p; uniform vec2 off; void main(){ gl_Position = vec4(p + off, 0.0, 1.0); }'));
    gl.attachShader(prog, sh(gl.FRAGMENT_SHADER, '#version 300 es\\nprecision mediump float; out vec4 o; void main(){ o = vec4(0.9, 0.8, 0.2, 1.0); }'));
    gl.linkProgram(prog); gl.useProgram(prog);
    // 10,000 triangles about 8x8 px scattered over the canvas, like ImGui's glyph quads.
    const N = 10000, v = new Float32Array(N * 6);
    const sx = 16 / c.width, sy = 16 / c.height;
    for (let k = 0; k < N; k++) {
      const x = Math.random() * 2 - 1, y = Math.random() * 2 - 1;
      v.set([x, y, x + sx, y, x, y + sy], k * 6);
    }
    gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
    gl.bufferData(gl.ARRAY_BUFFER, v, gl.DYNAMIC_DRAW);
    const loc = gl.getAttribLocation(prog, 'p');
    gl.enableVertexAttribArray(loc); gl.vertexAttribPointer(loc, 2, gl.FLOAT, false, 0, 0);
    const off = gl.getUniformLocation(prog, 'off');
    gl.enable(gl.BLEND); gl.blendFunc(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA);
    window.__draw = (i) => {
      gl.clearColor(0.1, 0.1, 0.15, 1); gl.clear(gl.COLOR_BUFFER_BIT);
      gl.bufferSubData(gl.ARRAY_BUFFER, 0, v);  // re-upload like ImGui does each frame
      gl.uniform2f(off, (i % 20) * 0.001, 0);
      gl.drawArrays(gl.TRIANGLES, 0, N * 3);
    };</script>`,
};

async function runScene(browser, name, w, h) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  try {
    await page.setContent(scenes[name]);
    if (name.startsWith('gl') && !(await page.evaluate(() => window.__ok))) return { why: 'no WebGL2' };
    return await page.evaluate((n) => window.__measure(n, window.__draw), frames);
  } finally { await page.close(); }
}

async function runLectern(browser, w, h, pan = true) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  // Time every rAF callback (the emscripten main loop runs in one), summed per frame.
  await page.addInitScript(() => {
    const raf = window.requestAnimationFrame.bind(window);
    window.__workByT = new Map();
    window.requestAnimationFrame = (cb) => raf((t) => {
      const t0 = performance.now();
      cb(t);
      window.__workByT.set(t, (window.__workByT.get(t) || 0) + performance.now() - t0);
    });
  });
  try {
    await page.goto('file://' + pagePath);
    await page.waitForFunction(() => window.lectern && window.lectern.state() && window.lectern.state().archive.works > 0,
      null, { timeout: 120000, polling: 200 });
    await page.waitForTimeout(500);
    await page.addScriptTag({ content: measureInPage });
    return await page.evaluate(async ([n, pan]) => {
      const s0 = window.lectern.state();
      const { start, end } = s0.view;
      const span = end - start;
      let moved = 0;
      // Pan back and forth by 1 % of the view each frame: the viewer redraws each frame.
      window.__workByT.clear();
      const r = await window.__measure(n, (i) => {
        if (!pan) return;
        const d = span * 0.01 * ((Math.floor(i / 50) % 2) ? -(i % 50) : (i % 50));
        const reply = window.lectern.command({ view: { start: start + d, end: end + d } });
        if (reply && reply.ok) moved++;
      });
      r.moved = moved;
      r.works = s0.archive.works;
      r.work = [...window.__workByT.values()].slice(5);  // all rAF callbacks of each frame
      return r;
    }, [frames, pan]);
  } finally { await page.close(); }
}

const chromiumVersion = (() => {
  try { return execFileSync('/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); }
  catch (e) { return 'unknown'; }
})();
console.log(`Chromium: ${chromiumVersion}; ${os.cpus().length} CPUs; load average at start: ${load()}\n`);
console.log('| case | flags | viewport | interval median (ms) | interval p95 (ms) | page work p95 (ms) | frames | load (1/5/15 min) |');
console.log('|---|---|---|---:|---:|---:|---:|---|');
const row = (label, flags, w, h, r) => {
  if (!r || r.why) { console.log(`| ${label} | ${flags} | ${w}×${h} | ${r ? r.why : 'failed'} | | | | ${load()} |`); return; }
  console.log(`| ${label} | ${flags} | ${w}×${h} | ${pct(r.intervals, 0.5).toFixed(1)} | ${pct(r.intervals, 0.95).toFixed(1)} | ` +
    `${pct(r.work, 0.95).toFixed(1)} | ${r.intervals.length} | ${load()} |`);
};

const variants = [
  ['default', []],
  ['+--disable-gpu-vsync', ['--disable-gpu-vsync']],
  ['+--disable-frame-rate-limit', ['--disable-frame-rate-limit']],
  ['+both', ['--disable-gpu-vsync', '--disable-frame-rate-limit']],
];
for (const [flags, extra] of variants) {
  const { browser, tmp } = await launchWith(extra);
  try {
    const all = flags === 'default';
    if (all) {
      row('(a) empty page, div text', flags, 1280, 800, await runScene(browser, 'empty', 1280, 800));
      row('(b) 2D canvas fill', flags, 1280, 800, await runScene(browser, 'canvas2d', 1280, 800));
    }
    row('(c) WebGL2 clear', flags, 1280, 800, await runScene(browser, 'glClear', 1280, 800));
    if (all) row('(d) WebGL2 10k triangles', flags, 1280, 800, await runScene(browser, 'glTris', 1280, 800));
    const le = await runLectern(browser, 1280, 800);
    row(`(e) Lectern pan (${le.works} works, ${le.moved} view commands ok)`, flags, 1280, 800, le);
    if (all) {
      const idle = await runLectern(browser, 1280, 800, false);
      row(`(e) Lectern idle, no pan (${idle.works} works)`, flags, 1280, 800, idle);
    }
    row('(f) WebGL2 clear', flags, 640, 400, await runScene(browser, 'glClear', 640, 400));
    if (all) {
      row('(f) WebGL2 10k triangles', flags, 640, 400, await runScene(browser, 'glTris', 640, 400));
      const le2 = await runLectern(browser, 640, 400);
      row(`(f) Lectern pan (${le2.works} works, ${le2.moved} view commands ok)`, flags, 640, 400, le2);
    }
  } catch (e) {
    console.log(`| ${flags} | failed: ${String(e).split('\n')[0].slice(0, 120)} | | | | | | |`);
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
console.log(`\nload average at end: ${load()}`);
