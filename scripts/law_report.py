#!/usr/bin/env python3
"""Provenance of every legal provision: `make laws`.

One line per provision — country, article, status, verified date, age, edition,
sources — then the money value of one calculation indicator per year (fines in
indicators are shown in som/somoni from it), then totals per status, so a reviewer
sees at a glance what is verified, what rests on secondary reports and what still
needs checking.
"""
from __future__ import annotations

import sys
from collections import Counter
from datetime import date
from pathlib import Path

from pravo import lawbook
from pravo.problems import format_problem

ROOT = Path(__file__).resolve().parent.parent
STATUSES = lawbook.STATUSES


def source_label(source: dict) -> str:
    if lawbook.PLACEHOLDER_SOURCE in source.get("url", ""):
        return "NO SOURCE"
    return source.get("url") or f"{source['repo']}:{source['path']}"


def rows(book: lawbook.LawBook, today: date) -> list[list[str]]:
    table = []
    for pid, provision in book.provisions.items():
        code = book.codes[provision["code"]]
        table.append([
            book.country_of(pid), pid, provision["status"], provision["verified_on"],
            str(lawbook.age_in_days(provision, today)), code["edition"]["date"],
            " ; ".join(source_label(s) for s in provision["sources"]),
        ])
    return table


def value_rows(book: lawbook.LawBook, today: date) -> list[list[str]]:
    table = []
    for unit_id, unit in book.units.items():
        for value in sorted(unit.get("values", []), key=lambda v: v["year"]):
            table.append([
                unit_id, str(value["year"]), f"{value['amount']} {unit['currency']['en']}", value["status"],
                value["verified_on"], str(lawbook.age_in_days(value, today)),
                " ; ".join(source_label(s) for s in value["sources"]),
            ])
    return table


def print_table(header: list[str], table: list[list[str]], out) -> None:
    """Columns padded to their widest cell; the last column (sources) runs on."""
    widths = [max(len(r[i]) for r in table + [header]) for i in range(len(header) - 1)]
    for row in [header] + table:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[-1], file=out)


def totals(book: lawbook.LawBook) -> Counter:
    return Counter(p["status"] for p in book.provisions.values())


def report(root: Path = ROOT, today: date | None = None, out=None) -> int:
    out = out or sys.stdout
    book = lawbook.load(root)
    if book.problems:
        for problem in book.problems:
            print(format_problem(problem, root), file=out)
        return 1
    today = today or date.today()
    print_table(["country", "id", "status", "verified", "age (days)", "edition", "sources"], rows(book, today), out)
    print("\nOne calculation indicator in money (the site shows the latest verified year, else the latest secondary one):",
          file=out)
    print_table(["unit", "year", "value", "status", "verified", "age (days)", "sources"], value_rows(book, today), out)
    counts = totals(book)
    print("\nTotal: " + ", ".join(f"{counts[s]} {s}" for s in STATUSES) + f" — {sum(counts.values())} provisions", file=out)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(report())
    except BrokenPipeError:  # `make laws | head` closed the pipe: not an error
        sys.stderr.close()
        sys.exit(0)
