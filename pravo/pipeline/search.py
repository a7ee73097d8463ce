"""The search index, one per language: search/<lang>/ (pravo/search_index.py says what is in it).

Each language's pages are indexed apart (by `<html lang>`), so Russian pages find only Russian
pages. data/search-words.yml adds words readers search for in another form than a page uses
(задержали → задержание): a page whose text has a word starting with a group's root is also found
by the group's words, with the lowest weight, and the served page does not change.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from pravo import assets, search_index
from pravo.pipeline import Build

LANG = re.compile(r'<html lang="([a-z]+)"')
FOLDER = "search"


def address(site: Path, page: Path) -> str:
    """'raid/protocol/index.html' -> 'raid/protocol/'; the home page -> ''."""
    return page.relative_to(site).as_posix()[: -len("index.html")]


def pages_by_language(site: Path) -> dict[str, list[search_index.Page]]:
    found: dict[str, list[search_index.Page]] = {}
    for path in sorted(site.rglob("index.html")):
        if path.is_symlink() or path.relative_to(site).parts[0] == FOLDER:
            continue
        text = path.read_text(encoding="utf-8")
        lang = LANG.search(text)
        page = search_index.read_page(address(site, path), text) if lang else None
        if page is not None:
            found.setdefault(lang.group(1), []).append(page)
    return found


def search_words(pages: list[search_index.Page], groups: list[dict]) -> dict[int, list[str]]:
    """The words of data/search-words.yml each page is also found by (its own text decides)."""
    extra: dict[int, list[str]] = {}
    for number, page in enumerate(pages):
        text = " ".join([page.title] + [s.heading + " " + search_index.section_text(s) for s in page.sections])
        present = set(search_index.words(text))
        for group in groups:
            if any(word.startswith(group["root"]) for word in present):
                extra.setdefault(number, []).extend(w.lower() for w in group["words"])
    return extra


def stemmer_address(site: Path, docs: Path, lang: str) -> str | None:
    """The versioned address of the language's stemmer script, if the site has one."""
    path = f"assets/js/snowball-{lang}.js"
    return assets.versioned(docs, path) if (site / path).is_file() and lang in search_index.STEMMERS else None


def write(site: Path, docs: Path, groups_by_lang: dict[str, list[dict]]) -> None:
    target = site / FOLDER
    shutil.rmtree(target, ignore_errors=True)
    for lang, pages in pages_by_language(site).items():
        files = search_index.build(lang, pages, search_words(pages, groups_by_lang.get(lang, [])),
                                   stemmer_address(site, docs, lang))
        for name, text in files.items():
            path = target / lang / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


def build(build: Build) -> None:
    write(build.site, build.docs, build.data.search_words)
