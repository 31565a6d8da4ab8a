"""The committed notebook outputs match what the build just computed from the current code and data.

`make test` executes each notebook once, in the strict build (`make book`): the build's execution
cache (jupyter-cache, which `hamabook.build.sphinxext` wipes whenever data, package or pinned
requirements change) holds every freshly executed notebook. This test compares each committed
notebook with that execution by nbval's rules (the same output keys compared and skipped, streams
merged, NBVAL_IGNORE_OUTPUT / NBVAL_SKIP honoured), instead of nbval executing everything again.
`make nbval` still runs nbval itself.
"""

import copy
import os
from collections import defaultdict
from pathlib import Path

import nbformat
import pytest
from nbval.plugin import coalesce_streams, transform_streams_for_comparison

from hamabook import ROOT

pytestmark = pytest.mark.site

SITE = Path(os.environ.get("HAMABOOK_SITE", ROOT / "_build" / "html"))
# `make book` builds in _build/next (then swaps the site into _build/html), so its execution cache is there.
CACHE = (
    SITE.parent / ".jupyter_cache"
    if "HAMABOOK_SITE" in os.environ
    else ROOT / "_build" / "next" / "_build" / ".jupyter_cache"
)
NOTEBOOKS = sorted([*(ROOT / "book").glob("*.ipynb"), *(ROOT / "book" / "ar").glob("*.ipynb")])
ADVICE = "Committed notebook outputs differ from a fresh run. Refresh them with: make refresh"
# nbval's IPyNbFile.skip_compare (without --nbdime): never compared.
SKIP = {
    "metadata",
    "traceback",
    "prompt_number",
    "output_type",
    "name",
    "execution_count",
    "application/vnd.jupyter.widget-view+json",
    "image/png",
    "image/jpeg",
}


def flatten(outputs: list) -> dict[str, list]:
    """nbval's view of a cell's outputs: per key (MIME types flattened), the list of values in order."""
    flat = defaultdict(list)
    for output in transform_streams_for_comparison(coalesce_streams(copy.deepcopy(outputs))):
        for key, value in output.items():
            if key in SKIP:
                continue
            if key == "data":
                for mime, data in value.items():
                    if mime not in SKIP:
                        flat[mime].append(data)
            else:
                flat[key].append(value)
    return dict(flat)


def _skipped(cell) -> bool:
    first = cell.source.lstrip().splitlines()[0] if cell.source.strip() else ""
    tags = set(cell.get("metadata", {}).get("tags", []))
    return first.startswith(("# NBVAL_IGNORE_OUTPUT", "# NBVAL_SKIP")) or bool(
        tags & {"nbval-ignore-output", "nbval-skip"}
    )


@pytest.fixture(scope="module")
def cache():
    from jupyter_cache import get_cache

    if not CACHE.is_dir():
        pytest.fail(f"no execution cache in {CACHE}: run `make book` first")
    return get_cache(str(CACHE))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.relative_to(ROOT / "book").as_posix())
def test_committed_outputs_match_the_build(cache, notebook):
    committed = nbformat.read(notebook, as_version=4)
    record = cache.match_cache_notebook(committed)  # raises KeyError when this code was not executed
    executed = cache.get_cache_bundle(record.pk).nb
    mine = [c for c in committed.cells if c.cell_type == "code"]
    theirs = [c for c in executed.cells if c.cell_type == "code"]
    assert len(mine) == len(theirs), f"{notebook.name}: cell count differs from the build's execution"
    for number, (ref, run) in enumerate(zip(mine, theirs), start=1):
        if _skipped(ref):
            continue
        want, got = flatten(ref.get("outputs", [])), flatten(run.get("outputs", []))
        assert want.keys() == got.keys(), f"{notebook.name} code cell {number}: output kinds differ. {ADVICE}"
        for key in want:
            assert want[key] == got[key], f"{notebook.name} code cell {number}: {key} differs. {ADVICE}"


def test_every_notebook_is_compared():
    assert NOTEBOOKS, "no notebooks in book/"
