"""The theme's own words on the Arabic edition's pages are Arabic, written at build time; English pages keep theirs."""

import re
from pathlib import Path

import pytest

from hamabook.build import arabic_theme

SITE = Path(__file__).resolve().parents[1] / "_build" / "html"
# Words of the theme that an Arabic page must not show (each has its Arabic in arabic_theme.WORDS).
THEME_WORDS = ("Skip to main content", "Back to top", "Search the book…", "previous page", "next page",
               "Toggle primary sidebar", "Color mode", "Appendix")  # fmt: skip


def test_a_literal_word_of_the_theme_goes_through_gettext():
    template = '<button class="x" title="Toggle primary sidebar" data-y="z">'
    served = arabic_theme.with_gettext(template, ('title="Toggle primary sidebar"',))
    assert served == '<button class="x" title="{{ _(\'Toggle primary sidebar\') }}" data-y="z">'
    with pytest.raises(RuntimeError, match="theme changed"):
        arabic_theme.with_gettext(template, ('title="Collapse"',))


def test_arabic_words_come_from_the_book_then_the_installed_catalogues():
    assert arabic_theme.arabic("Back to top") == arabic_theme.WORDS["Back to top"]
    assert arabic_theme.arabic("Show Source") == "إظهار المصدر"  # Sphinx's own Arabic catalogue
    assert arabic_theme.arabic("no such words") == "no such words"


def test_an_arabic_page_context_speaks_arabic():
    context = {
        "docstitle": "The Fall of Hama, December 2024",
        "titlesuffix": " — The Fall of Hama, December 2024",
        "theme_search_bar_text": "Search the book…",
        "theme_extra_footer": "<p>How to cite</p>",
        "header_buttons": [{"tooltip": "Download this page", "label": "download-buttons"}],
        "generate_toctree_html": lambda kind, **_: (
            '<span class="caption-text">Appendix</span>'
            '<a class="reference internal" href="../intro.html">The week Hama fell</a>'
        ),
    }
    arabic_theme.localise(context)
    assert context["gettext"]("next page") == "الصفحة التالية" and context["translate"]("Contents") == "المحتويات"
    assert context["titlesuffix"] == " — سقوط حماة، كانون الأول/ديسمبر 2024"
    assert context["theme_search_bar_text"] == "ابحث في الكتاب…" and 'lang="ar"' in context["theme_extra_footer"]
    assert context["header_buttons"][0] == {"tooltip": "نزّل هذه الصفحة", "label": "download-buttons"}
    toc = context["generate_toctree_html"]("sidebar")
    assert "الملاحق" in toc and 'href="../intro.html" lang="en" dir="ltr"' in toc


def _chrome(page: Path) -> str:
    """A built page without its article and scripts: the theme's part of it."""
    text = page.read_text(encoding="utf-8")
    text = text[: text.find("<article")] + text[text.find("</article>") :]
    return re.sub(r"<script.*?</script>", "", text, flags=re.S)


@pytest.mark.skipif(not (SITE / "book" / "ar").is_dir(), reason="needs a built site (make book)")
def test_built_arabic_pages_carry_the_theme_s_words_in_arabic():
    pages = sorted((SITE / "book" / "ar").glob("*.html"))
    assert pages
    for page in pages:
        chrome = _chrome(page)
        assert not [w for w in THEME_WORDS if w in chrome], page.name
        assert 'placeholder="ابحث في الكتاب…"' in chrome and "العودة إلى أعلى الصفحة" in chrome, page.name
    english = _chrome(SITE / "book" / "battle.html")
    assert all(w in english for w in ("Skip to main content", "Search the book…", "Toggle primary sidebar"))
