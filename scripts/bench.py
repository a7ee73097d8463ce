"""Pravo against a plain MkDocs + Material + i18n build of the same Markdown, side by side.

    python scripts/bench.py            # or: make bench
    python scripts/bench.py --quick    # no synthetic sites, one paint run: for a first look

It builds the real content twice — with mkdocs.yml, and with a plain configuration (Material's
defaults, its search plugin, mkdocs-static-i18n; no hooks, no theme overrides) — serves each
the way a well-configured static host would (gzip, a year of caching for files whose address
changes with their content), and measures in headless Chromium:

- first visit: every request a page makes, with gzip-9 and brotli sizes of each body;
- repeat visit: a second page opened after the first, what is transferred again;
- first and largest contentful paint under emulated slow 3G, median of several runs;
- build time of both configurations on the real site and on synthetic sites of 100, 250
  and 500 pages per language;
- one search query on the real site: what it downloads, by kind of file;
- Lighthouse (mobile) on each page type of both builds, when Node.js is there: its version is
  pinned in bench/package.json and bench/package-lock.json (`npm ci` runs on first use).

Requests to other origins are refused and counted (Material's default Google Fonts).
The table goes to the terminal and to bench/latest.md, the numbers to bench/latest.json.
The plain build's pages lack what our hooks render (legal text, contacts), so its HTML is a
little smaller: the comparison flatters it, not us.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import brotli
import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench"
PAGES = ["", "raid/protocol/", "rights/kyrgyzstan/", "trafficking/palermo/",
         "en/", "en/raid/protocol/", "en/rights/kyrgyzstan/"]
REPEAT = [("", "raid/protocol/"), ("en/", "en/rights/kyrgyzstan/")]
# Slow 3G as Lighthouse defines it: 400 ms round trip, 400 kbit/s each way.
SLOW_3G = {"offline": False, "latency": 400, "downloadThroughput": 400 * 1024 / 8,
           "uploadThroughput": 400 * 1024 / 8}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 # Every host but the local test server fails at once, as behind a firewall.
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
# One page of each type (issue 21): home, country page, raid page, self-check, incident record, glossary.
LIGHTHOUSE_PAGES = ["", "rights/kyrgyzstan/", "raid/protocol/", "trafficking/self-check/",
                    "raid/incident-record/", "journalists/glossary/"]
LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
HASHED = re.compile(r"(\.[0-9a-f]{8}\.min\.(js|css)$)|([?&]v=[0-9a-f]+$)")
TEXT_TYPES = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".mjs")


# -- building ------------------------------------------------------------------------

def plain_config(workdir: Path) -> Path:
    """mkdocs.yml reduced to what a plain Material + i18n site would have."""
    ours = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    i18n = next(p["i18n"] for p in ours["plugins"] if isinstance(p, dict) and "i18n" in p)
    config = {
        "site_name": ours["site_name"],
        "site_url": "https://pravo.example.org/",
        "docs_dir": str(ROOT / "docs"),
        "theme": {"name": "material", "language": "ru"},
        "plugins": ["search", {"i18n": {"docs_structure": "folder", "languages": i18n["languages"]}}],
        "markdown_extensions": ours.get("markdown_extensions", []),
        "nav": ours.get("nav"),
    }
    path = workdir / "plain.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml's !ENV and !!python tags as plain values."""


_Loader.add_constructor("!ENV", lambda loader, node: (loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode)
                                                      else [loader.construct_scalar(node)])[-1])
_Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: suffix)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/object", lambda loader, suffix, node: suffix)


