"""Checks on files as files: encoding, what may be published at all, symlinks, duplicate
addresses, image budgets, and how old the checked facts are."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from pravo import content, lawbook
from pravo.data import RECHECK_AFTER_DAYS, Data, today
from pravo.problems import Problem

TEXT_GLOBS = ("docs/**/*.md", "data/**/*.yml", "i18n/*.yml")
# Folders whose files become the site or shape it: nothing in them may point elsewhere.
CHECKED_FOLDERS = ("docs", "data", "i18n", "overrides")
# A reader on metered data pays for every byte: one image may not cost more than this.
IMAGE_MAX_BYTES = 200 * 1024
IMAGE_MAX_PIXELS = (1600, 1600)


def is_utf8(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def check_tree(root: Path) -> Iterator[Problem]:
    """No symlinks anywhere that shapes the site; only publishable files in docs/; text in UTF-8."""
    for folder in CHECKED_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_symlink():
                yield Problem(path, None, "a symbolic link (it could publish a file of the build machine, "
                              "such as its secrets)", "replace it with the file itself, or remove it")
    docs = root / "docs"
    for path in sorted(p for p in docs.rglob("*") if p.is_file() and not p.is_symlink()):
        reason = content.refusal(path.relative_to(docs).as_posix())
        if reason:
            yield Problem(path, None, reason, "remove the file, or ask a maintainer where it belongs")
        elif path.suffix.lower() == ".svg":
            why = content.svg_refusal(path.read_text(encoding="utf-8", errors="replace"))
            if why:
                yield Problem(path, None, f"{why}: an SVG picture may only draw",
                              "export it again as a plain drawing (no scripts, links or outside resources), or use PNG")
    for pattern in TEXT_GLOBS:
        for path in sorted(root.glob(pattern)):
            if path.is_symlink():
                continue
            data = path.read_bytes()
            if data.startswith(b"\xef\xbb\xbf"):
                yield Problem(path, 1, "the file starts with a byte order mark (BOM)",
                              "save it as “UTF-8” without BOM (in most editors: Save with encoding → UTF-8)")
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as error:
                yield Problem(path, data.count(b"\n", 0, error.start) + 1, "the file is not UTF-8 (файл не в кодировке UTF-8)",
                              "save it as UTF-8; text copied from Word or an old editor is often in cp1251")


def page_address(slug: str) -> str:
    """raid/protocol.md and raid/protocol/index.md are both published at raid/protocol/."""
    address = slug[:-3]
    if address == "index" or address.endswith("/index"):
        address = address[:-5]
    return address.strip("/").lower()


def check_duplicate_addresses(docs: Path, languages) -> Iterator[Problem]:
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
    """Width and height from the file's header (Pillow reads only the header); None for SVG or unknown."""
    try:
        with Image.open(path) as image:
            return image.size
    except (UnidentifiedImageError, OSError):
        return None


def check_images(docs: Path) -> Iterator[Problem]:
    """Images stay within the byte and pixel budgets."""
    for path in sorted(p for p in docs.rglob("*") if p.suffix.lower() in content.IMAGE_SUFFIXES and not p.is_symlink()):
        size = path.stat().st_size
        if size > IMAGE_MAX_BYTES:
            yield Problem(path, None, f"the image is {size // 1024} KB, over the {IMAGE_MAX_BYTES // 1024} KB budget "
                          "(картинка слишком тяжёлая)",
                          "make it smaller: fewer pixels, WebP or JPEG at quality 70–80, or SVG for drawings")
        dimensions = image_size(path) if path.suffix.lower() != ".svg" else None
        if dimensions and (dimensions[0] > IMAGE_MAX_PIXELS[0] or dimensions[1] > IMAGE_MAX_PIXELS[1]):
            yield Problem(path, None, f"the image is {dimensions[0]}×{dimensions[1]} pixels, over "
                          f"{IMAGE_MAX_PIXELS[0]}×{IMAGE_MAX_PIXELS[1]}",
                          f"resize it to at most {IMAGE_MAX_PIXELS[0]} pixels on the longer side")


def check_age(data: Data) -> Iterator[Problem]:
    """Every legal provision is re-checked at least once a year."""
    for pid, provision in data.laws.provisions.items():
        age = lawbook.age_in_days(provision, today())
        if age > RECHECK_AFTER_DAYS:
            path, line = data.laws.lines[pid]
            yield Problem(path, line, f"`{pid}` was last verified {age} days ago (нужна перепроверка)",
                          "read the current text (CONTRIBUTING.md, “How to verify a law”) and update verified_on")
