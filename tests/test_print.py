"""The print stylesheet: the text only, with the addresses of links written out."""
from __future__ import annotations

import pytest

HIDDEN_IN_PRINT = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", "a.pravo-exit"]


@pytest.mark.parametrize("path", ["", "raid/protocol/", "en/rights/kyrgyzstan/"])
def test_print_hides_navigation_and_the_quick_exit(phone, serve, site, path):
    page = phone.new_page()
    page.set_viewport_size({"width": 1200, "height": 900})  # the desktop layout, where the sidebars show
    page.goto(serve(site) + path)
    for selector in HIDDEN_IN_PRINT:
        assert page.locator(selector).first.is_visible(), f"{selector} should be on screen before printing"
    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        assert not page.locator(selector).first.is_visible(), f"{selector} is printed on {path or '/'}"
    assert page.locator("article h1").is_visible()


def test_printed_links_show_their_address(phone, serve, site):
    page = phone.new_page()
    page.goto(serve(site) + "raid/incident-record/")
    page.emulate_media(media="print")
    after = page.evaluate("""() => {
        const link = document.querySelector("article a[data-print-href]");
        return [link.dataset.printHref, getComputedStyle(link, "::after").content];
    }""")
    assert after[0].startswith("https://"), after
    assert after[0] in after[1], f"the printed link does not show its address: {after}"


def test_printing_the_incident_record_prints_the_record_alone(phone, serve, site):
    page = phone.new_page()
    page.goto(serve(site) + "raid/incident-record/")
    page.fill("[data-field='place']", "у остановки")
    page.click("[data-action='make']")
    page.evaluate("() => document.documentElement.classList.add('pravo-printing-record')")
    page.emulate_media(media="print")
    assert page.is_visible("[data-print]")
    assert "у остановки" in page.inner_text("[data-print]")
    assert not page.locator("article h1").is_visible()
    assert not page.locator("[data-pravo-incident] form").is_visible()
