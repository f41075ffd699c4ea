// Library search benchmark in the browser (not a test): Lectern's search of a packed library beside
// Pagefind's search of the same works as HTML pages (bench/pagefind_pages.py, then `pagefind --site`),
// in one Chromium run, on a local static host (browser_common.mjs: Range, gzip, 304) read at
// 10 Mbit/s down and up with 40 ms latency (CDP Network.emulateNetworkConditions).
//
// For each query, and each engine:
//   - cold: a fresh browser context. Pagefind: a blank page of the host, then from the search's start
//     `import('/pagefind/pagefind.js')`, `init()`, `search(q)` and `data()` of the first 10 results.
//     Lectern: the page opened with ?library=..., state().library set; then command({search: q}) until
//     state().searching is false and state().library.search.ready >= min(10, matches);
//   - warm: in the same page, after another query, the same query again (what a reader retyping
//     gets: the engine's own caches and the HTTP cache);
//   - Pagefind also "new page": a second page of the warm context (the HTTP cache only).
// Requests and bytes are Chromium's own (CDP Network events, encodedDataLength: on the wire with
// headers), counted from the search's start until the last of its requests has finished; the host's
// log gives the same requests by file (the kinds column). Time is from the search's start to the
// first 10 results' data (Pagefind) or titles and snippets (Lectern), in the page (performance.now).
//
//   node bench/library_search_bench.mjs --corpus ARCHIVES... [--pagefind-site DIR] [--library-dir DIR]
//        [--site dist/site] [--json out.json] [--queries queries.json] [--runs 3]
//
// --corpus: the archives (files or folders of .json) the queries are chosen from (document
//   frequencies over all their works; the words chosen are printed and written to the JSON);
// --pagefind-site: the folder of pages with pagefind/ in it (skipped if absent);
// --library-dir: holds library/ (folder layout) and library.lectern (skipped if absent, or if the
//   viewer has no library search yet: state().library.search undefined);
// --queries: a JSON file [{name, q}] (or this script's --json output) instead of choosing;
// --limit N: the first N works of the corpus only (as bench/pagefind_pages.py --limit N);
// --choose-only: choose the queries, write them to --json and stop (for --queries later);
// --runs: cold and warm runs a query (the median is printed, all are in the JSON);
// --pagefind-worker: let Pagefind search in its web worker, as it does by default. Without it, the
//   benchmark calls pf.options({noWorker: true}) before init: the same files are fetched (the host's
//   log shows it), but from the page, where CDP sees them and the emulated line applies; the requests
//   of a dedicated worker escape the page's CDP session, its counts and its network emulation, so in
//   this mode the requests and bytes columns are the host's (body bytes, no headers).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NETWORK, emulatedPage, launch, pct, root, serveStatic, settled } from './browser_common.mjs';

// ---- arguments ----
const args = { corpus: [], site: path.join(root, 'dist/site'), runs: 3 };
for (let i = 2; i < process.argv.length; ++i) {
  const a = process.argv[i];
  const value = () => process.argv[++i];
  if (a === '--corpus') { while (process.argv[i + 1] && !process.argv[i + 1].startsWith('--')) args.corpus.push(value()); }
  else if (a === '--pagefind-site') args.pagefindSite = path.resolve(value());
  else if (a === '--library-dir') args.libraryDir = path.resolve(value());
  else if (a === '--site') args.site = path.resolve(value());
  else if (a === '--json') args.json = path.resolve(value());
  else if (a === '--queries') args.queries = path.resolve(value());
  else if (a === '--runs') args.runs = Number(value());
  else if (a === '--pagefind-worker') args.pagefindWorker = true;
  else if (a === '--choose-only') args.chooseOnly = true;
  else if (a === '--limit') args.limit = Number(value());
  else { console.error(`unknown argument ${a}`); process.exit(2); }
}

