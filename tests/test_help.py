"""Help that leads somewhere (issue 22): by country and need, whom to contact now, each contact with
its routes exactly as published, its sources and the date it was checked."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from pravo import data

from sitebuild import ROOT

CONTACTS = data.load(ROOT).contacts
COUNTRIES = {"kg": "kyrgyzstan", "tj": "tajikistan", "ru": "russia"}


def help_page(site, lang: str) -> BeautifulSoup:
    folder = site if lang == "ru" else site / lang
    return BeautifulSoup((folder / "help" / "index.html").read_text(encoding="utf-8"), "html.parser")


def section(page: BeautifulSoup, anchor: str) -> list:
    """The elements between a country's heading and the next h2."""
    heading = page.find("h2", id=anchor)
    assert heading is not None, f"no section #{anchor}"
    found = []
    for element in heading.find_next_siblings():
        if element.name == "h2":
            break
        found.append(element)
    return found


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("country", sorted(COUNTRIES))
def test_each_country_says_whom_to_contact_now_with_a_route_that_works(site, lang, country):
    elements = section(help_page(site, lang), COUNTRIES[country])
    helps = [e for e in elements if "pravo-help" in (e.get("class") or [])]
    needs = [f for f in CONTACTS["fallbacks"] if f["country"] == country]
    assert len(helps) == len(needs) >= 3, "a block for every need the data covers"
    routes = [a["href"] for e in helps for a in e.select("li a[href]") if re.match(r"^(tel:|https://|mailto:)", a["href"])]
    assert routes, f"{country}: no contact route anyone could use"


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_contact_shows_its_sources_and_the_date_it_was_checked(site, lang):
    page = help_page(site, lang)
    blocks = page.select(".pravo-contact")
    assert blocks
    for block in blocks:
        meta = block.select_one("details.pravo-law__meta")
        assert meta is not None, block.get("data-contact")
        assert re.search(r"\d{2}\.\d{2}\.\d{4}|\d{1,2} \w+ \d{4}", meta.summary.get_text()), block.get("data-contact")
        assert meta.select("a[href^='https://'], a[href^='http://']"), f"{block.get('data-contact')} names no source"


def test_every_route_of_the_data_is_on_the_page_as_published(site):
    page = help_page(site, "ru").get_text(" ")
    for group in ("organisations", "services"):
        for entry in CONTACTS.get(group, []):
            for route in entry.get("routes", []):
                assert route["value"] in page, (entry["id"], route["value"])


def test_a_phone_route_says_what_it_leaves_on_a_shared_phone(site):
    page = help_page(site, "en")
    phones = [a for a in page.select(".pravo-contact a[href^='tel:']")]
    assert phones
    for link in phones:
        item = link.find_parent("li")
        assert "From a shared phone" in item.get_text(" "), item.get_text(" ")


def test_a_production_build_needs_the_address_and_the_contact(tmp_path, monkeypatch, capsys):
    import build  # scripts/build.py

    site = tmp_path / "site"
    monkeypatch.delenv("PRAVO_SITE_URL", raising=False)
    monkeypatch.delenv("PRAVO_CONTACT", raising=False)
    assert build.build(site, root=tmp_path) == 1
    said = capsys.readouterr().err
    assert "PRAVO_SITE_URL is not set" in said and "PRAVO_CONTACT is not set" in said and "make preview" in said
    monkeypatch.setenv("PRAVO_SITE_URL", "https://pravo.example.org/")
    monkeypatch.setenv("PRAVO_CONTACT", "javascript:alert(1)")
    assert build.build(site, root=tmp_path) == 1
    said = capsys.readouterr().err
    assert "the placeholder" in said and "is neither an e-mail address" in said
    assert not site.exists(), "nothing was built"


@pytest.mark.parametrize("contact, link", [("corrections@example.net", "mailto:corrections@example.net"),
                                           ("@pravo_corrections", "https://t.me/pravo_corrections"),
                                           ("https://example.net/write", "https://example.net/write"),
                                           ("<script>", None), ("http://plain.example/", None)])
def test_the_contact_becomes_a_link_only_when_it_is_one(contact, link):
    from pravo.settings import contact_link

    assert contact_link(contact) == link


def test_the_site_says_plainly_when_a_copy_has_no_contact(site):
    about = BeautifulSoup((site / "about" / "index.html").read_text(encoding="utf-8"), "html.parser")
    shown = about.select_one(".pravo-site-contact")
    assert shown is not None and "не указан адрес" in shown.get_text()
    for path in ("journalists/index.html", "about/corrections/index.html", "en/about/index.html"):
        assert BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser").select_one(".pravo-site-contact")


def test_a_deployments_contact_is_shown_where_readers_and_journalists_look(tmp_path):
    from pravo import data as project_data
    from pravo import markers
    from pravo.pages import Page
    from pravo.settings import Settings

    text, problems = markers.expand(project_data.load(ROOT), Page(ROOT, "ru/about/index.md", "ru"),
                                    "<!-- pravo:contact -->", settings=Settings(contact="corrections@example.net"))
    assert problems == []
    assert 'href="mailto:corrections@example.net"' in text and "Исправления и вопросы прессы" in text
