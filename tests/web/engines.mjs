// The browser engines the suite can drive, behind the same few verbs, so a test is
// written once: Chromium through playwright-core (as the rest of the suite), Firefox ESR
// through puppeteer-core over WebDriver BiDi, and WebKitGTK's MiniBrowser through
// selenium-webdriver and WebKitWebDriver (../../../shared/TOOLCHAIN.md: the last two need a
// display, so run-tests.sh runs the suite under xvfb-run). What differs between them is here.
// WebKitWebDriver gives no console log: there `errors` holds the page's uncaught errors only,
// as the next evaluate finds them.
//
// Every engine's page has the same verbs, named as Playwright names them: goto, reload,
// evaluate, title, screenshot, close, on('console' | 'pageerror'), mouse.click / move /
// down / up / wheel(dx, dy), keyboard.type / press; and frame(selector), the page of the
// <iframe> it names, which answers evaluate. `page.raw` is the engine's own page
// (Playwright's in Chromium), for what only one engine can do.
//
//   const engine = await launchEngine('firefox');
//   const context = await engine.context({ viewport });   // a fresh profile; its pages share it
//   const { page, errors } = await context.open(url);      // its first frame drawn
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { Builder, By, Key, Origin } from 'selenium-webdriver';
import remote from 'selenium-webdriver/remote/index.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, freePort } from './harness.mjs';

const viewport = { width: 1280, height: 800 };

// A new page of a context; `errors` collects console errors and uncaught exceptions.
async function openIn(newPage, url) {
  const page = await newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  if (url) {
    await page.goto(url);
    await firstFrame(page);
  }
  return { page, errors };
}

