"""Our own CSS and JavaScript, versioned by content: assets/js/search.js?v=1a2b3c4d.

Material's files carry a hash in their names; ours get one in the query, so a host can let
browsers keep every asset for a year (see the `_headers` step) and a repeat visit downloads
only the new page's HTML. A changed file gets a new address.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

# Where our scripts live in docs/ (and so in the site); the output audit allows only these.
SCRIPTS = "assets/js"


def version_query(docs: Path, path: str) -> str:
    """'?v=1a2b3c4d5e' for the file docs/<path>."""
    return "?v=" + hashlib.sha256((docs / path).read_bytes()).hexdigest()[:10]


def versioned(docs: Path, path: str) -> str:
    """'assets/js/x.js' -> 'assets/js/x.js?v=1a2b3c4d5e' when it is one of our files; other addresses unchanged."""
    if "://" in path or "?" in path or not (docs / path).is_file():
        return path
    return path + version_query(docs, path)
