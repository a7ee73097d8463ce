"""Accessibility: axe-core on every page of both languages, on a phone-sized screen, and
keyboard-only journeys through quick exit, search and the incident record."""
from __future__ import annotations

import pytest

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
