"""Audit of a finished static site, run after the build and before the site is published.

One pass over every file in the output folder, whatever put it there (a page, a data file, a UI
string, a template, a file copied from docs/). Nothing here imports MkDocs: the audit only reads
the output, so it also holds for what a hook, a plugin or the theme produced.

What is checked (the allowlist is `Policy`; `DEFAULT_POLICY` is Pravo's site):

* HTML is parsed as a browser parses it (`tinyhtml5`, an HTML5-spec parser, with scripting on, so
  `<noscript>`/`<title>` break-outs, entities such as `jav&#x61;script:`, upper case, tabs and
  multi-line tags are seen as the browser sees them). Only known elements and attributes; no
  event handler (`on…`), no `<base>`, no `<script>` except the site's own files (or an inline body
  whose hash the policy lists), no `<iframe>`/`<object>`/`<embed>`, no form that sends anything,
  no `<meta http-equiv>` other than the security policy, no inline style, no `ping`/`srcdoc`/
  `formaction`/`background`.
* URLs are read as the WHATWG URL parser reads them for the scheme and host (leading and trailing
  controls and spaces dropped, tabs and newlines removed, `\\` = `/`, scheme in any case). Links
  may use http, https, mailto, tel or a relative address; everything the browser *loads* (src,
  srcset, stylesheets, icons, CSS `url()`, SVG `href`) must come from the site itself.
* Inline SVG and `.svg` files: no script, no event handler, no `foreignObject`, no animation, no
  external reference. XML files (feed, sitemap): no DOCTYPE, no processing instruction, no HTML
  or SVG inside. CSS files: no `url()`/`@import` from another site, no `expression()`/bindings.
* Only the file types the site publishes, each in its place (`.js` only under the script paths);
  a symbolic link in the output is a finding and is never followed.

Each finding names the output file and line, the source file where it can be traced (with
`project` given: the first line in docs/, data/, i18n/ or overrides/ that holds the offending
value), and a fix in plain words.

Command line: `python -m pravo.audit SITE_DIR [--project DIR]`; exit status 1 when anything is found.
"""
from __future__ import annotations

import base64
import bisect
import codecs
import gzip
import hashlib
import html
import importlib.util
import json
import os
import re
import stat
import sys
import xml.parsers.expat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from posixpath import normpath

from tinyhtml5.constants import EOF, Token
from tinyhtml5.parser import HTMLParser
from tinyhtml5.tokenizer import HTMLTokenizer
from tinyhtml5.treebuilder import TreeBuilder

from pravo import content

__all__ = [
    "DEFAULT_POLICY", "Finding", "Policy", "audit_css", "audit_html", "audit_site", "audit_svg",
    "format_findings", "main",
]


# ---------------------------------------------------------------------------------------------
# Public types
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Finding:
    """One thing in the output that must not be published."""

    output: str         # path relative to the site folder, posix, e.g. "en/help/index.html"
    line: int | None    # line in the output file, when known
    what: str           # plain words: what is wrong
    fix: str            # plain words: how to fix it
    source: str | None  # "docs/en/help.md:12", "data/contacts.yml:40", … when it can be traced


_PAGE_ELEMENTS = frozenset("""
    html head body title meta link script noscript
    header footer nav main article section aside div span p a address hgroup
    h1 h2 h3 h4 h5 h6 ul ol li dl dt dd
    blockquote q cite abbr dfn code pre kbd samp var
    em strong b i u s small mark sub sup del ins br wbr hr time data bdi bdo ruby rt rp
    img picture source figure figcaption
    table caption colgroup col thead tbody tfoot tr th td
    details summary
    form fieldset legend label input textarea button select option optgroup output progress meter
""".split())

_GLOBAL_ATTRIBUTES = frozenset("""
    id class title lang dir hidden tabindex role translate spellcheck autocapitalize autocorrect
    autocomplete inputmode enterkeyhint accesskey inert
""".split())

_ELEMENT_ATTRIBUTES = {
    "a": "href rel hreflang type download target referrerpolicy",
    "blockquote": "cite", "q": "cite", "del": "cite datetime", "ins": "cite datetime",
    "time": "datetime", "data": "value",
    "img": "src srcset sizes alt width height loading decoding",
    "source": "src srcset sizes type media width height",
    "ol": "start reversed type", "ul": "type", "li": "value",
    "th": "colspan rowspan headers scope abbr", "td": "colspan rowspan headers",
    "col": "span", "colgroup": "span",
    "details": "open",
    "form": "action method name novalidate",
    "fieldset": "name disabled form",
    "input": "type name value placeholder checked disabled readonly required min max minlength "
             "maxlength pattern step size multiple list form",
    "textarea": "name rows cols placeholder readonly required disabled minlength maxlength wrap form",
    "button": "type name value disabled form",
    "select": "name multiple required disabled size form",
    "option": "value selected disabled label", "optgroup": "label disabled",
    "label": "for form", "output": "for name form",
    "progress": "value max", "meter": "value min max low high optimum",
    "meta": "charset name content http-equiv",
    "link": "rel href hreflang type title media sizes",
    "script": "src type defer async integrity crossorigin nomodule",
}

_SVG_ELEMENTS = frozenset("""
    svg g path rect circle ellipse line polyline polygon text tspan title desc defs symbol use
    lineargradient radialgradient stop clippath mask pattern marker image metadata
""".split())

_SVG_ATTRIBUTES = frozenset("""
    xmlns xmlns:xlink version baseprofile id class lang xml:lang xml:space role focusable tabindex
    viewbox preserveaspectratio width height x y x1 y1 x2 y2 cx cy r rx ry fx fy fr d points pathlength
    transform fill fill-opacity fill-rule stroke stroke-width stroke-linecap stroke-linejoin
    stroke-miterlimit stroke-dasharray stroke-dashoffset stroke-opacity opacity
    clip-path clip-rule clippathunits mask maskunits maskcontentunits
    gradientunits gradienttransform spreadmethod offset stop-color stop-opacity
    patternunits patterncontentunits patterntransform
    markerwidth markerheight markerunits refx refy orient marker-start marker-mid marker-end
    font-family font-size font-weight font-style text-anchor dominant-baseline alignment-baseline
    letter-spacing word-spacing dx dy rotate textlength lengthadjust
    display visibility color overflow vector-effect shape-rendering paint-order
    href xlink:href
""".split())


@dataclass(frozen=True)
class Policy:
    """Everything the site is allowed to publish. The defaults describe Pravo's site."""

    # sha256 of allowed inline <script> bodies, as the CSP writes them without quotes:
    # "sha256-<base64>". Default: none — every script of ours is a file under script_paths.
    inline_script_hashes: frozenset[str] = frozenset()
    # Where scripts may be (globs relative to the site root: * stays in one folder, ** crosses
    # folders). Both <script src> targets and .js files in the output must match one of these.
    script_paths: tuple[str, ...] = ("assets/js/*.js", "search/*/w/*.js", "search/*/p/*.js", "search/*/meta.js", "sw.js")
    # <script type=…> that the browser does not run (data blocks), allowed with a JSON body.
    data_script_types: frozenset[str] = frozenset({"application/json"})
    # Extensions of output files (lower case, no dot).
    file_types: frozenset[str] = frozenset({
        "html", "css", "js", "json", "xml", "gz", "zip", "pdf",
        "png", "jpg", "jpeg", "gif", "webp", "avif", "ico", "svg",
    })
    # Files without an extension that may be at the site root.
    root_files: frozenset[str] = frozenset({"_headers"})
    # Where files of a type may be: ordered globs, the first that matches decides, "!" = not here.
    # Types not listed here may be anywhere (images and PDFs beside the pages that show them).
    file_places: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("html", ("!assets/**", "!search/**", "!offline/**", "!cards/**", "!booklets/**", "!press/**", "**")),
        ("css", ("assets/stylesheets/*.css", "assets/css/*.css")),
        ("json", ("offline/*.json",)),
        ("xml", ("sitemap.xml", "feed.xml", "*/feed.xml")),
        ("gz", ("sitemap.xml.gz",)),
        ("zip", ("offline.zip",)),
    )
    # HTML elements and attributes. aria-* and data-* attributes are allowed on every element.
    elements: frozenset[str] = _PAGE_ELEMENTS
    global_attributes: frozenset[str] = _GLOBAL_ATTRIBUTES
    element_attributes: tuple[tuple[str, frozenset[str]], ...] = tuple(
        (name, frozenset(attrs.split())) for name, attrs in _ELEMENT_ATTRIBUTES.items())
    # Inline SVG (and .svg files): elements and attributes, compared in lower case.
    svg_elements: frozenset[str] = _SVG_ELEMENTS
    svg_attributes: frozenset[str] = _SVG_ATTRIBUTES
    # <link rel>: all allowed values; of these, the ones the browser does not fetch may point to
    # another site (a canonical address, the other language, the feed). All others: same origin.
    link_rels: frozenset[str] = frozenset({"stylesheet", "icon", "alternate", "canonical", "prev", "next"})
    link_rels_anywhere: frozenset[str] = frozenset({"alternate", "canonical", "prev", "next"})
    meta_names: frozenset[str] = frozenset({
        "viewport", "description", "generator", "referrer", "robots", "theme-color", "color-scheme"})
    http_equiv: frozenset[str] = frozenset({"content-security-policy"})
    referrer: str = "no-referrer"          # the only <meta name="referrer"> content allowed
    link_schemes: frozenset[str] = frozenset({"http", "https", "mailto", "tel"})
    # Hosts no link may lead to: URL shorteners hide where a link goes, trackers learn who clicked
    # (the same list `make check` refuses: pravo/content.py).
    refused_link_hosts: frozenset[str] = frozenset(content.SHORTENERS_AND_TRACKERS)
    # data: images allowed in <img>/<source> (CSS files may also use data:image/svg+xml).
    data_image_types: frozenset[str] = frozenset({"image/png", "image/gif", "image/jpeg", "image/webp", "image/avif"})
    # Origins ("https://pravo.example.org") whose absolute addresses count as the site itself for
    # things the browser loads. Default: none — the site loads everything by relative address.
    own_origins: frozenset[str] = frozenset()
    # The path the site is served under ("/pravo/" on https://user.github.io/pravo/): an address that
    # starts with "/" is read from there. MkDocs writes such addresses on the 404 pages.
    base_path: str = "/"
    # A link that opens a new window (target other than _self/_top/_parent) must carry
    # rel="noopener" (or "noreferrer"): old WebViews on cheap phones do not imply it.
    target_needs_noopener: bool = True
    # A <meta http-equiv="refresh"> may only send the reader to another page of the site (the
    # redirect pages of pravo/pipeline/redirects.py); to another site it is always a finding.
    refresh_same_site: bool = True
    # Every page must carry the <meta> Content-Security-Policy (hosts without _headers rely on it).
    require_csp_meta: bool = True
    # A page larger than this costs readers on metered data (the largest page today: ~160 KB).
    max_page_bytes: int = 1_000_000
    # Scripts that no page loads with <script src> but that are loaded by other means: the search
    # index's files and the stemmers (loaded by search.js, pravo/search_index.py) and the service worker (registered
    # by offline.js). Any other script that no page loads is a dropped file a later injection could load.
    scripts_loaded_otherwise: tuple[str, ...] = ("search/*/w/*.js", "search/*/p/*.js", "search/*/meta.js",
                                               "assets/js/snowball-*.js", "sw.js")


