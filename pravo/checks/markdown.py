"""Checks on the body of one Markdown page, each with the line an editor counts.

The security rules here give a volunteer a clear message early; they are not the last line.
The built site is audited against an allowlist before it is published (pravo/audit.py), however
something got in. So these rules are allowlists too, and read the page as Markdown does:
entities decoded, tags spanning lines joined, escaped backticks not taken for code, reference
links and attribute lists included.
"""
from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from pymdownx.slugs import slugify

from pravo import content, markers
from pravo.data import Data
from pravo.pages import Page, split_front_matter
from pravo.problems import Problem

SLUGIFY = slugify(case="lower")  # the same as the build's (overrides/hooks/pravo_mkdocs.py)

# Raw HTML a page may use: what the site's own pages need, nothing that runs, embeds or sends.
ALLOWED_TAGS = {"a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "div", "dl",
                "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol",
                "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
                "tfoot", "th", "thead", "time", "tr", "u", "ul"}
ALLOWED_ATTRIBUTES = {"alt", "class", "colspan", "datetime", "download", "height", "href", "id", "lang", "loading",
                      "markdown", "open", "rowspan", "src", "title", "width", "hreflang", "rel", "scope"}
ALLOWED_ATTR_LIST_KEYS = {"lang", "title", "markdown", "width", "height", "loading"}
# Where an address makes the browser fetch something by itself (without a click).
RESOURCE_ATTRIBUTES = {"src", "srcset", "poster", "background", "data", "ping", "action", "formaction", "lowsrc",
                       "dynsrc", "xlink:href", "codebase", "manifest", "icon", "longdesc"}
SAFE_SCHEMES = ("http", "https", "mailto", "tel")


TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][\w:-]*)([^<>]*)(>?)", re.S)
ATTRIBUTE = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
LINK = re.compile(r"(!?)\[[^\]]*\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)")
ATTR_LIST = re.compile(r"\{:?\s*((?:[#.][\w-]+|[\w:-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s}]+)|\s)+)\}")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{([^}]*)\})?\s*#*\s*$")
STIGMA = re.compile(r"\b(проститут\w*|путан\w*|шлюх\w*|жриц\w*\s+любви|prostitutes?|hookers?|whores?)\b", re.I)
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
CODE_SPAN = re.compile(r"(?<![\\`])(`+)(?!`)(.+?)(?<!`)\1(?!`)")

# Guide pages are read in a hurry, on a phone, by readers with basic schooling.
GUIDE_SECTIONS = ("raid/", "rights/", "help/")
MAX_SENTENCE_WORDS = 40
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«“\"(]?[A-ZА-ЯЁ0-9])")
# A length of detention, a deadline or a fine typed into a guide page by hand has no source and no
# status, and goes stale silently when the law changes: it must come from data/laws/ by a marker.
LEGAL_FIGURE = re.compile(
    r"(?<![\w.,])\d[\d\s\u00a0.,–]*\s?(?:суток|сутки|час(?:а|ов)?|дн(?:я|ей)|день|рубл\w*|руб\.|сом(?:ов|а|они)?|ПДР"
    r"|р\.\s?п\.|расч[её]тн\w* показател\w*|hours?|days?|roubles?|rubles?|RUB|soms?|somoni|calculation indicators?)(?!\w)",
    re.I)


def body_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of the page body: front matter and fenced code left out, code spans
    blanked (an escaped backtick \\` does not open one: Markdown shows it as text)."""
    block, body = split_front_matter(text)
    offset = text[: len(text) - len(body)].count("\n") if block is not None else 0
    fence = None
    for number, line in enumerate(body.splitlines(), start=offset + 1):
        marker = re.match(r"^\s*(```+|~~~+)", line)
        if marker:
            fence = None if fence and marker.group(1).startswith(fence) else (fence or marker.group(1))
            continue
        if fence:
            continue
        yield number, CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """Body lines, with a tag that goes on over several lines joined into its first line."""
    pending: tuple[int, str] | None = None
    for number, line in body_lines(text):
        if pending:
            pending = (pending[0], pending[1] + " " + line)
        else:
            pending = (number, line)
        last_open = pending[1].rfind("<")
        if last_open >= 0 and ">" not in pending[1][last_open:] and re.match(r"<\s*/?\s*[a-zA-Z]", pending[1][last_open:]) \
                and pending[1].count("\n") < 20:
            continue
        yield pending
        pending = None
    if pending:
        yield pending


def address(value: str) -> str:
    """An address as a browser reads it: entities decoded, quotes, controls and spaces dropped
    from its scheme, backslashes as slashes."""
    value = html.unescape(value.strip().strip("\"'<>"))
    value = re.sub(r"[\x00-\x20\x7f]", "", value)
    return value.replace("\\", "/")


