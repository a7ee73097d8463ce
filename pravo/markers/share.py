"""<!-- pravo:share -->: the page's text to pass on (its `share:` front matter, pravo/share.py).

A folded box a reader opens when they want to forward the page: the text in a read-only field
they can select by hand without JavaScript, and Copy / Share buttons that start hidden and are
shown by docs/assets/js/share.js (Share only where the browser has a share sheet). Nothing is
sent or stored. share.js is loaded by every page (mkdocs.yml extra_javascript), not by the marker:
the key pages are the most visited, and a reader going from one to the next should fetch nothing
but the page. The checks (pravo/checks/share.py) say what is wrong with the text itself.
"""
from __future__ import annotations

import html

from pravo import share
from pravo.markers import Context, marker
from pravo.markers.widgets import escaped
from pravo.pages import front_matter
from pravo.problems import Problem


def share_text(ctx: Context) -> str | None:
    meta, _ = front_matter(ctx.source, ctx.page.path)
    text = meta.get("share")
    return text.strip() if isinstance(text, str) and text.strip() else None


@marker("share")
def share_box(ctx: Context, args: list[str]) -> str:
    written = share_text(ctx)
    if written is None:
        return ctx.problem("`pravo:share` on a page without a `share:` text in its front matter (нет текста share)",
                           "add `share: |` with the short text to forward (CONTRIBUTING, “Texts to pass on”), "
                           "or remove the marker")
    text, problems = share.expand(ctx.data, written, ctx.lang)
    for placeholder, message, hint in problems:
        # Reported at the placeholder's own line in the front matter, not at the marker.
        found = ctx.source.find(placeholder)
        line = ctx.source.count("\n", 0, found) + 1 if found >= 0 else ctx.line()
        ctx.problems.append(Problem(ctx.page.path, line, message, hint))
    e = escaped(ctx)
    # One line of HTML: the engine's Markdown must not read the text (blank lines, * or # in it);
    # &#10; keeps its line breaks inside the field.
    body = html.escape(text).replace("\n", "&#10;")
    # Tall enough to read whole on a 360-pixel phone (about 34 characters a line) without scrolling
    # inside the field; where the browser supports `field-sizing` (pravo.css) it fits the text exactly.
    rows = min(30, sum(-(-len(line) // 34) or 1 for line in text.split("\n")))
    return f"""

<details class="pravo-share" data-pravo-share data-copied="{e('share.copied')}" data-failed="{e('share.failed')}">
<summary>{e('share.summary')}</summary>
<p class="pravo-share__note" id="share-note">{e('share.note')}</p>
<textarea class="pravo-share__text" rows="{rows}" readonly spellcheck="false" autocomplete="off" aria-describedby="share-note" aria-label="{e('share.label')}">{body}</textarea>
<p class="pravo-share__buttons"><button type="button" class="md-button md-button--primary" data-action="copy" hidden>{e('share.copy')}</button> <button type="button" class="md-button" data-action="share" hidden>{e('share.share')}</button></p>
<p class="pravo-share__status" role="status" data-status></p>
</details>

"""
