"""The one adapter between MkDocs (with Material and mkdocs-static-i18n) and Pravo's own logic.

Everything Pravo does lives in the `pravo` package, which does not import MkDocs; this file only
hands MkDocs' events to it. ARCHITECTURE.md lists every point where the project touches MkDocs,
Material or i18n internals — most of them are in this file, marked "(engine)".

    on_config         data/ and i18n/ loaded and checked once; our assets versioned; slugs; discreet icons
    on_files          nothing from outside docs/ and nothing but publishable files reach the site
    on_page_markdown  every <!-- pravo:… --> marker expanded (pravo.markers); title and description escaped
    on_page_context   interface strings, the outdated-translation banner, relative language links
    on_post_template  one 404 page per language
    on_post_build     the post-build pipeline (pravo.pipeline), once, after the last language
"""
from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from pymdownx.slugs import slugify

from pravo import assets, content, data, gitdates, lawtext, markers, pipeline, translations
from pravo.checks import front_matter
from pravo.pages import Page
from pravo.problems import ProblemsFound, format_problem, format_problems
from pravo.settings import PLACEHOLDER_SITE_URL, Settings

log = logging.getLogger("mkdocs.hooks.pravo")
STATE: dict = {"serve": False}


def on_startup(command, dirty):
    # `mkdocs serve` injects its live-reload script into every page: the preview goes without a
    # security policy, and skips what only a publication needs.
    STATE["serve"] = command == "serve"


def on_config(config):
    root = Path(config.config_file_path).parent
    loaded = data.load(root)
    if loaded.problems:
        raise PluginError("data/ or i18n/ has problems (run `make check`):\n" + format_problems(loaded.problems, root))
    STATE.update(root=root, data=loaded, settings=Settings(site_url=config.site_url or PLACEHOLDER_SITE_URL,
                                                           contact=str(config.extra.get("contact") or "").strip()))
    docs = Path(config.docs_dir)
    config.extra_css = [_versioned(docs, entry) for entry in config.extra_css]
    config.extra_javascript = [_versioned(docs, entry) for entry in config.extra_javascript]
    # (engine) Readable anchors in both alphabets (#что-делать); Python-Markdown's default drops Cyrillic.
    config.mdx_configs.setdefault("toc", {})["slugify"] = slugify(case="lower")
    if config.extra.get("discreet"):  # a neutral tab icon and logo; the neutral names come from i18n/
        config.theme["favicon"] = "assets/images/neutral.svg"
        config.theme["icon"]["logo"] = "material/note-text-outline"
    return config


def _versioned(docs: Path, entry):
    # (engine) extra_css/extra_javascript entries are strings or MkDocs' ExtraScriptValue objects.
    if isinstance(entry, str):
        return assets.versioned(docs, entry)
    entry.path = assets.versioned(docs, entry.path)
    return entry


def on_files(files, config):
    docs = Path(config.docs_dir).resolve()
    for file in list(files):
        path = Path(file.abs_src_path) if file.abs_src_path else None
        if path is None or not str(path).startswith(str(Path(config.docs_dir))):
            continue  # the theme's own files
        reason = ("a symbolic link, or a file outside docs/" if content.outside(path, docs)
                  else content.refusal(file.src_uri))
        if reason:
            log.warning("docs/%s is not published: %s — remove it (make check says more)", file.src_uri, reason)
            files.remove(file)
    return files


def page_of(page, config) -> Page:
    # (engine) mkdocs-static-i18n gives each file its locale; a fallback page keeps its source file.
    lang = getattr(page.file, "locale", None) or config.theme["language"]
    return Page(STATE["root"], page.file.src_uri, lang, Path(page.file.abs_src_path))


def on_page_markdown(markdown, page, config, files):
    for field in ("title", "description"):
        # (engine) Material prints these into <head> and every menu without escaping them.
        if isinstance(page.meta.get(field), str):
            page.meta[field] = escape(page.meta[field])
    ours = page_of(page, config)
    source = ours.file.read_text(encoding="utf-8-sig") if ours.file and ours.file.is_file() else markdown
    problems: list = []
    # (engine) MkDocs shows broken front matter as page text: stop instead, as `make check` would.
    front_matter.check(source, ours.path, problems)
    result, found = markers.expand(STATE["data"], ours, markdown, source, STATE["settings"])
    problems += found
    for problem in problems:
        log.warning(format_problem(problem, STATE["root"]))
    return result


