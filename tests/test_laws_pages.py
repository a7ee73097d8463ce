"""Legal facts on the built site: written once in data/, identical in both languages,
sourced, dated, and never an unverified one stated as fact."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from pravo import data, lawtext
from pravo import lawbook as lawdata
from pravo.pages import page_url

from sitebuild import ROOT, fixture_project

DATA = data.load(ROOT)
BOOK = DATA.laws
COUNTRY_PAGES = {"kg": "rights/kyrgyzstan", "tj": "rights/tajikistan", "ru": "rights/russia"}
SHOWN = [pid for pid, p in BOOK.provisions.items() if lawdata.has_real_source(p)]


def page(site: Path, lang: str, slug: str) -> BeautifulSoup:
    folder = site if lang == "ru" else site / lang
    return BeautifulSoup((folder / slug / "index.html").read_text(encoding="utf-8"), "html.parser")


def numbers(text: str) -> list[float]:
    """Every number in a phrase, whatever the language's digit grouping: '1 500', '1,500'."""
    joined = re.sub(r"(?<=\d)[\u00a0\u202f ,](?=\d{3}\b)", "", text)
    return sorted(float(n) for n in re.findall(r"\d+(?:\.\d+)?", joined))


def shown(amount: dict) -> list[float]:
    """The numbers a phrase shows for an amount: both ends of a range, or the one value."""
    low, high = amount.get("min"), amount.get("max")
    if low is not None and high is not None and low != high:
        return [low, high]
    return [v for v in (high if high is not None else low,) if v is not None]


def expected_numbers(provision: dict) -> list[float]:
    values = []
    penalty = provision.get("penalty") or {}
    for amount in penalty.get("any_of", []) + penalty.get("optional_extra", []):
        values += shown(amount)
        unit = BOOK.units.get(amount.get("unit"), {})
        # The money value of an indicator fine: the latest verified year, else the latest reported one.
        known = ([v for v in unit.get("values", []) if v["status"] == "verified"]
                 or [v for v in unit.get("values", []) if v["status"] == "secondary"])
        if known:
            latest = max(known, key=lambda v: v["year"])
            values += shown({k: amount[k] * latest["amount"] for k in ("min", "max") if amount.get(k) is not None})
            values.append(latest["year"])
    return sorted(float(v) for v in values)


def block(site: Path, lang: str, pid: str):
    found = page(site, lang, COUNTRY_PAGES[BOOK.country_of(pid)]).select_one(f'[data-law="{pid}"]')
    assert found is not None, f"{pid} is not on the {lang} country page"
    return found


def labelled(block_html, label: str) -> str:
    for paragraph in block_html.find_all("p"):
        strong = paragraph.find("strong")
        if strong and strong.get_text().startswith(label):
            return paragraph.get_text().split(":", 1)[1]
    return ""


@pytest.mark.parametrize("pid", SHOWN)
def test_provision_appears_in_both_languages_with_the_same_numbers(site, pid):
    provision = BOOK.provisions[pid]
    ru, en = block(site, "ru", pid), block(site, "en", pid)
    if provision["status"] == "unverified":
        assert ru.select(".pravo-unverified") and en.select(".pravo-unverified")
        return
    if "penalty" in provision:
        ru_text, en_text = labelled(ru, "Наказание"), labelled(en, "Penalty")
        assert numbers(ru_text) == numbers(en_text) == expected_numbers(provision), (ru_text, en_text)
    if "limit" in provision:
        assert numbers(labelled(ru, "Срок")) == numbers(labelled(en, "Time limit")) == [provision["limit"]["value"]]


@pytest.mark.parametrize("pid", SHOWN)
def test_provision_names_its_source_and_date(site, pid):
    provision = BOOK.provisions[pid]
    for lang, date_text in (("ru", provision["verified_on"][8:10] + "." + provision["verified_on"][5:7]),
                            ("en", provision["verified_on"][:4])):
        meta = block(site, lang, pid).select_one(".pravo-law__meta")
        assert meta is not None and meta.find("a", href=True), f"{pid} ({lang}) shows no source link"
        assert date_text in meta.get_text()


def test_unverified_provisions_never_appear_without_their_marker(site):
    unverified = {pid for pid in SHOWN if BOOK.provisions[pid]["status"] == "unverified"}
    for path in site.rglob("*.html"):
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for element in html.select("[data-law]"):
            if element["data-law"] in unverified:
                assert element.select(".pravo-unverified"), f"{path}: {element['data-law']} without its marker"


