"""Sources a journalist can open (#22.4): the Sources page lists every document of
data/sources.yml with its publisher, its year or that none is stated, a public copy or why there
is none, and the pages that cite it; footnotes land on the exact entry; make check refuses a
footnote that names no document, an id that does not exist and a document nobody cites."""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

from pravo.checks import run as run_checks
from pravo.problems import format_problem

from sitebuild import ROOT, html_pages

SOURCES = yaml.safe_load((ROOT / "data" / "sources.yml").read_text(encoding="utf-8"))["sources"]
PAGE = {"ru": "about/sources/index.html", "en": "en/about/sources/index.html"}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_document_is_listed_with_what_a_journalist_needs(site, lang):
    page = soup(site / PAGE[lang])
    for source in SOURCES:
        entry = page.find(id=source["id"])
        assert entry is not None and entry.name == "dt", f"no entry #{source['id']} on the {lang} Sources page"
        assert entry.get_text(strip=True) == source["title"][lang]
        details = entry.find_next_sibling("dd").get_text(" ", strip=True)
        assert source["publisher"][lang] in details
        if source.get("year"):
            assert str(source["year"]) in details
        else:
            assert ("год не указан" if lang == "ru" else "year not stated") in details
        if source.get("url"):
            assert entry.find_next_sibling("dd").find("a", href=source["url"]) is not None
        else:
            assert source["no_public_copy"][lang] in details


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_document_names_the_pages_that_cite_it_and_they_do(site, lang):
    page_file = site / PAGE[lang]
    page = soup(page_file)
    for source in SOURCES:
        cited = page.find(id=source["id"]).find_next_sibling("dd").find(class_="pravo-source__cited")
        assert cited is not None, f"#{source['id']}: no citing pages listed ({lang})"
        links = cited.find_all("a")
        assert links
        for link in links:
            target = (page_file.parent / link["href"]).resolve() / "index.html"
            assert target.is_file(), f"#{source['id']}: {link['href']} is not a page"
            hrefs = {a["href"] for a in soup(target).find_all("a", href=True)}
            assert any(h.endswith(f"about/sources/#{source['id']}") for h in hrefs), \
                f"{link['href']} is listed as citing #{source['id']} but has no link to it"


def test_every_link_from_a_footnote_to_the_sources_page_lands_on_an_entry(site):
    ids = {s["id"] for s in SOURCES}
    footnote_links = 0
    for path in html_pages(site):
        for note in soup(path).select("div.footnote li"):
            for link in note.find_all("a", href=True):
                address = urljoin(f"http://x/{path.relative_to(site).as_posix()}", link["href"])
                if "/about/sources/" in address:
                    footnote_links += 1
                    fragment = address.partition("#")[2]
                    assert fragment in ids, f"{path.relative_to(site)}: a footnote links to {link['href']}"
    assert footnote_links >= 40  # the trafficking and journalists' pages cite the documents in footnotes


def project(tmp_path: Path, footnote: str) -> Path:
    shutil.copytree(ROOT / "data" / "schemas", tmp_path / "data" / "schemas")
    shutil.copy(ROOT / "data" / "sources.yml", tmp_path / "data" / "sources.yml")
    shutil.copytree(ROOT / "i18n", tmp_path / "i18n")
    for lang in ("ru", "en"):
        (tmp_path / "docs" / lang / "about").mkdir(parents=True)
        (tmp_path / "docs" / lang / "about" / "sources.md").write_text(
            "---\ntitle: S\ndescription: D.\n---\n\n<!-- pravo:sources documents -->\n\n<!-- pravo:sources research -->\n",
            encoding="utf-8")
        notes = "".join(f"[^{s['id']}]: A — [S](about/sources.md#{s['id']})\n" for s in SOURCES)
        (tmp_path / "docs" / lang / "index.md").write_text(
            f"---\ntitle: T\ndescription: D.\n---\n\nText.[^x]\n\n{footnote}\n{notes}", encoding="utf-8")
    return tmp_path


def problems(root: Path) -> list[str]:
    return [format_problem(p, root) for p in run_checks(root)]


def test_a_footnote_that_names_every_document_passes(tmp_path):
    assert problems(project(tmp_path, "[^x]: Ibid. — [S](about/sources.md#ochneva)")) == []


def test_a_footnote_pointing_to_the_sources_page_without_a_document_is_refused(tmp_path):
    found = problems(project(tmp_path, "[^x]: Ibid. — [S](about/sources.md)"))
    assert len(found) == 2  # once per language
    assert found[0].startswith("docs/ru/index.md:8: a footnote links to the Sources page without saying which document")
    assert "about/sources.md#ID" in found[0]


def test_a_footnote_naming_a_document_that_does_not_exist_is_refused(tmp_path):
    found = problems(project(tmp_path, "[^x]: Ibid. — [S](about/sources.md#no-such-report)"))
    assert any(line.startswith("docs/ru/index.md:8: the link `about/sources.md#no-such-report` points to a section")
               for line in found), found


def test_a_document_no_page_cites_is_refused_at_its_line_in_the_data(tmp_path):
    root = project(tmp_path, "")
    for lang in ("ru", "en"):
        index = root / "docs" / lang / "index.md"
        index.write_text(index.read_text(encoding="utf-8").replace("#ochneva)", ")"),
                         encoding="utf-8")
    found = problems(root)
    line = next(n for n, text in enumerate((ROOT / "data" / "sources.yml").read_text(encoding="utf-8").splitlines(), 1)
                if re.match(r"\s*- id: ochneva$", text))
    assert f"data/sources.yml:{line}: no page in docs/ru/ cites the document `ochneva`" in "\n".join(found), found
