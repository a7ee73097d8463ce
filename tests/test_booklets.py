"""Booklets for outreach (#23.2): booklets/<country>-<lang>[-neutral].pdf, A5, at most 300 KB,
with the country page's one-screen answer, the raid steps, every time limit of the data as a
table, the contacts from data/contacts.yml, the date of the data and the site's address; the
neutral version names neither the site nor an organisation; an unverified fact stops the build."""
from __future__ import annotations

import copy
import json
import re

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from pravo import data, lawtext, pipeline
from pravo.pipeline import booklets
from pravo.problems import ProblemsFound

from sitebuild import ROOT, mkdocs_build

LOADED = data.load(ROOT)
COUNTRIES = {"kg": "kyrgyzstan", "tj": "tajikistan", "ru": "russia"}
SITE_URL = "https://pravo.example.net/"


def text_of(path) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(path).pages))


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    out = tmp_path_factory.mktemp("booklets") / "site"
    mkdocs_build(ROOT / "mkdocs.yml", out, site_url=SITE_URL, env_extra={"PRAVO_CONTACT": "press@example.net"})
    return out


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("country", COUNTRIES)
def test_a_booklet_is_a5_small_and_carries_the_datas_limits_steps_and_contacts(production, country, lang):
    path = production / "booklets" / f"{country}-{lang}.pdf"
    assert path.stat().st_size <= 300 * 1024
    reader = PdfReader(path)
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert abs(width - 419.5) < 2 and abs(height - 595.3) < 2, (width, height)  # A5 in points
    text = text_of(path)
    assert LOADED.laws.countries[country]["name"][lang] in text
    # Every time limit of the country's procedure from the data, with its number and its article.
    limits = [p for p in LOADED.laws.countries[country]["provisions"]
              if "limit" in p and p["kind"] in ("procedure", "right", "police") and p["status"] != "unverified"]
    assert len(limits) >= 4
    for provision in limits:
        assert re.search(rf"\b{provision['limit']['value']} \w", text), provision["id"]
        assert provision["article"] in text, provision["id"]
    # The raid steps as the raid page writes them (their bold first sentences).
    raid = (ROOT / "docs" / lang / "raid" / "index.md").read_text(encoding="utf-8")
    steps = re.findall(r"^\d\. \*\*(.+?)\*\*", raid, flags=re.M)
    assert len(steps) == 5
    for step in steps:
        assert step in text, step
    # The contacts with a published route: each route's value.
    entries = [e for group in ("organisations", "services") for e in LOADED.contacts[group]
               if e["country"] == country and e.get("routes")]
    assert entries, f"no contact with a route for {country}"
    for entry in entries:
        assert entry["name"][lang] in text
        for route in entry["routes"]:
            assert route["value"] in text.replace(" ", "") or route["value"] in text, route["value"]
    # The date of the data: no later than the oldest check of a limit in the table.
    label = re.escape(LOADED.ui(lang)["law.verified_on"])
    dates = {p["verified_on"] for p in LOADED.laws.provisions.values()}
    shown = [d for d in dates if re.search(label + " " + re.escape(lawtext.day(d, lang)), text)]
    assert len(shown) == 1 and shown[0] <= min(p["verified_on"] for p in limits), shown
    assert SITE_URL in text.replace(" ", "")
    # The screen-only box of the text to pass on (<!-- pravo:share -->) stays off paper.
    assert LOADED.ui(lang)["share.summary"] not in text and LOADED.ui(lang)["share.copy"] not in text


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("country", COUNTRIES)
def test_the_neutral_booklet_names_neither_the_site_nor_an_organisation(production, country, lang):
    text = text_of(production / "booklets" / f"{country}-{lang}-neutral.pdf")
    assert SITE_URL not in text.replace(" ", "")
    assert LOADED.cards["title"][lang] not in text
    assert LOADED.cards["neutral_title"][lang] in text
    for organisation in LOADED.contacts["organisations"]:
        assert organisation["name"][lang] not in text


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_country_and_card_pages_link_to_the_booklets_and_the_offline_copy_keeps_them(site, lang):
    prefix = "" if lang == "ru" else "en/"
    for page in [f"rights/{name}" for name in COUNTRIES.values()] + ["raid/pocket-cards"]:
        html = site / prefix / page / "index.html"
        links = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select(".pravo-booklet a[download]")
        assert links, f"{prefix}{page}: no booklet link"
        for link in links:
            assert (html.parent / link["href"]).resolve().is_file(), link["href"]
    files = json.loads((site / "offline" / f"{lang}.json").read_text(encoding="utf-8"))["files"]
    assert {f"booklets/{c}-{lang}.pdf" for c in COUNTRIES} <= set(files)


def test_a_booklet_refuses_an_unverified_provision(tmp_path):
    loaded = copy.deepcopy(LOADED)
    loaded.laws.provisions["kg.cop.126"]["status"] = "unverified"  # named, not quoted, in the summary
    build = pipeline.Build(root=ROOT, site=tmp_path / "site", data=loaded)
    with pytest.raises(ProblemsFound, match=r"kg\.cop\.126 is unverified"):
        booklets.write(build)
