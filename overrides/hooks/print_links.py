"""Write out where each link goes, for paper.

Every link in a page's text gets data-print-href: its full address (site_url
plus the resolved path). The print stylesheet (docs/assets/css/pravo.css) shows
it after the link text; on screen nothing changes.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin

LINK = re.compile(r'<a\b([^>]*?)\bhref="([^"#][^"]*)"([^>]*)>')


def on_page_content(html, page, config, files):
    base = urljoin(config.get("site_url") or "https://example.invalid/", page.url)

    def add(match: re.Match) -> str:
        before, href, after = match.groups()
        if "data-print-href" in before + after or "headerlink" in before + after:
            return match.group(0)
        return f'<a{before}href="{href}" data-print-href="{urljoin(base, href)}"{after}>'
    return LINK.sub(add, html)
