"""Accessibility: axe-core on every page of both languages, on a phone-sized screen, and
keyboard-only journeys through quick exit, search and the incident record, and the size of
every tap target."""
from __future__ import annotations

import pytest
from screens import SMALL_TARGETS, sizes

from sitebuild import html_pages, url_path

SERIOUS = ("serious", "critical")
# WCAG 2.0, 2.1 and 2.2 A and AA rules.
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
           "resultTypes": ["violations"]}


def serious_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page, options=WCAG_AA).response["violations"]
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in found if v["impact"] in SERIOUS]


def test_every_page_has_no_serious_accessibility_violation(phone, serve, site):
    base = serve(site)
    page = phone.new_page()
    problems = {}
    for path in html_pages(site):
        address = url_path(site, path)
        page.goto(base + address)
        found = serious_violations(page)
        if found:
            problems[address] = found
    assert problems == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_contrast_holds_in_both_colour_schemes(browser, serve, site, scheme):
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme)
    page = context.new_page()
    page.goto(serve(site) + "raid/incident-record/")
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page, options={"runOnly": {"type": "rule", "values": ["color-contrast"]}}).response["violations"]
    assert [v for v in found if v["impact"] in SERIOUS] == []
    context.close()


def focused(page) -> str:
    return page.evaluate("() => { const e = document.activeElement; return e.dataset.pravoExit !== undefined ? 'exit'"
                         " : (e.getAttribute('data-field') || e.getAttribute('data-action') || e.id || e.tagName); }")


def tab_until(page, target: str, limit: int) -> int:
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if focused(page) == target:
            return presses
    raise AssertionError(f"{target} not reached in {limit} presses of Tab")


def test_quick_exit_is_reached_first_after_the_skip_link(phone, serve, site):
    page = phone.new_page()
    page.goto(serve(site) + "raid/")
    assert tab_until(page, "exit", 2) <= 2  # Material's "skip to content" link comes first
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused quick exit shows no focus ring"


def test_search_by_keyboard_alone(phone, serve, site):
    page = phone.new_page()
    page.goto(serve(site) + "raid/")
    page.keyboard.press("/")
    assert page.evaluate("() => document.activeElement.matches('[data-pravo-search-input]')")
    page.keyboard.type("протокол")
    page.wait_for_selector("[data-pravo-search-result] .md-search-result__list a")
    first = page.eval_on_selector("[data-pravo-search-result] .md-search-result__list a", "a => a.href")
    for _ in range(4):  # past the box's own buttons to the first result
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.href") == first:
            break
    assert page.evaluate("() => document.activeElement.href") == first, "the first result is not reachable by Tab"
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none", \
        "the focused search result shows no focus ring"
    page.keyboard.press("Enter")
    page.wait_for_url(first)


def test_incident_record_by_keyboard_alone(phone, serve, site):
    page = phone.new_page()
    page.goto(serve(site) + "raid/incident-record/")
    tab_until(page, "place", 120)
    page.keyboard.type("у рынка")
    tab_until(page, "make", 40)
    page.keyboard.press("Enter")
    assert "у рынка" in page.input_value("#incident-text")


# Tap targets (issue #20): primary actions at least 44 × 44 CSS px (WCAG 2.5.5), everything else
# at least 24 × 24 (WCAG 2.2, 2.5.8). Measured on a 360×740 phone with touch.
PRIMARY = {
    "": [".pravo-now li > a", ".pravo-countries li > a"],   # the emergency box, the countries
    "rights/": [".pravo-countries li > a"],
    "raid/pocket-cards/": [".pravo-card a[download]"],      # card and booklet downloads
    "trafficking/self-check/": [".pravo-selfcheck button"],
    "raid/incident-record/": [".pravo-incident__buttons button"],
    "404.html": [".pravo-actions a"],
}
OTHER_TARGET_PAGES = ["", "rights/", "rights/kyrgyzstan/", "raid/", "raid/police-station/", "raid/pocket-cards/",
                      "raid/incident-record/", "trafficking/self-check/", "help/", "journalists/", "404.html"]


def _too_small(found, minimum):
    return [f"«{text}» {w:.0f}×{h:.0f}" for text, w, h in found if w < minimum - 0.5 or h < minimum - 0.5]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_primary_actions_are_44_px_or_more(phone, serve, site, lang):
    page = phone.new_page()
    base = serve(site) + ("en/" if lang == "en" else "")
    small = {}
    for path, selectors in PRIMARY.items():
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        if path == "raid/incident-record/":
            page.click("[data-action='make']")  # shows the copy and print buttons
        for selector in selectors + ["[data-pravo-exit]"]:
            found = sizes(page, selector)
            assert found, f"{lang}/{path}: nothing matches {selector}"
            if _too_small(found, 44):
                small[f"{lang}/{path} {selector}"] = _too_small(found, 44)
    # "Show more" in search.
    page.click(".md-header label[for='__search']")
    page.fill("[data-pravo-search-input]", "задержали" if lang == "ru" else "detained")
    page.wait_for_selector(".pravo-search-more button")
    found = sizes(page, ".pravo-search-more button")
    if _too_small(found, 44):
        small["search: show more"] = _too_small(found, 44)
    assert small == {}, f"primary actions smaller than 44×44 px: {small}"


def test_every_other_target_is_24_px_or_more(phone, serve, site):
    """Links inside a sentence are exempt (WCAG 2.5.8, "inline"); everything else is measured,
    the open menu and every self-check question included."""
    page = phone.new_page()
    base = serve(site)
    small = {}
    for lang in ("", "en/"):
        for path in OTHER_TARGET_PAGES:
            page.goto(base + lang + path)
            page.wait_for_load_state("networkidle")
            if path == "trafficking/self-check/":
                for question in ("age", "act", "means", "purpose"):
                    page.click(f"[data-question='{question}'] [data-answer='unknown']")
            found = page.evaluate(SMALL_TARGETS, 24)
            if found:
                small[lang + path] = found[:5]
        page.goto(base + lang + "raid/")
        page.click("[data-pravo-menu]")
        page.wait_for_timeout(400)
        found = page.evaluate(SMALL_TARGETS, 24)
        if found:
            small[lang + "menu"] = found[:5]
    assert small == {}, f"tap targets smaller than 24×24 px: {small}"