def scheme(value: str) -> str | None:
    match = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", value)
    return match.group(1).lower() if match else None


def other_origin(value: str) -> bool:
    return value.startswith("//") or scheme(value) in ("http", "https")


def _address_problem(path: Path, number: int, value: str, fetched: bool) -> Iterator[Problem]:
    url = address(value)
    found = scheme(url)
    if found and found not in SAFE_SCHEMES:
        yield Problem(path, number, f"a `{found}:` address is not allowed (only http, https, mailto and tel links)",
                      "link to a page of the site or to a web address; javascript:, data: and vbscript: links can run code "
                      "or hand the reader a file")
    elif found in ("http", "https") and _host_in(url, content.SHORTENERS_AND_TRACKERS):
        yield Problem(path, number, "a link through a URL shortener or tracker (it hides where the link goes, "
                      "or tells a third party who clicked)", "link to the page itself, with its full address")
    elif fetched and other_origin(url):
        yield Problem(path, number, "an image, style or media file is loaded from another site "
                      "(картинка или файл с чужого сайта)",
                      "download the file, put it in docs/assets/images/ and link to it there: "
                      "every request to another site can reveal the reader")


def _host_in(url: str, hosts) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in hosts)


def _html(path: Path, number: int, line: str) -> Iterator[Problem]:
    # Entities are decoded inside attribute values (address()), not here: `&lt;script&gt;` is text.
    for match in TAG.finditer(line):
        name = match.group(2).lower()
        if ":" in name and not match.group(1) and not re.search(r"\s", match.group(0).strip("<>")):
            yield from _address_problem(path, number, match.group(0), fetched=False)  # an autolink <https://…>
            continue
        if name not in ALLOWED_TAGS:
            yield Problem(path, number, f"raw <{name}> is not allowed in pages (запрещённый HTML-тег)",
                          "remove it; pages may not run code, embed other sites or send forms — ask a maintainer "
                          "if a feature is needed")
            continue
        for attribute in ATTRIBUTE.finditer(match.group(3)):
            key, value = attribute.group(1).lower(), attribute.group(2) or ""
            if key.startswith("on"):
                yield Problem(path, number, "an inline event handler (on…=) is not allowed",
                              "remove the on…= attribute; behaviour belongs in docs/assets/js/")
            elif key == "style":
                external = re.search(r"url\(\s*['\"]?\s*(?:https?:)?//|@import", address(value), re.I)
                yield from ([Problem(path, number, "an image, style or media file is loaded from another site "
                                     "(картинка или файл с чужого сайта)",
                                     "download the file into docs/assets/images/ and use a class from pravo.css")]
                            if external else [Problem(path, number, "an inline style (style=…) is not allowed",
                                                      "use a class from docs/assets/css/pravo.css, or ask a maintainer")])
            elif key not in ALLOWED_ATTRIBUTES and not key.startswith("aria-"):
                yield Problem(path, number, f"the attribute `{key}` is not allowed on <{name}>",
                              f"use only: {', '.join(sorted(ALLOWED_ATTRIBUTES))}")
            elif key in ("href", "src"):
                yield from _address_problem(path, number, value, fetched=key == "src" or name == "img")


def _markdown_links(path: Path, number: int, line: str) -> Iterator[Problem]:
    for match in LINK.finditer(line):
        yield from _address_problem(path, number, match.group(2), fetched=match.group(1) == "!")
    reference = REFERENCE.match(line)
    if reference:
        # A reference may serve an image ([x]: …, then ![y][x]): treat its address as fetched.
        yield from _address_problem(path, number, reference.group(1), fetched=True)
    for attributes in ATTR_LIST.finditer(line):
        for attribute in re.finditer(r"([\w:-]+)\s*=", attributes.group(1)):
            key = attribute.group(1).lower()
            if key not in ALLOWED_ATTR_LIST_KEYS:
                yield Problem(path, number, f"an attribute list sets `{key}`, which is not allowed",
                              "attribute lists may give an #id, a .class, lang or title — nothing that loads or runs")


