"""Texts to pass on (issue #23): on every key page in both languages, the box holds the page's
`share:` text with its figures from data/; Copy puts exactly that text on the clipboard, Share hands
it to the system share sheet where there is one; nothing is sent or stored; it works without
JavaScript, offline and on a 360×740 screen.

Expectations are read from the page files and data/laws/*.yml directly, not computed by
pravo/share.py: a placeholder must come out as words that carry the number written in the data.
"""
from __future__ import annotations

import json
import re

import pytest
import yaml

from pravo.share import KEY_PAGES

from sitebuild import ROOT
from test_privacy import EMPTY, STORAGE_REPORT

LANGUAGES = ("ru", "en")
STRINGS = {lang: yaml.safe_load((ROOT / "i18n" / f"{lang}.yml").read_text(encoding="utf-8")) for lang in LANGUAGES}
PROVISIONS = {p["id"]: p for path in sorted((ROOT / "data" / "laws").glob("*.yml")) if path.name != "compare.yml"
              for p in yaml.safe_load(path.read_text(encoding="utf-8"))["provisions"]}
PLACEHOLDER = re.compile(r"\{(limit|penalty|article):([\w.-]+)\}")
FIELD = "[data-pravo-share] .pravo-share__text"


def written(lang: str, slug: str) -> str:
    text = (ROOT / "docs" / lang / f"{slug}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("\n---", 1)[0].removeprefix("---"))["share"].strip()


def figures(value) -> list[str]:
    """Every whole number in a limit or penalty of data/laws, as it may be printed (1500 -> 1 500 / 1,500)."""
    if isinstance(value, dict):
        return [n for v in value.values() for n in figures(v)]
    if isinstance(value, list):
        return [n for v in value for n in figures(v)]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [f"{value:,.0f}"]
    return []


def assert_expanded(shown: str, source: str) -> None:
    """`shown` is `source` with each placeholder replaced by words carrying the data's own figures."""
    pattern, kinds = "", []
    position = 0
    for match in PLACEHOLDER.finditer(source):
        pattern += re.escape(source[position:match.start()]) + "(.+?)"
        kinds.append((match.group(1), match.group(2)))
        position = match.end()
    found = re.fullmatch(pattern + re.escape(source[position:]), shown, re.S)
    assert found, f"the box does not hold the page's share text:\n{shown}\n---\n{source}"
    for (kind, pid), words in zip(kinds, found.groups()):
        provision = PROVISIONS[pid]
        if kind == "article":
            assert provision["article"] in words, (pid, words)
        else:
            for number in figures(provision[kind] if kind == "limit" else provision[kind]["any_of"][0]):
                printed = {number, number.replace(",", "\u00a0"), number.replace(",", "")}
                assert any(p in words for p in printed), (pid, number, words)
    assert not PLACEHOLDER.search(shown) and "{" not in shown


def address(base: str, lang: str, slug: str) -> str:
    path = slug[: -len("index")] if slug.endswith("index") else slug + "/"
    return base + ("en/" if lang == "en" else "") + path


def open_box(context, base: str, lang: str, slug: str):
    page = context.new_page()
    page.goto(address(base, lang, slug))
    page.wait_for_load_state("networkidle")
    page.click("[data-pravo-share] summary")
    return page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_page_carries_its_text_with_figures_from_data(phone, serve, site, lang):
    base = serve(site)
    for slug in KEY_PAGES:
        page = open_box(phone, base, lang, slug)
        assert page.locator("[data-pravo-share]").count() == 1, slug
        assert page.is_visible(FIELD), slug
        shown = page.input_value(FIELD)
        assert len(shown) <= 700, (slug, len(shown))
        assert_expanded(shown, written(lang, slug))
        assert page.inner_text("[data-pravo-share] summary").strip() == STRINGS[lang]["share.summary"]
        if lang == "en":
            assert not re.search(r"[А-Яа-яЁё]", shown), slug
        page.close()


def test_copy_puts_exactly_the_text_on_the_clipboard_and_nothing_is_sent_or_stored(browser, serve, site):
    base = serve(site)
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    try:
        page = open_box(context, base, "ru", "raid/index")
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        copy = page.locator("[data-pravo-share] [data-action=copy]")
        assert copy.is_visible() and copy.inner_text().strip() == STRINGS["ru"]["share.copy"]
        copy.click()
        page.wait_for_function("document.querySelector('[data-pravo-share] [data-status]').textContent !== ''")
        expected = page.input_value(FIELD)
        assert page.evaluate("navigator.clipboard.readText()") == expected
        assert_expanded(expected, written("ru", "raid/index"))
        assert page.inner_text("[data-pravo-share] [data-status]") == STRINGS["ru"]["share.copied"]
        assert requests == [], f"copying made requests: {requests}"
        assert page.evaluate(STORAGE_REPORT) == EMPTY
        assert context.cookies() == []
    finally:
        context.close()


# Without the clipboard API: the field is selected and the browser copies the selection.
NO_CLIPBOARD = """
Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined, configurable: true});
document.execCommand = function (command) {
  var field = document.activeElement;
  window.__copied = command === 'copy' && field ? field.value.substring(field.selectionStart, field.selectionEnd) : null;
  return true;
};
"""


def test_copy_falls_back_to_copying_the_selection(phone, serve, site):
    phone.add_init_script(NO_CLIPBOARD)
    page = open_box(phone, serve(site), "en", "rights/russia")
    page.click("[data-pravo-share] [data-action=copy]")
    assert page.evaluate("window.__copied") == page.input_value(FIELD) != ""
    assert page.inner_text("[data-pravo-share] [data-status]") == STRINGS["en"]["share.copied"]


STUB_SHARE = "navigator.share = function (data) { window.__shared = data; return Promise.resolve(); };"
NO_SHARE = "delete Navigator.prototype.share; delete navigator.share;"


def test_share_hands_only_the_text_to_the_share_sheet(phone, serve, site):
    phone.add_init_script(STUB_SHARE)
    page = open_box(phone, serve(site), "en", "trafficking/difference")
    button = page.locator("[data-pravo-share] [data-action=share]")
    assert button.is_visible() and button.inner_text().strip() == STRINGS["en"]["share.share"]
    button.click()
    page.wait_for_function("window.__shared !== undefined")
    # Only the text: no title and no address of the site, whose name could give the reader away.
    assert page.evaluate("window.__shared") == {"text": page.input_value(FIELD)}
    assert page.evaluate(STORAGE_REPORT) == EMPTY


def test_share_button_stays_hidden_without_a_share_sheet(phone, serve, site):
    phone.add_init_script(NO_SHARE)
    page = open_box(phone, serve(site), "ru", "rights/kyrgyzstan")
    assert page.evaluate("typeof navigator.share") == "undefined"
    assert not page.is_visible("[data-pravo-share] [data-action=share]")
    assert page.is_visible("[data-pravo-share] [data-action=copy]")


def test_without_javascript_the_text_is_there_and_the_buttons_are_not(browser, serve, site):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    try:
        page = open_box(context, serve(site), "ru", "raid/police-station")
        assert page.is_visible(FIELD)
        assert_expanded(page.input_value(FIELD), written("ru", "raid/police-station"))
        assert page.get_attribute(FIELD, "readonly") is not None
        assert not page.is_visible("[data-pravo-share] [data-action=copy]")
        assert not page.is_visible("[data-pravo-share] [data-action=share]")
        # Selectable by hand: the reader can select all of it and copy it with the phone's own menu.
        page.click(FIELD)
        page.keyboard.press("Control+A")
        selected = page.eval_on_selector(FIELD, "f => f.value.substring(f.selectionStart, f.selectionEnd)")
        assert selected == page.input_value(FIELD)
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_open_box_fits_a_small_phone_without_sideways_scroll(phone, serve, site, lang):
    base = serve(site)
    for slug in ("raid/index", "rights/tajikistan", "rights/migrants-russia"):
        page = open_box(phone, base, lang, slug)
        width = page.evaluate("document.documentElement.clientWidth")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, slug
        for part in (FIELD, "[data-pravo-share] [data-action=copy]", "[data-pravo-share] summary"):
            box = page.locator(part).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, (slug, part, box)
        assert page.eval_on_selector(FIELD, "f => f.scrollWidth <= f.clientWidth"), slug
        page.close()


def test_copy_works_offline_and_the_saved_copy_holds_the_script(phone, serve, site):
    page = open_box(phone, serve(site), "en", "raid/after-release")
    phone.set_offline(True)
    page.click("[data-pravo-share] [data-action=copy]")
    page.wait_for_function("document.querySelector('[data-pravo-share] [data-status]').textContent !== ''")
    assert page.inner_text("[data-pravo-share] [data-status]") in (STRINGS["en"]["share.copied"], STRINGS["en"]["share.failed"])
    for lang in LANGUAGES:
        listing = json.loads((site / "offline" / f"{lang}.json").read_text(encoding="utf-8"))["files"]
        assert any(f.startswith("assets/js/share.js") for f in listing), lang
        saved = set(listing)
        for slug in KEY_PAGES:
            assert address("", lang, slug) in saved, (lang, slug)
