// The browser engines the suite can drive, behind the same few verbs, so a test is
// written once: Chromium through playwright-core (as the rest of the suite), Firefox ESR
// through puppeteer-core over WebDriver BiDi (../../../shared/TOOLCHAIN.md: it needs a
// display, so run-tests.sh runs the suite under xvfb-run). Both engines' pages answer
// goto, reload, evaluate, close and the 'console' event alike; what differs is here.
//
//   const engine = await launchEngine('firefox');
//   const { page, errors, close } = await engine.open(url);   // a fresh profile each time
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
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
      close: () => browser.close(),
    };
  }
  throw new Error(`no engine called ${name}`);
}
