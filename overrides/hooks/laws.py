"""Legal facts from data/laws/*.yml, rendered into pages where a marker names them.

    <!-- pravo:law kg.cop.109-2 -->      inline reference, linked to the provision on its country page
    <!-- pravo:penalty kg.cop.109-2 -->  the penalty in words
    <!-- pravo:limit kg.cop.526 -->      the time limit in words ("3 часа" / "3 hours")
    <!-- pravo:laws kg offence -->       every provision of a country (optionally of one kind), in full
    <!-- pravo:compare -->               the table comparing the three countries (data/laws/compare.yml)
    <!-- pravo:corrections -->           the public log of corrections (data/corrections.yml)

A number is written once, in data/. An unknown id, a provision without a real
source, or an unverified provision used as fact fails the build with the page,
the line and the id.
"""
from __future__ import annotations

import html
import logging
import os
import posixpath
import re
import sys
from datetime import date
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).parent))
import lawdata  # noqa: E402
import lawtext  # noqa: E402
from ui_strings import load_strings  # noqa: E402

log = logging.getLogger("mkdocs.hooks.laws")

MARKER = re.compile(r"<!--\s*pravo:(law|penalty|limit|laws|compare|corrections)\b\s*([^>]*?)\s*-->")
COUNTRY_PAGES = {"kg": "rights/kyrgyzstan.md", "tj": "rights/tajikistan.md", "ru": "rights/russia.md"}
KIND_ORDER = ["offence", "exemption", "procedure", "right", "police", "criminal"]
MAX_AGE_DAYS = 365

STATE: dict = {}


def today() -> date:
    # PRAVO_TODAY lets tests check the "needs re-checking" marker on a fixed date.
    return date.fromisoformat(os.environ["PRAVO_TODAY"]) if os.environ.get("PRAVO_TODAY") else date.today()


def on_config(config):
    root = Path(config.config_file_path).parent
    book = lawdata.load_lawbook(root)
    if book.problems:
        raise PluginError("The legal data in data/laws/ has problems:\n" + lawdata.problem_lines(book.problems, root))
    compare_file = root / "data" / "laws" / "compare.yml"
    corrections, problems = lawdata.load_corrections(root, book)
    if problems:
        raise PluginError("data/corrections.yml has problems:\n" + lawdata.problem_lines(problems, root))
    STATE.update(
        corrections=corrections,
        book=book,
        root=root,
        compare=yaml.safe_load(compare_file.read_text(encoding="utf-8")) if compare_file.exists() else None,
        strings=load_strings(root / "i18n"),
    )
    return config


def anchor(provision_id: str) -> str:
    return provision_id.replace(".", "-")


def md_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


