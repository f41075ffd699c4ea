#!/usr/bin/env python3
"""Writes the image test archive's files: good ones, and the hostile ones the viewer must refuse.

  good.png       64x48, left half red, right half blue (the browser test samples both)
  photo.jpg      40x30 green, baseline JPEG (written with Debian's stb_image_write: cc + libstb-dev)
  large.png      3000x2000 grey: allowed, and scaled down to 1600 px before it is kept
  truncated.png  good.png cut in the middle of its pixel data
  huge.png       a whole PNG whose header claims 30000x30000 pixels
  notes.png      a text file named .png
  (missing.png is named by the archive and absent on purpose)

Run from anywhere: python3 tests/data/images/make_images.py
"""
import os
import struct
import subprocess
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width, height, pixel, claim=None):
    """RGB PNG; pixel(x, y) -> (r, g, b). `claim`: (w, h) written in IHDR instead of the real size."""
    rows = b"".join(b"\0" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))
    w, h = claim or (width, height)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def jpeg(width, height, rgb):
    source = r'''
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>
#include <stdlib.h>
int main(int argc, char** argv) {
    int w = atoi(argv[2]), h = atoi(argv[3]);
    unsigned char* px = malloc((size_t)w * h * 3);
    for (int i = 0; i < w * h; ++i) { px[3*i] = atoi(argv[4]); px[3*i+1] = atoi(argv[5]); px[3*i+2] = atoi(argv[6]); }
    return !stbi_write_jpg(argv[1], w, h, 3, px, 90);
}
'''
    with tempfile.TemporaryDirectory() as tmp:
        c, exe = os.path.join(tmp, "w.c"), os.path.join(tmp, "w")
        with open(c, "w") as f:
            f.write(source)
        subprocess.run(["cc", "-I/usr/include/stb", c, "-o", exe], check=True)
        out = os.path.join(tmp, "out.jpg")
        subprocess.run([exe, out, str(width), str(height), *map(str, rgb)], check=True)
        with open(out, "rb") as f:
            return f.read()


good = png(64, 48, lambda x, y: (208, 0, 0) if x < 32 else (0, 64, 208))
write("good.png", good)
write("photo.jpg", jpeg(40, 30, (0, 160, 60)))
write("large.png", png(3000, 2000, lambda x, y: (128, 128, 128)))
write("truncated.png", good[: len(good) // 2])
write("huge.png", png(4, 4, lambda x, y: (0, 0, 0), claim=(30000, 30000)))
write("notes.png", b"These are notes, not a picture.\n")
