"""A copy of the site to download and open from the file system: offline.zip.

Made from the finished, audited site, not a second build: links to folders ("raid/protocol/")
get their index.html written out, since a browser opening files does not look for it.
The search index is made of scripts (search/<lang>/), which browsers load from file:// too.
What only a web host uses (the service worker, _headers, the offline lists) stays out.
The archive is byte-identical from one build to the next.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from pravo.pipeline import Build

ARCHIVE = "offline.zip"
LEAVE_OUT = ("offline/", "sw.js", "_headers", ARCHIVE, "sitemap.xml", "sitemap.xml.gz")
HREF = re.compile(r'(\shref=")([^"]*)(")')
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
    return target


def write(build: Build) -> None:
    write_archive(build.site)
