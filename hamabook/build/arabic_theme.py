"""The theme's own words on the Arabic edition's pages, in Arabic, written at build time.

The themes write their words (the skip link, the search box, "Contents", previous and next, the colour modes, the
sidebar buttons, the footer) through gettext: Jinja's ``_()`` and ``{% trans %}``, sphinx-book-theme's ``translate()``,
in the site's one language, English. A few they write as they are (a button's title, a landmark's name): the
templates holding them are served with those words passed through gettext too (:func:`with_gettext`), which on an
English page gives each word back unchanged, so English pages stay byte-identical.

On a page of the Arabic edition, :func:`localise` gives the template context an Arabic gettext: the book's own words
for the theme (:data:`WORDS`), then Sphinx's and sphinx-book-theme's Arabic catalogues (installed with them), then the
English word. Nothing is fetched and no script runs: the page is written in Arabic.
"""

from __future__ import annotations

import functools
import gettext as gettext_module
import re
from collections.abc import Callable
from pathlib import Path

# The theme's words as this book's Arabic edition writes them (Modern Standard Arabic, as the pages' prose).
WORDS = {
    "Skip to main content": "انتقل إلى المحتوى الرئيسي",
    "Back to top": "العودة إلى أعلى الصفحة",
    "Contents": "المحتويات",
    "Search": "بحث",
    "Search the book…": "ابحث في الكتاب…",
    "next": "التالي",
    "previous": "السابق",
    "next page": "الصفحة التالية",
    "previous page": "الصفحة السابقة",
    "Color mode": "وضع الألوان",
    "Light": "فاتح",
    "Dark": "داكن",
    "System Settings": "إعدادات النظام",
    "Site navigation": "التنقل في الموقع",
    "Section Navigation": "التنقل في القسم",
    "On this page": "في هذه الصفحة",
    "Version warning": "تنبيه الإصدار",
    "Index": "الفهرس",
    "Main": "التنقل الرئيسي",
    "Page": "أقسام الصفحة",
    "Toggle primary sidebar": "إظهار الشريط الجانبي الرئيسي أو إخفاؤه",
    "Toggle secondary sidebar": "إظهار شريط المحتويات أو إخفاؤه",
    "Breadcrumb": "مسار التنقل",
    "Home": "الرئيسية",
    "Download this page": "نزّل هذه الصفحة",
    "Download source file": "نزّل الملف المصدر",
    "Download notebook file": "نزّل ملف الدفتر",
    "Print to PDF": "اطبع بصيغة PDF",
    "Fullscreen mode": "ملء الشاشة",
    "By": "تأليف",
    "© Copyright %(copyright)s.": "© حقوق النشر %(copyright)s.",
    "Copyright %(copyright)s": "حقوق النشر %(copyright)s",
    "Last updated on %(last_updated)s.": "آخر تحديث في %(last_updated)s.",
    "Error": "خطأ",
    "Please activate JavaScript to enable the search functionality.": "فعّل JavaScript ليعمل البحث.",
    # The book's name, its authors and the captions of the English parts of its table of contents (_toc.yml).
    "The Fall of Hama, December 2024": "سقوط حماة، كانون الأول/ديسمبر 2024",
    "The Fall of Hama project contributors": "المساهمون في مشروع سقوط حماة",
    "The week Hama fell": "أسبوع سقوط حماة",
    "Appendix": "الملاحق",
}
# The themes' templates that write a word as it is, and those words (served through gettext: :func:`with_gettext`).
LITERALS = {
    "toggle-primary-sidebar.html": ('title="Toggle primary sidebar"',),
    "toggle-secondary-sidebar.html": ('title="Toggle secondary sidebar"',),
    "sbt-sidebar-nav.html": ('aria-label="Main"',),
}
# The themes' options that hold words (the search box's placeholder) and the book's words in the footer: the Arabic
# page's own, by the option's name in the template context.
OPTIONS = {"theme_search_bar_text": "Search the book…"}
FOOTER = (
    '<p class="hb-footer" lang="ar" dir="rtl">للاستشهاد: المساهمون في مشروع سقوط حماة، <em lang="en" dir="ltr">The '
    "Fall of Hama, December 2024</em> (انظر <code>CITATION.cff</code> في المستودع). النص والبيانات: "
    '<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>، مع نسبتها إلى المصادر الأصلية المسمّاة '
    "في حزمة البيانات؛ والشيفرة: MIT.</p>\n"
)
_CAPTION = re.compile(r'(<span class="caption-text">)([^<]+)(</span>)')
# A link of the table of contents to an English page (every page outside book/ar/), seen from an Arabic page.
_ENGLISH_LINK = re.compile(r'(<a class="reference internal" href="(?!(?:\./)?[\w-]+\.html|#)[^"]*")(>)')
_ATTRIBUTE = re.compile(r'^(?P<name>[\w-]+)="(?P<word>[^"]+)"$')


