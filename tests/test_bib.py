"""The bibliography: generated from the registry, rendered by pybtex exactly as written, built by `make book`."""

import html
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hamabook import ROOT
from hamabook.build.bib import BIB_PATH, bibtex, entry, escape, rendered
from hamabook.data import load


def test_committed_bibtex_matches_registry():
    assert BIB_PATH.read_text(encoding="utf-8") == bibtex(), "book/references.bib is stale: run `make bib`"


def test_every_source_renders_exactly_as_written():
    """pybtex (the renderer the book uses) shows each title and publisher as in sources.csv, without backslashes."""
    shown = rendered(bibtex())
    sources = load("sources")
    assert set(shown) == set(sources["source_id"])
    for _, row in sources.iterrows():
        title = row["title"] if pd.notna(row["title"]) else row["publisher"]
        entry_text = shown[row["source_id"]]["entry"]
        assert entry_text.startswith(" ".join(title.split())), (row["source_id"], entry_text)
        assert shown[row["source_id"]]["howpublished"] == " ".join(row["publisher"].split())
        assert "\\" not in entry_text, f"stray backslash in {row['source_id']}: {entry_text}"


def _row(title: str, **extra) -> pd.Series:
    base = {
        "source_id": "x-2024",
        "title": title,
        "publisher": "P",
        "url": "https://e.org/a%20b",
        "published": pd.Timestamp("2024-12-05"),
        "accessed": pd.Timestamp("2026-11-25"),
        "kind": "un_agency",
        "reliability": "A",
    }
    return pd.Series({**base, **extra})


@pytest.mark.parametrize(
    "title",
    [
        r"Costs in $ and 50% of C:\Users\files_1 #2 & R&D ~ a^b",
        r"A \textbf not a command and \\ two backslashes",
        "en -- and em --- dashes, ``quotes'' and ?` !` kept",
        "UN OCHA Syria Flash Update No. 5: Hama, Homs and Aleppo",
        "Ḩamāh: جمعة حماة ©",
    ],
)
def test_special_characters_render_back(title):
    text = entry(_row(title))
    shown = rendered(text)["x-2024"]
    assert shown["title"] == title
    assert shown["entry"].startswith(title)  # capitals kept: the style does not lower-case a protected title
    assert "\\" not in shown["entry"].replace(title, "")


@pytest.mark.parametrize("title", ["An {unmatched brace", "The {Daily} Star", "}{ and {{x}}", "a\\{b\\} $5"])
def test_braces_are_carried_and_restored(title):
    written = escape(title)
    assert "{" not in written.replace("{}", "")  # nothing pybtex would read as grouping or find unbalanced
    assert rendered(entry(_row(title)))["x-2024"]["title"] == title


def test_bibliography_page_shows_braces_as_written(tmp_path):
    """A real Sphinx build with sphinxcontrib-bibtex and the book's brace hook shows the title exactly."""
    from sphinx.cmd.build import build_main

    title = r"Costs {in} $ and C:\dir } {"
    (tmp_path / "refs.bib").write_text(entry(_row(title)), encoding="utf-8")
    (tmp_path / "conf.py").write_text(
        "from hamabook.build.sphinxext import _restore_bibliography_text\n"
        "extensions = ['sphinxcontrib.bibtex']\n"
        "bibtex_bibfiles = ['refs.bib']\n"
        "def setup(app):\n    app.connect('doctree-resolved', _restore_bibliography_text)\n"
    )
    (tmp_path / "index.rst").write_text("Refs\n====\n\n.. bibliography::\n   :all:\n")
    assert build_main(["-q", "-W", "-b", "html", str(tmp_path), str(tmp_path / "out")]) == 0
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert html.escape(title, quote=False) in page
    assert "textbrace" not in page


def test_entry_fields():
    text = entry(_row("A & B", originator="AFP", via="Reuters"))
    assert text.startswith("@misc{x-2024,\n")
    assert "title = {{A \\& B}}" in text and "year = {2024}" in text and "month = dec," in text
    assert "url = {https://e.org/a%20b}" in text
    assert "note = {Reliability grade A (un agency); originated by AFP; via Reuters}" in text
    shown = rendered(text)["x-2024"]["entry"]
    assert "December 2024" in shown and "URL: https://e.org/a%20b" in shown


def test_translated_title_follows_the_original():
    shown = rendered(entry(_row("Titre", title_en="Title")))["x-2024"]
    assert shown["title"] == "Titre [Title]"


_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Co")), min_size=1, max_size=40)


@settings(max_examples=80, deadline=None, derandomize=True, database=None)
@given(_TEXT.filter(lambda t: t.strip()))
def test_any_text_round_trips(title):
    assert rendered(entry(_row(title)))["x-2024"]["title"] == " ".join(title.split())


# --- make book: bibliography first, then an atomic swap of the site ----------------------------------

