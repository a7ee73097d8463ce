"""A page missing in one language falls back to the other with a visible banner."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitebuild import fixture_project, mkdocs_build

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "fallback-site"


@pytest.fixture(scope="module")
def fallback_site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("fallback")
    mkdocs_build(fixture_project(FIXTURE, work), work / "site")
    return work / "site"


def page(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def test_untranslated_page_shows_banner_and_marks_its_language(fallback_site):
    html = page(fallback_site, "en/only-russian/index.html")
    assert html.html["lang"] == "en"
    assert html.select_one(".pravo-banner--fallback"), "no 'not yet translated' banner"
    assert "not yet available in English" in html.select_one(".pravo-banner--fallback").get_text()
    body = html.select_one("[data-search-body]")
    assert body["lang"] == "ru", "Russian text under /en/ must say it is Russian"
    assert "Только по-русски" in body.get_text()


def test_translated_page_has_no_fallback_banner(fallback_site):
    html = page(fallback_site, "en/index.html")
    assert not html.select(".pravo-banner--fallback")
    assert not html.select_one("[data-search-body]").get("lang")


def test_malformed_front_matter_stops_the_build(tmp_path):
    import os
    import subprocess
    import sys
    work = tmp_path / "w"
    config = fixture_project(FIXTURE, work)
    page = work / "docs" / "ru" / "only-russian.md"
    page.write_text("---\ntitle: Заголовок\ndescription: Текст: с двоеточием\n---\n\nТекст.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(work / "site")],
                            capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode != 0
    assert "docs/ru/only-russian.md:3: the front matter: not valid YAML" in result.stderr + result.stdout
