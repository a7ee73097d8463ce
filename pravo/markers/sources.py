"""The documents the site cites, from data/sources.yml, on the Sources page.

    <!-- pravo:sources documents -->   the documents of one group (documents, research)

Each document gets its id as its anchor, so a footnote linking to about/sources.md#<id> lands on
it; under it: publisher, year (or that none is stated), a public copy with the date it was read or
why there is none, and the pages of this language that cite it (pravo/citations.py).
"""
from __future__ import annotations

import html

from pravo import lawtext
from pravo.citations import citing_pages
from pravo.markers import Context, marker
from pravo.pages import language_folder, page_url


def entry_html(ctx: Context, entry: dict, citing: list[tuple[str, str]]) -> str:
    lang, ui, e = ctx.lang, ctx.ui, html.escape
    year = str(entry["year"]) if entry.get("year") else ui["sources.year_not_stated"]
    if entry.get("year_note"):
        year += f"; {entry['year_note'][lang]}"
    parts = [f'<dt id="{e(entry["id"])}">{e(entry["title"][lang])}</dt>',
             f'<dd><p class="pravo-source__by">{e(entry["publisher"][lang])} · {e(year)}</p>',
             f'<p>{e(entry["description"][lang])}</p>']
    read_on = ui["sources.read_on"].replace("{date}", lawtext.day(entry["read_on"], lang))
    if entry.get("url"):
        label = entry.get("url_label", {}).get(lang) or entry["url"]
        parts.append(f'<p>{e(ui["sources.copy"])}: <a href="{e(entry["url"])}">{e(label)}</a> ({e(read_on)})</p>')
    else:
        parts.append(f'<p>{e(ui["sources.no_copy"])} {e(entry["no_public_copy"][lang])}</p>')
    if citing:
        folder = language_folder(ctx.page.src_uri)
        links = ", ".join(f'<a href="{e(ctx.page.link_to_file(page_url(f"{folder}/{slug}")))}">{e(title)}</a>'
                          for slug, title in citing)
        parts.append(f'<p class="pravo-source__cited">{e(ui["sources.cited_on"])} {links}</p>')
    return "\n".join(parts) + "</dd>"


@marker("sources")
def sources(ctx: Context, args: list[str]) -> str:
    groups = {entry["group"] for entry in ctx.data.sources.values()}
    if len(args) != 1 or args[0] not in groups:
        return ctx.problem(f"`pravo:sources` needs one group of data/sources.yml, one of: {', '.join(sorted(groups))}",
                           "write e.g. <!-- pravo:sources documents -->")
    folder = ctx.page.root / "docs" / language_folder(ctx.page.src_uri)
    citing = citing_pages(folder)
    entries = [entry for entry in ctx.data.sources.values() if entry["group"] == args[0]]
    return ('\n\n<dl class="pravo-sources">\n' + "\n".join(entry_html(ctx, entry, citing.get(entry["id"], []))
                                                          for entry in entries) + "\n</dl>\n\n")
