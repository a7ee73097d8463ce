"""<!-- pravo:factsheet --> : the press fact sheet (PDF) and how to cite the site, on the
journalists' pages. The PDF itself is drawn after the build (pravo/pipeline/factsheet.py)."""
from __future__ import annotations

import html

from pravo.markers import Context, marker
from pravo.pages import language_folder

FACTSHEET_DIR = "press"
KEY_FACTS = "journalists/key-facts"  # the page the fact sheet is made from


def factsheet_name(lang: str) -> str:
    return f"factsheet-{lang}.pdf"


@marker("factsheet")
def factsheet(ctx: Context, args: list[str]) -> str:
    lang = language_folder(ctx.page.src_uri) or ctx.lang
    ui, e = ctx.ui, html.escape
    target = ctx.page.link_to_file(f"{FACTSHEET_DIR}/{factsheet_name(lang)}")
    return (f'<p class="pravo-factsheet"><a class="md-button" href="{e(target)}" download>'
            f'{e(ui["factsheet.link"])}</a></p>')
