"""The print edition builds when TeX is installed, with every figure as an image and captions as text."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hamabook import ROOT
from hamabook.output.figure import PRINT_ENV

pytestmark = [
    pytest.mark.site,
    pytest.mark.skipif(not (shutil.which("xelatex") and shutil.which("latexmk")), reason="TeX is not installed"),
]


def test_pdf_has_every_figure_and_its_caption(tmp_path):
    jb = Path(sys.executable).with_name("jupyter-book")
    subprocess.run(
        [str(jb), "build", "--builder", "pdflatex", "--path-output", str(tmp_path), str(ROOT)],
        check=True,
        cwd=ROOT,
        env={**os.environ, PRINT_ENV: "1"},
        capture_output=True,
    )
    pdf = tmp_path / "_build" / "latex" / "fall-of-hama.pdf"
    images = subprocess.run(["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True).stdout
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    figures = sum(p.read_text(encoding="utf-8").count('class=\\"hb-figure\\"') for p in (ROOT / "book").glob("*.ipynb"))
    assert len(images.strip().splitlines()) - 2 >= figures, "a figure is missing from the PDF"
    assert "Key judgments" in text and "Every source in our data dates the fall of Hama" in text
