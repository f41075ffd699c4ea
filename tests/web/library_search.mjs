// Searching a library (docs/library-format.md, "Search") in the browser, as a reader does: the
// same queries on an archive loaded whole and on its library give the same works (Latin with
// accents, Cyrillic, Greek, CJK and the other scripts of tests/data/scripts.json, a Zipf corpus
// with texts); the first results get titles and snippets; a link with &q= searches a library;
// on a host that honours Range a search reads members, not whole packs; a damaged or missing
// index part makes its query say so, and the rest keeps working.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, test, assert, equal, state, command, startServer } from './harness.mjs';
import { waitFor as poll } from './engines.mjs';
import { rangeServer } from './library.mjs';

const TOOL = path.join(root, 'build/native/lectern-tool');
const run = (...args) => execFileSync(TOOL, args, { stdio: ['ignore', 'pipe', 'inherit'] }).toString();
const waitFor = (page, fn, arg, timeout = 30000) => poll(page, fn, arg, timeout);

// Queries a reader might type, from the archive's own titles and texts: a word, a word and a
// space, a prefix, two words, a quoted phrase, and runs of characters for text without spaces.
function queriesFrom(archive, every) {
  const q = new Set();
  const cjk = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]/u;
  archive.works.forEach((w, i) => {
    if (i % every) return;
    const text = w.title + ' ' + (w.body || '').slice(0, 400);
    const words = text.split(/[\s.,;:!?()«»"“”—#*_\[\]]+/u).filter((x) => x.length > 0);
    if (!words.length) return;
    const mid = Math.floor(words.length / 2);
    q.add(words[0]);
    q.add(words[mid] + ' ');
    if ([...words[mid]].length >= 4) q.add([...words[mid]].slice(0, 3).join(''));
    if (words.length >= 3) {
      q.add(words[0] + ' ' + words[words.length - 1]);
      q.add(`"${words[mid - 1]} ${words[mid]}"`);
    }
    const run = [...text].findIndex((c, k, all) => cjk.test(c) && all.slice(k, k + 4).every((d) => cjk.test(d)));
    if (run >= 0) {
      const chars = [...text];
      q.add(chars.slice(run, run + 2).join(''));
      q.add(chars.slice(run, run + 4).join(''));
    }
  });
  return [...q].filter((x) => x.trim().length > 0);
}

// The works a query finds, sorted: on an archive its work results; on a library once every
// result's tile is in (the libraries here are small).
async function found(page, query) {
  await command(page, { search: query });
  try {
    await waitFor(page, (query) => {
      const s = window.lectern.state();
      return s.query === query && !s.searching && s.results.every((r) => r !== null);
    }, query);
  } catch (e) {
    const s = await state(page);
    throw new Error(`query ${JSON.stringify(query)} did not settle: ${JSON.stringify({ searching: s.searching, results: s.results.length, search: s.library && s.library.search, notice: s.notice })}`);
  }
  const s = await state(page);
  return s.results.filter((r) => r.startsWith('work:')).sort();
}

async function sameAnswers(context, url, name, archiveFile, libraryDir, every) {
  const archive = JSON.parse(fs.readFileSync(archiveFile, 'utf8'));
  // At most 48 of them, spread over the list: each costs two searches and their frames.
  const all = queriesFrom(archive, every);
  const queries = all.filter((q, i) => all.length <= 48 || i % Math.ceil(all.length / 48) === 0);
  assert(queries.length >= 20, `${queries.length} queries from ${name}`);
  const whole = await context.open(url + '?archive=' + encodeURIComponent(path.basename(archiveFile)));
  await waitFor(whole.page, (n) => window.lectern.state().archive.works === n, archive.works.length);
  const lib = await context.open(url + '?library=' + libraryDir + '/library.json');
  await waitFor(lib.page, () => window.lectern.state().library !== null);
  let some = 0;
  const differ = [];
  for (const q of queries) {
    const want = await found(whole.page, q), got = await found(lib.page, q);
    if (JSON.stringify(want) !== JSON.stringify(got)) differ.push(`${q}: archive ${want.length}, library ${got.length}`);
    some += want.length > 0 ? 1 : 0;
  }
  equal(differ, [], `queries answered differently (of ${queries.length})`);
  assert(some * 10 >= queries.length * 8, `only ${some} of ${queries.length} queries found anything`);
  equal(whole.errors.concat(lib.errors), [], 'console errors');
  console.log(`      ${name}: ${queries.length} queries, the same works`);
  await whole.page.close();
  await lib.page.close();
}

// Written once for every engine (engines.mjs): `context` is one engine's, `engine` its name.
// The same answers as the archive's are checked once, in Chromium: the search is the viewer's
// own (wasm), alike in every engine; what the engines differ in is how the parts are read.
export async function librarySearch(context, engine, siteDir) {
  const named = (what) => (engine === 'chromium' ? what : what.replace(/^library search/, `library search (${engine})`));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-library-search-'));
  const site = path.join(dir, 'site');
  fs.cpSync(siteDir, site, { recursive: true });
  const scripts = path.join(root, 'tests/data/scripts.json');
  fs.copyFileSync(path.join(root, 'data/serge.json'), path.join(site, 'serge.json'));
  fs.copyFileSync(scripts, path.join(site, 'scripts.json'));
  run('synth', '--works', '300', '--seed', '11', '--zipf', '--scripts', '40', '--body-median', '3000',
    '-o', path.join(site, 'zipf.json'));
  for (const name of ['serge', 'scripts', 'zipf'])
    run('pack', path.join(site, name + '.json'), '-o', path.join(site, name), '--container', path.join(site, name + '.lectern'));
  const plain = await startServer(site);
  const ranged = await rangeServer(site);
  try {
    if (engine === 'chromium') await test('library search: the bundled archive\'s library finds what the archive finds', async () => {
      await sameAnswers(context, plain.url, 'Serge', path.join(site, 'serge.json'), 'serge', 1);
    });
    if (engine === 'chromium') await test('library search: seventeen scripts, with and without spaces, as the archive', async () => {
      await sameAnswers(context, plain.url, 'scripts', path.join(site, 'scripts.json'), 'scripts', 1);
    });
    if (engine === 'chromium') await test('library search: Latin, Cyrillic, Greek and CJK texts by a Zipf curve, as the archive', async () => {
      await sameAnswers(context, plain.url, 'Zipf', path.join(site, 'zipf.json'), 'zipf', 9);
    });

    await test(named('library search: titles and snippets for the first results, marks on the timeline, a link with &q='), async () => {
      const { page, errors } = await context.open(plain.url + '?library=serge/library.json#q=revolution');
      await waitFor(page, () => {
        const s = window.lectern.state();
        return s.library && s.library.search && s.library.search.status === 'done' && s.library.search.ready > 0;
      });
      const s = await state(page);
      equal(s.query, 'revolution', 'the query from the link');
      assert(s.results.length > 0 && s.results[0] !== null, `results: ${JSON.stringify(s.results)}`);
      equal(s.library.search.ready, Math.min(10, s.results.length), 'the first results are ready to read');
      assert(!s.bar.some((label) => /no index/.test(label)), 'the box offers search');
      equal(errors, [], 'console errors');
      await page.close();
    });

    await test(named('library search: on a host that honours Range, postings and texts are read alone'), async () => {
      const { page, errors } = await context.open(ranged.url + '?library=zipf/library.json');
      await waitFor(page, () => window.lectern.state().library !== null);
      ranged.log.length = 0;
      const zipf = JSON.parse(fs.readFileSync(path.join(site, 'zipf.json'), 'utf8'));
      const word = zipf.works[0].title.split(/\s+/)[0];
      await command(page, { search: word });
      await waitFor(page, () => {
        const s = window.lectern.state();
        return !s.searching && s.library.search.status === 'done' && s.library.search.ready === Math.min(10, s.results.length);
      });
      const asked = ranged.log.map((r) => `${path.basename(r.name)}${r.range ? ' ' + r.range : ''}`);
      assert(asked.some((a) => /^r-/.test(a)) && asked.some((a) => /^d-/.test(a)), `root and block: ${asked.join(', ')}`);
      const texts = ranged.log.filter((r) => /\/b-/.test(r.name));
      assert(texts.length > 0 && texts.every((r) => r.range), `texts for snippets read alone: ${asked.join(', ')}`);
      equal(errors, [], 'console errors');
      await page.close();
    });

    await test(named('library search: a damaged block and a lost root are named; other queries, and Retry, work'), async () => {
      // A copy whose first dictionary block is damaged and whose root is gone for a while.
      const broken = path.join(site, 'broken');
      fs.cpSync(path.join(site, 'zipf'), broken, { recursive: true });
      const parts = fs.readdirSync(broken);
      const rootName = parts.find((p) => /^r-/.test(p));
      // The dictionary's blocks, in term order (the root names directories, each names its blocks):
      // two that start with a word (not a pair or a filter term).
      const roots = JSON.parse(execFileSync('python3', ['-c', [
        'import gzip, sys, json, os',
        'root = json.load(gzip.open(sys.argv[1]))',
        'print(json.dumps([b for d in root["directories"] for b in json.load(gzip.open(os.path.join(os.path.dirname(sys.argv[1]), d[1][0])))["blocks"]]))',
      ].join('\n'), path.join(broken, rootName)]).toString());
      const wordBlocks = roots.filter(([first]) => !/^[\u0001\u0002]/u.test(first));
      assert(wordBlocks.length >= 2, `dictionary blocks starting with a word: ${wordBlocks.length}`);
      const [inBroken, brokenBlock] = [wordBlocks[0][0], wordBlocks[0][1][0]];
      const elsewhere = wordBlocks[wordBlocks.length - 1][0];
      // The block: damaged in place (its name no longer matches it); the root: gone for a while.
      const file = path.join(broken, brokenBlock);
      const bytes = fs.readFileSync(file);
      bytes[bytes.length >> 1] ^= 0x55;
      fs.writeFileSync(file, bytes);
      fs.renameSync(path.join(broken, rootName), path.join(broken, rootName + '.away'));
      const { page, errors } = await context.open(plain.url + '?library=broken/library.json');
      await waitFor(page, () => window.lectern.state().library !== null);
      const settled = (q, status) => waitFor(page, ([q, status]) => {
        const s = window.lectern.state();
        return s.query === q && s.library.search.status === status;
      }, [q, status]);
      await command(page, { search: elsewhere + ' ' });
      await settled(elsewhere + ' ', 'failed');
      let s = await state(page);
      equal(s.library.search.subject, rootName, 'the lost part is named');
      assert(s.notice.includes(rootName), `the notice: ${s.notice}`);
      equal(s.results, [], 'no results from a search that could not run');
      fs.renameSync(path.join(broken, rootName + '.away'), path.join(broken, rootName));
      await command(page, { retry: true });
      await settled(elsewhere + ' ', 'done');
      assert((await state(page)).results.length > 0, 'Retry read the root, and the search answered');
      // The damaged block fails the query that needs it, and only that one.
      await command(page, { search: inBroken + ' ' });
      await settled(inBroken + ' ', 'failed');
      s = await state(page);
      equal(s.library.search.subject, brokenBlock, 'the damaged block is named');
      await command(page, { search: elsewhere + ' ' });
      await settled(elsewhere + ' ', 'done');
      // The page keeps working: a work opens and reads.
      await command(page, { link: '#work=w0' });
      await waitFor(page, () => window.lectern.state().selected === 'w0');
      equal(errors.filter((e) => !/Failed to load resource|404/.test(e)), [], 'console errors');
      await page.close();
    });
  } finally {
    plain.stop();
    ranged.stop();
  }
}
