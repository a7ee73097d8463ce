"""Translation freshness: editing the source makes its twin "outdated", in the
report and on the built page; recording the new source version clears it."""
from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from pravo import translations

from sitebuild import ROOT, fixture_project, mkdocs_build

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "fallback-site"


def edit_source(docs: Path) -> None:
    source = docs / "ru" / "index.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nНовый абзац о задержании.\n", encoding="utf-8")


def banner(site: Path):
    html = BeautifulSoup((site / "en" / "index.html").read_text(encoding="utf-8"), "html.parser")
    return html.select_one(".pravo-banner--outdated")


def test_every_translation_of_the_site_records_its_source_and_is_up_to_date():
    """What lands on main is in step: a page changed in one language has its twin updated and marked.
    (A translation that falls behind later shows the banner: the test below.)"""
    rows = translations.table(ROOT / "docs")
    behind = [(slug, lang, state) for slug, lang, state, _ in rows if state not in ("source", "up to date")]
    assert behind == []
    assert sum(1 for *_, state, _ in rows if state == "up to date") >= 30


def test_a_hash_of_digits_only_is_still_compared_as_text(tmp_path):
    """YAML reads an unquoted 849952658504 as a number: the comparison must not see a change."""
    for lang in ("ru", "en"):
        (tmp_path / "docs" / lang).mkdir(parents=True)
    (tmp_path / "docs" / "ru" / "a.md").write_text("---\ntitle: A\ndescription: D\n---\n\nТекст.\n", encoding="utf-8")
    page = tmp_path / "docs" / "en" / "a.md"
    page.write_text("---\ntitle: A\ndescription: D\n---\n\nText.\n", encoding="utf-8")
    translations.mark(page)
    assert '  hash: "' in page.read_text(encoding="utf-8"), "the hash is written as text"
    digits = translations.fingerprint(tmp_path / "docs" / "ru" / "a.md")
    page.write_text(page.read_text(encoding="utf-8").replace(f'"{digits}"', "849952658504"), encoding="utf-8")
    assert translations.status(tmp_path / "docs", "en", "a.md")[0] == "outdated"  # a different hash
    page.write_text(page.read_text(encoding="utf-8").replace("849952658504", digits), encoding="utf-8")
    assert translations.status(tmp_path / "docs", "en", "a.md")[0] == "up to date"


def test_editing_the_source_makes_the_translation_outdated_and_marking_clears_it(tmp_path):
    config = fixture_project(FIXTURE, tmp_path)
    docs = tmp_path / "docs"
    translations.mark(docs / "en" / "index.md")
    assert translations.status(docs, "en", "index.md")[0] == "up to date"
    mkdocs_build(config, tmp_path / "site1")
    assert banner(tmp_path / "site1") is None

    edit_source(docs)
    assert translations.status(docs, "en", "index.md")[0] == "outdated"
    assert ("index.md", "en", "outdated", translations.status(docs, "en", "index.md")[1]["date"]) in translations.table(docs)
    mkdocs_build(config, tmp_path / "site2")
    shown = banner(tmp_path / "site2")
    assert shown is not None, "no banner on an outdated translation"
    assert "may be behind the Russian version" in shown.get_text()
    assert shown.find("a")["href"].rstrip("/") == "..", "the banner links to the Russian page"

    translations.mark(docs / "en" / "index.md")
    assert translations.status(docs, "en", "index.md")[0] == "up to date"
    mkdocs_build(config, tmp_path / "site3")
    assert banner(tmp_path / "site3") is None


def test_mark_keeps_the_rest_of_the_front_matter(tmp_path):
    page = tmp_path / "docs" / "en" / "a.md"
    source = tmp_path / "docs" / "ru" / "a.md"
    page.parent.mkdir(parents=True)
    source.parent.mkdir(parents=True)
    source.write_text("---\ntitle: А\ndescription: Б.\n---\n\nТекст.\n", encoding="utf-8")
    page.write_text("---\ntitle: A\ndescription: B.\noutline: true\n---\n\nText.\n", encoding="utf-8")
    translations.mark(page)
    translations.mark(page)
    meta, body = translations.split(page.read_text(encoding="utf-8"))
    assert meta["title"] == "A" and meta["outline"] is True and body.strip() == "Text."
    assert meta["translated_from"]["lang"] == "ru" and len(meta["translated_from"]["hash"]) == 12
    assert page.read_text(encoding="utf-8").count("translated_from") == 1
