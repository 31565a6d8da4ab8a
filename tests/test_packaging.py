"""A plain (non-editable) install of the package works: the wheel ships every subpackage and the files they read,
and a chapter builds from it, in a fresh virtual environment that sees the project's dependencies but not its
source tree."""

import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import hamabook
from hamabook.chapters import allies

ROOT = Path(hamabook.__file__).resolve().parent.parent
BUILD_A_CHAPTER = (
    "import hamabook, pathlib; from hamabook.chapters import allies; page = allies.build(); "
    "print(pathlib.Path(hamabook.__file__).resolve()); print(len(page.values), len(page.shows))"
)


def test_a_plain_wheel_install_builds_a_chapter(tmp_path):
    # Built from a copy of what the wheel is made of, so that no build directory of an earlier run takes part.
    src, wheels = tmp_path / "src", tmp_path / "wheels"
    shutil.copytree(ROOT / "hamabook", src / "hamabook", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pyproject.toml", src)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", wheels, src],
        check=True,
        cwd=tmp_path,
    )
    (wheel,) = wheels.glob("hamabook-*.whl")
    env_dir = tmp_path / "env"
    venv.create(env_dir)
    python = env_dir / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", "--no-index", wheel]
    subprocess.run(pip, check=True)
    # The dependencies, as a plain path: Python does not run the .pth files there (the editable install's hook).
    site = Path(
        subprocess.check_output(
            [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], text=True
        ).strip()
    )
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    run = subprocess.run(
        [python, "-c", BUILD_A_CHAPTER],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"HAMABOOK_DATA": str(ROOT / "data"), "PATH": str(env_dir / "bin")},
    )
    installed, sizes = run.stdout.split("\n")[:2]
    assert Path(installed).is_relative_to(site), f"hamabook imported from {installed}, not from the wheel"
    page = allies.build()
    assert sizes == f"{len(page.values)} {len(page.shows)}"
