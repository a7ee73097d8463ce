"""Every page still works with JavaScript off (an old phone, a locked-down browser, a script that
did not arrive over a bad connection): the menu, the language switch, quick exit, folded text and
search's note on how to find pages without it. The self-check's explanations, the incident
checklist and quick exit's click are tested with JavaScript off in their own files
(test_self_check.py, test_incident_record.py, test_quick_exit.py)."""
from __future__ import annotations

import pytest
import yaml

from sitebuild import ROOT, load_config

STRINGS = {lang: yaml.safe_load((ROOT / "i18n" / f"{lang}.yml").read_text(encoding="utf-8")) for lang in ("ru", "en")}
PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 800}


@pytest.fixture
def no_js(browser):
    contexts = []

    def page(viewport=PHONE):
        context = browser.new_context(java_script_enabled=False, viewport=viewport)
        contexts.append(context)
        return context.new_page()
    yield page
    for context in contexts:
        context.close()


def shown_open(page, wait_ms: int = 3000) -> bool:
    """Search is open and its note is on top (Material fades a closed box out, still "visible"),
    within `wait_ms`: the fade takes its time on a busy machine."""
    # Polled from here: with JavaScript off, wait_for_function's own polling never runs again.
    for _ in range(wait_ms // 100):
        if page.evaluate(OPEN_AND_ON_TOP):
            return True
        page.wait_for_timeout(100)
    return page.evaluate(OPEN_AND_ON_TOP)


OPEN_AND_ON_TOP = ("""() => {
        const note = document.querySelector('.md-search-result__meta');
        const box = note.getBoundingClientRect();
        const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        const output = getComputedStyle(document.querySelector('.md-search__output'));
        return document.getElementById('__search').checked && output.opacity === '1'
               && output.visibility !== 'hidden' && note.contains(top);
    }""")


def tappable(page, selector: str) -> bool:
    """On screen and on top: a tap at its middle reaches it (a closed panel is clipped or covered)."""
    return page.locator(selector).first.evaluate("""element => {
        const box = element.getBoundingClientRect();
        const x = box.x + box.width / 2, y = box.y + box.height / 2;
        if (box.width === 0 || x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
        return element.contains(document.elementFromPoint(x, y));
    }""")


def in_view(page, selector: str, viewport=PHONE) -> bool:
    box = page.locator(selector).first.bounding_box()
    return bool(box) and box["width"] > 0 and 0 <= box["x"] < viewport["width"] and 0 <= box["y"] < viewport["height"]


def test_the_menu_opens_and_leads_to_a_page(no_js, serve, site):
    page = no_js()
    base = serve(site)
    page.goto(base + "raid/")
    link = ".md-sidebar--primary a.md-nav__link[href*='incident-record']"
    assert not tappable(page, link), "the closed menu is on screen"
    # Its name for a screen reader: text inside (aria-label is not allowed on this label).
    assert page.text_content("label.md-header__button[for='__drawer']").strip() == STRINGS["ru"]["menu.open"]
    page.click("label.md-header__button[for='__drawer']")
    assert page.is_checked("#__drawer")
    page.wait_for_timeout(400)  # Material's drawer slides in (0.25 s)
    assert tappable(page, link), "the menu did not open"
    page.click(link)
    page.wait_for_url(base + "raid/incident-record/")


def test_a_menu_section_opens_and_closes(no_js, serve, site):
    page = no_js()
    page.goto(serve(site))
    page.click("label.md-header__button[for='__drawer']")
    toggle = page.locator(".md-sidebar--primary li.md-nav__item--nested",
                          has=page.locator("a[href*='rights/russia']")).first.locator(":scope > input").get_attribute("id")
    link = ".md-sidebar--primary a.md-nav__link[href*='rights/russia']"
    page.wait_for_timeout(400)
    assert not tappable(page, link), "the section is open before a tap"
    page.click(f"label.md-nav__link[for='{toggle}']")
    page.wait_for_timeout(400)  # the panel slides in
    assert tappable(page, link), "the section did not open"
    page.click(f"label.md-nav__title[for='{toggle}']")  # "back"
    page.wait_for_timeout(400)
    assert not tappable(page, link), "the section did not close"


def test_the_language_switch_goes_to_the_twin_page(no_js, serve, site):
    page = no_js()
    base = serve(site)
    page.goto(base + "raid/protocol/")
    page.click(".md-header__option .md-select button")
    page.click("a.md-select__link[hreflang='en']")
    page.wait_for_url(base + "en/raid/protocol/")
    assert page.get_attribute("html", "lang") == "en"
    page.click(".md-header__option .md-select button")
    page.click("a.md-select__link[hreflang='ru']")
    page.wait_for_url(base + "raid/protocol/")


def test_quick_exit_is_on_screen_and_goes_where_the_script_would(no_js, serve, site):
    target = load_config()["extra"]["quick_exit_url"]
    page = no_js()
    base = serve(site)
    for address in ("", "raid/", "en/trafficking/self-check/", "raid/incident-record/"):
        page.goto(base + address)
        assert tappable(page, "a.pravo-exit"), f"quick exit is not on screen on /{address}"
        # quick-exit.js goes to the link's own href: the same place with or without it.
        assert page.get_attribute("a.pravo-exit", "href") == target
        page.mouse.wheel(0, 4000)
        assert tappable(page, "a.pravo-exit"), f"quick exit scrolls away on /{address}"


def test_folded_text_opens_with_a_tap(no_js, serve, site):
    page = no_js()
    page.goto(serve(site) + "rights/kyrgyzstan/")
    fold = page.locator("article details").first
    assert fold.get_attribute("open") is None
    fold.locator(":scope > summary").click()
    assert fold.get_attribute("open") is not None
    assert fold.locator(":scope > summary + *").first.is_visible(), "the folded text did not appear"


@pytest.mark.parametrize("lang, prefix", [("ru", ""), ("en", "en/")])
def test_search_says_how_to_find_pages_on_a_phone(no_js, serve, site, lang, prefix):
    page = no_js()
    page.goto(serve(site) + prefix + "raid/")
    page.click("label.md-header__button[for='__search']")
    note = page.locator(".md-search-result__meta")
    note.wait_for(state="visible")
    assert note.inner_text().strip() == STRINGS[lang]["search.nojs"]
    assert page.is_disabled("[data-pravo-search-input]"), "a box that cannot search must not take typing"
    page.wait_for_timeout(400)  # Material fades the box in
    assert in_view(page, ".md-search-result__meta") and shown_open(page)


def test_search_says_how_to_find_pages_on_a_laptop(no_js, serve, site):
    page = no_js(LAPTOP)
    page.goto(serve(site) + "raid/")
    assert page.is_visible("[data-pravo-search-input]"), "the search box is hidden without JavaScript"
    box = page.locator("[data-pravo-search-input]").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # where a reader clicks
    page.wait_for_timeout(400)  # Material fades the box in
    assert shown_open(page), "a click on the search box did not open it"
    assert page.inner_text(".md-search-result__meta").strip() == STRINGS["ru"]["search.nojs"]
    assert in_view(page, ".md-search-result__meta", LAPTOP)


def test_with_javascript_search_works_as_usual(phone, serve, site):
    page = phone.new_page()
    page.goto(serve(site) + "raid/")
    page.click("label.md-header__button[for='__search']")
    assert page.is_enabled("[data-pravo-search-input]")
    assert page.inner_text(".md-search-result__meta").strip() == STRINGS["ru"]["search.initial"]
