"""Booklets for outreach: booklets/<country>-<lang>.pdf and …-neutral.pdf, A5, several pages.

Outreach workers print them and send them by messenger. Each is made from the site's own pages
and data, so nothing on paper is typed twice: the one-screen answer (the first section of the
country page), the first steps in a raid (the opening of the raid start page), every time limit
of the country's procedure from data/laws/ as a table (how long you can be held, by when a
court, the appeal and payment deadlines), whom to contact (data/contacts.yml: the country's
organisations and services with their published routes), the date of the data and the site's
address. Like the pocket cards, a booklet refuses an unverified provision (the build stops) and
has a neutral variant: a plain title, and no site address or organisation's name on it.
"""
from __future__ import annotations

from pravo import lawbook, lawtext
from pravo.markers.cards import BOOKLET_PAGES, BOOKLETS_DIR, card_name
from pravo.pipeline import PLACEHOLDER_SITE_URL, Build, paper
from pravo.pipeline.cards import draw, render
from pravo.problems import Problem, ProblemsFound

COUNTRY_PAGES = BOOKLET_PAGES
RAID_PAGE = "raid/index"
CLOCK_KINDS = ("procedure", "right", "police")  # the kinds whose limits a detained reader counts
MAX_BYTES = 300 * 1024


def time_limits(build: Build, country: str) -> list[dict]:
    """Every provision of the country with a time limit, in the data's order, unverified ones left out
    (the pocket cards refuse them; a table row cannot carry the warning a page does)."""
    return [p for p in build.data.laws.countries[country]["provisions"]
            if "limit" in p and p["kind"] in CLOCK_KINDS and p["status"] != "unverified"]


def reference(build: Build, provision: dict, lang: str) -> str:
    code = build.data.laws.codes[provision["code"]]
    mark = {"secondary": " †", "unofficial_copy": " ‡"}.get(provision["status"], "")
    return f"{code['short'][lang]}, {lawtext.article(provision, lang)}{mark}"


def routes(entry: dict, lang: str) -> list[str]:
    return [f"{r['label'][lang]}: {r['value']}" if r.get("label") else r["value"] for r in entry.get("routes", [])]


def contacts(build: Build, country: str, lang: str, neutral: bool) -> list[dict]:
    """The country's organisations and services that publish a route; the regional ones if it has none."""
    def listed(where: str) -> list[dict]:
        groups = ("services",) if neutral else ("organisations", "services")
        return [{"name": e["name"][lang], "routes": routes(e, lang)}
                for group in groups for e in build.data.contacts.get(group, [])
                if e["country"] == where and e.get("routes")]
    return listed(country) or listed("regional")


def context(build: Build, country: str, lang: str, neutral: bool) -> dict:
    data = build.data
    summary = paper.part(build, lang, COUNTRY_PAGES[country], lambda parts, meta: parts[1])
    steps = paper.part(build, lang, RAID_PAGE, lambda parts, meta: parts[0])
    limits = time_limits(build, country)
    used = summary.provisions + steps.provisions + limits
    unverified = [p for p in used if p["status"] == "unverified" or not lawbook.has_real_source(p)]
    if unverified:
        raise ProblemsFound("A booklet would print an unverified fact:", [Problem(
            build.docs / lang / f"{COUNTRY_PAGES[country]}.md", None,
            f"{p['id']} is unverified and is named in the page's first section or the raid steps",
            "verify the provision in data/laws/, or name it further down the page") for p in unverified], build.root)
    ui = data.ui(lang)
    title = data.cards["neutral_title" if neutral else "title"][lang]
    site = "" if neutral or build.site_url == PLACEHOLDER_SITE_URL else build.site_url
    return {
        "lang": lang, "ui": ui, "title": title, "country": data.laws.countries[country]["name"][lang],
        "summary": summary.html, "steps": steps.html,
        "limits": [{"what": p["says"][lang], "limit": lawtext.limit(p["limit"], lang, ""),
                    "article": reference(build, p, lang)} for p in limits],
        "contacts": contacts(build, country, lang, neutral),
        "secondary": any(p["status"] == "secondary" for p in used),
        "unofficial_copy": any(p["status"] == "unofficial_copy" for p in used),
        "checked": lawtext.day(min(p["verified_on"] for p in used), lang),
        "site": site,
    }


def markup(build: Build, country: str, lang: str, neutral: bool) -> str:
    return render("booklet.html", context(build, country, lang, neutral))


def write(build: Build) -> None:
    if not build.data.cards:
        return
    out = build.site / BOOKLETS_DIR
    out.mkdir(parents=True, exist_ok=True)
    cache = build.root / ".cache" / "pravo" / "cards"
    for country, slug in COUNTRY_PAGES.items():
        for lang in build.languages:
            if not (build.docs / lang / f"{slug}.md").is_file() or lang not in ("ru", "en"):
                continue
            for neutral in (False, True):
                target = out / card_name(country, lang, neutral)
                draw(markup(build, country, lang, neutral), target, cache, build.root, pages=None)
                if target.stat().st_size > MAX_BYTES:
                    raise ProblemsFound("A booklet is too heavy to send by messenger on slow data:", [Problem(
                        build.docs / lang / f"{slug}.md", None,
                        f"{target.name} is {target.stat().st_size // 1024} KB, over {MAX_BYTES // 1024} KB",
                        "shorten the page's first section")], build.root)