def check_page(data: Data, path: Path, language_folder: Path, text: str, meta: dict) -> list[Problem]:
    problems: list[Problem] = []
    if len(text.encode("utf-8")) > content.MAX_PAGE_BYTES:
        problems.append(Problem(path, None, f"the page is {len(text.encode('utf-8')) // 1024} KB, over "
                                f"{content.MAX_PAGE_BYTES // 1024} KB", "split it into several pages: readers pay for every byte"))
    slug = path.relative_to(language_folder).as_posix()
    allowed_terms = {t.lower() for t in meta.get("allow_terms", []) or []}
    stressed = {number for _, _, found in stress_sections(text, slug) for number, _ in found}
    problems += _plain_language(path, text, slug)
    for number, line in logical_lines(text):
        problems += _html(path, number, line)
        problems += _markdown_links(path, number, line)
        problems += _links(data, path, number, line, language_folder)
        if number not in stressed:  # the stricter rule above has read this line
            problems += _long_sentences(path, number, line, slug)
        problems += _hand_typed_figures(path, number, line, slug)
        problems += _terms(path, number, line, allowed_terms)
    # Every marker, through the code the build uses (pravo/markers/).
    root = language_folder.parents[1]
    page = Page(root, path.relative_to(root / "docs").as_posix(), language_folder.name)
    _, body = split_front_matter(text)
    problems += markers.expand(data, page, body, text)[1]
    return problems


def anchors(data: Data, path: Path) -> set[str]:
    """The anchors a page will have: its headings' slugs, explicit {#ids}, law entries and glossary ids."""
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
        for marker in re.finditer(r"<!--\s*pravo:laws\s+(\w+)((?:\s+[a-z]+)*)\s*-->", line):
            country = data.laws.countries.get(marker.group(1))
            kinds = marker.group(2).split()
            found.update(p["id"].replace(".", "-") for p in (country or {}).get("provisions", [])
                         if not kinds or p["kind"] in kinds)
        if "pravo:glossary" in line:
            found.update(data.glossary)
        if re.search(r"<!--\s*pravo:sources\b", line):
            found.update(data.sources)
        found.update(re.findall(r"\{[^}]*#([\w-]+)[^}]*\}", line))
    return found


def _links(data: Data, path: Path, number: int, line: str, folder: Path) -> Iterator[Problem]:
    for match in LINK.finditer(line):
        target = match.group(2).strip("<>")
        if scheme(address(target)) or target.startswith("//"):
            continue
        file_part, _, anchor = target.partition("#")
        if file_part and not file_part.endswith(".md"):
            # A picture or file next to the page: the engine would stop the build with no line.
            if not (path.parent / file_part.split("?")[0]).exists():
                yield Problem(path, number, f"the file `{file_part}` does not exist (файл не найден)",
                              "check the name; addresses are relative to this page, e.g. ../assets/images/map.png")
            continue
        here = path.relative_to(folder).as_posix()
        target_slug = posixpath.normpath(posixpath.join(posixpath.dirname(here), file_part)) if file_part else here
        target_path = folder / target_slug
        if file_part and not target_path.is_file():
            yield Problem(path, number, f"the link `{target}` leads to a page that does not exist "
                          "(ссылка на несуществующую страницу)",
                          "check the file name; links are relative to this page, e.g. ../raid/protocol.md")
        elif anchor and anchor not in anchors(data, target_path):
            yield Problem(path, number, f"the link `{target}` points to a section #{anchor} that does not exist "
                          "(нет такого раздела)",
                          "copy the anchor from the ¶ link next to the heading on the built page")


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


# Plain language where the reader is under stress: every section of a raid page, and the summary of
# a country page (the section under its first `##` heading, «Коротко» / "In short"). Measured, not
# guessed: no sentence over STRESS_MAX_SENTENCE words, and each section's sentences no longer than
# STRESS_MAX_AVERAGE words on average. A marker (<!-- pravo:… -->) counts as one word, a link as its
# text; headings, tables, raw HTML lines and footnotes (sources) are not counted.
STRESS_MAX_SENTENCE = 25
STRESS_MAX_AVERAGE = 15
WORDS = re.compile(r"\w+(?:[-'’]\w+)*")
# Where a sentence ends: . ! ? … (and a closing quote, bracket or **), a space, then a capital or a digit.
SENTENCE_BREAK = re.compile(r"([.!?…][»”\")*_]*)\s+(?=[«“\"(*_]*[A-ZА-ЯЁ0-9])")
# A full stop after these is an abbreviation, not the end of a sentence (ст. 18.10, ч. 2, т. е.).
ABBREVIATIONS = re.compile(r"(?:^|[\s(])(?:ст|ч|п|пп|т|е|д|г|гг|р|руб|им|см|др|No|no|art|Art|para|p|pp|e\.g|i\.e|etc|St|Dr|Mr|Ms|vs)\.$")
COUNTED_HOW = ("words counted: every word and number; a <!-- pravo:… --> marker counts as one word, "
               "a link as its text")


def stress_scope(slug: str) -> str | None:
    """Which part of a page the plain-language rule reads: "all", "summary" or None."""
    if slug.startswith("raid/"):
        return "all"
    if slug.startswith("rights/"):
        return "summary"
    return None