DEFAULT_POLICY = Policy()


# ---------------------------------------------------------------------------------------------
# Messages (plain words, one place)
# ---------------------------------------------------------------------------------------------

REMOVE_HTML = ("remove it from the page (or from the data, UI string or template it came from); "
               "pages may only contain Markdown and the few HTML tags the site uses")
FIX_ESCAPE = ("remove it; if it came from a title, description, data file or UI string, that text "
              "must be plain text (no <, >, \" or `) and the template must escape it")
FIX_OUR_SCRIPT = ("remove it; if it is a new script of ours, put it in docs/assets/js/ and load it "
                  "with src (mkdocs.yml extra_javascript or the page's hook)")
FIX_LOCAL = ("copy the file into docs/assets/ and use a relative address, or remove it; the site "
             "loads nothing from other sites, so readers are not tracked")
FIX_LINK_SCHEME = "use an https:// address (or mailto:/tel:), or remove the link"
FIX_FILE = ("remove the file from docs/ (or stop the hook that writes it); only the file types the "
            "site publishes may be in the output")


# ---------------------------------------------------------------------------------------------
# URLs, as the WHATWG URL parser reads their scheme and host
# ---------------------------------------------------------------------------------------------

_C0_AND_SPACE = "".join(chr(c) for c in range(0x21))
_TAB_NEWLINE = {0x09: None, 0x0A: None, 0x0D: None}
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_SPECIAL_SCHEMES = frozenset({"http", "https", "ftp", "ws", "wss", "file"})
_ASCII_WS = "\t\n\f\r "


def url_parts(value: str) -> tuple[str | None, str]:
    """(scheme in lower case or None for a relative address, the rest) as a browser reads them.

    Leading and trailing C0 controls and spaces are dropped, tabs and newlines removed anywhere,
    and for special schemes (and relative addresses on an http(s) page) a backslash is a slash.
    """
    value = value.strip(_C0_AND_SPACE).translate(_TAB_NEWLINE)
    match = _SCHEME.match(value)
    if match is None:
        return None, value.replace("\\", "/")
    scheme = match.group()[:-1].lower()
    rest = value[match.end():]
    if scheme in _SPECIAL_SCHEMES:
        rest = rest.replace("\\", "/")
    return scheme, rest


def _host_in(rest: str, hosts) -> bool:
    """Is the host of '//host/path' (the part after the scheme) one of `hosts` or under one?"""
    host = rest.lstrip("/").split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0].lower()
    return any(host == h or host.endswith("." + h) for h in hosts)


def _origin(scheme: str, rest: str) -> str:
    host = rest.lstrip("/")
    host = re.split(r"[/?#]", host, maxsplit=1)[0].rsplit("@", 1)[-1].lower()
    return f"{scheme}://{host}"


def _is_same_origin(value: str, policy: Policy) -> bool:
    """Does the browser load this address from the site itself?"""
    scheme, rest = url_parts(value)
    if scheme is None:
        return not rest.startswith("//")
    return scheme in ("http", "https") and rest.startswith("//") and _origin(scheme, rest) in policy.own_origins


def _data_type(rest: str) -> str:
    return rest.split(",", 1)[0].split(";", 1)[0].strip().lower()


def _srcset_urls(value: str) -> list[str]:
    """The URLs of a srcset, as the HTML spec splits it."""
    urls, position, length = [], 0, len(value)
    while True:
        while position < length and (value[position] in _ASCII_WS or value[position] == ","):
            position += 1
        if position >= length:
            return urls
        start = position
        while position < length and value[position] not in _ASCII_WS:
            position += 1
        url = value[start:position]
        if url.endswith(","):
            urls.append(url.rstrip(","))
            continue
        urls.append(url)
        depth = 0
        while position < length:
            character = value[position]
            if character == "(":
                depth += 1
            elif character == ")":
                depth = max(0, depth - 1)
            elif character == "," and depth == 0:
                break
            position += 1


# ---------------------------------------------------------------------------------------------
# HTML parsing: tinyhtml5, with element positions and a faster input stream
# ---------------------------------------------------------------------------------------------

_UNTIL = {}


def _until_pattern(characters, opposite):
    key = (characters, opposite)
    pattern = _UNTIL.get(key)
    if pattern is None:
        body = "".join(f"\\x{ord(c):02x}" if ord(c) < 256 else c for c in characters)
        pattern = _UNTIL[key] = re.compile(f"[{body}]+" if opposite else f"[^{body}]+")
    return pattern


class _Stream:
    """The whole document as one chunk, for tinyhtml5's tokenizer (same interface as its stream).

    tinyhtml5 2.1's own stream reads 10 KB chunks, scans each for invalid code points only to
    report parse errors, and never hits its regular-expression cache; this one gives the same
    characters three times faster. Newlines are normalised by the caller, as the HTML spec does.
    """

    def __init__(self, text: str):
        self.chunk = text
        self.chunk_size = len(text)
        self.chunk_offset = 0
        self.errors = []
        self.encoding = (codecs.lookup("utf-8"), "certain")
        self._newlines = None

    def character(self):
        offset = self.chunk_offset
        if offset >= self.chunk_size:
            return EOF
        self.chunk_offset = offset + 1
        return self.chunk[offset]

    def chars_until(self, characters, opposite=False):
        match = _until_pattern(characters, opposite).match(self.chunk, self.chunk_offset)
        if match is None:
            return ""
        self.chunk_offset = match.end()
        return match.group()

    def unget(self, character):
        if character is not EOF:
            self.chunk_offset -= 1

    def position(self):
        return (_line_of(self, self.chunk_offset), 0)


def _line_of(stream, offset: int) -> int:
    if stream._newlines is None:
        stream._newlines = [m.start() for m in re.finditer("\n", stream.chunk)]
    return bisect.bisect_left(stream._newlines, offset) + 1


# A plain start or end tag in the data state, read in one step. Only tags whose characters the
# spec's tokenizer treats in the obvious way match (no entities, NUL, odd characters or missing
# spaces); everything else goes through tinyhtml5's own states. tests/test_audit.py compares the
# trees of both ways on the real site and on random markup.
_FAST_START = re.compile(
    r"<([a-zA-Z][a-zA-Z0-9-]*)"
    r"((?:[\t\n\f ]+[a-zA-Z_:][a-zA-Z0-9_:.-]*"
    r"(?:[\t\n\f ]*=[\t\n\f ]*(?:\"[^\"&\x00]*\"|'[^'&\x00]*'|[^\t\n\f \"'<=>`&\x00]+))?)*)"
    r"[\t\n\f ]*(/?)>")
_FAST_ATTRIBUTE = re.compile(
    r"[\t\n\f ]+([a-zA-Z_:][a-zA-Z0-9_:.-]*)"
    r"(?:[\t\n\f ]*=[\t\n\f ]*(?:\"([^\"&\x00]*)\"|'([^'&\x00]*)'|([^\t\n\f \"'<=>`&\x00]+)))?")
_FAST_END = re.compile(r"</([a-zA-Z][a-zA-Z0-9-]*)[\t\n\f ]*>")
_START_TAG, _END_TAG = Token.START_TAG, Token.END_TAG
_CHARACTERS, _SPACE_CHARACTERS = Token.CHARACTERS, Token.SPACE_CHARACTERS
_FAST_SPACES = re.compile(r"[\t\n\f\r ]+")
_FAST_TEXT = re.compile(r"[^&<\x00\t\n\f\r ][^&<\x00]*")


class _Tokenizer(HTMLTokenizer):
    fast = True

    def __init__(self, stream, parser=None, **kwargs):
        self.stream = _Stream(stream)
        self.parser = parser
        self.state = self.data_state
        self.current_token = None
        self.tag_start = 0

    def data_state(self):
        """Plain text, whitespace, plain end tags and one plain start tag in one step.

        Stops at a start tag (the parser may switch the tokenizer to raw text after it) and before
        anything else (entities, comments, odd tags): tinyhtml5's own states read those, after
        the parser has caught up with the tokens queued here.
        """
        if not self.fast:
            return super().data_state()
        stream = self.stream
        text, size, queue = stream.chunk, stream.chunk_size, self.token_queue
        offset = stream.chunk_offset
        while offset < size:
            character = text[offset]
            if character == "<":
                match = _FAST_START.match(text, offset)
                if match is not None:
                    attributes = match.group(2)
                    data = {}
                    if attributes:
                        for name, a, b, c in _FAST_ATTRIBUTE.findall(attributes):
                            data.setdefault(name.lower(), a or b or c)   # the first one wins
                    # current_token: the raw-text states end at the end tag of the last start tag.
                    self.current_token = {
                        "type": _START_TAG, "name": match.group(1).lower(), "data": data,
                        "selfClosing": match.group(3) == "/", "selfClosingAcknowledged": False,
                        "where": (offset, match.end()),
                    }
                    queue.append(self.current_token)
                    stream.chunk_offset = match.end()
                    return True
                match = _FAST_END.match(text, offset)
                if match is None:
                    break
                self.current_token = {"type": _END_TAG, "name": match.group(1).lower(), "data": [],
                                      "selfClosing": False}
                queue.append(self.current_token)
                offset = match.end()
            elif character in "\t\n\f\r ":
                match = _FAST_SPACES.match(text, offset)
                queue.append({"type": _SPACE_CHARACTERS, "data": match.group()})
                offset = match.end()
            elif character == "&" or character == "\x00":
                break
            else:
                match = _FAST_TEXT.match(text, offset)
                queue.append({"type": _CHARACTERS, "data": match.group()})
                offset = match.end()
        stream.chunk_offset = offset
        if queue:
            return True
        return super().data_state()

    def tag_open_state(self):
        self.tag_start = self.stream.chunk_offset - 1
        return super().tag_open_state()

    def emit_current_token(self):
        token = self.current_token
        if token["type"] == Token.START_TAG:
            token["where"] = (self.tag_start, self.stream.chunk_offset)
        super().emit_current_token()


