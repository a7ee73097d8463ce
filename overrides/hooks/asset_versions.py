"""Version our own CSS and JavaScript by content: assets/js/search.js?v=1a2b3c4d.

Material's files carry a hash in their names; ours get one in the query, so a host
can let browsers keep every asset for a year (see _headers) and a repeat visit
downloads only the new page's HTML. A changed file gets a new address.
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import site_paths  # noqa: E402


def version(docs_dir: str, path: str) -> str:
    digest = hashlib.sha256(Path(docs_dir, path).read_bytes()).hexdigest()[:10]
    return f"{path}?v={digest}"


def from_page(page, docs_dir: str, path: str) -> str:
    """A page's versioned address of one of our files: '../assets/js/x.js?v=1a2b3c4d'."""
    return site_paths.from_page(page, path) + version(docs_dir, path)[len(path):]


def _versioned(entry, docs_dir: str):
    path = getattr(entry, "path", entry)
    if "://" in path or "?" in path or not Path(docs_dir, path).is_file():
        return entry
    if isinstance(entry, str):
        return version(docs_dir, path)
    entry.path = version(docs_dir, path)
    return entry


def on_config(config):
    config.extra_css = [_versioned(e, config.docs_dir) for e in config.extra_css]
    config.extra_javascript = [_versioned(e, config.docs_dir) for e in config.extra_javascript]
    return config
