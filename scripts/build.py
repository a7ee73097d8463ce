#!/usr/bin/env python3
"""Production build: `make build`.

Refuses to start without the deployment's public address and contact (PRAVO_SITE_URL,
PRAVO_CONTACT; `make preview` builds without them, not for publishing). Runs the content checks, builds into a temporary folder — the engine renders the pages, then the
post-build pipeline (pravo/pipeline/) adds the rest and audits everything against the allowlist —
and only then replaces site/. A failed build or a failed audit never leaves a half-built or
unchecked site where a deploy step would pick it up.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pravo import checks
from pravo.problems import format_problem
from pravo.settings import Settings, check_production

ROOT = Path(__file__).resolve().parent.parent
# MkDocs 1.6.1 by default; ProperDocs (its maintained fork) gives the same site: PRAVO_ENGINE=properdocs.
ENGINE = os.environ.get("PRAVO_ENGINE", "mkdocs")


def build(site_dir: Path = ROOT / "site", root: Path = ROOT, preview: bool = False) -> int:
    if not preview:
        missing = check_production(Settings.from_environment())
        if missing:
            print("\n".join(missing), file=sys.stderr)
            print("\nA production build needs both. To build without them for a look (not to publish): "
                  "make preview", file=sys.stderr)
            return 1
    problems = checks.run(root)
    if problems:
        for problem in problems:
            print(format_problem(problem, root))
        print(f"\n{len(problems)} problem(s) found. Build stopped: fix them first.", file=sys.stderr)
        return 1
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=root))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", ENGINE, "build", "--strict", "--clean",
         "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(staging)],
        cwd=root, env=env,
    )
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print("Build failed: site/ was left as it was. See the messages above.", file=sys.stderr)
        return result.returncode
    shutil.rmtree(site_dir, ignore_errors=True)
    staging.rename(site_dir)
    print(f"Site built into {site_dir}/")
    return 0


if __name__ == "__main__":
    # --preview (make preview): without the deployment's address and contact, not for publishing.
    sys.exit(build(preview="--preview" in sys.argv[1:] or os.environ.get("PRAVO_PREVIEW") == "1"))
