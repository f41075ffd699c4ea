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
  // Ctrl+O opens the file picker here, in the key's own event: browsers show a
  // picker only during a user gesture.
  window.addEventListener('keydown', function (e) {
    if ((e.ctrlKey || e.metaKey) && ['+', '=', '-', '0', 'f', 'F', 'o', 'O'].indexOf(e.key) >= 0) e.preventDefault();
    if ((e.ctrlKey || e.metaKey) && (e.key === 'o' || e.key === 'O') && window.lecternOpenFile) window.lecternOpenFile();
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

  // The URL fragment (#work=…&view=…&q=…) opens what it names; Back and Forward
  // step through opened works. The viewer writes the fragment itself
  // (lectern.lastHash); only changes made by the browser or the reader apply.
  function applyLink() {
    var h = location.hash;
    if (h === (lectern.lastHash || '') || (!h && !lectern.lastHash)) return;
    lectern.lastHash = h;
    lectern.command({ link: h || '#' });
  }
  window.addEventListener('popstate', applyLink);
  window.addEventListener('hashchange', applyLink);

  // ---- the reader's own archives: Open… (Ctrl+O) and drag and drop --------------
  var dialog = document.getElementById('problems');
  function showProblems(name, reply) {
    var list = reply.problems && reply.problems.length ? reply.problems : [reply.error];
    dialog.querySelector('h2').textContent = name + ' is not a Lectern archive';
    dialog.querySelector('p').textContent = 'The archive you were reading is still open. What is wrong'
      + (list.length > 50 ? ' (the first 50 of ' + list.length + ' problems):' : ':');
    var ul = dialog.querySelector('ul');
    ul.textContent = '';
    list.slice(0, 50).forEach(function (m) { var li = document.createElement('li'); li.textContent = m; ul.appendChild(li); });
    dialog.hidden = false;
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

  function loadFile(file) {
    if (!ready) return;
    var reader = new FileReader();
    reader.onprogress = function (e) {
      if (e.lengthComputable) progress('Reading ' + file.name + '…', e.loaded / e.total);
    };
    reader.onerror = function () {
      status.classList.add('hidden');
      showProblems(file.name, { error: 'The file could not be read: ' + (reader.error && reader.error.message) });
    };
    reader.onload = function () {
      progress('Checking and indexing ' + file.name + '…');
      // Let the message paint before the (possibly long) load.
      setTimeout(function () {
        var reply = lectern.command({ load: reader.result });
        status.classList.add('hidden');
        if (!reply.ok) showProblems(file.name, reply);
        else lectern.lastHash = null;
      }, 30);
    };
    reader.readAsText(file);
  }
  window.lecternOpenFile = function () {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.onchange = function () { if (input.files[0]) loadFile(input.files[0]); };
    input.click();
  };
  window.addEventListener('dragover', function (e) { e.preventDefault(); });
  window.addEventListener('drop', function (e) {
    e.preventDefault();
    var file = e.dataTransfer && e.dataTransfer.files[0];
    if (file) loadFile(file);
  });

  Promise.all([archive, started]).then(function (parts) {
    ready = true;
    var reply = lectern.command({ load: parts[0] });
    if (!reply.ok) { show('This archive could not be opened.\n' + reply.error, true); return; }
    if (location.hash.length > 1) {
      lectern.lastHash = location.hash;
      lectern.command({ link: location.hash });  // a bad link only shows a notice in the viewer
    }
  }).catch(function (e) {
    show(e.message, true);
  });
})();
