// Browser search benchmark (not a test): opens dist/lectern.html with synthetic
// archives of about 1, 10 and 100 MB of text (?archive=, served with CORS), then
// times, through the page's automation hook, the first search (which builds the
// index) and ~150 queries (single words, pairs, phrases, prefixes taken from the
// text) as command({search}), which also ranks and makes every hit's snippet.
//
//   node bench/browser_search_bench.mjs [max_mb] [page.html]   (after ./build-wasm.sh and a native build)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launch, serveWithCors, openWithArchive, pct, root } from './browser_common.mjs';

const tool = path.join(root, 'build/native/lectern-tool');
const maxMb = Number(process.argv[2] || 100);
const pagePath = path.resolve(process.argv[3] || path.join(root, 'dist/lectern.html'));
const { browser, tmp } = await launch();
const server = await serveWithCors(tmp);

// Queries from the text itself, with a fixed seed.
function queriesFrom(archive) {
  let seed = 7;
  const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const words = [];
  for (let i = 0; i < 400; i++) {
    const body = archive.works[rnd(archive.works.length)].body || '';
    const at = body.indexOf(' ', rnd(Math.max(1, body.length - 40)));
    const piece = body.slice(at + 1, at + 40).split(/[\s#*_.,;:!?"()]+/).filter((w) => /^[a-z]{3,}$/i.test(w));
    if (piece.length >= 2) words.push(piece);
  }
  const q = [];
  for (let i = 0; i < 50; i++) q.push(words[i][0]);
  for (let i = 50; i < 90; i++) q.push(words[i][0] + ' ' + words[i + 100][0]);
  for (let i = 90; i < 120; i++) q.push('"' + words[i][0] + ' ' + words[i][1] + '"');
  for (let i = 120; i < 150; i++) q.push(words[i][0].slice(0, 3 + rnd(3)));
  return q;
}

console.log('| text (MB) | works | open (ms) | first search, builds the index (ms) | query median (ms) | query p99 (ms) | queries |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const mb of [1, 10, 100]) {
  if (mb > maxMb) break;
  const works = mb * 200;
  const file = path.join(tmp, `search-${mb}.json`);
  execFileSync(tool, ['synth', '--works', String(works), '--body', '5000', '--seed', '3', '-o', file]);
  const queries = queriesFrom(JSON.parse(fs.readFileSync(file, 'utf8')));
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const opened = await openWithArchive(page, pagePath, server.url + path.basename(file), works);
  if (!opened.ok) {
    console.log(`| ${mb} | ${works} | ${opened.why} | | | | |`);
    await page.close();
    continue;
  }
  const r = await page.evaluate((queries) => {
    const time = (q) => { const t0 = performance.now(); window.lectern.command({ search: q }); return performance.now() - t0; };
    const first = time('zzzz');
    const each = queries.map(time);
    window.lectern.command({ search: '' });
    return { first, each };
  }, queries);
  console.log(`| ${mb} | ${works} | ${opened.ms} | ${r.first.toFixed(0)} | ${pct(r.each, 0.5).toFixed(1)} | ` +
    `${pct(r.each, 0.99).toFixed(1)} | ${r.each.length} |`);
  await page.close();
}
server.close();
await browser.close();
fs.rmSync(tmp, { recursive: true, force: true });
