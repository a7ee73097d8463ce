"""The legal provisions of data/laws/<country>.yml: loaded, checked against
data/schemas/laws.schema.json, and held for lookup by id.

The rules a status promises about its sources live here, once:
verified = read in an official publication (or a dated copy of one), unofficial_copy = the
law's text read on an unofficial site, secondary = two independent reports that agree,
unverified = none of these (the site never states it as fact).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from pravo import schema, yamlfile
from pravo.problems import Problem

TIME_UNITS = {"days", "hours", "months", "years"}
# The statuses, from the strongest reading to none; data/schemas/laws.schema.json lists the same.
STATUSES = ("verified", "unofficial_copy", "secondary", "unverified")
PLACEHOLDER_SOURCE = "example.invalid"
COMPARE_FILE = "compare.yml"
COUNTRY_PAGES = {"kg": "rights/kyrgyzstan", "tj": "rights/tajikistan", "ru": "rights/russia"}
KIND_ORDER = ["offence", "exemption", "procedure", "right", "police", "criminal"]


@dataclass
class LawBook:
    """Every country's provisions, codes and units, keyed for lookup."""
    countries: dict[str, dict] = field(default_factory=dict)
    provisions: dict[str, dict] = field(default_factory=dict)
    codes: dict[str, dict] = field(default_factory=dict)
    units: dict[str, dict] = field(default_factory=dict)
    lines: dict[str, tuple[Path, int]] = field(default_factory=dict)  # provision id -> where it is written
    official_hosts: dict[str, list[str]] = field(default_factory=dict)  # country -> hosts of official publications
    compare: dict | None = None  # data/laws/compare.yml
    problems: list[Problem] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)  # countries whose file has errors: their ids are not loaded

    def country_of(self, provision_id: str) -> str:
        return provision_id.split(".", 1)[0]


def anchor(provision_id: str) -> str:
    """The id of a provision's entry on its country page: kg.cop.109-2 -> kg-cop-109-2."""
    return provision_id.replace(".", "-")


def load(root: Path) -> LawBook:
    """Load and check every data/laws/*.yml under `root`; problems are collected, not raised."""
    book = LawBook()
    for path in sorted((root / "data" / "laws").glob("*.yml")):
        if path.name == COMPARE_FILE:
            continue
        try:
            document = yamlfile.read(path)
        except yamlfile.YamlError as error:
            book.problems.append(error.problem)
            book.unreadable.add(path.stem)
            continue
        errors = schema.check(root, document, "laws.schema.json")
        if errors:
            book.problems += errors
            book.unreadable.add(path.stem)
            continue
        _collect(book, document)
    _load_compare(book, root / "data" / "laws" / COMPARE_FILE)
    return book


def _load_compare(book: LawBook, path: Path) -> None:
    """Every id in the comparison table exists and has a real source."""
    if not path.exists():
        return
    try:
        document = yamlfile.read(path)
    except yamlfile.YamlError as error:
        book.problems.append(error.problem)
        return
    data, node = document.data, document.node
    if not isinstance(data, dict) or not isinstance(data.get("rows"), list) or not isinstance(data.get("countries"), list):
        book.problems.append(Problem(path, 1, "the table needs `countries: [kg, tj, ru]` and a list of `rows:`",
                                     "restore the file's shape from git"))
        return
    for index, row in enumerate(data["rows"]):
        label = row.get("label") if isinstance(row, dict) else None
        if not isinstance(label, dict) or set(label) != {"ru", "en"} or not all(isinstance(v, str) for v in label.values()):
            book.problems.append(Problem(path, yamlfile.node_line(node, ["rows", index, "label"]),
                                         "a row label must be exactly {ru: \"…\", en: \"…\"}",
                                         "put labels that contain commas in double quotes"))
            continue
        if row.get("show") not in ("penalty", "limit", "title"):
            book.problems.append(Problem(path, yamlfile.node_line(node, ["rows", index]),
                                         f"`show: {row.get('show')}` is not one of penalty, limit, title",
                                         "say what each cell prints: penalty, limit or title"))
        for country in data["countries"]:
            if country in book.unreadable:
                continue
            for position, pid in enumerate(row.get(country) or []):
                line = yamlfile.node_line(node, ["rows", index, country, position])
                if pid not in book.provisions:
                    book.problems.append(Problem(path, line, f"unknown provision `{pid}` in the comparison table",
                                                 f"use an id from data/laws/{country}.yml"))
                elif not has_real_source(book.provisions[pid]):
                    book.problems.append(Problem(path, line, f"`{pid}` has no source, so it cannot be compared",
                                                 "add a source to it or remove it from the table"))
    book.compare = data


