"""Read data/laws/*.yml, check it against data/schemas/laws.schema.json, and say
where any problem is (file and line), for the build hook and for `make check`.

No MkDocs imports here: scripts/check.py and the tests use it directly.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import jsonschema
import yaml

TIME_UNITS = {"days", "hours", "months", "years"}
# The statuses, from the strongest reading to none; data/schemas/laws.schema.json lists the same.
STATUSES = ("verified", "unofficial_copy", "secondary", "unverified")
PLACEHOLDER_SOURCE = "example.invalid"
COMPARE_FILE = "compare.yml"


@dataclass(frozen=True)
class DataProblem:
    path: Path
    line: int | None
    message: str
    hint: str


def problem_lines(problems: list["DataProblem"], root: Path) -> str:
    """One `file:line: what — how to fix` line per problem, as the hooks and `make check` print them."""
    return "\n".join(f"{p.path.relative_to(root)}:{p.line}: {p.message} — {p.hint}" for p in problems)


@dataclass
class LawBook:
    """Every country's provisions, codes and units, keyed for lookup."""
    countries: dict[str, dict] = field(default_factory=dict)
    provisions: dict[str, dict] = field(default_factory=dict)
    codes: dict[str, dict] = field(default_factory=dict)
    units: dict[str, dict] = field(default_factory=dict)
    lines: dict[str, tuple[Path, int]] = field(default_factory=dict)  # provision id -> where it is written
    official_hosts: dict[str, list[str]] = field(default_factory=dict)  # country -> hosts of official publications
    glossary: dict[str, dict] = field(default_factory=dict)  # data/glossary.yml by id (its problems: load_glossary)
    problems: list[DataProblem] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)  # countries whose file has errors: their ids are not loaded

    def country_of(self, provision_id: str) -> str:
        return provision_id.split(".", 1)[0]


def _node_line(node: yaml.Node, path) -> int:
    """1-based line of the YAML node at a JSON path (keys and list indexes)."""
    for step in path:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == step:
                    node = value
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            break
    return node.start_mark.line + 1


def _schema_hint(error: jsonschema.ValidationError) -> str:
    if error.validator == "required":
        return "add the missing field (see data/schemas/laws.schema.json and the entries around it)"
    if error.validator == "additionalProperties":
        return "remove or rename the field; allowed fields are listed in data/schemas/laws.schema.json"
    if error.validator == "pattern":
        return f"write it in the form the schema expects ({error.schema.get('pattern')}); dates as \"2026-11-22\" in quotes"
    if error.validator == "enum":
        return f"use one of: {', '.join(map(str, error.schema['enum']))}"
    if error.validator == "type":
        return f"this must be a {error.schema['type']}"
    return "compare with a correct entry in the same file"


