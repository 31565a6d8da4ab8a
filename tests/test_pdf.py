"""The print edition builds, with every figure as an image, captions as text and Arabic titles typeset.

`make test` installs TeX (`make tex`), builds the print edition with `make pdf` from the site build's execution
and runs this check with HAMABOOK_PRINT_BUILD pointing at that build and HAMABOOK_REQUIRE_TEX=1 (a missing TeX
fails). Run on its own, the test builds the site and then the PDF itself, and is skipped without TeX.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hamabook import ROOT
from hamabook.build.printed import PRINT_FROM_ENV

pytestmark = pytest.mark.print_edition
# The --path-output of a print build to check (set by `make test`); unset, the test builds one itself.
PRINT_BUILD = "HAMABOOK_PRINT_BUILD"

HAVE_TEX = all(shutil.which(tool) for tool in ("xelatex", "latexmk", "pdftotext", "pdfimages"))
ARABIC = re.compile("[\u0600-\u06ff]")


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
            ([jb, "build", "--path-output", str(site), str(ROOT)], os.environ),
            (
                [jb, "build", "--builder", "pdflatex", "--path-output", str(out), str(ROOT)],
                {**os.environ, PRINT_FROM_ENV: str(site / "_build" / "jupyter_execute")},
            ),
        ):
            run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
            assert run.returncode == 0, f"the build failed:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}"
    latex = out / "_build" / "latex"
    pdf = latex / "fall-of-hama.pdf"
    images = subprocess.run(["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True).stdout
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    figures = sum(p.read_text(encoding="utf-8").count('class=\\"hb-figure\\"') for p in (ROOT / "book").glob("*.ipynb"))
    drawn = [line for line in images.splitlines()[2:] if line.split()[2] == "image"]  # not their alpha masks
    assert len(drawn) >= figures, "a figure is missing from the PDF"
    assert "Key judgments" in text and "Bottom line" in text and "Judgment J09" in text
    # Titles in Arabic (from data/sources.csv) reach the PDF, in a font that has their letters.
    log = (latex / "fall-of-hama.log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log, "a font in the PDF lacks some characters (see the LaTeX log)"
    tex = (latex / "fall-of-hama.tex").read_text(encoding="utf-8")
    if ARABIC.search(tex):
        assert ARABIC.search(text), "Arabic text in the sources did not reach the PDF"
