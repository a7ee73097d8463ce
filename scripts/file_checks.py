"""Checks on files as files: text encoding, duplicate addresses, image budgets."""
from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import Iterator

from problems import Problem

TEXT_GLOBS = ("docs/**/*.md", "data/**/*.yml", "i18n/*.yml")
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}
# A reader on metered data pays for every byte: one image may not cost more than this.
IMAGE_MAX_BYTES = 200 * 1024
IMAGE_MAX_PIXELS = (1600, 1600)


def is_utf8(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def check_encoding(root: Path) -> Iterator[Problem]:
    """Every text file is UTF-8 without a byte order mark."""
    for pattern in TEXT_GLOBS:
        for path in sorted(root.glob(pattern)):
            data = path.read_bytes()
            if data.startswith(b"\xef\xbb\xbf"):
                yield Problem(path, 1, "the file starts with a byte order mark (BOM)",
                              "save it as “UTF-8” without BOM (in most editors: Save with encoding → UTF-8)")
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as error:
                line = data.count(b"\n", 0, error.start) + 1
                yield Problem(path, line, "the file is not UTF-8 (файл не в кодировке UTF-8)",
                              "save it as UTF-8; text copied from Word or an old editor is often in cp1251")


def page_address(slug: str) -> str:
    """raid/protocol.md and raid/protocol/index.md are both published at raid/protocol/."""
    address = slug[:-3]
    if address == "index" or address.endswith("/index"):
        address = address[:-5]
    return address.strip("/").lower()


def check_duplicate_slugs(docs: Path, languages) -> Iterator[Problem]:
    """Two files must never be published at the same address (case ignored: some hosts ignore it)."""
    for language in languages:
        folder = docs / language
        seen: dict[str, Path] = {}
        for path in sorted(folder.rglob("*.md")):
            address = page_address(path.relative_to(folder).as_posix())
            if address in seen:
                yield Problem(path, None, f"this page has the same address as {seen[address].relative_to(docs.parent)} "
                              f"(/{address}/)", "rename one of the two files")
            else:
                seen[address] = path


def image_size(path: Path) -> tuple[int, int] | None:
    """Width and height read from the file header (PNG, GIF, JPEG, WebP, SVG); None if unknown."""
    data = path.read_bytes()
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return struct.unpack("<HH", data[6:10])
    if data[:2] == b"\xff\xd8":
        index = 2
        while index + 9 < len(data):
            if data[index] != 0xFF:
                index += 1
                continue
            marker = data[index + 1]
            length = struct.unpack(">H", data[index + 2:index + 4])[0]
            if marker in (0xC0, 0xC1, 0xC2):
                height, width = struct.unpack(">HH", data[index + 5:index + 9])
                return width, height
            index += 2 + length
        return None
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP" and data[12:16] == b"VP8X":
        return 1 + int.from_bytes(data[24:27], "little"), 1 + int.from_bytes(data[27:30], "little")
    if path.suffix == ".svg":
        match = re.search(rb'<svg[^>]*\bwidth="(\d+)[^"]*"[^>]*\bheight="(\d+)', data)
        return (int(match.group(1)), int(match.group(2))) if match else None
    return None


def check_images(docs: Path) -> Iterator[Problem]:
    """Images stay within the byte and pixel budgets."""
    for path in sorted(p for p in docs.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES):
        size = path.stat().st_size
        if size > IMAGE_MAX_BYTES:
            yield Problem(path, None, f"the image is {size // 1024} KB, over the {IMAGE_MAX_BYTES // 1024} KB budget "
                          "(картинка слишком тяжёлая)",
                          "make it smaller: fewer pixels, WebP or JPEG at quality 70–80, or SVG for drawings")
        dimensions = image_size(path)
        if dimensions and (dimensions[0] > IMAGE_MAX_PIXELS[0] or dimensions[1] > IMAGE_MAX_PIXELS[1]):
            yield Problem(path, None, f"the image is {dimensions[0]}×{dimensions[1]} pixels, over "
                          f"{IMAGE_MAX_PIXELS[0]}×{IMAGE_MAX_PIXELS[1]}",
                          f"resize it to at most {IMAGE_MAX_PIXELS[0]} pixels on the longer side")
