"""Run the volunteer checks of scripts/check.py on every page during the build too.

MkDocs renders malformed front matter as page text without a word; with this
hook a plain `mkdocs build --strict` (and `make serve`) stops on it, with the
same message `make check` prints.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import check  # noqa: E402

log = logging.getLogger("mkdocs.hooks.page_checks")


def on_page_markdown(markdown, page, config, files):
    if page.file.abs_src_path:
        root = Path(config.config_file_path).parent
        for problem in check.check_front_matter(Path(page.file.abs_src_path)):
            log.warning(check.format_problem(problem, root))
    return markdown