def _collect(book: LawBook, document: yamlfile.YamlFile) -> None:
    path, node, data = document.path, document.node, document.data
    country = data["country"]
    if path.stem != country:
        book.problems.append(Problem(path, yamlfile.node_line(node, ["country"]),
                                     f"country `{country}` does not match the file name",
                                     f"name the file data/laws/{country}.yml or fix `country`"))
    book.countries[country] = data
    book.units.update(data["units"])
    hosts = book.official_hosts[country] = data.get("official_hosts", [])
    for unit_id, unit in data["units"].items():
        for position, value in enumerate(unit.get("values", [])):
            label = f"the {unit_id} value for {value['year']}"
            line = yamlfile.node_line(node, ["units", unit_id, "values", position])
            book.problems += [Problem(path, line, m, h) for m, h in source_problems(value, label, hosts)]
    book.codes.update(data["codes"])
    for index, provision in enumerate(data["provisions"]):
        pid = provision["id"]
        line = yamlfile.node_line(node, ["provisions", index])
        if pid in book.provisions:
            other_path, other_line = book.lines[pid]
            book.problems.append(Problem(path, line, f"the id `{pid}` is used twice",
                                         f"the other one is at {other_path.name}:{other_line}; give each provision its own id"))
            continue
        if not pid.startswith(country + "."):
            book.problems.append(Problem(path, line, f"the id `{pid}` does not start with `{country}.`",
                                         f"ids of this file start with the country, e.g. {country}.cop.126"))
        if provision["code"] not in data["codes"]:
            book.problems.append(Problem(path, yamlfile.node_line(node, ["provisions", index, "code"]),
                                         f"`{pid}` names the code `{provision['code']}`, which is not under `codes:`",
                                         f"use one of: {', '.join(data['codes'])}"))
        sources_line = yamlfile.node_line(node, ["provisions", index, "sources"])
        book.problems += [Problem(path, sources_line, m, h) for m, h in source_problems(provision, pid, hosts)]
        for amount in _amounts(provision):
            unit = amount.get("unit")
            if unit and unit not in TIME_UNITS and unit not in data["units"]:
                book.problems.append(Problem(path, line, f"`{pid}` uses the unit `{unit}`, which is not under `units:`",
                                             f"use days, hours, months, years or one of: {', '.join(data['units'])}"))
        book.provisions[pid] = provision
        book.lines[pid] = (path, line)


def _amounts(provision: dict):
    penalty = provision.get("penalty") or {}
    for group in ("any_of", "always_with", "optional_extra"):
        yield from penalty.get(group, [])


def real_sources(entry: dict) -> list[dict]:
    """The sources other than the placeholder used for 'no source found'."""
    return [s for s in entry.get("sources", []) if PLACEHOLDER_SOURCE not in s.get("url", "")]


def has_real_source(provision: dict) -> bool:
    return bool(real_sources(provision))


def shown_as_fact(provision: dict) -> bool:
    """Whether the site may state this provision's penalty and limit: read somewhere, not unverified."""
    return provision["status"] != "unverified"


def publisher(source: dict) -> str:
    """Who published a source, to tell independent reports apart: the site's domain
    (www. and sub-sites dropped: 77.lawto.bid is lawto.bid) or the repository's owner."""
    if source.get("repo"):
        return "github:" + source["repo"].split("/")[0].lower()
    host = urlparse(source.get("url", "")).hostname or ""
    return ".".join(host.lower().split(".")[-2:])


def source_url(source: dict) -> str:
    """The address a reader opens: the page, or the file in its repository at the commit read."""
    if source.get("url"):
        return source["url"]
    return f"https://github.com/{source['repo']}/blob/{source.get('commit', 'HEAD')}/{source['path']}"


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
    """What the status promises about sources, as (message, hint) pairs."""
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


def marker_problem(book: LawBook, provision_id: str, kind: str = "law") -> tuple[str, str] | None:
    """What is wrong with `<!-- pravo:KIND ID -->` (KIND: law, penalty or limit), as (message, hint), or None."""
    provision = book.provisions.get(provision_id)
    country = book.country_of(provision_id)
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


def age_in_days(entry: dict, today: date) -> int:
    return (today - date.fromisoformat(entry["verified_on"])).days
