"""Tables a keyboard can scroll.

On a narrow screen a wide table scrolls sideways inside the page; someone without a
mouse or touch can only scroll it if it can take focus (WCAG 2.1.1; axe's
scrollable-region-focusable). Material's bundle.js used to see to that; it is not
loaded (overrides/main.html), so every content table gets tabindex="0" here.
"""
from __future__ import annotations

import re

TABLE = re.compile(r"<table(?![^>]*\btabindex=)")


def on_page_content(html, page, config, files):
    return TABLE.sub('<table tabindex="0"', html)
