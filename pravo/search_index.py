"""The site's own search index: small files a phone fetches only for the words it searches.

Why not Pagefind (used until December 2026): its code and WebAssembly engine alone were 85 KB gzip,
so one query on the real site cost 128–147 KB (bench/latest.md), over the 100 KB budget; it also
needed `'wasm-unsafe-eval'` in the security policy and a binary dependency. This index is plain data:

    search/<lang>/meta.js      how many word files there are, and where the stemmer is
    search/<lang>/w/<n>.js     the stems whose first three letters hash to n (FNV-1a), each with its
                               pages: [page, section, weight, page, section, weight, …]
    search/<lang>/p/<n>.js     one page: address, title, and each section's id, heading and text
                               (its first EXCERPT characters), fetched only for a result on screen

Each file is a script calling `pravoSearch(…)` with JSON, so the same files work on the web, in the
offline copy and in the downloaded copy opened from the file system (where fetch() is refused);
docs/assets/js/search.js is the other half. Words are stemmed with the Snowball stemmer of the
page's language (the Python package snowballstemmer); the browser stems the typed words with the
same algorithm compiled to JavaScript (docs/assets/js/snowball-<lang>.js, named in meta.js), so
both meet at one stem: «задержания» and «задержанием» find each other.
"""
from __future__ import annotations

import functools
import gzip
import json
import math
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import snowballstemmer

KEY_LENGTH = 3       # a stem's file: its first three letters (search.js has the same number)
EXCERPT = 240        # characters of each section kept for the result's excerpt
BUCKET_BYTES = 8000  # about this many bytes gzip per word file
TITLE, HEADING, WORD_CAP, EXTRA = 50, 20, 10, 1  # weights: the title, a heading, words in text (capped), search words
STEMMERS = {"ru": "russian", "en": "english"}
WORD = re.compile(r"[^\W_]+", re.U)
SKIP_TAGS = {"script", "style", "template", "form", "button", "select", "textarea", "sup", "svg", "noscript"}
# Classes whose text is not the page's own words: ¶ permalinks, source notes (often in English on
# a Russian page), the provenance line of a legal entry.
SKIP_CLASSES = {"headerlink", "footnote", "footnote-ref", "footnote-backref", "pravo-law__meta", "md-source-file"}
# Elements that end a run of text: their words never run into the next element's.
BLOCK = {"p", "li", "div", "td", "th", "tr", "dt", "dd", "ul", "ol", "table", "pre", "blockquote", "section",
         "details", "summary", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Section:
    id: str
    heading: str
    words: list[str] = field(default_factory=list)


@dataclass
class Page:
    url: str
    title: str
    sections: list[Section]


class _Reader(HTMLParser):
    """The text of the page's `data-search-body` element, cut into sections at headings with an id."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0            # open elements inside the body; 0 = outside
        self.skip_depth = 0       # > 0 inside an element whose text is left out
        self.heading: str | None = None  # the tag of the heading being read
        self.heading_id = ""
        self.heading_text: list[str] = []
        self.title_parts: list[str] = []
        self.in_title = False
        self.title = ""
        self.sections = [Section("", "")]
        self.seen_body = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if not self.depth:
            if "data-search-body" in attributes:
                self.depth, self.seen_body = 1, True
            return
        if tag in BLOCK and not self.skip_depth:
            self.handle_data(" ")
        if tag in VOID:
            return
        self.depth += 1
        classes = set((attributes.get("class") or "").split())
        if self.skip_depth or tag in SKIP_TAGS or classes & SKIP_CLASSES or "hidden" in attributes \
                or "data-search-ignore" in attributes:
            self.skip_depth += 1
            return
        if tag == "h1" and not self.title:
            self.in_title = True
        elif tag in ("h2", "h3", "h4") and attributes.get("id"):
            self.heading, self.heading_id, self.heading_text = tag, attributes["id"], []

    def handle_endtag(self, tag):
        if not self.depth or tag in VOID:
            return
        if tag in BLOCK and not self.skip_depth:
            self.handle_data(" ")
        self.depth -= 1
        if self.skip_depth:
            self.skip_depth -= 1
            return
        if self.in_title and tag == "h1":
            self.in_title, self.title = False, " ".join("".join(self.title_parts).split())
        elif self.heading and tag == self.heading:
            text = " ".join("".join(self.heading_text).split())
            self.sections.append(Section(self.heading_id, text))
            self.heading = None

    def handle_data(self, data):
        if not self.depth or self.skip_depth:
            return
        if self.in_title:
            self.title_parts.append(data)
        elif self.heading:
            self.heading_text.append(data)
        else:
            self.sections[-1].words.append(data)


def read_page(url: str, html: str) -> Page | None:
    """The page's searchable text, or None if it has no `data-search-body` (a redirect, the 404)."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    if not reader.seen_body:
        return None
    return Page(url, reader.title, reader.sections)


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("ё", "е"))


