"""Translation freshness. A translated page records which version of its source it translates,
in its front matter:

    translated_from:
      lang: ru                 # the language of the source page (same path)
      hash: "3f1c0a9b2e7d"     # fingerprint of the source when it was translated
      date: "2026-11-22"       # when the translation was last brought up to date

When the source changes, its fingerprint no longer matches: the page is "outdated", `make
translations` lists it, and the built page shows a banner linking to the source. Hashes, not
commit ids, so the record survives shallow clones and squash merges.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from pravo.data import LANGUAGES
from pravo.pages import front_matter, split_front_matter


def split(text: str) -> tuple[dict, str]:
    """(front matter, body) of a page; {} when there is none or it is broken."""
    block, body = split_front_matter(text)
    return (front_matter(text, Path("page.md"))[0] if block is not None else {}), body


def fingerprint(path: Path) -> str:
    """What a translation follows: the source's title, description, body and share text — not its own records."""
    meta, body = split(path.read_text(encoding="utf-8"))
    parts = [str(meta.get("title", "")), str(meta.get("description", "")), body.strip()]
    if meta.get("share"):  # the text to pass on is translated too (only where there is one: other hashes stay)
        parts.append(str(meta["share"]))
    content = "\n".join(parts)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:12]


def status(docs: Path, language: str, slug: str) -> tuple[str, dict]:
    """('missing' | 'no record' | 'outdated' | 'up to date' | 'source', record) for one page."""
    page = docs / language / slug
    if not page.exists():
        return "missing", {}
    record = split(page.read_text(encoding="utf-8"))[0].get("translated_from")
    if not isinstance(record, dict):
        return "source", {}
    source = docs / str(record.get("lang")) / slug
    if not source.exists():
        return "no record", record
    # str(): a hash of digits only (849952658504) reads as a number in YAML
    return ("up to date" if str(record.get("hash")) == fingerprint(source) else "outdated"), record


def table(docs: Path) -> list[tuple[str, str, str, str]]:
    """(slug, language, status, recorded date) for every page in every language."""
    slugs = sorted({p.relative_to(docs / lang).as_posix() for lang in LANGUAGES for p in (docs / lang).rglob("*.md")})
    rows = []
    for slug in slugs:
        for language in LANGUAGES:
            state, record = status(docs, language, slug)
            rows.append((slug, language, state, str(record.get("date", ""))))
    return rows


def mark(page: Path, source_language: str | None = None, today: date | None = None) -> None:
    """Record in `page` that it now matches its source (the other language unless given)."""
    docs = next(parent for parent in page.parents if parent.name == "docs")
    language = page.relative_to(docs).parts[0]
    slug = page.relative_to(docs / language).as_posix()
    source_language = source_language or next(other for other in LANGUAGES if other != language)
    record = (f"translated_from:\n  lang: {source_language}\n  hash: \"{fingerprint(docs / source_language / slug)}\"\n"
              f"  date: \"{(today or date.today()).isoformat()}\"\n")
    text = page.read_text(encoding="utf-8")
    front = re.match(r"^---\n(.*?\n)---\n", text, re.S)
    if not front:
        raise ValueError(f"{page}: no front matter — add title and description first")
    block = re.sub(r"^translated_from:\n(?:[ \t]+.*\n)*", "", front.group(1), flags=re.M)
    page.write_text("---\n" + block + record + "---\n" + text[front.end():], encoding="utf-8")
