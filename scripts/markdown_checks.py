"""Checks on the body of one Markdown page: unsafe HTML, resources from other
sites, broken links and anchors, unknown law references, stigmatising words.

Every problem carries the line in the file, counted the way an editor counts.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Iterator

from pymdownx.slugs import slugify

import lawdata
import self_check  # overrides/hooks/self_check.py: which results a self-check page must explain
from problems import Problem

SLUGIFY = slugify(case="lower")  # the same as overrides/hooks/slugs.py

UNSAFE_TAG = re.compile(r"<\s*(script|iframe|object|embed|frame|frameset|applet|base|meta|link|style)\b", re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
JAVASCRIPT_URL = re.compile(r"(?:\]\(\s*|=\s*['\"]?\s*)javascript:", re.I)
FORM_ACTION = re.compile(r"<\s*form\b[^>]*\baction\s*=\s*['\"]?\s*(?:https?:)?//", re.I)
EXTERNAL_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?(?:https?:)?//", re.I)
EXTERNAL_MEDIA = re.compile(r"<\s*(?:img|source|video|audio|track|input|image)\b[^>]*\b(?:src|srcset|poster|href)\s*=\s*['\"]?\s*(?:https?:)?//", re.I)
EXTERNAL_CSS = re.compile(r"(?:url\(\s*['\"]?|@import\s+['\"]?)(?:https?:)?//", re.I)
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{([^}]*)\})?\s*#*\s*$")
LAW_MARKER = re.compile(r"<!--\s*pravo:(law|penalty|limit|laws)\s+([^\s>]+)((?:\s+[a-z]+)*)\s*-->")
CONTACTS_MARKER = re.compile(r"<!--\s*pravo:contacts\s+([^\s>]+)\s*-->")
CONTACT_GROUPS = ("kg", "tj", "ru", "regional")  # data/schemas/contacts.schema.json
CARD_MARKER = re.compile(r"<!--\s*pravo:card\s+([^\s>]+)\s*-->")
CARD_COUNTRIES = ("kg", "tj", "ru")  # data/cards.yml
TERM_MARKER = re.compile(r"<!--\s*pravo:term\s+([^\s>]+)[^>]*-->")
ANY_MARKER = re.compile(r"<!--\s*pravo:([\w-]*)")
MARKERS = ("law", "penalty", "limit", "laws", "compare", "corrections", "contacts", "card", "incident-form", "glossary", "term", "offline", "self-check")
STIGMA = re.compile(r"\b(проститут\w*|путан\w*|шлюх\w*|жриц\w*\s+любви|prostitutes?|hookers?|whores?)\b", re.I)
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")


def body_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of the page body: front matter, fenced code and inline code left out."""
    lines = text.splitlines()
    start = 0
    if lines and lines[0].strip() == "---":
        for number, line in enumerate(lines[1:], start=1):
            if line.strip() in ("---", "..."):
                start = number + 1
                break
    fence = None
    for number in range(start, len(lines)):
        line = lines[number]
        marker = re.match(r"^\s*(```+|~~~+)", line)
        if marker:
            fence = None if fence and marker.group(1).startswith(fence) else (fence or marker.group(1))
            continue
        if fence:
            continue
        yield number + 1, re.sub(r"`[^`]*`", "", line)


def anchors(path: Path, book: lawdata.LawBook) -> set[str]:
    """The anchors a page will have: its headings' slugs, explicit {#ids}, and law entries."""
    found: set[str] = set()
    counts: dict[str, int] = {}
    for _, line in body_lines(path.read_text(encoding="utf-8")):
        heading = HEADING.match(line)
        if heading:
            explicit = re.search(r"#([\w-]+)", heading.group(3) or "")
            slug = explicit.group(1) if explicit else SLUGIFY(heading.group(2), "-")
            if not explicit and slug in counts:
                counts[slug] += 1
                slug = f"{slug}_{counts[slug]}"
            else:
                counts.setdefault(slug, 0)
            found.add(slug)
        for marker in LAW_MARKER.finditer(line):
            if marker.group(1) == "laws" and marker.group(2) in book.countries:
                kinds = marker.group(3).split()
                found.update(p["id"].replace(".", "-") for p in book.countries[marker.group(2)]["provisions"]
                             if not kinds or p["kind"] in kinds)
        if "pravo:glossary" in line:
            found.update(book.glossary)
        found.update(re.findall(r"\{[^}]*#([\w-]+)[^}]*\}", line))
    return found