def section_text(section: Section) -> str:
    return " ".join("".join(section.words).split())


def stemmer_of(lang: str):
    """The language's Snowball stemmer; a language without one is indexed word by word."""
    if lang not in STEMMERS:
        return lambda word: word
    # Words repeat; stemming is the slow part.
    return functools.lru_cache(maxsize=None)(snowballstemmer.stemmer(STEMMERS[lang]).stemWord)


def build(lang: str, pages: list[Page], extra: dict[int, list[str]] | None = None,
          stemmer_address: str | None = None) -> dict[str, str]:
    """{relative path: file text} of one language's index. `extra`: words by page number that find
    the page without being on it (data/search-words.yml). `stemmer_address`: where the browser
    finds the same stemmer (docs/assets/js/snowball-<lang>.js, at its versioned address)."""
    stem = stemmer_of(lang)
    best: dict[str, dict[int, tuple[int, int]]] = {}  # stem -> page -> (weight, section)

    def add(word_list: list[str], page: int, section: int, weight: int, cap: int | None = None) -> None:
        counts: dict[str, int] = {}
        for word in word_list:
            s = stem(word)
            counts[s] = counts.get(s, 0) + weight
        for s, w in counts.items():
            w = min(w, cap) if cap else w
            held = best.setdefault(s, {}).get(page)
            if held is None or w > held[0]:
                best[s][page] = (w, section)

    files: dict[str, str] = {}
    for number, page in enumerate(pages):
        add(words(page.title), number, 0, TITLE)
        for index, section in enumerate(page.sections):
            if section.heading:
                add(words(section.heading), number, index, HEADING)
            add(words(section_text(section)), number, index, 1, cap=WORD_CAP)
        add((extra or {}).get(number, []), number, 0, EXTRA, cap=EXTRA)
        record = {"u": page.url, "t": page.title,
                  "s": [[s.id, s.heading, section_text(s)[:EXCERPT]] for s in page.sections]}
        files[f"p/{number}.js"] = script(lang, "p", number, record)
    postings: dict[str, list[int]] = {}
    for s in sorted(best):
        postings[s] = [number for page, (weight, section) in sorted(best[s].items()) for number in (page, section, weight)]
    # As few word files as keep each near BUCKET_BYTES gzip: fewer requests for the offline copy,
    # and one small file per word typed.
    whole = len(gzip.compress(json.dumps(postings, ensure_ascii=True).encode(), 9))
    buckets = max(1, math.ceil(whole / BUCKET_BYTES))
    by_bucket: dict[int, dict[str, list[int]]] = {}
    for s, numbers in postings.items():
        by_bucket.setdefault(bucket_of(s, buckets), {})[s] = numbers
    for number, stems in by_bucket.items():
        files[f"w/{number}.js"] = script(lang, "w", number, stems)
    files["meta.js"] = script(lang, "meta", "", {"buckets": buckets, "key": KEY_LENGTH, "stemmer": stemmer_address})
    return files


def bucket_of(stem: str, buckets: int) -> int:
    """The word file of a stem: FNV-1a of its first KEY_LENGTH letters (UTF-8), modulo the number
    of files. search.js computes the same from the first letters of the typed word."""
    h = 0x811C9DC5
    for byte in stem[:KEY_LENGTH].encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h % buckets


def script(lang: str, kind: str, name, value) -> str:
    """A data file as a script: ASCII-only JSON (no character can end the string or the script)."""
    payload = json.dumps(value, ensure_ascii=True, separators=(",", ":"), sort_keys=True)
    return f"pravoSearch({json.dumps(lang)},{json.dumps(kind)},{json.dumps(name)},{payload});\n"

