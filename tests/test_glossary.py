"""The glossary page: every entry of data/glossary.yml, in both languages, with its sources."""
from __future__ import annotations

import yaml
from bs4 import BeautifulSoup

from sitebuild import ROOT

TERMS = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))["terms"]


def glossary(site, prefix: str) -> BeautifulSoup:
    return BeautifulSoup((site / prefix / "journalists" / "glossary" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")


def test_every_entry_is_on_the_glossary_page_in_both_languages(site):
    for lang, other, prefix in (("ru", "en", ""), ("en", "ru", "en")):
        page = glossary(site, prefix)
        for entry in TERMS:
            term = page.select_one(f"dl.pravo-glossary dt#{entry['id']}")
            assert term is not None, f"{lang}: {entry['id']} is missing from the glossary page"
            assert entry["term"][lang] in term.get_text(), f"{lang}: {entry['id']} is not shown in {lang}"
            assert entry["term"][other] in term.select_one(f"[lang={other}]").get_text()
            definition = term.find_next_sibling("dd").get_text(" ", strip=True)
            assert " ".join(entry["definition"][lang].split())[:60] in " ".join(definition.split())


def test_every_source_of_an_entry_is_linked(site):
    page = glossary(site, "en")
    for entry in TERMS:
        links = {a["href"] for a in page.select_one(f"dt#{entry['id']}").find_next_sibling("dd").select("a[href^='http']")}
        assert {s["url"] for s in entry.get("sources", [])} <= links, entry["id"]


def test_the_glossary_page_is_not_an_outline(site):
    for prefix in ("", "en"):
        assert not glossary(site, prefix).select(".pravo-banner--outline")
