// Lectern's page script: checks what the browser can do, gets the archive
// (inline in the single file, fetched beside the site build), starts the
// viewer and exposes window.lectern for tests and automation (described once, in README.md:
// "Automation: window.lectern").
(function () {
  'use strict';
  var status = document.getElementById('status');

  // The page's own words (loading line, problems dialog) in the interface's language:
  // the viewer's once it runs, before that the kept choice or the browser's. The table
  // is the catalogues' "page." keys (web/assemble.py writes window.lecternMessages).
  var MESSAGES = window.lecternMessages || { en: {} };
  function keptLanguage() {
    try { var k = JSON.parse(localStorage.getItem('lectern.prefs') || 'null'); return k && k.language; } catch (e) { return null; }
  }
  function firstLanguage() {
    var asked = [keptLanguage()].concat(navigator.languages || [navigator.language]);
    for (var i = 0; i < asked.length; ++i) {
      var primary = typeof asked[i] === 'string' ? asked[i].split(/[-_]/)[0].toLowerCase() : '';
      if (MESSAGES[primary]) return primary;
    }
    return 'en';
  }
  var language = firstLanguage();
  function t(key, args) {
    var text = (MESSAGES[language] || {})[key] || MESSAGES.en[key] || key;
    return text.replace(/\{(\w+)\}/g, function (all, name) { return args && name in args ? String(args[name]) : all; });
  }
  window.lecternText = t;  // for the other page scripts (archive-url.js)
  function speak(next) {
    if (!MESSAGES[next]) return;
    language = next;
    document.documentElement.lang = next;
    document.querySelector('#problems button').textContent = t('page.close');
    // The mirror's interface words (works, undated, kinds), marked with their keys by
    // src/core/export/html_mirror.cpp: the page shows the mirror until the viewer starts.
    var words = document.querySelectorAll('#mirror [data-t]');
    for (var i = 0; i < words.length; ++i) {
      var key = words[i].getAttribute('data-t');
      if (MESSAGES.en[key]) words[i].textContent = t(key, { date: words[i].getAttribute('data-date') });
    }
  }
  speak(language);
  if (!status.classList.contains('error')) {
    status.textContent = t('page.loading');
    status.classList.remove('hidden');
  }

  function show(message, isError) {
    status.textContent = message;
    status.classList.toggle('error', !!isError);
    status.classList.remove('hidden');
  }

  function missingCapability() {
    if (typeof WebAssembly !== 'object') return t('page.no_wasm');
    var gl = null;
    try { gl = document.createElement('canvas').getContext('webgl2'); } catch (e) { gl = null; }
    if (!gl) return t('page.no_webgl');
    return null;
  }

  // The single file carries its wasm and archive gzipped in base64 (web/assemble.py):
  // about 40 % of the bytes of plain base64 for the wasm.
  function gunzip(element) {
    var text = element.textContent;
    var packed = atob(text.replace(/\s+/g, ''));
    var bytes = new Uint8Array(packed.length);
    for (var i = 0; i < packed.length; ++i) bytes[i] = packed.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).arrayBuffer();
  }

  // Inline archive (single file) or a fetch of archive.json (site build), as bytes.
  function bundledArchive() {
    var inline = document.getElementById('lectern-archive');
    if (inline && inline.type === 'application/gzip') return gunzip(inline).then(function (b) { return new Uint8Array(b); });
    if (inline) return Promise.resolve(new TextEncoder().encode(inline.textContent));
    return fetch('archive.json').then(function (r) {
      if (!r.ok) throw new Error(t('page.archive_http', { status: r.status }));
      return r.arrayBuffer();
    }, function () {
      throw new Error(t('page.archive_no_answer'));
    }).then(function (b) { return new Uint8Array(b); });
  }

  function megabytes(n) { return (n / 1e6).toFixed(n < 1e7 ? 1 : 0) + ' MB'; }

  // Strings cross into wasm through the heap, not the stack: archives can be large.
  function call(fn, text) {
    var len = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(len);
    if (!ptr) return { ok: false, error: 'out of memory for a ' + len + '-byte command' };
    try {
      stringToUTF8(text, ptr, len);
      return JSON.parse(UTF8ToString(fn(ptr)));
    } finally {
      _free(ptr);
    }
  }

  // An archive's bytes go straight into the viewer's memory: no JSON command around
  // them, so a large file is not copied three times over.
  function loadBytes(bytes) {
    var ptr = _malloc(Math.max(bytes.length, 1));
    if (!ptr) {
      var why = t('page.too_much_memory', { size: megabytes(bytes.length) });
      return { ok: false, memory: true, error: 'load: ' + why, problems: [why] };
    }
    try {
      HEAPU8.set(bytes, ptr);  // after _malloc: growing memory replaces HEAPU8
      return JSON.parse(UTF8ToString(_lectern_load(ptr, bytes.length)));
    } finally {
      _free(ptr);
    }
  }

  // The page around the canvas (loading line, problems dialog) wears the theme the
  // reader chose in the viewer; web/lectern.css follows the system otherwise. Set from
  // the kept choice before anything shows, and again whenever the viewer saves one.
  function showTheme(choice) {
    if (choice === 'dark' || choice === 'light') document.documentElement.setAttribute('data-theme', choice);
    else document.documentElement.removeAttribute('data-theme');
  }
  // In a host page's frame (docs/embedding.md) the fragment may set this frame's theme
  // (theme=light|dark): it wins over the kept choice and is never kept itself.
  function fragmentOption(name) {
    var m = new RegExp('(?:^#|&)' + name + '=([^&]*)').exec(location.hash);
    return m ? m[1] : null;
  }
  var frameTheme = fragmentOption('theme');
  if (frameTheme !== 'light' && frameTheme !== 'dark') frameTheme = null;
  // The page's words follow the viewer's language once it runs (the reader's choice,
  // the archive's, the browser's).
  function followViewer() {
    var s = lectern.state && lectern.state();
    if (s && s.language) speak(s.language);
  }
  window.lecternPrefsSaved = function (prefs) {
    showTheme(frameTheme || (prefs && prefs.theme));
    if (ready) followViewer();
  };
  showTheme(frameTheme || (keptPrefs() || {}).theme);
  // Until the viewer's first frame the page shows the archive as HTML where the viewer will
  // draw it (web/mirror.css): at the kept reading size, in a host's frame at its share.
  var keptScale = Number((keptPrefs() || {}).reading_scale);
  if (keptScale > 0) document.documentElement.style.setProperty('--reading', String(keptScale));
  function endPreview() { document.documentElement.classList.remove('preview'); }
  // Inside another page's <iframe> the viewer is a guest: it writes its own fragment in
  // place (no entries in the host's history) and never takes the focus or scrolls; keys
  // reach it only while the frame has the focus (the browser sends them to the focused frame).
  var framed = true;
  try { framed = window.self !== window.top; } catch (e) { framed = true; }
  var compact = fragmentOption('embed') === '1' || fragmentOption('embed') === 'true';
  if (compact) document.documentElement.classList.add('compact');

  // The site as an app that keeps working offline (web/sw.js, written by web/assemble.py).
  // Registered after the first frame, so its downloads never compete with it; not from
  // file:// (the single file is offline already) or where the browser has no service
  // workers. lectern.offline says how far it got: "installing", "ready" (every file of
  // this build kept), "failed", or null when there is none.
  var workerUrl = document.currentScript && document.currentScript.getAttribute('data-sw');
  function keepOffline() {
    if (!workerUrl || !('serviceWorker' in navigator) || !window.isSecureContext) return;
    lectern.offline = 'installing';
    // A library open now can keep its collections once the worker runs this page.
    var changed = function () { if (window.lecternLibrary) window.lecternLibrary.offlineChanged(); };
    navigator.serviceWorker.addEventListener('controllerchange', changed);
    navigator.serviceWorker.register(workerUrl).then(function (registration) {
      var worker = registration.installing || registration.waiting;
      if (worker) worker.addEventListener('statechange', function () {
        if (worker.state === 'redundant' && lectern.offline === 'installing') lectern.offline = 'failed';
      });
      return navigator.serviceWorker.ready;
    }).then(function () {
      lectern.offline = 'ready';
      changed();
    }).catch(function (e) {
      lectern.offline = 'failed';
      changed();
      console.warn('Lectern cannot keep this site for offline reading: ' + e);
    });
  }

  var ready = false;
  // Phases in ms; pageStart, viewerStart and firstFrame are times since navigation.
  var timings = { pageStart: Math.round(performance.now() * 10) / 10 };
  function since(start) { return Math.round((performance.now() - start) * 10) / 10; }
  var lectern = window.lectern = {
    framed: framed,
    offline: null,
    firstFrameMs: null,
    timings: timings,
    state: function () { return ready ? JSON.parse(UTF8ToString(_lectern_state())) : null; },
    command: function (obj) {
      if (!ready) return { ok: false, error: 'the viewer is still starting' };
      var text;
      try { text = JSON.stringify(obj); } catch (e) { return { ok: false, error: 'the command cannot be written as JSON' }; }
      return call(_lectern_command, text);
    }
  };

  // Keys the viewer uses that browsers would take for themselves: reading size
  // (Ctrl +/-/0) and search (Ctrl+F).
  // Ctrl+O opens the file picker here, in the key's own event: browsers show a
  // picker only during a user gesture.
  window.addEventListener('keydown', function (e) {
    if ((e.ctrlKey || e.metaKey) && ['+', '=', '-', '0', 'f', 'F', 'o', 'O'].indexOf(e.key) >= 0) e.preventDefault();
    if ((e.ctrlKey || e.metaKey) && (e.key === 'o' || e.key === 'O') && window.lecternOpenFile && !compact) window.lecternOpenFile();
  }, true);

  var problem = missingCapability();
  var inlineWasm = document.getElementById('lectern-wasm');
  if (!problem && inlineWasm && typeof DecompressionStream !== 'function')
    problem = t('page.no_decompression');
  if (problem) {
    show(problem, true);
    window.Module = { noInitialRun: true };  // keep the explanation on screen; start nothing
    return;
  }

  // A lost GPU context comes back only if the page says it wants it back; the
  // viewer then makes its GL objects again (src/platform/main.cpp).
  document.getElementById('canvas').addEventListener('webglcontextlost', function (e) { e.preventDefault(); });
  // SDL cancels the canvas's mousedown, and with it the browser's own focus change: in a
  // host page's frame a click would leave the keys with the host. So a press on the canvas
  // brings the focus into the frame itself (the reader's gesture; never on load).
  document.getElementById('canvas').addEventListener('pointerdown', function () {
    if (!document.hasFocus()) document.getElementById('canvas').focus({ preventScroll: true });
  }, true);

  // The wasm, compiled here rather than by Emscripten's loader, and from the start: it
  // compiles while the browser still parses the viewer's script (or, on the site, downloads
  // it). The single file's wasm is gzipped inline; the site's is named by its content hash
  // and compiles while it downloads (compileStreaming, when the server says application/wasm).
  // Without either (the checked build inlines its own) Emscripten's loader does it all.
  var wasmUrl = document.currentScript && document.currentScript.getAttribute('data-wasm');
  function compileWasm() {
    var start = performance.now();
    var compiled;
    if (inlineWasm) {
      compiled = gunzip(inlineWasm).then(function (bytes) {
        timings.wasmUnpack = since(start);
        return WebAssembly.compile(bytes);
      });
    } else {
      var plain = function () {
        return fetch(wasmUrl).then(function (r) {
          if (!r.ok) throw new Error('The viewer ' + wasmUrl + ' could not be loaded (HTTP ' + r.status + ').');
          return r.arrayBuffer();
        }).then(function (b) { return WebAssembly.compile(b); });
      };
      compiled = WebAssembly.compileStreaming
        ? WebAssembly.compileStreaming(fetch(wasmUrl)).catch(function (e) {
          console.warn('Lectern compiles its wasm after the download (' + e + '); serve .wasm as application/wasm to overlap them');
          return plain();
        })
        : plain();
    }
    return compiled.then(function (module) {
      timings.wasmCompile = since(start);
      return module;
    });
  }
  var wasmModule = inlineWasm || wasmUrl ? compileWasm() : null;

  // The rest of the font faces, which the viewer asks for when an archive has characters
  // beyond those it has built in (src/ui/font_rest.h): gzipped inline in the single file,
  // lectern-fonts.HASH.bin beside the site's page. Fetched and unpacked once; if it cannot
  // be had, the viewer says why in state().fonts and draws those characters with the
  // browser's fonts instead.
  var fontsUrl = document.currentScript && document.currentScript.getAttribute('data-fonts');
  function fontRest() {
    var inline = document.getElementById('lectern-fonts');
    if (inline) return gunzip(inline);
    if (!fontsUrl) return Promise.reject(new Error('this page carries no fonts file'));
    return fetch(fontsUrl).then(function (r) {
      if (!r.ok) throw new Error(fontsUrl + ': HTTP ' + r.status);
      return r.arrayBuffer();
    }, function () {
      throw new Error(fontsUrl + ': no answer');
    }).then(function (b) {
      var bytes = new Uint8Array(b);
      // Gzipped by the build; a host that sent it with Content-Encoding: gzip has unpacked it already.
      if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return b;
      return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
    });
  }
  window.lecternFonts = function () {
    var start = performance.now();
    fontRest().then(function (b) {
      var bytes = new Uint8Array(b);
      var ptr = _malloc(Math.max(bytes.length, 1));
      if (!ptr) throw new Error('no memory for the fonts file');
      try {
        HEAPU8.set(bytes, ptr);
        _lectern_fonts(ptr, bytes.length, 0);
      } finally {
        _free(ptr);
      }
      timings.fonts = since(start);
    }).catch(function (e) {
      var why = String(e && e.message || e);
      var len = lengthBytesUTF8(why) + 1;
      var ptr = _malloc(len);
      if (ptr) stringToUTF8(why, ptr, len);
      _lectern_fonts(0, 0, ptr);  // without memory for the reason, the viewer gives its own
      if (ptr) _free(ptr);
    });
  };
  function instantiateWasm(imports, receive) {
    var start = performance.now();
    wasmModule.then(function (module) {
      return WebAssembly.instantiate(module, imports).then(function (instance) {
        timings.wasmInstantiate = since(start);
        receive(instance, module);
      });
    }).catch(function (e) {
      show(t('page.could_not_start', { reason: e && e.message || e }), true);
    });
    return {};  // Emscripten's loader waits for receive()
  }

  // A library to start with: ?library=URL, or the one the site carries (./build-wasm.sh
  // --library=DIR) unless the address asks for an archive. Its manifest is fetched now,
  // while the viewer starts; the bundled archive only if the library cannot be opened.
  var startLibrary = window.lecternArchiveParam ? window.lecternArchiveParam(location, 'library') : null;
  var carried = document.currentScript && document.currentScript.getAttribute('data-library');
  if (!startLibrary && carried && !/[?&]archive=/.test(location.search))
    startLibrary = { url: new URL(carried, location.href) };
  if (startLibrary && startLibrary.url) window.lecternLibrary.prefetch(startLibrary.url);
  // The page's HTML is the bundled archive's: another archive or a library waits with the
  // loading line instead.
  if (startLibrary || window.lecternArchiveParam && window.lecternArchiveParam(location, 'archive')) endPreview();
  var archiveStart = performance.now();
  var archive = startLibrary && startLibrary.url ? Promise.resolve(null) : bundledArchive().then(function (bytes) {
    timings.archive = since(archiveStart);
    return bytes;
  });
  var runtimeStart = 0;
  var started = new Promise(function (resolve) {
    window.Module = {
      canvas: document.getElementById('canvas'),
      instantiateWasm: wasmModule ? instantiateWasm : undefined,
      // preRun to postRun: the runtime's start and main(), which opens the GL context.
      preInit: [function () { timings.viewerStart = Math.round(performance.now() * 10) / 10; }],
      preRun: [function () { runtimeStart = performance.now(); }],
      postRun: [function () { timings.runtime = since(runtimeStart); resolve(); }],
      onFirstFrame: function () {
        lectern.firstFrameMs = performance.now();
        timings.firstFrame = Math.round(lectern.firstFrameMs * 10) / 10;
        status.classList.add('hidden');
        endPreview();  // in the frame that draws the canvas: the two show together
        setTimeout(keepOffline, 0);
      },
      print: function (t) { console.log(t); },
      printErr: function (t) { console.warn(t); },
      onAbort: function (what) { show(t('page.stopped', { reason: what }), true); }
    };
  });

  // The URL fragment (#work=…&view=…&q=…) opens what it names; Back and Forward
  // step through opened works. The viewer writes the fragment itself
  // (lectern.lastHash); only changes made by the browser or the reader apply.
  function applyLink() {
    var h = location.hash;
    if (h === (lectern.lastHash || '') || (!h && !lectern.lastHash)) return;
    lectern.lastHash = h;
    lectern.command({ link: h || '#' });
    // A host that changes its frame's theme= after load: the page around the canvas follows
    // the viewer (a link that names no theme keeps the one the frame has).
    var theme = fragmentOption('theme');
    if (theme === 'light' || theme === 'dark') showTheme(frameTheme = theme);
  }
  window.addEventListener('popstate', applyLink);
  window.addEventListener('hashchange', applyLink);

  // ---- the reader's own archives: Open… (Ctrl+O) and drag and drop --------------
  var dialog = document.getElementById('problems');
  function showDialog(title, intro, list) {
    dialog.querySelector('h2').textContent = title;
    dialog.querySelector('p').textContent = intro;
    var ul = dialog.querySelector('ul');
    ul.textContent = '';
    list.slice(0, 50).forEach(function (m) { var li = document.createElement('li'); li.textContent = m; ul.appendChild(li); });
    dialog.hidden = false;
  }
  function showProblems(name, reply) {
    var list = reply.problems && reply.problems.length ? reply.problems : [reply.error];
    var title = t(reply.memory ? 'page.too_large' : 'page.not_archive', { name: name });
    showDialog(title, list.length > 50 ? t('page.still_open_first', { count: list.length }) : t('page.still_open'), list);
  }
  dialog.querySelector('button').addEventListener('click', function () { dialog.hidden = true; });

  function progress(message, fraction) {
    status.textContent = message;
    status.classList.remove('error', 'hidden');
    if (fraction !== undefined) {
      var bar = document.createElement('progress');
      bar.max = 1;
      bar.value = fraction;
      status.appendChild(document.createElement('br'));
      status.appendChild(bar);
    }
  }

  // Where the open archive's images are: see web/images.js.
  function imagesFrom(url) { if (window.lecternImages) window.lecternImages.setBase(url); }

  function loadFile(file) {
    if (!ready) return;
    if (/\.lectern$/i.test(file.name)) {  // a library: read part by part from the file (web/library.js)
      progress(t('page.checking', { name: file.name }));
      window.lecternLibrary.openFile(file, function () {
        status.classList.add('hidden');
        lectern.lastHash = null;
        imagesFrom(null);
        followViewer();
      }, function (why) {
        status.classList.add('hidden');
        showProblems(file.name, { error: why });
      });
      return;
    }
    var reader = new FileReader();
    reader.onprogress = function (e) {
      if (e.lengthComputable) progress(t('page.reading', { name: file.name }), e.loaded / e.total);
    };
    reader.onerror = function () {
      status.classList.add('hidden');
      showProblems(file.name, { error: t('page.unreadable', { reason: reader.error && reader.error.message }) });
    };
    reader.onload = function () {
      checkAndLoad(file.name, new Uint8Array(reader.result), function (reply) { if (reply.ok) imagesFrom(null); });
    };
    reader.readAsArrayBuffer(file);
  }

  // Loads bytes read from a file or the network; a bad archive leaves the open one.
  function checkAndLoad(name, bytes, then) {
    progress(t('page.checking', { name: name }));
    // Let the message paint before the (possibly long) load.
    setTimeout(function () {
      var reply = loadBytes(bytes);
      status.classList.add('hidden');
      if (!reply.ok) showProblems(name, reply);
      else lectern.lastHash = null;
      followViewer();  // an archive in another language may change the interface's
      if (then) then(reply);
    }, 30);
  }
  window.lecternOpenFile = function () {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,.lectern,application/json';
    input.onchange = function () { if (input.files[0]) loadFile(input.files[0]); };
    input.click();
  };
  // The compact layout's way out of the frame: what it shows, without the embed options. The
  // viewer asks for it a frame after the click, and WebKit opens a tab only inside the click's
  // own event: so the click itself opens it when it pressed and released the button where the
  // viewer last drew it (state().controls), and the viewer's own ask for that click is let go.
  var fullViewClicked = 0;  // when the page opened the full view inside a click
  function openFullView(fragment) {
    var url = location.href.split('#')[0] + fragment;
    lectern.openedFullView = url;  // for automation, with how many were opened
    lectern.fullViewsOpened = (lectern.fullViewsOpened || 0) + 1;
    window.open(url, '_blank', 'noopener');
  }
  window.lecternOpenFullView = function (fragment) {
    if (Date.now() - fullViewClicked < 1000) return;  // that click opened it already
    openFullView(fragment);
  };
  if (compact) {
    var canvas = document.getElementById('canvas');
    var overFullView = function (e) {
      var s = lectern.state && lectern.state(), at = canvas.getBoundingClientRect();
      if (!s) return null;
      var x = e.clientX - at.left, y = e.clientY - at.top;
      var hit = (s.controls || []).some(function (c) {
        return c.name === 'full_viewer' && x >= c.x0 && x <= c.x1 && y >= c.y0 && y <= c.y1;
      });
      return hit ? s.embed.full_view : null;
    };
    var pressedOnFullView = false;
    canvas.addEventListener('pointerdown', function (e) { pressedOnFullView = !!overFullView(e); }, true);
    canvas.addEventListener('pointerup', function (e) {
      var fragment = pressedOnFullView && overFullView(e);
      pressedOnFullView = false;
      if (!fragment) return;
      openFullView(fragment);
      fullViewClicked = Date.now();
    }, true);
  }
  window.addEventListener('dragover', function (e) { e.preventDefault(); });
  window.addEventListener('drop', function (e) {
    e.preventDefault();
    var file = e.dataTransfer && e.dataTransfer.files[0];
    if (file) loadFile(file);
  });

  // The link's fragment names works of the archive it was made for: applied once
  // the ?archive= one has loaded (or failed, leaving the bundled one).
  function applyStartLink() {
    if (location.hash.length > 1) {
      lectern.lastHash = location.hash;
      lectern.command({ link: location.hash });  // a bad link only shows a notice in the viewer
    }
  }

  // The reader's kept choices (theme, reading size) and the system's theme. A store
  // that is not ours or not JSON is ignored, never fatal.
  function keptPrefs() {
    var kept = null;
    try { kept = JSON.parse(localStorage.getItem('lectern.prefs') || 'null'); } catch (e) { kept = null; }
    return kept && typeof kept === 'object' ? kept : null;
  }
  function applyPrefs() {
    // The browser's languages choose the interface's when neither the reader nor the
    // archive has (the viewer matches them on their primary subtag: "fr-CA" is French).
    var asked = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''])
      .filter(function (l) { return typeof l === 'string' && l.length > 0 && l.length <= 64; }).slice(0, 16);
    lectern.command({ prefs: { browser_languages: asked } });
    var kept = keptPrefs();
    if (kept) {
      var reply = lectern.command({ prefs: kept });
      if (!reply.ok) console.warn('Lectern ignored its kept preferences: ' + reply.error);
    }
    if (!window.matchMedia) return;
    var dark = window.matchMedia('(prefers-color-scheme: dark)');
    var follow = function () { lectern.command({ prefs: { system_theme: dark.matches ? 'dark' : 'light' } }); };
    follow();
    if (dark.addEventListener) dark.addEventListener('change', follow);
  }

  // The library to start with (its manifest on its way since the page began); if it cannot
  // be opened, the bundled archive, and the reason. A ?library= that is no address says so.
  function openStartLibrary(wanted) {
    var title = t('page.could_not_open_title');
    if (wanted.problem) {
      showDialog(title, t('page.bundled_instead'), [wanted.problem]);
      applyStartLink();
      return;
    }
    window.lecternLibrary.openUrl(wanted.url, function () {
      followViewer();
      applyStartLink();
    }, function (why) {
      bundledArchive().then(function (bytes) {
        loadBytes(bytes);
        followViewer();
        showDialog(title, t('page.bundled_instead'), [wanted.url.href + ': ' + why]);
        applyStartLink();
      }).catch(function (e) { show(e.message, true); });
    });
  }

  Promise.all([archive, started]).then(function (parts) {
    ready = true;
    applyPrefs();
    if (parts[0] === null) { openStartLibrary(startLibrary); return; }
    var loadStart = performance.now();
    var reply = loadBytes(parts[0]);
    timings.load = since(loadStart);
    followViewer();
    if (!reply.ok) { show(t('page.not_opened') + '\n' + reply.error, true); return; }
    if (startLibrary) { openStartLibrary(startLibrary); return; }  // only a problem to show
    var wanted = window.lecternArchiveParam ? window.lecternArchiveParam(location) : null;
    if (!wanted) { applyStartLink(); return; }
    window.lecternFetchArchive(wanted, progress, function (name, bytes) {
      checkAndLoad(name, bytes, function (reply) {
        if (reply.ok) imagesFrom(wanted.url.href);
        applyStartLink();
      });
    }, function (title, message) {
      status.classList.add('hidden');
      showDialog(title, t('page.bundled_instead'), [message]);
      applyStartLink();
    });
  }).catch(function (e) {
    show(e.message, true);
  });
})();
