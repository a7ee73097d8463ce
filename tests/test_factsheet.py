"""The press fact sheet (#22.5): press/factsheet-<lang>.pdf, one A4 page of at most 200 KB per
language, with the key-facts page's legal facts as the data says them, the date of the data, how
to cite the site and the deployment's contact; linked from the journalists' pages."""
from __future__ import annotations

import dataclasses
import re

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from pravo import data, pipeline
from pravo.pipeline import factsheet
from pravo.problems import ProblemsFound

from sitebuild import ROOT, mkdocs_build

PDF = {"ru": "press/factsheet-ru.pdf", "en": "press/factsheet-en.pdf"}
LAWS = data.load(ROOT).laws


def provisions_on_the_sheet(lang: str) -> list[dict]:
    """The provisions the key-facts page names in the sections its front matter puts on the sheet."""
    text = (ROOT / "docs" / lang / "journalists" / "key-facts.md").read_text(encoding="utf-8")
    count = int(re.search(r"(?m)^factsheet: (\d+)$", text).group(1))
    sheet = "".join(re.split(r"(?m)^(?=## )", text)[1:count + 1])
    ids = re.findall(r"pravo:(?:law|penalty|limit) ([\w.-]+)", sheet)
    return [LAWS.provisions[i] for i in dict.fromkeys(ids)]


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """The site as a deployment publishes it: its own address and contact."""
    out = tmp_path_factory.mktemp("press") / "site"
    mkdocs_build(ROOT / "mkdocs.yml", out, site_url="https://pravo.example.net/",
                 env_extra={"PRAVO_CONTACT": "press@example.net"})
    return out


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_fact_sheet_is_one_small_page_with_the_datas_articles_and_date(production, lang):
    path = production / PDF[lang]
    assert path.stat().st_size <= 200 * 1024
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    text = words(reader.pages[0].extract_text())
    sheet = provisions_on_the_sheet(lang)
    assert len(sheet) >= 15
    for provision in sheet:
        article, part = str(provision["article"]), provision.get("part")
        assert re.search(rf"(?<![\d.]){re.escape(article)}(?![\d])", text), f"{provision['id']}: art. {article} missing"
        if part:  # «ч. 1.1 ст. 18.8» / "art. 18.8(1.1)"
            assert (f"ч. {part} ст. {article}" if lang == "ru" else f"art. {article}({part})") in text, provision["id"]
    oldest = min(p["verified_on"] for p in sheet)
    year, month, day = oldest.split("-")
    assert (f"{day}.{month}.{year}" if lang == "ru" else f"{int(day)} ") in text
    # The penalty of selling sex in Kyrgyzstan, in the data's own units.
    assert f'{LAWS.provisions["kg.cop.109-2"]["penalty"]["any_of"][0]["min"]} ' in text


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_fact_sheet_says_how_to_cite_and_whom_to_write(production, lang):
    text = words(PdfReader(production / PDF[lang]).pages[0].extract_text())
    address = "https://pravo.example.net/" + ("" if lang == "ru" else "en/") + "journalists/key-facts/"
    assert address in text.replace(" ", "")
    assert "press@example.net" in text
    assert ("Как цитировать" if lang == "ru" else "How to cite") in text


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_journalists_pages_link_to_their_languages_fact_sheet(site, lang):
    prefix = "" if lang == "ru" else "en/"
    for page in ("journalists/index.html", "journalists/key-facts/index.html"):
        html = site / prefix / page
        links = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select("p.pravo-factsheet a[download]")
        assert links, f"{prefix}{page}: no fact sheet link"
        assert (html.parent / links[0]["href"]).resolve() == (site / PDF[lang]).resolve()
        assert (site / PDF[lang]).is_file()


def test_a_fact_sheet_that_does_not_fit_on_one_page_stops_the_build(tmp_path):
    project = tmp_path / "project"
    for lang in ("ru", "en"):
        page = project / "docs" / lang / "journalists" / "key-facts.md"
        page.parent.mkdir(parents=True)
        text = (ROOT / "docs" / lang / "journalists" / "key-facts.md").read_text(encoding="utf-8")
        head, body = text.split("\n## ", 1)
        page.write_text(head.replace("factsheet: 3", "factsheet: 12") + ("\n## " + body) * 3, encoding="utf-8")
    loaded = data.load(ROOT)
    build = pipeline.Build(root=project, site=tmp_path / "site", data=dataclasses.replace(loaded))
    with pytest.raises(ProblemsFound, match=r"factsheet-ru\.pdf takes \d+ pages"):
        factsheet.write(build)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_offline_copy_keeps_the_fact_sheet_of_its_language(site, lang):
    import json

    files = json.loads((site / "offline" / f"{lang}.json").read_text(encoding="utf-8"))["files"]
    assert PDF[lang] in files
    assert PDF["en" if lang == "ru" else "ru"] not in files
