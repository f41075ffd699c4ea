// Images in the page: tests/data/images/archive.json (good, missing and hostile images) built
// into a single file (images inline, opened from file:// alone) and a site (images beside
// archive.json, served under the strict CSP, fetched only when a work shows them). The good
// ones are drawn (pixels sampled from screenshots), the bad ones show their alt text and a
// notice naming them, the 30000x30000 one is refused before decoding (memory stays put).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, artifacts, test, assert, equal, state, command, nextFrames, pngPage, withoutWorker } from './harness.mjs';
import { waitFor } from './engines.mjs';
import { fixtureServer } from './archive_url.mjs';

const ARCHIVE = path.join(root, 'tests/data/images/archive.json');
const BUILD = path.join(root, 'build/wasm');

// Builds one output; returns what assemble.py warned about on stderr.
function assemble(kind, out) {
  const r = spawnSync('python3', [path.join(root, 'web/assemble.py'), kind, BUILD, ARCHIVE, out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`assemble.py ${kind} failed: ${r.stderr}`);
  return r.stderr;
}

// Waits until every image of the open work is settled (none pending), then a few frames.
// `src`: an image of that work, so that the figures of the work shown before do not count.
async function settledImages(page, src) {
  await waitFor(page, (src) => {
    const s = window.lectern.state();
    return s.figures.some((f) => f.src === src) && s.figures.every((f) => f.look !== 'pending');
  }, src, 15000, `the open work's images (${src})`);
  await nextFrames(page, 4);
  return state(page);
}

// Mean colour of a rectangle of a screenshot (CSS px; the page's pixel ratio is 1).
async function meanColour(decoder, png, r) {
  return decoder.evaluate(async ({ b64, rect }) => {
    const d = await window.decodePng(b64, { rect });
    const sum = [0, 0, 0];
    for (let i = 0; i < d.data.length; i += 4) for (let c = 0; c < 3; c++) sum[c] += d.data[i + c];
    const n = d.data.length / 4;
    return sum.map((v) => Math.round(v / n));
  }, { b64: png.toString('base64'), rect: r });
}

function inset(f, fx0, fx1) {
  const w = f.x1 - f.x0, h = f.y1 - f.y0;
  return { x: Math.round(f.x0 + w * fx0), y: Math.round(f.y0 + h * 0.25), width: Math.max(1, Math.round(w * (fx1 - fx0))), height: Math.max(1, Math.round(h * 0.5)) };
}

// Chromium logs a failed fetch (the missing image's 404) as a console error: expected here.
const unexpected = (errors) => errors.filter((e) => !/404|Not Found/i.test(e));

async function checkGood(browser, page, label, shot) {
  equal(await command(page, { open: 'good' }), { ok: true }, 'open');
  const s = await settledImages(page, 'good.png');
  const looks = Object.fromEntries(s.figures.map((f) => [f.src.startsWith('data:') ? 'data' : f.src, f.look]));
  equal(looks, { 'good.png': 'image', data: 'image', 'photo.jpg': 'image' }, 'figures');
  const cover = s.figures.find((f) => f.src === 'good.png');
  // 64x48 drawn at twice its size, its shape kept.
  equal([Math.round(cover.x1 - cover.x0), Math.round(cover.y1 - cover.y0)], [128, 96], 'cover size');
  // The figures might sit below the fold: scroll the reader so all are seen, then shoot.
  const png = await page.screenshot();
  fs.writeFileSync(path.join(artifacts, shot), png);
  const decoder = await pngPage(browser);
  try {
    const left = await meanColour(decoder, png, inset(cover, 0.1, 0.4));
    const right = await meanColour(decoder, png, inset(cover, 0.6, 0.9));
    assert(left[0] > 170 && left[1] < 60 && left[2] < 60, `${label}: the cover's left half is not red: ${left}`);
    assert(right[2] > 170 && right[0] < 60, `${label}: the cover's right half is not blue: ${right}`);
    const jpg = s.figures.find((f) => f.src === 'photo.jpg');
    if (jpg.y1 < 800) {
      const green = await meanColour(decoder, png, inset(jpg, 0.2, 0.8));
      assert(green[1] > 120 && green[0] < 60, `${label}: the JPEG is not green: ${green}`);
    }
  } finally {
    await decoder.close();
  }
  // The text mirror carries the alt text and caption.
  const mirror = await page.evaluate(() => document.getElementById('mirror-work').textContent);
  assert(mirror.includes('Image: A test card, red on the left and blue on the right'), `mirror: ${mirror.slice(0, 300)}`);
  assert(mirror.includes('The test card (PNG, 64 by 48 pixels)'), 'mirror caption');
}

// The reason each is refused: the reader shows "This image <problem>." under the alt text, and
// the status line "works[N].cover: <src> <problem>" (tests/core/images_test.cpp checks that wording).
const BAD = [
  ['missing', 'missing.png', /^was not found/],
  ['truncated', 'truncated.png', /^is truncated/],
  ['huge', 'huge.png', /^is 30000×30000 pixels, more than the 8192 px a side allowed$/],
  ['not-image', 'notes.png', /^is not an image/],
];

async function checkBad(page, label) {
  const heap = () => page.evaluate(() => HEAPU8.length);
  const before = await heap();
  for (const [id, src, notice] of BAD) {
    equal(await command(page, { open: id }), { ok: true }, `open ${id}`);
    const s = await settledImages(page, src);
    equal(s.figures.map((f) => [f.src, f.look]), [[src, 'alt']], `${label}: ${id} figures`);
    const slot = s.images.find((i) => i.src === src);
    equal(slot.state, 'failed', `${id} state`);
    assert(notice.test(slot.problem), `${label}: ${id}: problem "${slot.problem}"`);
    const alt = s.figures[0];
    assert(alt.y1 - alt.y0 > 30, `${id}: the alt box is ${alt.y1 - alt.y0} px high`);
    if (id === 'huge') fs.writeFileSync(path.join(artifacts, `images-alt-${label}.png`), await page.screenshot());
  }
  // Each reason is kept as a message, so it reads in the language chosen after it failed:
  // the page's (missing) and the viewer's header check (huge) alike.
  equal(await command(page, { language: 'ru' }), { ok: true }, 'language reply');
  const ru = await settledImages(page, 'notes.png');  // the last work the loop opened
  for (const [id, src, want] of [['missing', 'missing.png', /^не найдено \(/], ['huge', 'huge.png', /^размером 30000×30000 пикселей, больше допустимых 8192/]]) {
    const slot = ru.images.find((i) => i.src === src);
    assert(want.test(slot.problem), `${label}: ${id} after the switch to Russian: "${slot.problem}"`);
  }
  equal(await command(page, { language: '' }), { ok: true }, 'language reply (automatic)');
  // Refused before decoding: the viewer's memory did not grow for 900 million pixels (3.6 GB).
  const after = await heap();
  assert(after - before < 64e6, `${label}: wasm memory grew from ${before} to ${after}`);
  // The allowed 3000x2000 image is kept at 1600 px a side at most.
  equal(await command(page, { open: 'large' }), { ok: true }, 'open large');
  const s = await settledImages(page, 'large.png');
  equal(s.images.find((i) => i.src === 'large.png').pixels, [1600, 1067], 'large image kept scaled down');
}

// Written once for every engine (engines.mjs): `context` is one engine's, `engine` its name,
// `browser` Chromium's, which reads the screenshots. The build is checked once, in Chromium's turn.
export async function images(context, engine, browser) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-images-'));
  const single = path.join(dir, 'single', 'lectern.html');
  const named = (what) => (engine === 'chromium' ? what : what.replace(/^images/, `images (${engine})`).replace(') (', ', '));
  let warnings = '';
  const build = () => {
    warnings = assemble('single', single);
    assemble('site', path.join(dir, 'site'));
  };
  if (engine !== 'chromium') build();
  else await test('images: the single file and the site are built from an archive with images', async () => {
    build();
    for (const f of ['good.png', 'photo.jpg', 'huge.png', 'archive.json'])
      assert(fs.existsSync(path.join(dir, 'site', f)), `site lacks ${f}`);
    assert(!fs.existsSync(path.join(dir, 'site', 'missing.png')), 'missing.png appeared');
    assert(fs.readdirSync(path.join(dir, 'single')).length === 1, 'the single file needs no side files');
  });

  if (engine === 'chromium') await test('images: a missing image is a build warning naming it', async () => {
    assert(/warning: .*names the image missing\.png, which is not there/.test(warnings), `stderr: ${warnings}`);
  });

  await test(named('images (single file): good images are drawn, with the alt text in the mirror'), async () => {
    const { page, errors } = await context.open('file://' + single);
    try {
      await checkGood(browser, page, 'single', 'images-single.png');
      equal(unexpected(errors), [], 'console errors');
    } finally { await page.close(); }
  });

  await test(named('images (single file): missing, truncated, huge and non-images show alt text and a notice'), async () => {
    const { page, errors } = await context.open('file://' + single);
    try {
      await checkBad(page, 'single');
      equal(unexpected(errors), [], 'console errors');
    } finally { await page.close(); }
  });

  withoutWorker(path.join(dir, 'site'));  // it would fetch every image at once, for offline reading
  const server = await fixtureServer(path.join(dir, 'site'), { csp: true });
  try {
    await test(named('images (site, strict CSP): fetched only when a work shows them, and drawn'), async () => {
      const { page, errors } = await context.open(server.url);
      const fetched = () => server.log.filter((n) => /\.(png|jpg)$/.test(n)).map((n) => path.basename(n));
      try {
        await nextFrames(page, 5);
        equal(fetched(), [], 'images fetched before any work opened');
        await checkGood(browser, page, 'site', 'images-site.png');
        equal(fetched().sort(), ['good.png', 'photo.jpg'], 'fetched for the open work');
        equal(unexpected(errors), [], 'console errors (a CSP violation is one)');
      } finally { await page.close(); }
    });

    await test(named('images (site): missing, truncated, huge and non-images show alt text and a notice'), async () => {
      const { page, errors } = await context.open(server.url);
      try {
        await checkBad(page, 'site');
        equal(unexpected(errors), [], 'console errors');
      } finally { await page.close(); }
    });
  } finally {
    server.stop();
  }
}
