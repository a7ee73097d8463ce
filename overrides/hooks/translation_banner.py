"""Outdated translations get a banner: "may be behind the Russian version of DATE".

A translated page records the fingerprint of its source (scripts/translations.py,
front matter `translated_from`); when the source has changed since, the page
says so and links to the source. DATE is the source's last commit, when git knows it.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(Path(__file__).parent))
import lawtext  # noqa: E402
import translations  # noqa: E402

DEFAULT_LANGUAGE = "ru"


def last_changed(path: Path) -> str | None:
    """ISO date of the file's last commit, or None outside a git checkout."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%cs", "--", str(path)], cwd=path.parent,
                                capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.strip() or None


def on_page_context(context, page, config, nav):
    record = page.meta.get("translated_from") if page.meta else None
    if not isinstance(record, dict) or not page.file.abs_src_path:
        return context
    docs = Path(config.docs_dir)
    own = Path(page.file.abs_src_path).relative_to(docs)
    source_language = str(record.get("lang"))
    source = docs / source_language / Path(*own.parts[1:])
    if not source.exists() or translations.fingerprint(source) == record.get("hash"):
        return context
    slug = Path(*own.parts[1:]).with_suffix("").as_posix()
    address = "" if slug == "index" else (slug[:-len("index")] if slug.endswith("/index") else slug + "/")
    changed = last_changed(source)
    page_language = context.get("i18n_page_locale") or DEFAULT_LANGUAGE
    context["outdated_translation"] = {
        "url": ("" if source_language == DEFAULT_LANGUAGE else source_language + "/") + address,
        "language": source_language,
        "date": lawtext.day(changed, page_language) if changed else None,
    }
    return context
