"""Legal facts from data/laws/*.yml, where a page names them.

    <!-- pravo:law kg.cop.109-2 -->      inline reference, linked to the provision on its country page
    <!-- pravo:penalty kg.cop.109-2 -->  the penalty in words
    <!-- pravo:limit kg.cop.526 -->      the time limit in words ("3 часа"; after «до»: "до 3 часов")
    <!-- pravo:laws kg offence -->       every provision of a country (optionally of some kinds), in full
    <!-- pravo:compare -->               the table comparing the three countries (data/laws/compare.yml)
    <!-- pravo:corrections -->           the public log of corrections (data/corrections.yml)

A number is written once, in data/. An unknown id, a provision without a real source, or an
unverified provision used as fact is refused with the page, the line and the id.
"""
from __future__ import annotations

import html

from pravo import lawbook, lawtext
from pravo.data import RECHECK_AFTER_DAYS, today
from pravo.markers import Context, marker, md_escape
from pravo.pages import read_front_matter


def lookup(ctx: Context, provision_id: str | None, kind: str = "law") -> dict | None:
    """The provision a marker names, or None after recording why it cannot be stated."""
    if not provision_id:
        return ctx.problem(f"`pravo:{kind}` needs an id", f"write <!-- pravo:{kind} kg.cop.109-2 -->") or None
    problem = lawbook.marker_problem(ctx.data.laws, provision_id, kind)
    if problem:
        return ctx.problem(*problem) or None
    return ctx.data.laws.provisions.get(provision_id)


def link_to(ctx: Context, provision_id: str) -> str:
    """Relative link to the provision's entry on its country page."""
    country = ctx.data.laws.country_of(provision_id)
    return ctx.page.link_to_page(lawbook.COUNTRY_PAGES[country], lawbook.anchor(provision_id))


def unverified_note(ctx: Context) -> str:
    return f"**⚠ {md_escape(ctx.ui['law.unverified'])}**"


def status_tag(ctx: Context, provision: dict) -> str:
    """Beside a fact not read in an official text, how it was read: «(неофициальная копия текста)»."""
    status = provision["status"]
    if status == "unverified":
        return f" ({unverified_note(ctx)})"
    if status in ("unofficial_copy", "secondary"):
        return f' <span class="pravo-tag" data-status="{status}">({md_escape(ctx.ui["law.tag." + status])})</span>'
    return ""


def code_of(ctx: Context, provision: dict) -> dict:
    return ctx.data.laws.codes[provision["code"]]


def reference(ctx: Context, provision: dict) -> str:
    """The linked reference with its status: what <!-- pravo:law ID --> writes. Short — the code and the
    article («КоАП РФ, ч. 1 ст. 18.8») — so a summary line stays short; the article's title is the
    link's tooltip and heads its full entry."""
    code = code_of(ctx, provision)
    name = code.get("inline", code["short"])[ctx.lang]
    text = md_escape(f"{name}, {lawtext.article(provision, ctx.lang)}")
    title = html.escape(f"{code['short'][ctx.lang]}: {provision['title'][ctx.lang]}", quote=True)
    return f'[{text}]({link_to(ctx, provision["id"])} "{title}")' + status_tag(ctx, provision)


@marker("law")
def law(ctx: Context, args: list[str]) -> str:
    provision = lookup(ctx, args[0] if args else None)
    return reference(ctx, provision) if provision else ""


@marker("penalty")
def penalty(ctx: Context, args: list[str]) -> str:
    provision = lookup(ctx, args[0] if args else None, "penalty")
    return md_escape(lawtext.penalty(provision["penalty"], ctx.data.laws.units, ctx.lang)) if provision else ""


@marker("limit")
def limit(ctx: Context, args: list[str]) -> str:
    provision = lookup(ctx, args[0] if args else None, "limit")
    # The words before the marker decide the case: «до 24 часов», not «до 24 часа».
    return md_escape(lawtext.limit(provision["limit"], ctx.lang, ctx.before)) if provision else ""


