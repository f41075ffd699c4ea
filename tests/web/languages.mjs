// The interface in five languages, through the page: the test hook switches each one and
// the bar's labels and the eras' dates follow; the bar's own switch picks Русский with
// two clicks and the choice survives a reload; the browser's language is used when the
// archive names none; and the Russian interface is photographed (docs/screenshot-ru.png).
import fs from 'node:fs';
import path from 'node:path';
import {
  root, test, assert, equal, artifacts, openPage, state, command, nextFrames, inkStats, textOf, textsOf, clickOn, forgetChoices, engineLabel,
} from './harness.mjs';
import { waitFor, firstFrame } from './engines.mjs';

const DASH = '\u2013';
// A few labels of the bar and the first era's dates as its tooltip writes them.
const EXPECTED = {
  en: { bar: ['Filters', 'Open…', 'Theme: System', 'EN'], era: `February 1919 ${DASH} April 1936`, lanes: 'Lives' },
  fr: { bar: ['Filtres', 'Ouvrir…', 'Thème : système', 'FR'], era: `février 1919 ${DASH} avril 1936` },
  de: { bar: ['Filter', 'Öffnen…', 'Design: System', 'DE'], era: `Februar 1919 ${DASH} April 1936` },
  es: { bar: ['Filtros', 'Abrir…', 'Tema: sistema', 'ES'], era: `febrero de 1919 ${DASH} abril de 1936` },
  ru: { bar: ['Фильтры', 'Открыть…', 'Тема: системная', 'RU'], era: `февраль 1919 ${DASH} апрель 1936` },
};
const LANGUAGE_BUTTON = { x: 1280 - 26, y: 17 };  // the bar's right end

async function drawn(page) {
  await nextFrames(page, 3);
  return state(page);
}