class _TreeBuilder(TreeBuilder):
    """Remembers where each element's start tag is: {etree element: (start, end) offsets}."""

    def reset(self):
        super().reset()
        self.where = {}

    def create_element(self, token):
        element = super().create_element(token)
        if "where" in token:
            self.where[element._element] = token["where"]
        return element

    def insert_element_normal(self, token):
        element = super().insert_element_normal(token)
        if "where" in token:
            self.where[element._element] = token["where"]
        return element


class _Parser(HTMLParser):
    def __init__(self, fast: bool = True):
        super().__init__(namespace_html_elements=True)
        self.tree = _TreeBuilder(True)
        self.phases = {name: type(phase)(self, self.tree) for name, phase in self.phases.items()}
        self.fast = fast

    def _parse(self, stream, container=None, scripting=False, **kwargs):
        self.container = container
        self.scripting = scripting
        self.tokenizer = _Tokenizer(stream, parser=self)
        self.tokenizer.fast = self.fast
        self.reset()
        self.main_loop()


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_html(text: str, scripting: bool = True, fragment: bool = False, fast: bool = True):
    """(root element, {element: (start, end)}) of `text` parsed as a browser with scripting on.

    `text` must have its newlines normalised (normalise_newlines), so offsets match lines.
    """
    parser = _Parser(fast=fast)
    if fragment:
        root = parser.parse_fragment(text, container="div", scripting=scripting)
    else:
        root = parser.parse(text, full_tree=True, scripting=scripting)
    return root, parser.tree.where


# ---------------------------------------------------------------------------------------------
# Findings while auditing one file
# ---------------------------------------------------------------------------------------------

@dataclass
class _Issue:
    line: int | None
    what: str
    fix: str
    needles: tuple[str, ...] = ()   # text to look for in the sources, most telling first
    in_content: bool = True         # from the page's own content (else: a template)
    scripts: bool = False           # not a finding: the needles are the scripts a page loads


HTML_NS = "http://www.w3.org/1999/xhtml"
SVG_NS = "http://www.w3.org/2000/svg"
MATHML_NS = "http://www.w3.org/1998/Math/MathML"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XMLNS_NS = "http://www.w3.org/2000/xmlns/"
_ATTRIBUTE_PREFIX = {XLINK_NS: "xlink:", XML_NS: "xml:", XMLNS_NS: "xmlns:"}
_SAFE_ATTRIBUTE_NAME = re.compile(r"[a-z][a-z0-9_.:-]*\Z")
_DATA_ATTRIBUTE = re.compile(r"(data|aria)-[a-z0-9_.:-]+\Z")
_JS_TYPES = frozenset("""
    application/ecmascript application/javascript application/x-ecmascript application/x-javascript
    text/ecmascript text/javascript text/javascript1.0 text/javascript1.1 text/javascript1.2
    text/javascript1.3 text/javascript1.4 text/javascript1.5 text/jscript text/livescript
    text/x-ecmascript text/x-javascript module
""".split())
_TABLE_ALIGN = re.compile(r"\s*text-align:\s*(left|right|center|justify)\s*;?\s*\Z", re.I)
_ALWAYS_REFUSED_ATTRIBUTES = {
    "ping": ("a ping= attribute (the browser reports every click to that address)",
             "remove the ping attribute"),
    "srcdoc": ("a srcdoc= attribute (a whole page hidden in an attribute)", "remove it"),
    "formaction": ("a formaction= attribute (sends a form somewhere)", "remove it"),
    "background": ("a background= attribute (loads an image, from anywhere)",
                   "remove it; backgrounds belong in docs/assets/css/pravo.css"),
    "dynsrc": ("a dynsrc= attribute (loads a file)", "remove it"),
    "lowsrc": ("a lowsrc= attribute (loads a file)", "remove it"),
    "xml:base": ("an xml:base= attribute (changes where relative addresses point)", "remove it"),
    "manifest": ("a manifest= attribute", "remove it"),
    "longdesc": ("a longdesc= attribute", "remove it; put the description in the text"),
    "usemap": ("a usemap= attribute", "remove it"),
    "nonce": ("a nonce= attribute (the site's policy allows no script by nonce)", "remove it"),
}
_REFUSED_ELEMENTS = {
    "script": ("a <script>", FIX_OUR_SCRIPT),
    "iframe": ("an <iframe> (shows another site inside the page)", REMOVE_HTML + "; link to the page instead"),
    "frame": ("a <frame>", REMOVE_HTML), "frameset": ("a <frameset>", REMOVE_HTML),
    "object": ("an <object> (loads a plug-in or another page)", REMOVE_HTML),
    "embed": ("an <embed> (loads a plug-in or another page)", REMOVE_HTML),
    "applet": ("an <applet>", REMOVE_HTML), "param": ("a <param>", REMOVE_HTML),
    "portal": ("a <portal>", REMOVE_HTML), "fencedframe": ("a <fencedframe>", REMOVE_HTML),
    "base": ("a <base> tag (it changes where every relative link and script of the page points)", REMOVE_HTML),
    "style": ("a <style> element (the site keeps all styles in its stylesheet files; the security "
              "policy blocks inline styles anyway)", "move the rules into docs/assets/css/pravo.css, or remove it"),
    "template": ("a <template> element", REMOVE_HTML),
    "math": ("MathML", REMOVE_HTML),
    "video": ("a <video>", "remove it; the site publishes no video (readers pay for data)"),
    "audio": ("an <audio>", "remove it; the site publishes no audio (readers pay for data)"),
    "area": ("an <area> (image map link)", REMOVE_HTML), "map": ("a <map>", REMOVE_HTML),
    "noembed": ("a <noembed>", REMOVE_HTML), "noframes": ("a <noframes>", REMOVE_HTML),
    "xmp": ("an <xmp>", REMOVE_HTML), "plaintext": ("a <plaintext>", REMOVE_HTML),
    "dialog": ("a <dialog>", REMOVE_HTML), "canvas": ("a <canvas>", REMOVE_HTML),
    "marquee": ("a <marquee>", REMOVE_HTML),
}
_REFUSED_SVG = {
    "script": ("a <script> inside an SVG", "remove it: SVG pictures may not contain scripts"),
    "foreignobject": ("a <foreignObject> inside an SVG (it can carry any HTML)",
                      "remove it, or export the picture again as plain SVG shapes"),
    "animate": ("an SVG animation (<animate>), which can rewrite a link into javascript:",
                "remove it; the site's pictures are static"),
    "set": ("an SVG <set>, which can rewrite a link into javascript:", "remove it"),
    "animatetransform": ("an SVG animation (<animateTransform>)", "remove it"),
    "animatemotion": ("an SVG animation (<animateMotion>)", "remove it"),
    "handler": ("an SVG <handler> (script)", "remove it"),
    "listener": ("an SVG <listener> (script)", "remove it"),
    "feimage": ("an SVG <feImage> (loads an image)", "remove it"),
    "a": None,  # allowed, its link checked: see _Page.svg_element
}


_BARE_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*\s*/?>\Z")


def _attribute_name(name: str) -> str:
    """'{http://www.w3.org/1999/xlink}href' -> 'xlink:href'; 'viewBox' -> 'viewbox'."""
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        if namespace == XMLNS_NS and local == "xmlns":
            return "xmlns"
        return _ATTRIBUTE_PREFIX.get(namespace, namespace + ":") + local.lower()
    return name.lower()


def _short(value: str, limit: int = 60) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


class _Audit:
    """Checks of one file; shared by HTML, inline SVG, SVG files and CSS."""

    def __init__(self, output: str, policy: Policy, site_files: frozenset[str] | None = None):
        self.output = output
        self.policy = policy
        self.site_files = site_files
        self.issues: list[_Issue] = []
        self.allowed = {name: policy.global_attributes | attributes for name, attributes in policy.element_attributes}

    def add(self, line, what, fix, needles=(), in_content=True):
        # A bare tag such as "<script>" says nothing about where it came from.
        needles = tuple(n for n in needles if n and len(n.strip()) >= 4 and not _BARE_TAG.match(n.strip()))
        if callable(line):
            line = line()
        self.issues.append(_Issue(line, what, fix, needles, in_content))

    # -- URLs --------------------------------------------------------------------------------

    def check_link(self, value, line, where_words, needles, in_content, download=False):
        """A link the reader follows (a href, form action, cite)."""
        scheme, rest = url_parts(value)
        shown = _short(value)
        if scheme in ("javascript", "vbscript"):
            self.add(line, f"a {scheme}: link in {where_words} ({shown}): clicking it runs code",
                     FIX_LINK_SCHEME, needles, in_content)
        elif scheme == "data":
            self.add(line, f"a data: link in {where_words} ({shown}): it opens or downloads content "
                     "hidden in the address", FIX_LINK_SCHEME, needles, in_content)
        elif scheme is not None and scheme not in self.policy.link_schemes:
            self.add(line, f"a link with the scheme {scheme}: in {where_words} ({shown}); links may only "
                     "be https://, http://, mailto:, tel: or relative", FIX_LINK_SCHEME, needles, in_content)
        elif scheme in ("http", "https") and _host_in(rest, self.policy.refused_link_hosts):
            self.add(line, f"a link through a URL shortener or tracker in {where_words} ({shown})",
                     "link to the page itself, with its full address", needles, in_content)
        elif download and not _is_same_origin(value, self.policy):
            self.add(line, f"a download link to another site ({shown}): readers would save a file "
                     "the site does not check", "link to a file in docs/ instead, or drop download",
                     needles, in_content)

    def check_resource(self, value, line, what_loads, needles, in_content, data_types=frozenset()):
        """Something the browser loads by itself: it must come from the site."""
        scheme, rest = url_parts(value)
        if scheme is None and not rest.startswith("//"):
            return
        shown = _short(value)
        if scheme == "data":
            if _data_type(rest) in data_types:
                return
            self.add(line, f"{what_loads} is a data: address ({shown})",
                     "use a file in docs/assets/ with a relative address", needles, in_content)
        elif scheme in ("javascript", "vbscript"):
            self.add(line, f"{what_loads} is a {scheme}: address ({shown}): it runs code",
                     "remove it", needles, in_content)
        elif _is_same_origin(value, self.policy):
            return
        else:
            self.add(line, f"{what_loads} comes from another site ({shown})", FIX_LOCAL, needles, in_content)

    def check_css(self, css, line_of, what, in_content, allow_data=frozenset(), needles_extra=()):
        """url(), @import, expression() and bindings in CSS text; line_of(offset) -> line."""
        for offset, kind, value in _css_dangers(css):
            line = line_of(offset)
            needles = (value,) + tuple(needles_extra)
            if kind == "url":
                self.check_resource(value, line, f"a CSS url() in {what}", needles, in_content, allow_data)
            elif kind == "import":
                self.check_resource(value, line, f"a CSS @import in {what}", needles, in_content)
            else:
                self.add(line, f"{kind} in {what}: CSS that runs code or binds behaviour",
                         "remove it", needles, in_content)


