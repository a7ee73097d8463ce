"""Build the Pagefind search index after every language is written.

Pagefind makes one index per `<html lang>` (so Russian pages find only Russian
pages), stems Russian words, and the browser fetches index chunks only when the
reader searches. It replaces Material's lunr search, which has neither.
"""
from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.search_index")

# Pagefind writes UI bundles we do not use: the site has its own search box.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js",
          "pagefind-modular-ui.css", "pagefind-component-ui.js",
          "pagefind-component-ui.css", "pagefind-highlight.js")


def build_index(site_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", "pagefind"],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise PluginError(f"Pagefind could not index {site_dir}:\n{result.stdout}\n{result.stderr}")
    for name in UNUSED:
        (site_dir / "pagefind" / name).unlink(missing_ok=True)
    # Pagefind lists languages in hash-map order; sort them so builds are byte-identical.
    entry = site_dir / "pagefind" / "pagefind-entry.json"
    entry.write_text(json.dumps(json.loads(entry.read_text(encoding="utf-8")), sort_keys=True,
                                ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    log.info("Search index written to %s", site_dir / "pagefind")


# After mkdocs-static-i18n (-100), whose on_post_build builds the other languages.
@event_priority(-200)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a nested per-language build: index once, when all languages exist
    build_index(Path(config.site_dir))
