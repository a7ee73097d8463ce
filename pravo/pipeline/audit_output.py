"""The last check before anything is published: the whole output against the allowlist
(pravo/audit.py), and no page marker left unexpanded.

A marker is an HTML comment: an engine that ignored our adapter would publish pages without a
single legal figure and say nothing. So a `<!-- pravo:` in the output stops the build, whatever
engine made it.
"""
from __future__ import annotations

import dataclasses
from urllib.parse import urlsplit

from pravo import audit
from pravo.pipeline import Build
from pravo.problems import Problem, ProblemsFound

MARKER = b"<!-- pravo:"


def run(build: Build) -> None:
    problems = [Problem(path, None, "a `<!-- pravo:` marker reached the built page unexpanded",
                        "the engine did not run Pravo's adapter (overrides/hooks/pravo_mkdocs.py): check `hooks:` "
                        "in mkdocs.yml, or expand the markers before building (ARCHITECTURE.md)")
                for path in sorted(build.site.rglob("*.html")) if not path.is_symlink() and MARKER in path.read_bytes()]
    policy = dataclasses.replace(audit.DEFAULT_POLICY, base_path=urlsplit(build.site_url).path or "/",
                                 require_csp_meta=not build.preview)
    findings = audit.audit_site(build.site, policy, project=build.root)
    problems += [Problem(build.site / f.output, f.line, f.what + (f" (from {f.source})" if f.source else ""), f.fix)
                 for f in findings]
    if problems:
        raise ProblemsFound("The built site is not published: it holds what the allowlist does not allow.",
                            problems, build.root)
