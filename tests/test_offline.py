"""Reading without internet: only after the reader opts in, and removable without a trace."""
from __future__ import annotations

import json

import yaml

from sitebuild import ROOT
from test_privacy import EMPTY, STORAGE_REPORT

STRINGS = {lang: yaml.safe_load((ROOT / "i18n" / f"{lang}.yml").read_text(encoding="utf-8")) for lang in ("ru", "en")}


def save_copy(phone, base: str, lang: str = "ru"):
    page = phone.new_page()
    page.goto(base + ("en/" if lang == "en" else "") + "about/")
    assert page.evaluate(STORAGE_REPORT) == EMPTY, "the About page alone must store nothing"
    page.click("[data-pravo-offline] [data-action='save']")
    page.wait_for_selector("[data-pravo-offline] [data-action='remove']:visible", timeout=60_000)
    return page


def test_saved_pages_and_search_open_without_a_network(phone, serve, site):
    base = serve(site)
    page = save_copy(phone, base)
    listing = json.loads((site / "offline" / "ru.json").read_text(encoding="utf-8"))
    pages = [f for f in listing["files"] if f.endswith("/")]
    assert f"{len(pages)}" in page.inner_text("[data-pravo-offline] [data-status]")
    phone.set_offline(True)
    for path in ("raid/protocol/", "rights/kyrgyzstan/", "trafficking/palermo/"):
        page.goto(base + path)
        assert page.locator("article h1").is_visible(), f"{path} does not open offline"
    page.click("label.md-header__button[for='__search']")
    page.fill("[data-pravo-search-input]", "протокол")
    page.wait_for_selector(".md-search-result__list li", timeout=20_000)
    assert "raid/protocol/" in page.eval_on_selector_all(".md-search-result__list a", "links => links.map(a => a.href).join(' ')")


def test_remove_leaves_nothing_behind(phone, serve, site):
    base = serve(site)
    page = save_copy(phone, base, lang="en")
    page.click("[data-pravo-offline] [data-action='remove']")
    page.wait_for_selector("[data-pravo-offline] [data-action='save']:visible")
    assert page.inner_text("[data-pravo-offline] [data-status]") == STRINGS["en"]["offline.removed"]
    assert page.evaluate(STORAGE_REPORT) == EMPTY


def test_each_copy_holds_its_language_only(site):
    for lang in ("ru", "en"):
        files = json.loads((site / "offline" / f"{lang}.json").read_text(encoding="utf-8"))["files"]
        pages = [f for f in files if f.endswith("/")]
        assert pages and all((f.startswith("en/") if lang == "en" else not f.startswith("en/")) for f in pages)
        assert f"search/{lang}/meta.js" in files and any(f.startswith(f"search/{lang}/w/") for f in files), "its search index"
        assert any(f.startswith("cards/") and f"-{lang}" in f for f in files), "its pocket cards"
        for f in files:
            assert (site / f.split("?")[0] / ("index.html" if f.endswith("/") else "")).exists(), f


def test_without_opting_in_no_service_worker_exists(phone, serve, site):
    page = phone.new_page()
    base = serve(site)
    for path in ("", "about/", "raid/protocol/"):
        page.goto(base + path)
    assert page.evaluate(STORAGE_REPORT) == EMPTY


def test_the_downloadable_copy_opens_from_the_file_system_with_search(browser, site, tmp_path):
    import zipfile

    with zipfile.ZipFile(site / "offline.zip") as archive:
        names = archive.namelist()
        assert "pravo/index.html" in names and "pravo/search/ru/meta.js" in names and "pravo/search/en/meta.js" in names
        assert not [n for n in names if n.endswith("sw.js") or n.startswith("pravo/offline/")]
        archive.extractall(tmp_path)
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto((tmp_path / "pravo" / "raid" / "index.html").as_uri())
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed"), \
        "Material's stylesheet did not load from the file system"
    page.click("article a[href='protocol/index.html']")
    assert page.url.endswith("/pravo/raid/protocol/index.html")
    page.click("label.md-header__button[for='__search']")
    page.fill("[data-pravo-search-input]", "протоколе")
    page.wait_for_selector(".md-search-result__list li")
    links = page.eval_on_selector_all(".md-search-result__list a", "links => links.map(a => a.href)")
    assert any(link.endswith("/pravo/raid/protocol/index.html") for link in links), links
    assert all(link.startswith("file://") for link in links)
    assert errors == []
    context.close()


def test_the_about_page_links_to_the_copy(site):
    for page, link in (("about/index.html", "../offline.zip"), ("en/about/index.html", "../../offline.zip")):
        assert f'href="{link}"' in (site / page).read_text(encoding="utf-8")
        assert ((site / page).parent / link).resolve() == (site / "offline.zip").resolve()


def test_the_search_text_is_page_text_only():
    """The index (also the downloadable copy's): no ¶, no ↩, no source list under a legal entry."""
    from pravo import search_index
    fragment = ('<div data-search-body><h1>Заголовок</h1><h2 id="a">Штраф<a class="headerlink" href="#a">¶</a></h2>'
                '<p>Текст.<a class="footnote-backref" href="#f">↩</a></p><details class="pravo-law__meta"><summary>Сверено'
                '</summary><ul><li>court-practice page</li></ul></details><p>Дальше.</p><div class="footnote">'
                '<ol><li>Source title</li></ol></div></div>')
    page = search_index.read_page("x/", fragment)
    assert page.title == "Заголовок"
    assert [(s.id, s.heading, search_index.section_text(s)) for s in page.sections] == [("", "", ""), ("a", "Штраф", "Текст. Дальше.")]
