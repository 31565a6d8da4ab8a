"""book/references.bib as others use it: real BibTeX and XeLaTeX typeset every entry without an error.

Runs in `make test`'s print part (TeX required there); on its own it is skipped without TeX.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from hamabook.build.bib import BIB_PATH
from hamabook.data import load

pytestmark = pytest.mark.print_edition

DOCUMENT = r"""\documentclass{article}
\usepackage{url}
\begin{document}
\nocite{*}
\bibliographystyle{plain}
\bibliography{references}
\end{document}
"""
# Characters LaTeX treats specially: each one a title holds must come out of the PDF as itself.
LATEX_SPECIAL = re.compile(r"[$%&#_^~\\{}]")


def _run(tool: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(tool, cwd=cwd, capture_output=True, text=True, timeout=300)


def test_bibtex_and_latex_typeset_the_bibliography(tmp_path: Path):
    if not all(shutil.which(tool) for tool in ("xelatex", "bibtex", "pdftotext")):
        if os.environ.get("HAMABOOK_REQUIRE_TEX") == "1":
            pytest.fail("TeX is not installed: run `make tex`")
        pytest.skip("TeX is not installed (make tex)")
    shutil.copy(BIB_PATH, tmp_path / "references.bib")
    (tmp_path / "main.tex").write_text(DOCUMENT, encoding="utf-8")
    latex = ["xelatex", "-interaction=nonstopmode", "-halt-on-error", "main.tex"]
    first = _run(latex, tmp_path)
    assert first.returncode == 0, first.stdout[-3000:]
    bibtex = _run(["bibtex", "main"], tmp_path)
    assert bibtex.returncode == 0, bibtex.stdout[-3000:]  # 1 = warnings, 2 = errors: both say what to fix
    second = _run(latex, tmp_path)
    assert second.returncode == 0, second.stdout[-3000:]
    log = (tmp_path / "main.log").read_text(encoding="utf-8", errors="replace")
    assert not re.search(r"^! ", log, re.MULTILINE), log[-3000:]
    text = _run(["pdftotext", "main.pdf", "-"], tmp_path).stdout
    sources = load("sources")
    assert (tmp_path / "main.bbl").read_text(encoding="utf-8").count("\\bibitem{") == len(sources)
    special = {ch for title in sources["title"].dropna() for ch in LATEX_SPECIAL.findall(title)}
    assert {ch for ch in special if ch not in text} == set()
