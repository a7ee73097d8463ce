"""Who can help, from data/contacts.yml.

    <!-- pravo:help kg -->      for one country (kg, tj, ru, regional): by need, what to do now and
                                whom to contact — even where no organisation is listed
    <!-- pravo:contacts kg -->  the organisations of one country (kg, tj, ru, regional)

Every route (site, phone, messenger) is shown exactly as its source publishes it, with how old
that source is, what using it leaves on a shared phone, and the sources one tap away. An entry
older than its re-check period says so plainly.
"""
from __future__ import annotations

import html
import re
from datetime import date

from pravo import lawtext
from pravo.data import today
from pravo.markers import Context, marker, md_escape
from pravo.markers.laws import lookup, reference
from pravo.settings import contact_link

GROUPS = ("kg", "tj", "ru", "regional")  # data/schemas/contacts.schema.json says the same
NEEDS = ("emergency", "legal", "violence", "migrants", "trafficking", "health", "community")
DEFAULT_RECHECK_DAYS = 180


def _group(ctx: Context, args: list[str], name: str) -> str | None:
    group = args[0] if args else ""
    if group not in GROUPS:
        ctx.problem(f"unknown contact group `{group}` in pravo:{name}", f"use one of: {', '.join(GROUPS)}")
        return None
    return group


def entries(ctx: Context) -> dict[str, dict]:
    return {e["id"]: e for group in ("organisations", "services") for e in ctx.data.contacts.get(group, [])}


def stale(ctx: Context, entry: dict) -> bool:
    days = entry.get("recheck_after_days", ctx.data.contacts.get("recheck_after_days", DEFAULT_RECHECK_DAYS))
    return (today() - date.fromisoformat(entry["verified_on"])).days > days


def route_href(route: dict) -> str:
    value = route["value"]
    if route["kind"] in ("phone", "local_phone"):
        return "tel:" + re.sub(r"[^\d+]", "", value)
    if route["kind"] == "email":
        return "mailto:" + value
    return value


def route_line(ctx: Context, route: dict) -> str:
    ui, lang = ctx.ui, ctx.lang
    label = route.get("label", {}).get(lang) or ui[f"contacts.kind.{route['kind']}"]
    shown = route["value"]
    parts = [f"**{md_escape(label)}:** [{md_escape(shown)}](<{route_href(route)}>)"]
    if route.get("dial_from"):
        parts.append(md_escape(ui["contacts.dial_from"].replace("{country}", ctx.data.laws.countries.get(
            route["dial_from"], {}).get("name", {}).get(lang, route["dial_from"]))))
    if route.get("free"):
        parts.append(md_escape(ui["contacts.free"]))
    if route.get("hours"):
        parts.append(md_escape(route["hours"][lang]))
    if route.get("as_of"):
        parts.append(md_escape(ui["contacts.as_of"].replace("{date}", route["as_of"])))
    if route["status"] == "secondary":
        parts.append(f'<span class="pravo-tag" data-status="secondary">({md_escape(ui["law.tag.secondary"])})</span>')
    trace = route.get("shared_phone")
    trace = ctx.data.contacts.get("traces", {}).get(trace) if isinstance(trace, str) else trace
    line = "- " + " · ".join(parts)
    if trace:
        line += f"  \n  <small>{md_escape(ui['contacts.shared.' + trace['safe']])} {md_escape(trace['trace'][lang])}"
        line += f" {md_escape(trace['how'][lang])}</small>" if trace.get("how") else "</small>"
    return line


def sources_fold(ctx: Context, entry: dict) -> str:
    ui, lang = ctx.ui, ctx.lang
    line = html.escape(f"{ui['contacts.status.' + entry['status']]} · {ui['law.verified_on']} "
                       f"{lawtext.day(entry['verified_on'], lang)} · {ui['law.sources'].lower()}")
    sources = "\n".join(f"- [{md_escape(s['title'])}](<{s['url']}>)" + (f" — {md_escape(s['publisher'])}" if s.get("publisher") else "")
                        for s in entry.get("sources", []))
    return f'<details class="pravo-law__meta" markdown="1">\n<summary>{line}</summary>\n\n{sources}\n\n</details>'


