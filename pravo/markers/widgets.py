"""Markers that place one of the site's small tools on a page, with its script:

    <!-- pravo:incident-form -->  the incident record: what the reader types becomes plain text (sent nowhere)
    <!-- pravo:self-check -->     "Is this trafficking?": four questions, one result, all in the browser
    <!-- pravo:offline -->        "save for reading without internet", only when the reader asks

Each is hidden until its script (docs/assets/js/) shows it, so without JavaScript the page is its
own explanation. Labels come from i18n/<lang>.yml; nothing is sent or stored.
"""
from __future__ import annotations

import html
import re

from pravo import assets
from pravo.markers import Context, marker

# (name, input type) of the incident record; the order is the order of the text the reader gets.
INCIDENT_FIELDS = [
    ("date", "date"), ("time", "time"), ("place", "text"), ("officers", "textarea"),
    ("vehicle", "text"), ("what", "textarea"), ("money", "textarea"), ("documents", "textarea"),
    ("witnesses", "textarea"), ("injuries", "textarea"),
]
# The self-check, in the order the reader meets the questions: age first, because for a child
# the means do not matter.
QUESTIONS = ("age", "act", "means", "purpose")
ANSWERS = ("yes", "no", "unknown")
# Every result self-check.js can give; the page explains each under a heading {#outcome-<name>}.
OUTCOMES = ("trafficking", "child-trafficking", "child-other", "other-harm", "not-trafficking", "unclear")


def script(ctx: Context, path: str) -> str:
    """The tag that loads one of our scripts from this page, at its versioned address."""
    versioned = assets.versioned(ctx.page.root / "docs", path)  # unversioned if the file is missing (make check)
    address = ctx.page.link_to_file(path) + versioned[len(path):]
    return f'<script src="{html.escape(address)}" defer></script>'


def escaped(ctx: Context):
    return lambda key: html.escape(ctx.ui[key])


def field(name: str, kind: str, ui: dict) -> str:
    label = html.escape(ui[f"incident.field.{name}"])
    hint = ui.get(f"incident.hint.{name}")
    described = f' aria-describedby="incident-{name}-hint"' if hint else ""
    attributes = f'id="incident-{name}" data-field="{name}" data-label="{label}" autocomplete="off"{described}'
    control = (f'<textarea {attributes} rows="3" spellcheck="false"></textarea>' if kind == "textarea"
               else f'<input {attributes} type="{kind}" spellcheck="false">')
    hint_html = f'<span class="pravo-incident__hint" id="incident-{name}-hint">{html.escape(hint)}</span>' if hint else ""
    return f'<p class="pravo-incident__field"><label for="incident-{name}">{label}</label>{hint_html}{control}</p>'


@marker("incident-form")
def incident_form(ctx: Context, args: list[str]) -> str:
    e = escaped(ctx)
    fields = "\n".join(field(name, kind, ctx.ui) for name, kind in INCIDENT_FIELDS)
    return f"""

<div class="pravo-incident" data-pravo-incident hidden
     data-title="{e('incident.title')}" data-neutral-title="{e('incident.neutral_title')}"
     data-written="{e('incident.written')}" data-copied="{e('incident.copied')}" data-empty="{e('incident.empty')}">
<form class="pravo-incident__form" autocomplete="off" novalidate>
<p class="pravo-incident__note">{e('incident.note')}</p>
{fields}
<p class="pravo-incident__field pravo-incident__check"><label><input type="checkbox" data-neutral checked> {e('incident.neutral')}</label></p>
<p class="pravo-incident__buttons">
<button type="button" class="md-button md-button--primary" data-action="make">{e('incident.make')}</button>
<button type="button" class="md-button" data-action="clear">{e('incident.clear')}</button>
</p>
</form>
<div class="pravo-incident__result" data-result hidden>
<label for="incident-text">{e('incident.result')}</label>
<textarea id="incident-text" class="pravo-incident__text" rows="12" readonly autocomplete="off" spellcheck="false"></textarea>
<pre class="pravo-incident__print" data-print aria-hidden="true"></pre>
<p class="pravo-incident__buttons">
<button type="button" class="md-button" data-action="copy">{e('incident.copy')}</button>
<button type="button" class="md-button" data-action="print">{e('incident.print')}</button>
</p>
<p class="pravo-incident__status" role="status" data-status></p>
</div>
</div>
{script(ctx, "assets/js/incident-record.js")}

"""


def question(name: str, ui: dict) -> str:
    e = lambda key: html.escape(ui[key])  # noqa: E731
    buttons = "\n".join(
        f'<button type="button" class="md-button" data-answer="{answer}" aria-pressed="false">{e("selfcheck." + answer)}</button>'
        for answer in ANSWERS)
    return f"""<fieldset class="pravo-selfcheck__question" data-question="{name}" hidden>
<legend id="selfcheck-{name}" tabindex="-1">{e("selfcheck.q." + name)}</legend>
<p class="pravo-selfcheck__hint">{e("selfcheck.hint." + name)}</p>
<p class="pravo-selfcheck__answers">
{buttons}
</p>
</fieldset>"""


def missing_outcomes(markdown: str) -> list[str]:
    return [name for name in OUTCOMES if not re.search(r"\{[^}]*#outcome-" + re.escape(name) + r"\b", markdown)]


@marker("self-check")
def self_check(ctx: Context, args: list[str]) -> str:
    missing = missing_outcomes(ctx.markdown)
    if missing:
        # Every answer the script can give must lead to the page's own explanation of it.
        ctx.problem(f"the self-check has no explanation for the result(s) {', '.join(missing)} (нет объяснения результата)",
                    f"add a heading for each under the questions, e.g. `### … {{#outcome-{missing[0]}}}`")
    e = escaped(ctx)
    questions = "\n".join(question(name, ctx.ui) for name in QUESTIONS)
    return f"""

<div class="pravo-selfcheck" data-pravo-selfcheck hidden>
<p class="pravo-selfcheck__note">{e('selfcheck.note')}</p>
{questions}
<div class="pravo-selfcheck__result" data-result hidden>
<h2 id="selfcheck-result" tabindex="-1">{e('selfcheck.result')}</h2>
<div data-result-body></div>
</div>
<p class="pravo-selfcheck__buttons"><button type="button" class="md-button" data-action="restart">{e('selfcheck.restart')}</button></p>
</div>
{script(ctx, "assets/js/self-check.js")}

"""


@marker("offline")
def offline(ctx: Context, args: list[str]) -> str:
    e = escaped(ctx)
    return f"""

<div class="pravo-offline" data-pravo-offline data-lang="{html.escape(ctx.page.lang)}"
     data-text-none="{e('offline.none')}" data-text-saved="{e('offline.saved')}" data-text-progress="{e('offline.progress')}"
     data-text-failed="{e('offline.failed')}" data-text-removed="{e('offline.removed')}">
<div data-controls hidden>
<p class="pravo-offline__buttons">
<button type="button" class="md-button md-button--primary" data-action="save" hidden>{e('offline.save')}</button>
<button type="button" class="md-button" data-action="remove" hidden>{e('offline.remove')}</button>
</p>
<p class="pravo-offline__status" role="status" data-status></p>
</div>
</div>
{script(ctx, "assets/js/offline.js")}

"""
