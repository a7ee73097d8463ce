"""One 404 page per language: /404.html (Russian) and /<lang>/404.html.

MkDocs writes 404.html at the site root in every build, so with
mkdocs-static-i18n the last language built (English) overwrote the Russian one.
"""
from __future__ import annotations

from pathlib import Path


def on_post_template(output_content, template_name, config):
    if template_name != "404.html":
        return output_content
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.is_default_language_build:
        return output_content
    target = Path(config.site_dir) / i18n.current_language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output_content, encoding="utf-8")
    # An empty result tells MkDocs to skip writing the root 404.html again.
    return ""
