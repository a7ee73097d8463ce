"""Quick exit on every page: by button, by Shift ×3, and as a plain link without JavaScript."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from sitebuild import html_pages, load_config

EXIT_URL = load_config()["extra"]["quick_exit_url"]
EXIT_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(EXIT_URL))


def test_every_page_has_a_quick_exit_link(site):
    for page in html_pages(site):
        link = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("a.pravo-exit")
        assert link is not None, page
        assert link["href"] == EXIT_URL
        assert "noreferrer" in link["rel"]
        assert link.get_text(strip=True), f"{page}: the quick exit has no visible label"


@pytest.fixture
def neutral(phone):
    """Answer for the neutral site (there is no network here) and record what reached it."""
    visits = []

    def answer(route):
        visits.append(route.request.headers.get("referer"))
        route.fulfill(status=200, content_type="text/html", body="<title>neutral</title><p>neutral</p>")

    phone.route(EXIT_ORIGIN + "/**", answer)
    return visits


def open_two_pages(phone, serve, site):
    page = phone.new_page()
    base = serve(site)
    page.goto(base)
    page.goto(base + "raid/")
    return page, base


def test_quick_exit_button_leaves_and_back_does_not_return(phone, serve, site, neutral):
    page, base = open_two_pages(phone, serve, site)
    page.click("a.pravo-exit")
    page.wait_for_url(EXIT_ORIGIN + "/**")
    assert neutral == [None], "the neutral site must get no Referer"
    page.go_back()
    assert not page.url.startswith(base + "raid/"), "Back returned to the page the reader left"


def test_shift_three_times_leaves(phone, serve, site, neutral):
    page, base = open_two_pages(phone, serve, site)
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT_ORIGIN + "/**")
    page.go_back()
    assert not page.url.startswith(base + "raid/")


def test_shift_twice_does_nothing(phone, serve, site, neutral):
    page, base = open_two_pages(phone, serve, site)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url == base + "raid/"


def test_quick_exit_works_without_javascript(browser, serve, site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    visits = []
    context.route(EXIT_ORIGIN + "/**", lambda route: (visits.append(route.request.headers.get("referer")),
                                                      route.fulfill(status=200, body="neutral")))
    page = context.new_page()
    page.goto(serve(site) + "en/raid/")
    page.click("a.pravo-exit")
    page.wait_for_url(EXIT_ORIGIN + "/**")
    assert visits == [None]
    context.close()


def test_quick_exit_is_visible_on_a_small_phone(phone, serve, site):
    page = phone.new_page()
    page.goto(serve(site) + "rights/")
    box = page.locator("a.pravo-exit").bounding_box()
    assert box and box["width"] >= 44 and box["height"] >= 44 * 0.8
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360 and box["y"] + box["height"] <= 740
    page.mouse.wheel(0, 3000)
    assert page.locator("a.pravo-exit").is_visible()
