"""One problem found in the content or the data: where it is, what is wrong, how to fix it.

Every check, loader and marker reports with this type, and `format_problem` is the one place
that turns it into the line a volunteer reads:

    docs/en/raid/index.md:3: the front matter has no `title` — add a line such as `title: Raid or detention`
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int | None
    message: str
    hint: str


class ProblemsFound(Exception):
    """Raised where a caller cannot go on (a build): carries every problem, not only the first."""

    def __init__(self, title: str, problems: list[Problem], root: Path):
        self.problems = problems
        super().__init__(title + "\n" + format_problems(problems, root))


def where(path: Path, line: int | None, root: Path) -> str:
    try:
        text = path.relative_to(root).as_posix()
    except ValueError:
        text = path.as_posix()
    return f"{text}:{line}" if line else text


def format_problem(problem: Problem, root: Path) -> str:
    return f"{where(problem.path, problem.line, root)}: {problem.message} — {problem.hint}"


def format_problems(problems: list[Problem], root: Path) -> str:
    return "\n".join(format_problem(p, root) for p in problems)
