"""No third parties, no traces: crawl the site in a real browser and look."""
from __future__ import annotations

from sitebuild import html_pages, url_path

STORAGE_REPORT = """async () => ({
  cookies: document.cookie,
  local: localStorage.length,
  session: sessionStorage.length,
  databases: indexedDB.databases ? (await indexedDB.databases()).length : 0,
  caches: (await caches.keys()).length,
  workers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
})"""
EMPTY = {"cookies": "", "local": 0, "session": 0, "databases": 0, "caches": 0, "workers": 0}


def test_every_page_loads_only_from_its_own_origin(phone, serve, site):
    base = serve(site)
    foreign, failed = [], []
    page = phone.new_page()
    page.on("request", lambda r: None if r.url.startswith(base) or r.url.startswith("data:")
            else foreign.append(f"{page.url} -> {r.url}"))
    page.on("requestfailed", lambda r: failed.append(f"{r.url}: {r.failure}"))
    for path in html_pages(site):
        if path.name == "404.html":
            continue
        page.goto(base + url_path(site, path))
        page.wait_for_load_state("networkidle")
    assert foreign == []
    assert failed == []


def test_browsing_searching_and_switching_language_store_nothing(phone, serve, site):
    base = serve(site)
    page = phone.new_page()
    page.goto(base)
    page.goto(base + "rights/")
    page.click("label.md-header__button[for='__search']")
    page.fill("[data-pravo-search-input]", "права")
    page.wait_for_selector(".md-search-result__list li")
    page.keyboard.press("Escape")
    page.click(".md-header__option .md-select button")
    page.click("a.md-select__link[hreflang='en']")
    page.wait_for_url(base + "en/rights/")
    page.goto(base + "en/raid/")
    assert page.evaluate(STORAGE_REPORT) == EMPTY
    assert phone.cookies() == []


def test_materials_storage_helper_keeps_everything_in_memory(phone, serve, site):
    # Material stores palette, tabs, banners and repository facts through __md_set.
    page = phone.new_page()
    page.goto(serve(site) + "raid/")
    page.evaluate("""() => {
        __md_set("__palette", {color: {scheme: "slate"}});
        __md_set("__outdated", true, sessionStorage);
    }""")
    assert page.evaluate('() => __md_get("__palette")') == {"color": {"scheme": "slate"}}
    assert page.evaluate(STORAGE_REPORT) == EMPTY
