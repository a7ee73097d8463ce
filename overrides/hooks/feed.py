"""An Atom feed of content changes per language: feed.xml (Russian) and en/feed.xml.

Each entry is a page, dated by the last commit that changed its Markdown (git), newest
first — so a journalist or a partner organisation can follow what changed without an
account anywhere. Outside a git checkout the feed is still written, with the build's
pages and no dates to sort by.
"""
from __future__ import annotations

import sys
import subprocess
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urljoin
from xml.sax.saxutils import escape

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))
import site_paths  # noqa: E402

MAX_ENTRIES = 30
# Kept across the per-language builds (mkdocs-static-i18n runs the config events again for
# each language), keyed by language and address.
PAGES: dict[tuple[str, str], dict] = {}


def last_commit(path: Path) -> str | None:
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%cI", "--", path.name], cwd=path.parent,
                                capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() or None


def on_page_context(context, page, config, nav):
    lang = getattr(page.file, "locale", None) or config.theme["language"]
    source = Path(page.file.abs_src_path)
    if page.meta.get("outline") or lang not in source.parts:  # outlines and fallbacks are not news
        return context
    PAGES[(lang, page.url)] = {"lang": lang, "title": page.title, "url": page.url, "src": source,
                               "summary": page.meta.get("description", ""), "site": config.site_name}
    return context


def atom(lang: str, title: str, site_url: str, entries: list[dict]) -> str:
    feed_url = urljoin(site_url, "feed.xml" if lang == "ru" else f"{lang}/feed.xml")
    home = urljoin(site_url, "" if lang == "ru" else f"{lang}/")
    updated = max((e["updated"] for e in entries), default="2000-01-01T00:00:00+00:00")
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
             f"  <title>{escape(title)}</title>", f'  <link href="{escape(home)}"/>',
             f'  <link rel="self" href="{escape(feed_url)}"/>', f"  <id>{escape(feed_url)}</id>",
             f"  <updated>{updated}</updated>", "  <author><name>Pravo</name></author>"]
    for entry in entries:
        url = escape(urljoin(site_url, entry["url"]))
        lines += ["  <entry>", f"    <title>{escape(entry['title'])}</title>", f'    <link href="{url}"/>',
                  f"    <id>{url}</id>", f"    <updated>{entry['updated']}</updated>",
                  f"    <summary>{escape(entry['summary'])}</summary>", "  </entry>"]
    return "\n".join(lines + ["</feed>"]) + "\n"


# After every language is built (mkdocs-static-i18n runs the other languages at -100).
@event_priority(-150)
def on_post_build(config):
    if not site_paths.last_language_built(config):
        return
    site_url = config.get("site_url") or "https://example.invalid/"
    by_lang: dict[str, list[dict]] = {}
    for page in PAGES.values():
        updated = last_commit(page["src"]) or "2000-01-01T00:00:00+00:00"
        updated = datetime.fromisoformat(updated).astimezone(timezone.utc).isoformat()
        by_lang.setdefault(page["lang"], []).append({**page, "updated": updated})
    for lang, entries in by_lang.items():
        entries.sort(key=lambda e: (e["updated"], e["url"]), reverse=True)
        target = Path(config.site_dir) / ("" if lang == "ru" else lang) / "feed.xml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(atom(lang, entries[0]["site"], site_url, entries[:MAX_ENTRIES]), encoding="utf-8")
