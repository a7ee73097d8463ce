"""Pravo's tools without a site engine.

    python -m pravo check                      the content checks (as `make check`)
    python -m pravo postbuild SITE [--site-url URL] [--preview]
                                               the post-build pipeline on a site any engine built
    python -m pravo audit SITE                 only the output audit, as the pipeline runs it
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pravo import checks, data, pipeline
from pravo.problems import ProblemsFound, format_problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pravo", description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: here)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="the content checks")
    post = commands.add_parser("postbuild", help="run the post-build pipeline on a built site")
    post.add_argument("site", type=Path)
    post.add_argument("--site-url", default=pipeline.PLACEHOLDER_SITE_URL)
    post.add_argument("--preview", action="store_true", help="only what a preview needs")
    post.add_argument("--discreet", action="store_true")
    post.add_argument("--contact", default="", help="where this copy takes corrections and press questions")
    audit = commands.add_parser("audit", help="audit a built site against the allowlist")
    audit.add_argument("site", type=Path)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "check":
        problems = checks.run(root)
        print(format_problems(problems, root) if problems else "All content checks passed.")
        return 1 if problems else 0
    loaded = data.load(root)
    if loaded.problems:
        print(format_problems(loaded.problems, root), file=sys.stderr)
        return 1
    build = pipeline.Build(root=root, site=args.site.resolve(), data=loaded, site_url=getattr(args, "site_url", pipeline.PLACEHOLDER_SITE_URL),
                           preview=getattr(args, "preview", False), discreet=getattr(args, "discreet", False),
                           contact=getattr(args, "contact", ""))
    try:
        pipeline.run(build, only=["audit"] if args.command == "audit" else None)
    except ProblemsFound as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
