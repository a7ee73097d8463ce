"""Page-weight budgets, measured in Chromium against a plain Material + i18n build of the same
Markdown (scripts/bench.py does the same with timings; times are not asserted here)."""
from __future__ import annotations

import pytest

import bench

ARTICLES = ["raid/protocol/", "rights/kyrgyzstan/", "en/trafficking/palermo/"]
BUDGET_GZIP = 70 * 1024
BUDGET_RATIO = 0.7


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("plain")
    bench.build(bench.plain_config(work), work / "site", strict=False)
    return work / "site"


@pytest.fixture(scope="module")
def hosts(site, plain_site):
    served = {}
    for name, folder in (("ours", site), ("plain", plain_site)):
        base, server = bench.serve(folder)
        served[name] = (server, base, folder)
    yield served
    for server, _, _ in served.values():
        server.shutdown()


@pytest.fixture
def bench_browser(browser):
    return browser  # the session's Chromium (one Playwright per process)


@pytest.mark.parametrize("path", ARTICLES)
def test_first_visit_of_an_article_is_within_budget(hosts, bench_browser, path):
    ours = bench.first_visit(bench_browser, *hosts["ours"], path)
    plain = bench.first_visit(bench_browser, *hosts["plain"], path)
    assert ours["gzip"] <= BUDGET_GZIP, f"{path}: {ours['gzip']} bytes gzip: {ours['files']}"
    assert ours["gzip"] <= BUDGET_RATIO * plain["gzip"], f"{path}: {ours['gzip']} vs plain {plain['gzip']}"
    assert ours["foreign"] == 0
    assert not [f for f in ours["files"] if f.startswith("search/")], "search is fetched only when the reader searches"
    assert not [f for f in ours["files"] if f.split("?")[0].endswith((".woff", ".woff2", ".ttf"))], "no web fonts"


@pytest.mark.parametrize("first, second", [("", "raid/protocol/"), ("en/raid/", "en/rights/russia/")])
def test_a_second_page_transfers_only_its_html(hosts, bench_browser, first, second):
    visit = bench.repeat_visit(bench_browser, *hosts["ours"], first, second)
    assert visit["files"] == [second], f"besides the page, the browser fetched again: {visit['files']}"


def test_the_host_is_told_to_keep_assets(site):
    headers = (site / "_headers").read_text(encoding="utf-8")
    for folder in ("/assets/stylesheets/*", "/assets/js/*", "/assets/css/*"):
        assert f"{folder}\n  Cache-Control: public, max-age=31536000, immutable" in headers
    page = (site / "raid" / "protocol" / "index.html").read_text(encoding="utf-8")
    assert "assets/css/pravo.css?v=" in page and "assets/js/search.js?v=" in page, "our assets carry a content version"
