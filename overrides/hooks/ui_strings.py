"""Pravo's own interface strings: i18n/<locale>.yml, handed to every template as `ui`.

One flat table per language with dotted keys, like Material's own translations.
Every language must have the same keys as the default one; a missing key is a
build warning (so `strict: true` fails) naming the file and the key.
"""
from __future__ import annotations

import logging
from pathlib import Path

import yaml

log = logging.getLogger("mkdocs.hooks.ui_strings")

STRINGS: dict[str, dict[str, str]] = {}
DEFAULT_LOCALE = "ru"
COMPLETE = ("en",)


def load_strings(folder: Path) -> dict[str, dict[str, str]]:
    """Read every <locale>.yml in `folder` into {locale: {key: text}}."""
    tables = {}
    for path in sorted(folder.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            raise ValueError(f"{path}: expected flat `key: \"text\"` lines, e.g. search.label: \"Поиск\"")
        tables[path.stem] = data
    return tables


def missing_keys(tables: dict[str, dict[str, str]], default: str) -> dict[str, list[str]]:
    """Keys of the default language that another language lacks, per language."""
    reference = set(tables.get(default, {}))
    return {loc: sorted(reference - set(t)) for loc, t in tables.items() if reference - set(t)}


def on_config(config):
    folder = Path(config.config_file_path).parent / "i18n"
    STRINGS.clear()
    STRINGS.update(load_strings(folder))
    for locale, keys in missing_keys(STRINGS, DEFAULT_LOCALE).items():
        # English must be complete; a language added later may start with a few strings,
        # the rest shown in Russian until translated.
        (log.warning if locale in COMPLETE else log.info)(
            "i18n/%s.yml lacks %s — copy these lines from i18n/%s.yml and translate them.",
            locale, ", ".join(keys), DEFAULT_LOCALE,
        )
    return config


def strings_for(locale: str | None) -> dict[str, str]:
    """The strings of `locale`, with the default language filling any gap."""
    merged = dict(STRINGS.get(DEFAULT_LOCALE, {}))
    merged.update(STRINGS.get(locale or DEFAULT_LOCALE, {}))
    return merged


def on_page_context(context, page, config, nav):
    # mkdocs-static-i18n sets i18n_page_locale at priority 50, before this hook.
    locale = context.get("i18n_page_locale") or DEFAULT_LOCALE
    context["ui"] = strings_for(locale)
    # Site-relative folder of this language's pages: "" for Russian, "en/" for English.
    context["ui_root"] = "" if locale == DEFAULT_LOCALE else f"{locale}/"
    return context


def on_template_context(context, template_name, config):
    # Static templates such as 404.html get no page context; the i18n plugin has
    # already switched theme.language to the language being built.
    context["ui"] = strings_for(config.theme["language"])
    return context

