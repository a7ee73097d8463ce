#!/usr/bin/env python3
"""Content checks for volunteers: `make check`.

Each check is a small function that yields Problem(path, line, message, hint).
One place (`format_problem`) turns them into lines a person can act on:
    docs/en/raid/index.md:3: the front matter has no `title` — add a line such as `title: Raid or detention`
Exit status 1 when anything is wrong, so CI and `make build` stop.
"""
from __future__ import annotations

import os
import re
import sys
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
import lawdata  # noqa: E402  (the same loader the build uses)
import markdown_checks  # noqa: E402
import file_checks  # noqa: E402
from problems import Problem  # noqa: E402
LANGUAGES = ("ru", "en")  # the first is the default language
REQUIRED_FIELDS = {
    "title": "title: Задержание — что делать",
    "description": "description: Short sentence saying what the page gives the reader.",
}


def format_problem(problem: Problem, root: Path = ROOT) -> str:
    try:
        where = problem.path.relative_to(root).as_posix()
    except ValueError:
        where = problem.path.as_posix()
    if problem.line:
        where += f":{problem.line}"
    return f"{where}: {problem.message} — {problem.hint}"


def pages(docs: Path, language: str) -> dict[str, Path]:
    """Markdown pages of one language, keyed by their slug (path inside the language folder)."""
    folder = docs / language
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*.md"))}


def split_front_matter(text: str) -> tuple[str | None, int]:
    """The YAML between the opening and closing `---`, and the line the YAML starts on."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return None, 0
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() in ("---", "..."):
            return "\n".join(lines[1:number - 1]), 2
    return None, 0


def parse_front_matter(path: Path) -> dict:
    """The page's front matter as a dict ({} when missing or broken: check_front_matter says why)."""
    try:
        block, _ = split_front_matter(path.read_text(encoding="utf-8-sig"))
        meta = yaml.safe_load(block) if block else {}
    except (yaml.YAMLError, UnicodeDecodeError):
        return {}
    return meta if isinstance(meta, dict) else {}


def check_front_matter(path: Path) -> Iterator[Problem]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return  # file_checks.check_encoding reports it
    block, first_line = split_front_matter(text)
    if block is None:
        yield Problem(path, 1, "the page has no front matter (Описание страницы в начале файла отсутствует)",
                      "start the file with `---`, then `title: …` and `description: …`, then `---`")
        return
    try:
        meta = yaml.safe_load(block) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark else first_line
        yield Problem(path, line, f"the front matter is not valid YAML ({getattr(error, 'problem', error)})",
                      "write one `key: value` per line; put text containing `:` or `[` in quotes")
        return
    if not isinstance(meta, dict):
        yield Problem(path, first_line, "the front matter is not a list of `key: value` lines",
                      "write one `key: value` per line, e.g. `title: Протокол`")
        return
    for field, example in REQUIRED_FIELDS.items():
        value = meta.get(field)
        if not isinstance(value, str) or not value.strip():
            yield Problem(path, first_line, f"the front matter has no `{field}` (нет поля `{field}`)",
                          f"add a line such as `{example}`")


def extra_languages(docs: Path) -> list[str]:
    """Language folders beyond Russian and English (docs/ky/ …): pages there are optional."""
    return sorted(d.name for d in docs.iterdir() if d.is_dir() and d.name not in LANGUAGES and d.name != "assets"
                  and re.fullmatch(r"[a-z]{2,3}", d.name))


def check_twins(docs: Path) -> Iterator[Problem]:
    """Every page exists in Russian and English under the same slug; a page in a language
    added later (which shows the Russian text where it has none) must have a Russian source."""
    by_language = {language: pages(docs, language) for language in LANGUAGES}
    for extra in extra_languages(docs):
        for slug, path in sorted(pages(docs, extra).items()):
            if slug not in by_language[LANGUAGES[0]]:
                yield Problem(path, None, f"this page has no Russian source: docs/ru/{slug} is missing "
                                          "(нет исходной страницы в docs/ru/)",
                              f"create docs/ru/{slug} first, or move this page to the slug of its Russian source")
    for language, own in by_language.items():
        for other, theirs in by_language.items():
            for slug in sorted(set(own) - set(theirs)):
                yield Problem(own[slug], None,
                              f"this page has no {other} twin: docs/{other}/{slug} is missing "
                              f"(нет перевода в docs/{other}/)",
                              f"create docs/{other}/{slug} (it may start as an outline with `outline: true`)")


def check_law_data(root: Path) -> Iterator[Problem]:
    """data/laws/*.yml against data/schemas/laws.schema.json, with file and line."""
    if not (root / "data" / "laws").is_dir():
        return
    book = lawdata.load_lawbook(root)
    problems = book.problems + lawdata.load_contacts(root)[1] + lawdata.load_glossary(root)[1]
    for problem in problems + lawdata.load_corrections(root, book)[1]:
        yield Problem(problem.path, problem.line, problem.message, problem.hint)


RECHECK_AFTER_DAYS = 365


def check_law_age(root: Path, today: date | None = None) -> Iterator[Problem]:
    """Every legal provision is re-checked at least once a year."""
    if not (root / "data" / "laws").is_dir():
        return
    today = today or (date.fromisoformat(os.environ["PRAVO_TODAY"]) if os.environ.get("PRAVO_TODAY") else date.today())
    book = lawdata.load_lawbook(root)
    for pid, provision in book.provisions.items():
        age = lawdata.age_in_days(provision, today)
        if age > RECHECK_AFTER_DAYS:
            path, line = book.lines[pid]
            yield Problem(path, line, f"`{pid}` was last verified {age} days ago (нужна перепроверка)",
                          "read the current text (CONTRIBUTING.md, “How to verify a law”) and update verified_on")


def run_checks(root: Path = ROOT) -> list[Problem]:
    docs = root / "docs"
    problems: list[Problem] = list(check_law_data(root))
    problems.extend(check_law_age(root))
    problems.extend(file_checks.check_encoding(root))
    book = lawdata.load_lawbook(root if (root / "data" / "laws").is_dir() else ROOT)
    for language in LANGUAGES + tuple(extra_languages(docs) if docs.is_dir() else ()):
        for path in pages(docs, language).values():
            front = list(check_front_matter(path))
            problems.extend(front)
            if not file_checks.is_utf8(path):
                continue  # check_encoding has reported it; its text cannot be read
            problems.extend(markdown_checks.check_page(path, docs / language, book, parse_front_matter(path)))
    problems.extend(check_twins(docs))
    problems.extend(file_checks.check_duplicate_slugs(docs, LANGUAGES))
    problems.extend(file_checks.check_images(docs))
    return problems


def report(problems: Iterable[Problem], root: Path = ROOT, out=None) -> int:
    out = out or sys.stdout
    problems = list(problems)
    for problem in problems:
        print(format_problem(problem, root), file=out)
    if problems:
        print(f"\n{len(problems)} problem(s) found. Fix them and run `make check` again.", file=out)
        return 1
    print("All content checks passed.", file=out)
    return 0


if __name__ == "__main__":
    sys.exit(report(run_checks()))
