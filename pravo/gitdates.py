"""When each page last changed, from git: for the feed and the "translation may be behind" banner.

One `git log` for the whole docs/ folder instead of one per page. In a shallow clone (CI's
default checkout) every file would seem to change in the last commit: that is said plainly,
and the dates are left out rather than made up.
"""
from __future__ import annotations

import functools
import logging
import subprocess
from pathlib import Path

log = logging.getLogger("pravo")


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


@functools.lru_cache(maxsize=4)
def last_changed(root: Path, head: str | None = None) -> dict[str, str]:
    """{'docs/ru/raid/protocol.md': '2026-11-30T12:00:00+00:00', …} — the last commit of each file."""
    if (_git(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true":
        log.warning("This is a shallow git clone: the feed and translation dates would all be the last "
                    "commit's, so they are left out. Fetch the full history (actions/checkout: fetch-depth: 0).")
        return {}
    out = _git(root, "log", "--format=@%cI", "--name-only", "--relative", "--", "docs")
    dates: dict[str, str] = {}
    current = None
    for line in (out or "").splitlines():
        if line.startswith("@"):
            current = line[1:]
        elif line and current and line not in dates:
            dates[line] = current  # git log is newest first: the first date seen is the last change
    return dates


@functools.lru_cache(maxsize=4)
def _head(root: Path) -> str | None:
    return (_git(root, "rev-parse", "HEAD") or "").strip() or None


def changed(root: Path, path: Path) -> str | None:
    """The last commit date of `path` (ISO 8601), or None outside git, in a shallow clone, or if uncommitted."""
    head = _head(root.resolve())
    try:
        relative = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None
    return last_changed(root.resolve(), head).get(relative)