# ---------------------------------------------------------------------------------------------
# CSS: a small tokenizer (CSS Syntax 3) that finds what CSS can load or run
# ---------------------------------------------------------------------------------------------

_CSS_URL_FUNCTIONS = frozenset({"url", "src", "image", "image-set", "-webkit-image-set", "cross-fade"})
_CSS_TOKEN = re.compile(r"""
    (?P<comment>/\*.*?(?:\*/|\Z))
  | (?P<string>"(?:[^"\\\n]|\\[\s\S])*(?:"|(?=\n)|\Z)|'(?:[^'\\\n]|\\[\s\S])*(?:'|(?=\n)|\Z))
  | (?P<at>@)
  | (?P<name>(?:[-\w]|[^\x00-\x7f]|\\[0-9a-fA-F]{1,6}[ \t\n\f]?|\\[^\n])+)(?P<call>\()?
  | (?P<open>\()
  | (?P<close>\))
  | (?P<end>[;{}])
  | [ \t\n\f]+
  | (?P<other>.)
""", re.S | re.X)
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\n\f]?|(\n)|(.))", re.S)
_CSS_RAW_URL = re.compile(r"[ \t\n\f]*((?:[^)\\]|\\[\s\S])*)\)?", re.S)
_CSS_SPACE = re.compile(r"[ \t\n\f]*")


def _css_unescape(text: str) -> str:
    def one(match):
        if match.group(1):
            code = int(match.group(1), 16)
            return "\ufffd" if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF else chr(code)
        return "" if match.group(2) else match.group(3)
    return _CSS_ESCAPE.sub(one, text) if "\\" in text else text


def _css_dangers(css: str):
    """Yield (offset, kind, value) for what CSS can load or run (CSS Syntax 3 tokens, escapes decoded):
    kind 'url' (url(), src(), image-set() …), 'import' (@import), or a named danger."""
    functions = []          # names of the open functions
    importing = False       # after @import, until ; { }
    after_at = False
    position, length = 0, len(css)
    while position < length:
        match = _CSS_TOKEN.match(css, position)
        start, position = position, match.end()
        kind = match.lastgroup
        if kind == "call":
            kind = "name"
        if kind is None or kind == "comment":
            continue
        if kind == "string":
            text = match.group()
            value = _css_unescape(text[1:-1] if len(text) > 1 and text[-1] == text[0] else text[1:])
            if importing:
                yield start, "import", value
            elif any(f in _CSS_URL_FUNCTIONS for f in functions):
                yield start, "url", value
        elif kind == "name":
            word = _css_unescape(match.group("name")).lower()
            if after_at:
                after_at = False
                importing = importing or word == "import"
                continue
            if word in ("behavior", "-moz-binding"):
                yield start, word, word
            if match.group("call"):
                if word == "url":
                    space = _CSS_SPACE.match(css, position).end()
                    if space < length and css[space] in "\"'":
                        functions.append("url")
                        continue
                    raw = _CSS_RAW_URL.match(css, position)
                    position = raw.end()
                    yield start, "import" if importing else "url", _css_unescape(raw.group(1)).strip(" \t\n\f")
                    continue
                if word == "expression":
                    yield start, "expression()", "expression("
                functions.append(word)
        elif kind == "at":
            after_at = True
            continue
        elif kind == "open":
            functions.append("")
        elif kind == "close":
            if functions:
                functions.pop()
        elif kind == "end":
            importing = False
            if match.group() != ";":
                functions.clear()
        after_at = False


def audit_css(text: str, output: str, policy: Policy = DEFAULT_POLICY, project: Path | None = None) -> list[Finding]:
    """Findings in one CSS file (no url()/@import to another site, no expression(), no bindings)."""
    audit = _Audit(output, policy)
    text = normalise_newlines(text)
    newlines = [m.start() for m in re.finditer("\n", text)]
    audit.check_css(text, lambda offset: bisect.bisect_left(newlines, offset) + 1, "this stylesheet",
                    True, allow_data=policy.data_image_types | {"image/svg+xml"})
    return _finish(audit, project)


# ---------------------------------------------------------------------------------------------
# HTML pages
# ---------------------------------------------------------------------------------------------

