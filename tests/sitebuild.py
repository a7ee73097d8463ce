"""Build helpers shared by the tests: the real site, and tiny fixture sites that
use the project's own theme overrides, hooks and UI strings."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, taking the default of every `!ENV [NAME, default]`."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def load_config(path: Path = ROOT / "mkdocs.yml") -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)


def mkdocs_build(config_file: Path, site_dir: Path, site_url: str | None = None,
                 env_extra: dict | None = None, engine: str = "mkdocs") -> subprocess.CompletedProcess:
    """A strict build (by MkDocs, or `engine="properdocs"`); fails the calling test with the engine's messages."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env_extra or {}))
    if site_url:
        env["PRAVO_SITE_URL"] = site_url
    result = subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "--clean",
         "--config-file", str(config_file), "--site-dir", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=config_file.parent,
    )
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return result


TEST_DATA = ROOT / "tests" / "fixtures" / "data"
WIDGET_SCRIPTS = {"incident-form": "incident-record.js", "self-check": "self-check.js", "offline": "offline.js"}


def with_test_data(workdir: Path, data: Path = TEST_DATA) -> Path:
    """Give a test project the tiny test data (tests/fixtures/data), the real schemas and UI strings:
    rule tests never depend on live legal ids, and a fixture site draws no pocket cards."""
    shutil.copytree(data, workdir / "data", ignore=shutil.ignore_patterns("README.md"))
    shutil.copytree(ROOT / "data" / "schemas", workdir / "data" / "schemas", dirs_exist_ok=True)
    shutil.copytree(ROOT / "i18n", workdir / "i18n", dirs_exist_ok=True)
    return workdir


def fixture_project(fixture: Path, workdir: Path, nav: list | None = None, languages: list | None = None) -> Path:
    """Copy a fixture's docs/ next to a config derived from the real mkdocs.yml.

    The fixture gets the real overrides/, adapter, i18n/ strings and docs/assets/, so what it
    proves holds for the real site, and the test data (or the fixture's own data/).
    Returns the config file path.
    """
    shutil.copytree(fixture / "docs", workdir / "docs")
    shutil.copytree(ROOT / "docs" / "assets", workdir / "docs" / "assets")
    # A tool's script only where a page places the tool: the output audit refuses a script no page loads.
    pages = "".join(p.read_text(encoding="utf-8") for p in (workdir / "docs").rglob("*.md"))
    for marker, script in WIDGET_SCRIPTS.items():
        if f"pravo:{marker}" not in pages:
            (workdir / "docs" / "assets" / "js" / script).unlink()
    with_test_data(workdir, fixture / "data" if (fixture / "data").exists() else TEST_DATA)
    if (fixture / "i18n").is_dir():  # a fixture's own UI strings (a third language)
        shutil.copytree(fixture / "i18n", workdir / "i18n", dirs_exist_ok=True)
    config = load_config()
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["hooks"] = [str(ROOT / hook) for hook in config["hooks"]]
    config.pop("nav", None)
    if languages:  # more languages for mkdocs-static-i18n, as a volunteer would add them
        i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
        i18n["languages"] += languages
    if nav is not None:
        config["nav"] = nav
    config_file = workdir / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config_file


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def is_not_found_page(site: Path, path: Path) -> bool:
    return path.name == "404.html"


def url_path(site: Path, page: Path) -> str:
    """site/en/raid/index.html -> 'en/raid/'; site/index.html -> ''."""
    rel = page.relative_to(site)
    if rel.name != "index.html":
        return rel.as_posix()
    parent = rel.parent.as_posix()
    return "" if parent == "." else parent + "/"
