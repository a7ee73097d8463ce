"""Remove what Material writes into the site but Pravo never loads.

Material's bundle.js, its source map, the lunr search worker and its language packs
(2.3 MB of the built site) are not loaded by any page: overrides/main.html leaves the
bundle out and Pagefind does the search. Leaving them would only make the download,
the offline copy and every deploy bigger. Source maps of the stylesheets go too.
"""
from __future__ import annotations

import sys
import logging
import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))
import site_paths  # noqa: E402

log = logging.getLogger("mkdocs.hooks.prune_assets")


# After mkdocs-static-i18n (-100) has written every language.
@event_priority(-150)
def on_post_build(config):
    if not site_paths.last_language_built(config):
        return
    site = Path(config.site_dir)
    shutil.rmtree(site / "assets" / "javascripts", ignore_errors=True)
    for source_map in (site / "assets" / "stylesheets").glob("*.map"):
        source_map.unlink()
    log.info("Removed Material's unused scripts and source maps")
