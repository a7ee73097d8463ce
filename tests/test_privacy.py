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
    foreign, failed, console, errors = [], [], [], []
    page = phone.new_page()
    page.on("console", lambda m: console.append(f"{page.url}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("request", lambda r: None if r.url.startswith(base) or r.url.startswith("data:")
            else foreign.append(f"{page.url} -> {r.url}"))
    # Leaving a page cancels a late favicon request (net::ERR_ABORTED): that is the browser, not the site.
    page.on("requestfailed", lambda r: None if r.url.endswith("favicon.png") and "ERR_ABORTED" in (r.failure or "")
            else failed.append(f"{r.url}: {r.failure}"))
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    for path in html_pages(site):
        if path.name == "404.html":
            continue
        page.goto(base + url_path(site, path))
        page.wait_for_load_state("networkidle")
    assert foreign == []
    assert failed == []
    assert errors == [], "requests that fail waste a slow connection"
    assert [m for m in console if "Content Security Policy" in m or "Content-Security-Policy" in m] == []


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


def test_no_page_has_an_inline_script_so_the_policy_needs_no_exception(site):
    """The policy allows scripts only from the site itself: with no inline script of ours, any
    inline script that reached a page would be refused by the browser, not approved by a hash."""
    from bs4 import BeautifulSoup

    for path in html_pages(site):
        for script in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("script"):
            assert script.get("src") or script.get("type") == "application/json", f"{path}: an inline script"


def page_policy(path) -> dict[str, list[str]]:
    from bs4 import BeautifulSoup
    meta = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one(
        'meta[http-equiv="Content-Security-Policy"]')
    assert meta is not None, f"{path} has no Content-Security-Policy"
    return {d.split()[0]: d.split()[1:] for d in meta["content"].split(";") if d.strip()}


def test_every_page_has_a_strict_content_security_policy(site):
    for path in html_pages(site):  # articles, both 404 pages and any redirect page alike
        policy = page_policy(path)
        assert policy["script-src"] == ["'self'"], f"{path}: {policy['script-src']}"
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"], path
        assert policy["form-action"] == ["'none'"] and policy["default-src"] == ["'none'"], path
        html = path.read_text(encoding="utf-8")
        assert '<meta name="referrer" content="no-referrer">' in html
        assert 'name="generator"' not in html, f"{path} names the tool that made it"


def test_headers_file_carries_the_same_policy(site):
    headers = (site / "_headers").read_text(encoding="utf-8")
    assert headers.startswith("/*\n")
    assert "Referrer-Policy: no-referrer" in headers and "Permissions-Policy: camera=()" in headers
    policy_line = next(line for line in headers.splitlines() if "Content-Security-Policy:" in line)
    for path in html_pages(site):
        for source in page_policy(path)["script-src"]:
            assert source in policy_line, f"{source} of {path} is missing from _headers"
    assert "frame-ancestors 'none'" in policy_line
    assert "Strict-Transport-Security: max-age=31536000" in headers
