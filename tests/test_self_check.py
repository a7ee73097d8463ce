"""The self-check "Is this trafficking?": every result is reachable, by mouse and by keyboard,
and nothing leaves the page or stays behind. Without JavaScript the page explains itself."""
from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup

from sitebuild import ROOT
from test_privacy import EMPTY, STORAGE_REPORT

STRINGS = {lang: yaml.safe_load((ROOT / "i18n" / f"{lang}.yml").read_text(encoding="utf-8")) for lang in ("ru", "en")}
QUESTIONS = ("age", "act", "means", "purpose")

# One path per result: (age, act, means, purpose) -> the result the Palermo test gives.
PATHS = [
    (("no", "yes", "yes", "yes"), "trafficking"),
    (("yes", "yes", "no", "yes"), "child-trafficking"),   # a child: no means needed
    (("yes", "no", "no", "no"), "child-other"),
    (("no", "yes", "yes", "no"), "other-harm"),           # coercion without exploitation
    (("no", "yes", "no", "no"), "not-trafficking"),       # someone helped with the trip, nothing more
    (("no", "yes", "unknown", "yes"), "unclear"),
]


def open_check(phone, serve, site, lang="ru"):
    page = phone.new_page()
    page.goto(serve(site) + ("en/" if lang == "en" else "") + "trafficking/self-check/")
    page.wait_for_load_state("networkidle")
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    return page, requests


def outcome_heading(page, name: str) -> str:
    return page.inner_text(f"#outcome-{name}").replace("¶", "").strip()


@pytest.mark.parametrize("answers, expected", PATHS, ids=[p[1] for p in PATHS])
def test_each_result_is_reached_and_nothing_is_sent_or_stored(phone, serve, site, answers, expected):
    page, requests = open_check(phone, serve, site)
    assert not page.is_visible("[data-result]")
    for question, answer in zip(QUESTIONS, answers):
        page.click(f"[data-question='{question}'] [data-answer='{answer}']")
    result = page.locator("[data-result]")
    assert result.is_visible()
    assert result.get_attribute("data-outcome") == expected
    assert outcome_heading(page, expected) in result.inner_text(), "the result does not show its explanation"
    assert requests == [], f"the self-check made network requests: {requests}"
    assert page.evaluate(STORAGE_REPORT) == EMPTY
    assert phone.cookies() == []


def test_questions_come_one_at_a_time(phone, serve, site):
    page, _ = open_check(phone, serve, site, lang="en")
    assert page.is_visible("[data-question='age']") and not page.is_visible("[data-question='act']")
    page.click("[data-question='age'] [data-answer='no']")
    assert page.is_visible("[data-question='act']") and not page.is_visible("[data-question='means']")
    assert page.get_attribute("[data-question='age'] [data-answer='no']", "aria-pressed") == "true"


def test_changing_an_answer_changes_the_result_and_restart_clears_it(phone, serve, site):
    page, _ = open_check(phone, serve, site)
    for question, answer in zip(QUESTIONS, ("no", "yes", "no", "no")):
        page.click(f"[data-question='{question}'] [data-answer='{answer}']")
    assert page.get_attribute("[data-result]", "data-outcome") == "not-trafficking"
    page.click("[data-question='means'] [data-answer='yes']")
    page.click("[data-question='purpose'] [data-answer='yes']")
    assert page.get_attribute("[data-result]", "data-outcome") == "trafficking"
    page.click("[data-action='restart']")
    assert not page.is_visible("[data-result]")
    assert not page.is_visible("[data-question='act']")
    assert page.locator("[aria-pressed='true']").count() == 0


def test_the_self_check_by_keyboard_alone(phone, serve, site):
    page, _ = open_check(phone, serve, site, lang="en")
    yes = STRINGS["en"]["selfcheck.yes"]
    no = STRINGS["en"]["selfcheck.no"]
    for wanted in (no, yes, yes, yes):
        for _ in range(150):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.textContent.trim()") == wanted:
                break
        else:
            raise AssertionError(f"the {wanted!r} button was not reached by Tab")
        assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none", \
            f"the focused {wanted!r} button shows no focus ring"
        page.keyboard.press("Enter")
    assert page.get_attribute("[data-result]", "data-outcome") == "trafficking"
    assert page.evaluate("() => document.activeElement.id") == "selfcheck-result", "focus does not move to the result"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_without_javascript_the_page_explains_every_result(browser, serve, site, prefix):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(serve(site) + prefix + "trafficking/self-check/")
    assert not page.is_visible("[data-pravo-selfcheck]"), "buttons that cannot work must not be shown"
    for _, name in PATHS:
        assert page.is_visible(f"#outcome-{name}"), f"the explanation of {name} is not on the page"
    context.close()


def test_the_buttons_are_plain_and_the_questions_translated(site):
    for lang, prefix in (("ru", ""), ("en", "en/")):
        html = (site / prefix / "trafficking" / "self-check" / "index.html").read_text(encoding="utf-8")
        root = BeautifulSoup(html, "html.parser").select_one("[data-pravo-selfcheck]")
        assert root is not None and root.has_attr("hidden")
        assert root.select("form, input") == [], "no form fields, so the browser has nothing to remember"
        for question in QUESTIONS:
            legend = root.select_one(f"[data-question='{question}'] legend").get_text(strip=True)
            assert legend == STRINGS[lang][f"selfcheck.q.{question}"]


def test_a_self_check_page_without_every_result_fails_the_build(tmp_path):
    """make check catches it (tests/test_bad_inputs.py); the build asks the same marker code."""
    from pravo import data, markers
    from pravo.pages import Page

    from sitebuild import with_test_data

    with_test_data(tmp_path)
    text = "<!-- pravo:self-check -->\n\n### Signs {#outcome-trafficking}\n"
    _, problems = markers.expand(data.load(tmp_path), Page(tmp_path, "ru/self-check.md", "ru"), text)
    [problem] = problems
    assert problem.line == 1 and "no explanation for the result(s) child-trafficking" in problem.message
    assert "unclear" in problem.message
