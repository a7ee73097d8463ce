"""The raid and detention guides: finished pages in both languages whose time limits are the
data's — each country's detention limits and appeal deadlines, next to a link to the article."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from pravo import data, lawtext

from sitebuild import ROOT

BOOK = data.load(ROOT).laws
GUIDES = ["raid", "raid/before", "raid/during-raid", "raid/police-station", "raid/protocol", "raid/after-release",
          "raid/incident-record", "raid/pocket-cards"]
# What each page must state from data/laws/: the detention timeline and the appeal deadlines.
LIMITS = {
    "raid/police-station": ["kg.cop.526", "kg.cop.526.2", "tj.pcao.63", "tj.pcao.63.3", "ru.koap.27.5.1",
                            "ru.koap.27.5.3", "ru.constitution.22.2"],
    "raid": ["kg.cop.526", "kg.cop.526.2", "tj.pcao.63", "tj.pcao.63.3", "ru.koap.27.5.1", "ru.koap.27.5.3"],
    "raid/after-release": ["kg.cop.547", "tj.pcao.150", "ru.koap.30.3.1"],
}


def article(site, lang: str, slug: str):
    folder = site if lang == "ru" else site / lang
    html = (folder / slug / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article")


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_guide_is_a_finished_page(site, lang):
    for slug in GUIDES:
        assert not article(site, lang, slug).select(".pravo-banner--outline"), f"{lang}/{slug} is still an outline"


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("slug", list(LIMITS))
def test_each_countrys_limits_come_from_data_with_their_article(site, lang, slug):
    body = article(site, lang, slug)
    text = " ".join(body.get_text(" ").split())
    for pid in LIMITS[slug]:
        provision = BOOK.provisions[pid]
        # After «до» / «не больше» Russian puts the noun in the genitive: either form states the limit.
        forms = {lawtext.limit(provision["limit"], lang), lawtext.limit(provision["limit"], lang, "до ")}
        assert any(words in text for words in forms), f"{lang}/{slug}: the limit of {pid} ({forms}) is not stated"
        anchor = "#" + pid.replace(".", "-")
        assert body.select(f"a[href$='{anchor}']"), f"{lang}/{slug}: no link to {pid}"


def test_the_protocol_page_gives_the_remarks_to_write(site):
    text = article(site, "ru", "raid/protocol").get_text(" ")
    for remark in ("С протоколом не согласна", "Объяснения дам в присутствии защитника", "нужен переводчик"):
        assert remark in text
    assert "С протоколом не согласна" in article(site, "en", "raid/protocol").get_text(" ")
