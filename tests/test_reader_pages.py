"""Pages a reader under stress can use (issue 20): the answer on the first screen, the full legal
entries folded, a country page short enough to read in a police van."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

COUNTRY_PAGES = ["rights/kyrgyzstan", "rights/tajikistan", "rights/russia", "rights/migrants-russia"]
MAX_VISIBLE_WORDS = 1500
WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def article(site, lang: str, slug: str):
    folder = site if lang == "ru" else site / lang
    return BeautifulSoup((folder / slug / "index.html").read_text(encoding="utf-8"), "html.parser").select_one("article")


def visible_words(body) -> list[str]:
    """The words a reader sees before opening anything: folded text counts by its summary only."""
    for fold in body.select("details"):
        for child in list(fold.children):
            if getattr(child, "name", None) != "summary":
                child.extract()
    for anchor in body.select("a.headerlink"):
        anchor.extract()
    return WORD.findall(body.get_text(" "))


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("slug", COUNTRY_PAGES)
def test_a_country_page_shows_at_most_1500_words_before_anything_is_opened(site, lang, slug):
    count = len(visible_words(article(site, lang, slug)))
    assert count <= MAX_VISIBLE_WORDS, f"{lang}/{slug}: {count} visible words"


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("slug", COUNTRY_PAGES)
def test_every_full_entry_of_a_country_page_is_folded(site, lang, slug):
    body = article(site, lang, slug)
    entries = body.select(".pravo-law")
    assert entries, f"{lang}/{slug} shows no legal entry"
    assert all(entry.find_parent("details", class_="pravo-laws") for entry in entries)
    assert all(meta.name == "details" for meta in body.select(".pravo-law__meta")), "sources are one line, folded"
