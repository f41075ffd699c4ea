// What engines differ in, beside the viewer's suite (viewer.mjs), each test in a fresh
// profile of its own engine (engines.mjs): the single file opened from file:// on its own,
// the wheel over the reader, caret edits through the page's text input, a link's fragment
// with the viewer's next entry and Back and Forward, and a lost and restored WebGL context.
// Screenshots are decoded by Chromium (`decoder`, harness.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { test, assert, equal, artifacts, inkStats, state, nextFrames, loseAndRestoreContext } from './harness.mjs';
import { until } from './engines.mjs';

const OTHER = '1945-07-recollections-of-maxim-gorki';  // another work of the Serge archive

export async function everyEngine(engine, singleFile, decoder) {
  const label = engine.name;
  const url = 'file://' + singleFile;

  await test(`${label}: the single file opens from file://, draws the timeline and the text`, async () => {
    const context = await engine.context();
    try {
      const { page, errors } = await context.open(url);
      const s = await state(page);
      equal([s.archive.title, s.archive.works], ['Victor Serge', 37], 'the archive');
      assert(s.visible.items > 0, `the timeline drew no work: ${JSON.stringify(s.visible)}`);
      const ms = await page.evaluate(() => window.lectern.firstFrameMs);
      console.log(`      first frame at ${Math.round(ms)} ms`);
      await nextFrames(page, 3);
      const png = await page.screenshot();
      fs.writeFileSync(path.join(artifacts, `engine-${label}.png`), png);
      const ink = await inkStats(decoder, Buffer.from(png));
      assert(ink.ink > 0.02 && ink.colours > 20, `the page looks blank: ${JSON.stringify(ink)}`);
      equal(errors, [], 'errors');
    } finally {
      await context.close();
    }
  });

  await test(`${label}: the wheel over the reader scrolls its text`, async () => {
    const context = await engine.context();
    try {
      const { page, errors } = await context.open(url);
      equal((await state(page)).reader.scroll, 0, 'the front matter at its top');
      await page.mouse.move(640, 650);
      for (let i = 0; i < 3; i++) await page.mouse.wheel(0, 200);
      await until(page, () => window.lectern.state().reader.scroll > 100, undefined, 'the reader to scroll');
      equal(errors, [], 'errors');
    } finally {
      await context.close();
    }
  });

  await test(`${label}: keys reach the search box through the page's text input, and edit it`, async () => {
    const context = await engine.context();
    try {
      const { page, errors } = await context.open(url);
      await page.mouse.click(640, 700);
      await page.keyboard.press('/');
      await until(page, () => document.activeElement && document.activeElement.id === 'textfield', undefined,
        'the text input focused by "/"');
      await page.keyboard.type('Tulayev');
      await until(page, () => window.lectern.state().query === 'Tulayev', undefined, 'the query "Tulayev"');
      for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.type('X');
      await until(page, () => window.lectern.state().query === 'TuXla', undefined, 'the query "TuXla"');
      equal((await state(page)).query, 'TuXla', 'after Backspace, caret moves and an insertion');
      equal(errors, [], 'errors');
    } finally {
      await context.close();
    }
  });

  await test(`${label}: a link's fragment opens its work; the viewer writes the next, and Back and Forward step between them`, async () => {
    const context = await engine.context();
    try {
      const { page, errors } = await context.open(url + '#work=1908-06-the-illegals');
      await until(page, () => window.lectern.state().selected === '1908-06-the-illegals', undefined, 'the linked work');
      // Another work opened in the viewer writes its own fragment, a step in the history.
      equal(await page.evaluate((id) => window.lectern.command({ open: id }), OTHER), { ok: true }, 'open');
      await until(page, (id) => location.hash.startsWith('#work=' + id), OTHER, 'the fragment written');
      await page.evaluate(() => history.back());
      await until(page, () => window.lectern.state().selected === '1908-06-the-illegals', undefined, 'Back');
      await page.evaluate(() => history.forward());
      await until(page, (id) => window.lectern.state().selected === id, OTHER, 'Forward');
      equal(errors, [], 'errors');
    } finally {
      await context.close();
    }
  });

  await test(`${label}: after the WebGL context is lost and restored, the page draws again`, async () => {
    const context = await engine.context();
    try {
      const { page, errors } = await context.open(url);
      equal(await loseAndRestoreContext(page), 'restored', 'the context');
      await page.mouse.click(640, 120);  // a click still reaches the viewer, which draws again
      await nextFrames(page, 5);
      const png = await page.screenshot();
      fs.writeFileSync(path.join(artifacts, `engine-${label}-restored.png`), png);
      const ink = await inkStats(decoder, Buffer.from(png));
      assert(ink.ink > 0.02 && ink.colours > 20, `the canvas is blank after the restore: ${JSON.stringify(ink)}`);
      equal((await state(page)).archive.works, 37, 'the archive');
      equal(errors, [], 'errors');
    } finally {
      await context.close();
    }
  });

}
