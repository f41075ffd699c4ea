// ?archive=URL: opens an archive from another address (same origin, or a server
// that allows other sites to read it through CORS). Every way this can fail is
// explained in words a reader understands; the page then keeps its bundled archive.
//   lecternArchiveParam(location)                 the checked address, or null
//   lecternFetchArchive(wanted, progress, done, fail)
(function () {
  'use strict';
  var MAX_ADDRESS = 2000;          // characters; longer is not an address someone meant
  var MAX_BYTES = 1500 * 1000000;  // beyond this the viewer's 2 GB memory cannot hold the index

  function shorten(text) { return text.length > 120 ? text.slice(0, 117) + '…' : text; }
  function megabytes(n) { return (n / 1e6).toFixed(n < 1e7 ? 1 : 0) + ' MB'; }

  // {url} to fetch, or {problem} to explain; null when the page has no ?archive=.
  window.lecternArchiveParam = function (loc) {
    var raw;
    try {
      raw = new URLSearchParams(loc.search).get('archive');
    } catch (e) {
      return { problem: 'The page address could not be read.' };
    }
    if (raw === null) return null;
    if (raw.trim() === '') return { problem: 'The page address has ?archive= but no archive address after it.' };
    if (raw.length > MAX_ADDRESS)
      return { problem: 'The archive address is ' + raw.length.toLocaleString('en') + ' characters long; Lectern accepts addresses of up to ' + MAX_ADDRESS.toLocaleString('en') + ' characters.' };
    var url;
    try {
      url = new URL(raw, loc.href);
    } catch (e) {
      return { problem: '“' + shorten(raw) + '” is not a web address.' };
    }
    if (url.protocol === 'file:' && loc.protocol === 'file:')
      return { problem: 'A page opened from a file cannot read other files by their address. Use Open… (Ctrl+O) to pick “' + shorten(raw) + '”, or drop it on the page.' };
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      return { problem: 'Lectern opens archives only from http and https addresses, not from “' + shorten(url.protocol) + '” ones.' };
    return { url: url };
  };

  function failureForStatus(shown, r) {
    if (r.status === 404) return 'There is no file at ' + shown + ' (the server answered 404 Not Found). Check the address.';
    if (r.status === 401 || r.status === 403) return 'The server does not let Lectern read ' + shown + ' (HTTP ' + r.status + ').';
    return 'The server could not send ' + shown + ' (HTTP ' + r.status + (r.statusText ? ' ' + r.statusText : '') + ').';
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
        progress('Downloading ' + name + '… ' + megabytes(got) + (total ? ' of ' + megabytes(total) : ''),
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
    var title = 'The archive could not be opened';
    if (wanted.problem) { fail(title, wanted.problem); return; }
    var url = wanted.url;
    var shown = shorten(url.href);
    var name = shorten(decodeURIComponent(url.pathname.split('/').pop() || url.host));
    var sameOrigin = url.origin === location.origin;
    progress('Downloading ' + name + '…', 0);
    fetch(url.href, { credentials: 'omit' }).then(function (r) {
      if (!r.ok) throw new Error('status', { cause: r });
      return readBody(r, name, progress);
    }).then(function (bytes) {
      if (bytes.length === 0) return fail(title, 'The file at ' + shown + ' is empty.');
      if (firstByte(bytes) === 0x3c)  // '<': a web page (an error page, a login page), not JSON
        return fail(title, 'The address ' + shown + ' leads to a web page, not to an archive file. Check the address.');
      done(name, bytes);
    }).catch(function (e) {
      // The policy's violation event comes as its own task, after the rejection.
      setTimeout(function () { explain(e); }, 100);
    });

    function explain(e) {
      var m = String(e && e.message || e);
      if (m === 'status') return fail(title, failureForStatus(shown, e.cause));
      if (m.indexOf('size:') === 0)
        return fail(title, 'The archive at ' + shown + ' is ' + megabytes(+m.slice(5)) + '; Lectern can open archives of up to ' + megabytes(MAX_BYTES) + ' in a browser.');
      if (location.protocol === 'file:')
        return fail(title, 'A page opened from a file can only read archives from servers that allow it (CORS). ' + shown + ' could not be read; open the page from a web server, or use Open… to pick the file.');
      if (sameOrigin) return fail(title, 'The server did not answer when Lectern asked for ' + shown + '.');
      if (refusedByPolicy[url.href] || refusedByPolicy[url.origin])
        return fail(title, 'This site’s Content-Security-Policy does not allow reading archives from ' + url.origin + '. The site’s host can allow it with “connect-src ' + url.origin + '”.');
      fail(title, 'Lectern could not read ' + shown + '. Either that server cannot be reached, or it does not let other sites read its files: it must send the header “Access-Control-Allow-Origin” (CORS).');
    }
  };
})();
