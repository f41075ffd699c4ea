#!/usr/bin/env python3
"""Writes the large hostile archives (too big to commit) into a folder: make_hostile.py SERGE_JSON OUT_DIR.

Run by ctest before the lectern-tool checks that read them; see README.md for each file's expected outcome.
Standard library only; about 130 MB in all, written in a few seconds.
"""
import json
import os
import sys


def write(out_dir, name, data):
    with open(os.path.join(out_dir, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def archive(**members):
    a = {"lectern": 1, "title": "Hostile", "works": []}
    a.update(members)
    return a


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make_hostile.py SERGE_JSON OUT_DIR")
    serge_path, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    serge = open(serge_path, "rb").read()

    # The bundled archive cut at 24 places spread over the file (the C++ test tries every byte).
    end = serge.rindex(b"}")
    for k in range(24):
        cut = end * k // 24 + k % 7  # the offset shifts so cuts land in strings, keys and punctuation alike
        write(out, "cut-%02d.json" % k, serge[:cut])

    depth = 100_000
    arrays = "[" * depth + "]" * depth
    objects = '{"a":' * depth + "null" + "}" * depth
    write(out, "deep-arrays.json", '{"lectern": 1, "title": "T", "works": [], "x": %s}' % arrays)
    write(out, "deep-objects.json", '{"lectern": 1, "title": "T", "works": [], "x": %s}' % objects)
    write(out, "deep-in-work.json",
          '{"lectern": 1, "title": "T", "works": [{"id": "a", "title": "A", "date": null, "x": %s}]}' % arrays)
    write(out, "deep-as-title.json", '{"lectern": 1, "title": %s, "works": []}' % objects)
    write(out, "deep-unclosed.json", '{"lectern": 1, "title": "T", "works": [], "x": ' + "[" * depth)

    write(out, "big-title.json", '{"lectern": 1, "title": "' + "x" * 50_000_000 + '", "works": []}')
    write(out, "long-id.json", json.dumps(archive(works=[{"id": "X" * 100_000, "title": "A", "date": None}])))

    works = ",".join('{"id":"w%d","title":"Work","date":"1936-08-10"}' % i for i in range(1_000_000))
    write(out, "million-works.json", '{"lectern": 1, "title": "Many", "works": [' + works + "]}")
    write(out, "undated.json", json.dumps(archive(works=[
        {"id": "w%d" % i, "title": "Undated %d" % i, "date": None} for i in range(1000)])))

    bombs = {
        "quotes": ">" * 10_000 + " deep",
        "lists": "- " * 10_000 + "deep",
        "line": "word " * 200_000,
        "emphasis": "*a* " * 100_000,
        "unmatched": "*" * 100_000,
        "brackets": "[" * 50_000,
    }
    write(out, "markdown-bombs.json", json.dumps(archive(works=[
        {"id": key, "title": key, "date": "1936", "body": body} for key, body in bombs.items()])))


if __name__ == "__main__":
    main()