def test_comparison_table_marks_unverified_and_states_verified(site):
    for lang in ("ru", "en"):
        table = page(site, lang, "rights").select_one("table")
        assert table is not None, f"no comparison table on the {lang} rights page"
        rows = {tr.select("td")[0].get_text(strip=True): tr.select("td")[1:] for tr in table.select("tbody tr")}
        label = {"ru": "Сколько могут держать в полиции", "en": "How long police may hold you"}[lang]
        kg, tj, ru = (cell.get_text(" ") for cell in rows[label])
        for cell, pid in ((kg, "kg.cop.526"), (tj, "tj.pcao.63"), (ru, "ru.koap.27.5.3")):
            assert lawtext.limit(BOOK.provisions[pid]["limit"], lang) in cell, (pid, cell)
        status = next(cells for name, cells in rows.items() if name in ("Продажа секс-услуг", "Selling sex"))
        assert "109-2" in status[0].get_text() and "6.11" in status[2].get_text()
        assert lawtext.penalty(BOOK.provisions["kg.cop.109-2"]["penalty"], BOOK.units, lang) in status[0].get_text(" ")


@pytest.mark.parametrize("lang, lawful_phrases", [
    ("ru", ["продажа секс-услуг не является", "продажа секса не является", "не является ни преступлением",
            "не запрещена", "законна в кыргызстане"]),
    ("en", ["selling sex is not an offence", "is neither a crime nor", "selling sex is legal", "is not illegal"]),
])
def test_kyrgyzstan_page_names_109_2_and_never_calls_selling_sex_lawful(site, lang, lawful_phrases):
    text = page(site, lang, "rights/kyrgyzstan").select_one("article").get_text(" ").lower()
    assert "109-2" in text
    for phrase in lawful_phrases:
        assert phrase not in text, f"the {lang} Kyrgyzstan page says «{phrase}»"


@pytest.mark.parametrize("marker, message", [
    ("<!-- pravo:law kg.cop.999 -->", "unknown law `kg.cop.999`"),
    # The test data (tests/fixtures/data): kg.cop.1 is unverified; kg.cop.126 has a penalty but no time limit.
    ("<!-- pravo:penalty kg.cop.1 -->", "`kg.cop.1` is unverified, so its penalty cannot be stated as fact"),
    ("<!-- pravo:limit kg.cop.126 -->", "`kg.cop.126` has no limit in data/laws/"),
])
def test_a_law_marker_that_cannot_be_stated_fails_the_build_naming_page_line_and_why(tmp_path, marker, message):
    config = fixture_project(Path(__file__).parent / "fixtures" / "unknown-law", tmp_path)
    page = tmp_path / "docs" / "ru" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("<!-- pravo:law kg.cop.999 -->", marker), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(tmp_path / "site")],
                            capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode != 0
    assert f"docs/ru/index.md:8: {message}" in result.stdout + result.stderr


def test_every_country_page_states_status_and_core_rights(site):
    core = {
        "kg": ["kg.cop.109-2", "kg.cop.526", "kg.cop.517", "kg.cop.500", "kg.cop.505", "kg.cop.547"],
        "tj": ["tj.coao.130.1", "tj.pcao.63", "tj.pcao.79", "tj.pcao.29", "tj.pcao.35", "tj.pcao.150"],
        "ru": ["ru.koap.6.11", "ru.koap.27.5.1", "ru.koap.28.2.2", "ru.police.14.3", "ru.koap.24.2", "ru.koap.30.3.1"],
    }
    for country, ids in core.items():
        for lang in ("ru", "en"):
            html = page(site, lang, COUNTRY_PAGES[country])
            for pid in ids:
                assert html.select_one(f'[data-law="{pid}"]'), f"{country} ({lang}) does not show {pid}"


def test_help_page_lists_organisations_from_data_with_sources_and_no_unsourced_phone(site):
    organisations = DATA.organisations
    assert DATA.problems == [] and organisations
    for lang in ("ru", "en"):
        help_page = page(site, lang, "help")
        for org in organisations:
            block = help_page.select_one(f'[data-contact="{org["id"]}"]')
            assert block is not None, f"{org['id']} missing on the {lang} help page"
            assert org["name"][lang] in block.get_text()
            assert block.find("a", href=True), f"{org['id']} ({lang}) shows no source"
            if "phone" not in org:
                assert not re.search(r"\+\d[\d ]{6,}", block.get_text()), f"{org['id']} shows a phone with no source"


