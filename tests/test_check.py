"""make check (pravo/checks/, scripts/check.py): each problem names the file, the line, what is
wrong and how to fix it."""
from __future__ import annotations

from pathlib import Path

from pravo.checks import front_matter
from pravo.checks import run as run_checks
from pravo.problems import format_problem

import check  # scripts/check.py, the command
from sitebuild import ROOT


def write(root: Path, rel: str, text: str) -> Path:
    path = root / "docs" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


GOOD = "---\ntitle: Протокол\ndescription: Что проверить в протоколе.\n---\n\nТекст.\n"


def test_clean_pages_pass(tmp_path):
    # (not a key page: a key page also needs a text to pass on, tests/test_bad_inputs.py)
    write(tmp_path, "ru/raid/checkpoint.md", GOOD)
    write(tmp_path, "en/raid/checkpoint.md", GOOD)
    assert run_checks(tmp_path) == []


def test_missing_twin_names_the_missing_file(tmp_path):
    write(tmp_path, "ru/raid/checkpoint.md", GOOD)
    write(tmp_path, "en/index.md", GOOD)
    write(tmp_path, "ru/index.md", GOOD)
    [problem] = run_checks(tmp_path)
    line = format_problem(problem, tmp_path)
    assert line.startswith("docs/ru/raid/checkpoint.md: ")
    assert "docs/en/raid/checkpoint.md is missing" in line
    assert "create docs/en/raid/checkpoint.md" in line


def test_malformed_front_matter_points_at_the_line(tmp_path):
    write(tmp_path, "ru/a.md", "---\ntitle: Протокол\ndescription: [незакрытая\n---\n\nТекст.\n")
    write(tmp_path, "en/a.md", GOOD)
    [problem] = run_checks(tmp_path)
    assert problem.path.name == "a.md" and "ru" in problem.path.parts
    assert problem.line in (3, 4, 5)
    assert "not valid YAML" in problem.message and problem.message.startswith("the front matter")


def test_missing_front_matter_and_title_are_reported(tmp_path):
    write(tmp_path, "ru/a.md", "Просто текст без описания.\n")
    write(tmp_path, "en/a.md", "---\ndescription: No title here.\n---\n\nText.\n")
    lines = [format_problem(p, tmp_path) for p in run_checks(tmp_path)]
    assert any(line.startswith("docs/ru/a.md:1: the page has no front matter") for line in lines), lines
    assert any(line.startswith("docs/en/a.md:2: the front matter has no `title`") for line in lines), lines


def test_report_exits_non_zero_and_counts(tmp_path, capsys):
    write(tmp_path, "ru/a.md", "no front matter\n")
    assert check.report(run_checks(tmp_path), tmp_path) == 1
    out = capsys.readouterr().out
    assert "problem(s) found" in out


def test_new_page_scaffolds_both_languages_and_the_navigation(tmp_path):
    import shutil

    from pravo import translations

    import new_page

    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "page-templates", tmp_path / "page-templates")
    for language in ("ru", "en"):
        (tmp_path / "docs" / language / "raid").mkdir(parents=True)
    created = new_page.create("raid/checkpoint", "Проверка документов", "Document checks", root=tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in created] == ["docs/ru/raid/checkpoint.md",
                                                                     "docs/en/raid/checkpoint.md"]
    assert "Who this page is for" in created[1].read_text(encoding="utf-8"), "the English twin starts in English"
    for page in created:
        problems = []
        front_matter.check(page.read_text(encoding="utf-8"), page, problems)
        assert problems == []
    assert translations.status(tmp_path / "docs", "en", "raid/checkpoint.md")[0] == "up to date"
    nav = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    assert nav.index("      - raid/checkpoint.md") == nav.index("      - raid/pocket-cards.md") + 1


def test_a_title_that_is_not_plain_text_is_refused(tmp_path):
    # A title is printed into <head>, every menu and the feed: markup there could run on every page.
    write(tmp_path, "ru/a.md", "---\ntitle: '</title><script>alert(1)</script>'\ndescription: D.\n---\n\nТекст.\n")
    write(tmp_path, "en/a.md", '---\ntitle: A\ndescription: \'"><script>x</script>\'\n---\n\nText.\n')
    lines = [format_problem(p, tmp_path) for p in run_checks(tmp_path)]
    assert any(line.startswith("docs/ru/a.md:2: the title must be plain text") for line in lines), lines
    assert any(line.startswith("docs/en/a.md:3: the description must be plain text") for line in lines), lines


def test_symlinks_and_unpublishable_files_are_refused(tmp_path):
    write(tmp_path, "ru/a.md", GOOD)
    write(tmp_path, "en/a.md", GOOD)
    (tmp_path / "docs" / "assets").mkdir()
    (tmp_path / "docs" / "assets" / "env.txt").symlink_to("/proc/self/environ")
    (tmp_path / "docs" / "assets" / "page.html").write_text("<script>x</script>", encoding="utf-8")
    (tmp_path / "docs" / "assets" / "x.js").write_text("x()", encoding="utf-8")
    (tmp_path / "docs" / "assets" / "logo.svg").write_text('<svg><script>x()</script></svg>', encoding="utf-8")
    lines = [format_problem(p, tmp_path) for p in run_checks(tmp_path)]
    assert "docs/assets/env.txt: a symbolic link (it could publish a file of the build machine, such as its secrets) " \
           "— replace it with the file itself, or remove it" in lines
    assert any(line.startswith("docs/assets/page.html: files of type `.html` are not published") for line in lines)
    assert any(line.startswith("docs/assets/x.js: a .js file may only be in docs/assets/js/") for line in lines)
    assert any(line.startswith("docs/assets/logo.svg: the SVG contains `<script`") for line in lines)
