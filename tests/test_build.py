"""The built site: strict, deterministic, bilingual, relative, self-contained."""
from __future__ import annotations

import filecmp
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from pravo.checks import twins

from sitebuild import ROOT, html_pages, mkdocs_build

LANGUAGES = ("ru", "en")
# Attributes through which a page loads something (as opposed to <a href> links).
RESOURCE_ATTRS = {
    "script": ["src"], "img": ["src", "srcset"], "source": ["src", "srcset"], "video": ["src", "poster"],
    "audio": ["src"], "track": ["src"], "iframe": ["src"], "frame": ["src"], "embed": ["src"],
    "object": ["data"], "input": ["src"], "image": ["href", "xlink:href"], "use": ["href", "xlink:href"],
}
LOADING_LINK_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload",
                     "prefetch", "preconnect", "dns-prefetch", "manifest", "prerender"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content_pages(site: Path) -> list[Path]:
    return [p for p in html_pages(site) if p.name != "404.html"]


def language_of(site: Path, page: Path) -> str:
    first = page.relative_to(site).parts[0]
    return first if first in LANGUAGES[1:] else LANGUAGES[0]


def twin_of(site: Path, page: Path, language: str) -> Path:
    rel = page.relative_to(site)
    if rel.parts[0] in LANGUAGES[1:]:
        rel = Path(*rel.parts[1:])
    return site / rel if language == LANGUAGES[0] else site / language / rel


def resolve(site: Path, page: Path, href: str, mount: str = "/") -> Path | None:
    """The file a relative link on `page` points at, or None for links leaving the site."""
    page_url = mount + page.relative_to(site).as_posix()
    target = urlsplit(urljoin("http://site" + page_url, href))
    if target.netloc != "site":
        return None
    path = target.path
    assert path.startswith(mount), f"{page}: link {href!r} leaves the site's folder {mount}"
    path = path[len(mount):]
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def local_links(html: BeautifulSoup):
    """Every href/src/srcset in the page, as (tag, attribute, value)."""
    for tag in html.find_all(True):
        for attr in ("href", "src", "data"):
            if tag.get(attr):
                yield tag, attr, tag[attr]
        if tag.get("srcset"):
            for candidate in tag["srcset"].split(","):
                yield tag, "srcset", candidate.split()[0]


def test_every_page_has_its_twin():
    assert twins.pages(ROOT / "docs", "ru"), "docs/ru has no pages"
    assert list(twins.check(ROOT / "docs")) == []


def test_properdocs_builds_the_same_site_byte_for_byte(site, tmp_path):
    """A second build, by ProperDocs (the maintained fork of MkDocs 1.x), gives the same files: the
    build is deterministic, and the site does not depend on which of the two engines made it."""
    again = tmp_path / "again"
    mkdocs_build(ROOT / "mkdocs.yml", again, engine="properdocs")
    first = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert first == second
    # sitemap.xml carries the build date (the same unless the two builds straddle midnight).
    differing = [rel for rel in first if not rel.name.startswith("sitemap.xml")
                 and not filecmp.cmp(site / rel, again / rel, shallow=False)]
    assert differing == []


def test_html_lang_matches_the_language_folder(site):
    for page in html_pages(site):
        assert soup(page).html["lang"] == language_of(site, page), page


