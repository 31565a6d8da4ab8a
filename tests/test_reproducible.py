"""A second clean build, in another time zone and locale, is byte-identical to _build/html."""

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hamabook import ROOT

pytestmark = pytest.mark.site

SITE = ROOT / "_build" / "html"


def _tree(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_rebuild_is_byte_identical(tmp_path):
    if not SITE.is_dir():
        pytest.fail("no built site in _build/html: run `make book` first")
    env = {**os.environ, "TZ": "Asia/Tokyo", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    shutil.rmtree(ROOT / "_static" / "figdata", ignore_errors=True)
    jb = Path(sys.executable).with_name("jupyter-book")
    subprocess.run(
        [str(jb), "build", "-W", "-n", "--keep-going", "--path-output", str(tmp_path), str(ROOT)],
        check=True,
        env=env,
        cwd=ROOT,
        capture_output=True,
    )
    other = tmp_path / "_build" / "html"
    assert _tree(other) == _tree(SITE)
    differ = [f for f in _tree(SITE) if not filecmp.cmp(SITE / f, other / f, shallow=False)]
    assert differ == [], f"files differ between two clean builds: {differ}"
