"""The press fact sheet: press/factsheet-<lang>.pdf, one A4 page per language.

It is the key-facts page itself — as many of its sections as its front matter names (`factsheet: 3`),
markers expanded from data/ by the same code as the page — so a figure on the sheet cannot differ
from the page. Links become plain text (a relative link means nothing on paper), footnote marks
go. Under it: the date of the data (the oldest check of any provision on the sheet), how to cite
the site and the deployment's contact. A sheet that does not fit on one page stops the build, as
a pocket card does (pravo/pipeline/cards.py draws and caches both; pravo/pipeline/paper.py cuts the page).
"""
from __future__ import annotations

from pravo import lawtext
from pravo.markers.press import FACTSHEET_DIR, KEY_FACTS, factsheet_name
from pravo.pipeline import PLACEHOLDER_SITE_URL, Build, paper
from pravo.pipeline.cards import draw, render
from pravo.problems import Problem, ProblemsFound


def chosen(parts: list[str], meta: dict) -> str:
    """As many sections as the front matter's `factsheet:` says (the introduction speaks of links)."""
    count = meta.get("factsheet")
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise ValueError
    return "".join(parts[1:count + 1])


def context(build: Build, lang: str) -> dict:
    path = build.docs / lang / f"{KEY_FACTS}.md"
    try:
        sheet = paper.part(build, lang, KEY_FACTS, chosen)
    except ValueError:
        raise ProblemsFound("The press fact sheet cannot be made:", [Problem(
            path, 2, "the front matter has no `factsheet: N` (how many sections go on the fact sheet)",
            "add e.g. `factsheet: 3` to the front matter")], build.root) from None
    ui = build.data.ui(lang)
    checked = lawtext.day(min(p["verified_on"] for p in sheet.provisions), lang) if sheet.provisions else ""
    address = "" if build.site_url == PLACEHOLDER_SITE_URL else build.site_url.rstrip("/") + "/" + \
        build.language_root(lang) + KEY_FACTS + "/"
    return {"lang": lang, "title": sheet.meta.get("title", ""), "body": sheet.html, "checked": checked,
            "contact": build.contact, "ui": ui,
            "cite": ui["factsheet.cite"].replace("{address}", address or ui["factsheet.no_address"])
                                         .replace("{date}", checked)}


def markup(build: Build, lang: str) -> str:
    return render("factsheet.html", context(build, lang))


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
