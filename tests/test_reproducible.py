"""A second clean build, in another time zone and locale, is byte-identical to _build/html.

It reuses the first build's execution results (its jupyter-cache, which is keyed on each notebook's
code and wiped by hamabook.build.sphinxext whenever data, package or requirements change) instead of
executing every notebook again: what is checked is that reading, rendering and writing the site do not
depend on the time zone or locale. Everything else (Sphinx's environment, the HTML) is built afresh.
"""

import filecmp
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hamabook import ROOT

pytestmark = pytest.mark.site

SITE = Path(os.environ.get("HAMABOOK_SITE", ROOT / "_build" / "html"))
# The reproducibility page shows how long each notebook ran in this build (myst-nb's
# execution table, kept out of the search index): when each ran and for how long.
# Only those may differ: the page must be identical once timestamps and decimals are masked.
TIMED = {"book/reproducibility.html"}
RUN_TIMES = re.compile(rb"\d{4}-\d{2}-\d{2} \d{2}:\d{2}|\d+\.\d+")


def _tree(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_rebuild_is_byte_identical(tmp_path):
    if not SITE.is_dir():
        pytest.fail("no built site in _build/html: run `make book` first")
    # `make book` builds in _build/next (then swaps the site into _build/html), so its execution cache is there.
    cache = (
        SITE.parent / ".jupyter_cache"
        if "HAMABOOK_SITE" in os.environ
        else ROOT / "_build" / "next" / "_build" / ".jupyter_cache"
    )
    if not cache.is_dir():
        pytest.fail(f"no execution cache in {cache}: run `make book` first")
    shutil.copytree(cache, tmp_path / "_build" / ".jupyter_cache")
    env = {**os.environ, "TZ": "Asia/Tokyo", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    jb = Path(sys.executable).with_name("jupyter-book")
    run = subprocess.run(
        [str(jb), "build", "-W", "-n", "--keep-going", "--path-output", str(tmp_path), str(ROOT)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, f"the second build failed:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}"
    assert "Executing notebook" not in run.stdout, "the second build executed notebooks instead of reusing results"
    other = tmp_path / "_build" / "html"
    assert _tree(other) == _tree(SITE)
    differ = [f for f in _tree(SITE) if not filecmp.cmp(SITE / f, other / f, shallow=False)]
    assert set(differ) <= TIMED, f"files differ between two clean builds: {sorted(set(differ) - TIMED)}"
    for name in differ:
        one, two = (RUN_TIMES.sub(b"#", (root / name).read_bytes()) for root in (SITE, other))
        assert one == two, f"{name} differs beyond when and how long the notebooks ran"
