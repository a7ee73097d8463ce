"""What Pravo knows about a page without asking a site engine: its language, slug and address,
its front matter (one parser for the whole project), and links from it to other files."""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from pravo import yamlfile
from pravo.data import DEFAULT_LANGUAGE, LANGUAGES
from pravo.problems import Problem

LANGUAGE_FOLDER = re.compile(r"[a-z]{2,3}")


def language_folder(src_uri: str) -> str:
    """'ky/raid/protocol.md' -> 'ky': the first folder under docs/ is the language ('' if none)."""
    parts = src_uri.split("/")
    return parts[0] if len(parts) > 1 and LANGUAGE_FOLDER.fullmatch(parts[0]) else ""


def data_language(lang: str) -> str:
    """The language the data is written in for a page in `lang`: a language added later
    (Kyrgyz, Tajik…) shows legal facts in Russian until data/ carries its own text."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def page_url(src_uri: str) -> str:
    """Site-relative address of a page: 'ru/raid/protocol.md' -> 'raid/protocol/', 'en/index.md' -> 'en/'."""
    lang = language_folder(src_uri)
    inside = src_uri[len(lang) + 1:] if lang else src_uri
    stem = inside[:-3] if inside.endswith(".md") else inside
    stem = "" if stem == "index" else (stem[:-len("index")] if stem.endswith("/index") else stem + "/")
    prefix = "" if lang in ("", DEFAULT_LANGUAGE) else lang + "/"
    return prefix + stem


def relative_url(from_url: str, site_path: str) -> str:
    """'assets/js/x.js' seen from the page at 'en/raid/protocol/' -> '../../../assets/js/x.js'."""
    folder = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    relative = posixpath.relpath(site_path or ".", folder.rstrip("/") or ".")
    # A page's address is a folder ('raid/protocol/', '' for the home page): keep its slash, so the
    # link works from a file:// copy too, where nothing adds it.
    return relative + "/" if not site_path or site_path.endswith("/") else relative


@dataclass(frozen=True)
class Page:
    """One Markdown page of the site, as the markers and checks see it."""
    root: Path     # the project
    src_uri: str   # inside docs/: 'ru/rights/russia.md'
    lang: str      # the language it is shown in (a fallback page is shown in another than its file's)
    file: Path | None = None  # the Markdown file, when it is not docs/<src_uri> (a fallback page)

    @property
    def path(self) -> Path:
        return self.file or self.root / "docs" / self.src_uri

    @property
    def url(self) -> str:
        return page_url(self.src_uri)

    @property
    def data_lang(self) -> str:
        return data_language(self.lang)

    def link_to_page(self, slug: str, anchor: str = "") -> str:
        """A relative Markdown link from this page to `slug` (rights/russia) in the same language folder."""
        here = self.src_uri
        target = posixpath.join(language_folder(here), slug + ".md")
        return posixpath.relpath(target, posixpath.dirname(here) or ".") + (f"#{anchor}" if anchor else "")

    def link_to_file(self, site_path: str) -> str:
        """A link from this page's address to a file of the built site (assets, cards)."""
        return relative_url(self.url, site_path)


FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(text: str) -> tuple[str | None, str]:
    """(the YAML between the opening and closing `---` or None, the body after it)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text
    return match.group(1) or "", text[match.end():]


def front_matter(text: str, path: Path) -> tuple[dict, Problem | None]:
    """The page's front matter as a dict, and what is wrong with it (None if nothing)."""
    block, _ = split_front_matter(text)
    if block is None:
        return {}, Problem(path, 1, "the page has no front matter (Описание страницы в начале файла отсутствует)",
                           "start the file with `---`, then `title: …` and `description: …`, then `---`")
    try:
        meta = yamlfile.parse(block, path, first_line=2).data
    except yamlfile.YamlError as error:
        problem = error.problem
        return {}, Problem(path, problem.line, "the front matter: " + problem.message, problem.hint)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return {}, Problem(path, 2, "the front matter is not a list of `key: value` lines",
                           "write one `key: value` per line, e.g. `title: Протокол`")
    return meta, None


def read_front_matter(path: Path) -> dict:
    """Front matter of a file, {} if it has none or it is broken (the checks say why)."""
    try:
        return front_matter(path.read_text(encoding="utf-8-sig"), path)[0]
    except (OSError, UnicodeDecodeError):
        return {}
