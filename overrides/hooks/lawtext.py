"""Words for legal data in Russian and English: article references, penalties,
time limits, money, dates. Pure functions, so tests can check every phrase."""
from __future__ import annotations

import re
from datetime import date

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]


DATA_LANGUAGES = ("ru", "en")


def data_language(lang: str) -> str:
    """The language the data is written in for a page in `lang`: a language added later
    (Kyrgyz, Tajik, Uzbek…) shows legal facts in Russian until data/ carries its own text."""
    return lang if lang in DATA_LANGUAGES else "ru"


def language_folder(src_uri: str) -> str:
    """'ky/raid/protocol.md' -> 'ky': with docs_structure: folder, the first folder is the language."""
    parts = src_uri.split("/")
    return parts[0] if len(parts) > 1 and re.fullmatch(r"[a-z]{2,3}", parts[0]) else ""


def number(value: float, lang: str) -> str:
    """1500 -> '1 500' (ru, no-break space) or '1,500' (en)."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return text.replace(",", "\u00a0") if lang == "ru" else text


def ru_plural(n: float, one: str, few: str, many: str) -> str:
    """Russian noun after a number: 1 час, 2 часа, 5 часов."""
    if not float(n).is_integer():
        return few
    n = int(n) % 100
    if n % 10 == 1 and n != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n <= 14:
        return few
    return many


# Genitive forms follow "до"/"от … до" in Russian: до 5 лет, до 1 года.
RU_GENITIVE = {"days": ("суток", "суток"), "hours": ("часа", "часов"), "years": ("года", "лет")}
RU_NOMINATIVE = {"days": ("день", "дня", "дней"), "hours": ("час", "часа", "часов")}
RU_ACCUSATIVE = {"days": ("сутки", "суток", "суток"), "hours": ("час", "часа", "часов"),
                 "years": ("год", "года", "лет")}
EN_UNITS = {"days": ("day", "days"), "hours": ("hour", "hours"), "years": ("year", "years")}


def ru_genitive(n: float, unit: str) -> str:
    singular, plural = RU_GENITIVE[unit]
    return singular if ru_plural(n, "1", "", "") == "1" else plural


def en_unit(n: float, unit: str) -> str:
    one, many = EN_UNITS[unit]
    return one if n == 1 else many


def span(amount: dict, lang: str, unit_word) -> str:
    """'от 3 до 7 суток' / '3 to 7 days' / 'до 15 суток' / 'up to 15 days' / '200 …'."""
    low, high = amount.get("min"), amount.get("max")
    if low is not None and high is not None and low != high:
        if lang == "ru":
            return f"от {number(low, lang)} до {number(high, lang)} {unit_word(high)}"
        return f"{number(low, lang)} to {number(high, lang)} {unit_word(high)}"
    if low is None and high is not None:
        return (f"до {number(high, lang)} {unit_word(high)}" if lang == "ru"
                else f"up to {number(high, lang)} {unit_word(high)}")
    value = high if high is not None else low
    return f"{number(value, lang)} {unit_word(value)}"


def money_value(amount: dict, unit: dict, lang: str) -> str | None:
    """An indicator fine in money for the latest year with a known value: '15 600 сомони в 2026 году'.

    A verified value wins; without one, the latest secondary value is used and says where it
    comes from. An unverified value is never turned into money."""
    if "currency" not in unit:
        return None
    values = [v for v in unit.get("values", []) if v["status"] == "verified"]
    secondary = not values
    values = values or [v for v in unit.get("values", []) if v["status"] == "secondary"]
    if not values:
        return None
    latest = max(values, key=lambda v: v["year"])
    scaled = {k: amount[k] * latest["amount"] for k in ("min", "max") if amount.get(k) is not None}
    currency = unit["currency"][lang]
    text = span(scaled, lang, lambda n: currency)
    text = f"{text} в {latest['year']} году" if lang == "ru" else f"{text} in {latest['year']}"
    if secondary:
        text += ", по сообщениям СМИ" if lang == "ru" else ", according to news reports"
    return text


def fine(amount: dict, units: dict, lang: str) -> str:
    unit = units[amount["unit"]]
    abbr = unit["abbr"][lang]
    text = span(amount, lang, lambda n: abbr)
    money = money_value(amount, unit, lang)
    if money:
        text += f" ({money})"
    return f"штраф {text}" if lang == "ru" else f"a fine of {text}"


def time_penalty(kind: str, amount: dict, lang: str) -> str:
    unit = amount.get("unit", "days")
    words = {
        "arrest": ("арест", "administrative arrest for"),
        "community_work": ("общественные работы", "community work for"),
        # Russia's КоАП says «обязательные работы»: the same idea, but the code's own term.
        "compulsory_work": ("обязательные работы", "compulsory work for"),
        "imprisonment": ("лишение свободы", "imprisonment for"),
        "restriction_of_liberty": ("ограничение свободы", "restriction of liberty for"),
    }[kind]
    if lang == "ru":
        low, high = amount.get("min"), amount.get("max")
        if low is not None and high is not None and low != high:
            length = f"от {number(low, lang)} до {number(high, lang)} {ru_genitive(high, unit)}"
        elif low is None:
            length = f"до {number(high, lang)} {ru_genitive(high, unit)}"
        else:  # a fixed length: "на 5 суток", "на 2 года"
            length = f"на {number(low, lang)} {ru_plural(low, *RU_ACCUSATIVE[unit])}"
        return f"{words[0]} {length}"
    return f"{words[1]} {span(amount, lang, lambda n: en_unit(n, unit))}"


def one_penalty(amount: dict, units: dict, lang: str) -> str:
    kind = amount["type"]
    if kind == "fine":
        return fine(amount, units, lang)
    if kind == "expulsion":
        return "административное выдворение" if lang == "ru" else "administrative expulsion"
    if kind == "confiscation":
        return "конфискация имущества" if lang == "ru" else "confiscation of property"
    return time_penalty(kind, amount, lang)


def penalty(penalty_data: dict, units: dict, lang: str) -> str:
    """'штраф 200 р. п. или арест от 3 до 7 суток' / 'a fine of … or administrative arrest for 3 to 7 days'."""
    joiner = " или " if lang == "ru" else " or "
    text = joiner.join(one_penalty(a, units, lang) for a in penalty_data["any_of"])
    extras = [one_penalty(a, units, lang) for a in penalty_data.get("optional_extra", [])]
    for extra in extras:
        text += f" — с {_ru_instrumental(extra)} или без него" if lang == "ru" else f", with or without {extra}"
    return text


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _ru_instrumental(phrase: str) -> str:
    return {"административное выдворение": "административным выдворением",
            "конфискация имущества": "конфискацией имущества"}.get(phrase, phrase)


def limit(limit_data: dict, lang: str) -> str:
    """'3 часа' / '3 hours'; '10 дней' / '10 days'."""
    value, unit = limit_data["value"], limit_data["unit"]
    if lang == "ru":
        return f"{number(value, lang)} {ru_plural(value, *RU_NOMINATIVE[unit])}"
    return f"{number(value, lang)} {en_unit(value, unit)}"


def article(provision: dict, lang: str) -> str:
    """'ст. 109-2' / 'ч. 2 ст. 130' / 'art. 130(2)'."""
    art, part = provision["article"], provision.get("part")
    if lang == "ru":
        return f"ч. {part} ст. {art}" if part else f"ст. {art}"
    return f"art. {art}({part})" if part else f"art. {art}"


def reference(provision: dict, code: dict, lang: str) -> str:
    """'Кодекс о правонарушениях, ст. 109-2 «Занятие проституцией»'."""
    title = provision["title"][lang]
    if lang == "ru":
        return f"{code['short']['ru']}, {article(provision, lang)} «{title}»"
    return f"{code['short']['en']}, {article(provision, lang)} “{title}”"


def day(iso: str, lang: str) -> str:
    d = date.fromisoformat(iso)
    return d.strftime("%d.%m.%Y") if lang == "ru" else f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"
