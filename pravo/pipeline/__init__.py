"""After the pages are built: the steps that work on the finished site, in one declared order.

    python -m pravo postbuild site/      runs them on a site built by any engine

Each step reads and writes files in the site folder only. The order is the dependency graph:
the cards, feed and redirect pages must exist before the HTML pass gives every page its
security policy; the audit checks everything that will be published; the search index and the
offline lists must include the cards and pruned assets; the zip is made last from the audited
site. A step that finds a problem raises ProblemsFound, and the build stops before the site is
published (scripts/build.py only replaces site/ after a successful build).
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pravo.data import DEFAULT_LANGUAGE, Data
from pravo.settings import PLACEHOLDER_SITE_URL

log = logging.getLogger("pravo")


@dataclass
class Build:
    """What the steps need to know about this build, whatever engine made it."""
    root: Path                 # the project (mkdocs.yml, docs/, data/)
    site: Path                 # the built site
    data: Data
    site_url: str = PLACEHOLDER_SITE_URL
    languages: list[str] = field(default_factory=lambda: [DEFAULT_LANGUAGE, "en"])  # default first
    preview: bool = False      # `make serve`: only what a preview needs (no policy meta: the live reload is a script)
    discreet: bool = False
    contact: str = ""          # where this deployment takes corrections and press questions (PRAVO_CONTACT)

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def language_root(self, lang: str) -> str:
        """'' for the default language, 'en/' for English: where a language's pages live in the site."""
        return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


Step = Callable[[Build], None]


def steps() -> list[tuple[str, Step, bool]]:
    """(name, step, runs in a preview) in the order they run."""
    from pravo.pipeline import (
        audit_output,
        booklets,
        cards,
        factsheet,
        feed,
        html_pass,
        offline,
        offline_zip,
        prune,
        redirects,
        search,
    )

    return [
        ("cards", cards.write, True),            # pocket cards (PDF) from data/cards.yml
        ("factsheet", factsheet.write, True),    # the press fact sheet (PDF) from the key-facts page
        ("booklets", booklets.write, True),      # booklets for outreach (PDF, A5) per country and language
        ("feed", feed.write, True),              # feed.xml per language
        ("redirects", redirects.write, True),    # pages at old addresses (data/redirects.yml)
        ("prune", prune.run, True),              # Material's files no page loads
        ("html", html_pass.run, True),           # every page: policy <meta>, print addresses, focusable tables
        ("headers", html_pass.write_headers, False),  # _headers for hosts that read it
        ("search", search.build, True),          # search index per language (pravo/search_index.py)
        ("offline", offline.write_lists, True),  # what "save for reading without internet" stores
        ("audit", audit_output.run, False),     # everything that will be published, against the allowlist
        ("zip", offline_zip.write, False),       # offline.zip, made from the audited site
    ]


def run(build: Build, only: list[str] | None = None) -> None:
    for name, step, in_preview in steps():
        if (build.preview and not in_preview) or (only and name not in only):
            continue
        step(build)
        log.debug("post-build step %s done", name)
