"""A copy of the site to download and open from the file system: offline.zip.

Made from the finished, audited site, not a second build: links to folders ("raid/protocol/")
get their index.html written out, since a browser opening files does not look for it;
Pagefind, which browsers refuse to load from file://, is left out, and search/<lang>.js
carries a small index as a plain script instead (docs/assets/js/search.js uses it).
What only a web host uses (the service worker, _headers, the offline lists) stays out.
The archive is byte-identical from one build to the next.
"""
from __future__ import annotations

import html
import json
import re
import zipfile
from pathlib import Path

from pravo.pipeline import Build

ARCHIVE = "offline.zip"
LEAVE_OUT = ("pagefind/", "offline/", "sw.js", "_headers", ARCHIVE, "sitemap.xml", "sitemap.xml.gz")
HREF = re.compile(r'(\shref=")([^"]*)(")')
BODY = re.compile(r"<div data-pagefind-body[^>]*>(.*?)</article>", re.S)
TITLE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
LANG = re.compile(r'<html lang="([a-z]+)"')
TAG = re.compile(r"<[^>]+>")
# A fixed date for every entry, so the archive does not change when nothing else did.
EPOCH = (2000, 1, 1, 0, 0, 0)


def file_url(value: str) -> str:
    """'../raid/' -> '../raid/index.html'; other addresses unchanged."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", value) or value.startswith(("//", "#")):
        return value
    path, mark, rest = re.match(r"^([^#?]*)([#?]?)(.*)$", value).groups()
    if path.endswith("/"):
        path += "index.html"
    elif path in (".", ".."):
        path += "/index.html"
    elif path == "" and not mark:
        path = "index.html"
    return path + mark + rest


def plain_text(fragment: str) -> str:
    """A page's text for the copy's search, left out what Pagefind leaves out (search.NOT_TEXT):
    the ¶ and ↩ link signs and the folded sources under each fact."""
    fragment = re.sub(r"<(script|style)\b.*?</\1>", " ", fragment, flags=re.S)
    fragment = re.sub(r'<a class="(?:headerlink|footnote-backref)"[^>]*>.*?</a>', " ", fragment, flags=re.S)
    fragment = re.sub(r'<details class="pravo-law__meta">.*?</details>', " ", fragment, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(TAG.sub(" ", fragment))).strip()


def search_indexes(site: Path) -> dict[str, list[dict]]:
    indexes: dict[str, list[dict]] = {}
    for page in sorted(site.rglob("index.html")):
        text = page.read_text(encoding="utf-8")
        lang, body = LANG.search(text), BODY.search(text)
        if not lang or not body:
            continue
        title = TITLE.search(body.group(1))
        indexes.setdefault(lang.group(1), []).append({
            "url": page.relative_to(site).as_posix(),
            "title": plain_text(title.group(1)) if title else "",
            "text": plain_text(body.group(1)),
        })
    return indexes


def write_archive(site: Path) -> Path:
    target = site / ARCHIVE
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        def add(name: str, data: bytes) -> None:
            archive.writestr(zipfile.ZipInfo(f"pravo/{name}", EPOCH), data, zipfile.ZIP_DEFLATED)

        for path in sorted(p for p in site.rglob("*") if p.is_file() and not p.is_symlink()):
            name = path.relative_to(site).as_posix()
            if name.startswith(LEAVE_OUT) or name in LEAVE_OUT:
                continue
            data = path.read_bytes()
            if path.suffix == ".html":
                data = HREF.sub(lambda m: m.group(1) + file_url(m.group(2)) + m.group(3), data.decode("utf-8")).encode("utf-8")
            add(name, data)
        for lang, pages in sorted(search_indexes(site).items()):
            add(f"search/{lang}.js", ("window.pravoSearchIndex=" + json.dumps(pages, ensure_ascii=False) + ";\n").encode("utf-8"))
    return target


def write(build: Build) -> None:
    write_archive(build.site)
