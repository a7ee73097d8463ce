#!/usr/bin/env python3
"""Start a new page in both languages and add it to the navigation: `make page`.

    python scripts/new_page.py raid/checkpoint --title "Проверка документов" --title-en "Document checks"

Creates docs/ru/raid/checkpoint.md and docs/en/raid/checkpoint.md from
page-templates/<lang>/guide.md (as outlines, with an "in preparation" banner), records
that the English page follows the Russian one, and adds the page to `nav:` in
mkdocs.yml after the other pages of its section.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import translations  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def create(slug: str, title_ru: str, title_en: str, root: Path = ROOT,
           template: str = "guide") -> list[Path]:
    slug = slug.removesuffix(".md")
    if not re.fullmatch(r"[a-z0-9-]+(/[a-z0-9-]+)*", slug):
        raise SystemExit(f"`{slug}`: use lower-case Latin letters, digits and hyphens, e.g. raid/checkpoint")
    created = []
    for language, title in (("ru", title_ru), ("en", title_en)):
        # Each language from its own template: an English page starts in English.
        body = (root / "page-templates" / language / f"{template}.md").read_text(encoding="utf-8")
        page = root / "docs" / language / f"{slug}.md"
        if page.exists():
            raise SystemExit(f"{page.relative_to(root)} already exists")
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(body.replace("{title}", title).replace("{description}", f"{title}."), encoding="utf-8")
        created.append(page)
    translations.mark(created[1])
    add_to_nav(root / "mkdocs.yml", f"{slug}.md")
    return created


def add_to_nav(config: Path, entry: str) -> None:
    """Insert `- entry` after the last nav line of the same folder (or at the end of nav)."""
    lines = config.read_text(encoding="utf-8").splitlines()
    folder = entry.rsplit("/", 1)[0] + "/" if "/" in entry else None
    start = lines.index("nav:")
    same = [i for i in range(start, len(lines)) if folder and re.match(rf"\s*- {re.escape(folder)}", lines[i])]
    if same:
        indent = re.match(r"\s*", lines[same[-1]]).group(0)
        lines.insert(same[-1] + 1, f"{indent}- {entry}")
    else:
        end = next((i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith(" ")), len(lines))
        lines.insert(end, f"  - {entry}")
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("slug", help="path without .md, e.g. raid/checkpoint")
    parser.add_argument("--title", required=True, help="the Russian title")
    parser.add_argument("--title-en", required=True, help="the English title")
    args = parser.parse_args(argv)
    for page in create(args.slug, args.title, args.title_en):
        print(f"created {page.relative_to(ROOT)}")
    print("added to nav: in mkdocs.yml — now write the pages, then run `make check`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