def check_time() -> float:
    """`make check` on the real content, in seconds (a fresh process, as a volunteer runs it)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py")], check=True, capture_output=True)
    return round(time.perf_counter() - start, 2)


def build(config: Path, site: Path, strict: bool) -> float:
    start = time.perf_counter()
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    result = subprocess.run(command + (["--strict"] if strict else []), capture_output=True, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    if result.returncode != 0:
        sys.exit(f"build of {config} failed:\n{result.stdout}\n{result.stderr}")
    return time.perf_counter() - start


# -- serving like a static host --------------------------------------------------------

class _HostHandler(SimpleHTTPRequestHandler):
    """gzip for text, a year of cache for content-addressed files, revalidation for the rest."""

    def log_message(self, *args):
        pass

    def log_request(self, code="-", size="-"):
        self.server.log.append((self.path, int(code) if str(code).isdigit() else 0))

    def end_headers(self):
        cacheable = HASHED.search(self.path)
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if cacheable else "no-cache")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if ("gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file()
                or path.suffix not in TEXT_TYPES):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 9)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        from io import BytesIO
        return BytesIO(body)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a browser that closes a connection early is not news


def serve(site: Path) -> tuple[str, ThreadingHTTPServer]:
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_HostHandler, directory=str(site)))
    server.log = []  # (path, status) of every request that reached the server
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


# -- measuring in Chromium ------------------------------------------------------------

def launch(playwright):
    executable = os.environ.get("PRAVO_CHROMIUM") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


class Visit:
    """What one navigation cost, as the server saw it: a request the browser answered from its
    cache never reaches the server. Sizes are of the local files compressed here, so they do
    not depend on the test server. Requests to other origins are counted from the browser."""

    def __init__(self, page, server, base: str, site: Path):
        self.server, self.base, self.site, self.foreign, self.seen = server, base, site, [], []
        page.on("request", lambda r: None if r.url.startswith((base, "data:")) else self.foreign.append(r.url))

    def __enter__(self):
        self.server.log.clear()
        return self

    def __exit__(self, *exc):
        self.seen = list(self.server.log)

    def totals(self) -> dict:
        rows = []
        for path, status in self.seen:
            relative = path.lstrip("/")
            local = self.site / relative.split("?")[0]
            if local.is_dir():
                local = local / "index.html"
            raw = local.read_bytes() if status == 200 and local.is_file() else b""
            rows.append({"url": relative, "status": status, "gzip": len(gzip.compress(raw, 9)) if raw else 0,
                         "br": len(brotli.compress(raw, quality=11)) if raw else 0})
        transferred = [r for r in rows if r["status"] == 200]
        return {"requests": len(rows) + len(self.foreign), "transferred": len(transferred),
                "gzip": sum(r["gzip"] for r in transferred), "br": sum(r["br"] for r in transferred),
                "foreign": len(self.foreign), "files": [r["url"] for r in transferred]}


def first_visit(browser, server, base: str, site: Path, path: str) -> dict:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    with Visit(page, server, base, site) as visit:
        page.goto(base + path, wait_until="networkidle")
        page.wait_for_timeout(500)  # late fetches (a search index) count too
    context.close()
    return visit.totals()


def repeat_visit(browser, server, base: str, site: Path, first: str, second: str) -> dict:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base + first, wait_until="networkidle")
    page.wait_for_timeout(500)
    with Visit(page, server, base, site) as visit:
        page.goto(base + second, wait_until="networkidle")
        page.wait_for_timeout(500)
    context.close()
    return visit.totals()


PAINT = """() => new Promise(resolve => {
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  new PerformanceObserver(list => {
    const entries = list.getEntries();
    resolve({fcp: fcp ? fcp.startTime : null, lcp: entries[entries.length - 1].startTime});
  }).observe({type: "largest-contentful-paint", buffered: true});
  setTimeout(() => resolve({fcp: fcp ? fcp.startTime : null, lcp: null}), 3000);
})"""


def paints(browser, base: str, path: str, runs: int) -> dict:
    fcp, lcp = [], []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_3G)
        page.goto(base + path, wait_until="load", timeout=120_000)
        result = page.evaluate(PAINT)
        fcp.append(result["fcp"])
        lcp.append(result["lcp"])
        context.close()
    median = lambda values: round(statistics.median(v for v in values if v is not None)) if any(v is not None for v in values) else None  # noqa: E731
    return {"fcp_ms": median(fcp), "lcp_ms": median(lcp), "runs": runs}


# -- search -----------------------------------------------------------------------------------

SEARCH_FIXTURE = ROOT / "tests" / "fixtures" / "search-site"
# Each query must find these six Russian pages (five noun forms and one verb) and no English page.
SEARCH_QUERIES = ["задержание", "задержания", "задержании", "задержали"]
# Queries a reader types on the real site (the review measured «задержали»: 147 KB gzip).
REAL_QUERIES = ["задержали", "протокол", "штраф", "мигрант"]
SEARCH_EXPECTED = {"zaderzhanie", "zaderzhaniya", "zaderzhanii", "zaderzhaniyu", "zaderzhaniem", "zaderzhali"}
SEARCH_UI = {  # (open, input, result links, meta) for each configuration's search box
    "ours": ("label.md-header__button[for='__search']", "[data-pravo-search-input]",
             "[data-pravo-search-result] .md-search-result__list a", "[data-pravo-search-result] .md-search-result__meta"),
    "plain": ("label.md-header__button[for='__search']", "input.md-search__input",
              ".md-search-result__list a", ".md-search-result__meta"),
}


def search_fixture(work: Path, ours: bool) -> Path:
    """The search fixture as a project of each configuration (as the tests build it)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from sitebuild import fixture_project  # noqa: E402
    project = work / ("search-ours" if ours else "search-plain")
    if ours:
        return fixture_project(SEARCH_FIXTURE, project)
    shutil.copytree(SEARCH_FIXTURE / "docs", project / "docs")
    plain = yaml.safe_load(plain_config(work).read_text(encoding="utf-8"))
    plain.pop("nav", None)
    plain["docs_dir"] = str(project / "docs")
    (project / "mkdocs.yml").write_text(yaml.safe_dump(plain, allow_unicode=True), encoding="utf-8")
    return project / "mkdocs.yml"