// Written once for every engine (engines.mjs): `engineRef` is the engine, `context` a profile
// of it, `browser` Chromium's. The browser's own languages are set as a reader's machine sets
// them (engines.mjs); WebKitGTK takes them from the process's locale, and this machine has only
// C, so it is skipped there. The photographs are Chromium's: one engine's go in the README.
export async function languages(engineRef, context, browser, url) {
  const engine = engineRef.name;
  const label = engineLabel(engine, 'single file (file://)');
  await test(`${label}: the test hook switches the interface through all five languages`, async () => {
    const { page, errors } = await context.open(url);
    try {
      equal(await command(page, { view: { start: 1915, end: 1948 } }), { ok: true }, 'view reply');
      for (const [language, want] of Object.entries(EXPECTED)) {
        equal(await command(page, { language }), { ok: true }, `${language}: reply`);
        const s = await drawn(page);
        equal(s.language, language, 'state().language');
        for (const label of want.bar) assert(s.bar.includes(label), `${language}: the bar drew ${JSON.stringify(s.bar)}, not "${label}"`);
        const russia = s.eras.find((e) => e.title === 'In Soviet Russia');  // archive data: never translated
        assert(russia, `${language}: eras drawn ${JSON.stringify(s.eras.map((e) => e.title))}`);
        equal(russia.when, want.era, `${language}: the era's dates`);
      }
      equal((await command(page, { language: 'pt' })).ok, false, 'an unshipped language is refused');
      equal((await state(page)).language, 'ru', 'language after a refused one (the last chosen)');
      equal(errors, [], 'console errors');
    } finally {
      await forgetChoices(page);
      await page.close();
    }
  });

  await test(`${label}: the bar's switch picks Русский with two clicks, and a reload keeps it`, async () => {
    const { page, errors } = await context.open(url);
    try {
      // The list opens under the button; find the row for Russian as a reader would, by
      // looking: open it, click a row, see what the interface became.
      let found = null;
      for (let y = LANGUAGE_BUTTON.y + 16; y < 260 && !found; y += 6) {
        await page.mouse.click(LANGUAGE_BUTTON.x, LANGUAGE_BUTTON.y);
        await nextFrames(page, 3);
        await page.mouse.move(1180, y);
        await nextFrames(page, 2);
        await page.mouse.click(1180, y);
        const s = await drawn(page);
        if (s.language === 'ru') found = y;
        else if (s.prefs.language !== '') equal(await command(page, { language: '' }), { ok: true }, 'back to automatic');
      }
      assert(found, 'no row of the language list chose Russian');
      console.log(`      Русский is the row at y = ${found}`);
      const s = await state(page);
      equal(s.prefs.language, 'ru', 'the choice, as kept');
      assert(s.bar.includes('Фильтры'), `bar after the click: ${JSON.stringify(s.bar)}`);
      await page.reload();
      await firstFrame(page);
      const after = await drawn(page);
      equal(after.language, 'ru', 'language after a reload');
      assert(after.bar.includes('Фильтры'), `bar after a reload: ${JSON.stringify(after.bar)}`);
      equal(errors, [], 'console errors');
    } finally {
      await forgetChoices(page);
      await page.close();
    }
  });

  if (!engineRef.systemLanguages) console.log(`      ${engine}: the browser's languages are not set (its driver takes them from the machine's locale)`);
  else await test(`${label}: an archive without a language follows the browser's; one with a language wins`, async () => {
    const german = await engineRef.context({ languages: ['de-AT', 'de'] });
    try {
      const { page, errors } = await german.open(url);
      equal((await state(page)).language, 'en', 'the bundled archive says "en"');
      equal((await state(page)).prefs.browser_languages[0], 'de-AT', 'the browser\'s languages reach the viewer');
      const plain = { lectern: 1, title: 'Ohne Sprache', works: [{ id: 'a', title: 'A', date: '1950' }] };
      equal(await command(page, { load: JSON.stringify(plain) }), { ok: true }, 'load reply');
      equal((await drawn(page)).language, 'de', 'an archive without a language');
      const french = { ...plain, title: 'En français', language: 'fr-FR' };
      equal(await command(page, { load: JSON.stringify(french) }), { ok: true }, 'load reply');
      equal((await drawn(page)).language, 'fr', 'an archive in French');
      equal(errors, [], 'console errors');
    } finally {
      await german.close();
    }
  });

  await test(`${label}: the page's own words (problems dialog and the archive's problems, loading line, ?archive= failures) follow the language`, async () => {
    const { page, errors } = await context.open(url);
    try {
      const dialog = () => waitFor(page, () => !document.getElementById('problems').hidden, undefined, 60000, 'the problems dialog');
      equal(await command(page, { language: 'ru' }), { ok: true }, 'language reply');
      await nextFrames(page, 2);
      equal(await page.evaluate(() => document.documentElement.lang), 'ru', 'the page\'s lang');
      await page.evaluate(() => {
        const dt = new DataTransfer();
        dt.items.add(new File(['{"lectern": 1, "title": 7, "works": []}'], 'broken.json', { type: 'application/json' }));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      });
      await dialog();
      equal(await textOf(page, '#problems h2'), 'broken.json — не архив Lectern', 'dialog heading');
      assert((await textOf(page, '#problems p')).startsWith('Архив, который вы читали, остаётся открытым'), 'dialog intro');
      equal(await textOf(page, '#problems button'), 'Закрыть', 'dialog button');
      // The archive's problems, from the checker, in the same language.
      equal(await textsOf(page, '#problems li'), ['title: ожидалась строка, найдено: число'], 'dialog problems');
      await clickOn(page, '#problems button');
      // A syntax error too: nlohmann's English is read into its parts and said in German.
      equal(await command(page, { language: 'de' }), { ok: true }, 'language reply (de)');
      await page.evaluate(() => {
        const dt = new DataTransfer();
        dt.items.add(new File(['{"lectern": 1, "works": ['], 'cut.json', { type: 'application/json' }));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      });
      await dialog();
      equal(await textsOf(page, '#problems li'),
        ["Zeile 1, Spalte 26: Syntaxfehler beim Lesen eines Werts: unerwartetes Element: das Ende des Textes; erwartet: '[', '{' oder ein Literal"],
        'dialog problems (de)');
      await clickOn(page, '#problems button');
      equal(await command(page, { language: 'ru' }), { ok: true }, 'language reply (ru again)');
      // The viewer keeps the choice on its next frame; a reload before that would find the old one.
      await waitFor(page, () => (JSON.parse(localStorage.getItem('lectern.prefs') || '{}') || {}).language === 'ru',
        undefined, 10000, 'the choice kept');
      // A visit after the choice: the loading line is Russian before the viewer runs (the page
      // script sets the page's language and the line in one step; the viewer leaves the line's text).
      await page.reload();
      await waitFor(page, () => document.documentElement.lang === 'ru', undefined, 10000, 'the page\'s language');
      const loading = await page.evaluate(() => document.getElementById('status').textContent);
      equal(loading, 'Загрузка архива…', 'loading line on the next visit');
      await firstFrame(page);
      // ?archive= from a file: the explanation (web/archive-url.js) in Russian too.
      await page.goto(url + '?archive=other.json');
      await dialog();
      equal(await textOf(page, '#problems h2'), 'Не удалось открыть архив', '?archive= dialog heading');
      const why = await textOf(page, '#problems li');
      assert(why.startsWith('Страница, открытая из файла, не может читать другие файлы'), `?archive= explanation: ${why}`);
      equal(errors, [], 'console errors');
    } finally {
      await forgetChoices(page);
      await page.close();
    }
  });

  if (engine === 'chromium') await test('single file (file://): the Russian interface, photographed (docs/screenshot-ru.png) and on a phone', async () => {
    for (const [name, viewport] of [['screenshot-ru.png', { width: 1280, height: 800 }], ['screenshot-ru-phone.png', { width: 390, height: 844 }]]) {
      const { page, errors } = await openPage(browser, url, { viewport });
      equal(await command(page, { language: 'ru' }), { ok: true }, 'language reply');
      equal(await command(page, { open: '1936-08-10-letter-to-trotsky' }), { ok: true }, 'open reply');
      await nextFrames(page, 5);
      const png = await page.screenshot();
      fs.writeFileSync(path.join(artifacts, name), png);
      if (name === 'screenshot-ru.png') fs.copyFileSync(path.join(artifacts, name), path.join(root, 'docs', name));
      const { ink, colours } = await inkStats(browser, png);
      assert(ink > 0.02 && colours > 20, `the Russian page is not drawn: ink ${ink}, ${colours} colours`);
      const s = await state(page);
      assert(s.bar.includes('RU'), `the language switch is drawn on a ${viewport.width} px screen: ${JSON.stringify(s.bar)}`);
      equal(errors, [], 'console errors');
      await page.close();
    }
  });
}
