// The search box's real text input. A canvas cannot bring up a phone's keyboard, and
// input methods (IME), dead keys and AltGr compose only into a text field. So the
// page keeps an unseen <input> over the viewer's search box: it takes the keyboard
// while the box is active and does the editing (characters, deletion, caret moves,
// clipboard, undo, composition); the viewer draws what it holds.
//   viewer → page: update() when the box moves, activates, or changes its own text
//                  (src/platform/page_bridge_web.cpp)
//   page → viewer: _lectern_text_edit(text, anchor, cursor), _lectern_text_focus(on)
// Offsets cross as UTF-8 byte offsets, the viewer's; the input counts UTF-16 units.
(function () {
  'use strict';
  var input = document.getElementById('textfield');
  var canvas = document.getElementById('canvas');
  var active = false;    // the viewer's box has the keys
  var box = null;        // where the box is drawn, in CSS pixels
  var ours = false;      // a focus change this script makes: not news for the viewer
  var composing = false; // an input method is composing: leave the input alone
  var sent = '';         // the state the viewer last heard of (or told us)

  function bytesBefore(text, i) { return lengthBytesUTF8(text.slice(0, i)); }
  function indexAt(text, bytes) {
    var i = 0, b = 0;
    while (i < text.length && b < bytes) {
      var c = text.codePointAt(i);
      b += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      i += c > 0xffff ? 2 : 1;
    }
    return i;
  }
  function stateKey(value, anchor, cursor) { return anchor + ',' + cursor + '|' + value; }

  // The input's text and selection to the viewer, when they changed.
  function send() {
    if (!active || typeof _lectern_text_edit !== 'function') return;
    var v = input.value, back = input.selectionDirection === 'backward';
    var anchor = back ? input.selectionEnd : input.selectionStart;
    var cursor = back ? input.selectionStart : input.selectionEnd;
    var key = stateKey(v, anchor, cursor);
    if (key === sent) return;
    sent = key;
    var len = lengthBytesUTF8(v) + 1, ptr = _malloc(len);
    if (!ptr) return;
    try {
      stringToUTF8(v, ptr, len);
      _lectern_text_edit(ptr, bytesBefore(v, anchor), bytesBefore(v, cursor));
    } finally {
      _free(ptr);
    }
  }

  function focus(on) {
    ours = true;
    try {
      if (on) input.focus({ preventScroll: true });
      else { input.blur(); canvas.focus({ preventScroll: true }); }
    } finally {
      ours = false;
    }
  }

  window.lecternTextField = {
    update: function (on, x, y, w, h, value, anchorBytes, cursorBytes) {
      box = { x: x, y: y, w: w, h: h };
      input.style.left = x + 'px';
      input.style.top = y + 'px';
      input.style.width = Math.max(w, 1) + 'px';
      input.style.height = Math.max(h, 1) + 'px';
      // A change the viewer made (a click in the box, Escape, a query from a link):
      // the input takes it, unless an input method is mid-word.
      if (on && !composing) {
        var a = indexAt(value, anchorBytes), c = indexAt(value, cursorBytes);
        var key = stateKey(value, a, c);
        if (key !== sent) {
          if (input.value !== value) input.value = value;
          input.setSelectionRange(Math.min(a, c), Math.max(a, c), c < a ? 'backward' : 'forward');
          sent = key;
        }
      }
      if (on && !active && document.activeElement !== input) focus(true);
      if (!on && active && document.activeElement === input) focus(false);
      active = on;
    }
  };

  // Which keys the input keeps. Editing (characters, deletion, caret moves, the
  // clipboard, undo) happens in the input; the rest (Enter, Escape, Up/Down through
  // the results, Tab, F3, the viewer's Ctrl shortcuts) goes on to the viewer, which
  // listens on the window. AltGr arrives as Ctrl+Alt on some systems: a character, not
  // a shortcut (the viewer's key handler would swallow the '@').
  var EDITING = ['Backspace', 'Delete', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'Dead', 'Process', 'Unidentified'];
  function inputKeeps(e) {
    if (e.isComposing || e.keyCode === 229) return true;  // the input method's keys
    if (EDITING.indexOf(e.key) >= 0) return true;
    if (Array.from(e.key).length !== 1) return false;     // Enter, Escape, Tab, F3, arrows up and down…
    var altGraph = (e.getModifierState && e.getModifierState('AltGraph')) || (e.ctrlKey && e.altKey);
    if ((e.ctrlKey || e.metaKey) && !altGraph) return /^[acvxyz]$/i.test(e.key);
    return true;
  }
  input.addEventListener('keydown', function (e) {
    if (!inputKeeps(e)) return;
    e.stopPropagation();
    setTimeout(send, 0);  // a caret move has no input event
  });
  // The viewer would type a keypress's character a second time.
  input.addEventListener('keypress', function (e) { e.stopPropagation(); });
  input.addEventListener('input', send);
  input.addEventListener('select', send);
  document.addEventListener('selectionchange', function () { if (document.activeElement === input) send(); });
  input.addEventListener('compositionstart', function () { composing = true; });
  input.addEventListener('compositionend', function () { composing = false; send(); });
  input.addEventListener('focus', function () {
    if (!ours && typeof _lectern_text_focus === 'function') _lectern_text_focus(1);
  });
  input.addEventListener('blur', function () {
    composing = false;
    // Another window took the focus: the input gets it back on return, the box stays active.
    if (!ours && document.hasFocus() && typeof _lectern_text_focus === 'function') _lectern_text_focus(0);
  });

  // A tap on the box focuses the input within the tap's own event: phones show their
  // keyboard only then. The viewer sees the same tap and activates the box.
  canvas.addEventListener('touchend', function (e) {
    var t = e.changedTouches[0];
    if (!box || !t || active) return;
    if (t.clientX >= box.x && t.clientX <= box.x + box.w && t.clientY >= box.y && t.clientY <= box.y + box.h) {
      input.focus({ preventScroll: true });
    }
  }, { passive: true });
})();