@marker("laws")
def laws(ctx: Context, args: list[str]) -> str:
    book = ctx.data.laws
    if not args or args[0] not in book.countries:
        if args and args[0] in book.unreadable:
            return ""  # its file's problems are reported already
        return ctx.problem(f"`pravo:laws` needs a country ({', '.join(book.countries)})",
                           "write <!-- pravo:laws kg --> or <!-- pravo:laws kg offence -->")
    kinds = args[1:] or lawbook.KIND_ORDER
    unknown = [k for k in kinds if k not in lawbook.KIND_ORDER]
    if unknown:
        return ctx.problem(f"unknown kind {', '.join(unknown)}", f"use one of: {', '.join(lawbook.KIND_ORDER)}")
    chosen = [p for p in book.countries[args[0]]["provisions"] if p["kind"] in kinds and lawbook.has_real_source(p)]
    chosen.sort(key=lambda p: lawbook.KIND_ORDER.index(p["kind"]))
    # Folded: a reader scans the page's answers first; the full entries open on a tap, without
    # JavaScript, and fold.js opens them for print and when a link leads into one.
    summary = html.escape(ctx.ui["law.fold"].replace("{count}", str(len(chosen))))  # raw HTML: no Markdown
    return (f'<details class="pravo-laws" markdown="1">\n<summary>{summary}</summary>\n\n'
            + "\n\n".join(block(ctx, p) for p in chosen) + "\n\n</details>")


def block(ctx: Context, provision: dict) -> str:
    """One provision in full: title, what it says, penalty, limit, changes, and where it was read."""
    lang, ui = ctx.lang, ctx.ui
    code = code_of(ctx, provision)
    title = md_escape(lawtext.reference(provision, code, lang))
    original = provision["title"]["original"]
    parts = [f"### {title} {{#{lawbook.anchor(provision['id'])} .pravo-law-title}}", "",
             f'<div class="pravo-law" data-law="{provision["id"]}" data-status="{provision["status"]}" markdown="1">', ""]
    if original not in (provision["title"]["ru"], provision["title"]["en"]):
        parts += [f"*{md_escape(ui['law.original_title'])}:* {md_escape(original)}", ""]
    if provision["status"] == "unverified":
        parts += [f'<p class="pravo-unverified" markdown="1">{unverified_note(ctx)}</p>', ""]
    parts += [md_escape(provision["says"][lang]), ""]
    if lawbook.shown_as_fact(provision):
        if "penalty" in provision:
            text = lawtext.capitalised(lawtext.penalty(provision["penalty"], ctx.data.laws.units, lang))
            parts += [f"**{md_escape(ui['law.penalty'])}:** {md_escape(text)}", ""]
        if "limit" in provision:
            parts += [f"**{md_escape(ui['law.limit'])}:** {md_escape(lawtext.limit(provision['limit'], lang))}", ""]
    for change in provision.get("changed", []):
        parts += [f"**{md_escape(ui['law.changed'])} {lawtext.day(change['date'], lang)}:** {md_escape(change[lang])}", ""]
    if lawbook.age_in_days(provision, today()) > RECHECK_AFTER_DAYS:
        parts += [f'<p class="pravo-stale" markdown="1">**⚠ {md_escape(ui["law.stale"])}**</p>', ""]
    parts += [provenance(ctx, provision, code), "", "</div>"]
    return "\n".join(parts)