def _plain(value):
    """YAML dates become strings so the schema sees what the volunteer wrote."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def load_lawbook(root: Path) -> LawBook:
    """Load and check every data/laws/*.yml under `root`; problems are collected, not raised."""
    book = LawBook()
    schema = json.loads((root / "data" / "schemas" / "laws.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted((root / "data" / "laws").glob("*.yml")):
        if path.name == COMPARE_FILE:
            continue
        text = path.read_text(encoding="utf-8")
        try:
            node = yaml.compose(text)
            data = _plain(yaml.safe_load(text))
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            book.problems.append(DataProblem(path, mark.line + 1 if mark else None,
                                             f"not valid YAML ({getattr(error, 'problem', error)})",
                                             "check the indentation and put text with `:` or `#` in quotes"))
            book.unreadable.add(path.stem)
            continue
        errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
        for error in errors:
            where = "/".join(map(str, error.absolute_path)) or "the file"
            book.problems.append(DataProblem(path, _node_line(node, error.absolute_path),
                                             f"{where}: {error.message}", _schema_hint(error)))
        if errors:
            book.unreadable.add(path.stem)
            continue
        _collect(book, path, node, data)
    _check_compare(book, root / "data" / "laws" / COMPARE_FILE)
    book.glossary = load_glossary(root)[0]
    return book


def _check_compare(book: LawBook, path: Path) -> None:
    """Every id in the comparison table exists and has a real source."""
    if not path.exists():
        return
    text = path.read_text(encoding="utf-8")
    node, data = yaml.compose(text), yaml.safe_load(text)
    for index, row in enumerate(data.get("rows", [])):
        label = row.get("label")
        if not isinstance(label, dict) or set(label) != {"ru", "en"} or not all(isinstance(v, str) for v in label.values()):
            book.problems.append(DataProblem(path, _node_line(node, ["rows", index, "label"]),
                                             "a row label must be exactly {ru: \"…\", en: \"…\"}",
                                             "put labels that contain commas in double quotes"))
        if row.get("show") not in ("penalty", "limit", "title"):
            book.problems.append(DataProblem(path, _node_line(node, ["rows", index]),
                                             f"`show: {row.get('show')}` is not one of penalty, limit, title",
                                             "say what each cell prints: penalty, limit or title"))
        for country in data.get("countries", []):
            for position, pid in enumerate(row.get(country, [])):
                line = _node_line(node, ["rows", index, country, position])
                if country in book.unreadable:
                    continue
                if pid not in book.provisions:
                    book.problems.append(DataProblem(path, line, f"unknown provision `{pid}` in the comparison table",
                                                     f"use an id from data/laws/{country}.yml"))
                elif not has_real_source(book.provisions[pid]):
                    book.problems.append(DataProblem(path, line, f"`{pid}` has no source, so it cannot be compared",
                                                     "add a source to it or remove it from the table"))


def _collect(book: LawBook, path: Path, node: yaml.Node, data: dict) -> None:
    country = data["country"]
    if path.stem != country:
        book.problems.append(DataProblem(path, _node_line(node, ["country"]),
                                         f"country `{country}` does not match the file name",
                                         f"name the file data/laws/{country}.yml or fix `country`"))
    book.countries[country] = data
    book.units.update(data["units"])
    hosts = book.official_hosts[country] = data.get("official_hosts", [])
    for unit_id, unit in data["units"].items():
        for position, value in enumerate(unit.get("values", [])):
            label = f"the {unit_id} value for {value['year']}"
            for message, hint in source_problems(value, label, hosts):
                book.problems.append(DataProblem(path, _node_line(node, ["units", unit_id, "values", position]), message, hint))
    book.codes.update(data["codes"])
    for index, provision in enumerate(data["provisions"]):
        pid = provision["id"]
        line = _node_line(node, ["provisions", index])
        if pid in book.provisions:
            other_path, other_line = book.lines[pid]
            book.problems.append(DataProblem(path, line, f"the id `{pid}` is used twice",
                                             f"the other one is at {other_path.name}:{other_line}; give each provision its own id"))
            continue
        if not pid.startswith(country + "."):
            book.problems.append(DataProblem(path, line, f"the id `{pid}` does not start with `{country}.`",
                                             f"ids of this file start with the country, e.g. {country}.cop.126"))
        if provision["code"] not in data["codes"]:
            book.problems.append(DataProblem(path, _node_line(node, ["provisions", index, "code"]),
                                             f"`{pid}` names the code `{provision['code']}`, which is not under `codes:`",
                                             f"use one of: {', '.join(data['codes'])}"))
        for message, hint in source_problems(provision, pid, hosts):
            book.problems.append(DataProblem(path, _node_line(node, ["provisions", index, "sources"]), message, hint))
        for amount in _amounts(provision):
            unit = amount.get("unit")
            if unit and unit not in TIME_UNITS and unit not in data["units"]:
                book.problems.append(DataProblem(path, line, f"`{pid}` uses the unit `{unit}`, which is not under `units:`",
                                                 f"use days, hours, years or one of: {', '.join(data['units'])}"))
        book.provisions[pid] = provision
        book.lines[pid] = (path, line)


def _amounts(provision: dict):
    penalty = provision.get("penalty") or {}
    yield from penalty.get("any_of", [])
    yield from penalty.get("optional_extra", [])


def real_sources(entry: dict) -> list[dict]:
    """The sources other than the placeholder used for 'no source found'."""
    return [s for s in entry.get("sources", []) if PLACEHOLDER_SOURCE not in s.get("url", "")]


def has_real_source(provision: dict) -> bool:
    return bool(real_sources(provision))


def publisher(source: dict) -> str:
    """Who published a source, to tell independent reports apart: the site's domain
    (www. and sub-sites dropped: 77.lawto.bid is lawto.bid) or the repository's owner."""
    if source.get("repo"):
        return "github:" + source["repo"].split("/")[0].lower()
    host = urlparse(source.get("url", "")).hostname or ""
    return ".".join(host.lower().split(".")[-2:])


def on_host(url: str, hosts: list[str]) -> bool:
    """Is `url` on one of `hosts` (or a sub-site of one: publication.pravo.gov.ru is on pravo.gov.ru)?"""
    host = (urlparse(url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in hosts)


def official_problem(source: dict, hosts: list[str]) -> str | None:
    """Why a source marked `kind: official` is not one, or None. Official means the state's own
    publication, or a dated copy of it that says which official page it copies (`copy_of`)."""
    if source.get("url"):
        return None if on_host(source["url"], hosts) else (
            f"{source['url']} is not on an official host ({', '.join(hosts) or 'the file lists none under `official_hosts`'})")
    missing = [f for f in ("commit", "edition", "copy_of") if not source.get(f)]
    if missing:
        return f"the copy {source.get('repo')}:{source.get('path')} has no {', '.join(missing)}"
    if not on_host(source["copy_of"], hosts):
        return f"`copy_of` {source['copy_of']} is not on an official host ({', '.join(hosts)})"
    return None


def source_problems(entry: dict, label: str, official_hosts: list[str] | None = None) -> list[tuple[str, str]]:
    """What the status promises about sources. verified = read in the official text, so an
    `official` source on an official host (or a dated copy of one); unofficial_copy = the text read
    on an unofficial site, so a `copy` source; secondary = two independent reports, so two real
    sources from different publishers. Unverified may have none; the page then shows its marker."""
    hosts = official_hosts or []
    real = real_sources(entry)
    front_pages = [s["url"] for s in real if s.get("url") and urlparse(s["url"]).path in ("", "/") and not urlparse(s["url"]).query]
    if front_pages:
        # A reader (or a journalist) must be able to open the page the text was read on.
        return [(f"`{label}` cites {', '.join(front_pages)} — a site's front page, not the page where the text was read",
                 "give the full address of that page (https://site/path…), or remove the source")]
    problems = []
    kinds = set()
    for source in real:
        why = official_problem(source, hosts) if source.get("kind") == "official" else None
        if not why:
            kinds.add(source.get("kind"))
        else:
            problems.append((f"`{label}`: a source marked `kind: official` is not an official publication: {why}",
                             "mark it `kind: copy` (the law's text on an unofficial site) or `kind: report`; or add the "
                             "host to `official_hosts` if it really is the state's publication; a repository copy needs "
                             "`commit`, `edition` and `copy_of`"))
    status = entry.get("status")
    if status == "verified" and "official" not in kinds:
        problems.append((f"`{label}` is marked verified but names no official text it was read in",
                         "add the official publication (kind: official) with its edition; if you read the text on a "
                         "mirror site, set `status: unofficial_copy`; if only in reports, `status: secondary`"))
    elif status == "unofficial_copy" and not kinds & {"official", "copy"}:
        problems.append((f"`{label}` is marked unofficial_copy but no source is a copy of the law's text",
                         "add the page where you read the text (kind: copy), or set `status: secondary`"))
    elif status == "secondary" and len({publisher(s) for s in real}) < 2:
        found = (f"only sources from {', '.join(sorted({publisher(s) for s in real}))}" if real
                 else "no source with an address")
        problems.append((f"`{label}` is marked secondary but has {found}; secondary means two independent reports that agree",
                         "add a second report from another publisher (not a reprint), or set `status: unverified`"))
    return problems


def shown_as_fact(provision: dict) -> bool:
    """Whether the site may state this provision's penalty and limit: read somewhere, not unverified."""
    return provision["status"] != "unverified"


def marker_problem(book: LawBook, provision_id: str, kind: str = "law") -> tuple[str, str] | None:
    """What is wrong with `<!-- pravo:KIND ID -->` (KIND: law, penalty or limit), as (message, hint),
    or None. The build hook and `make check` both ask here, so they refuse the same things in the same words."""
    provision = book.provisions.get(provision_id)
    country = provision_id.split(".", 1)[0]
    if provision is None and country in book.unreadable:
        return None  # its file's own problems are reported; one bad value must not give hundreds of lines
    if provision is None:
        known = [pid for pid in book.provisions if pid.startswith(country + ".")][:3]
        return (f"unknown law `{provision_id}` (такой статьи нет в data/laws/)",
                f"use an id from data/laws/{country}.yml" + (f", e.g. {', '.join(known)}" if known else "")
                + " — `make laws` lists them all")
    if not has_real_source(provision):
        return f"`{provision_id}` has no source yet, so the site cannot state it", "add a source in data/laws/ or remove the marker"
    if kind in ("penalty", "limit"):
        if not shown_as_fact(provision):
            return (f"`{provision_id}` is unverified, so its {kind} cannot be stated as fact",
                    f"cite it with <!-- pravo:law {provision_id} --> (it shows the 'not yet verified' marker), "
                    "or verify it (CONTRIBUTING, “How to verify a law”)")
        if kind not in provision:
            return f"`{provision_id}` has no {kind} in data/laws/", f"use <!-- pravo:law {provision_id} -->, or add `{kind}:` to the entry"
    return None


def age_in_days(provision: dict, today: date) -> int:
    return (today - date.fromisoformat(provision["verified_on"])).days


def _read_checked(path: Path, validator, schema_name: str):
    """(YAML node, data, problems) of one data file checked against its schema; lines for each problem."""
    text = path.read_text(encoding="utf-8")
    try:
        node, data = yaml.compose(text), _plain(yaml.safe_load(text))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return None, None, [DataProblem(path, mark.line + 1 if mark else None,
                                        f"not valid YAML ({getattr(error, 'problem', error)})",
                                        "check the indentation and put text with `:` or `#` in quotes")]
    return node, data, [DataProblem(path, _node_line(node, e.absolute_path),
                                    f"{'/'.join(map(str, e.absolute_path)) or 'the file'}: {e.message}",
                                    _schema_hint(e).replace("laws.schema.json", schema_name))
                        for e in validator.iter_errors(data)]


def load_contacts(root: Path) -> tuple[list[dict], list[DataProblem]]:
    """data/contacts.yml, checked against data/schemas/contacts.schema.json (which reuses laws' definitions)."""
    from referencing import Registry, Resource

    path = root / "data" / "contacts.yml"
    if not path.exists():
        return [], []
    schemas = root / "data" / "schemas"
    laws_schema = json.loads((schemas / "laws.schema.json").read_text(encoding="utf-8"))
    registry = Registry().with_resource("laws.schema.json", Resource.from_contents(laws_schema))
    validator = jsonschema.Draft202012Validator(
        json.loads((schemas / "contacts.schema.json").read_text(encoding="utf-8")), registry=registry)
    node, data, problems = _read_checked(path, validator, "contacts.schema.json")
    return ([] if problems else data["organisations"]), problems


def load_glossary(root: Path) -> tuple[dict[str, dict], list[DataProblem]]:
    """data/glossary.yml by id, checked against data/schemas/glossary.schema.json; `see` must name entries."""
    path = root / "data" / "glossary.yml"
    if not path.exists():
        return {}, []
    validator = jsonschema.Draft202012Validator(
        json.loads((root / "data" / "schemas" / "glossary.schema.json").read_text(encoding="utf-8")))
    node, data, problems = _read_checked(path, validator, "glossary.schema.json")
    if problems:
        return {}, problems
    terms: dict[str, dict] = {}
    for index, entry in enumerate(data["terms"]):
        line = _node_line(node, ["terms", index])
        if entry["id"] in terms:
            problems.append(DataProblem(path, line, f"the id `{entry['id']}` is used twice", "give each entry its own id"))
        terms[entry["id"]] = entry
    for index, entry in enumerate(data["terms"]):
        for other in entry.get("see", []):
            if other not in terms:
                problems.append(DataProblem(path, _node_line(node, ["terms", index, "see"]),
                                            f"`{entry['id']}` refers to `{other}`, which is not in the glossary",
                                            "use the id of an existing entry, or add that entry"))
    return terms, problems


def load_corrections(root: Path, book: LawBook) -> tuple[list[dict], list[DataProblem]]:
    """data/corrections.yml, checked against its schema; every page it names exists in each
    language and every provision id exists, so the log never points nowhere."""
    path = root / "data" / "corrections.yml"
    if not path.exists():
        return [], []
    validator = jsonschema.Draft202012Validator(
        json.loads((root / "data" / "schemas" / "corrections.schema.json").read_text(encoding="utf-8")))
    node, data, problems = _read_checked(path, validator, "corrections.schema.json")
    if problems:
        return [], problems
    for index, entry in enumerate(data["corrections"]):
        for position, slug in enumerate(entry["pages"]):
            missing = [lang for lang in ("ru", "en") if not (root / "docs" / lang / f"{slug}.md").exists()
                       and not (root / "docs" / lang / slug / "index.md").exists()]
            if missing:
                problems.append(DataProblem(path, _node_line(node, ["corrections", index, "pages", position]),
                                            f"the page `{slug}` does not exist in docs/{'/, docs/'.join(missing)}/",
                                            "write the page's path without .md, e.g. rights/russia"))
        for position, pid in enumerate(entry.get("provisions", [])):
            if pid not in book.provisions and pid.split(".", 1)[0] not in book.unreadable:
                problems.append(DataProblem(path, _node_line(node, ["corrections", index, "provisions", position]),
                                            f"unknown provision `{pid}`", "use an id from data/laws/ (`make laws` lists them)"))
    return data["corrections"], problems
