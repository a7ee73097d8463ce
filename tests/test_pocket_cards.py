"""Pocket cards: six one-page PDFs whose numbers are the data's, read back from the PDF text."""
from __future__ import annotations

import dataclasses
import io
import re
import shutil

import pytest
import yaml
from pypdf import PdfReader

from pravo import data, pipeline
from pravo.pipeline import cards as card_step
from pravo.problems import ProblemsFound

from sitebuild import ROOT

BOOK = data.load(ROOT).laws
COMPARE = yaml.safe_load((ROOT / "data" / "laws" / "compare.yml").read_text(encoding="utf-8"))
CARDS = yaml.safe_load((ROOT / "data" / "cards.yml").read_text(encoding="utf-8"))
COUNTRIES = ("kg", "tj", "ru")
LANGUAGES = ("ru", "en")


def card_text(site, name: str) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO((site / "cards" / name).read_bytes()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), re.sub(r"\s+", " ", text)


CARD_ROWS = ("Сколько могут держать в полиции", "Срок обжалования")


def limit_rows(country: str):
    """The limits a card must carry, as the comparison table names them: how long police may hold
    you, and the deadline to appeal (the card is for the hours of a detention)."""
    for row in COMPARE["rows"]:
        if row["show"] == "limit" and row["label"]["ru"] in CARD_ROWS:
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


def project_with(tmp_path, edit_laws=None, cards_text=None):
    """A copy of the project's data with one change, as a volunteer's pull request would make it."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "i18n", tmp_path / "i18n")
    if edit_laws:
        path = tmp_path / "data" / "laws" / "kg.yml"
        path.write_text(edit_laws(path.read_text(encoding="utf-8")), encoding="utf-8")
    if cards_text:
        (tmp_path / "data" / "cards.yml").write_text(cards_text, encoding="utf-8")
    return data.load(tmp_path).problems


def test_a_card_refuses_an_unverified_provision(tmp_path):
    def unverify(text):
        start = text.index("- id: kg.cop.526\n")
        status = text.index("    status: ", start)
        end = text.index("\n", status)
        return text[:status] + "    status: unverified" + text[end:]
    problems = [p for p in project_with(tmp_path, edit_laws=unverify) if p.path.name == "cards.yml"]
    assert len(problems) == 1, problems
    assert "`kg.cop.526` is not verified, so a card cannot state it" in problems[0].message
    assert problems[0].line == next(i for i, line in enumerate((tmp_path / "data" / "cards.yml").read_text(
        encoding="utf-8").splitlines(), 1) if "id: kg.cop.526" in line)


def test_a_card_refuses_an_unknown_id_and_a_missing_number(tmp_path):
    text = (ROOT / "data" / "cards.yml").read_text(encoding="utf-8").replace(
        "    lines:\n", "    lines:\n      - {id: kg.cop.9999, ru: x, en: x}\n"
                       "      - {id: kg.cop.505, ru: \"Срок {limit}\", en: \"Limit {limit}\"}\n", 1)
    messages = [p.message for p in project_with(tmp_path, cards_text=text)]
    assert any("unknown law `kg.cop.9999` on the kg card" in m for m in messages), messages
    assert any("the line shows {limit} but `kg.cop.505` has no limit" in m for m in messages), messages


def test_a_card_that_does_not_fit_on_one_page_stops_the_build(tmp_path):
    loaded = data.load(ROOT)
    long_cards = {**loaded.cards, "countries": {"kg": {"lines": loaded.cards["countries"]["kg"]["lines"] * 6}}}
    build = pipeline.Build(root=tmp_path, site=tmp_path / "site", data=dataclasses.replace(loaded, cards=long_cards))
    with pytest.raises(ProblemsFound, match=r"kg-ru\.pdf takes \d+ pages"):
        card_step.write(build)
