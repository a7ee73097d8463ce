"""The detention clock: each limit of data/clock.yml as a clock time and a date, worked out in the
browser from fixed times (across midnight, a month end, a year end, a weekend), in both languages;
the rules as text without JavaScript; nothing sent, nothing stored."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from bs4 import BeautifulSoup

from pravo import data as pravo_data

from sitebuild import ROOT
from test_privacy import EMPTY, STORAGE_REPORT

DATA = pravo_data.load(ROOT)
CLOCK = DATA.clock
COUNTRIES = ("kg", "tj", "ru")

# Written here, not taken from i18n/: the test says what a reader must see.
MONTHS = {"ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(),
          "en": "January February March April May June July August September October November December".split()}
WEEKDAYS = {"ru": "пн вт ср чт пт сб вс".split(), "en": "Mon Tue Wed Thu Fri Sat Sun".split()}
UNTIL = {"ru": "до", "en": "until"}
LAST_DAY = {"ru": "последний день:", "en": "last day:"}
MOVED = {"ru": "перенесён с выходного на рабочий день", "en": "moved from a weekend to a working day"}

# (taken, decision): across midnight and a month end; across a year end; a decision whose tenth
# day is a Saturday (14 March 2026), which only Russia's rule moves to the Monday.
CASES = [("2026-03-31T22:30", "2026-02-27"), ("2026-12-31T23:15", "2026-12-25"), ("2026-02-28T21:59", "2026-03-04")]


def day_words(d: date, lang: str) -> str:
    return f"{WEEKDAYS[lang][d.weekday()]} {d.day} {MONTHS[lang][d.month - 1]} {d.year}"


def expected(row: dict, taken: str, decision: str, lang: str) -> str:
    """What the reader must see after the limit, computed here from data/laws/ alone."""
    limit = DATA.laws.provisions[row["id"]]["limit"]
    value, unit = limit["value"], limit["unit"]
    if row["from"] == "taken":
        assert unit == "hours", "this test knows hour limits from the moment of detention"
        end = datetime.fromisoformat(taken) + timedelta(hours=value)
        return f"— {UNTIL[lang]} {end:%H:%M}, {day_words(end.date(), lang)}"
    assert unit == "days", "this test knows appeal limits in days"
    end = date.fromisoformat(decision) + timedelta(days=value)
    text = f"— {LAST_DAY[lang]} {day_words(end, lang)}"
    if row.get("next_working_day") and end.weekday() >= 5:
        end += timedelta(days=7 - end.weekday())
        text = f"— {LAST_DAY[lang]} {day_words(end, lang)} ({MOVED[lang]})"
    return text


def page_path(lang: str, slug: str) -> str:
    return ("en/" if lang == "en" else "") + slug


def built(site, lang: str, slug: str) -> BeautifulSoup:
    return BeautifulSoup((site / page_path(lang, slug) / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_row_shows_its_limit_and_article_from_the_law_data(site, lang):
    soup = built(site, lang, "raid/clock/")
    for country in COUNTRIES:
        block = soup.select_one(f"[data-clock-country='{country}']")
        items = block.select("li")
        assert len(items) == len(CLOCK[country]["rows"])
        for item, row in zip(items, CLOCK[country]["rows"]):
            limit = DATA.laws.provisions[row["id"]]["limit"]
            slot = item.select_one("[data-clock-at]")
            assert (float(slot["data-value"]), slot["data-unit"]) == (limit["value"], limit["unit"]), row["id"]
            assert slot.has_attr("hidden"), "without JavaScript the slot stays out of the way"
            assert row[lang] in item.get_text(), "the rule is readable as text"
            for pid in [row["id"], *row.get("also", [])]:
                anchor = "#" + pid.replace(".", "-")
                assert any(a["href"].endswith(anchor) for a in item.select("a")), f"{pid} has no article link"
            assert slot.has_attr("data-working-days") == bool(row.get("next_working_day"))


@pytest.mark.parametrize("slug, chosen", [("raid/", ""), ("raid/police-station/", ""), ("raid/clock/", ""),
                                          ("rights/kyrgyzstan/", "kg"), ("rights/tajikistan/", "tj"),
                                          ("rights/russia/", "ru")])
def test_the_clock_is_on_the_raid_station_and_country_pages(site, slug, chosen):
    for lang in ("ru", "en"):
        box = built(site, lang, slug).select_one("[data-pravo-clock]")
        assert box is not None, f"{lang} {slug} has no detention clock"
        assert box["data-country"] == chosen
        assert box.has_attr("open") == (slug == "raid/clock/"), "folded except on its own page"


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("taken, decision", CASES)
def test_each_limit_becomes_a_clock_time_and_date(phone, serve, site, lang, taken, decision):
    page = phone.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    base = serve(site)
    page.goto(base + page_path(lang, "raid/clock/"))
    page.fill("#clock-taken", taken)
    page.fill("#clock-decision", decision)
    for country in COUNTRIES:
        slots = page.locator(f"[data-clock-country='{country}'] [data-clock-at]")
        for index, row in enumerate(CLOCK[country]["rows"]):
            assert slots.nth(index).inner_text().strip() == expected(row, taken, decision, lang), (country, row["id"])
    assert all(url.startswith(base) for url in requests), requests
    assert page.evaluate(STORAGE_REPORT) == EMPTY
    assert phone.cookies() == []


def test_a_russian_deadline_on_a_saturday_moves_and_others_do_not(phone, serve, site):
    page = phone.new_page()
    page.goto(serve(site) + "raid/clock/")
    page.fill("#clock-decision", "2026-03-04")  # + 10 days = Saturday 14 March 2026
    appeal = "[data-clock-country='{}'] [data-clock-at][data-from='decision']"
    assert "пн 16 марта 2026" in page.inner_text(appeal.format("ru"))
    assert "сб 14 марта 2026" in page.inner_text(appeal.format("kg"))
    assert "сб 14 марта 2026" in page.inner_text(appeal.format("tj"))


def test_choosing_a_country_shows_only_its_limits(phone, serve, site):
    page = phone.new_page()
    page.goto(serve(site) + "en/raid/clock/")
    visible = lambda: [c for c in COUNTRIES if page.is_visible(f"[data-clock-country='{c}']")]  # noqa: E731
    assert visible() == list(COUNTRIES), "no country chosen: all three"
    page.select_option("#clock-country", "tj")
    assert visible() == ["tj"]
    page.select_option("#clock-country", "")
    assert visible() == list(COUNTRIES)


@pytest.mark.parametrize("slug, country", [("rights/kyrgyzstan/", "kg"), ("rights/russia/", "ru")])
def test_a_country_page_chooses_its_country(phone, serve, site, slug, country):
    page = phone.new_page()
    page.goto(serve(site) + slug)
    page.click(".pravo-clock > summary")
    assert page.input_value("#clock-country") == country
    assert [c for c in COUNTRIES if page.is_visible(f"[data-clock-country='{c}']")] == [country]
    assert page.is_visible(f"[data-clock-country='{country}'] [data-clock-at]")


def test_the_start_time_is_now_on_the_phones_clock(phone, serve, site):
    page = phone.new_page()
    page.goto(serve(site) + "raid/clock/")
    shown = datetime.fromisoformat(page.input_value("#clock-taken"))
    now = datetime.fromisoformat(page.evaluate(
        "(() => { const d = new Date(); d.setMinutes(d.getMinutes() - d.getTimezoneOffset());"
        " return d.toISOString().slice(0, 16); })()"))
    assert abs(now - shown) <= timedelta(minutes=2)
    assert page.input_value("#clock-decision") == now.date().isoformat()


def test_without_javascript_the_rules_are_text(browser, serve, site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(serve(site) + "raid/clock/")
    assert not page.is_visible("[data-clock-form]"), "the form needs the script"
    for country in COUNTRIES:
        text = page.inner_text(f"[data-clock-country='{country}']")
        for row in CLOCK[country]["rows"]:
            assert row["ru"] in text
    assert page.locator("[data-clock-at]:visible").count() == 0
    context.close()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_clock_fits_a_small_phone(phone, serve, site, lang):
    page = phone.new_page()
    page.goto(serve(site) + page_path(lang, "raid/clock/"))
    page.fill("#clock-taken", CASES[0][0])
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the clock page is {width} px wide on a 360 px screen"
    for selector in ("#clock-country", "#clock-taken", "#clock-decision", ".pravo-clock > summary"):
        box = page.locator(selector).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, f"{selector} is {box['width']}×{box['height']} px"


def test_clock_data_states_only_sourced_limits_and_no_typed_figure(tmp_path):
    from sitebuild import with_test_data

    with_test_data(tmp_path)
    (tmp_path / "data" / "clock.yml").write_text("""kg:
  counted_from: {id: kg.cop.126, ru: С момента задержания., en: From detention.}
  rows:
    - {id: kg.cop.126, from: taken, ru: Обычный срок, en: The usual limit}
    - {id: kg.cop.1, from: taken, ru: Срок, en: Limit}
    - {id: kg.cop.999, from: taken, ru: Срок, en: Limit}
    - {id: tj.pcao.63, from: taken, ru: Срок, en: Limit}
    - {id: kg.cop.126, from: decision, next_working_day: true, ru: Срок 10 дней, en: Ten days}
""", encoding="utf-8")
    problems = [p for p in pravo_data.load(tmp_path).problems if p.path.name == "clock.yml"]
    messages = "\n".join(f"{p.line}: {p.message} — {p.hint}" for p in problems)
    assert "`kg.cop.126` has no time limit" in messages
    assert "`kg.cop.1` is not verified" in messages
    assert "unknown law `kg.cop.999`" in messages
    assert "`tj.pcao.63` is not a law of kg" in messages
    assert "a figure typed into the ru label of `kg.cop.126`" in messages
    assert "moves a weekend day but says nothing about holidays" in messages
    assert len({(p.line, p.message) for p in problems}) == len(problems), "one message per problem"
    lines = {p.line for p in problems}
    assert {4, 5, 6, 7, 8} <= lines, messages
