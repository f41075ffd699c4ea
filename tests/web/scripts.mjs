// Every script readable in the canvas: the multi-script test archive (tests/data/scripts.json,
// seventeen languages) read top to bottom with no character drawn without a glyph; an
// Arabic word and a Devanagari conjunct drawn as the browser itself draws them (joined
// and conjoined, not as separate letters); a right-to-left paragraph aligned right.
import fs from 'node:fs';
import path from 'node:path';
import { test, assert, equal, state, command, nextFrames, artifacts, root, pngPage, cropPng, engineLabel } from './harness.mjs';

const scriptsArchive = fs.readFileSync(path.join(root, 'tests/data/scripts.json'), 'utf8');

// Scrolls the reader to the end of the open work: the wheel over the text until it stops moving.
async function readToEnd(page) {
  await page.mouse.move(640, 650);
  let last = -1;
  for (let i = 0; i < 300; i++) {
    const scroll = (await state(page)).reader.scroll;
    if (scroll === last) return scroll;
    last = scroll;
    await page.mouse.wheel(0, 600);
    await nextFrames(page, 2);
  }
  return last;
}

// How alike two drawings of one string are, as ink: each PNG cut to its ink (pixels unlike
// its corner, two pixels in from its edges), the viewer's scaled onto the reference's box, then the overlap of the inked
// pixels over their union (1: the same shapes). Also the ratio of their inked widths.
async function likeness(browser, viewerPng, referencePng) {
  const page = await pngPage(browser);
  const r = await page.evaluate(async ([a, b]) => {
    const mask = async (b64) => {
      const d = await window.decodePng(b64);
      const bg = [d.data[0], d.data[1], d.data[2]];
      let x0 = d.width, y0 = d.height, x1 = -1, y1 = -1;
      const ink = new Float32Array(d.width * d.height);
      for (let y = 0; y < d.height; y++)
        for (let x = 0; x < d.width; x++) {
          const i = (y * d.width + x) * 4;
          const v = (Math.abs(d.data[i] - bg[0]) + Math.abs(d.data[i + 1] - bg[1]) + Math.abs(d.data[i + 2] - bg[2])) / 3;
          ink[y * d.width + x] = v;
          const edge = x < 2 || y < 2 || x >= d.width - 2 || y >= d.height - 2;  // a neighbour's pixels, not the text's
          if (edge) ink[y * d.width + x] = 0;
          else if (v > 60) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
        }
      let max = 1;
      for (const v of ink) max = Math.max(max, v);
      return { ink, w: d.width, x0, y0, bw: x1 - x0 + 1, bh: y1 - y0 + 1, max };
    };
    const m = await mask(a), n = await mask(b);
    let both = 0, either = 0;
    for (let y = 0; y < n.bh; y++)
      for (let x = 0; x < n.bw; x++) {
        const mx = m.x0 + Math.floor(x * m.bw / n.bw), my = m.y0 + Math.floor(y * m.bh / n.bh);
        const p = m.ink[my * m.w + mx] / m.max > 0.35, q = n.ink[(n.y0 + y) * n.w + n.x0 + x] / n.max > 0.35;
        if (p && q) both++;
        if (p || q) either++;
      }
    return { overlap: either ? both / either : 0, widths: m.bw / n.bw, viewer: [m.bw, m.bh], reference: [n.bw, n.bh] };
  }, [viewerPng.toString('base64'), referencePng.toString('base64')]);
  await page.close();
  return r;
}

// A rectangle of the page as shown, once two screenshots in a row agree: WebKit's can show
// the page a frame behind what it has drawn.
async function steadyCrop(page, decoder, rect) {
  let last = null;
  for (let i = 0; i < 10; i++) {
    await nextFrames(page, 2);
    const png = await cropPng(decoder, await page.screenshot(), rect);
    if (last && png.equals(last)) break;
    last = png;
  }
  return last;
}

// The browser's own drawing of `text` in the reader's face and size (the CSS font the viewer
// gives Canvas 2D), as a PNG cut from a screenshot of the page (`decoder` cuts it).
async function browserDrawing(page, decoder, text, rtl) {
  await page.evaluate(([t, rtl]) => {
    const el = document.createElement('div');
    el.id = 'reference-drawing';
    el.textContent = t;
    el.style.cssText = 'position:fixed;left:20px;top:20px;z-index:99999;background:#fff;color:#000;' +
      `line-height:1.6;padding:6px 10px;direction:${rtl ? 'rtl' : 'ltr'}`;
    el.style.font = window.Module.lecternShape.font(1, false, false, 18);  // the reader's face, serif
    document.body.appendChild(el);
  }, [text, rtl]);
  const box = await page.evaluate(() => document.getElementById('reference-drawing').getBoundingClientRect().toJSON());
  const png = await steadyCrop(page, decoder, box);
  await page.evaluate(() => document.getElementById('reference-drawing').remove());
  return png;
}

