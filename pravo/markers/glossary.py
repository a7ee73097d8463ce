"""The RU/EN glossary from data/glossary.yml.

    <!-- pravo:glossary -->            every entry, in the page's language, on the glossary page
    <!-- pravo:term ID -->             the term, linked to its entry, its definition as a tooltip
    <!-- pravo:term ID other words --> the same with the words as written (for Russian cases)
"""
from __future__ import annotations

import html

from pravo.markers import Context, marker
from pravo.pages import page_url

GLOSSARY_PAGE = "journalists/glossary"


def sort_key(text: str) -> str:
    return text.casefold().replace("ё", "е")


def entry_html(ctx: Context, entry: dict) -> str:
    lang, ui, e = ctx.lang, ctx.ui, html.escape
    other = "en" if lang == "ru" else "ru"
    parts = [f'<dt id="{e(entry["id"])}">{e(entry["term"][lang])} <span class="pravo-glossary__other" lang="{other}">'
             f'({e(entry["term"][other])})</span></dt>', f'<dd><p>{e(entry["definition"][lang])}</p>']
    if "avoid" in entry:
        parts.append(f'<p class="pravo-glossary__avoid"><strong>{e(ui["glossary.avoid"])}</strong> {e(entry["avoid"][lang])}</p>')
    if entry.get("see"):
        links = ", ".join(f'<a href="#{e(other_id)}">{e(ctx.data.glossary[other_id]["term"][lang])}</a>'
                          for other_id in entry["see"] if other_id in ctx.data.glossary)
        parts.append(f'<p>{e(ui["glossary.see"])} {links}</p>')
    if entry.get("sources"):
        links = "; ".join(f'<a href="{e(s["url"])}">{e(s["title"])}</a>' for s in entry["sources"])
        parts.append(f'<p class="pravo-glossary__sources">{e(ui["law.sources"])}: {links}</p>')
    return "\n".join(parts) + "</dd>"


@marker("glossary")
def glossary(ctx: Context, args: list[str]) -> str:
    entries = sorted(ctx.data.glossary.values(), key=lambda t: sort_key(t["term"][ctx.lang]))
    return '\n\n<dl class="pravo-glossary">\n' + "\n".join(entry_html(ctx, t) for t in entries) + "\n</dl>\n\n"


@marker("term")
def term(ctx: Context, args: list[str]) -> str:
    entry = ctx.data.glossary.get(args[0]) if args else None
    if entry is None:
        return ctx.problem(f"unknown glossary entry `{args[0] if args else ''}` (такого термина нет в data/glossary.yml)",
                           "use an id from data/glossary.yml, or add the entry there in both languages")
    words = " ".join(args[1:]) or entry["term"][ctx.lang]
    # Raw HTML, every part escaped: a definition may hold quotes and brackets that would end a
    # Markdown link early. The address is the glossary page's own (directory URLs), so nothing resolves it.
    href = ctx.page.link_to_file(page_url(f"{ctx.page.src_uri.split('/', 1)[0]}/{GLOSSARY_PAGE}.md")) + "#" + entry["id"]
    e = html.escape
    return f'<a class="pravo-term" href="{e(href)}" title="{e(entry["definition"][ctx.lang])}">{e(words)}</a>'
