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


# The keys a Russian keyboard (ЙЦУКЕН) uses for these capitals: the browser sees Shift with that key.
RUSSIAN_KEYS = {"М": "KeyV", "В": "KeyD", "Д": "KeyL", "Р": "KeyH", "У": "KeyE", "О": "KeyJ"}


@pytest.mark.parametrize("words", ["МВД", "РУВД ОВД", "Hello World"])
def test_typing_capital_letters_never_leaves(phone, serve, site, neutral, words):
    """Three capitals typed within two seconds are three Shifts used with other keys, not a signal."""
    page = phone.new_page()
    page.goto(serve(site) + "raid/incident-record/")
    page.evaluate("() => { document.querySelector('[data-pravo-incident]').hidden = false; }")
    field = page.locator("#incident-what")
    field.click()
    for letter in words:
        if letter == " ":
            page.keyboard.press("Space")
        elif letter.isupper():
            page.keyboard.down("Shift")
            page.keyboard.press(RUSSIAN_KEYS.get(letter, f"Key{letter}"))
            page.keyboard.up("Shift")
        else:
            page.keyboard.press(letter)
    page.wait_for_timeout(300)
    assert "incident-record" in page.url and neutral == []
    if words.isascii():
        assert field.input_value() == words


def test_a_held_shift_between_bare_ones_starts_the_count_again(phone, serve, site, neutral):
    page, base = open_two_pages(phone, serve, site)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.down("Shift")
    page.keyboard.press("A")
    page.keyboard.up("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url == base + "raid/"


def test_a_page_inside_another_sites_frame_shows_nothing(browser, serve, site):
    context = browser.new_context()
    page = context.new_page()
    base = serve(site)
    page.set_content(f'<iframe src="{base}raid/" width="360" height="600"></iframe>')
    frame = page.frames[1]
    frame.wait_for_load_state()
    assert frame.evaluate("() => document.documentElement.hidden") is True
    context.close()


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
