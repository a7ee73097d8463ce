"""The self-check "Is this trafficking?": four questions, one result, all in the browser.

A page says <!-- pravo:self-check --> where the questions go. They are hidden until
docs/assets/js/self-check.js shows them, so without JavaScript the page is its own
explanation. Each result the script can reach is a heading of that page with the id
`outcome-<name>` ({#outcome-trafficking}); the script shows that heading's section.
A page without all of them fails the build, so no answer leads nowhere.
Questions and buttons come from i18n/<lang>.yml (selfcheck.*). Nothing is sent or stored.
"""
from __future__ import annotations

import html
import os
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).parent))
import asset_versions  # noqa: E402
from ui_strings import load_strings  # noqa: E402

MARKER = re.compile(r"<!--\s*pravo:self-check\s*-->")
SCRIPT = "assets/js/self-check.js"
# In the order the reader meets them: age first, because for a child the means do not matter.
QUESTIONS = ("age", "act", "means", "purpose")
ANSWERS = ("yes", "no", "unknown")
# Every result self-check.js can give; the page explains each under a heading {#outcome-<name>}.
OUTCOMES = ("trafficking", "child-trafficking", "child-other", "other-harm", "not-trafficking", "unclear")
STATE: dict = {}


def on_config(config):
    STATE["strings"] = load_strings(Path(config.config_file_path).parent / "i18n")
    STATE["root"] = Path(config.config_file_path).parent
    return config


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


def render(page, lang: str, docs_dir: str) -> str:
    ui = {**STATE["strings"]["ru"], **STATE["strings"].get(lang, {})}
    script = asset_versions.from_page(page, docs_dir, SCRIPT)
    e = lambda key: html.escape(ui[key])  # noqa: E731
    questions = "\n".join(question(name, ui) for name in QUESTIONS)
    return f"""<div class="pravo-selfcheck" data-pravo-selfcheck hidden>
<p class="pravo-selfcheck__note">{e('selfcheck.note')}</p>
{questions}
<div class="pravo-selfcheck__result" data-result hidden>
<h3 id="selfcheck-result" tabindex="-1">{e('selfcheck.result')}</h3>
<div data-result-body></div>
</div>
<p class="pravo-selfcheck__buttons"><button type="button" class="md-button" data-action="restart">{e('selfcheck.restart')}</button></p>
</div>
<script src="{script}" defer></script>"""


def missing_outcomes(markdown: str) -> list[str]:
    return [name for name in OUTCOMES if not re.search(r"\{[^}]*#outcome-" + re.escape(name) + r"\b", markdown)]


def on_page_markdown(markdown, page, config, files):
    if "pravo:self-check" not in markdown:
        return markdown
    missing = missing_outcomes(markdown)
    if missing:
        where = os.path.relpath(page.file.abs_src_path, STATE["root"])
        raise PluginError(
            f"{where}: the self-check has no explanation for the result(s) {', '.join(missing)} — "
            f"add a heading for each, e.g. `### Signs of trafficking {{#outcome-{missing[0]}}}`")
    lang = getattr(page.file, "locale", None) or config.theme["language"]
    return MARKER.sub(lambda _: "\n\n" + render(page, lang, config.docs_dir) + "\n\n", markdown)
