"""Only the icons the book uses, as a few KB of CSS, instead of the theme's 1.5 MB icon script.

pydata-sphinx-theme ships Font Awesome as ``scripts/fontawesome.js``, which swaps every
``<i class="fa-solid fa-…">`` for an inline SVG once it runs. At build time we read the icon
paths straight out of that (pinned) file, keep the icons the themes' templates and scripts can
show, and write them as CSS masks on the icon elements' ``::before`` (which the theme's CSS would
otherwise fill from a 150 KB icon web font, ``html .fa-x`` outranking its ``.fa-x``): the icons show before
any script runs, take the text colour (so dark mode works), and nothing is fetched for them.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterable
from pathlib import Path

# One entry of an icon pack: name: [width, height, [aliases], "unicode", "svg path data"]
_ENTRY = re.compile(r'(?:"([^"]+)"|([A-Za-z0-9_$]+)):\[(\d+),(\d+),\[([^\]]*)\],"([0-9a-f]*)",("(?:[^"\\]|\\.)*")\]')
_PACK_START = re.compile(r"var [A-Za-z_$]+=\{")
_PACK_DEFINE = re.compile(r'[A-Za-z_$]\("(fa[bsr])",[A-Za-z_$]+\)')
_USED = re.compile(r"\bfa-[a-z0-9]+(?:-[a-z0-9]+)*")
# Class names that are styles or sizes, not icons.
_MODIFIERS = {"fa-solid", "fa-regular", "fa-brands", "fa-lg", "fa-sm", "fa-xs", "fa-fw", "fa-2x", "fa-3x"}
_STYLE = {"fas": "fa-solid", "far": "fa-regular", "fab": "fa-brands"}


def theme_dirs() -> list[Path]:
    """The installed themes' template and static directories (what can put an icon on a page)."""
    import pydata_sphinx_theme
    import sphinx_book_theme

    return [Path(pydata_sphinx_theme.__file__).parent, Path(sphinx_book_theme.__file__).parent]


def fontawesome_js() -> Path:
    import pydata_sphinx_theme

    return Path(pydata_sphinx_theme.__file__).parent / "theme/pydata_sphinx_theme/static/scripts/fontawesome.js"


Icon = tuple[int, int, str]  # width, height, SVG path data


def icon_packs(source: str) -> tuple[dict[str, dict[str, Icon]], dict[str, dict[str, str]]]:
    """From Font Awesome's JS: {style class: {icon class: icon}} (aliases included), and
    {style class: {code point: icon class}}."""
    packs: dict[str, dict[str, Icon]] = {}
    codes: dict[str, dict[str, str]] = {}
    starts = [m.start() for m in _PACK_START.finditer(source)]
    for define in _PACK_DEFINE.finditer(source):
        begin = max((s for s in starts if s < define.start()), default=None)
        if begin is None:
            continue
        style = _STYLE[define.group(1)]
        icons, points = packs.setdefault(style, {}), codes.setdefault(style, {})
        for m in _ENTRY.finditer(source, begin, define.start()):
            name = m.group(1) or m.group(2)
            path = m.group(7)[1:-1].encode().decode("unicode_escape")
            entry = (int(m.group(3)), int(m.group(4)), path)
            aliases = [a.strip('"') for a in m.group(5).split(",") if a.startswith('"')]
            for alias in [name, *aliases]:
                icons.setdefault("fa-" + alias, entry)
            points.setdefault(m.group(6), "fa-" + name)
    return packs, codes


def used_icon_classes(dirs: Iterable[Path]) -> set[str]:
    """Every ``fa-…`` class named in the themes' templates, Python and scripts (a safe superset)."""
    found: set[str] = set()
    for folder in dirs:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".html", ".py") or path.name in ("pydata-sphinx-theme.js", "sphinx-book-theme.js"):
                found.update(_USED.findall(path.read_text(encoding="utf-8", errors="replace")))
    return found - _MODIFIERS


_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*?content:var\(--pst-icon-([a-z0-9-]+)\)[^{}]*)\}")
_CSS_VAR = re.compile(r'--pst-icon-([a-z0-9-]+):(?:var\(--pst-icon-([a-z0-9-]+)\)|"([^"]*)")')


