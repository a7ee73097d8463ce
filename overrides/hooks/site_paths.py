"""Small helpers the hooks share (not a hook itself: it is not listed in mkdocs.yml).

- last_language_built: mkdocs-static-i18n builds Russian, then each other language in a
  nested build from its own on_post_build (priority -100). Work on the whole site (search
  index, cards, feeds, the offline copy) runs once, after the last of them.
- from_page: the address of a site file relative to a page, as Markdown or HTML in that
  page must write it (the site may live under a sub-path).
"""
from __future__ import annotations

import posixpath


def last_language_built(config) -> bool:
    i18n = config.plugins.get("i18n")
    return not (i18n is not None and getattr(i18n, "building", False))


def from_page(page, path: str) -> str:
    """'assets/js/x.js' seen from the page at 'en/raid/protocol/' -> '../../../assets/js/x.js'."""
    folder = page.url if page.url.endswith("/") or not page.url else posixpath.dirname(page.url) + "/"
    return posixpath.relpath(path, folder.rstrip("/") or ".")
