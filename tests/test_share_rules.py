"""The rules of texts to pass on (pravo/share.py), without a browser: placeholders say what the data
says, in the right Russian case; markup and addresses are found; a key page's text is measured."""
from __future__ import annotations

import yaml

from pravo import data as project_data
from pravo import share
from pravo.settings import PLACEHOLDER_SITE_URL

from sitebuild import ROOT

DATA = project_data.load(ROOT)
KG = {p["id"]: p for p in yaml.safe_load((ROOT / "data" / "laws" / "kg.yml").read_text(encoding="utf-8"))["provisions"]}


def test_a_limit_after_do_is_in_the_genitive_and_carries_the_datas_number():
    value = KG["kg.cop.526"]["limit"]["value"]
    assert KG["kg.cop.526"]["limit"]["unit"] == "hours" and value == 3  # the words below depend on it
    text, problems = share.expand(DATA, "Держат до {limit:kg.cop.526}.\nОбычно {limit:kg.cop.526}.", "ru")
    assert problems == []
    assert text == "Держат до 3 часов.\nОбычно 3 часа."
    assert share.expand(DATA, "Up to {limit:kg.cop.526}.", "en")[0] == "Up to 3 hours."


def test_an_article_names_its_code_and_number_and_a_weaker_status():
    text, _ = share.expand(DATA, "({article:kg.cop.526})", "ru")
    assert text.startswith("(") and "ст. 526" in text and text.endswith(")")
    secondary = next(pid for pid, p in DATA.laws.provisions.items() if p["status"] == "secondary")
    tagged, _ = share.expand(DATA, f"{{article:{secondary}}}", "en")
    assert tagged.endswith(", " + DATA.ui("en")["law.tag.secondary"])


def test_an_unknown_id_is_refused_with_the_placeholder_and_a_hint():
    text, problems = share.expand(DATA, "Не дольше {limit:kg.cop.99999}.", "ru")
    assert text == "Не дольше ."
    [(placeholder, message, hint)] = problems
    assert placeholder == "{limit:kg.cop.99999}" and "unknown law `kg.cop.99999`" in message and "data/laws/kg.yml" in hint


def test_markup_and_addresses():
    assert share.markup("Обычный текст — «так», 'так' и “так”. Вопрос? Да!") == []
    assert share.markup("**жирный** [ссылка](x) <b>") == ["*", "<", ">", "[", "]"]
    assert share.markup("{limit:kg.cop.526} и {что-то}") == ["{", "}"]
    assert share.foreign_addresses("Помните: это важно. Your data: none. Tel: 112.", PLACEHOLDER_SITE_URL) == []
    assert share.foreign_addresses("data:text/html,x", PLACEHOLDER_SITE_URL) == ["data:text/html,x"]
    assert share.foreign_addresses(f"См. {PLACEHOLDER_SITE_URL}raid/.", PLACEHOLDER_SITE_URL) == []
    assert share.foreign_addresses("См. www.example.com и tel:+996 и https://t.me/x", PLACEHOLDER_SITE_URL) == [
        "www.example.com", "tel:+996", "https://t.me/x"]


def test_every_key_page_text_is_within_the_limit_in_both_languages():
    for lang in ("ru", "en"):
        for slug in share.KEY_PAGES:
            source = (ROOT / "docs" / lang / f"{slug}.md").read_text(encoding="utf-8")
            written = yaml.safe_load(source.split("\n---", 1)[0].removeprefix("---"))["share"]
            text, problems = share.expand(DATA, written.strip(), lang)
            assert problems == [] and 0 < len(text) <= share.MAX_CHARS, (lang, slug, len(text))
            assert "<!-- pravo:share -->" in source, (lang, slug)


def test_a_changed_share_text_makes_the_translation_outdated(tmp_path):
    from pravo.translations import fingerprint
    page = tmp_path / "p.md"
    page.write_text("---\ntitle: T\ndescription: D.\n---\n\nText.\n", encoding="utf-8")
    without = fingerprint(page)
    page.write_text("---\ntitle: T\ndescription: D.\nshare: |\n  One.\n---\n\nText.\n", encoding="utf-8")
    one = fingerprint(page)
    page.write_text("---\ntitle: T\ndescription: D.\nshare: |\n  Two.\n---\n\nText.\n", encoding="utf-8")
    assert len({without, one, fingerprint(page)}) == 3
