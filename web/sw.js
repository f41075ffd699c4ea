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
    return Promise.all(keys.filter(function (k) { return k.indexOf(PREFIX) === 0 && k !== CACHE && k !== OPENED; })
      .map(function (k) { return caches.delete(k); }));
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

function networkKept(request, range) {
  var key = openedKey(request.url, range);
  return fetch(request).then(function (response) {
    if (response.status === 200 || response.status === 206) {
      var copy = response.clone();
      copy.arrayBuffer().then(function (body) {
        return caches.open(OPENED).then(function (cache) {
          return cache.put(key, new Response(body, { status: 200, headers: copy.headers }));
        });
      }).catch(function (e) { console.warn('Lectern keeps no offline copy of ' + request.url + ': ' + e); });
    }
    return response;
  }, function (offline) {
    return caches.open(OPENED).then(function (cache) { return cache.match(key); }).then(function (kept) {
      if (!kept) throw offline;
      return range ? new Response(kept.body, { status: 206, headers: kept.headers }) : kept;
    });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var path = request.method === 'GET' ? own(request.url) : null;
  if (path === null) return;
  var range = request.headers.get('range');
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
