"""The Pagefind search index, one per language.

Pagefind makes one index per `<html lang>` (so Russian pages find only Russian pages), stems
Russian words, and the browser fetches index chunks only when the reader searches. It replaces
Material's lunr search, which has neither. data/search-words.yml adds words readers search for
in another form than a page uses (задержали → задержание) — in a copy of the pages given to the
indexer, so the served pages stay as built.

An excerpt under a result shows the page's own text only: the added words are page metadata,
which Pagefind searches but never puts in an excerpt; the permalink ¶ and footnote ↩ signs and the
folded provenance of each fact (status, edition, source titles, often in English) are left out of
the index (data-pagefind-ignore).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from pravo.pipeline import Build
from pravo.problems import Problem, ProblemsFound

# Pagefind writes UI bundles we do not use: the site has its own search box.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
WORD = re.compile(r"\w+", re.U)
BODY_START = re.compile(r"(<div data-pagefind-body[^>]*>)")
LANG = re.compile(r'<html lang="([a-z]+)"')
# Not page text: the ¶ after each heading, the ↩ after each footnote, and the folded "how this was
# read" of a legal entry or a contact (pravo/markers/laws.py provenance, contacts.py).
NOT_TEXT = re.compile(r'<(a class="headerlink"|a class="footnote-backref"|details class="pravo-law__meta")')


def with_search_words(page_html: str, groups: list[dict]) -> str:
    """The page as the index sees it: plus the words of every group whose root its text contains
    (its text only: the menu on every page names «задержание»)."""
    start = BODY_START.search(page_html)
    if not start:
        return page_html
    body = page_html[start.end():page_html.find("</article>", start.end())]
    words = {w.lower() for w in WORD.findall(re.sub(r"<[^>]+>", " ", body))}
    extra = [word for group in groups if any(w.startswith(group["root"]) for w in words) for word in group["words"]]
    if not extra:
        return page_html
    # Metadata: searched, never shown in an excerpt (the words are plain letters: no quote or comma).
    hidden = f'<span data-pagefind-meta="search_words:{" ".join(extra)}" hidden></span>'
    return page_html[:start.end()] + hidden + page_html[start.end():]


def for_the_index(page_html: str, groups: list[dict]) -> str:
    """The page as the indexer reads it: its search words added, what is not text left out."""
    return NOT_TEXT.sub(r"<\1 data-pagefind-ignore", with_search_words(page_html, groups))


def index_copy(site: Path, groups_by_lang: dict[str, list[dict]], work: Path) -> Path:
    """The pages as the indexer reads them (for_the_index), in a folder of their own."""
    copy = work / "site"
    for page in site.rglob("*.html"):
        if page.is_symlink():
            continue
        target = copy / page.relative_to(site)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = page.read_text(encoding="utf-8")
        lang = LANG.search(text)
        target.write_text(for_the_index(text, groups_by_lang.get(lang.group(1) if lang else "", [])), encoding="utf-8")
    return copy


def index(site: Path, groups: dict[str, list[dict]]) -> None:
    with tempfile.TemporaryDirectory(prefix="pravo-index-") as work:
        source = index_copy(site, groups, Path(work))
        result = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(site / "pagefind")],
            capture_output=True, text=True,
        )
    if result.returncode != 0:
        raise ProblemsFound("Pagefind could not index the site:", [Problem(
            site, None, f"pagefind said:\n{result.stdout}\n{result.stderr}", "see the message above")], site)
    for name in UNUSED:
        (site / "pagefind" / name).unlink(missing_ok=True)
    # Pagefind lists languages in hash-map order; sort them so builds are byte-identical.
    entry = site / "pagefind" / "pagefind-entry.json"
    entry.write_text(json.dumps(json.loads(entry.read_text(encoding="utf-8")), sort_keys=True,
                                ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def build(build: Build) -> None:
    index(build.site, build.data.search_words)
