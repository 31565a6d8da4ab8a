"""CONTRIBUTING.md's "where things go" table is what the code requires: in a copy of the project, a toy chapter
and a toy table added by following its rows validate, execute and meet every notebook contract."""

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("data", "hamabook", "book", "tests", "_toc.yml", "_config.yml", "pyproject.toml")


def where_things_go() -> dict[str, str]:
    """The table's rows: what you add -> where it goes (and what checks it)."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \|$", text, re.M)
    return {what: f"{goes} {checked}" for what, goes, checked in rows}


TOY_MODULE = '''"""A toy chapter: how many toy things the data hold."""

from ..data import load
from ..output import prose
from .page import Page, Section


def things() -> Section:
    """The toy table's size."""
    return Section(values={"toy_n_things": prose.count(len(load("toy_things")), table="toy_things")})


def build() -> Page:
    return Page.of(things())
'''


def add_toy_table(root: Path) -> None:
    (root / "data" / "toy_things.csv").write_text("thing_id,label\nfirst,First thing\nsecond,Second thing\n")
    package = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    fields = [
        {"name": "thing_id", "type": "string", "description": "Id.", "constraints": {"required": True}},
        {
            "name": "label",
            "type": "string",
            "description": "Label shown to readers.",
            "constraints": {"required": True},
        },
    ]
    package["resources"].append(
        {
            "name": "toy_things",
            "path": "toy_things.csv",
            "title": "Toy things",
            "description": "Things a test adds.",
            "schema": {"fields": fields, "primaryKey": ["thing_id"]},
        }
    )
    (root / "data" / "datapackage.json").write_text(json.dumps(package, indent=1, ensure_ascii=False) + "\n")


def add_toy_chapter(root: Path) -> None:
    (root / "hamabook" / "chapters" / "toy.py").write_text(TOY_MODULE)
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Toy\n\nThe data hold {glue}`toy_n_things` toy things."),
        nbformat.v4.new_code_cell(
            "from hamabook.chapters import toy\npage = toy.build()\npage.glue()", metadata={"tags": ["remove-input"]}
        ),
    ]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, root / "book" / "toy.ipynb")
    toc = root / "_toc.yml"
    toc.write_text(
        toc.read_text(encoding="utf-8").replace(
            "      - file: book/implications\n", "      - file: book/implications\n      - file: book/toy\n"
        )
    )
    chapters = root / "data" / "chapters.csv"
    with chapters.open(encoding="utf-8") as f:
        last = max(int(r["page"]) for r in csv.DictReader(f) if r["page"])
    chapters.write_text(chapters.read_text(encoding="utf-8") + f"toy,Toy,{last + 1},0,\n")  # no Arabic page yet


def test_the_table_names_every_step_a_chapter_and_a_table_need():
    rows = where_things_go()
    for step in ("book/<chapter>.ipynb", "hamabook/chapters/<chapter>.py", "_toc.yml", "data/chapters.csv"):
        assert step in rows["a chapter"], f"CONTRIBUTING: a chapter needs {step}"
    for step in ("data/<name>.csv", "data/datapackage.json", "make refresh"):
        assert step in rows["a new table"], f"CONTRIBUTING: a new table needs {step}"


def test_a_toy_chapter_and_table_added_as_the_table_says_pass(tmp_path):
    root = tmp_path / "book-copy"
    for name in COPIED:
        source = ROOT / name
        copy = shutil.copytree if source.is_dir() else shutil.copy2
        copy(source, root / name, **({"ignore": shutil.ignore_patterns("__pycache__")} if source.is_dir() else {}))
    add_toy_table(root)
    add_toy_chapter(root)
    env = {**os.environ, "PYTHONPATH": str(root)}
    env.pop("HAMABOOK_DATA", None)

    def run(*args):
        done = subprocess.run([sys.executable, *args], cwd=root, env=env, capture_output=True, text=True)
        assert done.returncode == 0, f"{' '.join(args)}:\n{done.stdout}\n{done.stderr}"

    run("-m", "hamabook", "refresh", "book/toy.ipynb")  # its build() loads, so validates, the whole package
    outputs = json.dumps(nbformat.read(root / "book" / "toy.ipynb", as_version=4).cells[1].outputs)
    assert "toy_n_things" in outputs and ">two<" in outputs
    contract = ["tests/test_notebooks.py", "-k", "toy or chapter_pages or little_code"]
    run("-m", "pytest", "-q", "-p", "no:nbval", "-p", "no:hypothesispytest", "-p", "no:cacheprovider", *contract)