def test_each_language_has_its_own_404_page(site):
    assert soup(site / "404.html").html["lang"] == "ru"
    assert soup(site / "en" / "404.html").html["lang"] == "en"
    assert "Страница не найдена" in (site / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in (site / "en" / "404.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang, other, label", [("ru", "en", "Английская версия сайта"),
                                                ("en", "ru", "Russian version of the site")])
def test_the_404_page_leads_to_the_raid_page_and_speaks_its_own_language(site, lang, other, label):
    page = soup(site / ("404.html" if lang == "ru" else "en/404.html"))
    links = page.select(".pravo-actions a")
    raid = "/raid/" if lang == "ru" else "/en/raid/"
    assert links[0]["href"] == raid, "the raid page must be the first way on from a missing page"
    assert (site / raid.strip("/") / "index.html").exists()
    [switch] = [a for a in links if a.get("hreflang") == other]
    assert switch.get_text(strip=True) == label
    # The label is in the page's language, so it carries no lang of its own.
    assert switch.find_parent(attrs={"lang": other}) is None


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_home_page_introduction_is_40_words_or_fewer(site, lang):
    """The emergency box and the countries come first; the introduction after them is short."""
    article = soup(site / ("index.html" if lang == "ru" else "en/index.html")).select_one("article")
    blocks = [e for e in article.select(".admonition, .pravo-countries, p") if not e.find_parent(class_="admonition")]
    assert "pravo-now" in blocks[0]["class"], "the home page must start with the emergency box"
    countries = next(i for i, e in enumerate(blocks) if "pravo-countries" in (e.get("class") or []))
    intro = next(e for e in blocks[countries + 1:] if e.name == "p")
    words = [w for w in intro.get_text(" ").split() if any(c.isalpha() for c in w)]
    assert len(words) <= 40, f"the {lang} introduction has {len(words)} words: {intro.get_text()[:80]}…"


@pytest.mark.parametrize("other", LANGUAGES)
def test_language_switcher_leads_to_the_same_page(site, other):
    for page in content_pages(site):
        links = soup(page).select(f"a.md-select__link[hreflang='{other}']")
        assert len(links) == 1, f"{page}: no switcher link to {other}"
        assert resolve(site, page, links[0]["href"]) == twin_of(site, page, other), page


def test_hreflang_alternates_point_at_both_twins(site):
    for page in content_pages(site):
        alternates = {link["hreflang"]: link["href"] for link in soup(page).select("link[rel=alternate][hreflang]")}
        assert set(alternates) == set(LANGUAGES), page
        for language, href in alternates.items():
            # In full (search engines ignore a relative hreflang), on the site's own address.
            assert href.startswith("https://pravo.example.org/"), f"{page}: {href}"
            local = "/" + href[len("https://pravo.example.org/"):]
            assert resolve(site, page, local) == twin_of(site, page, language), page


def test_nothing_is_loaded_from_another_origin(site):
    offenders = []
    for page in html_pages(site):
        html = soup(page)
        for name, attrs in RESOURCE_ATTRS.items():
            for tag in html.find_all(name):
                for attr in attrs:
                    for value in (tag.get(attr) or "").split(","):
                        value = value.strip().split(" ")[0]
                        if re.match(r"^(https?:)?//", value):
                            offenders.append(f"{page}: <{name} {attr}={value}>")
        for link in html.find_all("link"):
            if LOADING_LINK_RELS & set(link.get("rel", [])) and re.match(r"^(https?:)?//", link.get("href", "")):
                offenders.append(f"{page}: <link rel={link['rel']} href={link['href']}>")
        for styled in html.find_all(style=True):
            offenders += [f"{page}: style url {m}" for m in CSS_URL.findall(styled["style"]) if "//" in "".join(m)]
        for style in html.find_all("style"):
            offenders += [f"{page}: <style> {m}" for m in CSS_URL.findall(style.get_text()) if "//" in "".join(m)]
    for sheet in site.rglob("*.css"):
        for match in CSS_URL.findall(sheet.read_text(encoding="utf-8")):
            url = match[0] or match[1]
            if re.match(r"^(https?:)?//", url):
                offenders.append(f"{sheet}: {url}")
    assert offenders == []


# A script may parse relative URLs against this dummy base; it never fetches it.
URL_PARSING_BASE = "new URL(`https://example.com${"


def test_own_scripts_name_no_other_origin(site):
    # Material's bundle is checked at run time by the browser tests; these are ours.
    scripts = list((site / "assets" / "js").glob("*.js")) + list((site / "search").rglob("*.js"))
    assert len(scripts) >= 3
    for script in scripts:
        text = script.read_text(encoding="utf-8").replace(URL_PARSING_BASE, "")
        assert not re.search(r"https?://", text), f"{script} names another origin"


def test_no_google_fonts_or_analytics(site):
    for page in html_pages(site):
        text = page.read_text(encoding="utf-8")
        for marker in ("fonts.googleapis", "fonts.gstatic", "googletagmanager", "google-analytics", "unpkg.com"):
            assert marker not in text, f"{page} mentions {marker}"


def test_no_root_absolute_links(site):
    # Root-absolute links break under a sub-path. 404 pages are the one exception:
    # hosts serve them at any address, so MkDocs writes them with the site's path.
    offenders = [f"{page.relative_to(site)}: <{tag.name} {attr}={value}>"
                 for page in content_pages(site)
                 for tag, attr, value in local_links(soup(page))
                 if value.startswith("/")]
    assert offenders == []


def test_sub_path_build_resolves_every_link(subpath_site):
    missing = []
    for page in html_pages(subpath_site):
        for _tag, _attr, value in local_links(soup(page)):
            if value.startswith("#") or re.match(r"^[a-z]+:", value) or value.startswith("//"):
                continue
            target = resolve(subpath_site, page, value, mount="/pravo/")
            if target is not None and not target.exists():
                missing.append(f"{page.relative_to(subpath_site)}: {value}")
    assert missing == []


def test_outline_pages_say_they_are_in_preparation(site):
    for language in LANGUAGES:
        for slug, source in twins.pages(ROOT / "docs", language).items():
            if "\noutline: true" not in source.read_text(encoding="utf-8").split("\n---", 1)[0]:
                continue
            rel = Path(slug).with_suffix("")
            rel = rel.parent if rel.name == "index" else rel
            built = (site if language == "ru" else site / language) / rel / "index.html"
            assert soup(built).select(".pravo-banner--outline"), built


def test_heading_anchors_are_readable_words_not_numbers(site):
    # Journalists cite sections: #что-делать-при-задержании, never #_1.
    for page in content_pages(site):
        for heading in soup(page).select("article h2[id], article h3[id]"):
            assert not re.fullmatch(r"_\d+", heading["id"]), f"{page}: anchor {heading['id']}"
