"""What a saved copy of each language holds: offline/ru.json, offline/en.json.

The "save for reading without internet" control (<!-- pravo:offline -->) saves, only when the
reader asks, the files listed here: the language's pages, the shared styles and scripts (at the
versioned addresses the pages use), its search index (search/<lang>/), its pocket cards, booklets and the press fact sheet. docs/sw.js serves
them when the network fails.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from pravo import assets
from pravo.pipeline import Build

LANGUAGE_FOLDER = re.compile(r"[a-z]{2,3}")


def files_for(build: Build, lang: str) -> list[str]:
    """Addresses, relative to the site root, that a saved copy of `lang` holds."""
    site = build.site
    folders = {d.name for d in site.iterdir() if d.is_dir() and LANGUAGE_FOLDER.fullmatch(d.name)}
    in_language = ((lambda rel: rel.startswith(lang + "/")) if lang in folders
                   else (lambda rel: rel.split("/", 1)[0] not in folders))
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html") if not p.is_symlink())
    found = [("./" if rel == "index.html" else rel[: -len("index.html")]) for rel in pages if in_language(rel)]
    for asset in sorted((site / "assets").rglob("*")):
        if asset.is_file() and not asset.is_symlink():
            found.append(assets.versioned(build.docs, asset.relative_to(site).as_posix()))
    found += sorted(p.relative_to(site).as_posix() for p in (site / "search" / lang).rglob("*.js") if p.is_file())
    found += sorted(p.relative_to(site).as_posix() for p in (site / "cards").glob(f"*-{lang}*.pdf"))
    found += sorted(p.relative_to(site).as_posix() for p in (site / "press").glob(f"*-{lang}.pdf"))
    found += sorted(p.relative_to(site).as_posix() for p in (site / "booklets").glob(f"*-{lang}*.pdf"))
    return found


def write_lists(build: Build) -> None:
    folder: Path = build.site / "offline"
    folder.mkdir(exist_ok=True)
    for lang in build.languages:
        if (build.site / build.language_root(lang) / "index.html").is_file():
            listing = {"lang": lang, "files": files_for(build, lang)}
            (folder / f"{lang}.json").write_text(json.dumps(listing, ensure_ascii=False, indent=0), encoding="utf-8")
