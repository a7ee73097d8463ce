"""A third language (Kyrgyz, as a fixture): one entry in mkdocs.yml, a folder under docs/,
a UI-strings file — translated pages show, the rest fall back to Russian with a banner."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from pravo.checks import twins
from pravo.problems import format_problem

from sitebuild import fixture_project, mkdocs_build

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "third-language"
KYRGYZ = {"locale": "ky", "name": "Кыргызча", "build": True, "site_name": "Право"}


@pytest.fixture(scope="module")
def ky_site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("ky")
    mkdocs_build(fixture_project(FIXTURE, work, languages=[KYRGYZ]), work / "site")
    return work / "site"


def page(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def test_translated_pages_are_in_kyrgyz(ky_site):
    html = page(ky_site, "ky/raid/index.html")
    assert html.html["lang"] == "ky"
    assert "Кыргызча барак" in html.select_one("[data-search-body]").get_text()
    assert not html.select(".pravo-banner--fallback")


def test_an_untranslated_page_falls_back_to_russian_with_a_banner(ky_site):
    html = page(ky_site, "ky/rights/index.html")
    assert html.select_one(".pravo-banner--fallback"), "no 'not yet translated' banner"
    body = html.select_one("[data-search-body]")
    assert body["lang"] == "ru" and "Только по-русски" in body.get_text()
    assert "55" in body.get_text(), "legal facts still render (from the Russian data)"


def test_the_switcher_offers_the_third_language_on_every_page(ky_site):
    for rel in ("index.html", "raid/index.html", "en/raid/index.html", "ky/index.html"):
        links = {a["hreflang"]: a["href"] for a in page(ky_site, rel).select("a.md-select__link[hreflang]")}
        assert set(links) == {"ru", "en", "ky"}, (rel, links)


def test_interface_strings_are_translated_where_given_and_russian_elsewhere(ky_site):
    html = page(ky_site, "ky/raid/index.html")
    assert html.select_one(".pravo-exit__label").get_text(strip=True) == "Тез чыгуу"
    # Not in i18n/ky.yml: the Russian string is used rather than nothing.
    fallback = page(ky_site, "ky/rights/index.html").select_one(".pravo-banner--fallback").get_text()
    assert fallback.strip()


def test_the_check_accepts_missing_pages_in_a_third_language_but_not_orphans(tmp_path):
    import shutil

    shutil.copytree(FIXTURE / "docs", tmp_path / "docs")
    assert [format_problem(p, tmp_path) for p in twins.check(tmp_path / "docs")] == []
    (tmp_path / "docs" / "ky" / "orphan.md").write_text("---\ntitle: X\ndescription: Y\n---\n", encoding="utf-8")
    found = [format_problem(p, tmp_path) for p in twins.check(tmp_path / "docs")]
    assert found and found[0].startswith("docs/ky/orphan.md") and "no Russian source" in found[0]
