"""Build the Pagefind search index after every language is written.

Pagefind makes one index per `<html lang>` (so Russian pages find only Russian
pages), stems Russian words, and the browser fetches index chunks only when the
reader searches. It replaces Material's lunr search, which has neither.
"""
from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))
import site_paths  # noqa: E402

log = logging.getLogger("mkdocs.hooks.search_index")

# Pagefind writes UI bundles we do not use: the site has its own search box.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js",
          "pagefind-modular-ui.css", "pagefind-component-ui.js",
          "pagefind-component-ui.css", "pagefind-highlight.js")


WORD = re.compile(r"\w+", re.U)
BODY_START = re.compile(r"(<div data-pagefind-body[^>]*>)")


def word_groups(root: Path) -> dict[str, list[dict]]:
    path = root / "data" / "search-words.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}


def with_search_words(page_html: str, groups: list[dict]) -> str:
    """The page as the index sees it: plus the words of every group whose root its text contains
    (its text only: the menu on every page names «задержание»)."""
    start = BODY_START.search(page_html)
    if not start:
        return page_html
    body = page_html[start.end():page_html.find("</article>", start.end())]
    words = {w.lower() for w in WORD.findall(re.sub(r"<[^>]+>", " ", body))}
    extra = [word for group in groups if any(w.startswith(group["root"]) for w in words) for word in group["words"]]
    if not extra:
        return page_html
    # A low weight: the page is found by these words but ranked by what it really says.
    hidden = f'<div data-pagefind-weight="0.1">{" ".join(extra)}</div>'
    return page_html[:start.end()] + hidden + page_html[start.end():]


def index_copy(site_dir: Path, groups_by_lang: dict[str, list[dict]], work: Path) -> Path:
    """A copy of the site's pages with the search words added; the served pages stay as built."""
    copy = work / "site"
    for page in site_dir.rglob("*.html"):
        target = copy / page.relative_to(site_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = page.read_text(encoding="utf-8")
        lang = re.search(r'<html lang="([a-z]+)"', text)
        target.write_text(with_search_words(text, groups_by_lang.get(lang.group(1) if lang else "", [])), encoding="utf-8")
    return copy


def build_index(site_dir: Path, root: Path | None = None) -> None:
    groups = word_groups(root) if root else {}
    with tempfile.TemporaryDirectory(prefix="pravo-index-") as work:
        source = index_copy(site_dir, groups, Path(work)) if groups else site_dir
        result = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(site_dir / "pagefind")],
            capture_output=True, text=True,
        )
    if result.returncode != 0:
        raise PluginError(f"Pagefind could not index {site_dir}:\n{result.stdout}\n{result.stderr}")
    for name in UNUSED:
        (site_dir / "pagefind" / name).unlink(missing_ok=True)
    # Pagefind lists languages in hash-map order; sort them so builds are byte-identical.
    entry = site_dir / "pagefind" / "pagefind-entry.json"
    entry.write_text(json.dumps(json.loads(entry.read_text(encoding="utf-8")), sort_keys=True,
                                ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    log.info("Search index written to %s", site_dir / "pagefind")


# After mkdocs-static-i18n (-100), whose on_post_build builds the other languages.
@event_priority(-200)
def on_post_build(config):
    if not site_paths.last_language_built(config):
        return
    build_index(Path(config.site_dir), Path(config.config_file_path).parent)
