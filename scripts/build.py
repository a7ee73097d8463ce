#!/usr/bin/env python3
"""Production build: `make build`.

Runs the content checks, builds into a temporary folder and only then replaces
site/, so a failed build never leaves a half-built site where a deploy step
would pick it up.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check  # noqa: E402  (scripts/ is not a package)

ROOT = Path(__file__).resolve().parent.parent


def build(site_dir: Path = ROOT / "site", root: Path = ROOT) -> int:
    if check.report(check.run_checks(root), root) != 0:
        print("Build stopped: fix the problems above first.", file=sys.stderr)
        return 1
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=root))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
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
    sys.exit(build())
