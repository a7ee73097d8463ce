"""Pocket cards: one printable A6 page per country and language, as PDF.

Built from data/cards.yml, data/laws/ and data/contacts.yml into site/cards/
(kg-ru.pdf, kg-ru-neutral.pdf, ...), so no number on a card is typed by hand.
A page links to a country's cards with

    <!-- pravo:card kg -->

A card that names an unverified provision, or does not fit on one page, stops the
build: a half-true card is worse than none.
"""
from __future__ import annotations

import html
import logging
import re
import sys
from pathlib import Path

import jinja2
import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))
import site_paths  # noqa: E402
import lawdata  # noqa: E402
import lawtext  # noqa: E402
from ui_strings import load_strings  # noqa: E402

log = logging.getLogger("mkdocs.hooks.pocket_cards")

MARKER = re.compile(r"<!--\s*pravo:card\s+([a-z]+)\s*-->")
CARDS_DIR = "cards"
LANGUAGES = ("ru", "en")
TEMPLATES = Path(__file__).parent.parent / "cards"
STATE: dict = {}


def card_name(country: str, lang: str, neutral: bool) -> str:
    return f"{country}-{lang}{'-neutral' if neutral else ''}.pdf"


def fill(line: dict, provision: dict, book, lang: str) -> str:
    code = book.codes[provision["code"]]
    article = f"{code['short'][lang]}, {lawtext.article(provision, lang)}"
    article += {"secondary": " †", "unofficial_copy": " ‡"}.get(provision["status"], "")
    values = {"article": article}
    if "{limit}" in line[lang]:
        values["limit"] = lawtext.limit(provision["limit"], lang, before=line[lang].split("{limit}")[0])
    if "{penalty}" in line[lang]:
        values["penalty"] = lawtext.penalty(provision["penalty"], book.units, lang)
    return line[lang].format(**values)


def card_problems(cards: dict, book) -> list[str]:
    """Everything that would make a card state something the data does not support."""
    problems = []
    for country, card in cards["countries"].items():
        for line in card["lines"]:
            provision = book.provisions.get(line["id"])
            where = f"data/cards.yml ({country}, {line['id']})"
            if provision is None:
                problems.append(f"{where}: unknown law id — use an id from data/laws/{country}.yml")
                continue
            if not lawdata.shown_as_fact(provision) or not lawdata.has_real_source(provision):
                problems.append(f"{where}: the provision is not verified, so a card cannot state it "
                                "— verify it in data/laws/ (see CONTRIBUTING, How to verify a law) or drop the line")
            for field in ("limit", "penalty"):
                if any("{" + field + "}" in line[lang] for lang in LANGUAGES) and not provision.get(field):
                    problems.append(f"{where}: the line shows {{{field}}} but the provision has no {field}")
    return problems


def card_context(country: str, lang: str, neutral: bool, config) -> dict:
    book, cards = STATE["book"], STATE["cards"]
    ui = {**STATE["strings"]["ru"], **STATE["strings"].get(lang, {})}
    chosen = [line for line in cards["countries"][country]["lines"] if not (neutral and line.get("neutral") is False)]
    provisions = [book.provisions[line["id"]] for line in chosen]
    checked = min(p["verified_on"] for p in provisions)
    # The country's own organisations; the regional networks only where it has none.
    local = [o["name"][lang] for o in STATE["organisations"] if o["country"] == country]
    organisations = [] if neutral else local or [
        o["name"][lang] for o in STATE["organisations"] if o["country"] == "regional"]
    return {
        "lang": lang,
        "title": cards["neutral_title" if neutral else "title"][lang],
        "country": book.countries[country]["name"][lang],
        "lines": [fill(line, book.provisions[line["id"]], book, lang) for line in chosen],
        "phrases": [p[lang] for p in cards["phrases"]],
        "secondary": any(p["status"] == "secondary" for p in provisions),
        "unofficial_copy": any(p["status"] == "unofficial_copy" for p in provisions),
        "organisations": organisations,
        "checked": lawtext.day(checked, lang),
        "site": "" if neutral else config.get("site_url") or "",
        "ui": ui,
    }


def render_card(context: dict, base_url: str):
    import weasyprint  # imported here so a page build that needs no card stays light
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    markup = environment.get_template("card.html").render(**context)
    return weasyprint.HTML(string=markup, base_url=base_url).render()  # the CSS is inline: nothing to fetch


def on_config(config):
    root = Path(config.config_file_path).parent
    book = lawdata.load_lawbook(root)
    organisations, _ = lawdata.load_contacts(root)  # the laws and contacts hooks report their own problems
    cards = yaml.safe_load((root / "data" / "cards.yml").read_text(encoding="utf-8"))
    STATE.update(book=book, cards=cards, organisations=organisations, strings=load_strings(root / "i18n"))
    if not book.problems:
        problems = card_problems(cards, book)
        if problems:
            raise PluginError("The pocket cards in data/cards.yml have problems:\n" + "\n".join(problems))
    return config


def on_page_markdown(markdown, page, config, files):
    if "pravo:card" not in markdown:
        return markdown
    lang = lawtext.data_language(getattr(page.file, "locale", None) or config.theme["language"])
    ui = {**STATE["strings"]["ru"], **STATE["strings"].get(lang, {})}

    def link(country: str, neutral: bool) -> str:
        target = site_paths.from_page(page, f"{CARDS_DIR}/{card_name(country, lang, neutral)}")
        label = ui["card.neutral" if neutral else "card.full"]
        return f'<a href="{target}" download>{html.escape(label)}</a>'

    def replace(match):
        country = match.group(1)
        if country not in STATE["cards"]["countries"]:
            log.warning("%s: no pocket card for `%s` — use kg, tj or ru", page.file.src_uri, country)
            return ""
        name = STATE["book"].countries[country]["name"][lang]
        return (f'<p class="pravo-card" data-card="{country}">{html.escape(ui["card.label"])} — {html.escape(name)}: '
                f'{link(country, False)} · {link(country, True)}</p>')
    return MARKER.sub(replace, markdown)


# After mkdocs-static-i18n (-100) has built every language, like the search index.
@event_priority(-150)
def on_post_build(config):
    if not site_paths.last_language_built(config):
        return
    out = Path(config.site_dir) / CARDS_DIR
    out.mkdir(parents=True, exist_ok=True)
    for country in STATE["cards"]["countries"]:
        for lang in LANGUAGES:
            for neutral in (False, True):
                document = render_card(card_context(country, lang, neutral, config), str(TEMPLATES))
                name = card_name(country, lang, neutral)
                if len(document.pages) != 1:
                    raise PluginError(f"Pocket card {name} takes {len(document.pages)} pages; it must fit on one "
                                      "— shorten the lines in data/cards.yml")
                document.write_pdf(out / name)
    log.info("Pocket cards written to %s", out)
