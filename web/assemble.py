#!/usr/bin/env python3
"""Assembles Lectern's two pages from the wasm build.

  single: one self-contained HTML file (viewer JS inline; the wasm and the archive
          inline, gzipped in base64) that opens from file:// by double-click.
  site:   index.html + content-hashed lectern.*.js/.wasm/.css + archive.json
          for static hosting under a strict CSP; the wasm compiles while it streams;
          embed-example.html, a host page with the viewer in an <iframe>.

The site is also an installable web app that works offline: manifest.webmanifest with
its icons (icon.svg, and PNGs drawn from it by rsvg-convert) and sw.js, a service worker
that keeps this build's files, what the reader opened, and the library collections the
reader chose to keep offline (web/sw.js).

Both carry the rest of the font faces (the build's lectern-fonts.bin: the characters
beyond those the viewer has built in, src/ui/font_rest.h) gzipped, unpacked only when
an archive needs it: inline in the single file, lectern-fonts.HASH.bin in the site.

Images the archive names by a path relative to it (works' cover and media, ![alt](src)
in bodies) go inline into the single file (#lectern-images, base64) and beside
archive.json in the site, at the same relative path (fetched when a work shows them).
A missing one is a build warning; the page then shows its alt text and a notice.

A site may carry a packed library (lectern-tool pack -o LIBRARY_DIR) as library/: the
page opens it in place of archive.json, which it keeps to fall back on.

usage: assemble.py single BUILD_DIR ARCHIVE OUT.html [VIEWER.js]
       assemble.py site   BUILD_DIR ARCHIVE OUT_DIR [LIBRARY_DIR]
"""
import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

WEB = os.path.dirname(os.path.abspath(__file__))


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


PAGE_SCRIPTS = ("archive-url.js", "mirror.js", "text-field.js", "images.js", "library.js", "lectern-page.js")  # in order: lectern-page.js uses the others
PAGE_STYLES = ("lectern.css", "mirror.css")


def mirror_html(build, archive):
    """The archive as the page's text mirror, written by lectern-tool (the viewer's own code, for Node)."""
    tool = os.path.join(build, "lectern-tool.js")
    return subprocess.run(["node", tool, "mirror", archive], check=True, capture_output=True, text=True).stdout


def page(mirror, head_block, archive_block, script_block, viewer_block):
    html = read(os.path.join(WEB, "shell.html"))
    for name, value in (("@@STYLE@@", head_block), ("@@ARCHIVE@@", archive_block), ("@@MIRROR@@", mirror),
                        ("@@PAGE_SCRIPT@@", script_block), ("@@VIEWER@@", viewer_block)):
        assert html.count(name) == 1, name
        html = html.replace(name, value)
    return html


CATALOGUES = os.path.join(WEB, "..", "data", "i18n")