def theme_css_icons(css: str, codes: dict[str, dict[str, str]]) -> dict[str, str]:
    """{selector: icon class} for the theme's CSS rules that draw an icon from the web font
    (``content: var(--pst-icon-…)``: admonition titles, external links, downloads, …)."""
    values: dict[str, str] = {}
    links: dict[str, str] = {}
    for name, target, literal in _CSS_VAR.findall(css):
        if target:
            links[name] = target
        else:
            char = literal.encode().decode("unicode_escape") if literal.startswith("\\") else literal
            values[name] = f"{ord(char):x}" if len(char) == 1 else ""
    found: dict[str, str] = {}
    for selectors, body, var in _CSS_RULE.findall(css):
        seen = set()
        while var in links and var not in seen:
            seen.add(var)
            var = links[var]
        point = values.get(var, "")
        style = "fa-brands" if "fa-font-brands" in body or var in ("github", "gitlab") else "fa-solid"
        cls = codes.get(style, {}).get(point) or codes.get("fa-solid", {}).get(point)
        if not cls:
            continue
        for selector in selectors.split(","):
            selector = selector.strip()
            if selector and not selector.startswith((".fa-", "@")):
                found[selector] = cls
    return found


def icon_css(
    classes: Iterable[str], packs: dict[str, dict[str, Icon]], theme_rules: dict[str, str] | None = None
) -> str:
    """CSS drawing each icon as a mask of its path, in the current text colour: for elements with an
    icon class, and for the theme's own rules in ``theme_rules``. Sorted: deterministic."""

    def find(cls: str) -> Icon | None:
        return next((packs[s][cls] for s in ("fa-solid", "fa-regular", "fa-brands") if cls in packs.get(s, {})), None)

    targets = {f"html .{c}::before": c for c in classes if find(c)}
    for selector, cls in (theme_rules or {}).items():
        if find(cls):
            targets[
                "html " + selector.replace(":before", "::before").replace(":after", "::after").replace("::::", "::")
            ] = cls
    used = sorted(set(targets.values()))
    variables = []
    for cls in used:
        width, height, path = find(cls)
        svg = f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}'><path d='{path}'/></svg>"
        url = "data:image/svg+xml," + urllib.parse.quote(svg, safe=" ,/:;=()'!*<>@?+$.-_~")
        variables.append(f'--hb-{cls}:url("{url}")')
    lines = [
        "/* Generated at build time by hamabook.build.icons from the theme's Font Awesome (icons: CC BY 4.0). */",
        "html{" + ";".join(variables) + "}",
        # Chrome fetches a font an inline element names just to size its line, even with no text in it.
        "html .fa,html .fa-solid,html .fa-regular,html .fa-brands,html .fas,html .far,html .fab{font-family:inherit}",
        ",".join(sorted(targets)) + "{font-family:sans-serif;display:inline-block;height:1em;vertical-align:-0.125em;"
        "background-color:currentColor;"
        "-webkit-mask:var(--hb-icon) center/contain no-repeat;mask:var(--hb-icon) center/contain no-repeat}",
    ]
    for selector in sorted(targets):
        width, height, _ = find(targets[selector])
        lines.append(
            f'{selector}{{content:"";--hb-icon:var(--hb-{targets[selector]});width:{round(width / height, 4)}em}}'
        )
    return "\n".join(lines) + "\n"


def theme_css() -> str:
    import pydata_sphinx_theme

    path = Path(pydata_sphinx_theme.__file__).parent / "theme/pydata_sphinx_theme/static/styles/pydata-sphinx-theme.css"
    return path.read_text(encoding="utf-8")


def build_icon_css() -> str:
    packs, codes = icon_packs(fontawesome_js().read_text(encoding="utf-8"))
    known = set().union(*(set(p) for p in packs.values()))
    return icon_css(used_icon_classes(theme_dirs()) & known, packs, theme_css_icons(theme_css(), codes))


def webpack_macros_without_icon_script() -> str:
    """pydata-sphinx-theme's ``static/webpack-macros.html`` minus the ``<script>`` loading fontawesome.js."""
    import pydata_sphinx_theme

    source = Path(pydata_sphinx_theme.__file__).parent / "theme/pydata_sphinx_theme/static/webpack-macros.html"
    text = source.read_text(encoding="utf-8")
    trimmed = re.sub(r"[ \t]*<script[^>]*scripts/fontawesome\.js[^>]*></script>\n?", "", text)
    if trimmed == text:
        raise RuntimeError(f"{source}: no fontawesome.js script tag to remove (theme changed?)")
    return trimmed