# Guide pages are read in a hurry, on a phone, by readers with basic schooling.
GUIDE_SECTIONS = ("raid/", "rights/", "help/")
MAX_SENTENCE_WORDS = 40
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«“\"(]?[A-ZА-ЯЁ0-9])")


def _long_sentences(path: Path, number: int, line: str, slug: str) -> Iterator[Problem]:
    if not slug.startswith(GUIDE_SECTIONS) or line.lstrip().startswith(("|", "#", "<")):
        return
    plain = re.sub(r"<!--.*?-->", " статья ", line)  # a marker reads as about one word
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", plain)
    for sentence in SENTENCE_END.split(plain):
        words = len(re.findall(r"\w+(?:-\w+)*", sentence))
        if words > MAX_SENTENCE_WORDS:
            yield Problem(path, number, f"a sentence of {words} words on a guide page (слишком длинное предложение): "
                          f"“{sentence.strip()[:60]}…”",
                          f"split it — one idea or one instruction per sentence, at most {MAX_SENTENCE_WORDS} words")


# A length of detention, a deadline or a fine typed into a guide page by hand has no source and no
# status, and goes stale silently when the law changes: it must come from data/laws/ by a marker.
LEGAL_FIGURE = re.compile(
    r"(?<![\w.,])\d[\d\s\u00a0.,–]*\s?(?:суток|сутки|час(?:а|ов)?|дн(?:я|ей)|день|рубл\w*|руб\.|сом(?:ов|а|они)?|ПДР"
    r"|р\.\s?п\.|расч[её]тн\w* показател\w*|hours?|days?|roubles?|rubles?|RUB|soms?|somoni|calculation indicators?)(?!\w)",
    re.I)


def _hand_typed_figures(path: Path, number: int, line: str, slug: str) -> Iterator[Problem]:
    if not slug.startswith(GUIDE_SECTIONS) or re.search(r"\[\^[^\]]+\]", line):
        return  # a figure with a footnote names its own source
    plain = QUOTED.sub(" ", re.sub(r"<!--.*?-->", " ", line))  # an example in «quotes» is not a legal figure
    for figure in LEGAL_FIGURE.finditer(plain):
        yield Problem(path, number, f"a legal figure typed by hand: “{figure.group(0).strip()}” (число без источника)",
                      "state it with <!-- pravo:limit ID --> or <!-- pravo:penalty ID --> so it comes from data/laws/ with its "
                      "source; put an example in «quotes», or give a sourced figure a footnote")


def check_page(path: Path, language_folder: Path, book: lawdata.LawBook, meta: dict) -> Iterator[Problem]:
    text = path.read_text(encoding="utf-8")
    slug = path.relative_to(language_folder).as_posix()
    allowed_terms = {t.lower() for t in meta.get("allow_terms", []) or []}
    for number, line in body_lines(text):
        yield from _unsafe(path, number, line)
        yield from _links(path, number, line, language_folder, book)
        yield from _law_refs(path, number, line, book)
        yield from _contact_refs(path, number, line)
        yield from _unknown_markers(path, number, line)
        yield from _card_refs(path, number, line)
        yield from _glossary_refs(path, number, line, book)
        yield from _long_sentences(path, number, line, slug)
        yield from _hand_typed_figures(path, number, line, slug)
        yield from _terms(path, number, line, allowed_terms)
    yield from _self_check_results(path, text)


def _unsafe(path: Path, number: int, line: str) -> Iterator[Problem]:
    tag = UNSAFE_TAG.search(line)
    if tag:
        yield Problem(path, number, f"raw <{tag.group(1).lower()}> is not allowed in pages (запрещённый HTML-тег)",
                      "remove it; pages may not run code or embed other sites — ask a maintainer if a feature is needed")
    if EVENT_HANDLER.search(line):
        yield Problem(path, number, "an inline event handler (on…=) is not allowed",
                      "remove the on…= attribute; behaviour belongs in docs/assets/js/")
    if JAVASCRIPT_URL.search(line):
        yield Problem(path, number, "a javascript: link is not allowed", "link to a page or a web address instead")
    if FORM_ACTION.search(line):
        yield Problem(path, number, "a form that sends data to another site is not allowed",
                      "remove the form; the site sends nothing anywhere")
    if EXTERNAL_IMAGE.search(line) or EXTERNAL_MEDIA.search(line) or EXTERNAL_CSS.search(line):
        yield Problem(path, number, "an image, style or media file is loaded from another site "
                      "(картинка или файл с чужого сайта)",
                      "download the file, put it in docs/assets/images/ and link to it there: "
                      "every request to another site can reveal the reader")


