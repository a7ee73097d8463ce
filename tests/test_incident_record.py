"""The incident record: every field typed reaches the text; nothing leaves the page or stays behind."""
from __future__ import annotations

import pytest
import yaml

from sitebuild import ROOT
from test_privacy import EMPTY, STORAGE_REPORT

STRINGS = {lang: yaml.safe_load((ROOT / "i18n" / f"{lang}.yml").read_text(encoding="utf-8")) for lang in ("ru", "en")}
# What a reader might type, one distinctive value per field.
TYPED = {
    "date": "2026-11-20",
    "time": "23:40",
    "place": "ул. Примерная, у остановки",
    "officers": "сержант Иванов, жетон 123-456\nвторой без жетона, высокий",
    "vehicle": "белая машина, номер A 123 BC",
    "what": "Подошли двое, потребовали документы, посадили в машину.",
    "money": "требовали 5000, я не отдала",
    "documents": "подписала протокол с замечанием; копию не дали",
    "witnesses": "подруга Н., видела из окна",
    "injuries": "синяк на руке, была в травмпункте",
}


def open_form(phone, serve, site, lang="ru"):
    page = phone.new_page()
    base = serve(site)
    requests = []
    page.goto(base + ("en/" if lang == "en" else "") + "raid/incident-record/")
    page.wait_for_load_state("networkidle")
    page.on("request", lambda r: requests.append(r.url))
    return page, requests


def fill_everything(page):
    for name, value in TYPED.items():
        page.fill(f"[data-field='{name}']", value)


def test_every_field_typed_is_in_the_text_and_nothing_is_sent_or_stored(phone, serve, site):
    page, requests = open_form(phone, serve, site)
    assert page.is_visible("[data-pravo-incident] form")
    fill_everything(page)
    page.click("[data-action='make']")
    text = page.input_value("#incident-text")
    for name, value in TYPED.items():
        for line in value.splitlines():
            assert line in text, f"{name}: {line!r} is missing from the record"
        assert STRINGS["ru"][f"incident.field.{name}"] in text
    assert requests == [], f"the form made network requests: {requests}"
    assert page.evaluate(STORAGE_REPORT) == EMPTY
    assert phone.cookies() == []


def test_the_title_is_neutral_unless_the_reader_chooses_otherwise(phone, serve, site):
    page, _ = open_form(phone, serve, site, lang="en")
    page.fill("[data-field='place']", "a bus stop")
    page.click("[data-action='make']")
    assert page.input_value("#incident-text").startswith(STRINGS["en"]["incident.neutral_title"])
    page.uncheck("[data-neutral]")
    page.click("[data-action='make']")
    assert page.input_value("#incident-text").startswith(STRINGS["en"]["incident.title"])


def test_it_works_offline_once_the_page_is_open(phone, serve, site):
    page, _ = open_form(phone, serve, site)
    phone.set_offline(True)
    fill_everything(page)
    page.click("[data-action='make']")
    assert TYPED["money"] in page.input_value("#incident-text")


def test_clear_wipes_the_form_and_the_text(phone, serve, site):
    page, _ = open_form(phone, serve, site)
    fill_everything(page)
    page.click("[data-action='make']")
    page.click("[data-action='clear']")
    assert all(page.input_value(f"[data-field='{name}']") == "" for name in TYPED)
    assert page.input_value("#incident-text") == ""
    assert not page.is_visible("[data-result]")


def test_fields_are_not_remembered_by_the_browser(site):
    html = (site / "raid" / "incident-record" / "index.html").read_text(encoding="utf-8")
    from bs4 import BeautifulSoup
    form = BeautifulSoup(html, "html.parser").select_one("[data-pravo-incident] form")
    assert form["autocomplete"] == "off"
    assert not form.has_attr("action"), "the form must not post anywhere"
    for control in form.select("input, textarea"):
        assert control.get("autocomplete") == "off" or control.get("type") == "checkbox", control
        assert not control.has_attr("name"), "named fields are what browsers remember"


@pytest.mark.parametrize("lang, prefix", [("ru", ""), ("en", "en/")])
def test_without_javascript_the_page_is_the_checklist(browser, serve, site, lang, prefix):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(serve(site) + prefix + "raid/incident-record/")
    assert not page.is_visible("[data-pravo-incident]"), "a form that cannot work must not be shown"
    checklist = page.inner_text("article").lower()
    for name in TYPED:
        label = STRINGS[lang][f"incident.field.{name}"].split()[0].lower()
        assert label in checklist, f"the checklist does not mention {label!r}"
    context.close()
