"""Shared fixtures: built sites (real and fixture), a local web server, a browser."""
from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sitebuild import ROOT, fixture_project, mkdocs_build

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Flags for a headless Chromium on a machine without a network or a GPU.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    # Only the local test server resolves: a request to another site fails at once (and is still
    # seen by the tests that look for such requests).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built strictly with the default site_url."""
    out = tmp_path_factory.mktemp("site") / "site"
    mkdocs_build(ROOT / "mkdocs.yml", out)
    return out


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory) -> Path:
    """The real site built for https://example.org/pravo/ (served under a sub-path)."""
    out = tmp_path_factory.mktemp("subpath") / "site"
    mkdocs_build(ROOT / "mkdocs.yml", out, site_url="https://example.org/pravo/")
    return out


@pytest.fixture(scope="session")
def search_site(tmp_path_factory) -> Path:
    """A tiny site of pages with inflected Russian (and English) forms of one word."""
    work = tmp_path_factory.mktemp("search-fixture")
    config = fixture_project(FIXTURES / "search-site", work)
    mkdocs_build(config, work / "site")
    return work / "site"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def serve():
    """serve(folder, mount="/") -> base URL of a local server for that folder."""
    servers = []

    def start(folder: Path, mount: str = "/") -> str:
        root = folder
        if mount != "/":
            # Put the site under a sub-path, as a host like GitHub Pages would.
            root = folder.parent / f"{folder.name}-mounted"
            if not root.exists():
                target = root / mount.strip("/")
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copytree(folder, target)
        handler = functools.partial(_QuietHandler, directory=str(root))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}{mount}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def chromium_path() -> str | None:
    """PRAVO_CHROMIUM, else Debian's /usr/bin/chromium, else Playwright's own browser."""
    configured = os.environ.get("PRAVO_CHROMIUM")
    if configured:
        return configured
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def phone(browser):
    """A fresh browser context the size of a cheap phone; nothing shared between tests."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    yield context
    context.close()


# Tiers: `make test-fast` leaves out what drives a browser or builds a site (`-m "not browser and
# not slow"`); CI runs everything. A test is marked by what it uses, so nobody has to remember to.
BROWSER_FIXTURES = {"browser", "phone", "bench_browser"}
BUILT_SITE_FIXTURES = {"site", "subpath_site", "search_site", "discreet_site", "fallback_site",
                       "plain_site", "ky_site", "hosts"}
BUILDS = ("mkdocs_build(", "fixture_project(", "engine_build(", "build.build(", "bench.build(")


def pytest_collection_modifyitems(config, items):
    import inspect

    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        function = getattr(item, "function", None)
        source = inspect.getsource(function) if function else ""
        if names & BUILT_SITE_FIXTURES or any(call in source for call in BUILDS):
            item.add_marker(pytest.mark.slow)
