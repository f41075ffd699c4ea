// Lectern's service worker: the site keeps working without a network. web/assemble.py
// writes the build's own list of files into BUILD; the worker keeps them in one cache
// per build, so a reader offline always gets one whole build, never a mix of two.
//
// - The page (a navigation) and archive.json: the network first, so a reader online
//   always sees what the host serves now; the kept copy when the network is gone.
//   archive.json may be replaced on the host without a new build (site README): each
//   copy fetched is kept. index.html is kept only as its build wrote it: the files it
//   names are the ones kept beside it.
// - Every other file of the build (code named by its hash, fonts, icons, images): the
//   kept copy, which never changes under its name.
// - Anything else in the folder (a library's manifest and parts, an archive opened with
//   ?archive=): the network first, and each answer kept (a range by its range), so what the
//   reader opened can be read again offline. Kept apart from the builds: a new build keeps it.
//   At most OPENED_BYTES of it: past that the oldest goes.
// - A collection the reader keeps offline (web/library.js asks with a Lectern-Keep header):
//   each part fetched, kept in a cache of its own that nothing trims, and only then given
//   to the page, with the key it was kept under. The page writes down the keys and drops
//   them when the reader removes the collection.
// - Offline, a range is answered from any kept copy that holds it: the same range, the whole
//   file, or a larger range (a text read alone from a kept pack).
// - Anything outside this folder or not a GET: left to the browser.
//   A new build installs beside the old one (its whole list fetched, or nothing kept)
//   and takes over once no page of the old one is open; the old build's cache is then
//   deleted. Caches of other Lectern sites on the same host (other folders) are not ours.
'use strict';

var BUILD = '@@BUILD@@';  // {"version": "…", "files": ["index.html", …]}: web/assemble.py
var SCOPE = self.registration.scope;
var PREFIX = 'lectern ' + SCOPE + ' ';
var CACHE = PREFIX + BUILD.version;
var OPENED = PREFIX + 'opened';  // what the reader opened beyond the build
var KEPT = PREFIX + 'kept';      // collections the reader keeps offline
var OPENED_BYTES = 100 * 1000 * 1000;

function own(url) { return url.indexOf(SCOPE) === 0 ? url.slice(SCOPE.length).split(/[?#]/)[0] : null; }

// A file named by its content's hash is the same wherever it comes from: the copy the page
// has just loaded into the HTTP cache does (no second download of the wasm). Any other is
// checked with the host (a 304 when unchanged), so no older copy is kept.
var HASHED = /\.[0-9a-f]{12}\.[a-z]+$/;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(BUILD.files.map(function (f) {
      return new Request(f, { cache: HASHED.test(f) ? 'default' : 'no-cache' });
    }));
  }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf(PREFIX) === 0 && k !== CACHE && k !== OPENED && k !== KEPT; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () {
    // A page opened before the first worker ran is taken now, so it can keep collections
    // offline without a reload. Never a mix of builds: this worker runs only once no page of
    // an older one is open.
    return self.clients.claim();
  }));
});

function networkFirst(request, key, keep) {
  return fetch(request).then(function (response) {
    if (keep && response.ok) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { return cache.put(key, copy); });
    }
    return response;
  }, function (offline) {
    return caches.open(CACHE).then(function (cache) { return cache.match(key); }).then(function (kept) {
      if (kept) return kept;
      throw offline;
    });
  });
}

// A part read by Range is kept under its range (the Cache API keeps no 206 answer: it is
// kept as a 200, and given back as the 206 it was).
function openedKey(url, range) {
  return range ? url + (url.indexOf('?') < 0 ? '?' : '&') + 'lectern-range=' + encodeURIComponent(range) : url;
}

// "bytes=A-B" as [A, B] (B included), or null.
function rangeOf(text) {
  var m = /^bytes=(\d+)-(\d+)$/.exec(text || '');
  return m ? [+m[1], +m[2]] : null;
}

// A kept answer's body, with the size the trimming counts.
function keptResponse(body, headers) {
  var h = new Headers(headers);
  h.set('Lectern-Bytes', String(body.byteLength));
  h.delete('Content-Range');
  h.delete('Content-Length');
  h.delete('Content-Encoding');
  return new Response(body, { status: 200, headers: h });
}

// The oldest of what the reader opened goes once it all passes OPENED_BYTES (keys are kept in
// the order they were put: a part read again moves to the end). The total is counted once
// per worker start and then added to, so a put costs no scan until a trim is due (a part put
// again is counted twice until then: the trim counts afresh). One trim at a time.
var openedBytes = null;
var trimming = null;
function trimOpened(cache) {
  return cache.keys().then(function (keys) {
    return Promise.all(keys.map(function (k) { return cache.match(k); })).then(function (answers) {
      var sizes = answers.map(function (a) { return a ? +(a.headers.get('Lectern-Bytes') || 0) : 0; });
      var total = sizes.reduce(function (a, b) { return a + b; }, 0);
      var drop = [];
      for (var i = 0; i < keys.length && total > OPENED_BYTES; i++) { drop.push(cache.delete(keys[i])); total -= sizes[i]; }
      openedBytes = total;
      return Promise.all(drop);
    });
  });
}
function keepOpened(key, body, headers) {
  return caches.open(OPENED).then(function (cache) {
    return cache.put(key, keptResponse(body, headers)).then(function () {
      if (openedBytes !== null) openedBytes += body.byteLength;
      if (trimming || (openedBytes !== null && openedBytes <= OPENED_BYTES)) return;
      trimming = trimOpened(cache).then(function () { trimming = null; }, function (e) {
        trimming = null;
        console.warn('Lectern could not trim its offline copies: ' + e);
      });
      return trimming;
    });
  });
}

