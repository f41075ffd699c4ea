// Crisp on every screen: the canvas is sized in device pixels and the fonts are
// rasterised at the scale they are shown, on 2x and 3x screens, after moving to a
// screen of another density, and under browser zoom. The screens of 2x and 3x are tested in
// every engine (engines.mjs sets the scale as the machine would); moving to another screen
// and zoom are Chromium's alone (only its DevTools protocol changes them on an open page).
import { test, assert, equal, artifacts, pngPage, idle, cropPng, engineLabel } from './harness.mjs';
import fs from 'node:fs';
import path from 'node:path';

const canvasSize = (page) => page.evaluate(() => {
  const c = document.getElementById('canvas');
  return { ratio: devicePixelRatio, css: [innerWidth, innerHeight], pixels: [c.width, c.height] };
});

// How sharp the edges in a PNG are: the gradient-weighted mean gradient of its
// luminance (a blurred edge spreads the same step over more, weaker gradients).
// With `upscale`, the image is first enlarged with smoothing, the way a browser
// stretches a canvas drawn at too low a resolution.
async function sharpness(browser, png, upscale = 1) {
  const page = await pngPage(browser);
  const value = await page.evaluate(async ([b64, k]) => {
    const c = await window.decodePng(b64, { scale: k });
    const d = c.data;
    const lum = (i) => 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
    let sum = 0, sum2 = 0;
    for (let y = 0; y + 1 < c.height; y++)
      for (let x = 0; x + 1 < c.width; x++) {
        const i = (y * c.width + x) * 4;
        const gr = Math.abs(lum(i + 4) - lum(i)) + Math.abs(lum(i + c.width * 4) - lum(i));
        sum += gr; sum2 += gr * gr;
      }
    return sum > 0 ? sum2 / sum : 0;
  }, [png.toString('base64'), upscale]);
  await page.close();
  return value;
}

// The archive's title, top left, cut from a screenshot in the screen's own pixels.
async function titleShot(decoder, page, scale) {
  const png = await page.screenshot();
  const width = png.readUInt32BE(16);  // the PNG's IHDR: its width in pixels
  assert(width === 900 * scale, `a screenshot ${width} pixels wide at ${scale}x`);
  return cropPng(decoder, png, { x: 0, y: 0, width: TITLE.width * scale, height: TITLE.height * scale });
}

async function openAt(browser, url, scale, viewport = { width: 900, height: 600 }) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: scale });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.waitForFunction(() => window.lectern && window.lectern.firstFrameMs !== null, null, { timeout: 60000 });
  await idle(page);  // all drawn: the fitted view at rest, the atlas at this ratio
  return { context, page, errors };
}

// The archive's title, top left: serif text at a known place.
const TITLE = { x: 0, y: 0, width: 280, height: 60 };

// `engine` from engines.mjs; `browser` Chromium's, which reads the screenshots.
export async function denseScreens(engine, browser, url) {
  const label = engineLabel(engine.name, 'single file (file://)');
  const at = async (scale, body) => {
    const context = await engine.context({ viewport: { width: 900, height: 600 }, scale });
    try {
      const { page, errors } = await context.open(url);
      await idle(page);  // all drawn: the fitted view at rest, the atlas at this ratio
      await body(page, errors);
    } finally {
      await context.close();
    }
  };
  await test(`${label}: text on 2x and 3x screens is drawn at the screen's resolution, from one font atlas`, async () => {
    let base;
    await at(1, async (page) => { base = await titleShot(browser, page, 1); });
    for (const scale of [2, 3]) {
      await at(scale, async (page, errors) => {
        const size = await canvasSize(page);
        equal([size.ratio, size.pixels], [scale, [900 * scale, 600 * scale]], `the screen's ratio and the canvas pixels at ${scale}x`);
        // The first frame's atlas, at this scale and with the archive's characters, is the only one.
        equal(await page.evaluate(() => window.lectern.state().timings.fontAtlases), 1, `font atlases built at ${scale}x`);
        const shot = await titleShot(browser, page, scale);
        if (scale === 2) fs.writeFileSync(path.join(artifacts, `screen-2x-${engine.name}.png`), await page.screenshot());
        const crisp = await sharpness(browser, shot);
        const stretched = await sharpness(browser, base, scale);
        console.log(`      ${scale}x: edge sharpness ${crisp.toFixed(1)}, a stretched 1x drawing ${stretched.toFixed(1)}`);
        assert(crisp > 1.25 * stretched, `${scale}x text is no sharper than a stretched 1x drawing`);
        equal(errors, [], 'console errors');
      });
    }
  });
}

export async function screens(browser, url) {

  await test('single file (file://): moving to a denser screen, and browser zoom, re-render at the new ratio', async () => {
    const { context, page, errors } = await openAt(browser, url, 1);
    const base = await page.screenshot({ clip: TITLE });  // the title at 1x
    const cdp = await context.newCDPSession(page);
    // Another screen: same window, twice the pixels. No resize event comes with it.
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 900, height: 600, deviceScaleFactor: 2, mobile: false });
    await page.waitForFunction(() => document.getElementById('canvas').width === 1800, null, { timeout: 5000 });
    await idle(page);  // redrawn at the new ratio
    const moved = await sharpness(browser, await page.screenshot({ clip: TITLE }));
    const stretched = await sharpness(browser, base, 2);
    assert(moved > 1.25 * stretched, `after the move the text is stretched (${moved.toFixed(1)} vs ${stretched.toFixed(1)})`);
    // Browser zoom to 150 %: fewer CSS pixels, a ratio of 1.5.
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 600, height: 400, deviceScaleFactor: 1.5, mobile: false });
    await page.waitForFunction(() => document.getElementById('canvas').width === 900, null, { timeout: 5000 });
    equal((await canvasSize(page)).pixels, [900, 600], 'canvas pixels at 150 % zoom');
    equal(errors, [], 'console errors');
    await context.close();
  });
}