def _links(path: Path, number: int, line: str, folder: Path, book: lawdata.LawBook) -> Iterator[Problem]:
    for match in LINK.finditer(line):
        target = match.group(1)
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("//"):
            continue
        file_part, _, anchor = target.partition("#")
        if file_part and not file_part.endswith(".md"):
            continue
        here = path.relative_to(folder).as_posix()
        target_slug = posixpath.normpath(posixpath.join(posixpath.dirname(here), file_part)) if file_part else here
        target_path = folder / target_slug
        if file_part and not target_path.exists():
            yield Problem(path, number, f"the link `{target}` leads to a page that does not exist "
                          "(ссылка на несуществующую страницу)",
                          f"check the file name; links are relative to this page, e.g. ../raid/protocol.md")
            continue
        if anchor and anchor not in anchors(target_path, book):
            yield Problem(path, number, f"the link `{target}` points to a section #{anchor} that does not exist "
                          "(нет такого раздела)",
                          "copy the anchor from the ¶ link next to the heading on the built page")


def _law_refs(path: Path, number: int, line: str, book: lawdata.LawBook) -> Iterator[Problem]:
    for marker in LAW_MARKER.finditer(line):
        kind, target = marker.group(1), marker.group(2)
        if kind == "laws":
            if target not in book.countries and target not in book.unreadable:
                yield Problem(path, number, f"unknown country `{target}` in pravo:laws",
                              f"use one of: {', '.join(book.countries)}")
        else:
            problem = lawdata.marker_problem(book, target, kind)
            if problem:
                yield Problem(path, number, *problem)


def _contact_refs(path: Path, number: int, line: str) -> Iterator[Problem]:
    for marker in CONTACTS_MARKER.finditer(line):
        if marker.group(1) not in CONTACT_GROUPS:
            yield Problem(path, number, f"unknown contact group `{marker.group(1)}` in pravo:contacts",
                          f"use one of: {', '.join(CONTACT_GROUPS)}")


def _unknown_markers(path: Path, number: int, line: str) -> Iterator[Problem]:
    for marker in ANY_MARKER.finditer(line):
        if marker.group(1) not in MARKERS:
            yield Problem(path, number, f"unknown marker `pravo:{marker.group(1)}` (неизвестная метка)",
                          f"markers are: {', '.join('pravo:' + m for m in MARKERS)} — see CONTRIBUTING")


def _card_refs(path: Path, number: int, line: str) -> Iterator[Problem]:
    for marker in CARD_MARKER.finditer(line):
        if marker.group(1) not in CARD_COUNTRIES:
            yield Problem(path, number, f"unknown country `{marker.group(1)}` in pravo:card",
                          f"use one of: {', '.join(CARD_COUNTRIES)}")


def _glossary_refs(path: Path, number: int, line: str, book: lawdata.LawBook) -> Iterator[Problem]:
    for marker in TERM_MARKER.finditer(line):
        if marker.group(1) not in book.glossary:
            yield Problem(path, number, f"unknown glossary entry `{marker.group(1)}` (такого термина нет в data/glossary.yml)",
                          "use an id from data/glossary.yml, or add the entry there in both languages")


def _self_check_results(path: Path, text: str) -> Iterator[Problem]:
    marker = re.search(r"<!--\s*pravo:self-check\s*-->", text)
    missing = self_check.missing_outcomes(text) if marker else []
    if missing:
        number = text.count("\n", 0, marker.start()) + 1
        yield Problem(path, number, f"the self-check has no explanation for the result(s) {', '.join(missing)} "
                      "(нет объяснения результата)",
                      f"add a heading for each under the questions, e.g. `### … {{#outcome-{missing[0]}}}`")


def _terms(path: Path, number: int, line: str, allowed: set[str]) -> Iterator[Problem]:
    unquoted = QUOTED.sub("", line)
    for match in STIGMA.finditer(unquoted):
        word = match.group(1)
        if word.lower() in allowed:
            continue
        yield Problem(path, number, f"the word «{word}» stigmatises the people this site is for",
                      "write «секс-работница / секс-работник» or “sex worker”; an official title of a law may stay "
                      "in «quotes», and a page that must list such words names them in `allow_terms:`")
