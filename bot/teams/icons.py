"""Draw the Teams app icons with the standard library only (zlib + struct PNG writer).

Teams wants a 192×192 full-colour icon and a 32×32 outline icon: white on a transparent
background. Both show the same mark: three linked nodes, the middle one larger (you, giving
first). Regenerate the committed PNGs with `python -m bot.teams.icons`.
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

RGBA = tuple[int, int, int, int]

BACKGROUND = (0x1F, 0x6F, 0x8B)  # deep teal
FOREGROUND = (0xFF, 0xFF, 0xFF)

# The mark on a unit square: node centres and radii, and the links between them.
NODES = (((0.50, 0.42), 0.13), ((0.24, 0.70), 0.09), ((0.76, 0.70), 0.09))
LINKS = ((0, 1), (0, 2), (1, 2))
LINK_WIDTH = 0.045


def png_bytes(width: int, height: int, pixels: list[list[RGBA]]) -> bytes:
    """An 8-bit RGBA PNG (colour type 6), no interlace."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    raw = b"".join(b"\x00" + bytes(channel for px in row for channel in px) for row in pixels)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def _segment_distance(px: float, py: float, ax: float, ay: float, bx: float, by: float) -> float:
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def _in_mark(x: float, y: float, node_scale: float, link_scale: float) -> bool:
    for (cx, cy), radius in NODES:
        if math.hypot(x - cx, y - cy) <= radius * node_scale:
            return True
    for a, b in LINKS:
        (ax, ay), _ = NODES[a]
        (bx, by), _ = NODES[b]
        if _segment_distance(x, y, ax, ay, bx, by) <= LINK_WIDTH * link_scale / 2:
            return True
    return False


def _in_rounded_square(x: float, y: float, radius: float) -> bool:
    cx = min(max(x, radius), 1 - radius)
    cy = min(max(y, radius), 1 - radius)
    return math.hypot(x - cx, y - cy) <= radius


def _coverage(size: int, row: int, col: int, inside, samples: int = 4) -> float:
    hits = 0
    for sy in range(samples):
        for sx in range(samples):
            x = (col + (sx + 0.5) / samples) / size
            y = (row + (sy + 0.5) / samples) / size
            hits += inside(x, y)
    return hits / (samples * samples)


def colour_icon(size: int = 192) -> bytes:
    pixels: list[list[RGBA]] = []
    for row in range(size):
        line: list[RGBA] = []
        for col in range(size):
            back = _coverage(size, row, col, lambda x, y: _in_rounded_square(x, y, 0.18))
            mark = _coverage(size, row, col, lambda x, y: _in_mark(x, y, 1.0, 1.0))
            rgb = tuple(
                round(bg * (1 - mark) + fg * mark)
                for bg, fg in zip(BACKGROUND, FOREGROUND, strict=True)
            )
            line.append((rgb[0], rgb[1], rgb[2], round(255 * max(back, mark))))
        pixels.append(line)
    return png_bytes(size, size, pixels)


def outline_icon(size: int = 32) -> bytes:
    """White mark, transparent elsewhere; links thickened so they survive 32 pixels."""
    pixels: list[list[RGBA]] = []
    for row in range(size):
        line: list[RGBA] = []
        for col in range(size):
            mark = _coverage(size, row, col, lambda x, y: _in_mark(x, y, 1.0, 1.6))
            line.append((255, 255, 255, round(255 * mark)) if mark else (0, 0, 0, 0))
        pixels.append(line)
    return png_bytes(size, size, pixels)


def write_icons(folder: Path) -> None:
    (folder / "color.png").write_bytes(colour_icon())
    (folder / "outline.png").write_bytes(outline_icon())


if __name__ == "__main__":
    write_icons(Path(__file__).with_name("app_package"))
