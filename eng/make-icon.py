#!/usr/bin/env python3
"""Draws the package icon (128x128 PNG, no dependencies): a shield with a check mark on a rounded square.
Run: python3 eng/make-icon.py src/Policy.Analyzers.Package/icon.png"""
import struct, sys, zlib

N = 128
BG, SHIELD, MARK = (27, 58, 110), (240, 244, 250), (34, 139, 84)

def inside_rounded_square(x, y, r=22):
    cx = min(max(x, r), N - 1 - r); cy = min(max(y, r), N - 1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r

def inside_shield(x, y):
    # flat top from y=20, straight sides to y=64, then both sides curve in to a point at y=112
    if y < 20 or y > 112: return False
    half = 40 if y <= 64 else 40 * (1 - ((y - 64) / 48) ** 1.6)
    return abs(x - 63.5) <= half

def on_check(x, y, w=7.5):
    def seg(ax, ay, bx, by):
        dx, dy = bx - ax, by - ay
        t = max(0, min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        return ((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2) ** 0.5 <= w
    return seg(42, 62, 58, 80) or seg(58, 80, 88, 44)

rows = []
for y in range(N):
    row = bytearray([0])
    for x in range(N):
        if not inside_rounded_square(x, y): row += bytes((0, 0, 0, 0))
        elif on_check(x, y): row += bytes(MARK + (255,))
        elif inside_shield(x, y): row += bytes(SHIELD + (255,))
        else: row += bytes(BG + (255,))
    rows.append(bytes(row))

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", N, N, 8, 6, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
