#!/usr/bin/env python3
"""Writes one HTML page per work of Lectern archives, for Pagefind to index (the library search
benchmark beside Pagefind, bench/library_search_bench.mjs; not a test).

    bench/pagefind_pages.py --out DIR [--limit N] ARCHIVE.json|FOLDER ...

Each page is DIR/<name>.html where <name> is the work's id in a library packed from the same
inputs (the archive file's stem, a dash, the work's id; a single archive keeps its ids as they
are), so Pagefind's result URLs name the same works as Lectern's results. The page holds the
title in <h1>, the date label and the kind (also as Pagefind metadata, and the kind as a Pagefind
filter), and the body's Markdown rendered simply (headings -> <hN>, paragraphs -> <p>, quotes ->
<blockquote>, emphasis and links inline) inside <main data-pagefind-body>. Archives are read in
the order of their sorted paths, works in archive order: the same inputs give the same files.
--limit N stops after N works (a subset of a large corpus).
"""
import argparse
import html
import json
import os
import re
import sys

INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images: their alt text
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links: their text
    (re.compile(r"\*\*(.+?)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"__(.+?)__"), r"<strong>\1</strong>"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"<em>\1</em>"),
    (re.compile(r"(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)"), r"<em>\1</em>"),
]
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def inline(text):
    text = html.escape(text, quote=False)
    for pattern, repl in INLINE:
        text = pattern.sub(repl, text)
    return text


def markdown(body):
    """Blocks separated by blank lines; a heading line is a block of its own."""
    out = []
    para = []

    def flush():
        if not para:
            return
        if all(line.startswith(">") for line in para):
            inner = " ".join(line.lstrip(">").strip() for line in para)
            out.append(f"<blockquote><p>{inline(inner)}</p></blockquote>")
        else:
            lines = [inline(line.strip()) for line in para]
            out.append("<p>" + "<br>\n".join(lines) + "</p>" if any(l.endswith("  ") for l in para)
                       else "<p>" + "\n".join(lines) + "</p>")
        para.clear()

    for line in body.replace("\r\n", "\n").split("\n"):
        m = HEADING.match(line)
        if m:
            flush()
            n = len(m.group(1))
            out.append(f"<h{n}>{inline(m.group(2))}</h{n}>")
        elif not line.strip():
            flush()
        else:
            para.append(line)
    flush()
    return "\n".join(out)


def page(work, collection):
    title = work.get("title") or work["id"]
    label = work.get("date_label") or work.get("date") or "undated"
    kind = work.get("kind") or ""
    esc = lambda s: html.escape(str(s))
    lang = collection.get("language") or "en"
    return (f'<!doctype html>\n<html lang="{esc(lang)}"><head><meta charset="utf-8">'
            f"<title>{esc(title)}</title></head>\n<body>\n"
            f"<main data-pagefind-body>\n<h1>{esc(title)}</h1>\n"
            f'<p class="meta"><span data-pagefind-meta="date">{esc(label)}</span>'
            + (f' · <span data-pagefind-filter="kind">{esc(kind)}</span>' if kind else "")
            + f' · <span data-pagefind-meta="collection">{esc(collection.get("title", ""))}</span></p>\n'
            f"{markdown(work.get('body') or '')}\n</main>\n</body></html>\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("inputs", nargs="+")
    args = ap.parse_args()
    files = []
    for i in args.inputs:
        if os.path.isdir(i):
            files += [os.path.join(i, f) for f in os.listdir(i) if f.endswith(".json")]
        else:
            files.append(i)
    files.sort()
    single = len(files) == 1
    os.makedirs(args.out, exist_ok=True)
    works = size = 0
    for f in files:
        with open(f, encoding="utf-8") as fh:
            archive = json.load(fh)
        stem = os.path.splitext(os.path.basename(f))[0]
        for w in archive.get("works", []):
            if args.limit and works >= args.limit:
                break
            name = w["id"] if single else f"{stem}-{w['id']}"
            text = page(w, archive).encode("utf-8")
            with open(os.path.join(args.out, name + ".html"), "wb") as out:
                out.write(text)
            works += 1
            size += len(text)
        if args.limit and works >= args.limit:
            break
    print(f"{works} pages, {size / 1e6:.1f} MB of HTML from {len(files)} archive(s) in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
