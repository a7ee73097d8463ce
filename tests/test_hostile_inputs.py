"""Hostile contributions: the classes of the security review, each sent in the way a pull request
could send it — a page, its front matter, a data file, a UI string, a static file, a symlink.

Each must be refused by `make check` with a clear message naming the file, or reach the output
only as inert text. And on its own, without `make check`, the output audit must stop every one
that reaches a built page: the batch build below skips the checks and asserts that the build fails
and names each page a probe was put on.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pravo.checks import run as run_checks
from pravo.problems import format_problem

from sitebuild import fixture_project

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "fallback-site"
pytestmark = pytest.mark.slow

# What a probe adds to a page body. Each is expected to be refused by `make check`; the message
# must contain the words given. (name, Markdown, words of the message)
PAGE_PROBES = [
    ("script", '<script>alert("P")</script>', "raw <script>"),
    ("uppercase-script", '<SCRIPT>alert("P")</SCRIPT> <ScRiPt >alert(1)</sCrIpT>', "raw <script>"),
    ("iframe", '<iframe src="https://evil.example/P"></iframe>', "raw <iframe>"),
    ("object", '<object data="https://evil.example/P"></object>', "raw <object>"),
    ("embed", '<embed src="https://evil.example/P">', "raw <embed>"),
    ("form-action", '<form action="https://evil.example/P"><input name="q"></form>', "raw <form>"),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example/">', "raw <meta>"),
    ("style-import", "<style>@import url(https://evil.example/P.css);</style>", "raw <style>"),
    ("svg-script", "<svg><script>alert(1)</script></svg>", "raw <svg>"),
    ("svg-use-external", '<svg><use href="https://evil.example/s.svg#x"/></svg>', "raw <svg>"),
    ("img-onerror", '<img src="x.png" onerror="alert(1)">', "inline event handler"),
    ("multiline-onerror", '<img src="x.png"\n     onerror="alert(1)">', "inline event handler"),
    ("noscript-mxss", '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', "raw <noscript>"),
    ("a-javascript", '<a href="javascript:alert(1)">x</a>', "`javascript:` address"),
    ("entity-javascript", '<a href="jav&#x61;script:alert(1)">x</a>', "`javascript:` address"),
    ("tab-javascript", '<a href="java\tscript:alert(1)">x</a>', "`javascript:` address"),
    ("multiline-jsurl", '<a title="x"\n   href="javascript:alert(1)">x</a>', "`javascript:` address"),
    ("md-javascript", "[x](javascript:alert(1))", "`javascript:` address"),
    ("md-entity-javascript", "[x](jav&#x61;script:alert(1))", "`javascript:` address"),
    ("angle-javascript", "[x](<javascript:alert(1)>)", "`javascript:` address"),
    ("ref-javascript", "[x][r]\n\n[r]: javascript:alert(1)", "`javascript:` address"),
    ("md-data-url", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "`data:` address"),
    ("md-vbscript", "[x](vbscript:msgbox(1))", "`vbscript:` address"),
    ("a-download-data", '<a href="data:application/octet-stream;base64,AAAA" download="safety.apk">x</a>', "`data:` address"),
    ("md-img-http", "![p](http://evil.example/p.gif)", "loaded from another site"),
    ("ref-img-external", "![p][px]\n\n[px]: https://evil.example/t.gif", "loaded from another site"),
    ("multiline-extimg", '<img alt="x"\n     src="https://evil.example/t.gif">', "loaded from another site"),
    ("backslash-img", '<img src="\\\\evil.example\\t.gif">', "loaded from another site"),
    ("entity-img", '<img src="https:&#x2F;&#x2F;evil.example/t.gif">', "loaded from another site"),
    ("css-attr-external", '<span style="background:url(https://evil.example/t.gif)">x</span>', "loaded from another site"),
    ("table-background", '<table background="https://evil.example/t.gif"><tr><td>x</td></tr></table>',
     "the attribute `background` is not allowed"),
    ("a-ping", '<a href="https://example.org" ping="https://evil.example/P">x</a>', "the attribute `ping` is not allowed"),
    ("attr-list-onclick", "Текст.\n{: onclick=\"alert(1)\" }", "sets `onclick`"),
    ("attr-list-heading", "## Раздел { onmouseover=\"alert(1)\" }", "sets `onmouseover`"),
    ("attr-list-src", "![l](../assets/images/neutral.svg){ src=\"https://evil.example/t.gif\" }", "sets `src`"),
    ("backtick-hide-script", r"\`<script>alert(1)</script>\`", "raw <script>"),
    ("tracking-link", "[x](https://bit.ly/3abc)", "a link through a URL shortener or tracker"),
]

# Probes that are harmless by the time they reach a page: Markdown or Pravo escapes them.
INERT_PAGE_PROBES = [
    ("fence-in-html", "```\n<script>alert(\"P\")</script>\n```", "&lt;script&gt;"),
    ("entities-as-text", "&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;script&gt;"),
]


def project(tmp_path: Path) -> Path:
    work = tmp_path / "w"
    fixture_project(FIXTURE, work)
    for lang in ("ru", "en"):  # only the twin pages: a clean project passes every check
        (work / "docs" / lang / "only-russian.md").unlink(missing_ok=True)
    return work


def messages(root: Path) -> list[str]:
    return [format_problem(p, root) for p in run_checks(root)]


def append(root: Path, text: str, page: str = "index.md") -> None:
    for lang in ("ru", "en"):
        path = root / "docs" / lang / page
        path.write_text(path.read_text(encoding="utf-8") + "\n\n" + text + "\n", encoding="utf-8")


@pytest.mark.parametrize("name, text, words", PAGE_PROBES, ids=[p[0] for p in PAGE_PROBES])
def test_make_check_refuses_a_hostile_page(tmp_path, name, text, words):
    root = project(tmp_path)
    append(root, text)
    found = messages(root)
    assert any(m.startswith("docs/ru/index.md:") and words in m for m in found), found
    assert any(m.startswith("docs/en/index.md:") and words in m for m in found), found


@pytest.mark.parametrize("name, text, shown", INERT_PAGE_PROBES, ids=[p[0] for p in INERT_PAGE_PROBES])
def test_text_that_only_looks_hostile_passes_and_stays_text(tmp_path, name, text, shown):
    root = project(tmp_path)
    append(root, text)
    assert messages(root) == []


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def replace(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, (relative, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BOMB = textwrap.dedent("""\
    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
    """)
LAW_URL = '"https://cbd.minjust.gov.kg/act/view/ru-ru/112306", kind: official'

# Every other way in. (name, what it does to the project, the file and words of the message)
OTHER_PROBES = [
    ("title-script", lambda r: replace(r, "docs/ru/index.md", "title: Главная", "title: '</title><script>alert(1)</script>'"),
     "docs/ru/index.md:2", "the title must be plain text"),
    ("title-markup", lambda r: replace(r, "docs/ru/index.md", "title: Главная", "title: Главная <b>x</b><img src=x onerror=alert(1)>"),
     "docs/ru/index.md:2", "the title must be plain text"),
    ("description-break", lambda r: replace(r, "docs/ru/index.md", "description: Fixture.", "description: '\"><script>alert(1)</script>'"),
     "docs/ru/index.md:3", "the description must be plain text"),
    ("frontmatter-bomb", lambda r: replace(r, "docs/ru/index.md", "description: Fixture.\n", "description: Fixture.\n" + BOMB),
     "docs/ru/index.md", "anchors and aliases"),
    ("giant-page", lambda r: append(r, "Обычный абзац текста. " * 12000),
     "docs/ru/index.md", "over 150 KB"),
    ("non-utf8", lambda r: (r / "docs" / "ru" / "index.md").write_bytes("---\ntitle: Проверка\n---\n".encode("cp1251")),
     "docs/ru/index.md:2", "not UTF-8"),
    ("raw-html-file", lambda r: write(r, "docs/assets/evil.html", "<script>alert(1)</script>"),
     "docs/assets/evil.html", "files of type `.html` are not published"),
    ("svg-with-script", lambda r: write(r, "docs/assets/images/evil.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
     "docs/assets/images/evil.svg", "the SVG contains `<script`"),
    ("js-file-elsewhere", lambda r: write(r, "docs/assets/evil.js", "alert(1)"),
     "docs/assets/evil.js", "a .js file may only be in docs/assets/js/"),
    ("md-outside-lang", lambda r: write(r, "docs/evil.md", "---\ntitle: x\ndescription: x\n---\n<script>alert(1)</script>\n"),
     "docs/evil.md", "outside the language folders"),
    ("md-in-assets", lambda r: write(r, "docs/assets/note.md", "---\ntitle: x\ndescription: x\n---\n<script>alert(1)</script>\n"),
     "docs/assets/note.md", "outside the language folders"),
    ("symlink-environ", lambda r: (r / "docs" / "assets" / "env.txt").symlink_to("/proc/self/environ"),
     "docs/assets/env.txt", "a symbolic link"),
    ("symlink-etc", lambda r: (r / "docs" / "assets" / "leak.txt").symlink_to("/etc/hostname"),
     "docs/assets/leak.txt", "a symbolic link"),
    ("symlink-gitconfig", lambda r: (r / "docs" / "assets" / "cfg.txt").symlink_to("../../.git/config"),
     "docs/assets/cfg.txt", "a symbolic link"),
    ("symlink-page", lambda r: (r / "docs" / "ru" / "leak.md").symlink_to(r / "docs" / "en" / "index.md"),
     "docs/ru/leak.md", "a symbolic link"),
    ("law-js-url", lambda r: replace(r, "data/laws/kg.yml", LAW_URL, '"javascript:alert(1)", kind: official'),
     "data/laws/kg.yml", "does not match"),
    ("law-url-breakout", lambda r: replace(r, "data/laws/kg.yml", LAW_URL, "'https://a.example/x)<script>alert(1)</script>', kind: official"),
     "data/laws/kg.yml", "does not match"),
    ("law-path-breakout", lambda r: replace(r, "data/laws/kg.yml", f"url: {LAW_URL}",
                                             "repo: a/b, path: 'x)<script>alert(1)</script>', kind: report"),
     "data/laws/kg.yml", "does not match"),
    ("law-bomb", lambda r: write(r, "data/laws/kg.yml", (r / "data" / "laws" / "kg.yml").read_text(encoding="utf-8") + BOMB),
     "data/laws/kg.yml", "anchors and aliases"),
    ("glossary-bomb", lambda r: write(r, "data/glossary.yml", (r / "data" / "glossary.yml").read_text(encoding="utf-8") + BOMB),
     "data/glossary.yml", "anchors and aliases"),
    ("redirects-bomb", lambda r: write(r, "data/redirects.yml", BOMB),
     "data/redirects.yml", "anchors and aliases"),
    ("redirects-traversal", lambda r: write(r, "data/redirects.yml", '"../../../../tmp/pwn/x.md": index.md\n'),
     "data/redirects.yml", "does not match"),
    ("contacts-url-breakout", lambda r: write(r, "data/contacts.yml", textwrap.dedent("""\
        organisations:
          - id: kg.x
            country: kg
            name: {ru: X, en: X}
            what: {ru: X, en: X}
            status: verified
            verified_on: "2026-12-01"
            sources:
              - {title: X, url: 'https://a.example/x)<script>alert(1)</script>', publisher: a.example}
        """)), "data/contacts.yml", "does not match"),
    ("glossary-html", lambda r: replace(r, "data/glossary.yml", "definition: {ru: Определение., en: Definition.}",
                                        "definition: {ru: 'x\") <script>alert(1)</script>', en: Definition.}"),
     None, None),  # inert: the glossary is written with html.escape (the build test below shows it)
    ("i18n-html", lambda r: replace(r, "i18n/ru.yml", 'exit.label: "Быстрый выход"', 'exit.label: "Выход<script>alert(1)</script>"'),
     "i18n/ru.yml", "does not match"),
    ("search-words-html", lambda r: write(r, "data/search-words.yml", "ru:\n  - root: задерж\n    words: ['<script>alert(1)</script>']\n"),
     "data/search-words.yml", "does not match"),
    ("yaml-duplicate-key", lambda r: replace(r, "i18n/ru.yml", 'exit.label: "Быстрый выход"', 'exit.label: "Быстрый выход"\nexit.label: "Другое"'),
     "i18n/ru.yml", "written twice"),
]


@pytest.mark.parametrize("name, apply, where, words", OTHER_PROBES, ids=[p[0] for p in OTHER_PROBES])
def test_every_other_way_in_is_refused_with_its_file(tmp_path, name, apply, where, words):
    root = project(tmp_path)
    apply(root)
    found = messages(root)
    if where is None:
        assert found == [], found
        return
    assert any(m.startswith(where) and words in m for m in found), found
    assert all(" — " in m for m in found), "every message says how to fix it"


def engine_build(root: Path, strict: bool = True) -> subprocess.CompletedProcess:
    """The engine alone, as a host's build step might run it: no `make check` in front."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict" if strict else "--no-strict",
                           "-f", str(root / "mkdocs.yml"), "-d", str(root / "site")], capture_output=True, text=True,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), cwd=root)


