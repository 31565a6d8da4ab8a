"""The print edition builds, with every figure drawn as a vector drawing (its labels as text), captions as text
and Arabic titles typeset.

`make test` installs TeX (`make tex`), builds the print edition with `make pdf` from the site build's doctrees and
runs this check with HAMABOOK_PRINT_BUILD pointing at that build and HAMABOOK_REQUIRE_TEX=1 (a missing TeX fails).
Run on its own, the test builds the site and then the PDF itself, and is skipped without TeX.
"""

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hamabook import ROOT
from hamabook.build.printed import PRINT_FROM_ENV
from hamabook.output.render import static_svgs

pytestmark = pytest.mark.print_edition
# The --path-output of a print build to check (set by `make test`); unset, the test builds one itself.
PRINT_BUILD = "HAMABOOK_PRINT_BUILD"

HAVE_TEX = all(shutil.which(tool) for tool in ("xelatex", "latexmk", "pdftotext"))
ARABIC = re.compile("[\u0600-\u06ff]")
OVERFULL_PT = 10  # points a line may overrun the text block (beyond this a reader sees it)
LABEL = re.compile(r"<text[^>]*>([^<]+)</text>")
DRAWING = re.compile(r"\\sphinxincludegraphics(?:\[[^]]*\])?\{\{([0-9a-f]+)\}\.pdf\}")


def _figure_labels() -> list[set[str]]:
    """Each figure's labels (axis titles, legends, marks; spaces removed), from the static SVG the committed
    notebooks show. A drawing whose text is turned into outlines has none."""
    labels = []
    for path in sorted((ROOT / "book").glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                markup = "".join(output.get("data", {}).get("text/html", ""))
                if 'class="hb-figure"' in markup:
                    for svg in static_svgs(markup):
                        labels.append({re.sub(r"\s+", "", html.unescape(t)) for t in LABEL.findall(svg)} - {""})
    return labels


def _text(pdf: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def test_pdf_has_every_figure_its_caption_and_arabic_text(tmp_path):
    if not HAVE_TEX:
        if os.environ.get("HAMABOOK_REQUIRE_TEX") == "1":
            pytest.fail("TeX is not installed: run `make tex` (Debian: apt-get install texlive-xetex ...)")
        pytest.skip("TeX is not installed (make tex)")
    if os.environ.get(PRINT_BUILD):
        out = Path(os.environ[PRINT_BUILD])
    else:
        out = tmp_path
        jb = str(Path(sys.executable).with_name("jupyter-book"))
        site = tmp_path / "site"
        for command, env in (
            ([jb, "build", "-W", "-n", "--keep-going", "--path-output", str(site), str(ROOT)], os.environ),
            (
                [
                    jb,
                    "build",
                    "-W",
                    "-n",
                    "--keep-going",
                    "--builder",
                    "pdflatex",
                    "--path-output",
                    str(out),
                    str(ROOT),
                ],
                {**os.environ, PRINT_FROM_ENV: str(site / "_build"), "LATEXMKOPTS": "-xelatex"},
            ),
        ):
            run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
            assert run.returncode == 0, f"the build failed:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}"
    latex = out / "_build" / "latex"
    pdf = latex / "fall-of-hama.pdf"
    text = _text(pdf)
    tex = (latex / "fall-of-hama.tex").read_text(encoding="utf-8")
    # Every figure is included as a drawing whose own text holds all the figure's labels.
    # (-raw: in drawing order, so labels set close together are not merged the way the eye would read them)
    drawings = [re.sub(r"\s+", "", _text(latex / f"{name}.pdf", "-raw")) for name in DRAWING.findall(tex)]
    figures = _figure_labels()
    assert figures, "no figure in the notebooks"
    assert len(drawings) == len(figures), f"{len(figures)} figures, {len(drawings)} drawings in the LaTeX"
    missing = [sorted(want)[:3] for want in figures if not any(all(w in d for w in want) for d in drawings)]
    assert missing == [], f"figures with no drawing of their own in the PDF (first labels): {missing}"
    assert "Key judgments" in text and "Bottom line" in text and "Judgment J09" in text
    # Titles in Arabic (from data/sources.csv) reach the PDF, in a font that has their letters.
    log = (latex / "fall-of-hama.log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log, "a font in the PDF lacks some characters (see the LaTeX log)"
    # Nothing runs off the page: a table breaks across pages (longtable), a registry is named, not printed.
    assert "Overfull \\vbox" not in log, "content runs off a page (Overfull \\vbox in the LaTeX log)"
    # No line sticks out of the text block by more than a few points (a word wider than its table column, a URL).
    wide = [float(w) for w in re.findall(r"Overfull \\hbox \(([\d.]+)pt too wide\)", log) if float(w) > OVERFULL_PT]
    assert wide == [], f"{len(wide)} lines overrun the text block by more than {OVERFULL_PT} pt (up to {max(wide)} pt)"
    if ARABIC.search(tex):
        assert ARABIC.search(text), "Arabic text in the sources did not reach the PDF"