def entry_block(ctx: Context, entry: dict, anchor: str | None = None) -> str:
    lang, ui = ctx.lang, ctx.ui
    lines = [f"**{md_escape(entry['name'][lang])}**" + (f" — {md_escape(entry['place'][lang])}" if "place" in entry else ""),
             "", md_escape(entry["what"][lang]), ""]
    if entry.get("caution"):
        lines += [f"**{md_escape(ui['contacts.caution'])}** {md_escape(entry['caution'][lang])}", ""]
    for designation in entry.get("designations", []):
        lines += [f"*{md_escape(designation['text'][lang])}*", ""]
    routes = entry.get("routes", [])
    if routes:
        lines += [route_line(ctx, route) for route in routes] + [""]
    elif entry.get("no_route"):
        lines += [f"*{md_escape(entry['no_route'][lang])}*", ""]
    if stale(ctx, entry):
        lines += [f'<p class="pravo-stale" markdown="1">**⚠ {md_escape(ui["contacts.stale"])}**</p>', ""]
    lines.append(sources_fold(ctx, entry))
    own_id = f' id="{anchor}"' if anchor else ""
    return (f'<div class="pravo-contact"{own_id} data-contact="{entry["id"]}" markdown="1">\n\n'
            + "\n".join(lines) + "\n\n</div>")


def contact_anchor(group: str, contact_id: str) -> str:
    return f"{group}--{contact_id.replace('.', '-')}"


def compact_line(ctx: Context, entry: dict, group: str) -> str:
    """One line: the name (to its full entry below) and each route, tappable."""
    routes = " · ".join(f"[{md_escape(r['value'])}](<{route_href(r)}>)" for r in entry.get("routes", []))
    return (f"- [{md_escape(entry['name'][ctx.lang])}](#{contact_anchor(group, entry['id'])})"
            + (f" — {routes}" if routes else f" — *{md_escape(ctx.ui['contacts.no_route'])}*"))


@marker("contacts")
def contacts(ctx: Context, args: list[str]) -> str:
    group = _group(ctx, args, "contacts")
    if group is None:
        return ""
    return "\n\n".join(entry_block(ctx, o) for o in ctx.data.organisations if o["country"] == group)


@marker("help")
def help_by_need(ctx: Context, args: list[str]) -> str:
    """By need: what to do now (the fallback), then whom to contact, then the law it rests on."""
    group = _group(ctx, args, "help")
    if group is None:
        return ""
    lang, ui = ctx.lang, ctx.ui
    known = entries(ctx)
    fallbacks = [f for f in ctx.data.contacts.get("fallbacks", []) if f["country"] == group]
    fallbacks.sort(key=lambda f: NEEDS.index(f["need"]) if f["need"] in NEEDS else len(NEEDS))
    blocks = []
    cited: dict[str, dict] = {}
    for fallback in fallbacks:
        anchor = f"{group}-{fallback['need']}"
        parts = [f"### {md_escape(ui['contacts.need.' + fallback['need']])} {{#{anchor}}}", "",
                 f'<div class="pravo-help" data-help="{fallback["id"]}" markdown="1">', "",
                 md_escape(fallback["now"][lang]), ""]
        laws = [reference(ctx, p) for p in (lookup(ctx, pid) for pid in fallback.get("laws", [])) if p]
        if laws:
            parts += [f"{md_escape(ui['contacts.laws'])} " + ", ".join(laws), ""]
        for basis in fallback.get("legal_basis", []):
            tag = (f' <span class="pravo-tag" data-status="{basis["status"]}">({md_escape(ui["law.tag." + basis["status"]])})</span>'
                   if basis.get("status") in ("secondary", "unofficial_copy") else "")
            parts += [f"*{md_escape(basis['act'][lang])}, {md_escape(basis['articles'])}:* {md_escape(basis['says'][lang])}{tag}", ""]
        for contact_id in fallback.get("contacts", []):
            if contact_id in known:
                parts.append(compact_line(ctx, known[contact_id], group))
                cited.setdefault(contact_id, known[contact_id])
            else:
                ctx.problem(f"the fallback `{fallback['id']}` names `{contact_id}`, which is not in data/contacts.yml",
                            "use the id of an organisation or service in data/contacts.yml")
        parts += ["", sources_fold(ctx, fallback), "", "</div>"]
        blocks.append("\n".join(parts))
    if not blocks:
        return ctx.problem(f"data/contacts.yml has no `fallbacks` for `{group}`",
                           "add at least one: what to do now, for each need, even where no organisation is listed")
    # Then each contact once, in full: what it does, every route with what it leaves on a phone, its sources.
    blocks.append(f"### {md_escape(ui['contacts.who'])}")
    blocks += [entry_block(ctx, entry, contact_anchor(group, contact_id)) for contact_id, entry in cited.items()]
    return "\n\n".join(blocks)


@marker("contact")
def deployment_contact(ctx: Context, args: list[str]) -> str:
    """Where this copy of the site takes corrections and press questions (PRAVO_CONTACT when it was built)."""
    link = contact_link(ctx.settings.contact) if ctx.settings.contact else None
    if link is None:
        return f'<p class="pravo-site-contact">{html.escape(ctx.ui["contact.none"])}</p>'
    return (f'<p class="pravo-site-contact">{html.escape(ctx.ui["contact.label"])} '
            f'<a href="{html.escape(link)}">{html.escape(ctx.settings.contact)}</a></p>')
