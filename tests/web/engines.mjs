// The browser engines the suite can drive, behind the same few verbs, so a test is
// written once: Chromium through playwright-core (as the rest of the suite), Firefox ESR
// through puppeteer-core over WebDriver BiDi, and WebKitGTK's MiniBrowser through
// selenium-webdriver and WebKitWebDriver (../../../shared/TOOLCHAIN.md: the last two need a
// display, so run-tests.sh runs the suite under xvfb-run). Every engine's page answers
// goto, reload, evaluate, close and the 'console' event alike; what differs is here.
// WebKitWebDriver gives no console log: there `errors` holds the page's uncaught errors only.
// engine.wheel(page, x, y, dy) and engine.drag(page, points) move the pointer in every engine.
//
//   const engine = await launchEngine('firefox');
//   const { page, errors, close } = await engine.open(url);   // a fresh profile each time
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { Builder, Key, Origin } from 'selenium-webdriver';
import remote from 'selenium-webdriver/remote/index.js';
import net from 'node:net';
import { CHROMIUM_ARGS } from './harness.mjs';

const viewport = { width: 1280, height: 800 };

// A page in a context of its own; `errors` collects console errors and uncaught exceptions.
async function openIn(context, newPage, url) {
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

// Waits until fn() (run in the page) is true: polled, as both engines can.
export async function waitFor(page, fn, arg, timeout = 60000, what = String(fn)) {
  const until = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(fn, arg)) return;
    if (Date.now() > until) throw new Error(`waited ${timeout} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const firstFrame = (page) =>
  waitFor(page, () => !!(window.lectern && window.lectern.firstFrameMs !== null), undefined, 60000, 'the first frame');

export async function launchEngine(name) {
  if (name === 'chromium') {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    return {
      name, browser,
      // A context holds pages that share storage and service workers (a profile).
      async context() {
        const context = await browser.newContext({ viewport });
        return { open: (url) => openIn(context, () => context.newPage(), url), close: () => context.close(),
          cdp: (page) => context.newCDPSession(page) };
      },
      wheel: async (page, x, y, dy) => { await page.mouse.move(x, y); await page.mouse.wheel(0, dy); },
      drag,
      close: () => browser.close(),
    };
  }
  if (name === 'firefox') {
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: false,
      defaultViewport: viewport });
    return {
      name, browser,
      async context() {
        const context = await browser.createBrowserContext();
        const newPage = async () => { const p = await context.newPage(); await p.setViewport(viewport); return p; };
        return { open: (url) => openIn(context, newPage, url), close: () => context.close(), cdp: null };
      },
      wheel: async (page, x, y, dy) => { await page.mouse.move(x, y); await page.mouse.wheel({ deltaY: dy }); },
      drag,
      close: () => browser.close(),
    };
  }
  if (name === 'webkit') {
    return {
      name, browser: null,
      // A WebDriver session is a profile of its own; its windows are the context's pages.
      async context() {
        const port = await freePort();
        const service = new remote.DriverService('/usr/bin/WebKitWebDriver',
          { port, hostname: '127.0.0.1', loopback: true, args: ['--port=' + port, '--host=127.0.0.1'] });
        const driver = await new Builder().usingServer(await service.start()).withCapabilities({
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', `--geometry=${viewport.width}x${viewport.height}`] },
        }).build();
        // MiniBrowser opens at its own size whatever --geometry says: the window is set so that
        // its page gets the viewport's size (the window's toolbar taken into account).
        const win = driver.manage().window();
        await win.setRect({ width: viewport.width, height: viewport.height });
        const inner = await driver.executeScript('return [innerWidth, innerHeight];');
        await win.setRect({ width: 2 * viewport.width - inner[0], height: 2 * viewport.height - inner[1] });
        let first = true;
        const newPage = async () => {
          if (!first) await driver.switchTo().newWindow('tab');
          first = false;
          return webDriverPage(driver, await driver.getWindowHandle());
        };
        return { open: (url) => openIn(null, newPage, url), close: async () => { await driver.quit(); await service.kill(); },
          cdp: null };
      },
      wheel: (page, x, y, dy) => page.wheel(x, y, dy),
      drag,
      close: async () => {},
    };
  }
  throw new Error(`no engine called ${name}`);
}

// A press at the first point, moves through the others, a release: the pointer's path.
async function drag(page, points, between = async () => {}) {
  await page.mouse.move(points[0][0], points[0][1]);
  await page.mouse.down();
  for (const [x, y] of points.slice(1)) { await page.mouse.move(x, y); await between(); }
  await page.mouse.up();
}

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
// The key names the tests press (as Playwright and puppeteer name them), as WebDriver sends them.
const KEYS = { Enter: Key.ENTER, Escape: Key.ESCAPE, Backspace: Key.BACK_SPACE, ArrowLeft: Key.ARROW_LEFT,
  ArrowRight: Key.ARROW_RIGHT, ArrowUp: Key.ARROW_UP, ArrowDown: Key.ARROW_DOWN, Tab: Key.TAB, End: Key.END,
  Home: Key.HOME, PageDown: Key.PAGE_DOWN };

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

// One WebDriver window as a page: each verb switches to its window first. Uncaught errors
// are caught by a listener the page gets at each load (WebDriver has no console log).
function webDriverPage(driver, handle) {
  let closed = false;
  const on = async () => driver.switchTo().window(handle);
  const watch = () => driver.executeScript(`if (!window.__errors) { window.__errors = [];
    addEventListener('error', (e) => window.__errors.push(String(e.message))); }`);
  const listeners = [];
  return {
    async goto(url) { await on(); await driver.get(url); await watch(); },
    async reload() { await on(); await driver.navigate().refresh(); await watch(); },
    async evaluate(fn, arg) {
      await on();
      const result = await driver.executeScript(`return (${fn})(arguments[0]);`, arg === undefined ? null : arg);
      const caught = await driver.executeScript('const e = window.__errors || []; window.__errors = []; return e;');
      for (const e of caught) for (const l of listeners) l(e);
      return result;
    },
    async close() { await on(); await driver.close(); closed = true; },
    // Playwright's and puppeteer's page.mouse and page.keyboard, as far as the tests use them.
    mouse: {
      async click(x, y) {
        await on();
        await driver.actions().move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT }).click().perform();
      },
      async move(x, y) {
        await on();
        await driver.actions().move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT }).perform();
      },
      async down() { await on(); await driver.actions().press().perform(); },
      async up() { await on(); await driver.actions().release().perform(); },
    },
    // The pointer comes to (x, y) first, as a hand on a mouse does (and as the other engines' verbs do).
    async wheel(x, y, dy) {
      await on();
      await driver.actions().move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT })
        .scroll(Math.round(x), Math.round(y), 0, dy, Origin.VIEWPORT).perform();
    },
    keyboard: {
      async type(text) { await on(); await driver.actions().sendKeys(text).perform(); },
      async press(name) { await on(); await driver.actions().sendKeys(KEYS[name] || name).perform(); },
    },
    async screenshot() { await on(); return Buffer.from(await driver.takeScreenshot(), 'base64'); },
    isClosed: () => closed,
    // 'pageerror' listeners hear the errors the page caught, at the next evaluate.
    on(event, listener) { if (event === 'pageerror') listeners.push(listener); },
  };
}
