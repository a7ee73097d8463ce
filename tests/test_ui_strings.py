"""Pravo's own UI strings: same keys in every language, shown in the page's language."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from sitebuild import ROOT

spec = importlib.util.spec_from_file_location("ui_strings", ROOT / "overrides" / "hooks" / "ui_strings.py")
ui_strings = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ui_strings)


def test_every_language_has_every_key():
    tables = ui_strings.load_strings(ROOT / "i18n")
    assert {"ru", "en"} <= set(tables)
    assert ui_strings.missing_keys(tables, "ru") == {}


def test_a_missing_key_is_reported(tmp_path: Path):
    (tmp_path / "ru.yml").write_text('a.b: "А"\nc.d: "В"\n', encoding="utf-8")
    (tmp_path / "en.yml").write_text('a.b: "A"\n', encoding="utf-8")
    assert ui_strings.missing_keys(ui_strings.load_strings(tmp_path), "ru") == {"en": ["c.d"]}


def test_built_pages_use_their_own_language(site):
    ru = (site / "index.html").read_text(encoding="utf-8")
    en = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert 'placeholder="Поиск по сайту"' in ru
    assert 'placeholder="Search the site"' in en
