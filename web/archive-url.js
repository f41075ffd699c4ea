// ?archive=URL: opens an archive from another address (same origin, or a server
// that allows other sites to read it through CORS). Every way this can fail is
// explained in words a reader understands; the page then keeps its bundled archive.
//   lecternArchiveParam(location[, 'library'])    the checked address, or null
//   lecternFetchArchive(wanted, progress, done, fail)
(function () {
  'use strict';
  var MAX_ADDRESS = 2000;          // characters; longer is not an address someone meant
  var MAX_BYTES = 1500 * 1000000;  // beyond this the viewer's 2 GB memory cannot hold the index

  // The page's words in the interface's language (lectern-page.js defines lecternText
  // before any of these run; English from the catalogue table otherwise).
  function t(key, args) {
    if (window.lecternText) return window.lecternText(key, args);
    var text = (window.lecternMessages || { en: {} }).en[key] || key;
    return text.replace(/\{(\w+)\}/g, function (all, name) { return args && name in args ? String(args[name]) : all; });
  }

  function shorten(text) { return text.length > 120 ? text.slice(0, 117) + '…' : text; }
  function megabytes(n) { return (n / 1e6).toFixed(n < 1e7 ? 1 : 0) + ' MB'; }

  // {url} to fetch, or {problem} to explain; null when the page has no ?archive= (or
  // ?library=, when `param` says so).
  window.lecternArchiveParam = function (loc, param) {
    var raw;
    try {
      raw = new URLSearchParams(loc.search).get(param || 'archive');
    } catch (e) {
      return { problem: t('page.address_unreadable') };
    }
    if (raw === null) return null;
    if (raw.trim() === '') return { problem: t('page.no_address') };
    if (raw.length > MAX_ADDRESS)
      return { problem: t('page.address_too_long', { length: raw.length.toLocaleString('en'), max: MAX_ADDRESS.toLocaleString('en') }) };
    var url;
    try {
      url = new URL(raw, loc.href);
    } catch (e) {
      return { problem: t('page.not_web_address', { address: shorten(raw) }) };
    }
    if (url.protocol === 'file:' && loc.protocol === 'file:')
      return { problem: t('page.file_from_file', { address: shorten(raw) }) };
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      return { problem: t('page.only_http', { protocol: shorten(url.protocol) }) };
    return { url: url };
  };

  function failureForStatus(shown, r) {
    if (r.status === 404) return t('page.no_file', { address: shown });
    if (r.status === 401 || r.status === 403) return t('page.not_allowed', { address: shown, status: r.status });
    return t('page.could_not_send', { address: shown, status: r.status + (r.statusText ? ' ' + r.statusText : '') });
  }

  // Reads the body in chunks so the progress bar moves; stops past MAX_BYTES.
  function readBody(r, name, progress) {
    var total = +r.headers.get('content-length') || 0;
    if (total > MAX_BYTES) return Promise.reject(new Error('size:' + total));
    if (!r.body || !r.body.getReader) return r.arrayBuffer().then(function (b) { return new Uint8Array(b); });
    var reader = r.body.getReader();
    var chunks = [];
    var got = 0;
    function pump() {
      return reader.read().then(function (step) {
        if (step.done) return;
        chunks.push(step.value);
        got += step.value.length;
        if (got > MAX_BYTES) { reader.cancel(); throw new Error('size:' + got); }
        progress(total ? t('page.downloading_of', { name: name, got: megabytes(got), total: megabytes(total) }) : t('page.downloading_got', { name: name, got: megabytes(got) }),
          total ? Math.min(got / total, 1) : undefined);
        return pump();
      });
    }
    return pump().then(function () {
      var bytes = new Uint8Array(got);
      var at = 0;
      chunks.forEach(function (c) { bytes.set(c, at); at += c.length; });
      return bytes;
    });
  }

  function firstByte(bytes) {
    for (var i = 0; i < bytes.length && i < 4096; i++) {
      var b = bytes[i];
      if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0xef && b !== 0xbb && b !== 0xbf) return b;
    }
    return -1;
  }

  // A fetch the site's Content-Security-Policy refuses fails like a CORS one; the
  // browser says which it was only through this event.
  var refusedByPolicy = {};
  document.addEventListener('securitypolicyviolation', function (e) {
    if (e.blockedURI) refusedByPolicy[e.blockedURI] = true;
  });

  window.lecternFetchArchive = function (wanted, progress, done, fail) {
    var title = t('page.could_not_open_title');
    if (wanted.problem) { fail(title, wanted.problem); return; }
    var url = wanted.url;
    var shown = shorten(url.href);
    var name = shorten(decodeURIComponent(url.pathname.split('/').pop() || url.host));
    var sameOrigin = url.origin === location.origin;
    progress(t('page.downloading', { name: name }), 0);
    fetch(url.href, { credentials: 'omit' }).then(function (r) {
      if (!r.ok) throw new Error('status', { cause: r });
      return readBody(r, name, progress);
    }).then(function (bytes) {
      if (bytes.length === 0) return fail(title, t('page.empty_file', { address: shown }));
      if (firstByte(bytes) === 0x3c)  // '<': a web page (an error page, a login page), not JSON
        return fail(title, t('page.web_page', { address: shown }));
      done(name, bytes);
    }).catch(function (e) {
      // The policy's violation event comes as its own task, after the rejection.
      setTimeout(function () { explain(e); }, 100);
    });

    function explain(e) {
      var m = String(e && e.message || e);
      if (m === 'status') return fail(title, failureForStatus(shown, e.cause));
      if (m.indexOf('size:') === 0)
        return fail(title, t('page.too_big', { address: shown, size: megabytes(+m.slice(5)), max: megabytes(MAX_BYTES) }));
      if (location.protocol === 'file:')
        return fail(title, t('page.cors_from_file', { address: shown }));
      if (sameOrigin) return fail(title, t('page.no_answer', { address: shown }));
      if (refusedByPolicy[url.href] || refusedByPolicy[url.origin])
        return fail(title, t('page.csp', { origin: url.origin }));
      fail(title, t('page.unreachable', { address: shown }));
    }
  };
})();
