"""Texts to pass on (`share:` in a key page's front matter, pravo/share.py): present on every key
page, short, plain, translated, and with no figure that does not come from data/.

An unknown placeholder is reported by the marker itself (<!-- pravo:share -->, through the code the
build uses), so it is not repeated here.
"""
from __future__ import annotations

import re
from pathlib import Path

from pravo import share
from pravo.data import Data
from pravo.pages import read_front_matter
from pravo.problems import Problem
from pravo.settings import Settings

MARKER = re.compile(r"<!--\s*pravo:share\s*-->")
HOW = "see CONTRIBUTING, “Texts to pass on”"


def check(data: Data, path: Path, language_folder: Path, text: str, meta: dict) -> list[Problem]:
    slug = path.relative_to(language_folder).with_suffix("").as_posix()
    lang = language_folder.name
    written = meta.get("share")
    line = _line_of_share(text)
    problems: list[Problem] = []
    if written is None:
        if share.key_slug(slug) and lang in ("ru", "en"):
            problems.append(Problem(path, 2, "a key page without a text to pass on (нет текста `share:` для пересылки)",
                                    "add `share: |` to the front matter — a short plain text for a messenger, at most "
                                    f"{share.MAX_CHARS} characters — and <!-- pravo:share --> where the box goes; {HOW}"))
        return problems
    if not isinstance(written, str) or not written.strip():
        return [Problem(path, line, "`share:` must be a text", f"write `share: |` and the text on the lines below; {HOW}")]
    if not MARKER.search(text):
        problems.append(Problem(path, line, "the page has a `share:` text but no <!-- pravo:share --> to show it",
                                "put <!-- pravo:share --> on its own line where the box goes (after the first section)"))
    for figure in share.hand_typed_figures(data, written):
        problems.append(Problem(path, _line_in(text, line, figure), f"a figure typed by hand in the share text: “{figure}” "
                                "(число без источника)", "use {limit:ID}, {penalty:ID} or {article:ID} from data/laws/; "
                                "only a phone number listed in data/contacts.yml may be typed"))
    for address in share.foreign_addresses(written, Settings.from_environment().site_url):
        problems.append(Problem(path, _line_in(text, line, address), f"an address in the share text: “{address}”",
                                "a forwarded text carries no links (the reader's phone may be checked); only an "
                                "http(s) address of this site is allowed"))
    marks = share.markup(written)
    if marks:
        problems.append(Problem(path, line, f"the share text must be plain text, but it has {' '.join(marks)}",
                                "remove markup: a messenger shows it as symbols; write «ёлочки» for quotes; "
                                "placeholders are {limit:ID}, {penalty:ID}, {article:ID}"))
    expanded, _ = share.expand(data, written.strip(), lang)
    if len(expanded) > share.MAX_CHARS:
        problems.append(Problem(path, line, f"the share text is {len(expanded)} characters long with its figures "
                                f"(at most {share.MAX_CHARS})", "cut it to what a reader must do now; the page has the rest"))
    if lang == "en":
        if CYRILLIC_WORD.search(written):
            problems.append(Problem(path, _line_in(text, line, CYRILLIC_WORD.search(written).group(0)),
                                    f"the English share text has Cyrillic letters: “{CYRILLIC_WORD.search(written).group(0)}”",
                                    "translate it; a name keeps its English spelling"))
        twin = read_front_matter(language_folder.parent / "ru" / path.relative_to(language_folder)).get("share")
        if isinstance(twin, str) and _same(twin, written):
            problems.append(Problem(path, line, "the English share text is the same as the Russian one (not translated)",
                                    "translate it, with the same meaning and the same placeholders"))
    return problems


CYRILLIC_WORD = re.compile(r"\S*[\u0400-\u04ff]\S*")


def _same(one: str, other: str) -> bool:
    return " ".join(one.split()) == " ".join(other.split())


def _line_of_share(text: str) -> int:
    match = re.search(r"^share\s*:", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else 2


def _line_in(text: str, share_line: int, found: str) -> int:
    """The line of the file where `found` first appears at or after the `share:` line (outside a
    placeholder: the 3 of «3 часа» is not the one in {limit:kg.cop.523})."""
    lines = text.splitlines()
    for number in range(share_line - 1, len(lines)):
        if found in share.PLACEHOLDER.sub(" ", lines[number]):
            return number + 1
        if number > share_line - 1 and lines[number].strip() == "---":
            break
    return share_line
