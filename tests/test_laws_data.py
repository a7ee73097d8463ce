"""data/laws/: schema errors point at file and line; phrases come out right in both languages."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pravo import data, lawtext
from pravo import lawbook as lawdata

from sitebuild import ROOT

GOOD_PROVISION = """
  - id: kg.cop.126
    code: kg.cop
    article: "126"
    kind: offence
    title: {original: Мелкое хулиганство, ru: Мелкое хулиганство, en: Petty hooliganism}
    says: {ru: Текст., en: Text.}
    penalty:
      any_of:
        - {type: fine, min: 55, max: 55, unit: kg_rp}
    status: verified
    verified_on: "2026-11-22"
    sources:
      - {title: Code, url: "https://cbd.minjust.gov.kg/act/view/ru-ru/112306", kind: official}
"""


def data_root(tmp_path: Path, provisions: str) -> Path:
    (tmp_path / "data" / "laws").mkdir(parents=True)
    shutil.copytree(ROOT / "data" / "schemas", tmp_path / "data" / "schemas")
    header = (ROOT / "tests" / "fixtures" / "laws" / "kg-header.yml").read_text(encoding="utf-8")
    (tmp_path / "data" / "laws" / "kg.yml").write_text(header + "\nprovisions:" + provisions, encoding="utf-8")
    return tmp_path


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_the_project_data_is_valid():
    book = lawdata.load(ROOT)
    assert book.problems == []
    assert {"kg", "tj", "ru"} <= set(book.countries)


def test_a_valid_entry_loads(tmp_path):
    book = lawdata.load(data_root(tmp_path, GOOD_PROVISION))
    assert book.problems == []
    assert book.provisions["kg.cop.126"]["article"] == "126"


def test_malformed_date_names_file_and_line(tmp_path):
    root = data_root(tmp_path, GOOD_PROVISION.replace('verified_on: "2026-11-22"', 'verified_on: "22.11.2026"'))
    [problem] = lawdata.load(root).problems
    assert problem.path.name == "kg.yml"
    assert problem.line == line_of(problem.path, 'verified_on: "22.11.2026"')
    assert "verified_on" in problem.message and "22.11.2026" in problem.message


def test_missing_source_is_reported(tmp_path):
    text = GOOD_PROVISION.split("    sources:")[0]
    [problem] = lawdata.load(data_root(tmp_path, text)).problems
    assert "'sources' is a required property" in problem.message
    assert problem.line == line_of(problem.path, "- id: kg.cop.126")


def test_unknown_code_and_unit_are_reported(tmp_path):
    text = GOOD_PROVISION.replace("code: kg.cop", "code: kg.nope").replace("unit: kg_rp", "unit: som")
    messages = [p.message for p in lawdata.load(data_root(tmp_path, text)).problems]
    assert any("`kg.nope`" in m for m in messages), messages
    assert any("unit `som`" in m for m in messages), messages


def test_duplicate_id_is_reported(tmp_path):
    [problem] = lawdata.load(data_root(tmp_path, GOOD_PROVISION + GOOD_PROVISION)).problems
    assert "used twice" in problem.message


SECONDARY = GOOD_PROVISION.replace("status: verified", "status: secondary")


@pytest.mark.parametrize("sources", [
    '      - {title: One report, url: "https://news.example.org/a", kind: report}\n',
    # Two pages of one outlet (or its sub-site) are one report, not two.
    '      - {title: A, url: "https://www.lawto.bid/a", kind: report}\n      - {title: B, url: "https://77.lawto.bid/b", kind: report}\n',
    '      - {title: A, url: "https://news.example.org/a", kind: report}\n'
    '      - {title: none, url: "https://example.invalid/no-source", kind: report}\n',
])
def test_secondary_needs_two_independent_reports(tmp_path, sources):
    text = SECONDARY.split("    sources:")[0] + "    sources:\n" + sources
    [problem] = lawdata.load(data_root(tmp_path, text)).problems
    assert "`kg.cop.126` is marked secondary" in problem.message and "two independent reports" in problem.message
    assert "status: unverified" in problem.hint
    lines = problem.path.read_text(encoding="utf-8").splitlines()
    # The line of the provision's first source, right under its `sources:`.
    assert lines[problem.line - 2] == "    sources:" and problem.line > line_of(problem.path, "- id: kg.cop.126")


def test_secondary_with_two_publishers_and_verified_with_a_repository_load(tmp_path):
    two = SECONDARY.split("    sources:")[0] + ('    sources:\n      - {title: A, url: "https://a.example.org/x", kind: report}\n'
                                                 '      - {title: B, url: "https://b-news.example.net/y", kind: report}\n')
    repo = GOOD_PROVISION.replace('url: "https://cbd.minjust.gov.kg/act/view/ru-ru/112306"',
                                  "repo: owner/laws, path: code.pdf, commit: 38d3e9c, edition: to 13.08.2025, "
                                  "copy_of: \"https://cbd.minjust.gov.kg/act/view/ru-ru/112306\"")
    assert lawdata.load(data_root(tmp_path, two.replace("kg.cop.126", "kg.cop.127") + repo)).problems == []


def test_a_sites_front_page_is_not_a_source(tmp_path):
    text = GOOD_PROVISION.replace("https://cbd.minjust.gov.kg/act/view/ru-ru/112306", "https://dps18.ru")
    [problem] = lawdata.load(data_root(tmp_path, text)).problems
    assert "cites https://dps18.ru — a site's front page" in problem.message
    assert "full address" in problem.hint


def test_verified_without_a_real_source_is_reported(tmp_path):
    text = GOOD_PROVISION.replace("https://cbd.minjust.gov.kg/act/view/ru-ru/112306", "https://example.invalid/no-source")
    [problem] = lawdata.load(data_root(tmp_path, text)).problems
    assert "marked verified but names no official text" in problem.message


def test_a_mirror_site_cannot_carry_verified(tmp_path):
    # Read on a mirror: the honest status is unofficial_copy, whatever the source claims to be.
    mirror = GOOD_PROVISION.replace('url: "https://cbd.minjust.gov.kg/act/view/ru-ru/112306", kind: official',
                                    'url: "https://zakonrf.info/koap/6.11", kind: official')
    problems = lawdata.load(data_root(tmp_path, mirror)).problems
    assert len(problems) == 2, problems
    assert "is not an official publication: https://zakonrf.info/koap/6.11 is not on an official host" in problems[0].message
    assert "kind: copy" in problems[0].hint
    assert "marked verified but names no official text" in problems[1].message
    assert problems[0].line == line_of(problems[0].path, "zakonrf.info")


def test_an_unofficial_copy_needs_the_text_itself(tmp_path):
    copy = GOOD_PROVISION.replace('kind: official', 'kind: copy').replace('url: "https://cbd.minjust.gov.kg/act/view/ru-ru/112306"',
                                                                         'url: "https://zakonrf.info/koap/6.11"')
    good = copy.replace("status: verified", "status: unofficial_copy")
    assert lawdata.load(data_root(tmp_path / "copy", good)).problems == []
    report = good.replace("kind: copy", "kind: report")
    [problem] = lawdata.load(data_root(tmp_path / "report", report)).problems
    assert "marked unofficial_copy but no source is a copy of the law's text" in problem.message


def test_a_repository_copy_is_official_only_with_its_date_and_what_it_copies(tmp_path):
    undated = GOOD_PROVISION.replace('url: "https://cbd.minjust.gov.kg/act/view/ru-ru/112306"', "repo: owner/laws, path: code.pdf")
    problems = lawdata.load(data_root(tmp_path, undated)).problems
    assert any("the copy owner/laws:code.pdf has no commit, edition, copy_of" in p.message for p in problems), problems


def test_a_source_without_its_kind_is_refused(tmp_path):
    [problem] = lawdata.load(data_root(tmp_path, GOOD_PROVISION.replace(", kind: official", ""))).problems
    assert "'kind' is a required property" in problem.message


@pytest.mark.parametrize("url", ['https://a.example/x)<script>alert(1)</script>', "https://a.example/a b",
                                 "javascript:alert(1)", 'https://a.example/"onmouseover=x'])
def test_a_source_address_that_could_break_a_link_is_refused(tmp_path, url):
    text = GOOD_PROVISION.replace('"https://cbd.minjust.gov.kg/act/view/ru-ru/112306"', repr(url).replace("\\", ""))
    problems = lawdata.load(data_root(tmp_path, text)).problems
    assert any("does not match" in p.message for p in problems), problems


def test_indicator_value_reported_by_one_outlet_is_reported(tmp_path):
    root = data_root(tmp_path, GOOD_PROVISION)
    path = root / "data" / "laws" / "kg.yml"
    text = path.read_text(encoding="utf-8")
    # The first 2025 source is kept, the second (another outlet) removed.
    start = text.index("          - {title: \"Arbat.media")
    end = text.index("\ncodes:") + 1
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    [problem] = lawdata.load(root).problems
    assert "`the kg_rp value for 2025` is marked secondary but has only sources from 24.kg" in problem.message
    assert problem.line == line_of(path, "      - year: 2025")


def test_placeholder_source_is_not_a_source():
    assert not lawdata.has_real_source({"sources": [{"title": "x", "url": "https://example.invalid/no-source"}]})
    assert lawdata.has_real_source({"sources": [{"title": "x", "repo": "a/b", "path": "c.pdf"}]})


UNITS = {
    "kg_rp": {"abbr": {"ru": "р. п.", "en": "calculation indicators"}, "currency": {"ru": "сом", "en": "som"}, "values": []},
    "tj_pdr": {"abbr": {"ru": "ПДР", "en": "calculation indicators"}, "currency": {"ru": "сомони", "en": "somoni"},
               "values": [{"year": 2026, "amount": 78, "status": "verified"},
                          {"year": 2027, "amount": 80, "status": "secondary"}]},
    "RUB": {"abbr": {"ru": "руб.", "en": "RUB"}},
    "kg_rp_reported": {"abbr": {"ru": "р. п.", "en": "calculation indicators"}, "currency": {"ru": "сом", "en": "som"},
                       "values": [{"year": 2024, "amount": 100, "status": "secondary"},
                                  {"year": 2025, "amount": 100, "status": "secondary"},
                                  {"year": 2026, "amount": 120, "status": "unverified"}]},
}


@pytest.mark.parametrize("penalty, ru, en", [
    ({"any_of": [{"type": "fine", "min": 200, "max": 200, "unit": "kg_rp"}, {"type": "arrest", "min": 3, "max": 7, "unit": "days"}]},
     "штраф 200 р. п. или арест от 3 до 7 суток",
     "a fine of 200 calculation indicators or administrative arrest for 3 to 7 days"),
    ({"any_of": [{"type": "fine", "min": 20, "max": 30, "unit": "tj_pdr"}]},
     "штраф от 20 до 30 ПДР (от 1\u00a0560 до 2\u00a0340 сомони в 2026 году)",
     "a fine of 20 to 30 calculation indicators (1,560 to 2,340 somoni in 2026)"),
    # Only reported values: the latest is used and says so; an unverified one never is.
    ({"any_of": [{"type": "fine", "min": 55, "max": 55, "unit": "kg_rp_reported"}]},
     "штраф 55 р. п. (5\u00a0500 сом в 2025 году, по сообщениям СМИ)",
     "a fine of 55 calculation indicators (5,500 som in 2025, according to news reports)"),
    ({"any_of": [{"type": "fine", "min": 2000, "max": 5000, "unit": "RUB"}], "optional_extra": [{"type": "expulsion"}]},
     "штраф от 2\u00a0000 до 5\u00a0000 руб. — с административным выдворением или без такового",
     "a fine of 2,000 to 5,000 RUB, with or without administrative expulsion"),
    ({"any_of": [{"type": "fine", "min": 2000, "max": 4000, "unit": "RUB"}, {"type": "compulsory_work", "min": 40, "max": 120, "unit": "hours"},
                 {"type": "arrest", "max": 15, "unit": "days"}]},
     "штраф от 2\u00a0000 до 4\u00a0000 руб. или обязательные работы от 40 до 120 часов или арест до 15 суток",
     "a fine of 2,000 to 4,000 RUB or compulsory work for 40 to 120 hours or administrative arrest for up to 15 days"),
    ({"any_of": [{"type": "community_work", "max": 20, "unit": "hours"}, {"type": "imprisonment", "max": 1, "unit": "years"}]},
     "общественные работы до 20 часов или лишение свободы до 1 года",
     "community work for up to 20 hours or imprisonment for up to 1 year"),
])
def test_penalty_phrases(penalty, ru, en):
    assert lawtext.penalty(penalty, UNITS, "ru") == ru
    assert lawtext.penalty(penalty, UNITS, "en") == en


@pytest.mark.parametrize("value, unit, ru, en", [
    (3, "hours", "3 часа", "3 hours"), (48, "hours", "48 часов", "48 hours"),
    (1, "days", "1 день", "1 day"), (10, "days", "10 дней", "10 days"), (21, "hours", "21 час", "21 hours"),
])
def test_time_limit_phrases(value, unit, ru, en):
    assert lawtext.limit({"value": value, "unit": unit}, "ru") == ru
    assert lawtext.limit({"value": value, "unit": unit}, "en") == en


def test_comparison_row_label_with_an_unquoted_comma_is_reported(tmp_path):
    root = data_root(tmp_path, GOOD_PROVISION)
    (root / "data" / "laws" / "compare.yml").write_text(
        "countries: [kg]\nrows:\n  - label: {ru: Документы, регистрация, en: Papers}\n    show: penalty\n    kg: [kg.cop.126]\n",
        encoding="utf-8")
    [problem] = lawdata.load(root).problems
    assert problem.path.name == "compare.yml" and problem.line == 3
    assert "row label" in problem.message


def test_provision_older_than_a_year_fails_the_check_and_shows_a_marker(tmp_path, monkeypatch):
    from pravo.checks import files

    root = data_root(tmp_path, GOOD_PROVISION)
    monkeypatch.setenv("PRAVO_TODAY", "2027-11-22")
    assert list(files.check_age(data.load(root))) == []
    monkeypatch.setenv("PRAVO_TODAY", "2027-11-24")
    [problem] = files.check_age(data.load(root))
    assert problem.path.name == "kg.yml" and "367 days ago" in problem.message
    assert problem.line == line_of(problem.path, "- id: kg.cop.126")


def test_provenance_totals_match_the_data():
    import io

    import law_report as laws_report  # scripts/law_report.py

    book = lawdata.load(ROOT)
    out = io.StringIO()
    assert laws_report.report(ROOT, out=out) == 0
    counts = {s: sum(1 for p in book.provisions.values() if p["status"] == s) for s in lawdata.STATUSES}
    total_line = out.getvalue().strip().splitlines()[-1]
    assert total_line == (f"Total: {counts['verified']} verified, {counts['unofficial_copy']} unofficial_copy, "
                          f"{counts['secondary']} secondary, {counts['unverified']} unverified — {len(book.provisions)} provisions")
    lines = out.getvalue().strip().splitlines()
    values = [(unit_id, v) for unit_id, unit in book.units.items() for v in unit.get("values", [])]
    # header + one line per provision, blank + title + header + one line per indicator value, blank + total
    assert len(lines) == 1 + len(book.provisions) + 3 + len(values) + 2
    for unit_id, value in values:
        assert any(line.split()[:4] == [unit_id, str(value["year"]), str(value["amount"]), book.units[unit_id]["currency"]["en"]]
                   and value["status"] in line for line in lines), (unit_id, value["year"])


GLOSSARY = """terms:
  - id: sex-work
    term: {ru: секс-работа, en: sex work}
    definition: {ru: Определение., en: Definition.}
    see: [trafficking]
  - id: trafficking
    term: {ru: торговля людьми, en: trafficking in persons}
    definition: {ru: Определение., en: Definition.}
    see: [smuggling]
