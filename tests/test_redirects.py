"""A moved page's old address keeps working, in both languages (data/redirects.yml)."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import fixture_project, mkdocs_build

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "fallback-site"


def build_with(tmp_path: Path, redirects: str) -> Path:
    work = tmp_path / "w"
    config = fixture_project(FIXTURE, work)
    (work / "data" / "redirects.yml").write_text(redirects, encoding="utf-8")
    mkdocs_build(config, work / "site")
    return work / "site"


def test_an_old_address_sends_the_reader_on_in_both_languages(tmp_path, browser, serve):
    site = build_with(tmp_path, "old/home.md: index.md\n")
    context = browser.new_context()
    page = context.new_page()
    base = serve(site)
    page.goto(base + "old/home/")
    page.wait_for_url(base)
    page.goto(base + "en/old/home/")
    page.wait_for_url(base + "en/")
    context.close()
    html = (site / "old" / "home" / "index.html").read_text(encoding="utf-8")
    assert "<script" not in html, "no script: the strict CSP stays as it is"


def test_a_redirect_to_a_missing_page_stops_the_build(tmp_path):
    with pytest.raises(AssertionError, match=r"data/redirects.yml:1: `old.md: nowhere.md` — docs/ru/nowhere.md does not exist"):
        build_with(tmp_path, "old.md: nowhere.md\n")