// What a kept copy gives for `url` (and `range`, if any): the same range, the whole file or a
// larger range, from the reader's kept collections first. Resolves to a Response or null.
function fromKept(url, range) {
  var want = rangeOf(range);
  function slice(kept, from) {  // `from`: where the kept body starts in the file
    return kept.arrayBuffer().then(function (body) {
      if (want[1] + 1 - from > body.byteLength) return null;
      var h = new Headers(kept.headers);
      h.set('Content-Range', 'bytes ' + want[0] + '-' + want[1] + '/*');
      return new Response(body.slice(want[0] - from, want[1] + 1 - from), { status: 206, headers: h });
    });
  }
  // A cache not made yet is not opened (which would make it: two requests doing so at once
  // made one of them fail in Firefox); one that fails to answer is passed over.
  function look(names) {
    if (!names.length) return Promise.resolve(null);
    return caches.has(names[0]).then(function (has) { return has ? caches.open(names[0]) : null; }).then(function (cache) {
      if (!cache) return null;
      return cache.match(openedKey(url, range)).then(function (exact) {
        if (exact) return want ? new Response(exact.body, { status: 206, headers: exact.headers }) : exact;
        if (!want) return null;
        return cache.match(url).then(function (whole) {
          if (whole) return slice(whole, 0);
          return cache.keys(url, { ignoreSearch: true }).then(function (keys) {
            for (var i = 0; i < keys.length; i++) {
              var held = rangeOf(new URL(keys[i].url).searchParams.get('lectern-range'));
              if (held && held[0] <= want[0] && want[1] <= held[1]) {
                return cache.match(keys[i]).then(function (k) { return slice(k, held[0]); });
              }
            }
            return null;
          });
        });
      });
    }).catch(function (e) {
      console.warn('Lectern could not read its offline copy of ' + url + ': ' + e);
      return null;
    }).then(function (found) { return found || look(names.slice(1)); });
  }
  return look([KEPT, OPENED]);
}

function networkKept(request, range) {
  return fetch(request).then(function (response) {
    if (response.status === 200 || response.status === 206) {
      // A host that ignores Range sends the whole file (200): kept as the whole file, which
      // answers every range of it offline.
      var key = openedKey(request.url, response.status === 206 ? range : null);
      var copy = response.clone();
      copy.arrayBuffer().then(function (body) { return keepOpened(key, body, copy.headers); })
        .catch(function (e) { console.warn('Lectern keeps no offline copy of ' + request.url + ': ' + e); });
    }
    return response;
  }, function (offline) {
    return fromKept(request.url, range).then(function (kept) {
      if (!kept) throw offline;
      return kept;
    });
  });
}

// The reader keeps a collection offline: the part fetched (past the HTTP cache's guesses, with
// no marker of ours sent on), kept, and only then answered, with the key it is kept under.
function keepForReader(request, range) {
  var key = openedKey(request.url, range);
  var headers = range ? { Range: range } : {};
  return fetch(request.url, { headers: headers, credentials: 'omit', cache: 'no-cache', signal: request.signal })
    .then(function (response) {
      if (!(response.status === 200 || (range && response.status === 206))) return response;
      return response.arrayBuffer().then(function (body) {
        var want = rangeOf(range);
        // A host that ignores Range sends the whole file: the range is cut from it.
        if (want && response.status === 200) body = body.slice(want[0], want[1] + 1);
        return caches.open(KEPT).then(function (cache) { return cache.put(key, keptResponse(body, response.headers)); })
          .then(function () {
            return new Response(body, { status: 200, headers: { 'Lectern-Kept-As': key, 'Lectern-Kept-In': KEPT } });
          });
      });
    });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var path = request.method === 'GET' ? own(request.url) : null;
  if (path === null) return;
  var range = request.headers.get('range');
  if (request.headers.get('lectern-keep')) {
    event.respondWith(keepForReader(request, range));
    return;
  }
  if (range && request.mode !== 'navigate') {
    event.respondWith(networkKept(request, range));
    return;
  }
  if (request.mode === 'navigate') {
    // The page itself (the folder, or index.html, with any ?archive= or #work=); other pages
    // of the folder (embed-example.html) are not kept.
    if (path === '' || path === 'index.html') event.respondWith(networkFirst(request, 'index.html', false));
  } else if (path === 'archive.json') {
    event.respondWith(networkFirst(request, 'archive.json', true));
  } else if (BUILD.files.indexOf(path) >= 0) {
    event.respondWith(caches.open(CACHE).then(function (cache) { return cache.match(path); }).then(function (kept) {
      return kept || fetch(request);
    }));
  } else {
    event.respondWith(networkKept(request, null));
  }
});