def page_messages(mirror):
    """The catalogues' "page." keys (the loading line, the problems dialog) and the interface
    words of the mirror (data-t="key": works, kinds) as a script line, English first, so
    the page speaks the viewer's language before it has started."""
    keys = set(re.findall(r'data-t="([^"]+)"', mirror))
    names = sorted(os.listdir(CATALOGUES), key=lambda n: (n != "en.json", n))
    table = {}
    for name in names:
        if name.endswith(".json"):
            data = json.loads(read(os.path.join(CATALOGUES, name)))
            table[name[:-5]] = {k: v for k, v in data.items() if k.startswith("page.") or k in keys}
    text = json.dumps(table, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return "window.lecternMessages = %s;" % text


def page_script(mirror):
    return "\n".join([page_messages(mirror)] + [read(os.path.join(WEB, name)) for name in PAGE_SCRIPTS])


def page_style():
    return "\n".join(read(os.path.join(WEB, name)) for name in PAGE_STYLES)


def icon_data_url():
    return "data:image/svg+xml," + urllib.parse.quote(read(os.path.join(WEB, "icon.svg")).strip())


def hashed_copy(data, out_dir, stem, ext):
    """Writes data as stem.HASH.ext (content-addressed, so hosts may cache it forever); returns the name."""
    name = "%s.%s.%s" % (stem, hashlib.sha256(data).hexdigest()[:12], ext)
    with open(os.path.join(out_dir, name), "wb") as f:
        f.write(data)
    return name


def checked_archive(path):
    text = read(path)
    json.loads(text)  # a broken bundled archive fails the build, not the reader
    return text


# ![alt](src "title"): the src of a Markdown image. Links inside alt text and <...> destinations
# are rare in archives; a src this misses shows its alt text and a notice, never worse.
MARKDOWN_IMAGE = re.compile(r'!\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)')


def relative_images(archive_path):
    """The archive's images named by a relative path: [(src, path on disk or None when missing)]."""
    with open(archive_path, encoding="utf-8") as f:
        archive = json.load(f)
    srcs = []
    for work in archive.get("works", []) if isinstance(archive, dict) else []:
        if not isinstance(work, dict):
            continue
        media = [work.get("cover")] + (work.get("media") if isinstance(work.get("media"), list) else [])
        srcs += [m.get("src") for m in media if isinstance(m, dict) and isinstance(m.get("src"), str)]
        if isinstance(work.get("body"), str):
            srcs += MARKDOWN_IMAGE.findall(work["body"])
    folder = os.path.dirname(os.path.abspath(archive_path))
    out = []
    for src in dict.fromkeys(srcs):  # once each, in order
        # The viewer's rules (src/core/archive/media_source.cpp): no scheme, not absolute, no "..".
        if re.match(r"^[A-Za-z][A-Za-z0-9+.-]+:", src) or src.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", src):
            continue
        if ".." in re.split(r"[/\\]", src):
            continue
        path = os.path.join(folder, src)
        if not os.path.isfile(path):
            print("assemble.py: warning: %s names the image %s, which is not there; the page will show its alt text"
                  % (archive_path, src), file=sys.stderr)
            path = None
        out.append((src, path))
    return out


def images_block(archive_path):
    """The single file's images: {src: base64} for the page script (web/images.js)."""
    table = {}
    for src, path in relative_images(archive_path):
        if path:
            with open(path, "rb") as f:
                table[src] = base64.b64encode(f.read()).decode("ascii")
    if not table:
        return ""
    text = json.dumps(table).replace("<", "\\u003c")
    return '<script type="application/json" id="lectern-images">%s</script>' % text


def inline_script(js):
    if "</script" in js.lower():
        raise SystemExit("assemble.py: the viewer script contains '</script' and cannot be inlined")
    return "<script>\n" + js + "\n</script>"


def zopfli(data):
    """gzip, with Debian's zopfli: 3.5 % smaller than gzip -9 on the wasm, for 5 s of CPU."""
    with tempfile.NamedTemporaryFile() as f:  # zopfli reads files only
        f.write(data)
        f.flush()
        return subprocess.run(["zopfli", "-c", f.name], check=True, capture_output=True).stdout


def gzip_block(element_id, data):
    """data gzipped in base64, for the page script to unpack (DecompressionStream)."""
    packed = base64.b64encode(zopfli(data)).decode("ascii")
    return '<script type="application/gzip" id="%s">%s</script>' % (element_id, packed)


def font_rest(build):
    with open(os.path.join(build, "lectern-fonts.bin"), "rb") as f:
        return f.read()


def archive_block(text):
    # Every '<' in JSON is inside a string, so \u003c keeps the JSON identical
    # and no '</script>' or '<!--' can end the element early.
    plain = '<script type="application/json" id="lectern-archive">' + text.replace("<", "\\u003c") + "</script>"
    packed = gzip_block("lectern-archive", text.encode("utf-8"))
    return packed if len(packed) < len(plain) else plain


def single(build, archive, out, viewer=None):
    """viewer: a -sSINGLE_FILE build's .js to inline as it is (the checked build);
    by default the site link's lectern.js, with its wasm gzipped beside it."""
    text = checked_archive(archive)
    blocks = archive_block(text) + "\n" + gzip_block("lectern-fonts", font_rest(build))
    images = images_block(archive)
    if images:
        blocks += "\n" + images
    if viewer is None:
        viewer = "lectern.js"
        with open(os.path.join(build, "lectern.wasm"), "rb") as f:
            blocks += "\n" + gzip_block("lectern-wasm", f.read())
    head = '<link rel="icon" href="%s">\n<style>\n%s</style>' % (icon_data_url(), page_style())
    mirror = mirror_html(build, archive)
    html = page(mirror, head, blocks, inline_script(page_script(mirror)),
                inline_script(read(os.path.join(build, viewer))))
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write(html)


def app_icons(out_dir):
    """icon-192.png and icon-512.png, the sizes browsers ask of an installable app."""
    names = []
    for px in (192, 512):
        name = "icon-%d.png" % px
        subprocess.run(["rsvg-convert", "-w", str(px), "-h", str(px), "-o", os.path.join(out_dir, name),
                        os.path.join(WEB, "icon.svg")], check=True)
        names.append(name)
    return names


def manifest(out_dir, archive, icons):
    """The web app manifest: the archive's title as the app's name, the page's light ground."""
    with open(archive, encoding="utf-8") as f:
        title = json.load(f).get("title") or "Lectern"
    app = {
        "name": "%s — Lectern" % title, "short_name": title if len(title) <= 20 else "Lectern",
        "start_url": "./", "scope": "./", "display": "standalone",
        "background_color": "#faf8f3", "theme_color": "#2a2622",
        "icons": [{"src": "icon.svg", "sizes": "any", "type": "image/svg+xml"}] +
                 [{"src": n, "sizes": "%sx%s" % ((n[5:-4],) * 2), "type": "image/png"} for n in icons],
    }
    with open(os.path.join(out_dir, "manifest.webmanifest"), "w", encoding="utf-8") as f:
        json.dump(app, f, ensure_ascii=False, indent=1)
    return "manifest.webmanifest"


def service_worker(out_dir, files):
    """sw.js with the build's files, by path from the site's folder, and a version drawn from
    their content: a new build is a new worker, which the browser installs whole."""
    digest = hashlib.sha256()
    for name in files:
        with open(os.path.join(out_dir, name), "rb") as f:
            digest.update(name.encode("utf-8") + b"\0" + f.read())
    build = json.dumps({"version": digest.hexdigest()[:16], "files": files})
    script = read(os.path.join(WEB, "sw.js"))
    assert script.count("'@@BUILD@@'") == 1
    with open(os.path.join(out_dir, "sw.js"), "w", encoding="utf-8") as f:
        f.write(script.replace("'@@BUILD@@'", build))


def site(build, archive, out_dir, library=None):
    """library: a packed library's folder (lectern-tool pack -o), carried as library/ and
    opened in place of archive.json, which stays as the page's fallback."""
    # Nothing inline: the page runs under "default-src 'self'; script-src 'self'
    # 'wasm-unsafe-eval'; style-src 'self'". Code files carry their content hash.
    if os.path.isdir(out_dir):
        shutil.rmtree(out_dir)
    os.makedirs(out_dir)
    checked_archive(archive)
    shutil.copyfile(archive, os.path.join(out_dir, "archive.json"))
    for src, path in relative_images(archive):  # beside archive.json, as the archive names them
        if path:
            os.makedirs(os.path.dirname(os.path.join(out_dir, src)), exist_ok=True)
            shutil.copyfile(path, os.path.join(out_dir, src))
    shutil.copyfile(os.path.join(WEB, "icon.svg"), os.path.join(out_dir, "icon.svg"))
    shutil.copyfile(os.path.join(WEB, "site-README"), os.path.join(out_dir, "README"))

    def code(name):
        with open(os.path.join(build, name), "rb") as f:
            return f.read()

    wasm = hashed_copy(code("lectern.wasm"), out_dir, "lectern", "wasm")
    viewer = hashed_copy(code("lectern.js"), out_dir, "lectern", "js")
    # Gzipped here, not left to the host: few hosts compress an unknown .bin (the page
    # unpacks it, and takes it as it is if a host did compress it on the way).
    fonts = hashed_copy(zopfli(font_rest(build)), out_dir, "lectern-fonts", "bin")
    mirror = mirror_html(build, archive)
    script = hashed_copy(page_script(mirror).encode("utf-8"), out_dir, "lectern-page", "js")
    css = hashed_copy(page_style().encode("utf-8"), out_dir, "lectern", "css")
    # The wasm's and the archive's downloads start with the page's head, before the page
    # script that asks for them has arrived (as="fetch" crossorigin: the credentials mode of
    # its fetch(), so the browser hands the preloaded response over). A site that opens a
    # library fetches archive.json only if the library fails.
    icons = app_icons(out_dir)
    app = manifest(out_dir, archive, icons)
    head = ('<link rel="icon" href="icon.svg">\n<link rel="manifest" href="%s">\n<link rel="stylesheet" href="%s">\n'
            '<link rel="preload" href="%s" as="fetch" type="application/wasm" crossorigin>' % (app, css, wasm))
    if not library:
        head += '\n<link rel="preload" href="archive.json" as="fetch" type="application/json" crossorigin>'
    # The page script starts the wasm's download itself (web/lectern-page.js), so it names it.
    carried = ""
    if library:
        if not os.path.isfile(os.path.join(library, "library.json")):
            raise SystemExit("assemble.py: %s holds no library.json (pack one with lectern-tool pack -o)" % library)
        shutil.copytree(library, os.path.join(out_dir, "library"))
        carried = ' data-library="library/"'
    html = page(mirror, head, "", '<script src="%s" data-wasm="%s" data-fonts="%s" data-sw="sw.js"%s></script>'
                % (script, wasm, fonts, carried),
                '<script async src="%s"></script>' % viewer)
    with open(os.path.join(out_dir, "index.html"), "w", encoding="utf-8") as f:
        f.write(html)
    # Offline: the page, its code and fonts, the archive and its images, the app's icons.
    # A carried library is not on the list: the worker keeps its parts as the reader opens them.
    images = [src.replace("\\", "/") for src, path in relative_images(archive) if path]
    service_worker(out_dir, ["index.html", css, script, viewer, wasm, fonts, "archive.json", "icon.svg", app]
                   + icons + images)
    # An example host page with the viewer in an <iframe> (docs/embedding.md).
    for name in ("embed-example.html", "embed-example.css"):
        shutil.copyfile(os.path.join(WEB, name), os.path.join(out_dir, name))


if __name__ == "__main__":
    if not (len(sys.argv) in (5, 6)) or sys.argv[1] not in ("single", "site"):
        raise SystemExit(__doc__)
    {"single": single, "site": site}[sys.argv[1]](*sys.argv[2:])
