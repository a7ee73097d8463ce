"""The navigation menu by keyboard alone, where Material shows it as a drawer: on a phone and on
a laptop at 200 % zoom. Closed, off-screen menus never take focus; on a wide screen the sidebar
stays an ordinary list of links."""
from __future__ import annotations

import pytest

NARROW = {"phone": (360, 740), "zoom-200": (640, 400)}


def open_page(browser, serve, site, size, path="raid/"):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    page.goto(serve(site) + path)
    return context, page


def tab_to(page, selector: str, limit: int = 30) -> int:
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => document.activeElement.matches({selector!r})"):
            return presses
    raise AssertionError(f"{selector} not reached in {limit} presses of Tab")


@pytest.mark.parametrize("screen", list(NARROW))
def test_the_menu_opens_and_leads_to_a_page_by_keyboard(browser, serve, site, screen):
    context, page = open_page(browser, serve, site, NARROW[screen])
    assert page.evaluate("() => document.querySelector('.md-sidebar--primary').inert"), \
        "the closed menu's links can take focus while off-screen"
    tab_to(page, "[data-pravo-menu]")
    assert page.get_attribute("[data-pravo-menu]", "aria-expanded") == "false"
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none", \
        "the focused menu button shows no focus ring"
    page.keyboard.press("Enter")
    assert page.is_checked("#__drawer"), "Enter did not open the menu"
    assert page.get_attribute("[data-pravo-menu]", "aria-expanded") == "true"
    assert page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')"), \
        "focus did not move into the menu"
    tab_to(page, ".md-sidebar--primary a.md-nav__link[href$='help/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/help/")
    context.close()


def test_escape_closes_the_menu_and_returns_focus(browser, serve, site):
    context, page = open_page(browser, serve, site, NARROW["phone"])
    tab_to(page, "[data-pravo-menu]")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    assert not page.is_checked("#__drawer")
    assert page.evaluate("() => document.activeElement.matches('[data-pravo-menu]')")
    context.close()


def test_a_section_opens_by_keyboard_and_its_links_are_reachable(browser, serve, site):
    context, page = open_page(browser, serve, site, NARROW["phone"], path="")
    tab_to(page, "[data-pravo-menu]")
    page.keyboard.press("Enter")
    section = "button.md-nav__link[data-toggle][aria-expanded]"
    tab_to(page, section)
    toggle = page.evaluate("() => document.activeElement.dataset.toggle")
    was = page.is_checked(f"#{toggle}")
    page.keyboard.press("Enter")
    assert page.is_checked(f"#{toggle}") != was, "Enter did not open or close the section"
    if not was:
        assert page.evaluate(f"() => !!document.activeElement.closest('#{toggle} ~ nav')"), \
            "focus did not move into the opened section"
    context.close()


def test_on_a_wide_screen_the_sidebar_is_plain_links(browser, serve, site):
    context, page = open_page(browser, serve, site, (1280, 800))
    assert not page.evaluate("() => document.querySelector('.md-sidebar--primary').inert")
    assert page.locator(".md-sidebar--primary button[data-toggle], .md-sidebar--primary [role='button']").count() == 0
    context.close()


@pytest.mark.parametrize("screen", list(NARROW))
def test_the_menu_toggles_are_real_buttons_with_names(browser, serve, site, screen):
    """A <label> may not be a button (HTML, ARIA: Lighthouse's aria-allowed-role): after the script
    ran, every toggle a keyboard reaches is a <button> with a name and its state."""
    context, page = open_page(browser, serve, site, NARROW[screen], path="")
    assert page.locator("label[role], label[aria-expanded], label[aria-label]").count() == 0
    assert page.evaluate("() => document.querySelector('[data-pravo-menu]').tagName") == "BUTTON"
    toggles = page.locator(".md-sidebar--primary button[data-toggle]")
    assert toggles.count() >= 4
    for index in range(toggles.count()):
        toggle = toggles.nth(index)
        assert (toggle.get_attribute("aria-label") or toggle.inner_text()).strip(), "a toggle without a name"
    sections = page.locator(".md-sidebar--primary button.md-nav__link[data-toggle]")
    assert sections.count() >= 3
    for index in range(sections.count()):
        assert sections.nth(index).get_attribute("aria-expanded") in ("true", "false")
    context.close()