// Written once for every engine (engines.mjs): `context` is one engine's, `engine` its name,
// `browser` Chromium's, which decodes and cuts the screenshots. The shaping is the browser's
// (Canvas 2D), so this is where engines differ most.
export async function scripts(context, engine, browser, url, shotDir) {
  const named = (what) => engineLabel(engine, what);
  await test(named('scripts: every work of the seventeen-script archive reads top to bottom with no glyph missing'), async () => {
    const { page, errors } = await context.open(url);
    equal(await command(page, { load: scriptsArchive }), { ok: true }, 'load');
    const works = JSON.parse(scriptsArchive).works;
    for (const w of works) {
      equal(await command(page, { open: w.id }), { ok: true }, `open ${w.id}`);
      await nextFrames(page, 3);
      if (w.id.startsWith('ar-') || w.id.startsWith('zh-hans-')) {
        const shot = await page.screenshot();
        const name = `${w.id.startsWith('ar-') ? 'screenshot-arabic' : 'screenshot-chinese'}${engine === 'chromium' ? '' : '-' + engine}.png`;
        fs.writeFileSync(path.join(artifacts, name), shot);
        if (shotDir && engine === 'chromium') fs.writeFileSync(path.join(shotDir, name), shot);
      }
      await readToEnd(page);
      const g = (await state(page)).glyphs;
      equal(g.missing, 0, `characters drawn without a glyph after reading ${w.id}`);
    }
    const g = (await state(page)).glyphs;
    assert(g.shaped > 200, `only ${g.shaped} pieces of text went to the browser's shaper`);
    equal(errors, [], 'console errors');
    await page.close();
  });

  await test(named('scripts: an Arabic word and a Devanagari conjunct are drawn as the browser draws them'), async () => {
    const { page, errors } = await context.open(url);
    const cases = [
      { id: 'ar', text: 'السلام', rtl: true, apart: 'ا‌ل‌س‌ل‌ا‌م' },  // ZWNJ between letters: unjoined forms
      { id: 'hi', text: 'क्षत्रिय', rtl: false, apart: 'क्‌ष‌त्‌रि‌य' },  // ZWNJ after the virama: no conjuncts
    ];
    const archive = { lectern: 1, title: 'Shaping', works: cases.map((c, i) => ({ id: c.id, title: 'T', date: String(1900 + i), body: c.text })) };
    equal(await command(page, { load: JSON.stringify(archive) }), { ok: true }, 'load');
    for (const c of cases) {
      equal(await command(page, { open: c.id }), { ok: true }, `open ${c.id}`);
      await nextFrames(page, 4);
      const run = (await state(page)).glyphs.runs.find((r) => r.text === c.text);
      assert(run, `no run of ${c.text} drawn: ${JSON.stringify((await state(page)).glyphs.runs)}`);
      const viewer = await steadyCrop(page, browser,
        { x: run.x0 - 2, y: run.y0 - 2, width: run.x1 - run.x0 + 4, height: run.y1 - run.y0 + 4 });
      fs.writeFileSync(path.join(artifacts, `shaped-${c.id}-${engine}-viewer.png`), viewer);
      const joined = await browserDrawing(page, browser, c.text, c.rtl);
      const apart = await browserDrawing(page, browser, c.apart, c.rtl);
      fs.writeFileSync(path.join(artifacts, `shaped-${c.id}-${engine}-browser.png`), joined);
      const same = await likeness(browser, viewer, joined), other = await likeness(browser, viewer, apart);
      console.log(`      ${c.id}: overlap with the browser's drawing ${same.overlap.toFixed(2)} (unshaped ${other.overlap.toFixed(2)}), width ratio ${same.widths.toFixed(2)}`);
      // Two drawings of one string by one engine at one size differ only by sub-pixel placement:
      // most inked pixels coincide. The unshaped letters are wider and differently formed.
      assert(same.overlap > 0.55, `${c.id}: overlap ${same.overlap.toFixed(2)} with the browser's drawing`);
      assert(Math.abs(same.widths - 1) < 0.1, `${c.id}: width ${same.viewer} against the browser's ${same.reference}`);
      assert(same.overlap > other.overlap + 0.1, `${c.id}: no closer to the shaped drawing than to separate letters`);
    }
    equal(errors, [], 'console errors');
    await page.close();
  });

  await test(named('scripts: a right-to-left paragraph ends at the right edge of the measure, a Chinese one starts at the left; a character no font has is counted'), async () => {
    const { page, errors } = await context.open(url);
    const archive = { lectern: 1, title: 'Direction', works: [{ id: 'both', title: 'T', date: '1900', body: 'مرحبا بالعالم\n\n读书。' }] };
    equal(await command(page, { load: JSON.stringify(archive) }), { ok: true }, 'load');
    equal(await command(page, { open: 'both' }), { ok: true }, 'open');
    await nextFrames(page, 4);
    const runs = (await state(page)).glyphs.runs;
    const arabic = runs.filter((r) => /[\u0600-\u06FF]/.test(r.text)), chinese = runs.filter((r) => /[\u4E00-\u9FFF]/.test(r.text));
    assert(arabic.length === 2 && chinese.length >= 1, `runs drawn: ${JSON.stringify(runs)}`);
    const left = Math.min(...chinese.map((r) => r.x0)), right = Math.max(...arabic.map((r) => r.x1));
    const first = arabic.find((r) => r.text === 'مرحبا'), second = arabic.find((r) => r.text === 'بالعالم');
    assert(first.x0 > second.x1, 'the first Arabic word stands to the right of the second');
    assert(Math.min(...arabic.map((r) => r.x0)) > (left + right) / 2, 'the short Arabic line sits at the right');
    assert(right - left > 500, `the measure between them is ${right - left} px`);
    equal((await state(page)).glyphs.missing, 0, 'characters drawn without a glyph');
    // The count can fail: a private-use character no font has draws as a box, and is counted.
    const gap = { lectern: 1, title: 'Gap', works: [{ id: 'gap', title: 'T', date: '1900', body: 'இது \uE000 இல்லை' }] };
    equal(await command(page, { load: JSON.stringify(gap) }), { ok: true }, 'load');
    equal(await command(page, { open: 'gap' }), { ok: true }, 'open');
    await nextFrames(page, 4);
    equal((await state(page)).glyphs.missing, 1, 'characters drawn without a glyph (U+E000)');
    equal(errors, [], 'console errors');
    await page.close();
  });
}
