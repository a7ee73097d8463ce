"""Security headers from one definition: a <meta> Content-Security-Policy in every
page (for hosts without header control) and a `_headers` file (Netlify,
Cloudflare Pages) with the same policy plus the headers a <meta> cannot carry.

Inline scripts are allowed by their SHA-256 hash, computed from the built page,
never by 'unsafe-inline'.
"""
from __future__ import annotations

import base64
import hashlib
import re
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))
import site_paths  # noqa: E402

# The policy, minus script hashes. Pagefind runs WebAssembly ('wasm-unsafe-eval').
POLICY = {
    "default-src": ["'none'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
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
}

# Files whose address changes when their content does (Material's hashed names, our ?v=
# query from asset_versions.py): browsers may keep them for a year, so a second page
# costs only its HTML. Pages themselves are always revalidated.
LONG_CACHE = ["/assets/stylesheets/*", "/assets/javascripts/*", "/assets/css/*", "/assets/js/*"]
CACHE_FOREVER = "public, max-age=31536000, immutable"

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
STATE = {"serve": False, "hashes": set()}


def script_hashes(html: str) -> list[str]:
    """'sha256-…' of every inline script the browser would run."""
    found = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if "src=" in attrs or re.search(r'type="(?!text/javascript|module)[^"]*"', attrs):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        found.append("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return sorted(set(found))


def policy_text(hashes, extra: dict | None = None) -> str:
    policy = {k: list(v) for k, v in POLICY.items()}
    policy["script-src"] += list(hashes)
    policy.update(extra or {})
    return "; ".join(f"{name} {' '.join(values)}" for name, values in policy.items())


def with_meta(html: str) -> str:
    hashes = script_hashes(html)
    STATE["hashes"].update(hashes)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_text(hashes)}">'
    # Right after <meta charset>, before anything the policy must cover.
    return re.sub(r'(<meta charset="utf-8">)', r"\1" + meta, html, count=1)


def on_startup(command, dirty):
    # `mkdocs serve` injects its live-reload script into every page; a policy
    # would block it. The preview goes without; built sites always have it.
    STATE["serve"] = command == "serve"


def on_post_page(output, page, config):
    return output if STATE["serve"] else with_meta(output)


def on_post_template(output_content, template_name, config):
    if STATE["serve"] or template_name != "404.html" or not output_content.strip():
        return output_content
    return with_meta(output_content)


def headers_file() -> str:
    lines = ["/*", f"  Content-Security-Policy: {policy_text(sorted(STATE['hashes']), HEADER_ONLY_POLICY)}"]
    lines += [f"  {name}: {value}" for name, value in HEADERS.items()]
    for pattern in LONG_CACHE:
        lines += ["", pattern, f"  Cache-Control: {CACHE_FOREVER}"]
    return "\n".join(lines) + "\n"


# After mkdocs-static-i18n (-100) has built every language.
@event_priority(-150)
def on_post_build(config):
    if STATE["serve"] or not site_paths.last_language_built(config):
        return
    Path(config.site_dir, "_headers").write_text(headers_file(), encoding="utf-8")