// Waits until fn() (run in the page) is true: polled, as every engine can.
// A page that is navigating has nothing to evaluate in for a moment: that is tried again.
export async function waitFor(page, fn, arg, timeout = 60000, what = String(fn)) {
  const until = Date.now() + timeout;
  for (;;) {
    let failed = null;
    try {
      if (await page.evaluate(fn, arg)) return;
    } catch (e) {
      failed = e;
    }
    if (Date.now() > until) throw new Error(`waited ${timeout} ms for ${what}${failed ? ` (last: ${failed.message})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// waitFor with the tests' usual patience: WebKit draws through llvmpipe at about 20 frames a
// second here, fewer on a busy machine.
export const until = (page, fn, arg, what, timeout = 30000) => waitFor(page, fn, arg, timeout, what);

export const firstFrame = (page) =>
  waitFor(page, () => !!(window.lectern && window.lectern.firstFrameMs !== null), undefined, 60000, 'the first frame');

// A context's options: `viewport`; and the system the pages see, as a reader's machine would
// set it: `scheme` ('dark' or 'light'), `languages` (the browser's, first first), `scale`
// (device pixels per CSS pixel), `touch` (a touch screen) and `javascript: false` (the page's
// own scripts off; the test's still run). Each engine takes the system its
// own way: Playwright per context; Firefox by a browser of its own started with those
// preferences; WebKitGTK by GTK's environment (a dark theme, a scale). WebKitGTK takes its
// languages from the process's locale, and this machine has only C; WebKitWebDriver sends no
// touches: `engine.systemLanguages` and `engine.touch` say whether an engine can.
//
// page.touch.start(points), .move(points), .end(): fingers on a touch screen ([[x, y], …]),
// where the context has `touch`. `context.downloads` is the folder its downloads are saved in
// (by Playwright's download event; Firefox's download behaviour; GTK's download folder).
// page.chooseFiles(action, files): `action()` opens a file chooser, answered with `files`
// (where `engine.fileChooser`: WebKitWebDriver reaches only inputs in the page's DOM).
// page.popup(action): the page (tab or window) that `action()` opens; page.url().
export async function launchEngine(name) {
  if (name === 'chromium') {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    return {
      name, browser, systemLanguages: true, touch: true, fileChooser: true,
      // A context holds pages that share storage and service workers (a profile).
      async context({ scheme, languages, scale, touch, javascript = true, ...options } = {}) {
        const context = await browser.newContext({ viewport, acceptDownloads: true, javaScriptEnabled: javascript, ...options,
          ...(scheme ? { colorScheme: scheme } : {}), ...(languages ? { locale: languages[0] } : {}),
          ...(scale ? { deviceScaleFactor: scale } : {}), ...(touch ? { hasTouch: true } : {}) });
        const downloads = downloadsFolder();
        context.on('page', (p) => p.on('download', (d) => d.saveAs(path.join(downloads, d.suggestedFilename()))));
        return { open: (url) => openIn(async () => playwrightPage(await context.newPage()), url), downloads,
          close: async () => { await context.close(); fs.rmSync(downloads, { recursive: true, force: true }); },
          cdp: (page) => context.newCDPSession(page.raw) };
      },
      close: () => browser.close(),
    };
  }
  if (name === 'firefox') {
    const launch = (prefs = {}) => puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr',
      headless: false, defaultViewport: viewport, extraPrefsFirefox: prefs });
    const browser = await launch();
    return {
      name, browser, systemLanguages: true, touch: true, fileChooser: true,
      async context(options = {}) {
        const prefs = {
          ...(options.touch ? { 'dom.w3c_touch_events.enabled': 1 } : {}),
          ...(options.javascript === false ? { 'javascript.enabled': false } : {}),
          ...(options.scheme ? { 'layout.css.prefers-color-scheme.content-override': options.scheme === 'dark' ? 0 : 1 } : {}),
          ...(options.languages ? { 'intl.accept_languages': options.languages.join(', ') } : {}),
          ...(options.scale ? { 'layout.css.devPixelsPerPx': String(options.scale) } : {}),
        };
        const own = Object.keys(prefs).length ? await launch(prefs) : null;  // a system of its own
        const downloads = downloadsFolder();
        const context = await (own || browser).createBrowserContext({ downloadBehavior: { policy: 'allow', downloadPath: downloads } });
        const newPage = async () => {
          const p = await context.newPage();
          await p.setViewport(options.viewport || viewport);
          return puppeteerPage(p);
        };
        return { open: (url) => openIn(newPage, url), downloads, cdp: null,
          close: async () => {
            await context.close();
            if (own) await own.close();
            fs.rmSync(downloads, { recursive: true, force: true });
          } };
      },
      close: () => browser.close(),
    };
  }
  if (name === 'webkit') {
    return {
      name, browser: null, systemLanguages: false, touch: false, fileChooser: false,
      // A WebDriver session is a profile of its own; its windows are the context's pages.
      async context(options = {}) {
        const size = options.viewport || viewport;
        const port = await freePort();
        // GTK's download folder, from a configuration folder of the session's own.
        const downloads = downloadsFolder();
        const config = path.join(downloads, '.config');
        fs.mkdirSync(config);
        fs.writeFileSync(path.join(config, 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR="${downloads}"\n`);
        const env = { ...process.env, XDG_CONFIG_HOME: config, ...(options.scheme === 'dark' ? { GTK_THEME: 'Adwaita:dark' } : {}),
          ...(options.scale ? { GDK_SCALE: String(options.scale) } : {}) };
        const service = new remote.DriverService('/usr/bin/WebKitWebDriver',
          { port, hostname: '127.0.0.1', loopback: true, args: ['--port=' + port, '--host=127.0.0.1'], env });
        let driver;
        try {
          driver = await new Builder().usingServer(await service.start()).withCapabilities({
            browserName: 'MiniBrowser',
            'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', `--geometry=${size.width}x${size.height}`,
              ...(options.javascript === false ? ['--enable-javascript-markup=false'] : [])] },
          }).build();
        } catch (e) {
          await service.kill();  // no driver left running for a session that never began
          fs.rmSync(downloads, { recursive: true, force: true });
          throw e;
        }
        // MiniBrowser opens windows at its own size whatever --geometry says: each is set so that
        // its page gets the viewport's size (the window's toolbar taken into account).
        const fit = async () => {
          const win = driver.manage().window();
          await win.setRect({ width: size.width, height: size.height });
          const inner = await driver.executeScript('return [innerWidth, innerHeight];');
          await win.setRect({ width: 2 * size.width - inner[0], height: 2 * size.height - inner[1] });
        };
        await fit();
        // Each page a window of its own: a background tab draws no animation frames. The session
        // ends with its last window: a page closed alone leaves a blank window in its place
        // (`windows.spare`), which the next page takes.
        const windows = { spare: await driver.getWindowHandle(), fit };
        const newPage = async () => {
          if (windows.spare) await driver.switchTo().window(windows.spare);
          else {
            await driver.switchTo().newWindow('window');
            await fit();
          }
          windows.spare = null;
          windows.current = await driver.getWindowHandle();
          return webDriverPage(driver, await driver.getWindowHandle(), windows);
        };
        return { open: (url) => openIn(newPage, url), downloads, cdp: null,
          close: async () => {
            await driver.quit();
            await service.kill();
            fs.rmSync(downloads, { recursive: true, force: true });
          } };
      },
      close: async () => {},
    };
  }
  throw new Error(`no engine called ${name}`);
}

const downloadsFolder = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-downloads-'));

// Playwright's page has the verbs already; only what Playwright adds is hidden. Touches go
// through Chromium's DevTools protocol, every finger in one event.
function playwrightPage(p) {
  let cdp = null;
  const touches = async (type, points) => {
    cdp = cdp || await p.context().newCDPSession(p);
    await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
  };
  return {
    async chooseFiles(action, files) {
      const [chooser] = await Promise.all([p.waitForEvent('filechooser'), action()]);
      await chooser.setFiles(files);
    },
    async popup(action) {
      const [opened] = await Promise.all([p.context().waitForEvent('page', { timeout: 10000 }), action()]);
      return playwrightPage(opened);
    },
    url: () => p.url(),
    touch: {
      start: (points) => touches('touchStart', points),
      move: (points) => touches('touchMove', points),
      end: () => touches('touchEnd', []),
    },
    raw: p, goto: (url) => p.goto(url), reload: () => p.reload(), evaluate: (fn, arg) => p.evaluate(fn, arg),
    title: () => p.title(), screenshot: () => p.screenshot(), close: () => p.close(), isClosed: () => p.isClosed(),
    on: (event, listener) => p.on(event, listener), frame: (selector) => elementFrame(p, selector),
    mouse: p.mouse, keyboard: { type: (text) => p.keyboard.type(text, { delay: 20 }), press: (key) => p.keyboard.press(key) },
  };
}

// Playwright and puppeteer alike: the frame of an <iframe>, found again at each call (a
// reload of the frame makes a new one).
function elementFrame(p, selector) {
  return {
    async evaluate(fn, arg) {
      const element = await p.$(selector);
      try {
        return await (await element.contentFrame()).evaluate(fn, arg);
      } finally {
        await element.dispose();
      }
    },
  };
}

// puppeteer's page, with Playwright's wheel(dx, dy). Touches are WebDriver BiDi's touch
// pointers, a finger each.
function puppeteerPage(p) {
  let fingers = [];
  return {
    async chooseFiles(action, files) {
      const [chooser] = await Promise.all([p.waitForFileChooser(), action()]);
      await chooser.accept(files);
    },
    async popup(action) {
      const before = new Set(await p.browserContext().pages());
      await action();
      for (const until = Date.now() + 10000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
        const opened = (await p.browserContext().pages()).find((q) => !before.has(q));
        if (opened) return puppeteerPage(opened);
      }
      throw new Error('no page opened within 10 s');
    },
    url: () => p.url(),
    touch: {
      async start(points) { for (const [x, y] of points) fingers.push(await p.touchscreen.touchStart(x, y)); },
      async move(points) { for (let i = 0; i < points.length; i++) await fingers[i].move(points[i][0], points[i][1]); },
      async end() { for (const f of fingers.splice(0)) await f.end(); },
    },
    raw: p, goto: (url) => p.goto(url), reload: () => p.reload(), evaluate: (fn, arg) => p.evaluate(fn, arg),
    title: () => p.title(), screenshot: async () => Buffer.from(await p.screenshot()), close: () => p.close(),
    isClosed: () => p.isClosed(), on: (event, listener) => p.on(event, listener),
    frame: (selector) => elementFrame(p, selector),
    mouse: {
      click: (x, y) => p.mouse.click(x, y), move: (x, y) => p.mouse.move(x, y),
      down: () => p.mouse.down(), up: () => p.mouse.up(),
      wheel: (dx, dy) => p.mouse.wheel({ deltaX: dx, deltaY: dy }),
    },
    keyboard: {
      type: (text) => p.keyboard.type(text, { delay: 20 }),
      // Playwright's chords ('Control+Equal'): the modifiers held around the key.
      async press(chord) {
        const keys = chord.split('+');
        const key = keys.pop();
        for (const k of keys) await p.keyboard.down(k);
        await p.keyboard.press(key);
        for (const k of keys.reverse()) await p.keyboard.up(k);
      },
    },
  };
}

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
// The key names the tests press (as Playwright and puppeteer name them), as WebDriver sends them.
const KEYS = { Enter: Key.ENTER, Escape: Key.ESCAPE, Backspace: Key.BACK_SPACE, ArrowLeft: Key.ARROW_LEFT,
  ArrowRight: Key.ARROW_RIGHT, ArrowUp: Key.ARROW_UP, ArrowDown: Key.ARROW_DOWN, Tab: Key.TAB, End: Key.END,
  Home: Key.HOME, PageDown: Key.PAGE_DOWN, BracketRight: ']', BracketLeft: '[', Equal: '=', Minus: '-',
  Control: Key.CONTROL, Shift: Key.SHIFT, Alt: Key.ALT };

// One WebDriver window as a page: a verb switches to its window when another window's page
// acted last. Uncaught errors are caught by a listener in the page (WebDriver has no console log).
function webDriverPage(driver, handle, windows) {
  let closed = false;
  let at = [0, 0];  // where the pointer is
  // Switching windows gives the top page the focus (WebKit), which would take it from a frame
  // the reader clicked into: only a page of another window switches.
  const on = async () => {
    if (windows.current === handle) return;
    await driver.switchTo().window(handle);
    windows.current = handle;
  };
  // The listener is added at each load the driver makes, and again by every evaluate that
  // finds a page without it (one the page itself navigated to).
  const listen = `if (!window.__errors) { window.__errors = [];
    addEventListener('error', (e) => window.__errors.push(String(e.message))); }`;
  const watch = () => driver.executeScript(listen);
  const listeners = [];
  return {
    raw: driver,
    async url() { await on(); return driver.getCurrentUrl(); },
    async popup(action) {
      const before = new Set(await driver.getAllWindowHandles());
      await action();
      for (const until = Date.now() + 10000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
        const opened = (await driver.getAllWindowHandles()).find((h) => !before.has(h));
        if (opened) return webDriverPage(driver, opened, windows);
      }
      throw new Error('no window opened within 10 s');
    },
    async goto(url) { await on(); await driver.get(url); await watch(); },
    async title() { await on(); return driver.getTitle(); },
    async reload() { await on(); await driver.navigate().refresh(); await watch(); },
    async evaluate(fn, arg) {
      await on();
      const result = await driver.executeScript(`return (${fn})(arguments[0]);`, arg === undefined ? null : arg);
      const caught = await driver.executeScript(`${listen} const e = window.__errors; window.__errors = []; return e;`);
      for (const e of caught) for (const l of listeners) l(e);
      return result;
    },
    // Not WebDriver's switch to the frame, which gives the frame the focus: the function runs
    // from the top page with the frame's window as its scope (its globals are the frame's),
    // and what it gives is resolved in the top page's realm.
    // A frame the top page cannot reach (file:// pages are each an origin of their own here)
    // is stepped into, as WebDriver does it, and the focus moves there.
    frame: (selector) => ({
      async evaluate(fn, arg) {
        await on();
        try {
          return await driver.executeScript(`const w = document.querySelector(${JSON.stringify(selector)}).contentWindow;
            let result;
            with (w) { result = (${fn})(arguments[0]); }
            return Promise.resolve(result);`, arg === undefined ? null : arg);
        } catch (e) {
          if (!/cross-origin frame/.test(e.message)) throw e;
        }
        await driver.switchTo().frame(await driver.findElement(By.css(selector)));
        try {
          return await driver.executeScript(`return (${fn})(arguments[0]);`, arg === undefined ? null : arg);
        } finally {
          await driver.switchTo().defaultContent();
        }
      },
    }),
    async close() {
      if ((await driver.getAllWindowHandles()).length === 1) {
        await driver.switchTo().newWindow('window');
        await windows.fit();
        windows.current = null;
        windows.spare = await driver.getWindowHandle();
      }
      await on();
      await driver.close();
      closed = true;
      const left = await driver.getAllWindowHandles();
      await driver.switchTo().window(windows.spare || left[0]);
      windows.current = windows.spare || left[0];
    },
    // Playwright's page.mouse and page.keyboard, as far as the tests use them. The wheel turns
    // where the pointer last moved, as a hand's does.
    mouse: {
      async click(x, y) {
        await on();
        at = [Math.round(x), Math.round(y)];
        await driver.actions().move({ x: at[0], y: at[1], origin: Origin.VIEWPORT }).click().perform();
      },
      async move(x, y) {
        await on();
        at = [Math.round(x), Math.round(y)];
        await driver.actions().move({ x: at[0], y: at[1], origin: Origin.VIEWPORT }).perform();
      },
      async down() { await on(); await driver.actions().press().perform(); },
      async up() { await on(); await driver.actions().release().perform(); },
      async wheel(dx, dy) {
        await on();
        await driver.actions().scroll(at[0], at[1], Math.round(dx), Math.round(dy), Origin.VIEWPORT).perform();
      },
    },
    keyboard: {
      async type(text) { await on(); await driver.actions().sendKeys(text).perform(); },
      // Playwright's chords ('Control+Equal'): the modifiers held around the key.
      async press(chord) {
        await on();
        const keys = chord.split('+').map((k) => KEYS[k] || k);
        const key = keys.pop();
        let actions = driver.actions();
        for (const k of keys) actions = actions.keyDown(k);
        actions = actions.sendKeys(key);
        for (const k of keys.reverse()) actions = actions.keyUp(k);
        await actions.perform();
      },
    },
    async screenshot() { await on(); return Buffer.from(await driver.takeScreenshot(), 'base64'); },
    isClosed: () => closed,
    // 'pageerror' listeners hear the errors the page caught, at the next evaluate.
    on(event, listener) { if (event === 'pageerror') listeners.push(listener); },
  };
}
