"""Small screens and zoom: key pages reflow without sideways scrolling on a 360×740 phone,
at 200 % zoom of a 1280×800 laptop (640×400 CSS pixels) and at 400 % (320×200, WCAG 1.4.10),
and the quick exit stays on screen. Screenshots at 360×740 are kept in tests/artifacts/."""
from __future__ import annotations

import pytest

from sitebuild import ROOT

KEY_PAGES = ["", "raid/", "raid/police-station/", "raid/protocol/", "raid/after-release/", "raid/incident-record/",
             "rights/kyrgyzstan/", "trafficking/self-check/", "help/"]
SCREENS = {"phone-360x740": (360, 740), "zoom-200": (640, 400), "zoom-400": (320, 200)}
ARTIFACTS = ROOT / "tests" / "artifacts" / "screenshots"

# Data tables and code may scroll inside their own box (focusable, see focusable_tables.py) without
# the page scrolling: the WCAG 1.4.10 exception for content that needs two dimensions.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter(e => {
    if (e.closest('table, pre, .md-search, [hidden]')) return false;  // tables and code scroll in their own box
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1;
  }).map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : ''));
  return {page: document.documentElement.scrollWidth - width, wide: [...new Set(wide)].slice(0, 5)};
}"""


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_key_pages_reflow_without_sideways_scrolling(browser, serve, site, screen, lang):
    width, height = SCREENS[screen]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    base = serve(site) + ("en/" if lang == "en" else "")
    problems = {}
    for path in KEY_PAGES:
        page.goto(base + path)
        found = page.evaluate(OVERFLOW)
        if found["page"] > 0 or found["wide"]:
            problems[path] = found
        exit_box = page.locator("[data-pravo-exit]").bounding_box()
        assert exit_box and exit_box["x"] >= 0 and exit_box["x"] + exit_box["width"] <= width, \
            f"{lang}/{path}: the quick exit is not fully on screen at {screen}"
    context.close()
    assert problems == {}, f"content wider than the screen at {screen}: {problems}"


def test_screenshots_of_key_pages_on_a_small_phone(phone, serve, site):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = phone.new_page()
    for lang in ("ru", "en"):
        for path in KEY_PAGES:
            page.goto(serve(site) + ("en/" if lang == "en" else "") + path)
            name = f"{lang}-{path.strip('/').replace('/', '-') or 'home'}.png"
            target = ARTIFACTS / name
            page.screenshot(path=str(target), full_page=False)
            assert target.stat().st_size > 5_000, f"{name} looks blank"
