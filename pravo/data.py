"""Everything in data/ and i18n/, read and checked once per process.

`load(root)` returns the same `Data` until a file under data/ or i18n/ changes (so `mkdocs serve`
sees edits), whoever asks: the build adapter, every marker, `make check`, the post-build steps.
Each loader collects problems instead of raising, so one run reports them all.
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pravo import lawbook, schema, yamlfile
from pravo.problems import Problem

DEFAULT_LANGUAGE = "ru"
LANGUAGES = ("ru", "en")  # every page exists in both; the first is the default (site root)
RECHECK_AFTER_DAYS = 365  # a legal fact or a contact older than this is marked for re-checking


def today() -> date:
    # PRAVO_TODAY lets tests and reviewers see the site as it will look on another day.
    return date.fromisoformat(os.environ["PRAVO_TODAY"]) if os.environ.get("PRAVO_TODAY") else date.today()


@dataclass
class Data:
    root: Path
    laws: lawbook.LawBook
    glossary: dict[str, dict] = field(default_factory=dict)
    contacts: dict = field(default_factory=dict)  # data/contacts.yml as written
    cards: dict | None = None
    clock: dict = field(default_factory=dict)  # data/clock.yml: the limits the detention clock shows
    corrections: list[dict] = field(default_factory=list)
    redirects: dict[str, str] = field(default_factory=dict)
    search_words: dict[str, list[dict]] = field(default_factory=dict)
    sources: dict[str, dict] = field(default_factory=dict)  # data/sources.yml by id, in file order
    source_lines: dict[str, int] = field(default_factory=dict)  # where each id is written, for messages
    strings: dict[str, dict[str, str]] = field(default_factory=dict)  # i18n/<lang>.yml
    problems: list[Problem] = field(default_factory=list)

    def ui(self, lang: str) -> dict[str, str]:
        """The interface strings of `lang`, the default language filling any gap."""
        return {**self.strings.get(DEFAULT_LANGUAGE, {}), **self.strings.get(lang, {})}

    @property
    def organisations(self) -> list[dict]:
        return self.contacts.get("organisations", [])


def _stamp(root: Path) -> tuple:
    files = [p for folder in ("data", "i18n") for p in sorted((root / folder).rglob("*")) if p.is_file()]
    return tuple((p.as_posix(), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def load(root: Path) -> Data:
    root = Path(root).resolve()
    return _load(root, _stamp(root))


@functools.lru_cache(maxsize=4)
def _load(root: Path, stamp: tuple) -> Data:
    data = Data(root=root, laws=lawbook.load(root))
    data.problems += data.laws.problems
    data.strings = _strings(root, data.problems)
    data.glossary = _glossary(root, data.problems)
    data.contacts = _contacts(root, data.problems)
    data.cards = _cards(root, data.laws, data.problems)
    data.clock = _clock(root, data.laws, data.problems)
    data.corrections = _corrections(root, data, data.problems)
    data.redirects = _redirects(root, data.problems)
    data.search_words = _checked(root, "search-words.yml", "search-words.schema.json", data.problems) or {}
    data.sources = _sources(root, data.problems, data.source_lines)
    return data


def _checked(root: Path, name: str, schema_name: str, problems: list[Problem], folder: str = "data"):
    """The file's data if it exists and matches its schema, else None (its problems recorded)."""
    path = root / folder / name
    if not path.exists():
        return None
    try:
        document = yamlfile.read(path)
    except yamlfile.YamlError as error:
        problems.append(error.problem)
        return None
    if document.data is None:
        document.data = {}
    errors = schema.check(root, document, schema_name)
    problems += errors
    return None if errors else _Checked(document)


class _Checked(dict):
    """A checked mapping that remembers its YAML node, for the lines of later checks."""

    def __init__(self, document: yamlfile.YamlFile):
        super().__init__(document.data)
        self.document = document

    def line(self, *keys) -> int | None:
        return yamlfile.node_line(self.document.node, keys)


def _contacts(root: Path, problems: list[Problem]) -> dict:
    """data/contacts.yml; a route's `shared_phone: web` names an entry under `traces`."""
    contacts = _checked(root, "contacts.yml", "contacts.schema.json", problems)
    if contacts is None:
        return {}
    traces = contacts.get("traces", {})
    for group in ("organisations", "services"):
        for index, entry in enumerate(contacts.get(group, [])):
            for position, route in enumerate(entry.get("routes", [])):
                name = route.get("shared_phone")
                if isinstance(name, str) and name not in traces:
                    problems.append(Problem(root / "data" / "contacts.yml",
                                            contacts.line(group, index, "routes", position, "shared_phone"),
                                            f"`shared_phone: {name}` names no entry under `traces`",
                                            f"use one of: {', '.join(traces)}"))
    return dict(contacts)


