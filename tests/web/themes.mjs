// Light and dark themes as a reader sees them: the system's scheme is followed, the
// contrast of body text is measured on the screenshot (WCAG 2, at least 7:1), the switch
// in the search bar changes the theme and the choice survives a reload. And the glyphs:
// an archive in Cyrillic and Greek loaded into the page is drawn with its own letters.
//
// Writes tests/web/artifacts/dark.png (the README's dark screenshot: docs/screenshot-dark.png).
import fs from 'node:fs';
import path from 'node:path';
import {
  test, assert, equal, artifacts, state, command, nextFrames, pngPage, cropPng, forgetChoices, engineLabel,
} from './harness.mjs';
import { firstFrame } from './engines.mjs';

const VIEWPORT = { width: 1280, height: 800 };
// The front matter's epigraph: serif body text in the text colour, right of the quote's rule.
const BODY_TEXT = { x: 330, y: 505, width: 640, height: 190 };
const THEME_SWITCH = { x: VIEWPORT.width - 100, y: 17 };  // right end of the search bar, left of the language switch
const GROUND = { light: [250, 248, 243], dark: [28, 25, 22] };  // src/ui/theme.cpp: canvas

// `body({ page, errors })` on a page under a system of `scheme`, in a profile of its own
// (engines.mjs sets the system), closed after.
async function underSystem(engine, url, scheme, body) {
  const context = await engine.context({ viewport: VIEWPORT, scheme });
  try {
    await body(await context.open(url));
  } finally {
    await context.close();
  }
}

// WCAG 2 relative luminance and contrast ratio.
const luminance = ([r, g, b]) => {
  const lin = (c) => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

// The pixels of a region of a PNG, decoded by the browser.
async function pixels(browser, png, rect) {
  const page = await pngPage(browser);
  const data = await page.evaluate(async ([b64, r]) => Array.from((await window.decodePng(b64, { rect: r })).data),
    [png.toString('base64'), rect]);
  await page.close();
  const out = [];
  for (let i = 0; i < data.length; i += 4) out.push([data[i], data[i + 1], data[i + 2]]);
  return out;
}

// The ground of a text region (its commonest colour) and the text's own colour (the
// pixel farthest from the ground: where a stem covers a whole pixel), and their contrast.
async function measureText(browser, png, rect) {
  const px = await pixels(browser, png, rect);
  const counts = new Map();
  for (const p of px) { const k = p.join(','); counts.set(k, (counts.get(k) || 0) + 1); }
  const ground = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0].split(',').map(Number);
  let ink = ground, best = 1, inked = 0;
  for (const p of px) {
    const c = contrast(p, ground);
    if (c > best) { best = c; ink = p; }
    if (c > 1.5) inked++;
  }
  return { ground, ink, ratio: best, inked: inked / px.length };
}

const near = (a, b, tolerance = 2) => a.every((v, i) => Math.abs(v - b[i]) <= tolerance);
const clickSwitch = async (page) => {
  await page.mouse.click(THEME_SWITCH.x, THEME_SWITCH.y);
  await nextFrames(page, 3);
};
const kept = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('lectern.prefs') || 'null'));