// ---- the queries: words of the corpus by document frequency ----
const LATIN = /^[a-z]+$/, CYRILLIC = /^[\u0400-\u04ff]+$/;
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/;
const WORD = /[\p{L}\p{N}]+/gu;
function archiveFiles(inputs) {
  const files = [];
  for (const i of inputs) {
    if (fs.statSync(i).isDirectory()) files.push(...fs.readdirSync(i).filter((f) => f.endsWith('.json')).map((f) => path.join(i, f)));
    else files.push(i);
  }
  return files.sort();
}
function chooseQueries(inputs) {
  const t0 = Date.now();
  const df = new Map();        // word -> works (in the sample)
  const cjkDf = new Map();     // two CJK characters -> works (in the sample)
  const pairs = new Map();     // "w1 w2" adjacent Latin words -> occurrences (in the sample)
  let works = 0, sampled = 0;
  const files = archiveFiles(inputs);
  // The frequencies are taken from every STEP-th work (about 200 MB of archives), the exact counts from all.
  let total = 0;
  for (const f of files) total += fs.statSync(f).size;
  if (args.limit) total *= Math.min(1, args.limit / 100000);  // about: the sample only needs to be of a sensible size
  const STEP = Math.max(1, Math.round(total / 200e6));
  const limited = (list) => (args.limit && works + list.length > args.limit ? list.slice(0, Math.max(0, args.limit - works)) : list);
  for (const f of files) {
    if (args.limit && works >= args.limit) break;
    const archive = JSON.parse(fs.readFileSync(f, 'utf8'));
    for (const w of limited(archive.works || [])) {
      const text = `${w.title || ''}\n${w.body || ''}`.toLowerCase();
      if (works++ % STEP) continue;
      ++sampled;
      const seen = new Set();
      const words = text.match(WORD) || [];
      for (const x of words) {
        if (CJK.test(x)) {
          for (let i = 0; i + 1 < x.length; ++i) seen.add('\u0001' + x.slice(i, i + 2));
        } else seen.add(x);
      }
      for (const x of seen) {
        if (x[0] === '\u0001') cjkDf.set(x.slice(1), (cjkDf.get(x.slice(1)) || 0) + 1);
        else df.set(x, (df.get(x) || 0) + 1);
      }
      // Phrases from the paragraphs: adjacent words with nothing but a space between them.
      if (sampled <= 500) {  // the first 500 works of the sample, every pair counted
        for (const m of text.matchAll(/(?<![\p{L}\p{N}])([a-z]+) ([a-z]+)(?![\p{L}\p{N}])/gu)) {
          const k = m[1] + ' ' + m[2];
          pairs.set(k, (pairs.get(k) || 0) + 1);
        }
      }
    }
  }
  const share = (x) => (df.get(x) || 0) / sampled;
  const latin = [...df.keys()].filter((w) => LATIN.test(w) && w.length >= 3).sort((a, b) => df.get(b) - df.get(a) || (a < b ? -1 : 1));
  const cyr = [...df.keys()].filter((w) => CYRILLIC.test(w) && w.length >= 3).sort((a, b) => df.get(b) - df.get(a) || (a < b ? -1 : 1));
  const picks = [];
  // Candidates from the sample, then their exact document frequencies in one more pass over every work.
  const band = works > 5000 ? [10, 80] : [1, 3];
  const rareFloor = works > 5000 ? 5 : 1;
  const frequentWord = latin[0];
  const inBand = latin.filter((w) => w !== frequentWord && df.get(w) * STEP < band[1] && df.get(w) * STEP >= band[0]).slice(0, 40);
  const rarest = latin.slice(1).reverse().slice(0, 40);  // the rarest in the sample, if no word is under 50 works
  // A phrase: the most common adjacent pair of two mid-frequency words (each in 1%..30% of works).
  const mid = (w) => share(w) >= 0.01 && share(w) <= 0.3;
  const phrase = [...pairs.entries()].filter(([k]) => { const [a, b] = k.split(' '); return a !== b && mid(a) && mid(b); })
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]
    || [...pairs.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  // A prefix: the first three letters of the word nearest 5% of works among words of 5 letters or more.
  const prefixWord = latin.filter((w) => w.length >= 5).sort((a, b) => Math.abs(share(a) - 0.05) - Math.abs(share(b) - 0.05) || (a < b ? -1 : 1))[0];
  const cyrillic = cyr.length ? cyr.sort((a, b) => Math.abs(share(a) - 0.02) - Math.abs(share(b) - 0.02) || (a < b ? -1 : 1))[0] : null;
  const cjk = cjkDf.size ? [...cjkDf.keys()].sort((a, b) => Math.abs(cjkDf.get(a) / sampled - 0.01) - Math.abs(cjkDf.get(b) / sampled - 0.01) || (a < b ? -1 : 1))[0] : null;
  const escape = (x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const words = [...new Set([...inBand, ...rarest, frequentWord, prefixWord, cyrillic].filter(Boolean))];
  const wordRe = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const phraseRe = phrase ? new RegExp(`(?<![\\p{L}\\p{N}])${escape(phrase[0])}(?![\\p{L}\\p{N}])`, 'u') : null;
  const prefixRe = prefixWord ? new RegExp(`(?<![\\p{L}\\p{N}])${escape(prefixWord.slice(0, 3))}`, 'u') : null;
  const exact = new Map(), withFrequent = new Map();
  let phraseN = 0, prefixN = 0, cjkN = 0;
  let seen2 = 0;
  for (const f of files) {
    if (args.limit && seen2 >= args.limit) break;
    const archive = JSON.parse(fs.readFileSync(f, 'utf8'));
    for (const w of (archive.works || []).slice(0, args.limit ? args.limit - seen2 : undefined)) {
      ++seen2;
      const text = `${w.title || ''}\n${w.body || ''}`.toLowerCase();
      const found = new Set(text.match(wordRe) || []);
      for (const x of found) exact.set(x, (exact.get(x) || 0) + 1);
      if (found.has(frequentWord)) for (const x of found) withFrequent.set(x, (withFrequent.get(x) || 0) + 1);
      if (phraseRe && phraseRe.test(text)) ++phraseN;
      if (prefixRe && prefixRe.test(text)) ++prefixN;
      if (cjk && text.includes(cjk)) ++cjkN;
    }
  }
  const n = (w) => exact.get(w) || 0;
  // Rare: the most frequent candidate whose exact count is under 50 (at least 5 when the corpus is large).
  let rare = inBand.find((w) => n(w) < 50 && n(w) >= rareFloor), rareNote;
  if (!rare && rarest.length) {
    rare = rarest.filter((w) => n(w) >= rareFloor).sort((a, b) => n(a) - n(b) || (a < b ? -1 : 1))[0] || rarest[0];
    rareNote = 'no Latin word is in fewer than 50 works: the rarest found';
  }
  if (rare) picks.push({ name: 'rare word', q: rare, df: n(rare), note: rareNote });
  if (frequentWord) picks.push({ name: 'frequent word', q: frequentWord, df: n(frequentWord) });
  if (rare && frequentWord) picks.push({ name: 'two words (rare + frequent)', q: `${rare} ${frequentWord}`, df: withFrequent.get(rare) || 0 });
  if (phrase) picks.push({ name: 'phrase', q: `"${phrase[0]}"`, df: phraseN, note: `${phrase[1]} times in the sample` });
  if (prefixWord) picks.push({ name: 'prefix', q: prefixWord.slice(0, 3), df: prefixN, note: `of ${prefixWord} (${n(prefixWord)} works)` });
  if (cyrillic) picks.push({ name: 'Cyrillic word', q: cyrillic, df: n(cyrillic) });
  if (cjk) picks.push({ name: 'CJK two characters', q: cjk, df: cjkN });
  console.log(`queries chosen from ${works} works (frequencies from ${sampled}, every ${STEP}th; exact counts over all) in ${((Date.now() - t0) / 1000).toFixed(0)} s:`);
  for (const p of picks) console.log(`  ${p.name}: ${p.q}  (${p.df === null ? '?' : p.df} works${p.note ? ', ' + p.note : ''}; ${(100 * (p.df || 0) / works).toFixed(2)}%)`);
  return { works, queries: picks };
}

// ---- the host: the site at /, the library at /library/ and /library.lectern, Pagefind at /pf/ ----
const PF_PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>pagefind</title><link rel="icon" href="data:,"></head><body>pagefind bench</body></html>';
function resolver(name) {
  if (name === '/pf/index.html' || name === '/pf/') return { body: PF_PAGE, type: 'text/html' };
  const inside = (base, rel) => { const f = path.join(base, path.normalize(rel)); return f.startsWith(base) ? f : null; };
  if (name.startsWith('/pf/')) return args.pagefindSite ? inside(args.pagefindSite, name.slice(3)) : null;
  if (args.libraryDir && (name === '/library.lectern' || name.startsWith('/library/'))) return inside(args.libraryDir, name);
  return inside(args.site, name);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function settle(requests) { for (let i = 0; i < 250 && !settled(requests); ++i) await sleep(20); }
function tally(requests, from, log, logFrom) {
  const list = [...requests.values()].slice(from).filter((r) => !r.url.endsWith('/favicon.ico'));
  const network = list.filter((r) => !r.cached);
  const files = log.slice(logFrom).map((e) => ({ name: e.name, status: e.status, bytes: e.bytes, range: e.range }));
  const kinds = {};
  for (const e of files) {
    const k = kindOf(e.name, e.range);
    kinds[k] = kinds[k] || { n: 0, bytes: 0 };
    ++kinds[k].n;
    kinds[k].bytes += e.bytes;
  }
  return { requests: network.length, cached: list.length - network.length, bytes: network.reduce((s, r) => s + r.bytes, 0),
    failed: network.filter((r) => r.failed).length, urls: network.map((r) => `${r.status || r.failed || '?'} ${r.url.replace(server.url, '/')} ${r.bytes}`), served: files.length, servedBytes: files.reduce((s, e) => s + e.bytes, 0), kinds, files };
}
function kindOf(name, range) {
  const base = path.basename(name);
  if (name.startsWith('/pf/')) {
    if (/\.pf_index$/.test(base)) return 'pf_index';
    if (/\.pf_fragment$/.test(base)) return 'pf_fragment';
    if (/\.pf_filter$/.test(base)) return 'pf_filter';
    if (/\.pf_meta$/.test(base)) return 'pf_meta';
    if (/^wasm\./.test(base)) return 'wasm';
    return base;
  }
  if (name === '/library.lectern') return 'container range';
  if (name.startsWith('/library/')) {
    if (base === 'library.json') return 'manifest';
    const k = base.split('-')[0];
    return { c: 'front', t: 'tile', i: 'ids', b: 'text', r: 'search root' }[k] || `${k}-part`;
  }
  return 'site';
}
const fmtKinds = (kinds) => Object.entries(kinds).map(([k, v]) => `${v.n} ${k} (${(v.bytes / 1024).toFixed(1)} KB)`).join(', ');

// ---- Pagefind ----
async function pagefindSearch(page, q) {
  return page.evaluate(async ([q, worker]) => {
    const t0 = performance.now();
    let pf = window.__pf;
    if (!pf) {
      pf = window.__pf = await import('/pf/pagefind/pagefind.js');
      if (!worker) await pf.options({ noWorker: true });
    }
    await pf.init?.();
    const tInit = performance.now();
    const r = await pf.search(q);
    const tSearch = performance.now();
    const data = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
    const t1 = performance.now();
    return { ms: t1 - t0, initMs: tInit - t0, searchMs: tSearch - tInit, dataMs: t1 - tSearch, matches: r.results.length,
      unfiltered: r.unfilteredResultCount, top: data.map((d) => d.url.replace(/^.*\//, '').replace(/\.html$/, '')) };
  }, [q, args.pagefindWorker]);
}
async function pagefindRun(context, page, requests, q) {
  const from = requests.size, logFrom = server.log.length;
  const r = await pagefindSearch(page, q);
  await settle(requests);
  const t = tally(requests, from, server.log, logFrom);
  if (args.pagefindWorker) Object.assign(t, { requests: t.served, bytes: t.servedBytes, cdpRequests: t.requests, cdpBytes: t.bytes });
  return { ...r, ...t };
}
async function pagefindQuery(q, other) {
  const cold = [], warm = [], newPage = [];
  for (let i = 0; i < args.runs; ++i) {
    const context = await browser.newContext();
    const { page, requests } = await emulatedPage(context);
    await page.goto(server.url + 'pf/');
    await settle(requests);
    cold.push(await pagefindRun(context, page, requests, q));
    await pagefindRun(context, page, requests, other);
    warm.push(await pagefindRun(context, page, requests, q));
    const second = await emulatedPage(context);
    await second.page.goto(server.url + 'pf/');
    await settle(second.requests);
    newPage.push(await pagefindRun(context, second.page, second.requests, q));
    await context.close();
  }
  return { cold, warm, newPage };
}

// ---- Lectern ----
async function lecternSearch(page, q, limitMs = 120000) {
  return page.evaluate(([q, limitMs]) => new Promise((resolve, reject) => {
    const t0 = performance.now();
    const reply = window.lectern.command({ search: q });
    if (reply && reply.ok === false) { reject(new Error(JSON.stringify(reply))); return; }
    const poll = () => {
      const s = window.lectern.state();
      const search = s.library && s.library.search;
      if (search && s.searching === false && search.ready >= Math.min(10, search.matches)) {
        resolve({ ms: performance.now() - t0, matches: search.matches, ready: search.ready,
          top: (s.results || []).slice(0, 10) });
        return;
      }
      if (performance.now() - t0 > limitMs) { reject(new Error(`not ready after ${limitMs / 1000} s: ${JSON.stringify({ searching: s.searching, search, notice: s.notice })}`)); return; }
      setTimeout(poll, 5);
    };
    setTimeout(poll, 0);
  }), [q, limitMs]);
}
async function lecternOpen(context, where) {
  const { page, requests } = await emulatedPage(context);
  await page.goto(server.url + '?library=' + where);
  await page.waitForFunction(() => window.lectern && window.lectern.state() && window.lectern.state().library, null, { timeout: 300000, polling: 50 });
  const hasSearch = await page.evaluate(() => window.lectern.state().library.search !== undefined);
  // The library's own first requests (front matter, tiles) are over before the search starts.
  await page.waitForFunction(() => !(window.lectern.state().library.pending > 0), null, { timeout: 120000, polling: 20 });
  await settle(requests);
  return { page, requests, hasSearch };
}
async function lecternRun(page, requests, q) {
  const from = requests.size, logFrom = server.log.length;
  const r = await lecternSearch(page, q);
  await settle(requests);
  return { ...r, ...tally(requests, from, server.log, logFrom) };
}
async function lecternQuery(where, q, other) {
  const cold = [], warm = [];
  for (let i = 0; i < args.runs; ++i) {
    const context = await browser.newContext();
    const { page, requests } = await lecternOpen(context, where);
    cold.push(await lecternRun(page, requests, q));
    await lecternRun(page, requests, other);
    warm.push(await lecternRun(page, requests, q));
    await context.close();
  }
  return { cold, warm };
}

// ---- the run ----
const chosen = args.queries ? JSON.parse(fs.readFileSync(args.queries, 'utf8')) : chooseQueries(args.corpus);
const queries = Array.isArray(chosen) ? chosen : chosen.queries;
if (args.queries) for (const p of queries) console.log(`  ${p.name}: ${p.q}`);
if (args.chooseOnly) {
  if (args.json) fs.writeFileSync(args.json, JSON.stringify(chosen, null, 1));
  process.exit(0);
}
const { browser, tmp } = await launch();
const server = await serveStatic(resolver);
const dirSize = (d) => { let n = 0, files = 0; for (const e of fs.readdirSync(d, { withFileTypes: true })) {
  const p = path.join(d, e.name);
  if (e.isDirectory()) { const s = dirSize(p); n += s.bytes; files += s.files; } else { n += fs.statSync(p).size; ++files; } }
  return { bytes: n, files }; };
const out = { chromium: browser.version(), network: NETWORK, runs: args.runs, load: os.loadavg(), corpus: args.corpus,
  queries, pagefind: null, lectern: {} };
console.log(`\nChromium ${browser.version()}, ${args.runs} runs a measure, network ${NETWORK.downloadThroughput * 8 / 1e6} Mbit/s, ` +
  `${NETWORK.latency} ms; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
// Another query for "warm": the next one in the list.
const otherOf = (i) => queries[(i + 1) % queries.length].q;

if (args.pagefindSite && fs.existsSync(path.join(args.pagefindSite, 'pagefind/pagefind.js'))) {
  const bundle = path.join(args.pagefindSite, 'pagefind');
  const entry = JSON.parse(fs.readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8'));
  const all = dirSize(bundle);
  const index = ['index', 'fragment', 'filter'].map((d) => fs.existsSync(path.join(bundle, d)) ? dirSize(path.join(bundle, d)) : { bytes: 0, files: 0 });
  out.pagefind = { version: entry.version, worker: !!args.pagefindWorker, languages: entry.languages, bundle: all,
    index: { bytes: index.reduce((s, x) => s + x.bytes, 0), files: index.reduce((s, x) => s + x.files, 0),
      index: index[0], fragment: index[1], filter: index[2] }, results: {} };
  console.log(`Pagefind ${entry.version} (${args.pagefindWorker ? 'in its web worker: requests and bytes from the host log, the line not emulated for the worker' : 'noWorker: true, in the page'}): ${Object.values(entry.languages).map((l) => l.page_count).join('+')} pages; pagefind/ ${(all.bytes / 1e6).toFixed(1)} MB in ${all.files} files ` +
    `(pf_index ${(index[0].bytes / 1e6).toFixed(1)} MB in ${index[0].files}, pf_fragment ${(index[1].bytes / 1e6).toFixed(1)} MB in ${index[1].files}, pf_filter ${index[2].files})`);
  for (const [i, { name, q }] of queries.entries()) {
    const r = await pagefindQuery(q, otherOf(i));
    out.pagefind.results[name] = { q, ...r };
    console.error(`  pagefind ${name} ${q}: cold ${r.cold.map((x) => x.ms.toFixed(0)).join('/')} ms, ${r.cold[0].requests} req, ${(r.cold[0].bytes / 1024).toFixed(1)} KB, ${r.cold[0].matches} matches`);
  }
} else console.log(`Pagefind: skipped (${args.pagefindSite ? 'no pagefind/pagefind.js in ' + args.pagefindSite : 'no --pagefind-site'})`);

if (args.libraryDir && fs.existsSync(path.join(args.libraryDir, 'library/library.json'))) {
  for (const [layout, where] of [['folder', 'library/library.json'], ['container (Range)', 'library.lectern']]) {
    if (layout.startsWith('container') && !fs.existsSync(path.join(args.libraryDir, 'library.lectern'))) continue;
    const probe = await browser.newContext();
    let hasSearch = false;
    try { hasSearch = (await lecternOpen(probe, where)).hasSearch; } catch (e) { console.log(`Lectern ${layout}: the library did not open: ${String(e).split('\n')[0]}`); }
    await probe.close();
    if (!hasSearch) {
      console.log(`Lectern ${layout}: skipped: this viewer has no library search (state().library.search is undefined)`);
      out.lectern[layout] = { skipped: 'state().library.search is undefined' };
      continue;
    }
    out.lectern[layout] = { results: {} };
    for (const [i, { name, q }] of queries.entries()) {
      const r = await lecternQuery(where, q, otherOf(i));
      out.lectern[layout].results[name] = { q, ...r };
      console.error(`  lectern ${layout} ${name} ${q}: cold ${r.cold.map((x) => x.ms.toFixed(0)).join('/')} ms, ${r.cold[0].requests} req, ${(r.cold[0].bytes / 1024).toFixed(1)} KB`);
    }
  }
} else console.log(`Lectern: skipped (${args.libraryDir ? 'no library/library.json in ' + args.libraryDir : 'no --library-dir'})`);

// ---- tables ----
const med = (v) => pct(v, 0.5);
const kb = (b) => (b / 1024).toFixed(1) + ' KB';
function row(engine, name, q, cache, list) {
  const x = list[Math.floor(list.length / 2)];
  return `| ${engine} | ${name} | \`${q}\` | ${cache} | ${med(list.map((r) => r.requests))} | ${kb(med(list.map((r) => r.bytes)))} | ` +
    `${med(list.map((r) => r.ms)).toFixed(0)} (${Math.min(...list.map((r) => r.ms)).toFixed(0)}–${Math.max(...list.map((r) => r.ms)).toFixed(0)}) | ` +
    `${x.matches} | ${fmtKinds(x.kinds) || '–'} |`;
}
console.log('\n### Search: requests, bytes on the wire and time to the first 10 results (median of runs)\n');
console.log('| engine | query | q | cache | requests | bytes (wire) | ms to 10 results (min–max) | matches | what was fetched (host log, body bytes) |');
console.log('|---|---|---|---|---:|---:|---:|---:|---|');
for (const { name, q } of queries) {
  const p = out.pagefind && out.pagefind.results[name];
  if (p) for (const [cache, list] of [['cold', p.cold], ['warm (same page)', p.warm], ['new page (HTTP cache)', p.newPage]]) console.log(row('Pagefind', name, q, cache, list));
  for (const [layout, l] of Object.entries(out.lectern)) {
    const r = l.results && l.results[name];
    if (r) for (const [cache, list] of [['cold', r.cold], ['warm (same page)', r.warm]]) console.log(row(`Lectern ${layout}`, name, q, cache, list));
  }
}
if (out.pagefind) {
  console.log('\nPagefind, cold, time split (median ms): import + init / search / data of the first 10');
  for (const { name } of queries) {
    const c = out.pagefind.results[name].cold;
    console.log(`  ${name}: ${med(c.map((r) => r.initMs)).toFixed(0)} / ${med(c.map((r) => r.searchMs)).toFixed(0)} / ${med(c.map((r) => r.dataMs)).toFixed(0)}`);
  }
  const q = queries[0].name;
  const x = out.pagefind.results[q].cold[0];
  console.log(`\nPagefind, cold "${queries[0].q}": files fetched (host log, body bytes):`);
  for (const f of x.files) console.log(`  ${f.status} ${f.name} ${f.bytes}`);
}
if (args.json) { fs.writeFileSync(args.json, JSON.stringify(out, null, 1)); console.log(`\n(results in ${args.json})`); }
server.close();
await browser.close();
fs.rmSync(tmp, { recursive: true, force: true });
