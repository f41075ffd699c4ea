// The faces' rest on demand (src/ui/font_rest.h): the viewer carries only the characters of
// the bundled archive and its interface; an archive in Greek, Ukrainian, Vietnamese and
// Chinese opened after the start gets the rest of the faces once, every letter then drawn
// from them and the Chinese by the browser, with no replacement mark. Without the rest (a
// host that lost the file) the browser draws those letters instead, and state() says why.
//
// Written once for every engine (engines.mjs). The site is served from a copy of its folder
// (without its worker, which would fetch the fonts file too), by a server that lists what it
// was asked for; the host's faults are made in the copy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { test, assert, equal, state, command, nextFrames, withoutWorker } from './harness.mjs';
import { fixtureServer } from './archive_url.mjs';

const kBeyondCore = {
  lectern: 1, title: 'Ελληνικά · Українська · Tiếng Việt · 中文',
  works: [
    { id: 'el', title: 'Η θάλασσα', date: '1900', body: 'Ξημερώνει στη θάλασσα και τα βιβλία περιμένουν.' },
    { id: 'uk', title: 'Ґанок', date: '1901', body: 'Їжак ґанок єдність: зимове читання біля річки.' },
    { id: 'vi', title: 'Nhật ký', date: '1902', body: 'Bốn mùa bên dòng sông, người đọc sách dưới mưa.' },
    { id: 'zh', title: '河边读书', date: '1903', body: 'Ελληνικά 河边读书 Tiếng Việt.' },
  ],
};
// Words beyond the core: drawn from the rest of the faces once it is here, by the browser before.
const kLetters = /[\u0370-\u03FF\u0400-\u052F\u1E00-\u1EFF]/;

async function untilFonts(page, wanted) {
  for (let i = 0; i < 400; i++) {
    const s = await state(page);
    if (wanted.includes(s.fonts.rest)) return s;
    await nextFrames(page, 2);
  }
  throw new Error(`state().fonts never became ${wanted.join(' or ')}: ${JSON.stringify((await state(page)).fonts)}`);
}

// Opens each work and reads the runs the browser drew: [text of every run].
async function readAll(page) {
  const runs = [];
  for (const w of kBeyondCore.works) {
    equal(await command(page, { open: w.id }), { ok: true }, `open ${w.id}`);
    await nextFrames(page, 4);
    runs.push(...(await state(page)).glyphs.runs.map((r) => r.text));
  }
  return runs;
}

const FONTS = /lectern-fonts\.[0-9a-f]+\.bin$/;

// The site from a copy of `siteDir`, its fonts file changed by `change(file)` first: `body` gets
// the server (its log) and its address.
async function onCopiedSite(siteDir, change, body) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-fonts-'));
  fs.cpSync(siteDir, dir, { recursive: true });
  withoutWorker(dir);
  change(path.join(dir, fs.readdirSync(dir).find((n) => FONTS.test(n))));
  const server = await fixtureServer(dir);
  try {
    await body(server);
  } finally {
    server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// `url`: the single file's address; or `siteDir`, the site's folder (its host's faults tested too).
export async function fonts({ context, label, url = null, siteDir = null }) {
  const site = siteDir !== null;
  await test(`${label}: the bundled archive draws from the viewer's own faces; a Greek, Ukrainian, Vietnamese and Chinese archive gets the rest once, with no replacement mark`, async () => {
    if (site) await onCopiedSite(siteDir, () => {}, (server) => theRestOnce(server.url, server.log));
    else await theRestOnce(url, []);
  });

  // `log`: what the host was asked for (none for the single file, which carries the rest).
  async function theRestOnce(url, log) {
    const { page, errors } = await context.open(url);
    const asked = () => log.filter((n) => FONTS.test(n)).length;
    await nextFrames(page, 10);
    equal((await state(page)).fonts, { error: '', rest: 'unneeded' }, 'fonts after the bundled archive');
    equal(asked(), 0, 'fonts files fetched for the bundled archive');
    equal(await command(page, { load: JSON.stringify(kBeyondCore) }), { ok: true }, 'load');
    equal(await command(page, { open: 'vi' }), { ok: true }, 'open vi');  // open while the rest is on its way
    const s = await untilFonts(page, ['loaded', 'failed']);
    equal(s.fonts, { error: '', rest: 'loaded' }, 'fonts');
    await nextFrames(page, 4);
    // The open text is laid out again with the new atlas: its words now come from the faces.
    equal((await state(page)).glyphs.runs.map((r) => r.text), [], 'runs the browser drew in the open Vietnamese work');
    const runs = await readAll(page);
    equal((await state(page)).glyphs.missing, 0, 'characters drawn without a glyph');
    const borrowed = runs.filter((t) => kLetters.test(t));
    equal(borrowed, [], 'Greek, Cyrillic or Vietnamese words the browser drew');
    assert(runs.some((t) => /[\u4E00-\u9FFF]/.test(t)), `the Chinese is not the browser's: ${JSON.stringify(runs)}`);
    // Another archive beyond the core: the rest is already here.
    equal(await command(page, { load: JSON.stringify({ ...kBeyondCore, title: 'Again' }) }), { ok: true }, 'load again');
    await nextFrames(page, 10);
    equal((await state(page)).fonts.rest, 'loaded', 'fonts after another archive');
    if (site) equal(asked(), 1, 'fonts files fetched');
    const timings = await page.evaluate(() => window.lectern.timings.fonts);
    console.log(`      the rest of the faces fetched and unpacked in ${timings} ms`);
    equal(errors, [], 'console errors');
    await page.close();
  }

  if (!site) return;
  await test(`${label}: without its fonts file the browser draws those letters, and state().fonts says why`, async () => {
    await onCopiedSite(siteDir, (file) => fs.rmSync(file), async (server) => {
      const { page, errors } = await context.open(server.url);
      equal(await command(page, { load: JSON.stringify(kBeyondCore) }), { ok: true }, 'load');
      const s = await untilFonts(page, ['loaded', 'failed']);
      equal(s.fonts.rest, 'failed', 'fonts');
      assert(/HTTP 404/.test(s.fonts.error), `the reason: ${s.fonts.error}`);
      const runs = await readAll(page);
      equal((await state(page)).glyphs.missing, 0, 'characters drawn without a glyph');
      assert(runs.some((t) => /[\u0370-\u03FF]/.test(t)) && runs.some((t) => /[\u1E00-\u1EFF]/.test(t)),
        `the browser did not draw the Greek and Vietnamese: ${JSON.stringify(runs)}`);
      equal(errors.filter((e) => !/status of 404/.test(e)), [], 'console errors besides the 404 itself');
      await page.close();
    });
  });

  // What a browser hands the page from a host that sent the file with Content-Encoding: gzip.
  await test(`${label}: a fonts file the host unpacked on the way (Content-Encoding: gzip) is taken as it is`, async () => {
    await onCopiedSite(siteDir, (file) => fs.writeFileSync(file, zlib.gunzipSync(fs.readFileSync(file))), async (server) => {
      const { page, errors } = await context.open(server.url);
      equal(await command(page, { load: JSON.stringify(kBeyondCore) }), { ok: true }, 'load');
      equal((await untilFonts(page, ['loaded', 'failed'])).fonts, { error: '', rest: 'loaded' }, 'fonts');
      equal(errors, [], 'console errors');
      await page.close();
    });
  });
}
