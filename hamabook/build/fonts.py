"""The Arabic edition's typeface, shipped with the book and never fetched: Noto Naskh Arabic (SIL Open Font Licence).

``make arabic-font`` takes the npm package ``@fontsource/noto-naskh-arabic`` at a pinned version and checksum (the
Makefile), unpacks its regular and bold "arabic" files into the virtual environment and runs this module, which
cuts each down to the characters Modern Standard Arabic uses (:data:`CODEPOINTS`: the letters, the short vowels and
other marks, the Arabic punctuation and digits; the joining forms and ligatures they need come with them) and
writes it as WOFF. The cut keeps a page's weight low (about 15 KB a weight, against 53 KB for the package's WOFF2 of
the whole Arabic block); it is written as WOFF because fontTools writes WOFF2 only with ``brotli``, which the pinned
set does not hold. The cut is deterministic (the source's timestamps are kept), so every build ships the same bytes.

The site build (:mod:`hamabook.build.editions`) copies the files into ``_static/fonts`` with the licence, and the
Arabic pages' style sheet declares them with exactly these characters as their ``unicode-range``: any other
character falls back to the reader's fonts (a site check requires every Arabic character on the Arabic pages to be
one of them).
"""

from __future__ import annotations

import sys
from pathlib import Path

FAMILY = "Noto Naskh Arabic"
PACKAGE = "@fontsource/noto-naskh-arabic"
WEIGHTS = (400, 700)
# Arabic comma, semicolon and question mark; hamza to ghain; tatweel to sukun, maddah and hamza marks; the
# Arabic-Indic digits and the Arabic percent, decimal and thousands signs; the superscript alef; the zero-width
# joiner and non-joiner (which shape the letters beside them).
CODEPOINTS = tuple(
    sorted(
        {0x060C, 0x061B, 0x061F, 0x0670, 0x200C, 0x200D}
        | set(range(0x0621, 0x063B))
        | set(range(0x0640, 0x0656))
        | set(range(0x0660, 0x066E))
    )
)


def font_dir() -> Path:
    """Where ``make arabic-font`` puts the fonts: inside the virtual environment that pinned the toolchain."""
    return Path(sys.prefix) / "share" / "noto-naskh-arabic"


def source_name(weight: int) -> str:
    """The package's file for ``weight`` (its "arabic" subset, WOFF)."""
    return f"noto-naskh-arabic-arabic-{weight}-normal.woff"


def shipped_name(weight: int) -> str:
    """The cut font's file name, as the site serves it from ``_static/fonts``."""
    return f"noto-naskh-arabic-{weight}.woff"


def unicode_range(codepoints=CODEPOINTS) -> str:
    """'U+60C,U+61B,U+61F,U+621-63A,…': the codepoints as CSS ranges."""
    spans: list[list[int]] = []
    for cp in sorted(codepoints):
        if spans and cp == spans[-1][1] + 1:
            spans[-1][1] = cp
        else:
            spans.append([cp, cp])
    return ",".join(f"U+{a:X}" if a == b else f"U+{a:X}-{b:X}" for a, b in spans)


def font_face_css(url_prefix: str = "fonts/") -> str:
    """The @font-face rules of the shipped weights (``font-display: swap``: text shows at once in a fallback)."""
    return "".join(
        "@font-face { "
        f'font-family: "{FAMILY}"; font-style: normal; font-weight: {weight}; font-display: swap; '
        f'src: url("{url_prefix}{shipped_name(weight)}") format("woff"); unicode-range: {unicode_range()}; '
        "}\n"
        for weight in WEIGHTS
    )


def cut(source: Path, target: Path, codepoints=CODEPOINTS) -> None:
    """Write ``source`` reduced to ``codepoints`` (with every glyph their shaping needs) as WOFF to ``target``."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = ["*"]  # every OpenType feature: joining forms, ligatures, mark positioning
    options.name_IDs = ["*"]  # the names, licence and copyright notices stay
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.flavor = "woff"
    font = TTFont(source, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=list(codepoints))
    subsetter.subset(font)
    font.flavor = "woff"
    target.parent.mkdir(parents=True, exist_ok=True)
    font.save(target, reorderTables=True)


def main(directory: str) -> None:
    """``python -m hamabook.build.fonts DIR``: cut the package's files unpacked in DIR/package/files into DIR."""
    root = Path(directory)
    for weight in WEIGHTS:
        cut(root / "package" / "files" / source_name(weight), root / shipped_name(weight))
        print(f"{shipped_name(weight)}: {(root / shipped_name(weight)).stat().st_size} bytes")


if __name__ == "__main__":
    main(*sys.argv[1:])
