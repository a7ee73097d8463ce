"""An Atom feed of content changes per language: feed.xml (Russian) and en/feed.xml.

Each entry is a page, dated by the last commit that changed its Markdown, newest first — so a
journalist or a partner organisation can follow what changed without an account anywhere.
Pages are read from docs/<lang>/ (outlines are not news; a page shown in a language it was not
written in has no file there). Without git dates the feed still lists the pages, undated.
"""
from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin
from xml.sax.saxutils import escape

from pravo import gitdates
from pravo.pages import page_url, read_front_matter
from pravo.pipeline import Build

MAX_ENTRIES = 30
NO_DATE = "2000-01-01T00:00:00+00:00"


def entries(build: Build, lang: str) -> list[dict]:
    folder = build.docs / lang
    found = []
    for path in sorted(folder.rglob("*.md")):
        meta = read_front_matter(path)
        if meta.get("outline") or not isinstance(meta.get("title"), str):
            continue
        src_uri = path.relative_to(build.docs).as_posix()
        updated = gitdates.changed(build.root, path) or NO_DATE
        found.append({"title": meta["title"], "summary": str(meta.get("description", "")), "url": page_url(src_uri),
                      "updated": datetime.fromisoformat(updated).astimezone(UTC).isoformat()})
    found.sort(key=lambda e: (e["updated"], e["url"]), reverse=True)
    return found[:MAX_ENTRIES]


def atom(build: Build, lang: str, items: list[dict]) -> str:
    site_url = build.site_url
    feed_url = urljoin(site_url, build.language_root(lang) + "feed.xml")
    home = urljoin(site_url, build.language_root(lang))
    title = build.data.ui(lang)["discreet.site_name" if build.discreet else "site.name"]
    updated = max((e["updated"] for e in items), default=NO_DATE)
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
             f"  <title>{escape(title)}</title>", f'  <link href="{escape(home)}"/>',
             f'  <link rel="self" href="{escape(feed_url)}"/>', f"  <id>{escape(feed_url)}</id>",
             f"  <updated>{updated}</updated>", "  <author><name>Pravo</name></author>"]
    for entry in items:
        url = escape(urljoin(site_url, entry["url"]))
        lines += ["  <entry>", f"    <title>{escape(entry['title'])}</title>", f'    <link href="{url}"/>',
                  f"    <id>{url}</id>", f"    <updated>{entry['updated']}</updated>",
                  f"    <summary>{escape(entry['summary'])}</summary>", "  </entry>"]
    return "\n".join(lines + ["</feed>"]) + "\n"


def write(build: Build) -> None:
    for lang in build.languages:
        if not (build.docs / lang).is_dir():
            continue
        target: Path = build.site / build.language_root(lang) / "feed.xml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(atom(build, lang, entries(build, lang)), encoding="utf-8")