def _prose(line: str) -> str:
    """The words a reader sees on one Markdown line (a marker as one word, a link as its text)."""
    text = re.sub(r"<!--.*?-->", " статья ", line)
    text = re.sub(r"\[\^[^\]]+\]", " ", text)                       # footnote references
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)                   # images
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)                # links: their text
    text = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", text)              # reference links
    text = re.sub(r"\{[:#.][^}]*\}", " ", text)                        # attribute lists
    text = re.sub(r"<[^>]+>", " ", text)                               # inline tags
    text = re.sub(r"^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+", "", text)     # list item or quote markers
    return text.strip()


def sentences(text: str) -> list[str]:
    parts, start = [], 0
    for match in SENTENCE_BREAK.finditer(text):
        if ABBREVIATIONS.search(text[start:match.start()] + match.group(1)[:1]):
            continue
        parts.append(text[start:match.end(1)])
        start = match.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if WORDS.search(p)]


def stress_sections(text: str, slug: str) -> list[tuple[int, str, list[tuple[int, str]]]]:
    """(heading line, heading, [(line, sentence), …]) for each section the plain-language rule reads."""
    scope = stress_scope(slug)
    if scope is None:
        return []
    sections: list[tuple[int, str, list[tuple[int, str]]]] = []
    current: tuple[int, str, list[tuple[int, str]]] | None = \
        (1, "the opening (before the first ## heading)", []) if scope == "all" else None
    seen_level_two = False
    for number, line in body_lines(text):
        heading = HEADING.match(line)
        if heading and len(heading.group(1)) <= 2:
            if current and current[2]:
                sections.append(current)
            current = None
            if scope == "summary" and seen_level_two:
                break  # a country page: only its summary
            seen_level_two = True
            current = (number, f"the section «{heading.group(2).strip()}»", [])
            continue
        stripped = line.strip()
        if current is None or heading or not stripped or stripped.startswith(("|", "<", "!!!", "???", "---", "{:")) \
                or re.match(r"^\s*\[[^\]]+\]:", line) or stripped.startswith(":"):
            continue
        for sentence in sentences(_prose(line)):
            current[2].append((number, sentence))
    if current and current[2]:
        sections.append(current)
    return sections


def _plain_language(path: Path, text: str, slug: str) -> Iterator[Problem]:
    for heading_line, heading, found in stress_sections(text, slug):
        counts = [(number, sentence, len(WORDS.findall(sentence))) for number, sentence in found]
        for number, sentence, words in counts:
            if words > STRESS_MAX_SENTENCE:
                yield Problem(path, number, f"a sentence of {words} words on a guide page read under stress "
                              f"(at most {STRESS_MAX_SENTENCE} here; слишком длинное предложение): “{sentence[:60]}…”",
                              f"split it into two or three sentences, one idea or instruction each; {COUNTED_HOW}")
        average = sum(c[2] for c in counts) / len(counts)
        if average > STRESS_MAX_AVERAGE:
            longest: dict[int, int] = {}  # line -> its longest sentence, the three longest lines
            for number, _, words in sorted(counts, key=lambda c: -c[2]):
                if words > STRESS_MAX_AVERAGE and number not in longest and len(longest) < 3:
                    longest[number] = words
            yield Problem(path, heading_line, f"{heading} averages {average:.1f} words a sentence "
                          f"({sum(c[2] for c in counts)} words in {len(counts)} sentences; at most "
                          f"{STRESS_MAX_AVERAGE} on a page read under stress; в среднем слишком длинные предложения)",
                          "shorten or split the longest sentences: "
                          + ", ".join(f"line {n} ({w} words)" for n, w in longest.items()) + f"; {COUNTED_HOW}")


def _hand_typed_figures(path: Path, number: int, line: str, slug: str) -> Iterator[Problem]:
    if not slug.startswith(GUIDE_SECTIONS) or re.search(r"\[\^[^\]]+\]", line):
        return  # a figure with a footnote names its own source
    plain = QUOTED.sub(" ", re.sub(r"<!--.*?-->", " ", line))  # an example in «quotes» is not a legal figure
    for figure in LEGAL_FIGURE.finditer(plain):
        yield Problem(path, number, f"a legal figure typed by hand: “{figure.group(0).strip()}” (число без источника)",
                      "state it with <!-- pravo:limit ID --> or <!-- pravo:penalty ID --> so it comes from data/laws/ with its "
                      "source; put an example in «quotes», or give a sourced figure a footnote")


def _terms(path: Path, number: int, line: str, allowed: set[str]) -> Iterator[Problem]:
    for match in STIGMA.finditer(QUOTED.sub("", line)):
        word = match.group(1)
        if word.lower() not in allowed:
            yield Problem(path, number, f"the word «{word}» stigmatises the people this site is for",
                          "write «секс-работница / секс-работник» or “sex worker”; an official title of a law may stay "
                          "in «quotes», and a page that must list such words names them in `allow_terms:`")
