// The text mirror: beside the canvas, the archive as real headings, lists and links
// for screen readers, the browser's find, search engines and printing. The page is
// built with the bundled archive's mirror in place (web/assemble.py); the viewer
// calls changed() when the archive or the open work changes, and says which work
// opened through a live region.
(function () {
  'use strict';
  var archive = document.getElementById('mirror-archive');
  var work = document.getElementById('mirror-work');
  var announce = document.getElementById('announce');
  // The HTML comes from src/core/export/html_mirror.cpp: every archive string escaped,
  // only http(s) links as links.
  window.lecternMirror = {
    changed: function (archiveChanged) {
      var start = performance.now();
      if (archiveChanged) archive.innerHTML = UTF8ToString(_lectern_mirror(0));
      var html = UTF8ToString(_lectern_mirror(1));
      work.innerHTML = html;
      document.body.classList.toggle('work-open', html !== '');
      var said = UTF8ToString(_lectern_mirror(2));
      if (announce.textContent !== said) announce.textContent = said;
      // The first update runs inside the first frame: lectern.timings shows its share.
      var t = window.lectern && window.lectern.timings;
      if (t && t.mirror === undefined) t.mirror = Math.round((performance.now() - start) * 10) / 10;
    }
  };
})();
