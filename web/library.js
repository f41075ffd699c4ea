// A library (docs/library-format.md) read from where it is: a folder on any static host
// (one file per part), a container file over HTTP Range, or a container opened from disk
// (File.slice, from file:// too). The viewer (core/session) decides what it needs; this
// fetches each part, checks it against its content name, inflates it with the browser's
// own DecompressionStream and hands the text over. Nothing here waits in a frame.
//   lecternLibrary.openUrl(url, done, fail)    ?library=URL: a folder's library.json, or a .lectern file
//   lecternLibrary.openFile(file, done, fail)  Open… or a drop of a .lectern file
//   lecternLibrary.fetch(...)                  called by the viewer after a frame (page_bridge_web.cpp)
//   lecternLibrary.keepOffline(id, parts, n)   the reader kept a collection offline (web/sw.js keeps the parts)
//   lecternLibrary.forgetOffline(id)           … or no longer wants it kept
(function () {
  'use strict';
  var MAGIC = 'LECTERN-LIBRARY\n';
  var HEADER = 32;
  var FIRST_READ = 32 * 1024;      // the header and, for most libraries, the whole (gzipped) manifest
  var MAX_MANIFEST = 16 * 1024 * 1024;
  var KEEP_BYTES = 16 * 1024 * 1024;  // whole parts kept for neighbours' texts (folder layout)

  var source = null;      // where the open library's parts come from
  // Parts that failed once: fetched again past the browser's cache, which may hold the
  // damaged copy (a 200 of a content-named file is heuristically fresh for a while).
  var failedNames = new Set();
  var generation = 0;     // answers for a library no longer open are dropped
  var controllers = new Map();  // request id -> its AbortController

  function t(key, args) { return window.lecternText ? window.lecternText(key, args) : key; }

  function withHeap(bytes, fn) {
    var ptr = _malloc(Math.max(bytes.length, 1));
    if (!ptr) throw new Error('out of memory for ' + bytes.length + ' bytes');
    try {
      HEAPU8.set(bytes, ptr);
      return fn(ptr);
    } finally {
      _free(ptr);
    }
  }
  function withString(text, fn) {
    var len = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(len);
    try {
      stringToUTF8(text, ptr, len);
      return fn(ptr);
    } finally {
      _free(ptr);
    }
  }

  // The part inflated by the browser, stopping past MAX_INFLATED (a small part can stand
  // for gigabytes) with the reason.
  var MAX_INFLATED = 256 * 1024 * 1024;
  function inflate(bytes) {
    var reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
    var chunks = [], got = 0;
    function pump() {
      return reader.read().then(function (step) {
        if (step.done) return;
        got += step.value.length;
        if (got > MAX_INFLATED) { reader.cancel(); throw new Error(t('page.library_not_gzip')); }
        chunks.push(step.value);
        return pump();
      });
    }
    return pump().then(function () {
      var out = new Uint8Array(got), at = 0;
      chunks.forEach(function (c) { out.set(c, at); at += c.length; });
      return out;
    }, function () { throw new Error(t('page.library_not_gzip')); });
  }

  function httpProblem(r) { return 'HTTP ' + r.status + (r.statusText ? ' ' + r.statusText : ''); }
  // A failed read's reason for the reader: the browser's words for "no network" become ours.
  function problemOf(e) {
    var why = String(e && e.message || e);
    return why === 'Failed to fetch' || why.indexOf('NetworkError') >= 0 ? t('page.library_no_answer') : why;
  }

  // ---- sources: read(offset or name, length) resolving to {bytes, fetched} -----------------

  // The folder layout: a part is a file; the browser's cache keeps what it fetched, and the
  // last few whole parts stay here so the next work's text in the same pack costs nothing.
  function folderSource(base) {
    var kept = new Map();
    var keptBytes = 0;
    var inFlight = new Map();    // name -> the download of a whole part under way
    var ignoresRange = false;    // a Range request was answered whole: ask for whole parts
    function keep(name, bytes) {
      kept.set(name, bytes);
      keptBytes += bytes.length;
      kept.forEach(function (b, n) {
        if (keptBytes > KEEP_BYTES && n !== name) { kept.delete(n); keptBytes -= b.length; }
      });
    }
    return {
      layout: 'folder',
      href: base,
      // Where part `ref` ([name, offset, bytes]) is: its own file.
      where: function (ref) { return { url: new URL(ref[0], base).href, range: null }; },
      manifestAt: function () { return { url: new URL('library.json', base).href, range: null }; },
      part: function (name) {
        if (kept.has(name)) return Promise.resolve({ bytes: kept.get(name), fetched: 0, whole: true });
        if (inFlight.has(name)) {  // asked for again before it came (two texts of one pack): one download
          return inFlight.get(name).then(function (p) { return { bytes: p.bytes, fetched: 0, whole: true }; });
        }
        var options = { credentials: 'omit' };
        if (failedNames.has(name)) options.cache = 'reload';
        var got = fetch(new URL(name, base).href, options).then(function (r) {
          if (!r.ok) throw new Error(httpProblem(r));
          return r.arrayBuffer();
        }).then(function (b) {
          var bytes = new Uint8Array(b);
          return { bytes: bytes, fetched: bytes.length, whole: true };
        });
        inFlight.set(name, got);
        var done = function () { inFlight.delete(name); };
        got.then(done, done);
        return got;
      },
      // One member of a part by itself (a search result's text, a term's postings): by Range, or
      // from the whole part when the host sends it whole (then checked and kept like any part).
      member: function (name, offset, length, signal) {
        if (kept.has(name)) return Promise.resolve({ bytes: kept.get(name).subarray(offset, offset + length), fetched: 0 });
        if (ignoresRange) {  // this host sends whole files: one download per part, shared by its members
          return this.part(name).then(function (p) {
            return { bytes: p.bytes.subarray(offset, offset + length), fetched: p.fetched, whole: p.bytes };
          });
        }
        var options = { credentials: 'omit', signal: signal, headers: { Range: 'bytes=' + offset + '-' + (offset + length - 1) } };
        if (failedNames.has(name)) options.cache = 'reload';
        return fetch(new URL(name, base).href, options).then(function (r) {
          if (r.status === 206) {
            var range = /^bytes (\d+)-/.exec(r.headers.get('Content-Range') || '');
            if (range && +range[1] !== offset) throw new Error(t('page.library_short_read', { got: 0, want: length }));
            return r.arrayBuffer().then(function (b) {
              if (b.byteLength !== length) throw new Error(t('page.library_short_read', { got: b.byteLength, want: length }));
              return { bytes: new Uint8Array(b), fetched: b.byteLength };
            });
          }
          if (!r.ok) throw new Error(httpProblem(r));
          ignoresRange = true;
          return r.arrayBuffer().then(function (b) {
            var whole = new Uint8Array(b);
            return { bytes: whole.subarray(offset, offset + length), fetched: whole.length, whole: whole };
          });
        });
      },
      keep: keep,  // a part that matched its name
      manifest: function () {
        return fetch(new URL('library.json', base).href, { credentials: 'omit', cache: 'no-cache' }).then(function (r) {
          if (!r.ok) throw new Error(httpProblem(r));
          return r.arrayBuffer();
        }).then(function (b) { return new Uint8Array(b); });
      }
    };
  }

  // The container: the data section starts after the header and the manifest. `slice(a, b)`
  // reads bytes a..b-1 of the file, by Range or from disk.
  function containerSource(layout, slice, href) {
    var dataStart = 0;
    return {
      layout: layout,
      href: href || null,
      // Where part `ref` ([name, offset, bytes]) is: its range of the container.
      where: function (ref) {
        var from = dataStart + ref[1];
        return { url: href, range: 'bytes=' + from + '-' + (from + ref[2] - 1) };
      },
      // The header and the manifest, as the first read asks for them (and more, when the
      // manifest is longer: a kept range answers any range inside it).
      manifestAt: function () { return { url: href, range: 'bytes=0-' + (Math.max(FIRST_READ, dataStart) - 1) }; },
      manifest: function () {
        return slice(0, FIRST_READ).then(function (head) {
          var magic = String.fromCharCode.apply(null, head.subarray(0, MAGIC.length));
          if (head.length < HEADER || magic !== MAGIC) throw new Error(t('page.library_not_container'));
          var length = parseInt(String.fromCharCode.apply(null, head.subarray(MAGIC.length, HEADER)), 16);
          if (!(length >= 0) || length > MAX_MANIFEST) throw new Error(t('page.library_not_container'));
          dataStart = HEADER + length;
          // The container's manifest is gzipped (a range answer is never compressed by the host).
          return (dataStart <= head.length ? Promise.resolve(head.subarray(HEADER, dataStart)) : slice(HEADER, dataStart))
            .then(inflate);
        });
      },
      range: function (offset, length) {
        return slice(dataStart + offset, dataStart + offset + length).then(function (bytes) {
          if (bytes.length !== length) throw new Error(t('page.library_short_read', { got: bytes.length, want: length }));
          return bytes;
        });
      }
    };
  }

  // HTTP Range on a host that honours it (206). A host that answers 200 sends the whole file:
  // read once, then served from memory, so nothing is lost (the folder layout suits such hosts better).
  function rangeSlicer(url) {
    var whole = null;  // the file, once a 200 brought it all: one download, shared, forgotten if it fails
    function slice(a, b) { return whole.then(function (all) { return all.subarray(a, Math.min(b, all.length)); }); }
    return function (a, b) {
      if (whole) return slice(a, b);
      return fetch(url, { credentials: 'omit', headers: { Range: 'bytes=' + a + '-' + (b - 1) } }).then(function (r) {
        if (r.status === 206) return r.arrayBuffer().then(function (x) { return new Uint8Array(x); });
        if (r.status !== 200) throw new Error(httpProblem(r));
        if (whole) { r.body && r.body.cancel(); return slice(a, b); }  // another read brought it first
        console.warn('Lectern: ' + url + ' was sent whole (the host ignores Range requests); reading it from memory');
        lecternLibrary.rangeIgnored = true;
        whole = r.arrayBuffer().then(function (x) { return new Uint8Array(x); });
        whole.catch(function () { whole = null; });
        return slice(a, b);
      });
    };
  }

  function fileSlicer(file) {
    return function (a, b) {
      return file.slice(a, Math.min(b, file.size)).arrayBuffer().then(function (x) { return new Uint8Array(x); });
    };
  }

  // ---- opening ---------------------------------------------------------------------------

  function open(src, name, done, fail, manifest) {
    (manifest || src.manifest()).then(function (bytes) {
      var reply = withHeap(bytes, function (ptr) { return JSON.parse(UTF8ToString(_lectern_open_library(ptr, bytes.length))); });
      if (!reply.ok) return fail(reply.error);
      generation++;
      source = src;
      lecternLibrary.layout = src.layout;
      done(name);
      tellOffline();
    }).catch(function (e) { fail(String(e && e.message || e)); });
  }

  // The source for a library's address: a container by Range, or a folder (its library.json,
  // or the folder itself).
  function sourceFor(url) {
    var href = url.href;
    if (/\.lectern$/i.test(url.pathname)) return containerSource('range', rangeSlicer(href), href);
    return folderSource(/\/$/.test(url.pathname) ? href : href.replace(/[^/]*$/, ''));
  }
  var prefetched = null;  // {href, source, manifest}: the start library's manifest, asked for early

  // ---- collections kept offline ------------------------------------------------------------
  // The site's worker (web/sw.js) keeps what a request marked KEEP fetched, in its own cache
  // apart from what it keeps by itself, and says under which key: the page never builds the
  // worker's keys. What was kept, per library and collection, is written in localStorage
  // ({list, bytes, cache, keys}), so a later visit shows it kept and "Remove" drops exactly
  // its parts (those no other kept collection lists).
  var KEEP = 'Lectern-Keep';
  var AT_ONCE = 3;            // parts downloaded together
  var keeps = new Map();      // collection -> {controller, keys, cache} of a keep under way

  function tell(message) {
    if (typeof _lectern_offline !== 'function') return;
    withString(JSON.stringify(message), function (p) { _lectern_offline(p); });
  }
  function folderOfPage() { return new URL('./', location.href).href; }
  // "" when the open library's collections can be kept; else why not (offline_shelf.h).
  function offlineWhy(src) {
    if (src.layout === 'file') return 'disk';
    var offline = window.lectern && window.lectern.offline;
    if (offline === 'installing') return 'installing';  // asked again once it is ready
    if (offline !== 'ready' || !navigator.serviceWorker || !navigator.serviceWorker.controller) return 'no-worker';
    if (!src.href || src.href.indexOf(folderOfPage()) !== 0) return 'elsewhere';
    return '';
  }
  var recordKey = function (src) { return 'lectern.kept ' + src.href; };
  function records(src) {
    try { return JSON.parse(localStorage.getItem(recordKey(src)) || '{}') || {}; } catch (e) { return {}; }
  }
  function saveRecords(src, all) {
    try {
      if (Object.keys(all).length) localStorage.setItem(recordKey(src), JSON.stringify(all));
      else localStorage.removeItem(recordKey(src));
    } catch (e) { console.warn('Lectern cannot write down what it kept offline: ' + e); }
  }
  // Tells the viewer what it can keep and what an earlier visit kept.
  function tellOffline() {
    if (!source) return;
    tell({ available: offlineWhy(source) });
    if (!source.href) return;
    var all = records(source);
    Object.keys(all).forEach(function (id) { tell({ recorded: id, list: all[id].list, bytes: all[id].bytes }); });
  }
  // Drops kept parts no kept collection lists any more (and none being kept now).
  function dropUnlisted(src, cacheName, keys) {
    if (!cacheName || !keys.length || !window.caches) return Promise.resolve();
    var all = records(src), listed = new Set();
    Object.keys(all).forEach(function (id) { all[id].keys.forEach(function (k) { listed.add(k); }); });
    keeps.forEach(function (k) { k.keys.forEach(function (key) { listed.add(key); }); });
    return caches.open(cacheName).then(function (cache) {
      return Promise.all(keys.filter(function (k) { return !listed.has(k); }).map(function (k) { return cache.delete(k); }));
    });
  }
  // A size as the viewer writes one (tr_size): decimal units, one decimal under 10.
  function sizeText(bytes) {
    var lang = (window.lectern && window.lectern.state && (window.lectern.state() || {}).language) || undefined;
    var unit = bytes >= 999.5e6 ? ['gigabyte', 1e9, 'GB'] : bytes >= 999.5e3 ? ['megabyte', 1e6, 'MB'] : ['kilobyte', 1e3, 'KB'];
    var n = Math.max(bytes / unit[1], 1);
    try {
      return new Intl.NumberFormat(lang, { style: 'unit', unit: unit[0], maximumFractionDigits: n < 10 ? 1 : 0 }).format(n);
    } catch (e) { return n.toFixed(n < 10 ? 1 : 0) + ' ' + unit[2]; }
  }
  // Room for `bytes` more, by the browser's own estimate (where it gives one).
  function haveRoom(bytes) {
    if (!navigator.storage || !navigator.storage.estimate) return Promise.resolve();
    return navigator.storage.estimate().then(function (e) {
      var free = (e.quota || 0) - (e.usage || 0);
      if (e.quota && bytes > free) throw new Error(t('page.keep_quota', { size: sizeText(bytes), free: sizeText(Math.max(free, 0)) }));
    });
  }
  // One part through the worker, checked against its name (`ref` null: the manifest, which
  // has none); resolves once kept.
  function keepPart(src, ref, keep) {
    var at = ref ? src.where(ref) : src.manifestAt();
    var headers = {};
    headers[KEEP] = '1';
    if (at.range) headers.Range = at.range;
    return fetch(at.url, { credentials: 'omit', headers: headers, signal: keep.controller.signal }).then(function (r) {
      var key = r.headers.get('Lectern-Kept-As');
      if (!key) { if (r.body) r.body.cancel(); throw new Error(r.ok ? t('page.keep_no_worker') : httpProblem(r)); }
      keep.cache = r.headers.get('Lectern-Kept-In');
      keep.keys.push(key);
      return r.arrayBuffer().then(function (b) {
        if (!ref) return;
        var bytes = new Uint8Array(b);
        var ok = withString(ref[0], function (n) { return withHeap(bytes, function (ptr) { return _lectern_part_matches(n, ptr, bytes.length); }); });
        if (!ok) throw new Error(ref[0] + ': ' + t('page.library_mismatch'));
      });
    });
  }

  window.lecternLibrary = {
    layout: null,
    rangeIgnored: false,
    // Starts fetching a library's manifest before the viewer is ready to open it.
    prefetch: function (url) {
      var src = sourceFor(url);
      var manifest = src.manifest();
      manifest.catch(function () {});  // reported when opened
      prefetched = { href: url.href, source: src, manifest: manifest };
    },
    openUrl: function (url, done, fail) {
      var name = decodeURIComponent(url.pathname.split('/').pop() || url.host);
      if (prefetched && prefetched.href === url.href) {
        var early = prefetched;
        prefetched = null;
        return open(early.source, name, done, fail, early.manifest);
      }
      open(sourceFor(url), name, done, fail);
    },
    openFile: function (file, done, fail) {
      open(containerSource('file', fileSlicer(file)), file.name, done, fail);
    },
    // The viewer's "keep offline" for a collection: every part of its offline list (the list
    // first), a few at a time, with progress; the worker keeps each as it passes.
    keepOffline: function (collection, parts, total) {
      var src = source;
      var why = src ? offlineWhy(src) : 'no-worker';
      if (why) return tell({ finished: collection, ok: false, error: t('page.keep_no_worker') });
      var keep = { controller: new AbortController(), keys: [], cache: null };
      keeps.set(collection, keep);
      var queue = parts.slice(), done = 0, gen = generation;
      // Reports go to the library they were asked by: another one opened meanwhile has a
      // collection of its own by that id, perhaps.
      var report = function (message) { if (gen === generation) tell(message); };
      function next() {
        if (!queue.length || keep.controller.signal.aborted) return Promise.resolve();
        var ref = queue.shift();
        return keepPart(src, ref, keep).then(function () {
          done += ref[2];
          report({ progress: collection, done: done, total: total });
          return next();
        });
      }
      var previous = records(src)[collection];
      haveRoom(total).then(function () {
        if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
        // The manifest first: offline, the library opens from the copy these parts belong to.
        return keepPart(src, null, keep);
      }).then(function () {
        var workers = [];
        for (var i = 0; i < AT_ONCE; i++) workers.push(next());
        return Promise.all(workers);
      }).then(function () {
        if (keep.controller.signal.aborted) return;
        keeps.delete(collection);
        var all = records(src);
        all[collection] = { list: parts[0][0], bytes: total, cache: keep.cache, keys: keep.keys };
        saveRecords(src, all);
        report({ finished: collection, ok: true });
        // Kept before by another build's list: what only that one listed goes.
        if (previous) return dropUnlisted(src, previous.cache, previous.keys);
      }).catch(function (e) {
        if (keep.controller.signal.aborted) return;
        keep.controller.abort();
        keeps.delete(collection);
        report({ finished: collection, ok: false, error: problemOf(e) });
        return dropUnlisted(src, keep.cache, keep.keys);
      });
    },
    forgetOffline: function (collection) {
      var src = source;
      if (!src || !src.href) return;
      var keep = keeps.get(collection);
      keeps.delete(collection);
      if (keep) keep.controller.abort();
      var all = records(src), was = all[collection];
      delete all[collection];
      saveRecords(src, all);
      var drops = [];
      if (keep) drops.push(dropUnlisted(src, keep.cache, keep.keys));
      if (was) drops.push(dropUnlisted(src, was.cache, was.keys));
      Promise.all(drops).catch(function (e) { console.warn('Lectern could not drop what it kept offline: ' + e); });
    },
    // The page's worker came (or failed): what the open library can keep may have changed.
    offlineChanged: tellOffline,
    // Stops a request the viewer no longer wants (its answer would be ignored anyway).
    cancel: function (id) {
      var c = controllers.get(id);
      if (c) c.abort();
      controllers.delete(id);
    },
    // One part for the viewer (kind: 0 front, 1 tile, 2 ids, 3 text, 4 search root, 5 dictionary
    // block, 6 postings, 7 dictionary directory, 8 year table): a whole part is checked against
    // its name; a text or postings is one gzip member of its pack (in the container read alone; in a folder alone when `alone` or postings,
    // else with its whole pack, whose neighbours the reader may open next). A member read alone is
    // checked by its gzip trailer (CRC-32 and length), which DecompressionStream verifies.
    fetch: function (id, kind, name, offset, bytes, memberOffset, memberBytes, alone) {
      var gen = generation;
      var src = source;
      if (!src) return;
      var got;
      var controller = new AbortController();  // cancel(id): a search's part a new query no longer needs
      controllers.set(id, controller);
      if (src.layout === 'folder' && memberBytes && (alone || kind === 6)) {
        got = src.member(name, memberOffset, memberBytes, controller.signal).then(function (p) {
          if (!p.whole) return p;
          var ok = withString(name, function (n) { return withHeap(p.whole, function (ptr) { return _lectern_part_matches(n, ptr, p.whole.length); }); });
          if (!ok) throw new Error(t('page.library_mismatch'));
          src.keep(name, p.whole);
          return p;
        });
      } else if (src.layout === 'folder' || !memberBytes) {
        got = (src.layout === 'folder' ? src.part(name) : src.range(offset, bytes).then(function (b) {
          return { bytes: b, fetched: b.length, whole: true };
        })).then(function (p) {
          var ok = withString(name, function (n) { return withHeap(p.bytes, function (ptr) { return _lectern_part_matches(n, ptr, p.bytes.length); }); });
          if (!ok) throw new Error(t('page.library_mismatch'));
          if (src.keep && p.fetched) src.keep(name, p.bytes);
          return { bytes: memberBytes ? p.bytes.subarray(memberOffset, memberOffset + memberBytes) : p.bytes, fetched: p.fetched };
        });
      } else {
        got = src.range(offset + memberOffset, memberBytes).then(function (b) { return { bytes: b, fetched: b.length }; });
      }
      got.then(function (p) {
        return inflate(p.bytes).then(function (text) { return { text: text, fetched: p.fetched }; });
      }).then(function (r) {
        controllers.delete(id);
        if (gen !== generation || controller.signal.aborted) return;
        withHeap(r.text, function (ptr) {
          withString('', function (e) { _lectern_library_answer(id, 1, ptr, r.text.length, r.fetched, e); });
        });
      }).catch(function (e) {
        controllers.delete(id);
        if (controller.signal.aborted) return;  // the viewer stopped wanting it: no answer is expected
        failedNames.add(name);
        if (gen !== generation) return;
        withString(problemOf(e), function (w) { _lectern_library_answer(id, 0, 0, 0, 0, w); });
      });
    }
  };
})();
