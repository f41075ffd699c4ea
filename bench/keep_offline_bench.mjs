// Keeping a library's collection offline (a benchmark, not a test): the site served from
// this machine (tests/web/library.mjs's Range server), a library of three collections
// packed by lectern-tool, and "Keep offline" asked for its largest collection through the
// automation hook (as the button does). For each engine it prints, over RUNS fresh
// profiles: the collection's size (the manifest's offline bytes), the parts fetched, the
// time from the ask to `kept` (median) and the rate, in both layouts.
//
//   xvfb-run -a -s "-screen 0 1400x1000x24" node bench/keep_offline_bench.mjs [runs] [engines…]
//
// Needs dist/site (./build-wasm.sh), build/native/lectern-tool and the browser tests'
// packages (tests/web: npm ci). Localhost has no latency: this measures the page's and the
// worker's own cost (fetch, hash check, Cache API), not a network.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './browser_common.mjs';

const { launchEngine, waitFor } = await import(pathToFileURL(path.join(root, 'tests/web/engines.mjs')));
const { rangeServer } = await import(pathToFileURL(path.join(root, 'tests/web/library.mjs')));
const runs = Number(process.argv[2] || 3);
const names = process.argv.slice(3).length ? process.argv.slice(3) : ['chromium', 'firefox', 'webkit'];
const tool = path.join(root, 'build/native/lectern-tool');

const top = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-keep-bench-'));
fs.cpSync(path.join(root, 'dist/site'), path.join(top, 'site'), { recursive: true });
const archives = [['big', 4000, 1850], ['middle', 1000, 1880], ['small', 200, 1900]].map(([name, works, year], i) => {
  const file = path.join(top, name + '.json');
  execFileSync(tool, ['synth', '--works', String(works), '--body-median', '6000', '--seed', String(50 + i),
    '--years', `${year}..${year + 60}`, '-o', file]);
  return file;
});
execFileSync(tool, ['pack', ...archives, '-o', path.join(top, 'site/lib'), '--container', path.join(top, 'site/lib.lectern')]);
const manifest = JSON.parse(fs.readFileSync(path.join(top, 'site/lib/library.json'), 'utf8'));
const big = manifest.collections[0];
const server = await rangeServer(top);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`collection "${big.id}": ${big.works} works, ${(big.offline.bytes / 1e6).toFixed(1)} MB to keep`);
for (const name of names) {
  const engine = await launchEngine(name);
  try {
    for (const layout of ['folder', 'container']) {
      const times = [];
      let parts = 0;
      for (let r = 0; r < runs; r++) {
        const context = await engine.context();
        const { page } = await context.open(server.url + 'site/' + (layout === 'folder' ? '?library=lib/' : '?library=lib.lectern'));
        await waitFor(page, () => { const l = window.lectern.state().library; return l && l.offline.unavailable === ''; },
          undefined, 60000, 'the worker');
        const before = server.log.length;
        const ms = await page.evaluate((id) => new Promise((resolve, reject) => {
          const t0 = performance.now();
          const reply = window.lectern.command({ keep_offline: id });
          if (!reply.ok) return reject(new Error(reply.error));
          const poll = () => {
            const e = window.lectern.state().library.offline.collections[id];
            if (e && e.state === 'kept') return resolve(performance.now() - t0);
            if (e && e.state === 'failed') return reject(new Error(e.error));
            setTimeout(poll, 20);
          };
          poll();
        }), big.id);
        parts = server.log.length - before;
        times.push(ms);
        await context.close();
      }
      const m = median(times);
      console.log(`${name} ${layout}: ${parts} requests, median ${Math.round(m)} ms (${(big.offline.bytes / 1e6 / (m / 1000)).toFixed(1)} MB/s) over ${runs}: ${times.map(Math.round).join(', ')} ms`);
    }
  } finally {
    await engine.close();
  }
}
server.stop();
fs.rmSync(top, { recursive: true, force: true });