def _site_path(config) -> str:
    path = urlsplit(config.site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def _site_relative(link: str, site_path: str) -> str:
    """'/sub/en/' with site path '/sub/' -> 'en/'; the site root -> './'."""
    return (link[len(site_path):] if link.startswith(site_path) else link).lstrip("/") or "./"


def _ui(lang: str) -> dict:
    # Strings are plain text (data/schemas/strings.schema.json); escaped here once for every template.
    return {key: escape(value) for key, value in STATE["data"].ui(lang).items()}


def _outdated(page, lang: str) -> dict | None:
    record = page.meta.get("translated_from") if page.meta else None
    if not isinstance(record, dict) or not page.file.abs_src_path:
        return None
    docs = STATE["root"] / "docs"
    own = Path(page.file.abs_src_path).relative_to(docs)
    source_language = str(record.get("lang"))
    source = docs / source_language / Path(*own.parts[1:])
    if not source.exists() or translations.fingerprint(source) == str(record.get("hash")):
        return None
    slug = Path(*own.parts[1:]).with_suffix("").as_posix()
    address = "" if slug == "index" else (slug[:-len("index")] if slug.endswith("/index") else slug + "/")
    changed = gitdates.changed(STATE["root"], source)
    return {"url": ("" if source_language == data.DEFAULT_LANGUAGE else source_language + "/") + address,
            "language": source_language, "date": lawtext.day(changed[:10], lang) if changed else None}


# After mkdocs-static-i18n's own page context (priority 50) has set the locale and the links.
@event_priority(0)
def on_page_context(context, page, config, nav):
    lang = context.get("i18n_page_locale") or data.DEFAULT_LANGUAGE  # (engine) i18n's context
    context["ui"] = _ui(lang)
    context["ui_root"] = "" if lang == data.DEFAULT_LANGUAGE else f"{lang}/"
    outdated = _outdated(page, lang)
    if outdated:
        context["outdated_translation"] = outdated
    # (engine) i18n leaves home pages with root-absolute switcher links (`/en/`), which break under a
    # sub-path or from a folder: every page links to its twin instead, made relative by the `url` filter.
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    twins = getattr(page.file, "alternates", {}) or {}
    for alternate in alternates:
        twin = twins.get(alternate.get("lang"))
        alternate["link"] = (twin.url or "./") if twin is not None else _site_relative(alternate["link"], _site_path(config))
    return context


def on_template_context(context, template_name, config):
    # Static templates such as 404.html get no page context; i18n has switched theme.language already.
    context["ui"] = _ui(config.theme["language"])
    i18n = config.plugins.get("i18n")
    if template_name == "404.html" and i18n is not None and i18n.extra_alternate:
        # 404.html is rendered after the last page and would inherit its switcher links.
        config.extra.alternate = [dict(alt, link=_site_relative(alt["link"], _site_path(config)))
                                  for alt in i18n.extra_alternate]
    return context


def on_post_template(output_content, template_name, config):
    # (engine) MkDocs writes 404.html at the site root in every language's build, so the last one
    # (English) overwrote the Russian: each other language gets its own /<lang>/404.html.
    if template_name != "404.html":
        return output_content
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.is_default_language_build:
        return output_content
    target = Path(config.site_dir) / i18n.current_language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output_content, encoding="utf-8")
    return ""  # an empty result tells MkDocs not to write the root 404.html again


# After mkdocs-static-i18n (-100), whose on_post_build builds the other languages.
@event_priority(-200)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # (engine) a nested build of one language: the pipeline runs once, after the last
    languages = [data.DEFAULT_LANGUAGE] + [lang["locale"] for lang in (i18n.config.languages if i18n else [])
                                           if lang["locale"] != data.DEFAULT_LANGUAGE]
    build = pipeline.Build(root=STATE["root"], site=Path(config.site_dir), data=STATE["data"],
                           site_url=config.get("site_url") or pipeline.PLACEHOLDER_SITE_URL, languages=languages,
                           preview=STATE["serve"], discreet=bool(config.extra.get("discreet")),
                           contact=STATE["settings"].contact)
    try:
        pipeline.run(build)
    except ProblemsFound as error:
        raise PluginError(str(error)) from None
