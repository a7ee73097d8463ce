"""Reading without internet, only when the reader asks for it.

    <!-- pravo:offline -->   the "save for reading without internet" control (About page)

After the build, offline/ru.json and offline/en.json list what a saved copy of each
language holds: its pages, the shared styles and scripts (at the versioned addresses the
pages use), its search index and its pocket cards. docs/assets/js/offline.js saves them,
docs/sw.js serves them when the network fails.
"""
from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))
import site_paths  # noqa: E402
import asset_versions  # noqa: E402
from ui_strings import load_strings  # noqa: E402

MARKER = re.compile(r"<!--\s*pravo:offline\s*-->")
SCRIPT = "assets/js/offline.js"
STATE: dict = {}


def on_config(config):
    STATE["strings"] = load_strings(Path(config.config_file_path).parent / "i18n")
    return config


def control(page, lang: str, docs_dir: str) -> str:
    ui = {**STATE["strings"]["ru"], **STATE["strings"].get(lang, {})}
    e = lambda key: html.escape(ui[key])  # noqa: E731
    script = asset_versions.from_page(page, docs_dir, SCRIPT)
    return f"""<div class="pravo-offline" data-pravo-offline data-lang="{lang}"
     data-text-none="{e('offline.none')}" data-text-saved="{e('offline.saved')}" data-text-progress="{e('offline.progress')}"
     data-text-failed="{e('offline.failed')}" data-text-removed="{e('offline.removed')}">
<div data-controls hidden>
<p class="pravo-offline__buttons">
<button type="button" class="md-button md-button--primary" data-action="save" hidden>{e('offline.save')}</button>
<button type="button" class="md-button" data-action="remove" hidden>{e('offline.remove')}</button>
</p>
<p class="pravo-offline__status" role="status" data-status></p>
</div>
</div>
<script src="{script}" defer></script>"""


def on_page_markdown(markdown, page, config, files):
    if "pravo:offline" not in markdown:
        return markdown
    lang = getattr(page.file, "locale", None) or config.theme["language"]
    return MARKER.sub(lambda _: "\n\n" + control(page, lang, config.docs_dir) + "\n\n", markdown)


def files_for(site: Path, lang: str, docs_dir: str) -> list[str]:
    """Addresses, relative to the site root, that a saved copy of `lang` holds."""
    folders = {d.name for d in site.iterdir() if d.is_dir() and re.fullmatch(r"[a-z]{2,3}", d.name)}
    in_language = ((lambda rel: rel.startswith(lang + "/")) if lang in folders
                   else (lambda rel: rel.split("/", 1)[0] not in folders))
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))
    found = [("./" if rel == "index.html" else rel[: -len("index.html")]) for rel in pages if in_language(rel)]
    for asset in sorted((site / "assets").rglob("*")):
        if asset.is_file():
            rel = asset.relative_to(site).as_posix()
            found.append(asset_versions.version(docs_dir, rel) if Path(docs_dir, rel).is_file() else rel)
    pagefind = site / "pagefind"
    for name in ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json", f"wasm.{lang}.pagefind", "wasm.unknown.pagefind"):
        if (pagefind / name).is_file():
            found.append(f"pagefind/{name}")
    found += sorted(p.relative_to(site).as_posix() for p in pagefind.glob(f"**/*{lang}_*") if p.is_file())
    found += sorted(p.relative_to(site).as_posix() for p in (site / "cards").glob(f"*-{lang}*.pdf"))
    return found


# After every language is written and the search index built (-200).
@event_priority(-250)
def on_post_build(config):
    if not site_paths.last_language_built(config):
        return
    site = Path(config.site_dir)
    (site / "offline").mkdir(exist_ok=True)
    # The default language at the root, every other one in its own folder (en/, ky/ …).
    others = [d.name for d in sorted(site.iterdir()) if d.is_dir() and re.fullmatch(r"[a-z]{2,3}", d.name)
              and (d / "index.html").is_file()]
    for lang in ["ru"] + others:
        listing = {"lang": lang, "files": files_for(site, lang, config.docs_dir)}
        (site / "offline" / f"{lang}.json").write_text(json.dumps(listing, ensure_ascii=False, indent=0), encoding="utf-8")
