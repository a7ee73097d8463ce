#!/usr/bin/env python3
"""Content checks for volunteers: `make check`.

Each problem is one line a person can act on, with the file and line:
    docs/en/raid/index.md:3: the front matter has no `title` — add a line such as `title: Raid or detention`
Exit status 1 when anything is wrong, so CI and `make build` stop. The checks live in pravo/checks/.
"""
from __future__ import annotations

import sys
from pathlib import Path

from pravo import checks
from pravo.problems import format_problem

ROOT = Path(__file__).resolve().parent.parent


def report(problems, root: Path = ROOT, out=None) -> int:
    out = out or sys.stdout
    problems = list(problems)
    for problem in problems:
        print(format_problem(problem, root), file=out)
    if problems:
        print(f"\n{len(problems)} problem(s) found. Fix them and run `make check` again.", file=out)
        return 1
    print("All content checks passed.", file=out)
    return 0


if __name__ == "__main__":
    sys.exit(report(checks.run(ROOT)))