// Written once for every engine (engines.mjs): `engineRef` is the engine, `context` a profile of
// it, `browser` Chromium's, which reads the screenshots. Each engine's system is dark or light
// from the start (engines.mjs); a system that turns dark while the page is open is Playwright's
// alone (puppeteer's BiDi for Firefox and WebKitWebDriver have no verb for it).
export async function themes(engineRef, context, browser, singleFileUrl, siteUrl) {
  const engine = engineRef.name;
  const label = engineLabel(engine, 'single file (file://)');
  const chromium = engine === 'chromium';
  const figures = {};
  for (const scheme of ['dark', 'light']) {
    await test(`${label}: under a ${scheme} system the reader is ${scheme}, body text measures at least 7:1`, async () => {
      await underSystem(engineRef, singleFileUrl, scheme, async ({ page, errors }) => {
        if (chromium) {  // the system's scheme, changed while the page is open, is followed too
          await page.raw.emulateMedia({ colorScheme: scheme === 'dark' ? 'light' : 'dark' });
          await nextFrames(page, 2);
          await page.raw.emulateMedia({ colorScheme: scheme });
        }
        await nextFrames(page, 4);
        const s = await state(page);
        equal([s.theme, s.prefs.theme, s.prefs.system_theme], [scheme, '', scheme], 'theme, choice, system');
        const png = await page.screenshot();
        fs.writeFileSync(path.join(artifacts, `${scheme}${chromium ? '' : '-' + engine}.png`), png);
        const m = await measureText(browser, png, BODY_TEXT);
        figures[scheme] = m.ratio;
        console.log(`      ${scheme}: ground rgb(${m.ground}), text rgb(${m.ink}), measured contrast ${m.ratio.toFixed(2)}:1`);
        assert(near(m.ground, GROUND[scheme]), `the reader's ground is rgb(${m.ground}), not the ${scheme} theme's`);
        assert(m.inked > 0.03, `only ${(m.inked * 100).toFixed(1)}% of the text region is text`);
        assert(m.ratio >= 7, `body text measures ${m.ratio.toFixed(2)}:1, below 7:1`);
        // The page around the canvas (status line, problems dialog, the ground) follows the system too.
        const css = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        equal(css, `rgb(${GROUND[scheme].join(', ')})`, 'the page\'s own ground');
        equal(errors, [], 'console errors');
      });
    });
  }

  await test(`${label}: the theme switch goes Dark, Light, System, and the choice is kept across a reload`, async () => {
    const { page, errors } = await context.open(singleFileUrl);
    try {
      const emulate = async (colorScheme) => { if (chromium) await page.raw.emulateMedia({ colorScheme }); };
      await clickSwitch(page);
      let s = await state(page);
      equal([s.theme, s.prefs.theme], ['dark', 'dark'], 'after one click (theme, choice)');
      equal((await kept(page)).theme, 'dark', 'stored choice');
      // The page around the canvas (loading line, problems dialog) wears the choice too.
      const pageGround = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      equal(await pageGround(), `rgb(${GROUND.dark.join(', ')})`, "the page's ground after choosing dark");
      await page.reload();
      await firstFrame(page);
      await nextFrames(page, 3);
      equal((await state(page)).theme, 'dark', 'theme after a reload under a light system');
      const png = await page.screenshot();
      const ground = (await pixels(browser, png, { x: 100, y: 600, width: 1, height: 1 }))[0];
      assert(near(ground, GROUND.dark), `the reader's ground after the reload is rgb(${ground})`);
      await clickSwitch(page);
      s = await state(page);
      equal([s.theme, s.prefs.theme], ['light', 'light'], 'after a second click');
      await emulate('dark');  // a dark system does not override the choice of light
      equal(await pageGround(), `rgb(${GROUND.light.join(', ')})`, "the page's ground after choosing light under a dark system");
      await emulate('light');
      await clickSwitch(page);
      s = await state(page);
      equal([s.theme, s.prefs.theme], ['light', ''], 'after a third click: following the system');
      equal((await kept(page)).theme, '', 'stored choice: follow the system');
      if (chromium) {
        await emulate('dark');
        await nextFrames(page, 3);
        equal((await state(page)).theme, 'dark', 'theme once the system turned dark');
      }
      equal(errors, [], 'console errors');
    } finally {
      await forgetChoices(page);
      await page.close();
    }
  });

  await test(`${chromium ? '' : engine + ', '}site (http://127.0.0.1): a dark system gets the dark page and reader`, async () => {
    await underSystem(engineRef, siteUrl, 'dark', async ({ page, errors }) => {
      equal((await state(page)).theme, 'dark', 'theme');
      const png = await page.screenshot();
      const m = await measureText(browser, png, BODY_TEXT);
      assert(m.ratio >= 7, `body text measures ${m.ratio.toFixed(2)}:1`);
      equal(errors, [], 'console errors');
    });
  });

  await test(`${label}: a Cyrillic and Greek archive loaded into the page is drawn with its own letters`, async () => {
    const { page, errors } = await context.open(singleFileUrl);
    // The same title in its letters and as replacement marks: the same drawing would mean
    // the atlas lacked the letters (built once, not again for the archive loaded).
    const TITLE = { x: 0, y: 0, width: 360, height: 34 };
    const shot = async (title) => {
      const body = 'Виктор Львович Кибальчич — «Полночь века». Ελληνικά: Αθήνα, ά έ ή ί ό ύ ώ ΐ ΰ.';
      const archive = { lectern: 1, title, pages: [{ id: 'p', body }], works: [{ id: 'a', title: 'Ёж', date: '1939' }] };
      equal(await command(page, { load: JSON.stringify(archive) }), { ok: true }, 'load reply');
      await nextFrames(page, 4);
      return cropPng(browser, await page.screenshot(), TITLE);
    };
    const letters = 'Жизнь Ελλάδα ЁЪ ΩΨ';
    const drawn = await shot(letters);
    const marks = await shot([...letters].map((c) => (c === ' ' ? ' ' : '\uFFFD')).join(''));
    fs.writeFileSync(path.join(artifacts, 'cyrillic-greek-title.png'), drawn);
    const a = await pixels(browser, drawn, { x: 0, y: 0, ...TITLE }), b = await pixels(browser, marks, { x: 0, y: 0, ...TITLE });
    const differ = a.filter((p, i) => !near(p, b[i], 24)).length;
    assert(differ > 200, `the letters draw like replacement marks (${differ} pixels differ)`);
    const m = await measureText(browser, drawn, { x: 0, y: 0, ...TITLE });
    assert(m.ratio > 7, `the title has no ink: ${m.ratio.toFixed(2)}:1`);
    await shot(letters);
    fs.writeFileSync(path.join(artifacts, `cyrillic-greek-${engine}.png`), await page.screenshot());
    equal(errors, [], 'console errors');
    await page.close();
  });

  if (figures.light && figures.dark)
    console.log(`      measured contrast of body text: light ${figures.light.toFixed(2)}:1, dark ${figures.dark.toFixed(2)}:1`);
}
