"""Front matter: present, valid YAML, a plain-text title and description.

The title and description are printed into every page's <head>, the menu of every page and the
feed; a template that forgot to escape them would run whatever they carry. So they are plain
text: no markup, no quotes that could close an attribute, no backticks.
"""
from __future__ import annotations

import re
from pathlib import Path

from pravo.pages import front_matter
from pravo.problems import Problem

REQUIRED_FIELDS = {
    "title": "title: Задержание — что делать",
    "description": "description: Short sentence saying what the page gives the reader.",
}
NOT_PLAIN = re.compile(r"[<>&\"`{}\\]|\[\[|\]\(")
MAX_LENGTH = {"title": 90, "description": 400}


def check(text: str, path: Path, problems: list[Problem]) -> tuple[dict, Problem | None]:
    """(front matter, its first problem); every problem is appended to `problems`."""
    meta, problem = front_matter(text, path)
    if problem:
        problems.append(problem)
        return meta, problem
    for field, example in REQUIRED_FIELDS.items():
        value = meta.get(field)
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(path, 2, f"the front matter has no `{field}` (нет поля `{field}`)",
                                    f"add a line such as `{example}`"))
            continue
        bad = NOT_PLAIN.search(value)
        if bad:
            problems.append(Problem(path, _line_of(text, field), f"the {field} must be plain text, but it has `{bad.group(0)}` "
                                    f"(только обычный текст)", "remove markup, quotes and brackets; write «ёлочки» for quotes"))
        elif len(value) > MAX_LENGTH[field]:
            problems.append(Problem(path, _line_of(text, field), f"the {field} is {len(value)} characters long",
                                    f"keep it under {MAX_LENGTH[field]}: it is shown in the menu and in search results"))
    return meta, None


def _line_of(text: str, field: str) -> int:
    match = re.search(rf"^{field}\s*:", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else 2