MORE = ".pravo-search-more button"  # Pravo shows a few results, then more on request


def run_query(browser, server, base: str, site: Path, ui: tuple, query: str, start: str = "",
              every_result: bool = False) -> dict:
    """Open a Russian page, search, and return the result paths and what the search cost.
    every_result: also ask for the rest of the results (for recall); off, the cost is one query's."""
    open_button, box, links, meta = ui
    context = browser.new_context(viewport={"width": 360, "height": 740})  # where the search button shows
    page = context.new_page()
    with Visit(page, server, base, site) as visit:
        page.goto(base + start, wait_until="networkidle")
        page.click(open_button)
        page.fill(box, query)
        page.wait_for_timeout(1500)  # both searches answer within this on a local server
        while every_result and page.locator(MORE).count():
            page.click(MORE)
            page.wait_for_timeout(500)
        found = page.eval_on_selector_all(links, "links => links.map(a => new URL(a.href).pathname)")
    context.close()
    search_files = [f for f in visit.totals()["files"] if is_search_file(f)]
    return {"found": found, "files": search_files, "visit": visit}


def is_search_file(f: str) -> bool:
    """Pravo's search.js, stemmer and index (search/), or Material's lunr and its index."""
    return "search" in f or "lunr" in f or "snowball-" in f


def search_bytes(visit: Visit) -> int:
    rows = visit.totals()
    return sum(len(gzip.compress((visit.site / f.split("?")[0]).read_bytes(), 9)) for f in rows["files"]
               if is_search_file(f) and (visit.site / f.split("?")[0]).is_file())


