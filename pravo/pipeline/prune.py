"""Remove what Material writes into the site but Pravo never loads.

Material's bundle.js, its source map, the lunr search worker and its language packs (2.3 MB of
the built site) are not loaded by any page: overrides/main.html leaves the bundle out and
the site's own index does the search (pravo/search_index.py). Leaving them would only make the download, the offline copy and every
deploy bigger. Source maps of the stylesheets go too.
"""
from __future__ import annotations

import shutil

from pravo.pipeline import Build

MATERIAL_SCRIPTS = "assets/javascripts"
MATERIAL_STYLES = "assets/stylesheets"


def run(build: Build) -> None:
    shutil.rmtree(build.site / MATERIAL_SCRIPTS, ignore_errors=True)
    for source_map in (build.site / MATERIAL_STYLES).glob("*.map"):
        source_map.unlink()
