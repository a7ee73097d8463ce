"""Parts of the site's own pages as HTML for paper (the press fact sheet, the booklets).

A part is taken from the page's Markdown, its markers expanded from data/ by the same code as the
page, so a figure on paper cannot differ from the figure on screen. Links become their text (a
relative link means nothing on paper) and footnote marks go; a provision the page names is
returned with the part, so the caller can date the paper and refuse an unverified fact.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import markdown

from pravo import markers
from pravo.pages import Page, front_matter, split_front_matter
from pravo.pipeline import Build
from pravo.problems import ProblemsFound
from pravo.settings import Settings

PROVISION = re.compile(r"<!--\s*pravo:(?:law|penalty|limit)\s+([\w.-]+)\s*-->")
FOOTNOTE_MARK = re.compile(r"\[\^[^\]]+\](?!:)")
FOOTNOTE = re.compile(r"^\[\^[^\]]+\]:.*(?:\n(?: {4}.*|\s*))*", re.M)
# Markers of screen-only tools: on paper a button does nothing (the share text is the page in short).
SCREEN_ONLY = re.compile(r"^[ \t]*<!--\s*pravo:share\s*-->[ \t]*$", re.M)
EXTENSIONS = ["tables", "attr_list", "md_in_html", "abbr", "def_list", "admonition"]


@dataclass
class Part:
    meta: dict          # the page's front matter
    html: str
    provisions: list[dict]


def sections(body: str) -> list[str]:
    """The body cut before each `## ` heading: [the introduction, the first section, …]."""
    return re.split(r"(?m)^(?=## )", body)


def part(build: Build, lang: str, slug: str, choose) -> Part:
    """`choose(sections, meta)` picks the Markdown of docs/<lang>/<slug>.md to put on paper."""
    path = build.docs / lang / f"{slug}.md"
    source = path.read_text(encoding="utf-8-sig")
    meta, problem = front_matter(source, path)
    if problem:
        raise ProblemsFound("A page for paper cannot be read:", [problem], build.root)
    _, body = split_front_matter(source)
    text = SCREEN_ONLY.sub("", FOOTNOTE.sub("", FOOTNOTE_MARK.sub("", choose(sections(body), meta))))
    page = Page(build.root, f"{lang}/{slug}.md", lang)
    expanded, problems = markers.expand(build.data, page, text, source,
                                        Settings(site_url=build.site_url, contact=build.contact))
    if problems:
        raise ProblemsFound("A page for paper has problems:", problems, build.root)
    html = re.sub(r"</?a\b[^>]*>", "", markdown.markdown(expanded, extensions=EXTENSIONS))
    html = re.sub(r"<img\b[^>]*>", "", html)  # no picture on paper (and nothing to fetch)
    book = build.data.laws.provisions
    return Part(meta, html, [book[i] for i in dict.fromkeys(PROVISION.findall(text)) if i in book])
