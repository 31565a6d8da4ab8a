"""The two editions in one site: each page's language and direction, the language switch, ``hreflang`` links, and
the Arabic pages' style sheet and typeface.

- A page declares its language in its notebook's metadata (``"hamabook": {"lang": "ar"}``); a page that does not is
  English. An Arabic page gets ``<html lang="ar" dir="rtl">`` (the theme's page layout, served with those two
  attributes: :func:`layout_with_direction`), the style sheet ``hb-arabic.css`` (the theme mirrored where it pins a
  physical side, and the Arabic typeface) and nothing else: English pages load neither.
- Each chapter's Arabic page is named in ``data/chapters.csv`` (``arabic_page``). Every page carries a language
  switch in its header bar (:func:`switch_html`): to its counterpart when it has one, to the Arabic edition's first
  page otherwise, and back to the English edition from an Arabic page. A page with a counterpart names both versions
  in ``<link rel="alternate" hreflang>`` (absolute with a base URL).
- The typeface (:mod:`hamabook.build.fonts`) is copied from the virtual environment into ``_static/fonts`` with its
  licence before pages are written.
"""

from __future__ import annotations

import functools
import html
import json
import shutil
from pathlib import Path, PurePosixPath

from . import arabic_theme, fonts

ARABIC = "ar"
CSS = "hb-arabic.css"
CSS_SOURCE = Path(__file__).parent / "static" / CSS
FONTS = "fonts"
LICENCE = "NotoNaskhArabic-OFL.txt"
BOOK = "book/"  # the English pages' folder; an Arabic page's name is BOOK + arabic_page
# The switch stands in the article's header bar, first of the theme's buttons (:func:`buttons_with_switch`), so the
# page is no taller; its look is on the element itself (a rule in the shared style sheet would change every English
# page's link to that sheet).
BUTTONS = "article-header-buttons.html"  # the theme's template, served with the switch
SWITCH_STYLE = "align-self: center; font-size: .9rem; margin-inline: .5rem; white-space: nowrap"


def page_language(path: str | Path) -> str | None:
    """The language a notebook declares (``metadata.hamabook.lang``), or None."""
    path = Path(path)
    if path.suffix != ".ipynb" or not path.is_file():
        return None
    meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
    lang = (meta.get("hamabook") or {}).get("lang")
    return lang if isinstance(lang, str) else None


@functools.cache
def counterparts() -> dict[str, str]:
    """{English page: Arabic page} and back, as Sphinx names pages (``book/intro`` <-> ``book/ar/intro``), from
    ``data/chapters.csv``."""
    from ..data import load

    chapters = load("chapters")
    pairs = {}
    for row in chapters.itertuples():
        if isinstance(row.arabic_page, str) and row.arabic_page:
            english, arabic = f"{BOOK}{row.chapter}", f"{BOOK}{row.arabic_page}"
            pairs[english], pairs[arabic] = arabic, english
    return pairs


def arabic_home() -> str | None:
    """The Arabic edition's first page: the Arabic page of the earliest chapter that has one (None before any)."""
    from ..data import load

    chapters = load("chapters")
    written = chapters[chapters["arabic_page"].notna()].sort_values("page")
    return None if written.empty else f"{BOOK}{written.iloc[0]['arabic_page']}"


def switch_html(href: str, to_arabic: bool, counterpart: bool) -> str:
    """The language switch: 'بالعربية' to a page's Arabic version, 'النسخة العربية' to the Arabic edition when
    the page has none yet, 'English' back from an Arabic page."""
    if to_arabic:
        words, lang, direction = ("بالعربية" if counterpart else "النسخة العربية"), "ar", "rtl"
    else:
        words, lang, direction = "English", "en", "ltr"
    return (
        f'<a class="hb-lang-switch" style="{SWITCH_STYLE}" href="{html.escape(href)}" hreflang="{lang}" '
        f'lang="{lang}" dir="{direction}">{words}</a>'
    )


def font_preloads(pathto) -> str:
    """``<link rel="preload" as="font">`` for each shipped weight of the Arabic typeface: an Arabic page asks for its
    fonts with its first bytes instead of once its style sheet is read, and paints its text sooner (``pathto``: the
    page's Sphinx ``pathto``, for a link relative to it)."""
    return "".join(
        f'<link rel="preload" as="font" type="font/woff" crossorigin '
        f'href="{html.escape(pathto(f"_static/{FONTS}/{fonts.shipped_name(weight)}", 1))}" />\n'
        for weight in fonts.WEIGHTS
    )


def alternate_links(urls: dict[str, str]) -> str:
    """``<link rel="alternate" hreflang>`` for each language's version of a page (``{"en": url, "ar": url}``)."""
    return "".join(
        f'<link rel="alternate" hreflang="{lang}" href="{html.escape(url)}" />\n' for lang, url in sorted(urls.items())
    )