def provenance(ctx: Context, provision: dict, code: dict) -> str:
    """One short line — how it was read, when, «источники» — with the edition and sources folded behind it."""
    lang, ui = ctx.lang, ctx.ui
    sources = "\n".join(f"- [{md_escape(s['title'])}](<{lawbook.source_url(s)}>)" for s in lawbook.real_sources(provision))
    edition = md_escape(f"{code['title'][lang]} {code['adopted'][lang]}, {code['edition'][lang]}")
    line = html.escape(f"{ui['law.status.' + provision['status']]} · {ui['law.verified_on']} "  # raw HTML: no Markdown
                       f"{lawtext.day(provision['verified_on'], lang)} · {ui['law.sources'].lower()}")
    return (f'<details class="pravo-law__meta" markdown="1">\n<summary>{line}</summary>\n\n'
            f"{md_escape(ui['law.edition'])}: {edition}\n\n{sources}\n\n</details>")


@marker("compare")
def compare(ctx: Context, args: list[str]) -> str:
    table = ctx.data.laws.compare
    if not table:
        return ctx.problem("data/laws/compare.yml is missing or broken", "restore it from git")
    book, lang = ctx.data.laws, ctx.lang
    countries = [c for c in table["countries"] if c in book.countries]
    header = [md_escape(ctx.ui["law.compare.topic"])] + [md_escape(book.countries[c]["name"][lang]) for c in countries]
    rows = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in table["rows"]:
        cells = [f"**{md_escape(row['label'][lang])}**"]
        for country in countries:
            items = [compare_item(ctx, pid, row["show"]) for pid in row.get(country) or []]
            cells.append("<br>".join(i for i in items if i) or "—")
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def compare_item(ctx: Context, provision_id: str, show: str) -> str:
    provision = lookup(ctx, provision_id)
    if provision is None:
        return ""
    link = f"[{md_escape(lawtext.article(provision, ctx.lang))}]({link_to(ctx, provision_id)})"
    if not lawbook.shown_as_fact(provision):
        return f"{link}: {unverified_note(ctx)}"  # never shown as if it were fact
    tag = status_tag(ctx, provision)
    if show == "penalty" and "penalty" in provision:
        return f"{link}: {md_escape(lawtext.penalty(provision['penalty'], ctx.data.laws.units, ctx.lang))}{tag}"
    if show == "limit" and "limit" in provision:
        return f"{link}: {md_escape(lawtext.limit(provision['limit'], ctx.lang))}{tag}"
    return f"{link} {md_escape(provision['title'][ctx.lang])}{tag}"


@marker("corrections")
def corrections(ctx: Context, args: list[str]) -> str:
    """Every correction, newest first: when, where, what the page said, what it says now, why."""
    lang, ui = ctx.lang, ctx.ui
    entries = sorted(ctx.data.corrections, key=lambda e: e["date"], reverse=True)
    if not entries:
        return md_escape(ui["corrections.none"])
    blocks = []
    for number, entry in enumerate(entries):
        pages = ", ".join(f"[{md_escape(page_title(ctx, slug))}]({ctx.page.link_to_page(slug)})" for slug in entry["pages"])
        cited = [reference(ctx, ctx.data.laws.provisions[pid]) for pid in entry.get("provisions", [])
                 if pid in ctx.data.laws.provisions]
        blocks += [f'<div class="pravo-correction" id="correction-{len(entries) - number}" markdown="1">', "",
                   f"**{lawtext.day(entry['date'], lang)}** · {pages}" + (f" · {', '.join(cited)}" if cited else ""), "",
                   f"- **{md_escape(ui['corrections.was'])}** {md_escape(entry['was'][lang])}",
                   f"- **{md_escape(ui['corrections.now'])}** {md_escape(entry['now'][lang])}",
                   f"- **{md_escape(ui['corrections.why'])}** {md_escape(entry['why'][lang])}", "", "</div>", ""]
    return "\n".join(blocks)


def page_title(ctx: Context, slug: str) -> str:
    """The title of the page `slug` in this page's language folder, from its front matter."""
    folder = ctx.page.root / "docs" / (ctx.page.src_uri.split("/", 1)[0])
    for candidate in (folder / f"{slug}.md", folder / slug / "index.md"):
        title = read_front_matter(candidate).get("title") if candidate.exists() else None
        if isinstance(title, str):
            return title
    return slug
