"""Keep the language switcher and hreflang links relative, pointing at the twin page.

mkdocs-static-i18n leaves home pages with root-absolute switcher links (`/en/`),
which break when the site is served under a sub-path or from a folder. Every
page gets a link to its twin instead; MkDocs' `url` filter then makes it relative.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.plugins import event_priority


def site_relative(link: str, site_path: str) -> str:
    """'/sub/en/' with site path '/sub/' -> 'en/'; the site root -> './'."""
    if link.startswith(site_path):
        link = link[len(site_path):]
    return link.lstrip("/") or "./"


def _site_path(config) -> str:
    path = urlsplit(config.site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


# After mkdocs-static-i18n's own page context (priority 50) has set the links.
@event_priority(0)
def on_page_context(context, page, config, nav):
    # The i18n plugin assigns `config.extra.alternate` as an attribute, which is
    # what templates read; the mapping key may still hold the original list.
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    twins = getattr(page.file, "alternates", {}) or {}
    site_path = _site_path(config)
    for alternate in alternates:
        twin = twins.get(alternate.get("lang"))
        alternate["link"] = (twin.url or "./") if twin is not None else site_relative(alternate["link"], site_path)
    return context


def on_template_context(context, template_name, config):
    # 404.html is rendered after the last page and would inherit that page's
    # switcher links: point it at each language's home page instead.
    i18n = config.plugins.get("i18n")
    if template_name != "404.html" or i18n is None or not i18n.extra_alternate:
        return context
    site_path = _site_path(config)
    config.extra.alternate = [
        dict(alt, link=site_relative(alt["link"], site_path)) for alt in i18n.extra_alternate
    ]
    return context
