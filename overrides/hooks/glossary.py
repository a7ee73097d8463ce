"""The RU/EN glossary from data/glossary.yml.

    <!-- pravo:glossary -->            every entry, in the page's language, on the glossary page
    <!-- pravo:term ID -->             the term, linked to its entry, its definition as a tooltip
    <!-- pravo:term ID other words --> the same with the words as written (for Russian cases)

An unknown id fails the build with the page and line (and `make check` says so first).
"""
from __future__ import annotations

import html
import logging
import os
import posixpath
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).parent))
import lawdata  # noqa: E402
import lawtext  # noqa: E402
from ui_strings import load_strings  # noqa: E402

log = logging.getLogger("mkdocs.hooks.glossary")
MARKER = re.compile(r"<!--\s*pravo:(glossary|term)\b\s*([^>]*?)\s*-->")
GLOSSARY_PAGE = "journalists/glossary.md"
STATE: dict = {}


def on_config(config):
    root = Path(config.config_file_path).parent
    terms, problems = lawdata.load_glossary(root)
    if problems:
        raise PluginError("data/glossary.yml has problems:\n" + lawdata.problem_lines(problems, root))
    STATE.update(terms=terms, root=root, strings=load_strings(root / "i18n"))
    return config


def sort_key(text: str) -> str:
    return text.casefold().replace("ё", "е")


def entry_html(entry: dict, lang: str, ui: dict) -> str:
    other = "en" if lang == "ru" else "ru"
    e = html.escape
    parts = [f'<dt id="{entry["id"]}">{e(entry["term"][lang])} <span class="pravo-glossary__other" lang="{other}">'
             f'({e(entry["term"][other])})</span></dt>', f'<dd><p>{e(entry["definition"][lang])}</p>']
    if "avoid" in entry:
        parts.append(f'<p class="pravo-glossary__avoid"><strong>{e(ui["glossary.avoid"])}</strong> {e(entry["avoid"][lang])}</p>')
    if entry.get("see"):
        links = ", ".join(f'<a href="#{other_id}">{e(STATE["terms"][other_id]["term"][lang])}</a>' for other_id in entry["see"])
        parts.append(f'<p>{e(ui["glossary.see"])} {links}</p>')
    if entry.get("sources"):
        links = "; ".join(f'<a href="{e(s["url"])}">{e(s["title"])}</a>' for s in entry["sources"])
        parts.append(f'<p class="pravo-glossary__sources">{e(ui["law.sources"])}: {links}</p>')
    return "\n".join(parts) + "</dd>"


def on_page_markdown(markdown, page, config, files):
    if "pravo:glossary" not in markdown and "pravo:term" not in markdown:
        return markdown
    lang = lawtext.data_language(getattr(page.file, "locale", None) or config.theme["language"])
    ui = {**STATE["strings"]["ru"], **STATE["strings"].get(lang, {})}
    source = Path(page.file.abs_src_path)
    text = source.read_text(encoding="utf-8")
    problems = []
    here = Path(page.file.src_uri)
    folder = lawtext.language_folder(here.as_posix())
    target = posixpath.relpath(posixpath.join(folder, GLOSSARY_PAGE), posixpath.dirname(here.as_posix()) or ".")

    def replace(match: re.Match) -> str:
        name, args = match.group(1), match.group(2).split()
        if name == "glossary":
            entries = sorted(STATE["terms"].values(), key=lambda t: sort_key(t["term"][lang]))
            return '\n\n<dl class="pravo-glossary">\n' + "\n".join(entry_html(t, lang, ui) for t in entries) + "\n</dl>\n\n"
        entry = STATE["terms"].get(args[0]) if args else None
        if entry is None:
            line = text.count("\n", 0, max(text.find(match.group(0)), 0)) + 1
            problems.append(f"{os.path.relpath(source, STATE['root'])}:{line}: unknown glossary entry "
                            f"`{args[0] if args else ''}` (такого термина нет в data/glossary.yml) — "
                            "use an id from data/glossary.yml")
            return ""
        words = " ".join(args[1:]) or entry["term"][lang]
        title = entry["definition"][lang].replace('"', "'")
        return f'[{words}]({target}#{entry["id"]} "{title}")'

    result = MARKER.sub(replace, markdown)
    for problem in problems:
        log.warning(problem)
    return result
