"""Pocket cards: six one-page PDFs whose numbers are the data's, read back from the PDF text."""
from __future__ import annotations

import io
import re
from types import SimpleNamespace

import pytest
import yaml
from mkdocs.exceptions import PluginError
from pypdf import PdfReader

import lawdata
import pocket_cards
from sitebuild import ROOT

BOOK = lawdata.load_lawbook(ROOT)
COMPARE = yaml.safe_load((ROOT / "data" / "laws" / "compare.yml").read_text(encoding="utf-8"))
CARDS = yaml.safe_load((ROOT / "data" / "cards.yml").read_text(encoding="utf-8"))
COUNTRIES = ("kg", "tj", "ru")
LANGUAGES = ("ru", "en")


def card_text(site, name: str) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO((site / "cards" / name).read_bytes()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), re.sub(r"\s+", " ", text)


def limit_rows(country: str):
    """The time limits the comparison table names for a country: the ones a card must carry."""
    for row in COMPARE["rows"]:
        if row["show"] == "limit":
            yield from (BOOK.provisions[pid] for pid in row[country])


@pytest.mark.parametrize("country", COUNTRIES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_card_is_one_page_with_its_countrys_articles_and_limits(site, country, lang):
    pages, text = card_text(site, f"{country}-{lang}.pdf")
    assert pages == 1
    assert BOOK.countries[country]["name"][lang] in text
    for provision in limit_rows(country):
        article = provision["article"]
        assert re.search(rf"\b{re.escape(article)}\b", text), f"{provision['id']}: article {article} missing"
        value = provision["limit"]["value"]
        assert re.search(rf"\b{value}\b", text), f"{provision['id']}: its limit {value} is missing"
    for line in CARDS["countries"][country]["lines"]:
        assert BOOK.provisions[line["id"]]["article"] in text, f"{line['id']} is not on the card"


@pytest.mark.parametrize("country", COUNTRIES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_neutral_card_says_nothing_about_who_carries_it(site, country, lang):
    pages, text = card_text(site, f"{country}-{lang}-neutral.pdf")
    assert pages == 1
    assert text.startswith(CARDS["neutral_title"][lang])
    assert CARDS["title"][lang] not in text
    assert "http" not in text, "no site address on the neutral card"
    for line in CARDS["countries"][country]["lines"]:
        if line.get("neutral") is False:
            article = BOOK.provisions[line["id"]]["article"]
            assert not re.search(rf"\b{re.escape(article)}\b", text), f"{line['id']} is on the neutral card"
    for word in ("секс", "sex", "проститу", "prostitut"):
        assert word not in text.lower()


def test_the_selling_sex_penalty_on_the_card_is_the_datas(site):
    pages, text = card_text(site, "tj-ru.pdf")
    penalty = BOOK.provisions["tj.coao.130.1"]["penalty"]["any_of"][0]
    assert f"{penalty['min']} до {penalty['max']}" in text


def test_country_and_card_pages_link_to_the_cards(site):
    for path in ("raid/pocket-cards/index.html", "rights/kyrgyzstan/index.html", "en/rights/russia/index.html"):
        html = (site / path).read_text(encoding="utf-8")
        links = re.findall(r'\shref="([^"]*cards/[a-z]{2}-[a-z]{2}(?:-neutral)?\.pdf)"', html)
        assert links, f"{path} does not link to a card"
        for link in links:
            target = (site / path).parent.joinpath(link).resolve()
            assert target.exists(), f"{path}: {link} leads nowhere"


def unverified_copy(provision_id: str):
    book = lawdata.load_lawbook(ROOT)
    book.provisions[provision_id] = {**book.provisions[provision_id], "status": "unverified"}
    return book


def test_a_card_refuses_an_unverified_provision():
    problems = pocket_cards.card_problems(CARDS, unverified_copy("kg.cop.526"))
    assert len(problems) == 1
    assert "data/cards.yml (kg, kg.cop.526)" in problems[0] and "not verified" in problems[0]


def test_a_card_refuses_an_unknown_id_and_a_missing_number():
    cards = {"countries": {"kg": {"lines": [
        {"id": "kg.cop.9999", "ru": "x", "en": "x"},
        {"id": "kg.cop.505", "ru": "Срок {limit}", "en": "Limit {limit}"},
    ]}}}
    problems = pocket_cards.card_problems(cards, BOOK)
    assert any("kg.cop.9999" in p and "unknown law id" in p for p in problems)
    assert any("kg.cop.505" in p and "no limit" in p for p in problems)


def test_a_card_that_does_not_fit_on_one_page_stops_the_build(tmp_path, monkeypatch):
    pocket_cards.on_config(SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml")))
    long_card = {**CARDS, "countries": {"kg": {"lines": CARDS["countries"]["kg"]["lines"] * 6}}}
    monkeypatch.setitem(pocket_cards.STATE, "cards", long_card)
    config = SimpleNamespace(plugins={}, site_dir=str(tmp_path), get=lambda key, default=None: None)
    with pytest.raises(PluginError, match=r"kg-ru\.pdf takes \d+ pages"):
        pocket_cards.on_post_build(config)
