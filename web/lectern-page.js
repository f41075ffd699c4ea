// Lectern's page script: checks what the browser can do, gets the archive
// (inline in the single file, fetched beside the site build), starts the
// viewer and exposes window.lectern for tests and automation:
//   lectern.firstFrameMs         performance.now() at the first frame with the archive
//   lectern.state()              what the viewer shows (JSON object)
//   lectern.command({open: id})  {ok: true} or {ok: false, error}
(function () {
  'use strict';
  var status = document.getElementById('status');

  function show(message, isError) {
    status.textContent = message;
    status.classList.toggle('error', !!isError);
    status.classList.remove('hidden');
  }

  function missingCapability() {
    if (typeof WebAssembly !== 'object') return 'This browser cannot run WebAssembly, which Lectern needs to show the archive.\nPlease open this page in a current version of Firefox, Chrome, Edge or Safari.';
    var gl = null;
    try { gl = document.createElement('canvas').getContext('webgl2'); } catch (e) { gl = null; }
    if (!gl) return 'This browser has WebGL 2 turned off or does not support it; Lectern draws the timeline with it.\nPlease enable hardware acceleration or try another browser.';
    return null;
  }

  // Inline archive (single file) or a fetch of archive.json (site build).
  function archiveText() {
    var inline = document.getElementById('lectern-archive');
    if (inline) return Promise.resolve(inline.textContent);
    return fetch('archive.json').then(function (r) {
      if (!r.ok) throw new Error('The archive file archive.json could not be loaded (HTTP ' + r.status + ').');
      return r.text();
    }, function () {
      throw new Error('The archive file archive.json could not be loaded: the server did not answer.');
    });
  }

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

  var ready = false;
  var lectern = window.lectern = {
    firstFrameMs: null,
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
  window.addEventListener('keydown', function (e) {
    if ((e.ctrlKey || e.metaKey) && ['+', '=', '-', '0', 'f', 'F'].indexOf(e.key) >= 0) e.preventDefault();
  }, true);

  var problem = missingCapability();
  if (problem) {
    show(problem, true);
    window.Module = { noInitialRun: true };  // keep the explanation on screen; start nothing
    return;
  }

  var archive = archiveText();
  var started = new Promise(function (resolve) {
    window.Module = {
      canvas: document.getElementById('canvas'),
      postRun: [resolve],
      onFirstFrame: function () {
        lectern.firstFrameMs = performance.now();
        status.classList.add('hidden');
      },
      print: function (t) { console.log(t); },
      printErr: function (t) { console.warn(t); },
      onAbort: function (what) { show('Lectern stopped unexpectedly: ' + what, true); }
    };
  });

  Promise.all([archive, started]).then(function (parts) {
    ready = true;
    var reply = lectern.command({ load: parts[0] });
    if (!reply.ok) show('This archive could not be opened.\n' + reply.error, true);
  }).catch(function (e) {
    show(e.message, true);
  });
})();
