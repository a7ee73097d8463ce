"""The incident record: a form that turns what the reader types into plain text.

A page says <!-- pravo:incident-form --> where the form goes. The form is hidden
until docs/assets/js/incident-record.js shows it, so without JavaScript the page
is just its checklist. The script sends nothing and stores nothing; the fields
have autocomplete off so the browser does not remember them either.
Labels come from i18n/<lang>.yml (incident.*).
"""
from __future__ import annotations

import html
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import asset_versions  # noqa: E402
from ui_strings import load_strings  # noqa: E402

MARKER = re.compile(r"<!--\s*pravo:incident-form\s*-->")
SCRIPT = "assets/js/incident-record.js"
# (name, input type); the order is the order of the text the reader gets.
FIELDS = [
    ("date", "date"), ("time", "time"), ("place", "text"), ("officers", "textarea"),
    ("vehicle", "text"), ("what", "textarea"), ("money", "textarea"), ("documents", "textarea"),
    ("witnesses", "textarea"), ("injuries", "textarea"),
]
STATE: dict = {}


def on_config(config):
    STATE["strings"] = load_strings(Path(config.config_file_path).parent / "i18n")
    return config


def field(name: str, kind: str, ui: dict) -> str:
    label = html.escape(ui[f"incident.field.{name}"])
    hint = ui.get(f"incident.hint.{name}")
    described = f' aria-describedby="incident-{name}-hint"' if hint else ""
    attributes = f'id="incident-{name}" data-field="{name}" data-label="{label}" autocomplete="off"{described}'
    control = (f'<textarea {attributes} rows="3" spellcheck="false"></textarea>' if kind == "textarea"
               else f'<input {attributes} type="{kind}" spellcheck="false">')
    hint_html = f'<span class="pravo-incident__hint" id="incident-{name}-hint">{html.escape(hint)}</span>' if hint else ""
    return f'<p class="pravo-incident__field"><label for="incident-{name}">{label}</label>{hint_html}{control}</p>'


def render(page, lang: str, docs_dir: str) -> str:
    ui = {**STATE["strings"]["ru"], **STATE["strings"].get(lang, {})}
    script = asset_versions.from_page(page, docs_dir, SCRIPT)
    e = lambda key: html.escape(ui[key])  # noqa: E731
    fields = "\n".join(field(name, kind, ui) for name, kind in FIELDS)
    return f"""<div class="pravo-incident" data-pravo-incident hidden
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
<script src="{script}" defer></script>"""


def on_page_markdown(markdown, page, config, files):
    if "pravo:incident-form" not in markdown:
        return markdown
    lang = getattr(page.file, "locale", None) or config.theme["language"]
    return MARKER.sub(lambda _: "\n\n" + render(page, lang, config.docs_dir) + "\n\n", markdown)
