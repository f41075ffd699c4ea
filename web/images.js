// The reader's images on the web: the viewer asks for one by its src (image_loader's
// js_load_image); this script gets the bytes, has the viewer check their header
// (_lectern_image_bytes: refused before any decoding when not an image, truncated or too
// big), lets the browser decode them scaled to the size the viewer asked for, and hands
// the RGBA pixels over (_lectern_image_pixels), or the reason it could not
// (_lectern_image_failed). No image decoder is compiled into the wasm.
//   single file: images named by a relative path travel inside the page (#lectern-images,
//                written by web/assemble.py); nothing is fetched
//   site build:  relative paths are fetched beside the archive, when a work shows them
//   data: URIs are decoded by the viewer (lectern_data_uri); https: images are fetched by the site build only
//   lecternImages.setBase(url | null)   the archive now open came from url (null: from a file)
(function () {
  'use strict';
  var table;          // single file: {src: base64}; null on the site
  var base = 'bundled';  // 'bundled', the URL of the open archive, or null (a file the reader opened)
  var generation = 0;    // another archive: answers for the old one are dropped

  function embedded() {
    if (table !== undefined) return table;
    var el = document.getElementById('lectern-images');
    table = null;
    if (el) { try { table = JSON.parse(el.textContent); } catch (e) { table = {}; } }
    return table;
  }

  // A reason is a "page." catalogue key and its placeholders: the viewer keeps it as such and
  // says it in the interface's language whenever it shows it (a later switch included).
  function problem(key, args) {
    var e = new Error(window.lecternText ? window.lecternText(key, args) : key);
    e.problem = { key: key, args: args || {} };
    return e;
  }

  function base64Bytes(text) {
    var bin = atob(text.replace(/\s+/g, ''));
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; ++i) out[i] = bin.charCodeAt(i);
    return out;
  }

  // The viewer decodes data: URIs (core's decode_data_uri, the desktop's rule too): "%FF"
  // is the byte 0xFF here as there. Its answer: the length (4 bytes, little-endian), the bytes.
  function dataUri(src) {
    var at = withString(src, function (s) { return _lectern_data_uri(s); });
    if (at === null) throw problem('page.image_no_memory');
    if (!at) throw problem('page.image_damaged_data');
    var n = (HEAPU8[at] | (HEAPU8[at + 1] << 8) | (HEAPU8[at + 2] << 16) | (HEAPU8[at + 3] << 24)) >>> 0;
    return HEAPU8.slice(at + 4, at + 4 + n);
  }

  function fetched(url) {
    return fetch(url).then(function (r) {
      if (r.status === 404) throw problem('page.image_404');
      if (!r.ok) throw problem('page.image_http', { status: r.status });
      return r.arrayBuffer();
    }, function () {
      throw problem('page.image_no_answer');
    }).then(function (b) { return new Uint8Array(b); });
  }

  // The image's bytes, or a rejection whose .problem completes "this image ...".
  function bytesOf(src) {
    return Promise.resolve().then(function () {
      if (/^data:/i.test(src)) return dataUri(src);
      var site = embedded() === null;
      if (/^https:/i.test(src)) {
        if (!site) throw problem('page.image_web_from_file');
        return fetched(src);
      }
      if (base === null) throw problem('page.image_beside_file');
      if (base === 'bundled' && !site) {
        var packed = embedded()[src];
        if (!packed) throw problem('page.image_not_packed');
        return base64Bytes(packed);
      }
      return fetched(new URL(src, base === 'bundled' ? new URL('archive.json', location.href) : base).href);
    });
  }

  function withString(text, fn) {
    var len = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(len);
    if (!ptr) return null;
    try { stringToUTF8(text, ptr, len); return fn(ptr); } finally { _free(ptr); }
  }

  function failed(src, why) {
    withString(src, function (s) {
      withString(why.key, function (k) { withString(JSON.stringify(why.args), function (a) { _lectern_image_failed(s, k, a); }); });
    });
  }

  // The header check in the viewer: {ok, width, height, decode: [w, h], mime} or {ok: false}.
  function checked(src, bytes) {
    var ptr = _malloc(Math.max(bytes.length, 1));
    if (!ptr) throw problem('page.image_no_memory');
    try {
      HEAPU8.set(bytes, ptr);
      return withString(src, function (s) { return JSON.parse(UTF8ToString(_lectern_image_bytes(s, ptr, bytes.length))); });
    } finally {
      _free(ptr);
    }
  }

  function decoded(bytes, header) {
    var w = header.decode[0], h = header.decode[1];
    var blob = new Blob([bytes], { type: header.mime });
    return createImageBitmap(blob, { resizeWidth: w, resizeHeight: h, resizeQuality: 'high' }).then(function (bitmap) {
      var canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      var ctx = canvas.getContext('2d');
      ctx.drawImage(bitmap, 0, 0, w, h);
      if (bitmap.close) bitmap.close();
      return ctx.getImageData(0, 0, w, h).data;
    }, function () {
      throw problem('page.image_undecodable');
    });
  }

  function load(src) {
    var mine = generation;
    var header;
    bytesOf(src).then(function (bytes) {
      if (mine !== generation) return null;
      header = checked(src, bytes);
      if (!header || !header.ok) return null;  // the viewer has the reason
      return decoded(bytes, header);
    }).then(function (rgba) {
      if (!rgba || mine !== generation) return;
      var ptr = _malloc(rgba.length);
      if (!ptr) throw problem('page.image_no_memory');
      try {
        HEAPU8.set(rgba, ptr);
        withString(src, function (s) { _lectern_image_pixels(s, header.decode[0], header.decode[1], ptr); });
      } finally {
        _free(ptr);
      }
    }).catch(function (e) {
      if (mine !== generation) return;
      if (!e || !e.problem) console.warn('Lectern could not show an image: ' + e);
      failed(src, e && e.problem || problem('page.image_not_shown').problem);
    });
  }

  window.lecternImages = {
    load: load,
    setBase: function (url) { base = url; ++generation; }
  };
})();