def _strings(root: Path, problems: list[Problem]) -> dict[str, dict[str, str]]:
    tables = {}
    for path in sorted((root / "i18n").glob("*.yml")):
        table = _checked(root, path.name, "strings.schema.json", problems, folder="i18n")
        if table is not None:
            tables[path.stem] = dict(table)
    default = tables.get(DEFAULT_LANGUAGE, {})
    for lang in LANGUAGES[1:]:
        missing = sorted(set(default) - set(tables.get(lang, default)))
        if missing and lang in tables:
            problems.append(Problem(root / "i18n" / f"{lang}.yml", None, f"lacks {', '.join(missing)}",
                                    f"copy these lines from i18n/{DEFAULT_LANGUAGE}.yml and translate them"))
    return tables


def _glossary(root: Path, problems: list[Problem]) -> dict[str, dict]:
    """data/glossary.yml by id; `see` must name entries."""
    data = _checked(root, "glossary.yml", "glossary.schema.json", problems)
    if data is None:
        return {}
    path = root / "data" / "glossary.yml"
    terms: dict[str, dict] = {}
    for index, entry in enumerate(data["terms"]):
        if entry["id"] in terms:
            problems.append(Problem(path, data.line("terms", index), f"the id `{entry['id']}` is used twice",
                                    "give each entry its own id"))
        terms[entry["id"]] = entry
    for index, entry in enumerate(data["terms"]):
        for other in entry.get("see", []):
            if other not in terms:
                problems.append(Problem(path, data.line("terms", index, "see"),
                                        f"`{entry['id']}` refers to `{other}`, which is not in the glossary",
                                        "use the id of an existing entry, or add that entry"))
    return terms


def _cards(root: Path, laws: lawbook.LawBook, problems: list[Problem]) -> dict | None:
    """data/cards.yml; a line may only state what the law data supports."""
    data = _checked(root, "cards.yml", "cards.schema.json", problems)
    if data is None:
        return None
    path = root / "data" / "cards.yml"
    for country, card in data["countries"].items():
        for index, line in enumerate(card["lines"]):
            where = data.line("countries", country, "lines", index)
            provision = laws.provisions.get(line["id"])
            if provision is None:
                if laws.country_of(line["id"]) not in laws.unreadable:
                    problems.append(Problem(path, where, f"unknown law `{line['id']}` on the {country} card",
                                            f"use an id from data/laws/{country}.yml"))
                continue
            if not lawbook.shown_as_fact(provision) or not lawbook.has_real_source(provision):
                problems.append(Problem(path, where, f"`{line['id']}` is not verified, so a card cannot state it",
                                        "verify it in data/laws/ (CONTRIBUTING, “How to verify a law”) or drop the line"))
            for name in ("limit", "penalty"):
                if any("{" + name + "}" in line[lang] for lang in ("ru", "en")) and not provision.get(name):
                    problems.append(Problem(path, where, f"the line shows {{{name}}} but `{line['id']}` has no {name}",
                                            f"remove {{{name}}} from the line, or add `{name}:` to the provision"))
    return data


CLOCK_UNITS = ("hours", "days", "months")  # what clock.js can add to a time; years have no clock


