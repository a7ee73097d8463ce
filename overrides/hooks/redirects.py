"""Old addresses keep working after a page moves: data/redirects.yml.

For each `old.md: new.md` line, both languages get a page at the old address that sends
the reader to the new one — by a meta refresh and a plain link, no script (so the
Content-Security-Policy needs no exception) — and tells search engines where the page
lives now (rel=canonical). A line whose new page does not exist stops the build.
"""
from __future__ import annotations

import sys
import html
import posixpath
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))
import site_paths  # noqa: E402

LANGUAGE_ROOTS = {"ru": "", "en": "en/"}
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
TITLES = {"ru": "Страница переехала", "en": "This page has moved"}


def address(slug: str) -> str:
    """'raid/protocol.md' -> 'raid/protocol/'; 'raid/index.md' -> 'raid/'."""
    stem = slug[: -len(".md")] if slug.endswith(".md") else slug
    stem = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
    return stem.lstrip("/")


def load(root: Path) -> dict[str, str]:
    path = root / "data" / "redirects.yml"
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.exists() else {}


@event_priority(-150)
def on_post_build(config):
    if not site_paths.last_language_built(config):
        return
    root = Path(config.config_file_path).parent
    site = Path(config.site_dir)
    for old, new in load(root).items():
        for lang, prefix in LANGUAGE_ROOTS.items():
            new_address = prefix + address(new)
            if not (site / new_address / "index.html").exists():
                raise PluginError(f"data/redirects.yml: `{old}: {new}` — {new_address} was not built; "
                                  "point the line at a page that exists")
            old_address = prefix + address(old)
            if (site / old_address / "index.html").exists():
                raise PluginError(f"data/redirects.yml: `{old}` is still a page; remove the line or the page")
            target = posixpath.relpath(new_address or ".", old_address.rstrip("/") or ".") + "/"
            canonical = (config.get("site_url") or "") + new_address
            out = site / old_address / "index.html"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(PAGE.format(lang=lang, target=html.escape(target), canonical=html.escape(canonical),
                                       title=TITLES[lang]), encoding="utf-8")