FAKE_JB = r"""#!/bin/sh
# A stand-in for jupyter-book: writes a site into --path-output; FAKE_MODE=ok|fail|hang.
out=""; prev=""
for a in "$@"; do [ "$prev" = "--path-output" ] && out="$a"; prev="$a"; done
echo "$@" > args.txt
test -s _build/references.bib || { echo "no bibliography" >&2; exit 3; }
mkdir -p "$out/_build/html" "$out/_build/.jupyter_cache"
echo run >> "$out/_build/.jupyter_cache/runs"
echo "partial" > "$out/_build/html/index.html"
case "$FAKE_MODE" in
  fail) exit 1 ;;
  hang) touch started; sleep 30; exit 0 ;;
  traceback) touch started; trap 'echo "Traceback (most recent call last): KeyboardInterrupt" >&2; exit 1' INT TERM; sleep 30 & wait ;;
esac
echo "$FAKE_CONTENT" > "$out/_build/html/index.html"
mkdir -p "$out/_build/html/book" && echo page > "$out/_build/html/book/intro.html"
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch directory make can run `book` in, with a fake builder, the committed bibliography and the real venv."""
    for name in ("requirements.txt", "pyproject.toml", "_config.yml"):
        (tmp_path / name).write_bytes((ROOT / name).read_bytes())
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "references.bib").write_bytes((ROOT / "book" / "references.bib").read_bytes())
    (tmp_path / "stamp").touch()
    jb = tmp_path / "fake-jb"
    jb.write_text(FAKE_JB)
    jb.chmod(0o755)
    return tmp_path


def _make(project: Path, mode: str, content: str = "", *args: str, wait: bool = True):
    """``make book`` in ``project`` with the fake builder (the real bibliography step runs before it)."""
    command = [
        "make",
        "--no-print-directory",
        "-f",
        str(ROOT / "Makefile"),
        "-C",
        str(project),
        "book",
        f"JB={project / 'fake-jb'}",
        f"BIN={Path(sys.executable).parent}",
        f"STAMP={project / 'stamp'}",
        *args,
    ]
    env = {**os.environ, "FAKE_MODE": mode, "FAKE_CONTENT": content}
    if not wait:
        return subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True, start_new_session=True)
    return subprocess.run(command, env=env, capture_output=True, text=True)


def _site(project: Path) -> dict[str, bytes]:
    html = project / "_build" / "html"
    return {str(p.relative_to(html)): p.read_bytes() for p in sorted(html.rglob("*")) if p.is_file()}


def test_make_book_swaps_in_a_good_build_and_keeps_it_when_the_next_fails(project: Path):
    (project / "book" / "references.bib").unlink()
    first = _make(project, "ok", "first site")
    assert first.returncode == 0, first.stderr
    assert (project / "book" / "references.bib").read_text(encoding="utf-8") == bibtex()  # copied after success
    assert _site(project)["index.html"] == b"first site\n"
    assert "--path-output _build/next" in (project / "args.txt").read_text()

    good = _site(project)
    (project / "book" / "references.bib").write_text("% as committed\n", encoding="utf-8")
    failed = _make(project, "fail")
    assert failed.returncode != 0
    assert "Build failed: kept the last good site in _build/html" in failed.stderr
    assert _site(project) == good  # byte-identical
    assert not (project / "_build" / "html.new").exists()
    assert (project / "book" / "references.bib").read_text(encoding="utf-8") == "% as committed\n"  # tracked file

    second = _make(project, "ok", "second site")
    assert second.returncode == 0, second.stderr
    assert _site(project)["index.html"] == b"second site\n"
    runs = project / "_build" / "next" / "_build" / ".jupyter_cache" / "runs"
    assert runs.read_text().count("run") == 3  # the execution cache survives builds, failed or not


@pytest.mark.parametrize("mode", ["hang", "traceback"])
def test_make_book_interrupted_keeps_the_last_good_site_and_says_so(project: Path, mode: str):
    """SIGINT to the whole process group, as Ctrl-C sends it: the builder may die of it or print a traceback and
    exit 1; either way make says the build was interrupted, shows no builder output, and changes no tracked file."""
    assert _make(project, "ok", "good site").returncode == 0
    good = _site(project)
    (project / "book" / "references.bib").write_text("% as committed\n", encoding="utf-8")
    process = _make(project, mode, wait=False)
    deadline = time.monotonic() + 60
    while not (project / "started").exists():
        assert process.poll() is None and time.monotonic() < deadline, "fake build did not start"
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode != 0
    assert _site(project) == good
    assert "Build interrupted: kept the last good site in _build/html" in stderr
    assert "failed" not in stderr and "Traceback" not in stderr
    assert (project / "book" / "references.bib").read_text(encoding="utf-8") == "% as committed\n"


def test_make_book_keeps_baseurl(project: Path):
    result = _make(project, "ok", "site", "BASEURL=https://example.org/hama/")
    assert result.returncode == 0, result.stderr
    assert "--config _build/_config.baseurl.yml" in (project / "args.txt").read_text()
    config = (project / "_build" / "_config.baseurl.yml").read_text()
    assert 'baseurl: "https://example.org/hama/"' in config