class _Page(_Audit):
    def __init__(self, text, output, policy, site_files=None):
        super().__init__(output, policy, site_files)
        self.text = normalise_newlines(text)
        self._newlines = None
        # The folder of the page's address: en/help/index.html -> en/help
        self.folder = output.rsplit("/", 1)[0] if "/" in output else ""

    def line(self, offset):
        if offset is None:
            return None
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self.text)]
        return bisect.bisect_left(self._newlines, offset) + 1

    def at(self, where, name):
        """The line of an attribute, worked out only if something is reported there."""
        return lambda: self.attribute_line(where, name)

    def attribute_line(self, where, name):
        """The line of attribute `name` inside the start tag at `where` = (start, end)."""
        if where is None:
            return None
        start, end = where
        if name is None:
            return self.line(start)
        local = name.split(":")[-1]
        match = re.compile(r"[\s\"'/]" + re.escape(local) + r"[\s=/>]", re.I).search(self.text, start, end)
        return self.line(match.start() + 1 if match else start)

    def raw_tag(self, where):
        if where is None:
            return ""
        start, end = where
        return self.text[start:min(end, start + 300)]

    # -- walking -----------------------------------------------------------------------------

    def run(self):
        self.has_csp = False
        self.scripts = set()        # site paths of the <script src> of this page
        root, where = parse_html(self.text)
        self.walk(root, where, base=0)
        if self.policy.require_csp_meta and not self.has_csp:
            self.add(1, "the page has no Content-Security-Policy <meta>: on hosts that ignore _headers "
                     "(GitHub, GitLab, Codeberg Pages) nothing limits what it may run or load",
                     "pravo/pipeline/html_pass.py must add it to every page (redirect pages: "
                     "pravo/pipeline/redirects.py)", (), False)
        size = len(self.text.encode("utf-8"))
        if size > self.policy.max_page_bytes:
            self.add(None, f"the page is {size / 1e6:.1f} MB: readers pay for every megabyte (the limit is "
                     f"{self.policy.max_page_bytes / 1e6:.1f} MB)", "split the page or shorten it", (), True)

    def walk(self, root, where, base, in_content=False, in_head=False):
        # (element, start tag position, inside the page's content, inside <head>)
        stack = [(root, None, in_content, in_head)]
        while stack:
            element, parent_where, in_content, in_head = stack.pop()
            tag = element.tag
            if not isinstance(tag, str) or tag == "<!DOCTYPE>":
                continue   # a comment or the doctype
            if tag in ("DOCUMENT_ROOT", "DOCUMENT_FRAGMENT"):
                stack.extend((child, parent_where, in_content, in_head) for child in reversed(element))
                continue
            position = where.get(element)
            if position is not None and base:
                position = (position[0] + base, position[1] + base)
            position = position or parent_where
            if tag.startswith("{"):
                namespace, _, name = tag[1:].partition("}")
            else:
                namespace, name = HTML_NS, tag
            if not element.attrib:
                attributes = {}
            elif namespace == HTML_NS:
                attributes = element.attrib   # the parser lower-cases HTML attribute names
            else:
                attributes = {_attribute_name(k): v for k, v in element.attrib.items()}
            if "data-search-body" in attributes or (name == "article" and "md-content__inner" in attributes.get("class", "")):
                in_content = True
            descend = True
            if namespace == HTML_NS:
                descend = self.html_element(name, element, attributes, position, in_content, in_head)
                in_head = in_head or name == "head"
            elif namespace == SVG_NS:
                self.svg_element(name, attributes, position, in_content, svg_file=False)
            elif namespace == MATHML_NS:
                if name == "math":
                    self.add(self.line(position and position[0]), "MathML (<math>) in the page",
                             REMOVE_HTML, (self.raw_tag(position),), in_content)
            else:
                self.add(self.line(position and position[0]), f"an element <{name}> of an unknown kind",
                         REMOVE_HTML, (self.raw_tag(position),), in_content)
            if descend:
                for child in reversed(element):
                    stack.append((child, position, in_content, in_head))

    # -- one HTML element --------------------------------------------------------------------

    def html_element(self, name, element, attributes, where, in_content, in_head) -> bool:
        policy = self.policy
        line = self.at(where, None)
        if name == "script":
            self.script(element, attributes, where, in_content)
            return False
        if name == "noscript":
            # With scripting on, the browser reads its content as text; without, as markup.
            # Audit that markup too (readers without JavaScript get it).
            if element.text and where is not None:
                root, positions = parse_html(normalise_newlines(element.text), scripting=False, fragment=True)
                self.walk(root, positions, base=where[1], in_content=in_content, in_head=in_head)
            return False
        if name not in policy.elements:
            what, fix = _REFUSED_ELEMENTS.get(name, (f"a <{name}> element, which the site does not publish", REMOVE_HTML))
            needles = (self.raw_tag(where),) + tuple(v for v in attributes.values() if len(v) >= 8)
            self.add(line, what, fix, needles, in_content)
            return name not in ("style", "template")
        if name in ("meta", "link", "title", "base") and not in_head:
            self.add(line, f"a <{name}> tag inside the page body (it still acts on the whole page; if the "
                     "template put it in the head, something earlier — a title or description with markup — "
                     "ended the head too soon)",
                     REMOVE_HTML, (self.raw_tag(where),), in_content)
        allowed = self.allowed.get(name, policy.global_attributes)
        broken = [a for a in attributes if a not in allowed and not _SAFE_ATTRIBUTE_NAME.match(a)
                  and not a.startswith("on")]
        if broken:
            raw = self.raw_tag(where)
            # Text that broke out of an attribute value: report it once, not word by word.
            shown = ", ".join(repr(_short(a, 20)) for a in broken[:4]) + (" …" if len(broken) > 4 else "")
            self.add(self.at(where, broken[0]), f"broken HTML in <{name}>: text outside its "
                     f"attribute value ({shown}). Usually a quote \" or < in a title, description or UI "
                     "string that the template did not escape", FIX_ESCAPE,
                     tuple(a.strip("\"'") for a in broken) + (raw,), in_content)
            attributes = {a: v for a, v in attributes.items() if a in allowed or a.startswith("on")
                          or _DATA_ATTRIBUTE.match(a) or a in _ALWAYS_REFUSED_ATTRIBUTES or a == "style"}
        for attribute, value in attributes.items():
            self.html_attribute(name, attribute, value, allowed, where, in_content)
        if name == "a":
            self.anchor(attributes, where, in_content)
        elif name == "link":
            self.link(attributes, where, in_content)
        elif name == "meta":
            self.meta(attributes, where, in_content, in_head)
        elif name == "form":
            self.form(attributes, where, in_content)
        elif name in ("img", "source"):
            for attribute in ("src", "srcset"):
                if attribute in attributes:
                    value = attributes[attribute]
                    urls = _srcset_urls(value) if attribute == "srcset" else [value]
                    for url in urls:
                        self.check_resource(url, self.at(where, attribute),
                                            f"an image ({attribute}=)", (value, url), in_content,
                                            policy.data_image_types)
        elif name in ("blockquote", "q", "del", "ins") and "cite" in attributes:
            self.check_link(attributes["cite"], self.at(where, "cite"), "a cite= address",
                            (attributes["cite"],), in_content)
        return True

    def html_attribute(self, element, attribute, value, allowed, where, in_content):
        if attribute in allowed and attribute != "style":
            return
        line = self.at(where, attribute)
        needles = (value, f"{attribute}=") if len(value) >= 4 else (self.raw_tag(where),)
        if attribute.startswith("on"):
            self.add(line, f"an event handler {attribute}= on <{element}> ({_short(value)}): code that runs "
                     "when the reader touches or loads something", FIX_ESCAPE, needles, in_content)
        elif attribute in _ALWAYS_REFUSED_ATTRIBUTES:
            what, fix = _ALWAYS_REFUSED_ATTRIBUTES[attribute]
            self.add(line, f"{what} on <{element}>", fix, needles, in_content)
        elif attribute == "style":
            self.style_attribute(element, value, line, needles, in_content)
        elif attribute == "http-equiv" and element == "meta":
            pass   # meta() decides
        elif attribute in allowed or _DATA_ATTRIBUTE.match(attribute):
            pass
        elif not _SAFE_ATTRIBUTE_NAME.match(attribute):
            self.add(line, f"broken HTML in <{element}>: an attribute named {_short(attribute, 30)!r}. "
                     "Usually a quote or < in a title, description or UI string that the template did "
                     "not escape", FIX_ESCAPE, (attribute.strip("\"'"),) + needles, in_content)
        else:
            self.add(line, f"an attribute {attribute}= on <{element}> that the site does not use",
                     "remove the attribute", needles, in_content)

    def style_attribute(self, element, value, line, needles, in_content):
        if element in ("th", "td") and _TABLE_ALIGN.match(value):
            return   # Markdown table alignment (the security policy blocks it; it is harmless)
        before = len(self.issues)
        self.check_css(value, lambda offset: line, f"a style= attribute on <{element}>", in_content,
                       needles_extra=needles)
        if len(self.issues) == before:
            self.add(line, f"a style= attribute on <{element}> (the site's security policy blocks inline "
                     "styles, so it does nothing)", "use a class from docs/assets/css/pravo.css instead",
                     needles, in_content)

    def anchor(self, attributes, where, in_content):
        href = attributes.get("href")
        if href is not None:
            self.check_link(href, self.at(where, "href"), "<a href>", (href,), in_content,
                            download="download" in attributes)
        rel = attributes.get("rel", "").lower().split()
        if "opener" in rel:
            self.add(self.at(where, "rel"), "a link with rel=\"opener\": the page it opens "
                     "can take over this tab", "remove opener from rel", (attributes.get("href", ""),), in_content)
        target = attributes.get("target")
        if (target is not None and self.policy.target_needs_noopener
                and target.strip().lower() not in ("", "_self", "_top", "_parent")
                and not {"noopener", "noreferrer"} & set(rel)):
            self.add(self.at(where, "target"), f"a link that opens a new window (target={target!r}) "
                     "without rel=\"noopener\": on old phones the new page can take over this tab",
                     "remove target, or add rel=\"noopener noreferrer\"", (attributes.get("href", ""),), in_content)

    def link(self, attributes, where, in_content):
        policy = self.policy
        line = self.line(where and where[0])
        rels = set(attributes.get("rel", "").lower().split())
        href = attributes.get("href", "")
        unknown = sorted(rels - policy.link_rels)
        if unknown or not rels:
            self.add(line, f"a <link rel=\"{' '.join(unknown) or attributes.get('rel', '')}\">, a kind of link "
                     "the site does not use (it can make the browser fetch or prepare other sites)",
                     REMOVE_HTML, (self.raw_tag(where), href), in_content)
            return
        if rels - policy.link_rels_anywhere:
            self.check_resource(href, self.at(where, "href"),
                                f"a <link rel=\"{' '.join(sorted(rels))}\">", (href,), in_content)
        else:
            self.check_link(href, self.at(where, "href"), "a <link>", (href,), in_content)

    def meta(self, attributes, where, in_content, in_head=True):
        policy = self.policy
        line = self.line(where and where[0])
        raw = self.raw_tag(where)
        if "http-equiv" in attributes:
            kind = attributes["http-equiv"].strip().lower()
            if kind == "refresh":
                target = _refresh_url(attributes.get("content", ""))
                if not (policy.refresh_same_site and in_head and _is_same_origin(target, policy)
                        and url_parts(target)[0] is None):
                    self.add(line, f"a <meta http-equiv=\"refresh\"> ({_short(attributes.get('content', ''))}): "
                             "it sends the reader to another address by itself", REMOVE_HTML,
                             (attributes.get("content", ""), raw), in_content)
            elif kind == "content-security-policy":
                self.has_csp = True
            elif kind not in policy.http_equiv:
                self.add(line, f"a <meta http-equiv=\"{_short(kind, 30)}\">", REMOVE_HTML, (raw,), in_content)
            if kind == "content-security-policy":
                content = attributes.get("content", "").lower()
                for weak in ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'"):
                    if weak in content:
                        self.add(line, f"the page's security policy allows {weak}",
                                 "remove it from pravo/pipeline/html_pass.py", (weak,), False)
        charset = attributes.get("charset")
        if charset is not None and charset.strip().lower() not in ("utf-8", "utf8"):
            self.add(line, f"a <meta charset=\"{_short(charset, 20)}\">: the site is UTF-8, and a page read in "
                     "another encoding can show markup the audit did not see", REMOVE_HTML, (raw,), in_content)
        name = attributes.get("name")
        if name is not None:
            key = name.strip().lower()
            if key not in policy.meta_names:
                self.add(line, f"a <meta name=\"{_short(name, 30)}\"> the site does not use", REMOVE_HTML,
                         (raw,), in_content)
            elif key == "referrer" and attributes.get("content", "").strip().lower() != policy.referrer:
                self.add(line, f"a <meta name=\"referrer\"> that is not {policy.referrer!r}: other sites would "
                         "learn which page the reader came from", REMOVE_HTML, (raw,), in_content)
        if not ({"name", "http-equiv", "charset"} & attributes.keys()):
            self.add(line, "a <meta> tag without name, http-equiv or charset", REMOVE_HTML, (raw,), in_content)

    def form(self, attributes, where, in_content):
        action = attributes.get("action")
        if action is not None and action.strip(_C0_AND_SPACE) and not action.strip(_C0_AND_SPACE).startswith("#"):
            self.add(self.at(where, "action"), f"a form that sends what readers type to "
                     f"{_short(action)}: nothing a reader types may leave their phone",
                     "remove action= (the site's forms work in the page only)", (action,), in_content)
        method = attributes.get("method")
        if method is not None and method.strip().lower() not in ("", "get", "dialog"):
            self.add(self.at(where, "method"), f"a form with method={method!r} (it sends what "
                     "readers type)", "remove method=", (self.raw_tag(where),), in_content)

    def script(self, element, attributes, where, in_content):
        policy = self.policy
        line = self.line(where and where[0])
        body = element.text or ""
        raw = self.raw_tag(where)
        first_line = next((part.strip() for part in body.split("\n") if part.strip()), "")
        needles = (body.strip(), first_line[:80], raw)
        for attribute, value in attributes.items():
            if attribute not in self.allowed["script"] and not _DATA_ATTRIBUTE.match(attribute):
                self.html_attribute("script", attribute, value, frozenset(), where, in_content)
        kind = attributes.get("type")
        kind = "" if kind is None else kind.strip(_ASCII_WS).lower()
        if kind in ("importmap", "speculationrules"):
            self.add(line, f"a <script type=\"{kind}\"> (it changes which scripts load or makes the browser "
                     "fetch pages ahead)", FIX_OUR_SCRIPT, needles, in_content)
            return
        if kind and kind not in _JS_TYPES:
            if kind in policy.data_script_types and "src" not in attributes:
                try:
                    json.loads(body)
                except ValueError:
                    self.add(line, f"a <script type=\"{kind}\"> data block that is not valid JSON",
                             "remove it", needles, in_content)
                return
            self.add(line, f"a <script type=\"{_short(kind, 30)}\">, a kind of script the site does not use",
                     FIX_OUR_SCRIPT, needles, in_content)
            return
        if "src" in attributes:
            src = attributes["src"]
            src_line = self.at(where, "src")
            if body.strip():
                self.add(line, "a <script src> with code between its tags", "remove the code",
                         needles, in_content)
            target = self.site_path(src)
            if target is None:
                self.add(src_line, f"a <script> loaded from another site or an odd address ({_short(src)})",
                         FIX_OUR_SCRIPT, (src, raw), in_content)
                return
            self.scripts.add(target)
            if not _glob_any(target, policy.script_paths):
                self.add(src_line, f"a <script> that loads {target}, which is not one of the site's script "
                         f"folders ({', '.join(policy.script_paths)})", FIX_OUR_SCRIPT, (src, raw), in_content)
            elif self.site_files is not None and target not in self.site_files:
                self.add(src_line, f"a <script> that loads {target}, which is not in the site",
                         "fix the address, or add the script to docs/assets/js/", (src, raw), in_content)
            return
        digest = "sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        if digest not in policy.inline_script_hashes:
            self.add(line, f"an inline <script> that is not one of the site's own scripts "
                     f"({_short(first_line, 50)!r}, {digest})", FIX_OUR_SCRIPT, needles, in_content)

    def site_path(self, src):
        """The site-relative path a same-origin address points to, without query; None if elsewhere."""
        scheme, rest = url_parts(src)
        if scheme is not None:
            if not _is_same_origin(src, self.policy):
                return None
            rest = "/" + rest.lstrip("/").split("/", 1)[1] if "/" in rest.lstrip("/") else "/"
        elif rest.startswith("//"):
            return None
        rest = re.split(r"[?#]", rest, maxsplit=1)[0]
        if rest.startswith("/"):
            base = "/" + self.policy.base_path.strip("/") + "/" if self.policy.base_path.strip("/") else "/"
            if not rest.startswith(base):
                return None  # above the site's own folder: not a file of this site
            joined = "/" + rest[len(base):]
        else:
            joined = f"/{self.folder}/{rest}"
        path = normpath(joined)
        if path.startswith("//"):
            path = "/" + path.lstrip("/")
        return path.lstrip("/") or None

    # -- SVG (inline, and files) ---------------------------------------------------------------

    def svg_element(self, name, attributes, where, in_content, svg_file, line=None):
        policy = self.policy
        key = name.lower()
        if line is None:
            line = self.line(where and where[0])
        raw = self.raw_tag(where) if where else ""
        if key in _REFUSED_SVG and _REFUSED_SVG[key] is not None:
            what, fix = _REFUSED_SVG[key]
            self.add(line, what, fix, (raw,) + tuple(v for v in attributes.values() if len(v) >= 8), in_content)
            return
        if key not in policy.svg_elements and key != "a":
            self.add(line, f"an SVG element <{name}> that the site's pictures do not use", REMOVE_HTML,
                     (raw,), in_content)
            return
        for attribute, value in attributes.items():
            attribute_line = line if svg_file else self.at(where, attribute)
            needles = (value,) if len(value) >= 4 else (raw,)
            if attribute.startswith("on"):
                self.add(attribute_line, f"an event handler {attribute}= in an SVG ({_short(value)})",
                         "remove it: pictures may not contain code", needles, in_content)
            elif attribute in ("href", "xlink:href"):
                if key == "a":
                    self.check_link(value, attribute_line, "an SVG link", needles, in_content)
                elif key == "use":
                    # "#id" (this document) or a file of the site; never data: or another site
                    self.check_resource(value, attribute_line, f"an SVG <{name}> reference", needles, in_content)
                else:
                    self.check_resource(value, attribute_line, f"an SVG <{name}> reference", needles, in_content,
                                        policy.data_image_types)
            elif attribute == "style":
                if svg_file:
                    self.check_css(value, lambda offset, line=attribute_line: line, "a style= attribute in an SVG",
                                   in_content, needles_extra=needles)
                else:
                    self.style_attribute(name, value, attribute_line, needles, in_content)
            elif attribute in _ALWAYS_REFUSED_ATTRIBUTES:
                what, fix = _ALWAYS_REFUSED_ATTRIBUTES[attribute]
                self.add(attribute_line, f"{what} in an SVG", fix, needles, in_content)
            elif attribute in policy.svg_attributes or _DATA_ATTRIBUTE.match(attribute) or attribute.startswith("xmlns:"):
                if "url(" in value.lower():
                    self.check_css(value, lambda offset, line=attribute_line: line, f"an SVG {attribute}= attribute",
                                   in_content, needles_extra=needles)
            elif svg_file and ":" in attribute and not attribute.startswith(("xlink:", "xml:")):
                pass   # an editor's own attribute (inkscape:…, sodipodi:…): the browser ignores it
            else:
                self.add(attribute_line, f"an SVG attribute {attribute}= that the site's pictures do not use",
                         "remove the attribute", needles, in_content)


