"""Texts to pass on: the short plain-text version of a key page, written for a messenger.

Many readers never open the site: a friend forwards them a message. So each key page carries a
`share:` text in its front matter (at most MAX_CHARS characters once expanded), shown by
<!-- pravo:share --> (pravo/markers/share.py) with Copy and Share buttons, and checked by
pravo/checks/share.py. Its figures come from data/ through placeholders, expanded here by the
same words the page markers use (pravo/lawtext.py):

    {limit:kg.cop.526}     the time limit, «3 часа» («до 3 часов» after «до», as the marker does)
    {penalty:ru.koap.6.11} the penalty in words
    {article:kg.cop.526}   the code and article, «КоАП КР, ст. 526», with its status when not verified

The figure rule, precisely: in the text as written, a digit may stand only inside a placeholder, or
in a phone number that data/contacts.yml lists (a run of digits, spaces, +, -, brackets whose
digits equal a listed number). Everything else — a typed article number, a count of hours, a
year — is refused: it would have no source and would go stale silently.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from pravo import lawbook, lawtext
from pravo.data import Data

# The key pages (slug inside the language folder), listed once: make check refuses one without a
# share text in Russian or English, and tests/test_share.py opens each of them in both.
KEY_PAGES = (
    "raid/index", "raid/during-raid", "raid/police-station", "raid/protocol", "raid/after-release",
    "rights/kyrgyzstan", "rights/tajikistan", "rights/russia", "rights/migrants-russia",
    "trafficking/difference",
)
MAX_CHARS = 700
PLACEHOLDER = re.compile(r"\{(limit|penalty|article):([\w.-]+)\}")
# Markdown or HTML that a messenger would show as symbols (or format): the text is plain.
NOT_PLAIN = re.compile(r"[<>\[\]`\\*_|{}#]")
# An address of any kind: scheme://…, a scheme that opens an app or runs code, or www.…
# (data: only with its media type, so that "Your data: none" stays a sentence.)
ADDRESS = re.compile(r"\b(?:[a-z][a-z0-9+.-]*://|(?:mailto|tel|sms|javascript|vbscript|tg|viber|whatsapp|intent):(?=\S)"
                     r"|data:\w+/|www\.)[^\s«»\"]*", re.I)
# A phone number as people write it: digits with spaces, brackets and dashes, on one line.
PHONE = re.compile(r"\+?\(?\d[\d \u00a0()\-]*\d|\d")
PHONE_ROUTES = ("phone", "local_phone", "whatsapp", "telegram", "viber", "sms")


def key_slug(slug: str) -> bool:
    return slug in KEY_PAGES


def phones(data: Data) -> set[str]:
    """The digits of every phone number data/contacts.yml lists."""
    found: set[str] = set()
    for group in data.contacts.values() if isinstance(data.contacts, dict) else []:
        for entry in group if isinstance(group, list) else []:
            for route in (entry.get("routes") or []) if isinstance(entry, dict) else []:
                if isinstance(route, dict) and route.get("kind") in PHONE_ROUTES:
                    digits = re.sub(r"\D", "", str(route.get("value", "")))
                    if digits:
                        found.add(digits)
    return found


def expand(data: Data, text: str, lang: str) -> tuple[str, list[tuple[str, str, str]]]:
    """The share text with its placeholders replaced from data/laws/, and (placeholder, message, hint)
    for each that cannot be stated (the same rules as the page markers: pravo/lawbook.py)."""
    problems: list[tuple[str, str, str]] = []
    lang = lawtext.data_language(lang)
    book = data.laws

    def replace(match: re.Match) -> str:
        kind, pid = match.group(1), match.group(2)
        problem = lawbook.marker_problem(book, pid, "law" if kind == "article" else kind)
        provision = book.provisions.get(pid)
        if problem or provision is None:
            if problem:
                problems.append((match.group(0), f"{match.group(0)} in the share text: " + problem[0],
                                 problem[1].replace("<!-- pravo:", "{").replace(" -->", "}").replace("{law ", "{article:")
                                 .replace("{penalty ", "{penalty:").replace("{limit ", "{limit:")))
            return ""
        if kind == "limit":
            line_before = text[text.rfind("\n", 0, match.start()) + 1:match.start()]
            return lawtext.limit(provision["limit"], lang, line_before)
        if kind == "penalty":
            return lawtext.penalty(provision["penalty"], book.units, lang)
        code = book.codes[provision["code"]]
        name = code.get("inline", code["short"])[lang]
        return f"{name}, {lawtext.article(provision, lang)}" + status_words(data, provision, lang)

    return PLACEHOLDER.sub(replace, text), problems


def status_words(data: Data, provision: dict, lang: str) -> str:
    """What the page's status tag says, in plain text: a forwarded text must not promise more than the page."""
    status, ui = provision["status"], data.ui(lang)
    if status == "unverified":
        return f", ⚠ {ui['law.unverified']}"
    if status in ("unofficial_copy", "secondary"):
        return f", {ui['law.tag.' + status]}"  # inside the reference's own brackets: «(КоАП РФ, ст. 6.11, вторичные источники)»
    return ""


def hand_typed_figures(data: Data, text: str) -> list[str]:
    """Numbers in the text as written that come from nowhere: not a placeholder, not a listed phone."""
    known = phones(data)
    bare = PLACEHOLDER.sub(" ", text)
    return [m.group(0).strip() for m in PHONE.finditer(bare) if re.sub(r"\D", "", m.group(0)) not in known]


def markup(text: str) -> list[str]:
    """Characters of markup left once the placeholders are taken out ({…} that is not one included)."""
    return sorted(set(NOT_PLAIN.findall(ADDRESS.sub(" ", PLACEHOLDER.sub(" ", text)))))


def foreign_addresses(text: str, site_url: str) -> list[str]:
    """Addresses in the text that are not http(s) pages of this site."""
    site_host = (urlsplit(site_url).hostname or "").lower()
    bad = []
    for match in ADDRESS.finditer(PLACEHOLDER.sub(" ", text)):
        url = match.group(0).rstrip(".,;:!?)")
        parts = urlsplit(url if "://" in url else "https://" + url if url.lower().startswith("www.") else url)
        if parts.scheme not in ("http", "https") or (parts.hostname or "").lower() != site_host:
            bad.append(url)
    return bad
