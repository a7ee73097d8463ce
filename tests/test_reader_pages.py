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


# Plain language, measured (pravo/checks/markdown.py): raid pages and the summary of a country page.
def plain_language(tmp_path, slug: str, body: str) -> list[str]:
    from pravo.checks import run as run_checks
    from pravo.problems import format_problem

    from sitebuild import with_test_data

    with_test_data(tmp_path)
    page = "---\ntitle: Пример\ndescription: A test page.\n---\n\n" + body
    for language in ("ru", "en"):
        target = tmp_path / "docs" / language / slug
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
        (tmp_path / "docs" / language / "index.md").write_text(
            "---\ntitle: Главная\ndescription: A test page.\n---\n\nТекст.\n", encoding="utf-8")
    return [format_problem(p, tmp_path) for p in run_checks(tmp_path) if p.path.parts[-3] == "ru"
            or p.path.parts[-2] == "ru"]


LONG = ("Если вас задержали поздно вечером на улице, спокойно спросите сотрудника о причине задержания, "
        "запомните его фамилию и номер жетона и сразу после этого попросите дать вам позвонить близкому "
        "человеку.")  # 29 words


def test_a_raid_page_with_a_26_word_sentence_is_refused_with_file_line_and_count(tmp_path):
    found = plain_language(tmp_path, "raid/steps.md", "## Шаги\n\nСпокойно.\n\n" + LONG + "\n")
    [long] = [m for m in found if "a sentence of" in m]
    assert long.startswith("docs/ru/raid/steps.md:10: a sentence of 29 words"), long
    assert "at most 25" in long and "marker counts as one word" in long and "split it" in long


def test_a_section_of_long_sentences_is_refused_by_its_average(tmp_path):
    sentence = "Спросите спокойно, на каком основании вас задерживают и куда сейчас везут, и запомните ответ слово в слово."
    found = plain_language(tmp_path, "raid/steps.md", "Вступление.\n\n## Шаги\n\n" + (sentence + " ") * 3 + "\n")
    [average] = [m for m in found if "averages" in m]
    assert average.startswith("docs/ru/raid/steps.md:8: the section «Шаги» averages 17.0 words a sentence"), average
    assert "51 words in 3 sentences" in average and "line 10 (17 words); words counted" in average


def test_only_the_summary_of_a_country_page_is_held_to_the_stricter_rule(tmp_path):
    body = "## Коротко\n\nКоротко и ясно.\n\n## Подробно\n\n" + LONG + "\n"
    assert plain_language(tmp_path, "rights/land.md", body) == []
    found = plain_language(tmp_path / "again", "rights/land.md", "## Коротко\n\n" + LONG + "\n\n## Подробно\n\nТекст.\n")
    assert any(m.startswith("docs/ru/rights/land.md:8: a sentence of 29 words") for m in found), found


def test_a_marker_counts_as_one_word_and_abbreviations_do_not_end_a_sentence(tmp_path):
    from pravo.checks.markdown import WORDS, _prose, sentences

    line = "- **Сколько держат?** Обычно не больше <!-- pravo:penalty kg.cop.126 --> (<!-- pravo:law kg.cop.126 -->). По ст. 109-2 — дольше."
    found = sentences(_prose(line))
    assert [len(WORDS.findall(s)) for s in found] == [2, 5, 4], found
    assert plain_language(tmp_path, "raid/steps.md", line + "\n") == []
