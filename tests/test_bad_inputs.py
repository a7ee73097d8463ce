"""A corpus of bad volunteer input (tests/fixtures/bad-inputs/): each must fail the
checks with the right file, the right line and a plain description of the problem."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pravo.checks import run as run_checks
from pravo.problems import format_problem

import build  # scripts/build.py
from sitebuild import ROOT, fixture_project, with_test_data

CORPUS = Path(__file__).parent / "fixtures" / "bad-inputs"
GOOD = "---\ntitle: Хороший пример\ndescription: A clean page.\n---\n\n## Раздел\n\nТекст.\n"

# fixture -> (line, words the message must contain)
EXPECTED = {
    "front-matter-malformed.md": (3, "the front matter: not valid YAML"),
    "front-matter-missing-title.md": (2, "no `title`"),
    "broken-link.md": (6, "leads to a page that does not exist"),
    "missing-anchor.md": (8, "section #nope that does not exist"),
    "missing-image.md": (6, "the file `../assets/images/nowhere.png` does not exist"),
    "script.md": (8, "raw <script>"),
    "iframe.md": (6, "raw <iframe>"),
    "object.md": (6, "raw <object>"),
    "embed.md": (6, "raw <embed>"),
    "form-elsewhere.md": (6, "raw <form> is not allowed"),
    "event-handler.md": (6, "inline event handler"),
    "javascript-url.md": (6, "a `javascript:` address is not allowed"),
    "external-image.md": (6, "loaded from another site"),
    "tracking-pixel.md": (6, "loaded from another site"),
    "external-style.md": (6, "loaded from another site"),
    "external-stylesheet.md": (6, "raw <link>"),
    "unknown-law.md": (6, "unknown law `kg.cop.999`"),
    "unknown-contact-group.md": (6, "unknown contact group `kz`"),
    "unknown-glossary-term.md": (6, "unknown glossary entry `sexwork`"),
    "unknown-marker.md": (6, "unknown marker `pravo:limt`"),
    "unknown-card-country.md": (6, "unknown country `kz` in pravo:card"),
    "self-check-without-results.md": (6, "the self-check has no explanation for the result(s) child-trafficking"),
    "stigmatising-term.md": (6, "stigmatises"),
    "long-sentence.md": (6, "a sentence of 47 words on a guide page"),
    "hand-typed-figure.md": (6, "a legal figure typed by hand: “3 часов”"),
    "unverified-penalty.md": (6, "`kg.cop.1` is unverified, so its penalty cannot be stated as fact"),
    "share-too-long.md": (4, "the share text is 741 characters long with its figures (at most 700)"),
    "share-hand-typed-figure.md": (6, "a figure typed by hand in the share text: “12”"),  # not the 12 of kg.cop.126 above
    "share-markup.md": (4, "the share text must be plain text, but it has *"),
    "share-link.md": (5, "an address in the share text: “https://example.com/raid”"),
    "share-unknown-placeholder.md": (5, "{limit:kg.cop.999} in the share text: unknown law `kg.cop.999`"),
    "share-unverified-penalty.md": (5, "{penalty:kg.cop.1} in the share text: `kg.cop.1` is unverified"),
    "share-without-marker.md": (4, "a `share:` text but no <!-- pravo:share -->"),
    "share-marker-without-text.md": (10, "`pravo:share` on a page without a `share:` text"),
    "bom.md": (1, "byte order mark"),
    "not-utf8.md": (2, "not UTF-8"),  # the first byte that is not UTF-8 is in the title
}


def project(tmp_path: Path) -> Path:
    with_test_data(tmp_path)
    for language in ("ru", "en"):
        (tmp_path / "docs" / language).mkdir(parents=True)
        (tmp_path / "docs" / language / "index.md").write_text(GOOD, encoding="utf-8")
    return tmp_path


def messages(root: Path) -> list[str]:
    return [format_problem(p, root) for p in run_checks(root)]


def test_clean_project_passes(tmp_path):
    assert messages(project(tmp_path)) == []


def test_the_real_content_passes():
    assert messages(ROOT) == []


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_bad_page_is_reported_with_file_line_and_reason(tmp_path, fixture):
    root = project(tmp_path)
    # Under raid/: the guide pages, where the readability rule applies too.
    for language in ("ru", "en"):
        (root / "docs" / language / "raid").mkdir()
    shutil.copy(CORPUS / fixture, root / "docs" / "ru" / "raid" / "bad.md")
    (root / "docs" / "en" / "raid" / "bad.md").write_text(GOOD, encoding="utf-8")
    line, words = EXPECTED[fixture]
    found = messages(root)
    assert any(m.startswith(f"docs/ru/raid/bad.md:{line}: ") and words in m for m in found), found
    assert all(" — " in m for m in found), "every message says how to fix it"


def test_page_without_twin(tmp_path):
    root = project(tmp_path)
    (root / "docs" / "ru" / "only.md").write_text(GOOD, encoding="utf-8")
    assert any(m.startswith("docs/ru/only.md: this page has no en twin") for m in messages(root))


def test_two_pages_at_one_address(tmp_path):
    root = project(tmp_path)
    for language in ("ru", "en"):
        (root / "docs" / language / "raid").mkdir()
        (root / "docs" / language / "raid.md").write_text(GOOD, encoding="utf-8")
        (root / "docs" / language / "raid" / "index.md").write_text(GOOD, encoding="utf-8")
    found = [m for m in messages(root) if "this page has the same address as" in m and m.startswith("docs/ru/")]
    assert len(found) == 1 and "docs/ru/raid.md" in found[0] and "docs/ru/raid/index.md" in found[0], found


def test_image_over_the_pixel_budget(tmp_path):
    root = project(tmp_path)
    shutil.copy(CORPUS / "too-many-pixels.png", root / "docs" / "ru" / "big.png")
    assert any(m.startswith("docs/ru/big.png: the image is 4000×10 pixels") for m in messages(root))


def test_image_over_the_byte_budget(tmp_path):
    root = project(tmp_path)
    (root / "docs" / "ru" / "heavy.jpg").write_bytes(b"\xff\xd8" + bytes(300 * 1024))
    assert any(m.startswith("docs/ru/heavy.jpg: the image is 300 KB") for m in messages(root))


def test_figures_that_are_not_legal_ones_are_allowed(tmp_path):
    root = project(tmp_path)
    page = GOOD + ("\nЗапишите: «примерно в 23 часа».\n\nВ 2016 году полиция задержала 5 человек на 3 суток[^1].\n\n"
                   "[^1]: Источник.\n")
    for language in ("ru", "en"):
        (root / "docs" / language / "raid").mkdir()
        (root / "docs" / language / "raid" / "ok.md").write_text(page, encoding="utf-8")
    assert messages(root) == []


def test_quoted_official_title_is_allowed(tmp_path):
    root = project(tmp_path)
    page = GOOD + "\nЗакон «О проститутках» (официальное название) цитируется дословно.\n"
    for language in ("ru", "en"):
        (root / "docs" / language / "law.md").write_text(page, encoding="utf-8")
    assert messages(root) == []


def test_bad_input_stops_the_build_before_site_is_replaced(tmp_path):
    root = project(tmp_path)
    shutil.copy(CORPUS / "script.md", root / "docs" / "ru" / "bad.md")
    (root / "docs" / "en" / "bad.md").write_text(GOOD, encoding="utf-8")
    site = root / "site"
    site.mkdir()
    (site / "index.html").write_text("previous good build", encoding="utf-8")
    assert build.build(site, root=root) == 1
    assert (site / "index.html").read_text(encoding="utf-8") == "previous good build"


def test_mkdocs_itself_refuses_a_raw_script(tmp_path):
    """Without `make check`, a plain engine build still stops it: the output audit names the page
    it reached and the line of the source it came from."""
    work = tmp_path / "w"
    config = fixture_project(Path(__file__).parent / "fixtures" / "fallback-site", work)
    shutil.copy(CORPUS / "script.md", work / "docs" / "ru" / "only-russian.md")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(work / "site")],
                            capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "only-russian/index.html" in output and "from docs/ru/only-russian.md:8" in output, output[-3000:]


# Texts to pass on (pravo/share.py, pravo/checks/share.py): rules that need both twins or a key page.
SHARED = "---\ntitle: Пример\ndescription: A page.\nshare: |\n{text}---\n\n## Раздел\n\nТекст.\n\n<!-- pravo:share -->\n"


def share_page(text: str) -> str:
    return SHARED.format(text="".join(f"  {line}\n" for line in text.split("\n")))


def test_key_page_without_share_text(tmp_path):
    root = project(tmp_path)
    for language in ("ru", "en"):
        (root / "docs" / language / "raid").mkdir()
        (root / "docs" / language / "raid" / "protocol.md").write_text(GOOD, encoding="utf-8")
    found = messages(root)
    for language in ("ru", "en"):
        assert any(m.startswith(f"docs/{language}/raid/protocol.md:2: a key page without a text to pass on") for m in found), found


def test_untranslated_and_cyrillic_english_share_texts(tmp_path):
    root = project(tmp_path)
    for name, english in (("same.md", "Не подписывайте пустые листы."), ("mixed.md", "Never sign blank листы.")):
        (root / "docs" / "ru" / name).write_text(share_page("Не подписывайте пустые листы."), encoding="utf-8")
        (root / "docs" / "en" / name).write_text(share_page(english), encoding="utf-8")
    found = messages(root)
    assert any(m.startswith("docs/en/same.md:4: the English share text is the same as the Russian one") for m in found), found
    assert any(m.startswith("docs/en/mixed.md:5: the English share text has Cyrillic letters: “листы.”") for m in found), found
    assert not any(m.startswith("docs/ru/") for m in found), found


def test_share_text_with_placeholders_from_data_passes(tmp_path):
    root = project(tmp_path)
    (root / "docs" / "ru" / "ok.md").write_text(share_page("Грозит {penalty:kg.cop.126} ({article:kg.cop.126})."), encoding="utf-8")
    (root / "docs" / "en" / "ok.md").write_text(share_page("You risk {penalty:kg.cop.126} ({article:kg.cop.126})."),
                                                encoding="utf-8")
    assert messages(root) == []


def test_only_phone_numbers_from_contacts_may_be_typed():
    from pravo import data as project_data
    from pravo import share
    data = project_data.load(ROOT)
    listed = next(r["value"] for g in data.contacts.values() if isinstance(g, list) for e in g
                  for r in e.get("routes") or [] if r.get("kind") in share.PHONE_ROUTES)
    assert share.hand_typed_figures(data, f"Звоните {listed}.") == []
    assert share.hand_typed_figures(data, "Звоните 8 800 000 00 00, держат 3 часа.") == ["8 800 000 00 00", "3"]
    assert share.hand_typed_figures(data, "Держат {limit:kg.cop.526}.") == []
