#!/usr/bin/env python3
"""Translation freshness: `make translations` (pravo/translations.py says how it works).

    python scripts/translations.py                      # the table of every page
    python scripts/translations.py --mark docs/en/x.md  # record that x.md now matches its source
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pravo.translations import mark, table

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mark", nargs="+", type=Path, metavar="PAGE",
                        help="record that these translated pages now match their source")
    args = parser.parse_args(argv)
    docs = ROOT / "docs"
    if args.mark:
        for page in args.mark:
            mark(page.resolve())
            print(f"{page}: marked as up to date with its source")
        return 0
    rows = table(docs)
    width = max(len(r[0]) for r in rows)
    print(f"{'page'.ljust(width)}  lang  status       translated on")
    for slug, language, state, recorded in rows:
        if state != "source":
            print(f"{slug.ljust(width)}  {language.ljust(4)}  {state.ljust(11)}  {recorded}")
    counts = {s: sum(1 for r in rows if r[2] == s) for s in ("up to date", "outdated", "missing", "no record")}
    print("\n" + ", ".join(f"{n} {s}" for s, n in counts.items()))
    print("After updating a translation: python scripts/translations.py --mark docs/<lang>/<page>.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