"""


def glossary_root(tmp_path: Path, text: str) -> Path:
    (tmp_path / "data").mkdir()
    shutil.copytree(ROOT / "data" / "schemas", tmp_path / "data" / "schemas")
    (tmp_path / "data" / "glossary.yml").write_text(text, encoding="utf-8")
    return tmp_path


def test_glossary_refers_only_to_its_own_entries(tmp_path):
    loaded = data.load(glossary_root(tmp_path, GLOSSARY))
    terms, problems = loaded.glossary, loaded.problems
    assert set(terms) == {"sex-work", "trafficking"}
    assert len(problems) == 1
    assert problems[0].line == 9 and "`trafficking` refers to `smuggling`" in problems[0].message


def test_glossary_entry_without_english_names_its_line(tmp_path):
    text = GLOSSARY.replace("en: Definition.}\n    see: [smuggling]", "}\n    see: [sex-work]").replace(
        "definition: {ru: Определение., }", "definition: {ru: Определение.}")
    loaded = data.load(glossary_root(tmp_path, text))
    terms, problems = loaded.glossary, loaded.problems
    assert terms == {} and problems
    assert problems[0].line == 8 and "'en' is a required property" in problems[0].message


# Russian nouns after a number, written out by hand (not computed): the numbers 1–100 whose
# noun takes the "one" form (21 час, до 21 часа) and the "few" form (22 часа; after «до»: 22 часов).
ONE = {1, 21, 31, 41, 51, 61, 71, 81, 91}
FEW = {2, 3, 4, 22, 23, 24, 32, 33, 34, 42, 43, 44, 52, 53, 54, 62, 63, 64, 72, 73, 74, 82, 83, 84, 92, 93, 94}
NOMINATIVE = {"hours": ("час", "часа", "часов"), "days": ("день", "дня", "дней"),
              "months": ("месяц", "месяца", "месяцев"), "years": ("год", "года", "лет")}
GENITIVE = {"hours": ("часа", "часов"), "days": ("дня", "дней"), "months": ("месяца", "месяцев"), "years": ("года", "лет")}
# The phrases the pages and cards put in front of a limit.
GENITIVE_PHRASES = ["Дольше, до ", "не больше ", "но не больше ", "не дольше ", "Если возможен арест — до суда, не дольше ",
                    "в течение ", "Longer, up to ", "не более ", "(до "]
NOMINATIVE_PHRASES = ["Предельный срок задержания — ", "", "Срок жалобы — ", "**Обычный срок — ", "Задержание — "]


@pytest.mark.parametrize("unit", ["hours", "days", "months", "years"])
def test_every_limit_from_1_to_100_agrees_with_the_word_before_it(unit):
    for n in range(1, 101):
        one, few, many = NOMINATIVE[unit]
        nominative = one if n in ONE else few if n in FEW else many
        genitive = GENITIVE[unit][0] if n in ONE else GENITIVE[unit][1]
        for before in NOMINATIVE_PHRASES:
            assert lawtext.limit({"value": n, "unit": unit}, "ru", before) == f"{n} {nominative}", (before, n)
        for before in GENITIVE_PHRASES:
            if before.startswith("Longer"):
                continue
            assert lawtext.limit({"value": n, "unit": unit}, "ru", before) == f"{n} {genitive}", (before, n)
        english = {"hours": "hour", "days": "day", "months": "month", "years": "year"}[unit] + ("" if n == 1 else "s")
        assert lawtext.limit({"value": n, "unit": unit}, "en", "Longer, up to ") == f"{n} {english}"


@pytest.mark.parametrize("penalty, ru, en", [
    # КоАП РФ 18.8 ч. 1.1: expulsion is not optional.
    ({"any_of": [{"type": "fine", "min": 2000, "max": 5000, "unit": "RUB"}], "always_with": [{"type": "expulsion"}]},
     "штраф от 2\u00a0000 до 5\u00a0000 руб. с административным выдворением",
     "a fine of 2,000 to 5,000 RUB, with administrative expulsion"),
    # УК РФ 241 ч. 1 shape: a fine, a fine of income, forced labour, imprisonment.
    ({"any_of": [{"type": "fine", "min": 100000, "max": 500000, "unit": "RUB"},
                 {"type": "fine_income", "min": 1, "max": 3, "unit": "years"},
                 {"type": "forced_labour", "max": 5, "unit": "years"},
                 {"type": "imprisonment", "max": 5, "unit": "years"}]},
     "штраф от 100\u00a0000 до 500\u00a0000 руб. или штраф в размере дохода осуждённого за период от 1 до 3 лет "
     "или принудительные работы до 5 лет или лишение свободы до 5 лет",
     "a fine of 100,000 to 500,000 RUB or a fine of the convicted person's income for 1 to 3 years "
     "or forced labour for up to 5 years or imprisonment for up to 5 years"),
    ({"any_of": [{"type": "imprisonment", "min": 3, "max": 10, "unit": "years"}],
      "optional_extra": [{"type": "restriction_of_liberty", "max": 1, "unit": "years"}]},
     "лишение свободы от 3 до 10 лет — с ограничением свободы до 1 года или без такового",
     "imprisonment for 3 to 10 years, with or without restriction of liberty for up to 1 year"),
    # КоАП РФ 20.25 ч. 1 shape: twice the unpaid fine, at least 1 000 roubles.
    ({"any_of": [{"type": "fine_multiple", "factor": 2, "min": 1000, "unit": "RUB",
                  "of": {"ru": "неуплаченного штрафа", "en": "the unpaid fine"}},
                 {"type": "arrest", "max": 15, "unit": "days"}, {"type": "compulsory_work", "max": 50, "unit": "hours"}]},
     "штраф в двукратном размере неуплаченного штрафа, но не менее 1\u00a0000 руб. или арест до 15 суток "
     "или обязательные работы до 50 часов",
     "a fine of twice the unpaid fine, at least 1,000 RUB or administrative arrest for up to 15 days "
     "or compulsory work for up to 50 hours"),
    ({"any_of": [{"type": "correctional_labour", "max": 2, "unit": "years"}]},
     "исправительные работы до 2 лет", "correctional labour for up to 2 years"),
])
def test_criminal_and_migration_penalty_phrases(penalty, ru, en):
    assert lawtext.penalty(penalty, UNITS, "ru") == ru
    assert lawtext.penalty(penalty, UNITS, "en") == en
