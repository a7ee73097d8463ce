"""Discreet mode: nothing in the tab or the header says what the site is."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from sitebuild import ROOT, html_pages, mkdocs_build


@pytest.fixture(scope="module")
def discreet_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("discreet") / "site"
    mkdocs_build(ROOT / "mkdocs.yml", out, env_extra={"PRAVO_DISCREET": "true"})
    return out


def test_discreet_mode_uses_a_neutral_title_name_and_icon(discreet_site):
    for path in html_pages(discreet_site):
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        expected = "Notes" if path.relative_to(discreet_site).parts[0] == "en" else "Заметки"
        assert html.title.get_text(strip=True) == expected, path
        assert html.select_one(".md-header__topic .md-ellipsis").get_text(strip=True) == expected, path
        assert html.select_one("link[rel=icon]")["href"].endswith("assets/images/neutral.svg"), path
        assert html.select_one(".md-logo")["aria-label"] == expected, path


def test_normal_mode_names_the_site(site):
    html = BeautifulSoup((site / "en" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "Pravo" in html.title.get_text()