def with_gettext(template: str, literals: tuple[str, ...]) -> str:
    """``template`` with each of ``literals`` (``name="Word"``) written through gettext: ``name="{{ _('Word') }}"``."""
    for literal in literals:
        match = _ATTRIBUTE.match(literal)
        if not match or template.count(literal) != 1:
            raise RuntimeError(f"the theme's template no longer holds {literal!r} once (theme changed?)")
        template = template.replace(literal, f"{match['name']}=\"{{{{ _('{match['word']}') }}}}\"")
    return template


def served_templates(find: Callable[[str], Path]) -> dict[str, str]:
    """The templates of :data:`LITERALS`, their words through gettext (``find`` gives a template's file)."""
    return {name: with_gettext(find(name).read_text(encoding="utf-8"), words) for name, words in LITERALS.items()}


@functools.cache
def _catalogues() -> tuple[gettext_module.NullTranslations, ...]:
    """Sphinx's and sphinx-book-theme's own Arabic catalogues, as installed."""
    import sphinx
    import sphinx_book_theme

    files = (
        Path(sphinx.__file__).parent / "locale/ar/LC_MESSAGES/sphinx.mo",
        Path(sphinx_book_theme.__file__).parent / "theme/sphinx_book_theme/static/locales/ar/LC_MESSAGES/booktheme.mo",
    )
    return tuple(gettext_module.GNUTranslations(path.open("rb")) for path in files if path.is_file())


def arabic(message: str) -> str:
    """``message`` in Arabic: the book's word, else the installed catalogues', else the message as it is."""
    if message in WORDS:
        return WORDS[message]
    for catalogue in _catalogues():
        said = catalogue.gettext(message)
        if said != message:
            return said
    return message


def _ngettext(singular: str, plural: str, n: int) -> str:
    return arabic(singular if n == 1 else plural)


def arabic_toctree(html: str) -> str:
    """The table of contents as an Arabic page shows it: the parts' captions in Arabic, each link to an English page
    marked as English (its title is that page's own), left to right."""
    html = _CAPTION.sub(lambda m: m[1] + arabic(m[2]) + m[3], html)
    return _ENGLISH_LINK.sub(r'\1 lang="en" dir="ltr"\2', html)


def _arabic_toctree_html(toctree: Callable, *args, **kwargs):
    """The theme's table of contents: the sidebar's (its HTML, as an Arabic page shows it); any other (the parsed tree
    the theme reads itself), as it is."""
    made = toctree(*args, **kwargs)
    return arabic_toctree(str(made)) if kwargs.get("kind", args[0] if args else None) == "sidebar" else made


def localise(context: dict) -> None:
    """An Arabic page's template context: the theme's words in Arabic (gettext, sphinx-book-theme's translate, the
    header buttons' titles), the search box's placeholder, the book's name and authors, the table of contents'
    captions, the footer."""
    context["gettext"], context["ngettext"], context["translate"] = arabic, _ngettext, arabic
    for key in ("docstitle", "author"):
        if isinstance(context.get(key), str):
            context[key] = arabic(context[key])
    if context.get("titlesuffix"):
        context["titlesuffix"] = " — " + context["docstitle"]
    toctree = context.get("generate_toctree_html")
    if callable(toctree):
        context["generate_toctree_html"] = functools.partial(_arabic_toctree_html, toctree)
    for option, word in OPTIONS.items():
        context[option] = arabic(word)
    if context.get("theme_extra_footer"):
        context["theme_extra_footer"] = FOOTER
    for button in context.get("header_buttons", []):
        if isinstance(button.get("tooltip"), str):
            button["tooltip"] = arabic(button["tooltip"])
        for item in button.get("buttons", []):
            if isinstance(item.get("tooltip"), str):
                item["tooltip"] = arabic(item["tooltip"])