class Renderer:
    """Turns markers into Markdown for one page in one language."""

    def __init__(self, page, lang: str):
        self.page = page
        self.lang = lawtext.data_language(lang)
        self.book: lawdata.LawBook = STATE["book"]
        self.ui = {**STATE["strings"].get("ru", {}), **STATE["strings"].get(self.lang, {})}
        self.source_path = Path(page.file.abs_src_path)
        self.source_text = self.source_path.read_text(encoding="utf-8")
        self.problems: list[str] = []

    # -- helpers -------------------------------------------------------------------
    def line_of(self, marker: str) -> int:
        index = self.source_text.find(marker)
        return self.source_text.count("\n", 0, index) + 1 if index >= 0 else 0

    def problem(self, marker: str, message: str, hint: str) -> str:
        where = os.path.relpath(self.source_path, STATE["root"])
        self.problems.append(f"{where}:{self.line_of(marker)}: {message} — {hint}")
        return ""

    def lookup(self, marker: str, provision_id: str, kind: str = "law") -> dict | None:
        """The provision a marker names, or None after recording why it cannot be stated."""
        problem = lawdata.marker_problem(self.book, provision_id, kind)
        if problem:
            self.problem(marker, *problem)
            return None
        return self.book.provisions.get(provision_id)

    def link_to(self, provision_id: str) -> str:
        """Relative Markdown link target to the provision on its country page."""
        here = Path(self.page.file.src_uri)
        language_folder = lawtext.language_folder(here.as_posix())
        target = posixpath.join(language_folder, COUNTRY_PAGES[self.book.country_of(provision_id)])
        relative = posixpath.relpath(target, posixpath.dirname(here.as_posix()) or ".")
        return f"{relative}#{anchor(provision_id)}"

    def unverified_note(self) -> str:
        return f"**⚠ {md_escape(self.ui['law.unverified'])}**"

    def status_tag(self, provision: dict) -> str:
        """Next to a fact not read in an official text, how it was read: «(неофициальная копия текста)»."""
        status = provision["status"]
        if status == "unverified":
            return f" ({self.unverified_note()})"
        if status in ("unofficial_copy", "secondary"):
            return f' <span class="pravo-tag" data-status="{status}">({md_escape(self.ui["law.tag." + status])})</span>'
        return ""

    def code_of(self, provision: dict) -> dict:
        return self.book.codes[provision["code"]]

    # -- markers -------------------------------------------------------------------
    def law(self, marker: str, args: list[str]) -> str:
        provision = self.lookup(marker, args[0]) if args else None
        if provision is None:
            return self.problem(marker, "`pravo:law` needs an id", "write <!-- pravo:law kg.cop.109-2 -->") if not args else ""
        text = md_escape(lawtext.reference(provision, self.code_of(provision), self.lang))
        return f"[{text}]({self.link_to(provision['id'])})" + self.status_tag(provision)

    def fact(self, marker: str, args: list[str], field: str, words) -> str:
        """One stated fact (a penalty or a time limit) of a provision, refused for unverified ones."""
        provision = self.lookup(marker, args[0], field) if args else None
        if provision is None:
            return ""
        return md_escape(words(provision[field]))

    def penalty(self, marker: str, args: list[str]) -> str:
        return self.fact(marker, args, "penalty",
                         lambda data: lawtext.penalty(data, self.book.units, self.lang))

    def limit(self, marker: str, args: list[str], before: str = "") -> str:
        # `before`: the text in front of the marker, so Russian says «до 24 часов», not «до 24 часа».
        return self.fact(marker, args, "limit", lambda data: lawtext.limit(data, self.lang, before))

    def laws(self, marker: str, args: list[str]) -> str:
        if not args or args[0] not in self.book.countries:
            return self.problem(marker, f"`pravo:laws` needs a country ({', '.join(self.book.countries)})",
                                "write <!-- pravo:laws kg --> or <!-- pravo:laws kg offence -->")
        kinds = args[1:] or KIND_ORDER
        unknown = [k for k in kinds if k not in KIND_ORDER]
        if unknown:
            return self.problem(marker, f"unknown kind {', '.join(unknown)}", f"use one of: {', '.join(KIND_ORDER)}")
        chosen = [p for p in self.book.countries[args[0]]["provisions"] if p["kind"] in kinds]
        chosen.sort(key=lambda p: KIND_ORDER.index(p["kind"]))
        return "\n\n".join(self.block(p) for p in chosen if lawdata.has_real_source(p))

    def block(self, provision: dict) -> str:
        lang, ui = self.lang, self.ui
        code = self.code_of(provision)
        title = md_escape(lawtext.reference(provision, code, lang))
        original = provision["title"]["original"]
        parts = [f"### {title} {{#{anchor(provision['id'])} .pravo-law-title}}", "",
                 f'<div class="pravo-law" data-law="{provision["id"]}" data-status="{provision["status"]}" markdown="1">', ""]
        if original not in (provision["title"]["ru"], provision["title"]["en"]):
            parts += [f"*{md_escape(ui['law.original_title'])}:* {md_escape(original)}", ""]
        if provision["status"] == "unverified":
            parts += [f'<p class="pravo-unverified" markdown="1">{self.unverified_note()}</p>', ""]
        parts += [md_escape(provision["says"][lang]), ""]
        if lawdata.shown_as_fact(provision):
            if "penalty" in provision:
                text = lawtext.capitalised(lawtext.penalty(provision["penalty"], self.book.units, lang))
                parts += [f"**{md_escape(ui['law.penalty'])}:** {md_escape(text)}", ""]
            if "limit" in provision:
                parts += [f"**{md_escape(ui['law.limit'])}:** {md_escape(lawtext.limit(provision['limit'], lang))}", ""]
        for change in provision.get("changed", []):
            parts += [f"**{md_escape(ui['law.changed'])} {lawtext.day(change['date'], lang)}:** {md_escape(change[lang])}", ""]
        age = lawdata.age_in_days(provision, today())
        if age > MAX_AGE_DAYS:
            parts += [f'<p class="pravo-stale" markdown="1">**⚠ {md_escape(ui["law.stale"])}**</p>', ""]
        parts += [self.provenance(provision, code), "", "</div>"]
        return "\n".join(parts)

    def provenance(self, provision: dict, code: dict) -> str:
        lang, ui = self.lang, self.ui
        sources = []
        for source in provision["sources"]:
            if lawdata.PLACEHOLDER_SOURCE in source.get("url", ""):
                continue
            url = source.get("url") or f"https://github.com/{source['repo']}/blob/{source.get('commit', 'HEAD')}/{source['path']}"
            sources.append(f"[{md_escape(source['title'])}]({url})")
        edition = md_escape(f"{code['title'][lang]} {code['adopted'][lang]}, {code['edition'][lang]}")
        return (f'<p class="pravo-law__meta" markdown="1">'
                f"{md_escape(ui['law.status.' + provision['status']])} · "
                f"{md_escape(ui['law.verified_on'])} {lawtext.day(provision['verified_on'], lang)} · "
                f"{md_escape(ui['law.edition'])}: {edition} · "
                f"{md_escape(ui['law.sources'])}: {'; '.join(sources)}</p>")

    def compare(self, marker: str, args: list[str]) -> str:
        table = STATE.get("compare")
        if not table:
            return self.problem(marker, "data/laws/compare.yml is missing", "restore it from git")
        countries = table["countries"]
        header = [md_escape(self.ui["law.compare.topic"])] + [
            md_escape(self.book.countries[c]["name"][self.lang]) for c in countries]
        rows = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        for row in table["rows"]:
            cells = [f"**{md_escape(row['label'][self.lang])}**"]
            for country in countries:
                items = [self.compare_item(marker, pid, row["show"]) for pid in row.get(country, [])]
                cells.append("<br>".join(i for i in items if i) or "—")
            rows.append("| " + " | ".join(cells) + " |")
        return "\n".join(rows)

    def compare_item(self, marker: str, provision_id: str, show: str) -> str:
        provision = self.lookup(marker, provision_id)
        if provision is None:
            return ""
        link = f"[{md_escape(lawtext.article(provision, self.lang))}]({self.link_to(provision_id)})"
        if not lawdata.shown_as_fact(provision):
            # Never shown as if it were fact: only the reference and the marker.
            return f"{link}: {self.unverified_note()}"
        tag = self.status_tag(provision)
        if show == "penalty" and "penalty" in provision:
            return f"{link}: {md_escape(lawtext.penalty(provision['penalty'], self.book.units, self.lang))}{tag}"
        if show == "limit" and "limit" in provision:
            return f"{link}: {md_escape(lawtext.limit(provision['limit'], self.lang))}{tag}"
        return f"{link} {md_escape(provision['title'][self.lang])}{tag}"

    def page_link(self, slug: str) -> str:
        """Relative link from this page to the page `slug` (rights/russia) in the same language."""
        here = Path(self.page.file.src_uri).as_posix()
        target = posixpath.join(lawtext.language_folder(here), slug + ".md")
        return posixpath.relpath(target, posixpath.dirname(here) or ".")

    def page_title(self, slug: str) -> str:
        """The title of the page `slug` in this page's language, from its front matter."""
        folder = Path(self.page.file.abs_src_path).parents[len(Path(self.page.file.src_uri).parts) - 2]  # docs/<lang>
        for candidate in (folder / f"{slug}.md", folder / slug / "index.md"):
            if candidate.exists():
                match = re.search(r"^title:\s*(.+?)\s*$", candidate.read_text(encoding="utf-8"), re.M)
                if match:
                    return match.group(1).strip("'\"")
        return slug

    def corrections(self, marker: str, args: list[str]) -> str:
        """Every correction, newest first: when, where, what the page said, what it says now, why."""
        lang, ui = self.lang, self.ui
        entries = sorted(STATE["corrections"], key=lambda e: e["date"], reverse=True)
        if not entries:
            return md_escape(ui["corrections.none"])
        blocks = []
        for number, entry in enumerate(entries, 1):
            pages = ", ".join(f"[{md_escape(self.page_title(slug))}]({self.page_link(slug)})" for slug in entry["pages"])
            laws = ", ".join(self.law(marker, [pid]) for pid in entry.get("provisions", []))
            blocks += [f'<div class="pravo-correction" id="correction-{len(entries) - number + 1}" markdown="1">', "",
                       f"**{lawtext.day(entry['date'], lang)}** · {pages}" + (f" · {laws}" if laws else ""), "",
                       f"- **{md_escape(ui['corrections.was'])}** {md_escape(entry['was'][lang])}",
                       f"- **{md_escape(ui['corrections.now'])}** {md_escape(entry['now'][lang])}",
                       f"- **{md_escape(ui['corrections.why'])}** {md_escape(entry['why'][lang])}", "", "</div>", ""]
        return "\n".join(blocks)

    def render(self, markdown: str) -> str:
        def replace(match: re.Match) -> str:
            name, args = match.group(1), match.group(2).split()
            if name == "limit":
                line_start = markdown.rfind("\n", 0, match.start()) + 1
                return self.limit(match.group(0), args, markdown[line_start:match.start()])
            return getattr(self, name)(match.group(0), args)
        return MARKER.sub(replace, markdown)


def page_language(page, config) -> str:
    return getattr(page.file, "locale", None) or config.theme["language"]


def on_page_markdown(markdown, page, config, files):
    if "pravo:" not in markdown:
        return markdown
    renderer = Renderer(page, page_language(page, config))
    result = renderer.render(markdown)
    for problem in renderer.problems:
        log.warning(problem)
    return result