def _refresh_url(content: str) -> str:
    """The address of a <meta http-equiv=refresh content=…>, as the HTML spec reads it."""
    match = re.match(r"[\t\n\f\r ]*[0-9.]*[\t\n\f\r ]*[;,]?[\t\n\f\r ]*(?:url[\t\n\f\r ]*=[\t\n\f\r ]*)?(.*)\Z",
                     content, re.I | re.S)
    url = match.group(1) if match else content
    if url[:1] in ("'", '"'):
        url = url[1:].split(url[0], 1)[0]
    return url.strip(_ASCII_WS)


def _glob_regex(pattern: str):
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


_GLOBS = {}


def _glob(path: str, pattern: str) -> bool:
    regex = _GLOBS.get(pattern)
    if regex is None:
        regex = _GLOBS[pattern] = _glob_regex(pattern)
    return regex.match(path) is not None


def _glob_any(path, patterns) -> bool:
    return any(_glob(path, pattern) for pattern in patterns)


def audit_html(text: str, output: str, policy: Policy = DEFAULT_POLICY, project: Path | None = None,
               site_files: frozenset[str] | None = None) -> list[Finding]:
    """Findings in one HTML page. `output` is its path in the site ("en/help/index.html");
    `site_files` (site-relative posix paths), when given, lets scripts be checked to exist."""
    page = _Page(text, output, policy, site_files)
    page.run()
    return _finish(page, project)


# ---------------------------------------------------------------------------------------------
# SVG and XML files (parsed as XML, as the browser does for a file served as image/svg+xml)
# ---------------------------------------------------------------------------------------------

class _Stop(Exception):
    pass


_XML_ALLOWED = {
    "svg": (SVG_NS,),
    "feed": ("http://www.w3.org/2005/Atom",),
    "sitemap": ("http://www.sitemaps.org/schemas/sitemap/0.9", "http://www.w3.org/1999/xhtml"),
}


def _xml_audit(audit: _Page, data: bytes, kind: str):
    """Walk an XML file with expat; kind 'svg' (audited as pictures) or 'feed'/'sitemap'."""
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    state = {"depth": 0, "style": None, "style_line": 0}

    def line():
        return parser.CurrentLineNumber

    def doctype(*args):
        audit.add(line(), "a DOCTYPE in an XML file (it can declare entities that hide markup or load files)",
                  "remove the <!DOCTYPE …> line", ("<!DOCTYPE",))
        raise _Stop

    def instruction(target, data):
        audit.add(line(), f"a processing instruction <?{target} …?> (an xml-stylesheet can load code or styles)",
                  "remove it", (f"<?{target}",))

    def start(name, attributes):
        namespace, _, local = name.rpartition(" ")
        state["depth"] += 1
        attrs = {}
        for key, value in attributes.items():
            a_namespace, _, a_local = key.rpartition(" ")
            prefix = _ATTRIBUTE_PREFIX.get(a_namespace, a_namespace + ":" if a_namespace else "")
            attrs[(prefix + a_local).lower() if prefix != "xmlns:" else "xmlns:" + a_local] = value
        if kind == "svg":
            if state["depth"] == 1 and (namespace, local) != (SVG_NS, "svg"):
                audit.add(line(), "an .svg file whose root is not <svg>", "export it again as plain SVG")
            if namespace == SVG_NS:
                audit.svg_element(local, attrs, None, True, svg_file=True, line=line())
                if local == "style":
                    state["style"], state["style_line"] = [], line()
            elif namespace in (HTML_NS, MATHML_NS):
                audit.add(line(), f"HTML or MathML (<{local}>) inside an SVG file", "remove it; export the picture again")
            else:
                for attribute, value in attrs.items():
                    if attribute.split(":")[-1].startswith("on"):
                        audit.add(line(), f"an event handler {attribute}= in an SVG", "remove it", (value,))
        else:
            if namespace not in _XML_ALLOWED[kind]:
                audit.add(line(), f"an element <{local}> from {namespace or 'no namespace'} in the {kind} file",
                          "remove it (and whatever put it there)", (f"<{local}",))
            for attribute, value in attrs.items():
                if attribute in ("href", "src", "xlink:href"):
                    audit.check_link(value, line(), f"the {kind} file", (value,), True)

    def end(name):
        state["depth"] -= 1
        if state["style"] is not None and name.rpartition(" ")[2] == "style":
            css = "".join(state["style"])
            base = state["style_line"]
            audit.check_css(css, lambda offset: base + css.count("\n", 0, offset), "an SVG <style>", True,
                            allow_data=audit.policy.data_image_types)
            state["style"] = None

    def characters(data):
        if state["style"] is not None:
            state["style"].append(data)

    def external(*args):
        audit.add(line(), "an external entity in an XML file", "remove it")
        raise _Stop

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.ProcessingInstructionHandler = instruction
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.ExternalEntityRefHandler = external
    try:
        parser.Parse(data, True)
    except _Stop:
        pass
    except xml.parsers.expat.ExpatError as error:
        audit.add(error.lineno, f"not well-formed XML ({xml.parsers.expat.ErrorString(error.code)}); browsers "
                  "show an error instead", "export or write the file again")


