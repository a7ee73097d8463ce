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


# Russian noun forms after a number, per unit: (one, few, many) — 1 час, 2 часа, 5 часов.
# "days" is сутки in a penalty (arrest "на 5 суток") and дни in a deadline ("10 дней").
RU_FORMS = {
    "hours": {"nom": ("час", "часа", "часов"), "gen": ("часа", "часов", "часов")},
    "days": {"nom": ("день", "дня", "дней"), "gen": ("дня", "дней", "дней")},
    "months": {"nom": ("месяц", "месяца", "месяцев"), "gen": ("месяца", "месяцев", "месяцев")},
    "years": {"nom": ("год", "года", "лет"), "gen": ("года", "лет", "лет")},
}
RU_PENALTY_DAYS = {"nom": ("сутки", "суток", "суток"), "gen": ("суток", "суток", "суток")}
EN_UNITS = {"days": ("day", "days"), "hours": ("hour", "hours"), "months": ("month", "months"),
            "years": ("year", "years")}
TIME_UNITS = tuple(EN_UNITS)

# Words after which Russian puts the number in the genitive: «до 24 часов», «не больше 3 часов»,
# «в течение 10 дней». A limit marker placed after one of them is rendered in that case.
RU_GENITIVE_BEFORE = re.compile(
    r"(?:^|[\s(«\"—–-])(?:до|от|не\s+больше|не\s+более|не\s+дольше|не\s+позднее|больше|более|дольше|"
    r"свыше|сверх|в\s+течение|около|после|с\s+момента|из|на\s+срок\s+до)\s*$", re.IGNORECASE)


def ru_unit(n: float, unit: str, case: str = "nom", penalty: bool = False) -> str:
    """The Russian word for `unit` after the number `n`, in the nominative/accusative ("nom")
    or genitive ("gen"): ru_unit(24, "hours", "gen") -> "часов"; ru_unit(21, "hours", "gen") -> "часа"."""
    forms = RU_PENALTY_DAYS if penalty and unit == "days" else RU_FORMS[unit]
    return ru_plural(n, *forms[case])


