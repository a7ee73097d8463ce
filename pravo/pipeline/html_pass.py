"""One pass over every HTML page of the built site, and the `_headers` file.

Every page — articles, 404 pages, redirect pages — gets:
- the Content-Security-Policy as a <meta> tag right after <meta charset> (for hosts that cannot
  send headers). The policy allows scripts only from the site itself: the site has no inline
  script at all, so the policy needs no hashes, and an injected one cannot run;
- no `<meta name="generator">` (it tells an onlooker which tool made the site, also in discreet mode);
- no `autocomplete` on Material's menu and search toggles (checkboxes in its base.html, which we do
  not copy): HTML allows it only on text-like inputs (tests/test_validity.py). Material added it so
  Firefox would not reopen the menu after a reload; a reader closes it with one tap, and a script
  resetting it would also close a menu opened while the page was still loading on slow data;
- <link rel="alternate" hreflang>: the twin's full address;
- in the article, every link's full address as data-print-href (the print stylesheet shows it on paper);
- in the article, every table focusable, so a keyboard can scroll a wide one (WCAG 2.1.1).

The same policy, with what only a header can carry, goes into `_headers` (Netlify, Cloudflare Pages).
"""
from __future__ import annotations

import re
from urllib.parse import urljoin

from pravo.pipeline import Build

POLICY = {
    "default-src": ["'none'"],
    "script-src": ["'self'"],  # our own files only: no inline code, no eval, no WebAssembly
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
}
# Only as HTTP headers: browsers ignore these in a <meta> tag.
HEADER_ONLY_POLICY = {"frame-ancestors": ["'none'"]}
HEADERS = {
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                          "interest-cohort=(), browsing-topics=()",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # A hostile network cannot downgrade a later visit to plain http.
    "Strict-Transport-Security": "max-age=31536000",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# Files whose address changes when their content does (Material's hashed names, our ?v= query):
# browsers may keep them for a year, so a second page costs only its HTML.
LONG_CACHE = ["/assets/stylesheets/*", "/assets/css/*", "/assets/js/*"]
CACHE_FOREVER = "public, max-age=31536000, immutable"

CHARSET = re.compile(r'<meta charset="utf-8">', re.I)
GENERATOR = re.compile(r'\s*<meta name="generator"[^>]*>')
TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*\btype="checkbox"[^>]*?) autocomplete="off"')
ARTICLE = re.compile(r"(<article\b.*?</article>)", re.S)
LINK = re.compile(r'<a\b([^>]*?)\bhref="([^"#][^"]*)"([^>]*)>')
TABLE = re.compile(r"<table(?![^>]*\btabindex=)")
LINK_TAG = re.compile(r"<link\b[^>]*>")
HREF = re.compile(r'\bhref="([^"]*)"')


def policy_text(extra: dict | None = None) -> str:
    policy = {**POLICY, **(extra or {})}
    return "; ".join(f"{name} {' '.join(values)}" for name, values in policy.items())


def meta_tag() -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{policy_text()}">'


def print_addresses(article: str, base: str) -> str:
    def add(match: re.Match) -> str:
        before, href, after = match.groups()
        if "data-print-href" in before + after or "headerlink" in before + after:
            return match.group(0)
        return f'<a{before}href="{href}" data-print-href="{urljoin(base, href)}"{after}>'
    return TABLE.sub('<table tabindex="0"', LINK.sub(add, article))


def absolute_alternates(html: str, base: str) -> str:
    """The other language's address in <link rel="alternate" hreflang> in full: search engines
    ignore a relative one (Lighthouse's "hreflang" audit). Nothing fetches it, so the offline
    copies lose nothing."""
    def fix(match: re.Match) -> str:
        tag = match.group(0)
        if 'rel="alternate"' not in tag or "hreflang=" not in tag:
            return tag
        return HREF.sub(lambda h: f'href="{urljoin(base, h.group(1))}"', tag, count=1)
    return LINK_TAG.sub(fix, html)


def page(html: str, base: str, with_policy: bool) -> str:
    html = absolute_alternates(TOGGLE_AUTOCOMPLETE.sub(r"\1", GENERATOR.sub("", html)), base)
    if with_policy and "Content-Security-Policy" not in html:
        # Right after <meta charset>, before anything the policy must cover.
        html = CHARSET.sub(lambda m: m.group(0) + meta_tag(), html, count=1)
    return ARTICLE.sub(lambda m: print_addresses(m.group(1), base), html, count=1)


def run(build: Build) -> None:
    for path in sorted(build.site.rglob("*.html")):
        if path.is_symlink():
            continue  # never followed: the audit reports it
        address = path.relative_to(build.site).as_posix()
        base = urljoin(build.site_url, address[: -len("index.html")] if address.endswith("index.html") else address)
        text = path.read_text(encoding="utf-8")
        new = page(text, base, with_policy=not build.preview)
        if new != text:
            path.write_text(new, encoding="utf-8")


def headers_file() -> str:
    lines = ["/*", f"  Content-Security-Policy: {policy_text(HEADER_ONLY_POLICY)}"]
    lines += [f"  {name}: {value}" for name, value in HEADERS.items()]
    for pattern in LONG_CACHE:
        lines += ["", pattern, f"  Cache-Control: {CACHE_FOREVER}"]
    return "\n".join(lines) + "\n"


def write_headers(build: Build) -> None:
    (build.site / "_headers").write_text(headers_file(), encoding="utf-8")
