// Browser tests in three engines (engines.mjs): Chromium through playwright-core, Firefox ESR
// through puppeteer-core (WebDriver BiDi), WebKitGTK through WebKitWebDriver. Each test file is
// written once; every engine runs what its driver can drive, on
//   dist/lectern.html, copied alone into an empty folder and opened from file://
//   dist/site/ (copies of it), served on 127.0.0.1
// and Chromium also runs the site and the checked build through the viewer's suite, the slow
// tests once, and the tests only Playwright can drive (input methods, a phone's keyboard,
// zoom, printing, a system turning dark on an open page).
// Prints one line per test and ends with each engine's counts and "N passed, N failed".
//
//   dist/checked/lectern.html (with --checked): the single file built with
//     Emscripten's run-time checks (-sASSERTIONS=2 -sSAFE_HEAP=1), through the viewer's suite
//
//   node tests/web/run.mjs [--screenshot docs/screenshot.png] [--checked]
//   LECTERN_ENGINES=webkit LECTERN_TESTS=scripts node tests/web/run.mjs   (a developer's narrowing)
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, CHROMIUM_ARGS, results, test, startServer, engineLabel } from './harness.mjs';
import { viewerSuite, deepLinks, withoutFeatures } from './viewer.mjs';
import { archiveUrls } from './archive_url.mjs';
import { faults } from './faults.mjs';
import { screens, denseScreens } from './screens.mjs';
import { prefs } from './prefs.mjs';
import { themes } from './themes.mjs';
import { mirror } from './mirror.mjs';
import { fonts } from './fonts.mjs';
import { offline } from './offline.mjs';
import { launchEngine } from './engines.mjs';
import { everyEngine } from './every_engine.mjs';
import { touch } from './touch.mjs';
import { typing } from './typing.mjs';
import { embedding, embeddingFromFile } from './embedding.mjs';
import { images } from './images.mjs';
import { languages } from './languages.mjs';
import { scripts } from './scripts.mjs';
import { indexing } from './indexing.mjs';
import { libraries } from './library.mjs';
import { librarySearch } from './library_search.mjs';

const screenshotArg = process.argv.indexOf('--screenshot');
const readmeShot = screenshotArg > 0 ? path.resolve(process.argv[screenshotArg + 1]) : null;
const checked = process.argv.includes('--checked') ? path.join(root, 'dist/checked/lectern.html') : null;

// ---- main ---------------------------------------------------------------------------
const single = path.join(root, 'dist/lectern.html');
const siteDir = path.join(root, 'dist/site');
for (const f of [single, path.join(siteDir, 'index.html'), ...(checked ? [checked] : [])])
  if (!fs.existsSync(f)) { console.error(`missing ${f}: run ./build-wasm.sh first`); process.exit(2); }

// Chromium's `browser` runs the tests written for Chromium alone and decodes every engine's screenshots.
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const lonely = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-single-'));
const lonelySingle = path.join(lonely, 'lectern.html');
fs.copyFileSync(single, lonelySingle);
if (checked) fs.copyFileSync(checked, path.join(lonely, 'lectern-checked.html'));
const singleUrl = 'file://' + lonelySingle;
const server = await startServer(siteDir);
// LECTERN_ENGINES=firefox,webkit runs only those engines' share (a developer's narrowing).
const engines = (process.env.LECTERN_ENGINES || 'chromium,firefox,webkit').split(',');
// Each engine's share of the results, by their index ranges.
const ranges = {};
try {
  // ---- the tests written for every engine (engines.mjs) -----------------------------
  for (const name of engines) {
    if (name !== 'chromium' && !process.env.DISPLAY) {
      console.log(`${name}: not run: it needs a display (./run-tests.sh runs this under xvfb-run)`);
      continue;
    }
    const start = results.length;
    let engine = null;
    await test(`${name}: the browser starts`, async () => { engine = await launchEngine(name); });
    if (engine) {
      try {
        // One profile for the tests that share it; those that need a fresh one, or a system of
        // their own (a scheme, a scale, touch, no JavaScript), open it themselves.
        const context = await engine.context();
        try {
          const label = engineLabel(name, 'single file (file://)');
          await viewerSuite(context, name, label, singleUrl, name === 'chromium' ? 'single.png' : `single-${name}.png`,
            browser, name === 'chromium' ? readmeShot : null);
          await deepLinks(context, label, singleUrl);
          await withoutFeatures(context, label, singleUrl);
          await mirror({ engineRef: engine, context, decoder: browser, label, url: singleUrl, siteDir });
          await fonts({ context, label, url: singleUrl });
          await fonts({ context, label: name === 'chromium' ? 'site (http://127.0.0.1)' : `${name}, site (http://127.0.0.1)`, siteDir });
          await archiveUrls(context, name, siteDir, lonelySingle);
          await libraries(engine, context, siteDir, lonelySingle);
          await librarySearch(context, name, siteDir);
          await scripts(context, name, browser, singleUrl, readmeShot ? path.dirname(readmeShot) : null);
          await images(context, name, browser);
          await faults(context, name, browser, singleUrl);
          await prefs(context, name, singleUrl);
          await languages(engine, context, browser, singleUrl);
          await themes(engine, context, browser, singleUrl, server.url);
          if (name === 'chromium') {
            // The site and the checked build in one engine: what differs between them is the build, not the engine.
            await viewerSuite(context, name, 'site (http://127.0.0.1)', server.url, 'site.png', browser);
            await deepLinks(context, 'site (http://127.0.0.1)', server.url);
            await mirror({ engineRef: engine, context, decoder: browser, label: 'site (http://127.0.0.1)', url: server.url, siteDir });
            if (checked) await viewerSuite(context, name, 'checked build (SAFE_HEAP, file://)',
              'file://' + path.join(lonely, 'lectern-checked.html'), 'checked.png', browser);
          }
        } finally {
          await context.close();
        }
        await everyEngine(engine, single, browser);
        await embedding(engine, siteDir, browser);
        await embeddingFromFile(engine, lonelySingle);
        await denseScreens(engine, browser, singleUrl);
        await touch(engine, singleUrl);
        await offline(engine);
      } finally {
        await engine.close();
      }
    }
    (ranges[name] = ranges[name] || []).push([start, results.length]);
  }

  // ---- the tests only Playwright drives (DevTools protocol, mobile emulation) and the slow ones --
  if (engines.includes('chromium')) {
    const start = results.length;
    await screens(browser, singleUrl);
    await typing(browser, singleUrl);
    await indexing(browser, singleUrl);
    (ranges.chromium = ranges.chromium || []).push([start, results.length]);
  }
} finally {
  server.stop();
  fs.rmSync(lonely, { recursive: true, force: true });
  await browser.close();
}

const share = (name) => {
  const r = ranges[name].flatMap(([a, b]) => results.slice(a, b));
  const p = r.filter(Boolean).length;
  return `${name}: ${p} passed, ${r.length - p} failed`;
};
console.log(Object.keys(ranges).map(share).join('; '));
const passed = results.filter(Boolean).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(results.length - passed === 0 && results.length > 0 ? 0 : 1);
