"""Every page exists in Russian and English under the same slug."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from pravo.data import LANGUAGES
from pravo.problems import Problem


def pages(docs: Path, language: str) -> dict[str, Path]:
    """Markdown pages of one language, keyed by their slug (path inside the language folder)."""
    folder = docs / language
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*.md"))} if folder.is_dir() else {}


def extra_languages(docs: Path) -> list[str]:
    """Language folders beyond Russian and English (docs/ky/ …): pages there are optional."""
    return sorted(d.name for d in docs.iterdir() if d.is_dir() and d.name not in LANGUAGES and d.name != "assets"
                  and re.fullmatch(r"[a-z]{2,3}", d.name)) if docs.is_dir() else []


def languages(docs: Path) -> list[str]:
    return list(LANGUAGES) + extra_languages(docs)


def check(docs: Path) -> Iterator[Problem]:
    """A page in a language added later (which shows the Russian text where it has none) must
    have a Russian source; Russian and English pages come in pairs."""
    by_language = {language: pages(docs, language) for language in LANGUAGES}
    for extra in extra_languages(docs):
        for slug, path in sorted(pages(docs, extra).items()):
            if slug not in by_language[LANGUAGES[0]]:
                yield Problem(path, None, f"this page has no Russian source: docs/ru/{slug} is missing "
                                          "(нет исходной страницы в docs/ru/)",
                              f"create docs/ru/{slug} first, or move this page to the slug of its Russian source")
    for own in by_language.values():
        for other, theirs in by_language.items():
            for slug in sorted(set(own) - set(theirs)):
                yield Problem(own[slug], None,
                              f"this page has no {other} twin: docs/{other}/{slug} is missing "
                              f"(нет перевода в docs/{other}/)",
                              f"create docs/{other}/{slug} (it may start as an outline with `outline: true`)")