CORRECTIONS = DATA.corrections


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_corrections_log_shows_every_entry(site, lang):
    log = page(site, lang, "about/corrections")
    entries = log.select(".pravo-correction")
    assert len(entries) == len(CORRECTIONS)
    newest_first = sorted(CORRECTIONS, key=lambda e: e["date"], reverse=True)
    for entry, shown_entry in zip(newest_first, entries):
        text = " ".join(shown_entry.get_text(" ").split())
        for field in ("was", "now", "why"):
            assert " ".join(entry[field][lang].split()) in text, (field, entry[field][lang])
        assert lawtext.day(entry["date"], lang) in text
        links = [a["href"] for a in shown_entry.select("a")]
        for slug in entry["pages"]:
            address = page_url(f"ru/{slug}.md")  # rights/index -> rights/
            assert f"../../{address}" in links, (slug, links)
        for pid in entry.get("provisions", []):
            assert any(href.endswith("#" + pid.replace(".", "-")) for href in links), (pid, links)


# Russian after «до», «не больше», «не дольше», «в течение»: the genitive — «до 24 часов», «до 21 часа».
GOVERNED = re.compile(r"(?:\bдо|не больше|не более|не дольше|в течение)\s+(\d+)\s+(час\w*|дн\w*|день|месяц\w*|год\w*|лет)\b")


GENITIVE_FORMS = {"час": ("часа", "часов"), "дн": ("дня", "дней"), "ден": ("дня", "дней"),
                  "месяц": ("месяца", "месяцев"), "год": ("года", "лет"), "лет": ("года", "лет")}


def test_russian_pages_put_a_limit_after_do_in_the_genitive(site):
    wrong = []
    for html in sorted(site.rglob("*.html")):
        if (site / "en") in html.parents:
            continue
        text = " ".join(BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").get_text(" ").split())
        for match in GOVERNED.finditer(text):
            n, word = int(match.group(1)), match.group(2)
            if n >= 1000:  # a calendar year: «до 2024 года»
                continue
            singular = n % 10 == 1 and n % 100 != 11
            forms = next(f for stem, f in GENITIVE_FORMS.items() if word.startswith(stem))
            if word != forms[0 if singular else 1]:
                wrong.append(f"{html.relative_to(site)}: «{match.group(0)}»")
    assert wrong == []


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_fact_not_read_in_an_official_text_says_how_it_was_read(site, lang):
    """Wherever a page cites a provision read only in a copy or in reports, its status is next to it."""
    cited = 0
    for pid, provision in BOOK.provisions.items():
        if provision["status"] not in ("unofficial_copy", "secondary") or not lawdata.has_real_source(provision):
            continue
        anchor = "#" + pid.replace(".", "-")
        code = BOOK.codes[provision["code"]]
        reference = f"{code.get('inline', code['short'])[lang]}, {lawtext.article(provision, lang)}"  # the short form
        for html in site.rglob("*.html"):
            if ((site / "en") in html.parents) != (lang == "en"):
                continue
            soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
            for link in soup.select(f'article a[href$="{anchor}"]'):
                if link.get_text() == reference:  # what <!-- pravo:law … --> writes
                    tag = link.find_next_sibling(class_="pravo-tag")
                    assert tag is not None and tag["data-status"] == provision["status"], (str(html.relative_to(site)), pid)
                    cited += 1
    assert cited > 10


CRIMINAL_LAW_PUNISHES_OTHERS = re.compile(
    r"(наказывает других людей|не сама секс-работа, а организация проституции других|punishes other people"
    r"|not sex work itself but organising the prostitution of others)", re.I)


def test_no_page_says_that_criminal_law_punishes_only_other_people(site):
    """Two women working in one flat can be charged with keeping a brothel: no page may say otherwise."""
    # The corrections log quotes what the pages used to say, so it is the one page allowed to.
    found = [str(html.relative_to(site)) for html in site.rglob("*.html")
             if CRIMINAL_LAW_PUNISHES_OTHERS.search(" ".join(html.read_text(encoding="utf-8").split()))
             and html.parent.name != "corrections"]
    assert found == []
