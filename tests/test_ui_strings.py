"""Pravo's own UI strings: same keys in every language, plain text only, shown in the page's language."""
from __future__ import annotations

import shutil
from pathlib import Path

from pravo import data

from sitebuild import ROOT


def strings_root(tmp_path: Path, ru: str, en: str) -> Path:
    shutil.copytree(ROOT / "data" / "schemas", tmp_path / "data" / "schemas")
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "ru.yml").write_text(ru, encoding="utf-8")
    (tmp_path / "i18n" / "en.yml").write_text(en, encoding="utf-8")
    return tmp_path


def test_every_language_has_every_key():
    loaded = data.load(ROOT)
    assert {"ru", "en"} <= set(loaded.strings)
    assert set(loaded.strings["ru"]) == set(loaded.strings["en"])
    assert [p for p in loaded.problems if p.path.parent.name == "i18n"] == []


def test_a_missing_key_is_reported(tmp_path: Path):
    loaded = data.load(strings_root(tmp_path, 'a.b: "А"\nc.d: "В"\n', 'a.b: "A"\n'))
    [problem] = loaded.problems
    assert problem.path.name == "en.yml" and problem.message == "lacks c.d"


def test_markup_in_a_string_is_refused_with_its_line(tmp_path: Path):
    # A translator's string is printed on every page: it may not carry a tag or a script.
    loaded = data.load(strings_root(tmp_path, 'a.b: "А"\nexit.label: "Выход<script>alert(1)</script>"\n',
                                    'a.b: "A"\nexit.label: "Exit"\n'))
    [problem] = loaded.problems
    assert problem.path.name == "ru.yml" and problem.line == 2
    assert "exit.label" in problem.message and "does not match" in problem.message


def test_a_key_written_twice_is_refused(tmp_path: Path):
    loaded = data.load(strings_root(tmp_path, 'a.b: "А"\na.b: "Б"\n', 'a.b: "A"\n'))
    [problem] = loaded.problems
    assert problem.path.name == "ru.yml" and problem.line == 2 and "written twice" in problem.message


def test_built_pages_use_their_own_language(site):
    ru = (site / "index.html").read_text(encoding="utf-8")
    en = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert 'placeholder="Поиск по сайту"' in ru
    assert 'placeholder="Search the site"' in en
