"""Organisations from data/contacts.yml, where a page says <!-- pravo:contacts kg -->.

Like the laws, each entry shows its sources and the date it was checked, and a phone number
appears only when the data has one with a source.
"""
from __future__ import annotations

from pravo import lawbook, lawtext
from pravo.markers import Context, marker, md_escape

GROUPS = ("kg", "tj", "ru", "regional")  # data/schemas/contacts.schema.json says the same


@marker("contacts")
def contacts(ctx: Context, args: list[str]) -> str:
    group = args[0] if args else ""
    if group not in GROUPS:
        return ctx.problem(f"unknown contact group `{group}` in pravo:contacts", f"use one of: {', '.join(GROUPS)}")
    lang, ui = ctx.lang, ctx.ui
    blocks = []
    for org in (o for o in ctx.data.organisations if o["country"] == group):
        sources = "; ".join(f"[{md_escape(s['title'])}](<{lawbook.source_url(s)}>)" for s in org["sources"])
        lines = [f"**{md_escape(org['name'][lang])}**" + (f" — {md_escape(org['place'][lang])}" if "place" in org else ""),
                 "", md_escape(org["what"][lang]), ""]
        lines.append(f"{md_escape(ui['contacts.phone'])}: {md_escape(org['phone'])}" if "phone" in org
                     else f"*{md_escape(ui['contacts.no_phone'])}*")
        lines += ["", f"{md_escape(ui['contacts.status.' + org['status']])} · {md_escape(ui['law.verified_on'])} "
                      f"{lawtext.day(org['verified_on'], lang)} · {md_escape(ui['law.sources'])}: {sources}"]
        blocks.append(f'<div class="pravo-contact" data-contact="{org["id"]}" markdown="1">\n\n' + "\n".join(lines) + "\n\n</div>")
    return "\n\n".join(blocks)
