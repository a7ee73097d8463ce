"""What may be in docs/ at all: the one allowlist both `make check` and the build apply.

Anything that arrives by pull request may be crafted. Pages are Markdown in a language folder;
our own styles and scripts live in docs/assets/css/ and docs/assets/js/ (and the service worker
at docs/sw.js) — CODEOWNERS makes a maintainer review those; pictures and PDFs may sit anywhere
else. Nothing else is published: no .html (it would be served without our checks), no scripts
elsewhere, no symlinks (they would publish files of the build machine, its secrets included).
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

LANGUAGE_FOLDER = re.compile(r"[a-z]{2,3}")
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}
STATIC_PLACES = {".css": ("assets/css/",), ".js": ("assets/js/", "sw.js")}
MAX_PAGE_BYTES = 150 * 1024
# A shortener hides where a link goes; a tracker tells a third party who clicked. No link may go
# through one (`make check` and the output audit both refuse it).
SHORTENERS_AND_TRACKERS = ("bit.ly", "t.co", "tinyurl.com", "goo.gl", "ow.ly", "is.gd", "buff.ly", "cutt.ly", "rb.gy",
                           "clck.ru", "vk.cc", "google-analytics.com", "googletagmanager.com", "doubleclick.net",
                           "mc.yandex.ru", "top-fwz1.mail.ru", "connect.facebook.net")  # a page a reader on metered data can afford, and the offline copy too


def refusal(src_uri: str) -> str | None:
    """Why docs/<src_uri> may not be published (None when it may)."""
    suffix = posixpath.splitext(src_uri)[1].lower()
    first = src_uri.split("/", 1)[0]
    if suffix == ".md":
        if "/" in src_uri and LANGUAGE_FOLDER.fullmatch(first):
            return None
        return "a page outside the language folders (docs/ru/, docs/en/, …) is not published"
    if suffix in STATIC_PLACES:
        places = STATIC_PLACES[suffix]
        if any(src_uri == p or (p.endswith("/") and src_uri.startswith(p) and "/" not in src_uri[len(p):]) for p in places):
            return None
        return f"a {suffix} file may only be in docs/{' or docs/'.join(places)}, where a maintainer reviews it"
    if suffix in IMAGE_SUFFIXES or suffix == ".pdf":
        return None
    return f"files of type `{suffix or src_uri}` are not published (only pages, pictures, PDFs and our own styles and scripts)"


def outside(path: Path, docs: Path) -> bool:
    """Is this a symlink, or does it resolve outside docs/ (the build machine's files)?"""
    return path.is_symlink() or not path.resolve().is_relative_to(docs.resolve())


SVG_DANGER = re.compile(r"<\s*(script|foreignObject|iframe|embed|object|use|image|a)\b|\bon[a-z]+\s*=|(?:href|src)\s*=\s*['\"]?\s*(?!#)[a-z]*:"
                        r"|url\(\s*['\"]?\s*(?!#)[a-z]*:|@import", re.I)


def svg_refusal(text: str) -> str | None:
    """Why an SVG picture may carry more than a drawing (script, handler, link, outside resource)."""
    match = SVG_DANGER.search(text)
    return f"the SVG contains `{match.group(0).strip()}`" if match else None