def test_the_audit_alone_stops_every_page_probe_that_reaches_the_output(tmp_path):
    """One build with every page probe on a page of its own, not even in strict mode (which would stop
    at the first warning): the audit must name each page."""
    root = project(tmp_path)
    for name, text, _ in PAGE_PROBES:
        for lang in ("ru", "en"):
            write(root, f"docs/{lang}/p-{name}.md", f"---\ntitle: {name}\ndescription: probe\n---\n\n{text}\n")
    result = engine_build(root, strict=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "is not published" in output
    missed = [name for name, _, _ in PAGE_PROBES
              if not re.search(rf"site/p-{re.escape(name)}/index\.html:\d+", output)
              and not re.search(rf"docs/ru/p-{re.escape(name)}\.md:\d+: .*not valid|refused", output)]
    # Probes that never reach HTML as a tag (an attribute list Markdown drops, a link MkDocs
    # refuses to resolve) are listed, with why, in NOT_REACHING.
    assert sorted(set(missed) - NOT_REACHING) == [], output[-4000:]


# Page probes that Markdown itself turns into nothing harmful before any output exists.
NOT_REACHING = {
    "tab-javascript",  # Markdown turns the tab into spaces: "java    script:" is a relative address, inert
}


def test_the_audit_alone_stops_data_and_string_probes(tmp_path):
    """A glossary definition and a UI string that would carry a script, built without the checks:
    the glossary is escaped into text; the UI string never gets past the data checks of the build."""
    root = project(tmp_path)
    replace(root, "data/glossary.yml", "definition: {ru: Определение., en: Definition.}",
            "definition: {ru: 'x\") <script>alert(\"PWN\")</script>', en: Definition.}")
    write(root, "docs/ru/term.md", "---\ntitle: T\ndescription: D\n---\n\n<!-- pravo:term sex-work -->\n\n<!-- pravo:glossary -->\n")
    write(root, "docs/en/term.md", "---\ntitle: T\ndescription: D\n---\n\n<!-- pravo:term sex-work -->\n\n<!-- pravo:glossary -->\n")
    result = engine_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (root / "site" / "term" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(&quot;PWN&quot;)" not in page and '<script>alert("PWN")' not in page
    assert "&lt;script&gt;" in page
    replace(root, "i18n/ru.yml", 'exit.label: "Быстрый выход"', 'exit.label: "Выход<script>alert(1)</script>"')
    result = engine_build(root)
    assert result.returncode != 0 and "i18n/ru.yml" in result.stdout + result.stderr


def test_a_symlink_is_never_published_even_without_the_checks(tmp_path):
    root = project(tmp_path)
    (root / "docs" / "assets" / "env.txt").symlink_to("/proc/self/environ")
    os.environ["PRAVO_PROBE_SECRET"] = "hunter2-PRAVO"
    try:
        result = engine_build(root)
    finally:
        del os.environ["PRAVO_PROBE_SECRET"]
    assert result.returncode != 0
    assert "docs/assets/env.txt is not published" in result.stdout + result.stderr
    site = root / "site"
    assert not any("hunter2-PRAVO" in p.read_text(errors="ignore") for p in site.rglob("*") if p.is_file()) \
        if site.exists() else True
    shutil.rmtree(site, ignore_errors=True)
