"""Run the volunteer checks of scripts/check.py on every page during the build too.

MkDocs renders malformed front matter as page text and passes raw <script>,
event handlers and images from other sites straight through, without a word.
With this hook a plain `mkdocs build --strict` (and `make serve`) stops on
them, with the same messages `make check` prints.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
import check  # noqa: E402
import lawdata  # noqa: E402
import markdown_checks  # noqa: E402

log = logging.getLogger("mkdocs.hooks.page_checks")
STATE: dict = {}


def on_config(config):
    STATE["root"] = Path(config.config_file_path).parent
    STATE["book"] = lawdata.load_lawbook(STATE["root"])
    return config


def on_page_markdown(markdown, page, config, files):
    if not page.file.abs_src_path:
        return markdown
    path = Path(page.file.abs_src_path)
    root = STATE["root"]
    problems = list(check.check_front_matter(path))
    language_folder = root / "docs" / Path(page.file.src_uri).parts[0]
    if language_folder.is_dir() and path.is_relative_to(language_folder):
        problems += list(markdown_checks.check_page(path, language_folder, STATE["book"], check.parse_front_matter(path)))
    for problem in problems:
        log.warning(check.format_problem(problem, root))
    return markdown
