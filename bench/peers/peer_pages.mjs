// The peers' pages for peers_bench.mjs: a Lectern archive's works converted to each
// peer's input, and a small HTML page per peer that loads the peer's dist files copied
// next to it. The data goes in a <script> (data.js), not a fetched JSON file, so the
// same page can also be opened from file://, where fetch() is refused.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const modules = path.join(path.dirname(fileURLToPath(import.meta.url)), 'node_modules');

// One EDTF part ("1936-08-10", "1938-09", "1923-21" a season, "193X" a decade,
// qualifiers ?~%) as {year, month?, day?}, or null for an open end ("..", "").
function part(s) {
  const m = /^(-?\d{3,4})(X)?(?:-(\d\d))?(?:-(\d\d))?$/.exec(s.replace(/[?~%]/g, ''));
  if (!m) return null;
  const d = { year: Number(m[1]) * (m[2] ? 10 : 1) };
  if (m[3]) d.month = Number(m[3]) > 20 ? 3 * (Number(m[3]) - 21) + 3 : Number(m[3]);  // seasons 21–24: Mar, Jun, Sep, Dec
  if (m[4]) d.day = Number(m[4]);
  return d;
}

// The archive's dated works as [{title, start, end?}]; works without a date are left
// out (the peers have no place for them) and counted.
export function datedWorks(archive) {
  const out = [];
  for (const w of archive.works) {
    if (!w.date) continue;
    const [a, b] = w.date.split('/');
    const start = part(a);
    if (!start) continue;
    const end = b ? part(b) : null;
    out.push(end ? { title: w.title, start, end } : { title: w.title, start });
  }
  return { works: out, undated: archive.works.length - out.length };
}

const iso = (d) => `${String(d.year).padStart(4, '0')}-${String(d.month || 1).padStart(2, '0')}-${String(d.day || 1).padStart(2, '0')}`;

const timelineData = (works) => ({
  events: works.map((w) => ({ start_date: w.start, ...(w.end ? { end_date: w.end } : {}), text: { headline: w.title } })),
});

const visData = (works) => works.map((w, i) => ({ id: i, content: w.title, start: iso(w.start), ...(w.end ? { end: iso(w.end) } : {}) }));

// Each page sets window.__rendered = performance.now() (time since navigation) on the
// peer's own "drawn" signal, or window.__failed with the reason.
const shell = (head, body) => `<!doctype html><html><head><meta charset="utf-8"><title>peer</title>
<style>html,body{margin:0;height:100%}#tl{width:100%;height:100vh}</style>${head}</head>
<body><div id="tl"></div><script src="data.js"></script>
<script>window.onerror = (m) => { window.__failed = String(m); };
const mark = () => { if (window.__rendered === undefined) window.__rendered = performance.now(); };
${body}</script></body></html>`;

export const peers = {
  // TimelineJS fires 'loaded' when its slider and its time navigation are both built;
  // that can happen inside the constructor, before a listener could be added.
  timelinejs: {
    name: 'TimelineJS',
    area: '.tl-timenav',
    write(dir, works) {
      const dist = path.join(modules, '@knight-lab/timelinejs/dist');
      fs.cpSync(path.join(dist, 'js'), path.join(dir, 'js'), { recursive: true });
      fs.cpSync(path.join(dist, 'css'), path.join(dir, 'css'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'data.js'), 'window.PEER_DATA = ' + JSON.stringify(timelineData(works)) + ';\n');
      fs.writeFileSync(path.join(dir, 'index.html'), shell(
        '<link rel="stylesheet" href="css/timeline.css"><script src="js/timeline.js"></script>',
        `const t = new TL.Timeline('tl', window.PEER_DATA, { script_path: new URL('js/', location.href).href });
t.on('loaded', mark);
if (t._loaded && t._loaded.storyslider && t._loaded.timenav) mark();`));
    },
  },
  // vis-timeline emits 'changed' after each redraw; the first one after creation is
  // the items drawn. The standalone bundle carries vis-data and moment.
  vis: {
    name: 'vis-timeline',
    area: '.vis-center',
    write(dir, works) {
      const dist = path.join(modules, 'vis-timeline');
      fs.copyFileSync(path.join(dist, 'standalone/umd/vis-timeline-graph2d.min.js'), path.join(dir, 'vis-timeline-graph2d.min.js'));
      fs.copyFileSync(path.join(dist, 'styles/vis-timeline-graph2d.min.css'), path.join(dir, 'vis-timeline-graph2d.min.css'));
      fs.writeFileSync(path.join(dir, 'data.js'), 'window.PEER_DATA = ' + JSON.stringify(visData(works)) + ';\n');
      fs.writeFileSync(path.join(dir, 'index.html'), shell(
        '<link rel="stylesheet" href="vis-timeline-graph2d.min.css"><script src="vis-timeline-graph2d.min.js"></script>',
        `const t = new vis.Timeline(document.getElementById('tl'), new vis.DataSet(window.PEER_DATA), { height: '100%' });
t.on('changed', mark);
if (document.querySelector('.vis-item')) mark();`));
    },
  },
};