def ru_genitive(n: float, unit: str, penalty: bool = True) -> str:
    return ru_unit(n, unit, "gen", penalty)


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

    A value checked in a text (official or a copy) wins; without one, the latest secondary value is
    used and says where it comes from. An unverified value is never turned into money."""
    if "currency" not in unit:
        return None
    values = [v for v in unit.get("values", []) if v["status"] in ("verified", "unofficial_copy")]
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


def money(amount: dict, units: dict, lang: str) -> str:
    """'от 1 500 до 2 000 руб.' / '200 р. п. (20 000 сом в 2025 году)'."""
    unit = units[amount["unit"]]
    abbr = unit["abbr"][lang]
    text = span(amount, lang, lambda n: abbr)
    converted = money_value(amount, unit, lang)
    return f"{text} ({converted})" if converted else text


MULTIPLE_RU = {2: "двукратном", 3: "трёхкратном", 4: "четырёхкратном", 5: "пятикратном", 10: "десятикратном"}
MULTIPLE_EN = {2: "twice", 3: "three times", 4: "four times", 5: "five times", 10: "ten times"}

# (nominative head, instrumental head for "с …", English head) of each kind of penalty.
HEADS = {
    "fine": ("штраф", "со штрафом", "a fine of"),
    "fine_income": ("штраф в размере дохода осуждённого за период", "со штрафом в размере дохода осуждённого за период",
                    "a fine of the convicted person's income for"),
    "fine_multiple": ("штраф", "со штрафом", "a fine of"),
    "arrest": ("арест", "с арестом", "administrative arrest for"),
    "community_work": ("общественные работы", "с общественными работами", "community work for"),
    # Russia's КоАП says «обязательные работы»: the same idea, but the code's own term.
    "compulsory_work": ("обязательные работы", "с обязательными работами", "compulsory work for"),
    "correctional_labour": ("исправительные работы", "с исправительными работами", "correctional labour for"),
    "forced_labour": ("принудительные работы", "с принудительными работами", "forced labour for"),
    "imprisonment": ("лишение свободы", "с лишением свободы", "imprisonment for"),
    "restriction_of_liberty": ("ограничение свободы", "с ограничением свободы", "restriction of liberty for"),
    "expulsion": ("административное выдворение", "с административным выдворением", "administrative expulsion"),
    "confiscation": ("конфискация имущества", "с конфискацией имущества", "confiscation of property"),
}
PENALTY_TYPES = tuple(HEADS)


def _length(amount: dict, lang: str) -> str:
    """The length of a penalty in time: 'до 15 суток', 'от 3 до 7 суток', 'на 5 суток' / 'up to 15 days'."""
    unit = amount.get("unit", "days")
    if lang != "ru":
        return span(amount, lang, lambda n: en_unit(n, unit))
    low, high = amount.get("min"), amount.get("max")
    if low is not None and high is not None and low != high:
        return f"от {number(low, lang)} до {number(high, lang)} {ru_genitive(high, unit)}"
    if low is None:
        return f"до {number(high, lang)} {ru_genitive(high, unit)}"
    return f"на {number(low, lang)} {ru_unit(low, unit, 'nom', penalty=True)}"  # a fixed length: "на 5 суток"


def _multiple(amount: dict, units: dict, lang: str) -> str:
    """'в двукратном размере неуплаченного штрафа, но не менее 1 000 руб.' / 'twice the unpaid fine, at least RUB 1,000'."""
    factor = amount["factor"]
    of = amount.get("of", {}).get(lang, "")
    if lang == "ru":
        text = f"в {MULTIPLE_RU.get(factor, f'{number(factor, lang)}-кратном')} размере {of}".rstrip()
        return text + (f", но не менее {money({'min': amount['min'], 'unit': amount['unit']}, units, lang)}"
                       if amount.get("min") is not None else "")
    text = f"{MULTIPLE_EN.get(factor, f'{number(factor, lang)} times')} {of or 'the amount'}"
    return text + (f", at least {money({'min': amount['min'], 'unit': amount['unit']}, units, lang)}"
                   if amount.get("min") is not None else "")


def one_penalty(amount: dict, units: dict, lang: str, head: int = 0) -> str:
    """One penalty in words. `head` 0 = as the main penalty, 1 = after «с» (Russian instrumental)."""
    kind = amount["type"]
    word = HEADS[kind][head] if lang == "ru" else HEADS[kind][2]
    if kind == "fine":
        return f"{word} {money(amount, units, lang)}"
    if kind == "fine_multiple":
        return f"{word} {_multiple(amount, units, lang)}"
    if kind in ("expulsion", "confiscation"):
        return word
    return f"{word} {_length(amount, lang)}"


def penalty(penalty_data: dict, units: dict, lang: str) -> str:
    """'штраф 200 р. п. или арест от 3 до 7 суток' / 'a fine of … or administrative arrest for 3 to 7 days';
    `always_with` adds '… с административным выдворением', `optional_extra` '… — с … или без такового'."""
    joiner = " или " if lang == "ru" else " or "
    text = joiner.join(one_penalty(a, units, lang) for a in penalty_data["any_of"])
    for extra in penalty_data.get("always_with", []):
        text += f" {one_penalty(extra, units, lang, 1)}" if lang == "ru" else f", with {one_penalty(extra, units, lang)}"
    for extra in penalty_data.get("optional_extra", []):
        text += (f" — {one_penalty(extra, units, lang, 1)} или без такового" if lang == "ru"
                 else f", with or without {one_penalty(extra, units, lang)}")
    return text


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def limit(limit_data: dict, lang: str, before: str = "") -> str:
    """'3 часа' / '3 hours'; '10 дней' / '10 days'. In Russian, after a word that takes the genitive
    (`before` ends with «до», «не больше», «в течение» …) the noun follows it: 'до 24 часов', 'до 21 часа'."""
    value, unit = limit_data["value"], limit_data["unit"]
    if lang == "ru":
        case = "gen" if RU_GENITIVE_BEFORE.search(before) else "nom"
        return f"{number(value, lang)} {ru_unit(value, unit, case)}"
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
