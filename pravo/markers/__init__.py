"""Page markers: `<!-- pravo:NAME ARGS -->` in Markdown, expanded from data/ into the page.

One regex finds every marker and one registry says what each name does; the build (through
the engine adapter) and `make check` both call `expand`, so they accept and refuse the same
things in the same words. A marker is an HTML comment, so an engine that ignores us would drop
it silently — the output audit (pravo/pipeline/audit_output.py) fails the build if one reaches the output.

Each marker module registers its functions with `@marker("name")`; a function gets the
context and the marker's words, returns Markdown (or HTML), and reports problems through
`ctx.problem(...)`, never by raising: one run reports them all.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pravo.data import Data
from pravo.pages import Page
from pravo.problems import Problem
from pravo.settings import Settings

MARKER = re.compile(r"<!--\s*pravo:([\w-]*)((?:\s+[^\s>]+)*?)\s*-->")
ANY_MARKER = re.compile(r"<!--\s*pravo:")

Render = Callable[["Context", list[str]], str]
REGISTRY: dict[str, Render] = {}


def marker(name: str):
    def register(function: Render) -> Render:
        REGISTRY[name] = function
        return function
    return register


@dataclass
class Context:
    """What a marker sees: the data, the page, and where in its source file the marker is."""
    data: Data
    page: Page
    markdown: str          # the page body being expanded
    source: str            # the whole file, front matter included, for line numbers
    settings: Settings = field(default_factory=Settings)  # the deployment's address and contact
    problems: list[Problem] = field(default_factory=list)
    start: int = 0         # offset of the current marker in `markdown`
    text: str = ""         # the current marker as written

    @property
    def lang(self) -> str:
        return self.page.data_lang

    @property
    def ui(self) -> dict[str, str]:
        return self.data.ui(self.lang)

    @property
    def before(self) -> str:
        """The text in front of the marker on its line (Russian grammar depends on it)."""
        return self.markdown[self.markdown.rfind("\n", 0, self.start) + 1:self.start]

    def line(self) -> int:
        body_starts = len(self.source) - len(self.markdown) if self.source.endswith(self.markdown) else None
        if body_starts is None:  # the engine changed the text: find the marker itself
            found = self.source.find(self.text)
            return self.source.count("\n", 0, found) + 1 if found >= 0 else 1
        return self.source.count("\n", 0, body_starts + self.start) + 1

    def problem(self, message: str, hint: str) -> str:
        self.problems.append(Problem(self.page.path, self.line(), message, hint))
        return ""


def md_escape(text: str) -> str:
    """Text from data/ or i18n/ as Markdown that shows it literally: no link, emphasis, attribute list
    or HTML can come out of it. `<`, `>` and `&` become entities (Python-Markdown keeps `\\<b>` a live tag)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_\[\]#|{}()!])", r"\\\1", text)


def expand(data: Data, page: Page, markdown: str, source: str | None = None,
           settings: Settings | None = None) -> tuple[str, list[Problem]]:
    """The page with every marker replaced, and every problem found on the way."""
    from pravo.markers import cards, clock, contacts, glossary, laws, press, share, sources, widgets  # noqa: F401  (they register themselves)

    ctx = Context(data, page, markdown, source if source is not None else markdown, settings or Settings())

    def replace(match: re.Match) -> str:
        ctx.start, ctx.text = match.start(), match.group(0)
        name, args = match.group(1), match.group(2).split()
        render = REGISTRY.get(name)
        if render is None:
            return ctx.problem(f"unknown marker `pravo:{name}` (неизвестная метка)",
                               f"markers are: {', '.join('pravo:' + m for m in sorted(REGISTRY))} — see CONTRIBUTING")
        return render(ctx, args)

    result = MARKER.sub(replace, markdown)
    for leftover in ANY_MARKER.finditer(result):
        ctx.start, ctx.text = leftover.start(), result[leftover.start():leftover.start() + 40]
        ctx.problem("a `<!-- pravo:` marker that is not closed or not well formed",
                    "write it on one line as <!-- pravo:name words -->")
    return result, ctx.problems


def names() -> list[str]:
    from pravo.markers import cards, clock, contacts, glossary, laws, press, share, sources, widgets  # noqa: F401
    return sorted(REGISTRY)