def _clock(root: Path, laws: lawbook.LawBook, problems: list[Problem]) -> dict:
    """data/clock.yml; every row is a sourced, stated limit, and its label holds no figure of its own."""
    data = _checked(root, "clock.yml", "clock.schema.json", problems)
    if data is None:
        return {}
    path = root / "data" / "clock.yml"

    def provision_problem(pid: str, where: int | None, need_limit: bool) -> str | None:
        provision = laws.provisions.get(pid)
        if provision is None:
            if laws.country_of(pid) not in laws.unreadable:
                problems.append(Problem(path, where, f"unknown law `{pid}` in the detention clock",
                                        f"use an id from data/laws/{laws.country_of(pid)}.yml"))
            return None
        if not lawbook.shown_as_fact(provision) or not lawbook.has_real_source(provision):
            problems.append(Problem(path, where, f"`{pid}` is not verified, so the detention clock cannot count with it",
                                    "verify it in data/laws/ (CONTRIBUTING, “How to verify a law”) or drop the row"))
        elif need_limit and provision.get("limit", {}).get("unit") not in CLOCK_UNITS:
            problems.append(Problem(path, where, f"`{pid}` has no time limit in {', '.join(CLOCK_UNITS)}, so the clock has nothing to count",
                                    "name a provision with `limit:` in hours, days or months"))
        return pid

    for country, entry in data.items():
        provision_problem(entry["counted_from"]["id"], data.line(country, "counted_from", "id"), need_limit=False)
        for index, row in enumerate(entry["rows"]):
            where = data.line(country, "rows", index)
            for pid in [row["id"], *row.get("also", [])]:
                if laws.country_of(pid) != country:
                    problems.append(Problem(path, where, f"`{pid}` is not a law of {country}", f"use an id from data/laws/{country}.yml"))
                elif (provision_problem(pid, where, need_limit=True) and pid != row["id"] and row["id"] in laws.provisions
                      and laws.provisions[pid].get("limit") != laws.provisions[row["id"]].get("limit")):
                    problems.append(Problem(path, where, f"`{pid}` (in `also`) has another limit than `{row['id']}`",
                                            "give it a row of its own"))
            for lang in ("ru", "en"):
                texts = [row[lang], row.get("working_day_note", {}).get(lang, "")]
                if any(ch.isdigit() for text in texts for ch in text):
                    problems.append(Problem(path, where, f"a figure typed into the {lang} label of `{row['id']}`",
                                            "write no number here: the clock takes the length from the provision's `limit`"))
            if row.get("next_working_day") and "working_day_note" not in row:
                problems.append(Problem(path, where, f"`{row['id']}` moves a weekend day but says nothing about holidays",
                                        "add `working_day_note` in ru and en: what the clock does not know"))
    return data


def _sources(root: Path, problems: list[Problem], lines: dict[str, int]) -> dict[str, dict]:
    """data/sources.yml by id (each id once): the documents footnotes cite as about/sources.md#<id>."""
    table = _checked(root, "sources.yml", "sources.schema.json", problems)
    if table is None:
        return {}
    found: dict[str, dict] = {}
    for index, entry in enumerate(table["sources"]):
        if entry["id"] in found:
            problems.append(Problem(root / "data" / "sources.yml", table.line("sources", index, "id"),
                                    f"the id `{entry['id']}` is used twice", "give each document its own id"))
        found.setdefault(entry["id"], entry)
        lines.setdefault(entry["id"], table.line("sources", index, "id"))
    return found


def page_exists(root: Path, lang: str, slug: str) -> bool:
    """Is there a page `slug` (rights/russia, raid) in docs/<lang>/?"""
    folder = root / "docs" / lang
    return (folder / f"{slug}.md").is_file() or (folder / slug / "index.md").is_file()


def _corrections(root: Path, data: Data, problems: list[Problem]) -> list[dict]:
    """Every page a correction names exists in each language, and every provision id exists."""
    log = _checked(root, "corrections.yml", "corrections.schema.json", problems)
    if log is None:
        return []
    path = root / "data" / "corrections.yml"
    for index, entry in enumerate(log["corrections"]):
        for position, slug in enumerate(entry["pages"]):
            missing = [lang for lang in LANGUAGES if not page_exists(root, lang, slug)]
            if missing:
                problems.append(Problem(path, log.line("corrections", index, "pages", position),
                                        f"the page `{slug}` does not exist in docs/{'/, docs/'.join(missing)}/",
                                        "write the page's path without .md, e.g. rights/russia"))
        for position, pid in enumerate(entry.get("provisions", [])):
            if pid not in data.laws.provisions and data.laws.country_of(pid) not in data.laws.unreadable:
                problems.append(Problem(path, log.line("corrections", index, "provisions", position),
                                        f"unknown provision `{pid}`", "use an id from data/laws/ (`make laws` lists them)"))
    return list(log["corrections"])


def _redirects(root: Path, problems: list[Problem]) -> dict[str, str]:
    """`old.md: new.md`: the new page exists in every language, the old one is no page any more."""
    table = _checked(root, "redirects.yml", "redirects.schema.json", problems)
    if table is None:
        return {}
    path = root / "data" / "redirects.yml"
    for old, new in table.items():
        line = table.line(old)
        for lang in LANGUAGES:
            if not page_exists(root, lang, new[:-3]):
                problems.append(Problem(path, line, f"`{old}: {new}` — docs/{lang}/{new} does not exist",
                                        "point the line at a page that exists"))
                break
            if page_exists(root, lang, old[:-3]):
                problems.append(Problem(path, line, f"`{old}` is still a page (docs/{lang}/{old})",
                                        "remove the line or the page"))
                break
    return dict(table)
