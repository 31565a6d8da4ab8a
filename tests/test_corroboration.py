"""The chapters hold when the evidence grows: every chapter, English and Arabic, still builds when a seeded 40 %
of the fact rows resting on C or D copies gain a second report of the same fact on a B copy (a new row, the same
date, place, figure and claim, another source). Research adds such corroborations; a chapter that assumed one
report per fact would stop the book."""

from __future__ import annotations

import importlib
import os
import pkgutil
import shutil
import subprocess
import sys

import pandas as pd

from hamabook import DATA_DIR, chapters

SHARE, SEED = 0.4, 20261207
TABLES = {"events": ("event_id", "E"), "figures": ("figure_id", "N"), "control_changes": ("change_id", "K")}
BUILD_ALL = """
import importlib, sys
failed = []
for name in sys.argv[1:]:
    try:
        importlib.import_module(name).build()
    except Exception as exc:
        failed.append(f"{name}: {type(exc).__name__}: {exc}")
print("\\n".join(failed))
sys.exit(1 if failed else 0)
"""


def _modules() -> list[str]:
    """Every page module of both editions (the ones with a ``build``)."""
    names = [m.name for m in pkgutil.walk_packages(chapters.__path__, "hamabook.chapters.") if not m.ispkg]
    pages = [n for n in names if not n.rsplit(".", 1)[1].startswith("_")]
    return [n for n in pages if hasattr(importlib.import_module(n), "build")]


def _corroborate(data) -> int:
    """Add the B twins to the package copied at ``data``; the number of rows added."""
    sources = pd.read_csv(data / "sources.csv", dtype=str, keep_default_na=False)
    grade = dict(zip(sources["source_id"], sources["reliability"]))
    originator = dict(zip(sources["source_id"], sources["originator"]))
    b_copies = sources.loc[sources["reliability"] == "B", "source_id"].reset_index(drop=True)
    added = 0
    for table, (id_col, prefix) in TABLES.items():
        rows = pd.read_csv(data / f"{table}.csv", dtype=str, keep_default_na=False)
        weak = rows[rows["source_id"].map(grade).isin(["C", "D"])]
        twins = weak.sample(frac=SHARE, random_state=SEED).copy()
        twins[id_col] = [f"{prefix}{9000 + k}" for k in range(len(twins))]
        # distinct pages: two twins of one date and place on one page would be one report entered twice
        twins["source_id"] = b_copies.sample(
            len(twins), replace=len(twins) > len(b_copies), random_state=SEED
        ).to_numpy()
        # each twin says who reported it (the summary names its originator) and speaks with its page's voice
        twins["summary"] = twins["source_id"].map(originator) + ": a second report of a held fact."
        if "speaker" in twins:
            twins["speaker"] = ""
        pd.concat([rows, twins]).to_csv(data / f"{table}.csv", index=False)
        added += len(twins)
    return added


def test_every_chapter_builds_when_weak_rows_gain_a_b_report(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    assert _corroborate(data) > 100
    assert len(_modules()) > 20
    env = {**os.environ, "HAMABOOK_DATA": str(data)}
    valid = subprocess.run([sys.executable, "-m", "hamabook", "validate"], env=env, capture_output=True, text=True)
    assert valid.returncode == 0, valid.stdout + valid.stderr
    built = subprocess.run(
        [sys.executable, "-c", BUILD_ALL, *_modules()], env=env, capture_output=True, text=True, timeout=600
    )
    assert built.returncode == 0, built.stdout + built.stderr[-2000:]
