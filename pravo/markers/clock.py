"""The detention clock: when each time limit runs out, as a clock time and a date.

    <!-- pravo:clock -->          every country, none chosen (the raid start page, the station page)
    <!-- pravo:clock kg -->       Kyrgyzstan chosen first (a country's own page)
    <!-- pravo:clock open -->     unfolded (the clock's own page); words combine: `ru open`

The rows come from data/clock.yml and their lengths from data/laws/, so a figure is written once.
Without JavaScript the folded box holds the rules as text: each limit, what it is for, its article.
docs/assets/js/clock.js adds the form (country, when you were taken, when you got the decision) and
writes each limit's end next to it. It counts in the browser: nothing is sent or stored.
"""
from __future__ import annotations

import html

from pravo import lawtext
from pravo.markers import Context, marker, md_escape
from pravo.markers.laws import link_to, lookup, status_tag
from pravo.markers.widgets import escaped, script

COUNTRIES = ("kg", "tj", "ru")


def article_link(ctx: Context, provision_id: str, kind: str = "limit") -> str:
    """'[КоАП КР, ст. 526](…)' with the status tag of a fact not read in an official text."""
    provision = lookup(ctx, provision_id, kind)
    if provision is None:
        return ""
    code = ctx.data.laws.codes[provision["code"]]
    name = code.get("inline", code["short"])[ctx.lang]
    return f"[{md_escape(name + ', ' + lawtext.article(provision, ctx.lang))}]({link_to(ctx, provision_id)})" + status_tag(ctx, provision)


def row(ctx: Context, entry: dict) -> str:
    """One limit: its label, its length in words, an empty slot clock.js fills, its article(s)."""
    provision = lookup(ctx, entry["id"], "limit")
    if provision is None:
        return ""
    limit = provision["limit"]
    links = ", ".join(article_link(ctx, pid) for pid in [entry["id"], *entry.get("also", [])])
    slot = (f'<span class="pravo-clock__at" data-clock-at data-from="{entry["from"]}" data-value="{limit["value"]}"'
            f' data-unit="{limit["unit"]}"' + (" data-working-days" if entry.get("next_working_day") else "")
            + " hidden></span>")
    line = f"- {md_escape(entry[ctx.lang])}: **{md_escape(lawtext.limit(limit, ctx.lang))}**{slot} ({links})"
    note = entry.get("working_day_note", {}).get(ctx.lang)
    return line + (f"  \n  {md_escape(note)}" if note else "")


def country_block(ctx: Context, country: str) -> str:
    entry = ctx.data.clock[country]
    name = ctx.data.laws.countries[country]["name"][ctx.lang]
    counted = entry["counted_from"]
    rows = "\n".join(row(ctx, r) for r in entry["rows"])
    return (f'<div class="pravo-clock__country" data-clock-country="{country}" markdown="1">\n\n'
            f"**{md_escape(name)}.** {md_escape(counted[ctx.lang].rstrip('.'))} ({article_link(ctx, counted['id'], 'law')}).\n\n"
            f"{rows}\n\n</div>")


def form(ctx: Context, countries: list[str], chosen: str) -> str:
    e = escaped(ctx)
    options = "".join(
        f'<option value="{c}"{" selected" if c == chosen else ""}>{html.escape(ctx.data.laws.countries[c]["name"][ctx.lang])}</option>'
        for c in countries)
    every = f'<option value=""{"" if chosen else " selected"}>{e("clock.all")}</option>'
    return f"""<form class="pravo-clock__form" data-clock-form autocomplete="off" novalidate hidden>
<p class="pravo-clock__field"><label for="clock-country">{e('clock.country')}</label>
<select id="clock-country" data-clock-country-choice>{every}{options}</select></p>
<p class="pravo-clock__field"><label for="clock-taken">{e('clock.taken')}</label>
<input id="clock-taken" type="datetime-local" data-clock-taken></p>
<p class="pravo-clock__field"><label for="clock-decision">{e('clock.decision')}</label>
<input id="clock-decision" type="date" data-clock-decision></p>
</form>"""


@marker("clock")
def clock(ctx: Context, args: list[str]) -> str:
    unknown = [a for a in args if a not in (*COUNTRIES, "open")]
    if unknown:
        return ctx.problem(f"`pravo:clock` does not know {', '.join(unknown)}",
                           "write <!-- pravo:clock -->, <!-- pravo:clock kg --> or <!-- pravo:clock open -->")
    countries = [c for c in COUNTRIES if c in ctx.data.clock and c in ctx.data.laws.countries]
    if not countries:
        return ctx.problem("the detention clock has no data", "restore data/clock.yml from git")
    chosen = next((a for a in args if a in COUNTRIES), "")
    if chosen and chosen not in countries:
        return ctx.problem(f"the detention clock has no rows for {chosen}", f"add `{chosen}:` to data/clock.yml")
    e = escaped(ctx)
    ui = ctx.ui
    blocks = "\n\n".join(country_block(ctx, c) for c in countries)
    return f"""

<details class="pravo-clock" data-pravo-clock data-country="{chosen}"{" open" if "open" in args else ""}
 data-until="{e('clock.until')}" data-last-day="{e('clock.last_day')}" data-moved="{e('clock.moved')}"
 data-months="{e('clock.months')}" data-weekdays="{e('clock.weekdays')}" markdown="1">
<summary>{e('clock.summary')}</summary>

{form(ctx, countries, chosen)}

{blocks}

<p class="pravo-clock__note">{html.escape(ui['clock.note'])}</p>
</details>
{script(ctx, "assets/js/clock.js")}

"""