def compare_search(browser, work: Path) -> dict:
    results = {}
    for name in ("ours", "plain"):
        config = search_fixture(work, name == "ours")
        site = config.parent / "site"
        seconds = build(config, site, strict=False)
        base, server = serve(site)
        rows = {}
        for query in SEARCH_QUERIES:
            outcome = run_query(browser, server, base, site, SEARCH_UI[name], query, every_result=True)
            first = run_query(browser, server, base, site, SEARCH_UI[name], query)  # the cost of the query alone
            paths = {p.strip("/").split("/")[-1] for p in outcome["found"]}
            rows[query] = {"found_expected": len(paths & SEARCH_EXPECTED), "of": len(SEARCH_EXPECTED),
                           "english": sum(1 for p in outcome["found"] if p.startswith("/en/")),
                           "search_kb_gzip": round(search_bytes(first["visit"]) / 1024, 1)}
        server.shutdown()
        results[name] = {"build_s": round(seconds, 1), "queries": rows}
    return results


def search_parts(visit: Visit) -> dict[str, float]:
    """KB gzip of one query by kind of file: code, engine (wasm), index, page fragments."""
    parts = {"code": 0, "engine": 0, "index": 0, "fragments": 0}
    for f in visit.totals()["files"]:
        local = visit.site / f.split("?")[0]
        if not local.is_file() or not is_search_file(f):
            continue
        size = len(gzip.compress(local.read_bytes(), 9))
        kind = ("engine" if "wasm" in f or "snowball-" in f else "fragments" if re.search(r"search/\w+/p/", f)
                else "index" if re.search(r"search/\w+/(w/|meta)", f) else "code")
        parts[kind] += size
    return {k: round(v / 1024, 1) for k, v in parts.items()}


def real_site_search(browser, server, base: str, site: Path, ui: tuple) -> dict:
    """What one query costs on the real site, on a fresh visit, and what it finds first."""
    rows = {}
    for query in REAL_QUERIES:
        outcome = run_query(browser, server, base, site, ui, query)
        rows[query] = {"kb_gzip": round(search_bytes(outcome["visit"]) / 1024, 1), "results": len(outcome["found"]),
                       "parts": search_parts(outcome["visit"])}
    return rows


def query_cost_at_scale(browser, site: Path, ours: bool, query: str = "протокол") -> float:
    """KB gzip a reader downloads to search once on a synthetic site."""
    base, server = serve(site)
    outcome = run_query(browser, server, base, site, SEARCH_UI["ours" if ours else "plain"], query, start="page-000/")
    server.shutdown()
    return round(search_bytes(outcome["visit"]) / 1024, 1)


# -- Lighthouse -------------------------------------------------------------------------------

def lighthouse_ready() -> Path | None:
    """bench/node_modules/.bin/lighthouse, installed from the lock file on first use; None without Node."""
    binary = OUT / "node_modules" / ".bin" / "lighthouse"
    if binary.exists():
        return binary
    if not shutil.which("npm"):
        return None
    result = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=OUT,
                            capture_output=True, text=True)
    return binary if result.returncode == 0 and binary.exists() else None


def lighthouse(binary: Path, base: str, path: str) -> dict:
    """Lighthouse's four category scores for one page, mobile, with its own simulated throttling."""
    chromium = os.environ.get("PRAVO_CHROMIUM") or "/usr/bin/chromium"
    with tempfile.TemporaryDirectory(prefix="pravo-lh-") as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run([str(binary), base + path, "--quiet", "--output=json", f"--output-path={report}",
                        f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
                        "--chrome-flags=" + " ".join(CHROMIUM_ARGS)],
                       env=dict(os.environ, CHROME_PATH=chromium), capture_output=True, text=True, timeout=600)
        if not report.exists():
            return {}
        data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: data["categories"][name]["score"] for name in LIGHTHOUSE_CATEGORIES}
    failing = sorted(audit for name in LIGHTHOUSE_CATEGORIES for ref in data["categories"][name]["auditRefs"]
                     if ref["weight"] and (audit := ref["id"]) and data["audits"][audit]["score"] is not None
                     and data["audits"][audit]["score"] < 1 and name != "performance")
    return {**scores, "below_1": failing}


