"""Which pages cite which document of data/sources.yml.

A footnote cites a document by linking to about/sources.md#<id>. The Sources page lists, under each
document, the pages that cite it (pravo/markers/sources.py); `make check` refuses a footnote that
links to the Sources page without saying which document, and a document no page cites
(pravo/checks/citations.py). Both read the links here, from the Markdown, so they agree.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from pravo.pages import read_front_matter

SOURCES_PAGE = "about/sources.md"
LINK = re.compile(r"\]\(\s*<?([^)\s>]*about/sources\.md|sources\.md)(#[\w-]*)?>?\s*\)")
FOOTNOTE = re.compile(r"^\s{0,3}\[\^[^\]]+\]:")


@dataclass(frozen=True)
class Citation:
    slug: str       # the citing page inside its language folder: trafficking/history.md
    line: int
    source: str     # the id after '#', '' when the link names none
    footnote: bool  # the link is in a footnote's text


def citations(folder: Path) -> list[Citation]:
    """Every link to the Sources page in the Markdown of one language folder (docs/ru)."""
    found: list[Citation] = []
    for path in sorted(folder.rglob("*.md")):
        if path.is_symlink() or not path.is_file():
            continue  # `make check` reports it (pravo/checks/files.py); it is not read
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (UnicodeDecodeError, OSError):
            continue  # reported by the file checks, with its line
        slug = path.relative_to(folder).as_posix()
        in_footnote = False
        for number, line in enumerate(text.splitlines(), 1):
            # A footnote's text goes on over indented lines after its first.
            in_footnote = bool(FOOTNOTE.match(line)) or (in_footnote and line.startswith("    "))
            for match in LINK.finditer(line):
                target = posixpath.normpath(posixpath.join(posixpath.dirname(slug), match.group(1)))
                if target == SOURCES_PAGE:
                    found.append(Citation(slug, number, (match.group(2) or "#")[1:], in_footnote))
    return found


def citing_pages(folder: Path) -> dict[str, list[tuple[str, str]]]:
    """For each document id: the pages citing it, as (slug, title), in the order of the site's files."""
    pages: dict[str, list[tuple[str, str]]] = {}
    for citation in citations(folder):
        if not citation.source:
            continue
        listed = pages.setdefault(citation.source, [])
        if all(slug != citation.slug for slug, _ in listed):
            title = str(read_front_matter(folder / citation.slug).get("title") or citation.slug)
            listed.append((citation.slug, title))
    return pages
