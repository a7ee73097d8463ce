"""Footnotes land on the exact document: a link to the Sources page from a footnote names the
document (#id), and every document of data/sources.yml is cited by at least one page per language.
Links to an id that does not exist are refused by the link check (pravo/checks/markdown.py)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pravo.citations import citations
from pravo.data import Data
from pravo.problems import Problem


def check(data: Data, docs: Path, languages: list[str]) -> Iterator[Problem]:
    sources_file = data.root / "data" / "sources.yml"
    for language in languages:
        found = citations(docs / language)
        for citation in found:
            if citation.footnote and not citation.source:
                yield Problem(docs / language / citation.slug, citation.line,
                              "a footnote links to the Sources page without saying which document "
                              "(сноска не называет документ)",
                              "add the document's id: ../about/sources.md#ID, with an id from data/sources.yml, "
                              f"e.g. #{next(iter(data.sources), 'ochneva')}")
        cited = {c.source for c in found}
        for source in data.sources:
            if source not in cited and (docs / language).is_dir():
                yield Problem(sources_file, data.source_lines.get(source),
                              f"no page in docs/{language}/ cites the document `{source}` (на документ нет ссылок)",
                              f"cite it in a footnote as ../about/sources.md#{source}, or remove it from data/sources.yml")
