"""Organisations from data/contacts.yml, rendered where a page says <!-- pravo:contacts kg -->.

Like the laws, each entry shows its sources and the date it was checked, and a
phone number appears only when the data has one with a source.
"""
from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).parent))
import lawdata  # noqa: E402
import lawtext  # noqa: E402
from laws import md_escape  # noqa: E402
from ui_strings import load_strings  # noqa: E402

log = logging.getLogger("mkdocs.hooks.contacts")
MARKER = re.compile(r"<!--\s*pravo:contacts\s+([a-z]+)\s*-->")
STATE: dict = {}


def on_config(config):
    root = Path(config.config_file_path).parent
    organisations, problems = lawdata.load_contacts(root)
    if problems:
        raise PluginError("data/contacts.yml has problems:\n" + lawdata.problem_lines(problems, root))
    STATE.update(organisations=organisations, strings=load_strings(root / "i18n"))
    return config


def render(country: str, lang: str) -> str:
    lang = lawtext.data_language(lang)
    ui = {**STATE["strings"]["ru"], **STATE["strings"].get(lang, {})}
    blocks = []
    for org in (o for o in STATE["organisations"] if o["country"] == country):
        sources = "; ".join(f"[{md_escape(s['title'])}]({s.get('url') or 'https://github.com/' + s['repo']})"
                            for s in org["sources"])
        lines = [f"**{md_escape(org['name'][lang])}**" + (f" — {md_escape(org['place'][lang])}" if "place" in org else ""),
                 "", md_escape(org["what"][lang]), ""]
        lines.append(f"{ui['contacts.phone']}: {md_escape(org['phone'])}" if "phone" in org
                     else f"*{md_escape(ui['contacts.no_phone'])}*")
        lines += ["", f"{md_escape(ui['contacts.status.' + org['status']])} · {md_escape(ui['law.verified_on'])} "
                      f"{lawtext.day(org['verified_on'], lang)} · {md_escape(ui['law.sources'])}: {sources}"]
        blocks.append(f'<div class="pravo-contact" data-contact="{org["id"]}" markdown="1">\n\n' + "\n".join(lines) + "\n\n</div>")
    return "\n\n".join(blocks)


def on_page_markdown(markdown, page, config, files):
    lang = getattr(page.file, "locale", None) or config.theme["language"]

    def replace(match):
        if not any(o["country"] == match.group(1) for o in STATE["organisations"]):
            log.warning("%s: no organisations for `%s` in data/contacts.yml — use kg, tj, ru or regional",
                        page.file.src_uri, match.group(1))
            return ""
        return render(match.group(1), lang)
    return MARKER.sub(replace, markdown)
