#!/usr/bin/env python3
"""Assembles Lectern's two pages from the wasm build.

  single: one self-contained HTML file (viewer JS with the wasm inlined, the
          archive inline as JSON) that opens from file:// by double-click.
  site:   index.html + lectern.js + lectern.wasm + archive.json for static
          hosting; the browser compiles the wasm while it streams.

usage: assemble.py single BUILD_DIR ARCHIVE OUT.html
       assemble.py site   BUILD_DIR ARCHIVE OUT_DIR
"""
import json
import os
import shutil
import sys

WEB = os.path.dirname(os.path.abspath(__file__))


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def page(archive_block, viewer_block):
    html = read(os.path.join(WEB, "shell.html"))
    script = read(os.path.join(WEB, "lectern-page.js"))
    for name, value in (("@@PAGE_SCRIPT@@", script), ("@@ARCHIVE@@", archive_block), ("@@VIEWER@@", viewer_block)):
        assert html.count(name) == 1, name
        html = html.replace(name, value)
    return html


def checked_archive(path):
    text = read(path)
    json.loads(text)  # a broken bundled archive fails the build, not the reader
    return text


def inline_script(js):
    if "</script" in js.lower():
        raise SystemExit("assemble.py: the viewer script contains '</script' and cannot be inlined")
    return "<script>\n" + js + "\n</script>"


def single(build, archive, out):
    # Every '<' in JSON is inside a string, so \u003c keeps the JSON identical
    # and no '</script>' or '<!--' can end the element early.
    data = checked_archive(archive).replace("<", "\\u003c")
    archive_block = '<script type="application/json" id="lectern-archive">' + data + "</script>"
    html = page(archive_block, inline_script(read(os.path.join(build, "lectern-single.js"))))
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write(html)


def site(build, archive, out_dir):
    if os.path.isdir(out_dir):
        shutil.rmtree(out_dir)
    os.makedirs(out_dir)
    checked_archive(archive)
    shutil.copyfile(archive, os.path.join(out_dir, "archive.json"))
    for name in ("lectern.js", "lectern.wasm"):
        shutil.copyfile(os.path.join(build, name), os.path.join(out_dir, name))
    html = page("", '<script async src="lectern.js"></script>')
    with open(os.path.join(out_dir, "index.html"), "w", encoding="utf-8") as f:
        f.write(html)


if __name__ == "__main__":
    if len(sys.argv) != 5 or sys.argv[1] not in ("single", "site"):
        raise SystemExit(__doc__)
    {"single": single, "site": site}[sys.argv[1]](*sys.argv[2:])