def audit_svg(data: bytes | str, output: str, policy: Policy = DEFAULT_POLICY, project: Path | None = None) -> list[Finding]:
    """Findings in one .svg file: no script, no on…=, no foreignObject, no external reference."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    audit = _Page("", output, policy)
    _xml_audit(audit, data, "svg")
    return _finish(audit, project)


# ---------------------------------------------------------------------------------------------
# Other files
# ---------------------------------------------------------------------------------------------

_TEXT_TYPES = frozenset({"html", "css", "js", "json", "xml", "svg"})
_MAGIC = {
    "png": (b"\x89PNG\r\n\x1a\n",), "gif": (b"GIF87a", b"GIF89a"), "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",), "pdf": (b"%PDF-",), "zip": (b"PK\x03\x04", b"PK\x05\x06"),
    "gz": (b"\x1f\x8b",), "ico": (b"\x00\x00\x01\x00",),
}


def _magic_ok(extension: str, head: bytes) -> bool:
    if extension == "webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if extension == "avif":
        return head[4:8] == b"ftyp"
    return head.startswith(_MAGIC[extension]) if extension in _MAGIC else True


def _file_type(relative: str) -> str:
    name = relative.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name.strip(".") else ""


def _place_ok(relative: str, extension: str, policy: Policy) -> bool:
    if extension == "js":
        return _glob_any(relative, policy.script_paths)
    for type_, patterns in policy.file_places:
        if type_ == extension:
            for pattern in patterns:
                if pattern.startswith("!"):
                    if _glob(relative, pattern[1:]):
                        return False
                elif _glob(relative, pattern):
                    return True
            return False
    return True


def _audit_file(site: Path, relative: str, policy: Policy, site_files: frozenset[str]) -> list[_Issue]:
    """Content checks of one regular file whose type and place are allowed."""
    path = site / relative
    extension = _file_type(relative)
    audit = _Page("", relative, policy, site_files)
    if extension in _TEXT_TYPES:
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            audit.add(None, f"the file is not UTF-8 text (byte {error.start}): browsers may read it "
                      "in another encoding and see other markup", "save the source file as UTF-8")
            text = data.decode("utf-8", "replace")
        if extension == "html":
            page = _Page(text, relative, policy, site_files)
            page.run()
            return audit.issues + page.issues + [_Issue(None, "", "", tuple(sorted(page.scripts)), False, True)]
    if extension == "svg":
        _xml_audit(audit, path.read_bytes(), "svg")
    elif extension == "xml":
        _xml_audit(audit, path.read_bytes(), "feed" if relative.endswith("feed.xml") else "sitemap")
    elif extension == "css":
        text = normalise_newlines(path.read_bytes().decode("utf-8", "replace"))
        newlines = [m.start() for m in re.finditer("\n", text)]
        audit.check_css(text, lambda offset: bisect.bisect_left(newlines, offset) + 1, "this stylesheet", True,
                        allow_data=policy.data_image_types | {"image/svg+xml"})
    elif extension == "json":
        try:
            data = json.loads(path.read_bytes())
        except ValueError as error:
            audit.add(None, f"not valid JSON ({error})", "write the file again")
            return audit.issues
        if relative.startswith("offline/") and isinstance(data, dict):
            for listed in data.get("files", []):
                if not isinstance(listed, str):
                    continue
                if not _is_same_origin(listed, policy):
                    audit.add(None, f"the offline list names an address on another site ({_short(listed)})",
                              "fix pravo/pipeline/offline.py", (listed,), False)
                    continue
                target = normpath("/" + url_parts(listed)[1].split("?")[0].split("#")[0]).lstrip("/")
                if target in ("", ".") or target.endswith("/") or listed.endswith("/"):
                    target = (target.rstrip("/") + "/index.html").lstrip("/")
                if target not in site_files and (target + "/index.html") not in site_files:
                    audit.add(None, f"the offline list names {listed}, which is not a file of the site",
                              "fix pravo/pipeline/offline.py", (listed,), False)
                elif not _place_ok(target, _file_type(target), policy) or _file_type(target) not in policy.file_types:
                    audit.add(None, f"the offline list names {listed}, a file the site must not publish",
                              "remove the file; see its own finding", (listed,), False)
    elif extension == "gz":
        with path.open("rb") as handle:
            head = handle.read(4)
        if not _magic_ok(extension, head):
            audit.add(None, "the file is not gzip data", FIX_FILE)
        elif relative.endswith(".xml.gz"):
            try:
                with gzip.open(path) as handle:
                    data = handle.read(20_000_000)
            except (OSError, EOFError) as error:
                audit.add(None, f"the file cannot be unpacked ({error})", FIX_FILE)
            else:
                _xml_audit(audit, data, "sitemap")
    elif extension == "zip":
        try:
            with zipfile.ZipFile(path) as archive:
                for info in archive.infolist():
                    name = info.filename
                    inside = name.split("/", 1)[1] if "/" in name else name
                    mode = (info.external_attr >> 16) & 0o170000
                    if name.startswith("/") or ".." in name.split("/") or mode == stat.S_IFLNK:
                        audit.add(None, f"the archive holds {name}, an absolute path, a path out of the folder "
                                  "or a symbolic link", "fix pravo/pipeline/offline.py", (name,), False)
                    elif not name.endswith("/") and (_file_type(inside) not in policy.file_types
                                                     and inside.rsplit("/", 1)[-1] not in policy.root_files):
                        audit.add(None, f"the archive holds {name}, a type of file the site does not publish",
                                  FIX_FILE, (name,), False)
        except (OSError, zipfile.BadZipFile) as error:
            audit.add(None, f"not a valid zip archive ({error})", FIX_FILE)
    elif relative in policy.root_files and relative == "_headers":
        text = path.read_bytes().decode("utf-8", "replace").lower()
        for weak in ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'"):
            if weak in text:
                audit.add(None, f"the security headers allow {weak}", "remove it from pravo/pipeline/html_pass.py",
                          (weak,), False)
    elif extension in _MAGIC or extension in ("webp", "avif"):
        with path.open("rb") as handle:
            head = handle.read(16)
        if not _magic_ok(extension, head):
            audit.add(None, f"the file's content is not a .{extension} file (a file can pretend to be a "
                      "picture and be a page or a script)", FIX_FILE, (), True)
    return audit.issues


# ---------------------------------------------------------------------------------------------
# The whole site
# ---------------------------------------------------------------------------------------------

def _walk(site: Path, policy: Policy):
    """(regular files, issues per file) without following any link."""
    files, found = [], []
    for folder, dirnames, filenames in os.walk(site, followlinks=False):
        for name in sorted(dirnames + filenames):
            path = Path(folder, name)
            relative = path.relative_to(site).as_posix()
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode):
                if name in dirnames:
                    dirnames.remove(name)
                found.append((relative, _Issue(None, "a symbolic link in the site (it publishes whatever it "
                              "points to, such as a file from the build machine with secrets)",
                              "remove the link from docs/ (or from where the build copied it); put a real "
                              "copy of the file there if it belongs to the site", (), True)))
            elif stat.S_ISDIR(mode):
                continue
            elif not stat.S_ISREG(mode):
                found.append((relative, _Issue(None, "a special file (not a regular file) in the site",
                                               FIX_FILE, (), True)))
            else:
                files.append(relative)
    return files, found


def _linked_source(project: Path, relative: str) -> str | None:
    """'docs/x -> target' when the docs/ file an output file comes from (a copied file, or the
    Markdown of a page) is a symbolic link or lies under one; else None."""
    docs = Path(os.path.realpath(project / "docs"))
    candidates = [f"docs/{relative}"] + [c for c in page_sources(relative) if c.startswith("docs/")]
    for candidate in candidates:
        path = project / candidate
        if not (path.exists() or path.is_symlink()):
            continue
        if os.path.realpath(path) != str(docs / candidate[len("docs/"):]):
            parts = Path(candidate).parts
            for depth in range(len(parts), 1, -1):
                part = project.joinpath(*parts[:depth])
                if part.is_symlink():
                    return f"{Path(*parts[:depth]).as_posix()} -> {os.readlink(part)}"
            return candidate
    return None


def _type_issue(relative: str, policy: Policy) -> _Issue | None:
    extension = _file_type(relative)
    if extension == "":
        if relative in policy.root_files:
            return None
        return _Issue(None, "a file without a known extension", FIX_FILE, (), True)
    if extension not in policy.file_types:
        return _Issue(None, f"a .{extension} file: the site does not publish this type of file", FIX_FILE, (), True)
    if not _place_ok(relative, extension, policy):
        if extension == "js":
            return _Issue(None, "a script outside the site's script folders ("
                          + ", ".join(policy.script_paths) + "): any injected tag could load it",
                          FIX_OUR_SCRIPT if relative.startswith("assets/") else FIX_FILE, (), True)
        return _Issue(None, f"a .{extension} file in a place where the site has none of them "
                      "(an .html page under assets/ is opened by the browser as a page of the site)",
                      FIX_FILE, (), True)
    return None


_WORKER: dict = {}


def _init_worker(site: Path, policy: Policy, site_files: frozenset[str]) -> None:
    _WORKER.update(site=site, policy=policy, site_files=site_files)


def _audit_in_worker(relative: str) -> list[_Issue]:
    return _audit_file(_WORKER["site"], relative, _WORKER["policy"], _WORKER["site_files"])


def _audit_files(site: Path, files: list[str], policy: Policy, site_files: frozenset[str]) -> list[list[_Issue]]:
    """Each file's issues, in order. Parsing HTML is the slow part of a build's last step, so on a
    machine with several cores the files are read by that many processes (where fork exists)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    workers = min(os.cpu_count() or 1, 8)
    if workers < 2 or len(files) < 50 or "fork" not in multiprocessing.get_all_start_methods():
        return [_audit_file(site, relative, policy, site_files) for relative in files]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                             initializer=_init_worker, initargs=(site, policy, site_files)) as pool:
        return list(pool.map(_audit_in_worker, files, chunksize=max(1, len(files) // (workers * 4))))


def audit_site(site: Path, policy: Policy = DEFAULT_POLICY, project: Path | None = None) -> list[Finding]:
    """Audit every file of a built site folder; findings sorted by file and line.

    With `project` (the repository root), each finding is traced to the first line of docs/, data/,
    i18n/ or overrides/ that holds the offending value, and an output file copied from a symbolic
    link in docs/ is a finding too (the copy in the output is a plain file)."""
    site = Path(site)
    files, found = _walk(site, policy)
    site_files = frozenset(files)
    loaded = set()
    readable = []
    for relative in files:
        issue = _type_issue(relative, policy)
        if issue is not None:
            found.append((relative, issue))
            if _file_type(relative) not in policy.file_types:
                continue   # a type the site never publishes: its content does not matter
        readable.append(relative)
    for relative, issues in zip(readable, _audit_files(site, readable, policy, site_files)):
        for issue in issues:
            if issue.scripts:
                loaded.update(issue.needles)
            else:
                found.append((relative, issue))
    for relative in files:
        if (_file_type(relative) == "js" and _glob_any(relative, policy.script_paths) and relative not in loaded
                and not _glob_any(relative, policy.scripts_loaded_otherwise)):
            found.append((relative, _Issue(None, "a script that no page loads: a dropped file like this runs "
                                          "as soon as any injected tag names it", FIX_OUR_SCRIPT, (), True)))
    if project is not None:
        for relative in files:
            link = _linked_source(Path(project), relative)
            if link:
                found.append((relative, _Issue(None, f"made from a symbolic link, {link}: it publishes whatever "
                                              "the link points to", "remove the link; put a real copy of the "
                                              "file there if it belongs to the site", (), True)))
    tracer = _Tracer(project) if project is not None else None
    findings = [_finding(relative, issue, tracer) for relative, issue in found]
    return sorted(set(findings), key=lambda f: (f.output, f.line or 0, f.what))


# ---------------------------------------------------------------------------------------------
# Tracing a finding to its source
# ---------------------------------------------------------------------------------------------

def page_sources(output: str) -> list[str]:
    """Where an output file most likely comes from (project-relative posix paths), best first.

    'en/help/index.html' -> docs/en/help.md, docs/en/help/index.md; a path without a language
    folder is Russian (the default language, at the site root); other files are copied from docs/.
    """
    parts = output.split("/")
    if parts[-1] == "404.html":
        return ["overrides/404.html"]
    if output.endswith(".html") and parts[-1] == "index.html":
        language, rest = ("en", parts[1:-1]) if parts[0] == "en" else ("ru", parts[:-1])
        if not rest:
            return [f"docs/{language}/index.md"]
        stem = "/".join(rest)
        return [f"docs/{language}/{stem}.md", f"docs/{language}/{stem}/index.md"]
    if output.startswith("search/"):
        return ["pravo/pipeline/search.py", "pravo/search_index.py"]
    if output.startswith("offline"):
        return ["pravo/pipeline/offline.py", "pravo/pipeline/offline_zip.py"]
    if output.startswith("cards/"):
        return ["pravo/pipeline/cards.py", "data/cards.yml"]
    if output.startswith("booklets/"):
        return ["pravo/pipeline/booklets.py", "data/cards.yml", "data/contacts.yml"]
    if output.startswith("press/"):
        return ["pravo/pipeline/factsheet.py", "docs/ru/journalists/key-facts.md", "docs/en/journalists/key-facts.md"]
    if output.startswith("assets/stylesheets/"):
        return []
    if output in ("_headers",):
        return ["pravo/pipeline/html_pass.py"]
    if output.endswith("feed.xml"):
        return ["pravo/pipeline/feed.py"]
    return [f"docs/{output}"]


class _Tracer:
    FOLDERS = ("docs", "data", "i18n", "overrides")

    SUFFIXES = (".md", ".yml", ".yaml", ".html", ".json", ".py", ".js", ".css", ".txt", ".svg")

    def __init__(self, project: Path):
        self.project = Path(project)
        self.paths = {}   # shown name -> file
        self.files = tuple(self._list(self.project, self.FOLDERS))
        self.overrides = tuple(f for f in self.files if f.startswith("overrides/"))
        # Last resort for what a template wrote: the theme's own templates (found, not imported).
        self.theme_files = ()
        spec = importlib.util.find_spec("material")
        if spec is not None and spec.submodule_search_locations:
            packages = Path(list(spec.submodule_search_locations)[0]).parent
            self.theme_files = tuple(self._list(packages, ("material/templates",), (".html",)))
        self.texts = {}
        self.cache = {}
        self.languages = {}

    def _list(self, root, folders, suffixes=SUFFIXES):
        """Text files under root/folder, sorted; hidden folders (Material's .icons) and links skipped."""
        found = []
        for folder in folders:
            for current, dirnames, filenames in os.walk(root / folder):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for filename in sorted(filenames):
                    path = Path(current, filename)
                    if path.suffix.lower() in suffixes and not path.is_symlink():
                        name = path.relative_to(root).as_posix()
                        self.paths[name] = path
                        found.append(name)
        return sorted(found)

    def variants(self, relative):
        """The file's text as written, entity-decoded, and with YAML's quote escapes undone
        (each line kept on its line); a variant identical to the text is left out."""
        texts = self.texts.get(relative)
        if texts is None:
            try:
                raw = normalise_newlines(self.paths.get(relative, self.project / relative).read_bytes()
                                         .decode("utf-8", "replace"))
            except OSError:
                raw = ""
            texts = [raw]
            if "&" in raw:
                texts.append("\n".join(html.unescape(line).replace("\n", " ") for line in raw.split("\n")))
            if '\\"' in raw or "''" in raw:
                texts.append(raw.replace('\\"', '"').replace("''", "'"))
            self.texts[relative] = texts
        return texts

    def find_in(self, needle, files):
        """The first file:line among `files` (a list or tuple) that holds `needle`, or None."""
        key = (needle, tuple(files))
        if key not in self.cache:
            self.cache[key] = None
            for relative in files:
                for text in self.variants(relative):
                    index = text.find(needle)
                    if index >= 0:
                        self.cache[key] = f"{relative}:{text.count(chr(10), 0, index) + 1}"
                        break
                if self.cache[key]:
                    break
        return self.cache[key]

    def of_language(self, language):
        if language not in self.languages:
            self.languages[language] = tuple(f for f in self.files
                                             if f.startswith((f"docs/{language}/", f"i18n/{language}.")))
        return self.languages[language]

    def existing(self, candidates):
        return [c for c in candidates if (self.project / c).is_file() or (self.project / c).is_symlink()]


_SEGMENT_BREAK = re.compile(r"[\"'<>\n{}]|&quot;|&#39;|&lt;|&gt;")


def _needles(issue: _Issue) -> list[str]:
    """What to look for in the sources: each value whole, then its longest pieces between quotes and
    brackets (a template or Markdown may have written the rest differently), 12 characters or more."""
    out = []
    for needle in issue.needles:
        needle = needle.strip()
        if len(needle) >= 4 and needle not in out:
            out.append(needle)
    pieces = {p.strip() for n in issue.needles for p in _SEGMENT_BREAK.split(n)}
    out += [p for p in sorted(pieces, key=len, reverse=True)[:3] if len(p) >= 12 and p not in out]
    return out


def _source(relative: str, issue: _Issue, tracer: _Tracer | None) -> str | None:
    candidates = page_sources(relative)
    if tracer is None:
        if not issue.in_content and relative.endswith(".html"):
            return None
        return " or ".join(candidates) or None
    existing = tracer.existing(candidates)
    # Where to look first: the page itself (or, for what a template wrote, overrides/), then the
    # files of the page's language (English under en/, Russian at the root), then everything.
    language = "en" if relative.startswith("en/") else "ru"
    groups = [tuple(existing), tracer.of_language(language), tracer.files]
    if not issue.in_content:
        groups.insert(0, tracer.overrides)
    needles = _needles(issue)
    for needle in needles:
        for group in groups:
            found = tracer.find_in(needle, group)
            if found:
                return found
    if not issue.in_content:
        for needle in needles:
            found = tracer.find_in(needle, tracer.theme_files)
            if found:
                return found
    if issue.in_content and existing:
        return existing[0]
    if not relative.endswith(".html") and existing:
        return existing[0]
    return None


def _finding(relative: str, issue: _Issue, tracer) -> Finding:
    return Finding(relative, issue.line, issue.what, issue.fix, _source(relative, issue, tracer))


def _finish(audit: _Audit, project: Path | None) -> list[Finding]:
    tracer = _Tracer(project) if project is not None else None
    findings = [_finding(audit.output, issue, tracer) for issue in audit.issues]
    return sorted(set(findings), key=lambda f: (f.output, f.line or 0, f.what))


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------

def format_findings(findings, site: str = "site") -> str:
    """One line per finding: 'site/en/help/index.html:57 (from docs/en/help.md:12): what — fix'."""
    lines = []
    for finding in findings:
        where = f"{site.rstrip('/')}/{finding.output}" if site else finding.output
        if finding.line:
            where += f":{finding.line}"
        if finding.source:
            where += f" (from {finding.source})"
        lines.append(f"{where}: {finding.what} — {finding.fix}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import argparse
    import time

    parser = argparse.ArgumentParser(prog="python -m pravo.audit", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument("--project", type=Path, default=None,
                        help="the repository root, to trace findings to docs/, data/, i18n/, overrides/")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    findings = audit_site(args.site, project=args.project)
    elapsed = time.perf_counter() - started
    if findings:
        print(format_findings(findings, str(args.site)))
        print(f"{len(findings)} problem(s) in the built site ({elapsed:.2f} s): it must not be published.",
              file=sys.stderr)
        return 1
    print(f"Audit of {args.site}: nothing found ({elapsed:.2f} s).", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