# -- synthetic sites ---------------------------------------------------------------------

def synthetic(workdir: Path, pages: int, ours: bool) -> Path:
    """A project with `pages` copies of a real article per language (and the real home pages)."""
    project = workdir / f"{'ours' if ours else 'plain'}-{pages}"
    shutil.rmtree(project, ignore_errors=True)
    docs = project / "docs"
    # Only the scripts every page loads: the copies of one article load no tool script (self-check,
    # incident record, offline), and the audit refuses a script that no page loads.
    every_page = {Path(entry).name for entry in re.findall(r"^  - (assets/js/\S+)$",
                                                           (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)}
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets",
                    ignore=lambda folder, names: [n for n in names if n.endswith(".js") and n not in every_page
                                                  and not n.startswith("snowball-")])  # search loads these
    for lang in ("ru", "en"):
        (docs / lang).mkdir(parents=True)
        shutil.copy(ROOT / "docs" / lang / "index.md", docs / lang / "index.md")
        article = (ROOT / "docs" / lang / "raid" / "protocol.md").read_text(encoding="utf-8")
        article = re.sub(r"^translated_from:\n(  .*\n)+", "", article, flags=re.M)
        article = re.sub(r"\]\((?!https?:)[^)]*\)", "](index.md)", article)  # links stay inside the copy
        for n in range(pages):
            (docs / lang / f"page-{n:03}.md").write_text(article.replace("title: ", f"title: {n} ", 1), encoding="utf-8")
    if ours:
        for folder in ("overrides", "data", "i18n", "scripts"):
            shutil.copytree(ROOT / folder, project / folder)
        # The corrections log names the real pages, which a synthetic site does not have.
        (project / "data" / "corrections.yml").write_text("corrections: []\n", encoding="utf-8")
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        config = re.sub(r"^nav:\n(?:[ -].*\n?)*", "", config, flags=re.M)
        (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    else:
        plain = yaml.safe_load(plain_config(workdir).read_text(encoding="utf-8"))
        plain.pop("nav", None)
        plain["docs_dir"] = str(docs)
        (project / "mkdocs.yml").write_text(yaml.safe_dump(plain, allow_unicode=True), encoding="utf-8")
    return project / "mkdocs.yml"


# -- report ---------------------------------------------------------------------------------

def ratio(ours, plain) -> str:
    return f"{ours / plain:.2f}×" if ours and plain else "—"


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def report(results: dict) -> str:
    lines = ["# Pravo vs plain MkDocs + Material + i18n", "",
             f"Measured {results['date']} with `python scripts/bench.py`{' --quick' if results['quick'] else ''} "
             f"({results['machine']}). Sizes are of the files compressed with gzip -9 and brotli -11; "
             "requests to other origins were refused and are counted separately.", "",
             "## First visit (empty cache)", "",
             "| page | Pravo KB gzip | plain KB gzip | ratio | Pravo KB br | plain KB br | Pravo requests | plain requests | plain 3rd-party |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for path in results["pages"]:
        o, p = results["ours"]["first"][path], results["plain"]["first"][path]
        lines.append(f"| /{path} | {kb(o['gzip'])} | {kb(p['gzip'])} | {ratio(o['gzip'], p['gzip'])} | {kb(o['br'])} | "
                     f"{kb(p['br'])} | {o['requests']} | {p['requests']} | {p['foreign']} |")
    lines += ["", "## Repeat visit (second page, first page's files cached)", "",
              "| pages | Pravo KB gzip | plain KB gzip | ratio | Pravo files transferred | plain files transferred |",
              "| --- | ---: | ---: | ---: | --- | --- |"]
    for first, second in results["repeat"]:
        key = f"{first} → {second}"
        o, p = results["ours"]["repeat"][key], results["plain"]["repeat"][key]
        lines.append(f"| /{first} → /{second} | {kb(o['gzip'])} | {kb(p['gzip'])} | {ratio(o['gzip'], p['gzip'])} | "
                     f"{', '.join(o['files'])} | {', '.join(p['files'])} |")
    lines += ["", f"## Paint under slow 3G (400 ms RTT, 400 kbit/s), median of {results['paint_runs']} runs", "",
              "| page | Pravo FCP ms | plain FCP ms | Pravo LCP ms | plain LCP ms | LCP ratio |",
              "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for path in results["paint_pages"]:
        o, p = results["ours"]["paint"][path], results["plain"]["paint"][path]
        lines.append(f"| /{path} | {o['fcp_ms']} | {p['fcp_ms']} | {o['lcp_ms']} | {p['lcp_ms']} | {ratio(o['lcp_ms'], p['lcp_ms'])} |")
    if results.get("search"):
        lines += ["", "## Search: the inflection fixture (tests/fixtures/search-site)", "",
                  "Each query should find 6 Russian pages (five noun forms, one verb) and no English page. "
                  "Found: every result, after asking for more where Pravo shows a few at a time. "
                  "KB gzip: every search file the reader downloads for the query's first answer, on a fresh visit.", "",
                  "| query | Pravo found | plain (Material lunr) found | Pravo English results | plain English results | Pravo KB | plain KB |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for query in SEARCH_QUERIES:
            o, p = results["search"]["ours"]["queries"][query], results["search"]["plain"]["queries"][query]
            lines.append(f"| «{query}» | {o['found_expected']}/{o['of']} | {p['found_expected']}/{p['of']} | {o['english']} | "
                         f"{p['english']} | {o['search_kb_gzip']} | {p['search_kb_gzip']} |")
        lines.append(f"\nBuild of the fixture: Pravo {results['search']['ours']['build_s']} s, plain {results['search']['plain']['build_s']} s.")
    if results["ours"].get("search_real"):
        lines += ["", "## Search on the real site: one query on a fresh visit (budget: 100 KB gzip)", "",
                  "KB gzip of every search file downloaded until the first results show; Pravo's split into code "
                  "(search.js), engine (the stemmer), index (meta and word files) and page files.", "",
                  "| query | Pravo KB | plain KB | ratio | Pravo results shown | Pravo code | engine | index | fragments |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for query in REAL_QUERIES:
            o, p = results["ours"]["search_real"][query], results["plain"]["search_real"][query]
            parts = o["parts"]
            lines.append(f"| «{query}» | {o['kb_gzip']} | {p['kb_gzip']} | {ratio(o['kb_gzip'], p['kb_gzip'])} | {o['results']} | "
                         f"{parts['code']} | {parts['engine']} | {parts['index']} | {parts['fragments']} |")
    if results["ours"].get("lighthouse"):
        lines += ["", "## Lighthouse (mobile; its simulated slow 4G and mid-range phone)", "",
                  "Scores 0–1: performance, accessibility, best practices, SEO; then the audits below 1 "
                  "(performance aside). The plain build is served the same way.", "",
                  "| page | Pravo perf | a11y | best | SEO | plain perf | a11y | best | SEO | Pravo audits below 1 |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
        for path in LIGHTHOUSE_PAGES:
            o, p = results["ours"]["lighthouse"].get(path, {}), results["plain"].get("lighthouse", {}).get(path, {})
            cells = [str(o.get(c, "—")) for c in LIGHTHOUSE_CATEGORIES] + [str(p.get(c, "—")) for c in LIGHTHOUSE_CATEGORIES]
            lines.append(f"| /{path} | " + " | ".join(cells) + f" | {', '.join(o.get('below_1', [])) or '—'} |")
    elif "lighthouse" not in results["ours"]:
        lines += ["", "Lighthouse: not measured (needs Node.js 18 or newer and npm; `npm ci` in bench/ installs it)."]
    if results.get("search_at_scale"):
        lines += ["", "## Search on synthetic sites: KB gzip to run one query («протокол»)", "",
                  "| pages per language | Pravo | plain (Material lunr) |", "| ---: | ---: | ---: |"]
        for pages, row in results["search_at_scale"].items():
            lines.append(f"| {pages} | {row['ours']} | {row['plain']} |")
    if "check_s" in results:
        lines += ["", f"`make check` on the real content: {results['check_s']} s (one run, a fresh process)."]
    lines += ["", "## Build time (seconds, one build each)", "",
              "| site | Pravo | plain | ratio |", "| --- | ---: | ---: | ---: |"]
    for name, times in results["builds"].items():
        lines.append(f"| {name} | {times['ours']:.1f} | {times['plain']:.1f} | {ratio(times['ours'], times['plain'])} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the synthetic sites; one paint run")
    parser.add_argument("--runs", type=int, default=5, help="paint runs per page (median)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    runs = 1 if args.quick else args.runs
    results = {"date": time.strftime("%Y-%m-%d"), "quick": args.quick, "machine": f"{os.cpu_count()} CPU, Python {sys.version.split()[0]}",
               "pages": PAGES, "repeat": REPEAT, "paint_pages": PAGES[:2] + PAGES[4:5], "paint_runs": runs,
               "builds": {}, "ours": {}, "plain": {}}
    with tempfile.TemporaryDirectory(prefix="pravo-bench-") as tmp:
        work = Path(tmp)
        sites = {"ours": work / "ours-site", "plain": work / "plain-site"}
        # Pravo keeps drawn pocket cards in .cache/ (by content): a volunteer's rebuild draws none.
        # Both are measured: the first build on a fresh clone, and a rebuild.
        shutil.rmtree(ROOT / ".cache" / "pravo" / "cards", ignore_errors=True)
        plain_config_file = plain_config(work)
        results["builds"]["real site, first build (cards drawn)"] = {
            "ours": build(ROOT / "mkdocs.yml", sites["ours"], strict=True),
            "plain": build(plain_config_file, sites["plain"], strict=False)}
        results["builds"]["real site, rebuild"] = {
            "ours": build(ROOT / "mkdocs.yml", sites["ours"], strict=True),
            "plain": build(plain_config_file, sites["plain"], strict=False)}
        results["check_s"] = check_time()
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for name, site in sites.items():
                base, server = serve(site)
                results[name]["first"] = {p: first_visit(browser, server, base, site, p) for p in PAGES}
                results[name]["repeat"] = {f"{a} → {b}": repeat_visit(browser, server, base, site, a, b) for a, b in REPEAT}
                results[name]["paint"] = {p: paints(browser, base, p, runs) for p in results["paint_pages"]}
                results[name]["search_real"] = real_site_search(browser, server, base, site, SEARCH_UI[name])
                binary = lighthouse_ready()
                if binary:
                    results[name]["lighthouse"] = {p: lighthouse(binary, base, p) for p in LIGHTHOUSE_PAGES}
                server.shutdown()
            results["search"] = compare_search(browser, work)
            browser.close()
        if not args.quick:
            for pages in (100, 250, 500):
                results["builds"][f"synthetic, {pages} pages per language"] = {
                    "ours": build(synthetic(work, pages, True), work / f"s-ours-{pages}", strict=False),
                    "plain": build(synthetic(work, pages, False), work / f"s-plain-{pages}", strict=False)}
            with sync_playwright() as playwright:
                browser = launch(playwright)
                results["search_at_scale"] = {pages: {"ours": query_cost_at_scale(browser, work / f"s-ours-{pages}", True),
                                                      "plain": query_cost_at_scale(browser, work / f"s-plain-{pages}", False)}
                                              for pages in (100, 250, 500)}
                browser.close()
    text = report(results)
    print(text)
    OUT.mkdir(exist_ok=True)
    (OUT / "latest.md").write_text(text, encoding="utf-8")
    (OUT / "latest.json").write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"Written to {OUT / 'latest.md'} and {OUT / 'latest.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
