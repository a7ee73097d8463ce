"""<!-- pravo:card kg --> : links to a country's pocket cards (PDF, titled and neutral).

The cards themselves are drawn after the build (pravo/pipeline/cards.py) from data/cards.yml.
"""
from __future__ import annotations

import html

from pravo.markers import Context, marker

CARDS_DIR = "cards"
BOOKLETS_DIR = "booklets"
# The countries with a booklet, and the page whose first section it prints.
BOOKLET_PAGES = {"kg": "rights/kyrgyzstan", "tj": "rights/tajikistan", "ru": "rights/russia"}


def card_name(country: str, lang: str, neutral: bool) -> str:
    return f"{country}-{lang}{'-neutral' if neutral else ''}.pdf"


@marker("card")
def card(ctx: Context, args: list[str]) -> str:
    country = args[0] if args else ""
    cards = ctx.data.cards or {"countries": {}}
    if country not in cards["countries"]:
        return ctx.problem(f"unknown country `{country}` in pravo:card",
                           f"use one of: {', '.join(cards['countries']) or 'the countries in data/cards.yml'}")
    lang, ui, e = ctx.lang, ctx.ui, html.escape

    def link(neutral: bool) -> str:
        target = ctx.page.link_to_file(f"{CARDS_DIR}/{card_name(country, lang, neutral)}")
        return f'<a href="{e(target)}" download>{e(ui["card.neutral" if neutral else "card.full"])}</a>'

    name = ctx.data.laws.countries[country]["name"][lang] if country in ctx.data.laws.countries else country
    return (f'<p class="pravo-card" data-card="{country}">{e(ui["card.label"])} — {e(name)}: '
            f'{link(False)} · {link(True)}</p>')


@marker("booklet")
def booklet(ctx: Context, args: list[str]) -> str:
    country = args[0] if args else ""
    if country not in BOOKLET_PAGES or country not in ctx.data.laws.countries:
        return ctx.problem(f"unknown country `{country}` in pravo:booklet", f"use one of: {', '.join(BOOKLET_PAGES)}")
    lang, ui, e = ctx.lang, ctx.ui, html.escape

    def link(neutral: bool) -> str:
        target = ctx.page.link_to_file(f"{BOOKLETS_DIR}/{card_name(country, lang, neutral)}")
        return f'<a href="{e(target)}" download>{e(ui["card.neutral" if neutral else "card.full"])}</a>'
    name = ctx.data.laws.countries[country]["name"][lang]
    return (f'<p class="pravo-card pravo-booklet" data-booklet="{country}">{e(ui["booklet.label"])} — {e(name)}: '
            f'{link(False)} · {link(True)}</p>')
