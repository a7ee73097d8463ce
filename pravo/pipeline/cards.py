"""Pocket cards: one printable A6 page per country and language, as PDF (cards/kg-ru.pdf,
cards/kg-ru-neutral.pdf, …), from data/cards.yml, data/laws/ and data/contacts.yml, so no
number on a card is typed by hand. `make check` refuses a line the data does not support
(pravo/data.py); a card that does not fit on one page stops the build: a half-true card is
worse than none.

WeasyPrint is the slowest part of a build, so each PDF is kept in .cache/pravo/cards/ under
the hash of its HTML: a rebuild draws only the cards whose text changed.
"""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import jinja2

from pravo import lawtext
from pravo.data import LANGUAGES
from pravo.markers.cards import CARDS_DIR, card_name
from pravo.pipeline import PLACEHOLDER_SITE_URL, Build
from pravo.problems import Problem, ProblemsFound

TEMPLATES = Path(__file__).resolve().parents[2] / "overrides" / "cards"
MARKS = {"secondary": " †", "unofficial_copy": " ‡"}  # explained in the card's footer


def fill(line: dict, provision: dict, build: Build, lang: str) -> str:
    book = build.data.laws
    code = book.codes[provision["code"]]
    values = {"article": f"{code['short'][lang]}, {lawtext.article(provision, lang)}{MARKS.get(provision['status'], '')}"}
    text = line[lang]
    if "{limit}" in text:
        values["limit"] = lawtext.limit(provision["limit"], lang, before=text.split("{limit}")[0])
    if "{penalty}" in text:
        values["penalty"] = lawtext.penalty(provision["penalty"], book.units, lang)
    return text.format(**values)


def context(build: Build, country: str, lang: str, neutral: bool) -> dict:
    data = build.data
    cards, book = data.cards, data.laws
    chosen = [line for line in cards["countries"][country]["lines"] if not (neutral and line.get("neutral") is False)]
    provisions = [book.provisions[line["id"]] for line in chosen]
    # The country's own organisations; the regional networks only where it has none.
    local = [o["name"][lang] for o in data.organisations if o["country"] == country]
    organisations = [] if neutral else local or [o["name"][lang] for o in data.organisations if o["country"] == "regional"]
    site = "" if neutral or build.site_url == PLACEHOLDER_SITE_URL else build.site_url
    return {
        "lang": lang,
        "title": cards["neutral_title" if neutral else "title"][lang],
        "country": book.countries[country]["name"][lang],
        "lines": [fill(line, book.provisions[line["id"]], build, lang) for line in chosen],
        "phrases": [p[lang] for p in cards["phrases"]],
        "secondary": any(p["status"] == "secondary" for p in provisions),
        "unofficial_copy": any(p["status"] == "unofficial_copy" for p in provisions),
        "organisations": organisations,
        "checked": lawtext.day(min(p["verified_on"] for p in provisions), lang),
        "site": site,
        "ui": data.ui(lang),
    }


def render(template: str, values: dict) -> str:
    """A template of overrides/cards/ (card, fact sheet, booklet), every value escaped unless marked safe."""
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    return environment.get_template(template).render(**values)


def markup(build: Build, country: str, lang: str, neutral: bool) -> str:
    return render("card.html", context(build, country, lang, neutral))


def weasyprint_version() -> str:
    from importlib.metadata import version

    return version("weasyprint")


def refuse_fetch(url: str, *args, **kwargs):
    raise ValueError(f"a PDF fetches nothing: {url[:80]}")


def draw(html: str, target: Path, cache: Path, root: Path, what: str = "A pocket card",
         fix: str = "shorten its lines in data/cards.yml", source: Path | None = None, pages: int | None = 1) -> None:
    """The PDF of a card (or the fact sheet, a booklet), from the cache when the same HTML was drawn
    before; `pages`: how many it must take (None: any number)."""
    key = hashlib.sha256((weasyprint_version() + html).encode("utf-8")).hexdigest()[:24]
    cached = cache / f"{key}.pdf"
    if not cached.exists():
        import weasyprint  # only here: a build whose cards are all cached never loads it (about a second)

        # Inline CSS and system fonts: nothing to fetch, and nothing a page's text names is fetched either.
        document = weasyprint.HTML(string=html, base_url=str(TEMPLATES), url_fetcher=refuse_fetch).render()
        if pages is not None and len(document.pages) != pages:
            raise ProblemsFound(f"{what} does not fit on one page:", [Problem(
                source or root / "data" / "cards.yml", None,
                f"{target.name} takes {len(document.pages)} pages; it must fit on one", fix)], root)
        cache.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".part")
        document.write_pdf(partial)
        partial.replace(cached)
    shutil.copyfile(cached, target)


def write(build: Build) -> None:
    cards = build.data.cards
    if not cards:
        return
    out = build.site / CARDS_DIR
    out.mkdir(parents=True, exist_ok=True)
    cache = build.root / ".cache" / "pravo" / "cards"
    for country in cards["countries"]:
        for lang in LANGUAGES:
            for neutral in (False, True):
                draw(markup(build, country, lang, neutral), out / card_name(country, lang, neutral), cache, build.root)