def layout_with_direction() -> str:
    """pydata-sphinx-theme's page layout, its ``<html>`` tag given the page's language and direction when the page
    sets them (``hb_lang``, ``hb_dir``); unchanged for a page that does not."""
    import pydata_sphinx_theme

    source = Path(pydata_sphinx_theme.__file__).parent / "theme/pydata_sphinx_theme/layout.html"
    text = source.read_text(encoding="utf-8")
    old = '{% if language is not none %} lang="{{ language }}"{% endif %}'
    new = (
        '{% if hb_lang %} lang="{{ hb_lang }}" dir="{{ hb_dir }}"'
        '{% elif language is not none %} lang="{{ language }}"{% endif %}'
    )
    if text.count(old) != 1:
        raise RuntimeError(f"{source}: no single lang attribute on <html> to extend (theme changed?)")
    return text.replace(old, new)


def buttons_with_switch() -> str:
    """sphinx-book-theme's article header buttons, the language switch (``hb_switch``) first among them."""
    import sphinx_book_theme

    source = Path(sphinx_book_theme.__file__).parent / "theme/sphinx_book_theme/components/article-header-buttons.html"
    text = source.read_text(encoding="utf-8")
    old = '<div class="article-header-buttons">\n'
    if text.count(old) != 1:
        raise RuntimeError(f"{source}: no single header buttons element to add the switch to (theme changed?)")
    return text.replace(old, '<div class="article-header-buttons">{{ hb_switch }}\n')


def _book_theme_component(name: str) -> Path:
    import sphinx_book_theme

    return Path(sphinx_book_theme.__file__).parent / "theme/sphinx_book_theme/components" / name


def stylesheet() -> str:
    """``hb-arabic.css``: the typeface's @font-face rules, then the right-to-left rules."""
    return fonts.font_face_css(f"{FONTS}/") + CSS_SOURCE.read_text(encoding="utf-8")


def _serve_layout(app) -> None:
    """Serve the layout with direction and the header buttons with the switch ahead of the theme's own (as
    hamabook.build.sphinxext does for the icon script)."""
    if app.builder.format != "html" or not hasattr(app.builder, "templates"):
        return
    from jinja2 import DictLoader

    served = {"pydata_sphinx_theme/layout.html": layout_with_direction(), BUTTONS: buttons_with_switch()}
    served |= arabic_theme.served_templates(_book_theme_component)
    app.builder.templates.loaders.insert(0, DictLoader(served))
    app.builder.templates.templatepathlen += 1


def _copy_assets(app) -> None:
    """Before pages are written (so Sphinx versions their URLs by content): the style sheet, the fonts, their
    licence. A book with Arabic pages needs the fonts: without them the build stops and says how to get them."""
    if app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    (static / FONTS).mkdir(parents=True, exist_ok=True)
    source = fonts.font_dir()
    missing = [w for w in fonts.WEIGHTS if not (source / fonts.shipped_name(w)).is_file()]
    if missing:
        raise RuntimeError(f"the Arabic typeface is missing from {source}: run `make arabic-font` (the set-up runs it)")
    for weight in fonts.WEIGHTS:
        _copy_if_changed(source / fonts.shipped_name(weight), static / FONTS / fonts.shipped_name(weight))
    _copy_if_changed(source / "package" / "LICENSE", static / FONTS / LICENCE)
    target = static / CSS
    text = stylesheet()
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def _copy_if_changed(source: Path, target: Path) -> None:
    if not target.exists() or target.read_bytes() != source.read_bytes():
        shutil.copyfile(source, target)


def _page_edition(app, pagename, templatename, context, doctree) -> None:
    """The page's language and direction, its style sheet, its switch and its alternates."""
    if app.builder.format != "html" or "pathto" not in context:
        return
    source = app.env.doc2path(pagename) if pagename in app.env.all_docs else None
    arabic = source is not None and page_language(source) == ARABIC
    counterpart = counterparts().get(pagename)
    if arabic:
        context["hb_lang"], context["hb_dir"] = ARABIC, "rtl"
        app.add_css_file(CSS)
        context["metatags"] = context.get("metatags", "") + font_preloads(context["pathto"])
        target = counterpart or app.config.root_doc
    else:
        target = counterpart or arabic_home()
    if target is None:  # a book without Arabic pages has no switch
        return
    context["hb_switch"] = switch_html(context["pathto"](target), not arabic, counterpart is not None)
    if counterpart is not None:
        base = app.config.html_baseurl.rstrip("/") + "/" if app.config.html_baseurl else ""

        def url(name: str) -> str:  # absolute with a base URL; else relative (the page itself by its file name)
            if base:
                return base + name + ".html"
            return PurePosixPath(name).name + ".html" if name == pagename else context["pathto"](name)

        urls = {ARABIC: url(pagename if arabic else counterpart), "en": url(counterpart if arabic else pagename)}
        context["metatags"] = context.get("metatags", "") + alternate_links(urls)


def _page_words(app, pagename, templatename, context, doctree) -> None:
    """An Arabic page's theme words in Arabic (after the themes have set theirs: sphinx-book-theme's header buttons
    are made at priority 501)."""
    if context.get("hb_lang") == ARABIC:
        arabic_theme.localise(context)


def setup(app) -> None:
    """Called by :mod:`hamabook.build.sphinxext`."""
    app.connect("builder-inited", _serve_layout)
    app.connect("builder-inited", _copy_assets)
    app.connect("html-page-context", _page_edition)
    app.connect("html-page-context", _page_words, priority=900)
