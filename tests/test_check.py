"""scripts/check.py: each problem names the file, the line, what is wrong and how to fix it."""
from __future__ import annotations

from pathlib import Path

import check


def write(root: Path, rel: str, text: str) -> Path:
    path = root / "docs" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


GOOD = "---\ntitle: Протокол\ndescription: Что проверить в протоколе.\n---\n\nТекст.\n"


def test_clean_pages_pass(tmp_path):
    write(tmp_path, "ru/raid/protocol.md", GOOD)
    write(tmp_path, "en/raid/protocol.md", GOOD)
    assert check.run_checks(tmp_path) == []


def test_missing_twin_names_the_missing_file(tmp_path):
    write(tmp_path, "ru/raid/protocol.md", GOOD)
    write(tmp_path, "en/index.md", GOOD)
    write(tmp_path, "ru/index.md", GOOD)
    [problem] = check.run_checks(tmp_path)
    line = check.format_problem(problem, tmp_path)
    assert line.startswith("docs/ru/raid/protocol.md: ")
    assert "docs/en/raid/protocol.md is missing" in line
    assert "create docs/en/raid/protocol.md" in line


def test_malformed_front_matter_points_at_the_line(tmp_path):
    write(tmp_path, "ru/a.md", "---\ntitle: Протокол\ndescription: [незакрытая\n---\n\nТекст.\n")
    write(tmp_path, "en/a.md", GOOD)
    [problem] = check.run_checks(tmp_path)
    assert problem.path.name == "a.md" and "ru" in problem.path.parts
    assert problem.line in (3, 4, 5)
    assert "not valid YAML" in problem.message


def test_missing_front_matter_and_title_are_reported(tmp_path):
    write(tmp_path, "ru/a.md", "Просто текст без описания.\n")
    write(tmp_path, "en/a.md", "---\ndescription: No title here.\n---\n\nText.\n")
    lines = [check.format_problem(p, tmp_path) for p in check.run_checks(tmp_path)]
    assert any(l.startswith("docs/ru/a.md:1: the page has no front matter") for l in lines), lines
    assert any(l.startswith("docs/en/a.md:2: the front matter has no `title`") for l in lines), lines


def test_report_exits_non_zero_and_counts(tmp_path, capsys):
    write(tmp_path, "ru/a.md", "no front matter\n")
    assert check.report(check.run_checks(tmp_path), tmp_path) == 1
    out = capsys.readouterr().out
    assert "problem(s) found" in out


def test_new_page_scaffolds_both_languages_and_the_navigation(tmp_path):
    import shutil

    import new_page
    import translations

    shutil.copy(check.ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(check.ROOT / "page-templates", tmp_path / "page-templates")
    for language in ("ru", "en"):
        (tmp_path / "docs" / language / "raid").mkdir(parents=True)
    created = new_page.create("raid/checkpoint", "Проверка документов", "Document checks", root=tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in created] == ["docs/ru/raid/checkpoint.md",
                                                                     "docs/en/raid/checkpoint.md"]
    for page in created:
        assert list(check.check_front_matter(page)) == []
    assert translations.status(tmp_path / "docs", "en", "raid/checkpoint.md")[0] == "up to date"
    nav = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    assert nav.index("      - raid/checkpoint.md") == nav.index("      - raid/pocket-cards.md") + 1
