"""The press fact sheet: press/factsheet-<lang>.pdf, one A4 page per language.

It is the key-facts page itself — as many of its sections as its front matter names (`factsheet: 3`),
markers expanded from data/ by the same code as the page — so a figure on the sheet cannot differ
from the page. Links become plain text (a relative link means nothing on paper), footnote marks
go. Under it: the date of the data (the oldest check of any provision on the sheet), how to cite
the site and the deployment's contact. A sheet that does not fit on one page stops the build, as
a pocket card does (pravo/pipeline/cards.py draws and caches both).
"""
from __future__ import annotations

import re

import jinja2
import markdown

from pravo import lawtext, markers
from pravo.markers.press import FACTSHEET_DIR, KEY_FACTS, factsheet_name
from pravo.pages import Page, front_matter, split_front_matter
from pravo.pipeline import PLACEHOLDER_SITE_URL, Build
from pravo.pipeline.cards import TEMPLATES, draw
from pravo.problems import Problem, ProblemsFound
from pravo.settings import Settings

PROVISION = re.compile(r"<!--\s*pravo:(?:law|penalty|limit)\s+([\w.-]+)\s*-->")
FOOTNOTE_MARK = re.compile(r"\[\^[^\]]+\](?!:)")
FOOTNOTE = re.compile(r"^\[\^[^\]]+\]:.*(?:\n(?: {4}.*|\s*))*", re.M)


def sections(body: str, count: int) -> str:
    """The page's first `count` `## ` sections (its introduction speaks of links: not on paper)."""
    parts = re.split(r"(?m)^(?=## )", body)
    return "".join(parts[1:count + 1])


def context(build: Build, lang: str) -> dict:
    path = build.docs / lang / f"{KEY_FACTS}.md"
    source = path.read_text(encoding="utf-8-sig")
    meta, problem = front_matter(source, path)
    count = meta.get("factsheet")
    if problem or not isinstance(count, int) or count < 1:
        raise ProblemsFound("The press fact sheet cannot be made:", [problem or Problem(
            path, 2, "the front matter has no `factsheet: N` (how many sections go on the fact sheet)",
            "add e.g. `factsheet: 3` to the front matter")], build.root)
    _, body = split_front_matter(source)
    text = FOOTNOTE.sub("", FOOTNOTE_MARK.sub("", sections(body, count)))
    page = Page(build.root, f"{lang}/{KEY_FACTS}.md", lang)
    settings = Settings(site_url=build.site_url, contact=build.contact)
    expanded, problems = markers.expand(build.data, page, text, source, settings)
    if problems:
        raise ProblemsFound("The press fact sheet cannot be made:", problems, build.root)
    html = markdown.markdown(expanded, extensions=["tables", "attr_list", "md_in_html", "abbr", "def_list"])
    html = re.sub(r"</?a\b[^>]*>", "", html)  # links become their text
    provisions = [build.data.laws.provisions[i] for i in PROVISION.findall(text) if i in build.data.laws.provisions]
    ui = build.data.ui(lang)
    checked = lawtext.day(min(p["verified_on"] for p in provisions), lang) if provisions else ""
    address = "" if build.site_url == PLACEHOLDER_SITE_URL else build.site_url.rstrip("/") + "/" + \
        build.language_root(lang) + KEY_FACTS + "/"
    return {"lang": lang, "title": meta.get("title", ""), "body": html, "checked": checked, "address": address,
            "contact": build.contact, "ui": ui,
            "cite": ui["factsheet.cite"].replace("{address}", address or ui["factsheet.no_address"])
                                         .replace("{date}", checked)}


def markup(build: Build, lang: str) -> str:
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    return environment.get_template("factsheet.html").render(**context(build, lang))


def write(build: Build) -> None:
    languages = [lang for lang in build.languages if (build.docs / lang / f"{KEY_FACTS}.md").is_file()]
    if not languages:
        return
    out = build.site / FACTSHEET_DIR
    out.mkdir(parents=True, exist_ok=True)
    cache = build.root / ".cache" / "pravo" / "cards"
    for lang in languages:
        draw(markup(build, lang), out / factsheet_name(lang), cache, build.root,
             what="The press fact sheet", fix=f"shorten docs/{lang}/{KEY_FACTS}.md or lower its `factsheet:` count",
             source=build.docs / lang / f"{KEY_FACTS}.md")
