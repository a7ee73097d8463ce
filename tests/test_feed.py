"""The update feeds: valid Atom, one per language, every entry a real page of that language."""
from __future__ import annotations

from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize("lang, feed", [("ru", "feed.xml"), ("en", "en/feed.xml")])
def test_each_language_has_a_valid_feed_of_its_own_pages(site, lang, feed):
    root = ElementTree.parse(site / feed).getroot()  # raises on invalid XML
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) >= 5
    dates = [e.findtext(f"{ATOM}updated") for e in entries]
    assert dates == sorted(dates, reverse=True), "newest first"
    # Each page is dated by its own last commit: in a full clone they are not all one date.
    assert len(set(dates)) > 1, "every entry has the same date: a shallow clone, or dates not read per page"
    for entry in entries:
        path = urlsplit(entry.find(f"{ATOM}link").get("href")).path.lstrip("/")
        assert path.startswith("en/") == (lang == "en"), path
        page = site / path / "index.html"
        assert page.exists(), path
        assert 'class="pravo-banner pravo-banner--outline' not in page.read_text(encoding="utf-8"), \
            f"{path}: an outline is not news"
        assert entry.findtext(f"{ATOM}title") and entry.findtext(f"{ATOM}summary")


@pytest.mark.parametrize("page, feed", [("raid/index.html", "feed.xml"), ("en/raid/index.html", "en/feed.xml")])
def test_pages_point_to_their_languages_feed(site, page, feed):
    import re

    html = (site / page).read_text(encoding="utf-8")
    href = re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', html).group(1)
    assert ((site / page).parent / href).resolve() == (site / feed).resolve()


def test_a_shallow_clone_leaves_the_dates_out_instead_of_making_them_all_the_same(tmp_path):
    import subprocess

    from pravo import gitdates

    from sitebuild import ROOT

    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{ROOT}", str(clone)], check=True)
    assert gitdates.changed(clone, clone / "docs" / "ru" / "index.md") is None
    assert gitdates.changed(ROOT, ROOT / "docs" / "ru" / "index.md") is not None
