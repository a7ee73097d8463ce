"""The volunteer checks: `make check` (scripts/check.py) runs `run(root)`.

Each check is a small function that yields Problem(path, line, message, hint); pravo.problems
formats them. The same marker code the build uses validates every `<!-- pravo:… -->`, so the
check and the build refuse the same things in the same words.
"""
from __future__ import annotations

from pathlib import Path

from pravo import data as project_data
from pravo.checks import citations, files, front_matter, markdown, share, twins
from pravo.problems import Problem


def run(root: Path) -> list[Problem]:
    root = Path(root).resolve()
    docs = root / "docs"
    data = project_data.load(root)
    problems: list[Problem] = list(data.problems)
    problems += files.check_age(data)
    problems += files.check_tree(root)
    for language in twins.languages(docs):
        for path in twins.pages(docs, language).values():
            if path.is_symlink() or not files.is_utf8(path):
                continue  # check_tree has reported it; its text is not to be read
            text = path.read_text(encoding="utf-8-sig")
            meta, _ = front_matter.check(text, path, problems)
            problems += markdown.check_page(data, path, docs / language, text, meta)
            problems += share.check(data, path, docs / language, text, meta)
    problems += twins.check(docs)
    problems += citations.check(data, docs, twins.languages(docs))
    problems += files.check_duplicate_addresses(docs, twins.languages(docs))
    problems += files.check_images(docs)
    return problems
