#!/usr/bin/env python3
"""Prints what Lectern's two outputs weigh, on disk and over the wire (gzip -9).

  python3 bench/footprint.py [DIST]        default: dist/

"first load" is what a browser fetches to show the site build's first frame:
index.html, the page script, the viewer's .js and .wasm, the .css and
archive.json, each gzipped at level 9 as a static host would serve them.
README and icon.svg are not counted (the icon is fetched after the page shows).
"""
import glob
import gzip
import os
import sys


def gz(path):
    with open(path, "rb") as f:
        return len(gzip.compress(f.read(), 9))


def kb(n):
    return "{:,.0f} KB".format(n / 1024)


def row(name, raw, packed):
    print("| %s | %s | %s |" % (name, kb(raw), kb(packed)))


def main():
    dist = sys.argv[1] if len(sys.argv) > 1 else "dist"
    single = os.path.join(dist, "lectern.html")
    site = os.path.join(dist, "site")
    print("| output | raw | gzip -9 |")
    print("|---|---:|---:|")
    row("`lectern.html`", os.path.getsize(single), gz(single))
    files = sorted(glob.glob(os.path.join(site, "*")))
    row("`site/` (all files)", sum(map(os.path.getsize, files)), sum(map(gz, files)))
    first = [f for f in files if f.endswith((".html", ".js", ".wasm", ".css", "archive.json"))]
    row("`site/` first load", sum(map(os.path.getsize, first)), sum(map(gz, first)))
    for f in first:
        row("&nbsp;&nbsp;`%s`" % os.path.basename(f), os.path.getsize(f), gz(f))


if __name__ == "__main__":
    main()
