#!/usr/bin/env python3
"""Writes the synthetic corpus of the library benchmark (docs/performance.md, "A library
from a static host"): COLLECTIONS archives, WORKS works in all, over 2 GB of Markdown.

    bench/library_corpus.py [--out /tmp/lectern-bench-corpus] [--collections 600] [--works 100000]

Collection sizes fall off like authors' output (a few large, many small); each collection
covers an author's working life somewhere in 1600..2000; bodies are log-normal from 2 KB to
2.5 MB (median 8 KB), words follow a Zipf curve, and 15% of works are in Cyrillic, Greek or
CJK. The same arguments give the same files (lectern-tool synth is deterministic).
"""
import argparse
import os
import random
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def plan(collections, works):
    weights = [1.0 / (i + 30) for i in range(collections)]
    scale = works / sum(weights)
    sizes = [max(20, int(w * scale)) for w in weights]
    sizes[0] += works - sum(sizes)  # the largest collection takes the rounding
    rng = random.Random(17)
    out = []
    for i, n in enumerate(sizes):
        first = rng.randint(1600, 1960)
        last = min(2000, first + rng.randint(15, 60))
        out.append((f"author-{i:04d}", n, first, last, 1000 + i))
    rng.shuffle(out)  # large and small collections mixed through time
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="/tmp/lectern-bench-corpus")
    ap.add_argument("--collections", type=int, default=600)
    ap.add_argument("--works", type=int, default=100000)
    ap.add_argument("--tool", default=os.path.join(ROOT, "build/native/lectern-tool"))
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    def synth(c):
        name, n, first, last, seed = c
        subprocess.run([args.tool, "synth", "--works", str(n), "--years", f"{first}..{last}", "--seed", str(seed),
                        "--body-median", "8000", "--zipf", "--scripts", "15",
                        "-o", os.path.join(args.out, name + ".json")], check=True)

    collections = plan(args.collections, args.works)
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        list(pool.map(synth, collections))
    files = [os.path.join(args.out, c[0] + ".json") for c in collections]
    total = sum(os.path.getsize(f) for f in files)
    print(f"{len(files)} collections, {sum(c[1] for c in collections)} works, {total / 1e9:.2f} GB of archives "
          f"in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
