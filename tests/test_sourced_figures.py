"""Figures are cited: on the numbers page every paragraph, list item or table row with a figure
carries a footnote, and every footnote there links to where the figure comes from."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

FIGURE = re.compile(r"\d")
PAGES = ["trafficking/numbers", "journalists/key-facts"]


def article(site, prefix: str, slug: str) -> BeautifulSoup:
    html = (site / prefix / slug / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article")


def innermost_blocks(root):
    """Paragraphs, list items and table rows outside the footnotes, each counted once."""
    for block in root.select("p, li, tr"):
        if block.find_parent(class_="footnote") or block.find_parent(class_="pravo-law"):
            continue
        if block.name != "tr" and block.select_one("p, li"):
            continue  # the inner block is checked on its own
        yield block


def cited(block) -> bool:
    """A footnote, or (for legal facts) a link to the article the figure comes from."""
    return bool(block.select_one("sup a.footnote-ref, a.footnote-ref")
                or block.select_one("a[href*='rights/'][href*='#']"))


@pytest.mark.parametrize("prefix", ["", "en"])
@pytest.mark.parametrize("slug", PAGES)
def test_every_figure_has_a_source(site, prefix, slug):
    root = article(site, prefix, slug)
    uncited = []
    for block in innermost_blocks(root):
        text = block.get_text(" ", strip=True)
        if FIGURE.search(text) and not cited(block):
            uncited.append(text[:100])
    assert uncited == [], f"{prefix}/{slug}: figures without a source: {uncited}"


@pytest.mark.parametrize("prefix", ["", "en"])
@pytest.mark.parametrize("slug", PAGES)
def test_every_footnote_links_to_a_source(site, prefix, slug):
    root = article(site, prefix, slug)
    notes = root.select(".footnote li")
    assert notes, "the page has no footnotes"
    for note in notes:
        links = [a["href"] for a in note.select("a[href]") if "footnote-backref" not in (a.get("class") or [])]
        assert links, f"{prefix}/{slug}: a footnote names no source link: {note.get_text(' ', strip=True)[:100]}"


def test_a_figure_without_a_footnote_is_caught():
    page = BeautifulSoup("<article><p>In 2017, 81% of reports.</p><p>Words only.</p></article>", "html.parser")
    blocks = [b for b in innermost_blocks(page) if FIGURE.search(b.get_text()) and not cited(b)]
    assert len(blocks) == 1
