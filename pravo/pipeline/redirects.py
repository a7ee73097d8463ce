"""Old addresses keep working after a page moves: data/redirects.yml.

For each `old.md: new.md` line, every language gets a page at the old address that sends the
reader to the new one — by a meta refresh and a plain link, no script (so the security policy
needs no exception) — and tells search engines where the page lives now (rel=canonical).
`make check` refuses a line whose new page does not exist or whose old one still does; the
schema refuses `..` and anything but a slug, and here nothing is written outside the site.
"""
from __future__ import annotations

import html
import posixpath

from pravo.pages import page_url
from pravo.pipeline import Build
from pravo.problems import Problem, ProblemsFound

PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta http-equiv="refresh" content="0; url={target}">
<link rel="canonical" href="{canonical}">
<title>{title}</title>
</head>
<body>
<p><a href="{target}">{title}</a></p>
</body>
</html>
"""


def write(build: Build) -> None:
    site = build.site.resolve()
    for old, new in build.data.redirects.items():
        for lang in build.languages:
            new_address = page_url(f"{lang}/{new}")
            old_address = page_url(f"{lang}/{old}")
            out = (site / old_address / "index.html").resolve()
            if not out.is_relative_to(site):
                raise ProblemsFound("data/redirects.yml would write outside the site:", [Problem(
                    build.root / "data" / "redirects.yml", None, f"`{old}` leads outside the site folder",
                    "write the old address as a slug such as raid/old-page.md")], build.root)
            if out.exists():
                continue  # a page of the same name was built: make check reports it
            target = posixpath.relpath(new_address or ".", old_address.rstrip("/") or ".") + "/"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(PAGE.format(lang=lang, target=html.escape(target), canonical=html.escape(build.site_url + new_address),
                                       title=html.escape(build.data.ui(lang)["redirect.title"])), encoding="utf-8")
