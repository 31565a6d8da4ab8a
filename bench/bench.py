"""Benchmark the build: prints ratios (and raw seconds), writes bench/results.json.

Run with `make bench`. Each timing is the median of N runs (BENCH_RUNS, default 3), `make test` from a
clean `_build` included (BENCH_MAKE_TEST=0 skips it). Each run times raw execution, a cold build, a no-op
rebuild and `make test` back to back, and each ratio is the median of the runs' own ratios: under minutes of
sustained load this machine slows by up to a tenth, so timings taken minutes apart would compare the machine,
not the builds. Page transfer and first contentful paint are
measured in Chromium on a first visit (empty cache) to every page served from loopback: transfer counts
every request, each body gzip-compressed as a server would send it; paint is the median of N visits.
`python bench/bench.py --pages` measures the current build's pages only.
Not a test: it measures, it does not pass or fail.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SITE = ROOT / "_build" / "html"
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
TRANSFER_TARGET_KB = 350
FCP_TARGET_S = 0.5
NOTEBOOKS = sorted(str(p) for p in (ROOT / "book").rglob("*.ipynb"))  # the Arabic edition's too
BUILD = [str(BIN / "jupyter-book"), "build", "-W", "-n", "--keep-going", str(ROOT)]


def once(cmd: list[str], before=None) -> float:
    if before:
        before()
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def timed(cmd: list[str], before=None) -> float:
    """The median of RUNS timings of ``cmd`` (each after ``before``)."""
    return statistics.median(once(cmd, before) for _ in range(RUNS))


def clean() -> None:
    shutil.rmtree(ROOT / "_build", ignore_errors=True)


def clean_with_bibliography() -> None:
    """A clean ``_build`` holding only the bibliography the build reads, which ``make book`` writes first (untimed
    here, as it was when the build read the tracked copy)."""
    clean()
    out = ROOT / "_build" / "references.bib"
    out.parent.mkdir()
    subprocess.run(
        [str(BIN / "python"), "-m", "hamabook", "bib", "--out", str(out)],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def raw_execute() -> list[str]:
    out = tempfile.mkdtemp()
    return [str(BIN / "jupyter"), "nbconvert", "--to", "notebook", "--execute", "--output-dir", out, *NOTEBOOKS]


def page_weights() -> dict:
    shared = set()
    pages = {}
    for page in sorted(SITE.rglob("*.html")):
        if "_static" in page.parts:
            continue
        text = page.read_text(encoding="utf-8")
        assets = set(re.findall(r'(?:src|href)="([^"#?]+\.(?:js|css|woff2?|svg|png))', text))
        resolved = {(page.parent / a).resolve() for a in assets if not a.startswith(("http", "data:"))}
        pages[page.relative_to(SITE).as_posix()] = (len(gzip.compress(page.read_bytes())), resolved)
    # Assets every chapter page loads (theme, fonts, scripts); the redirect index.html loads none.
    chapter_assets = [r for name, (_, r) in pages.items() if name.startswith("book/")]
    shared = set.intersection(*chapter_assets) if chapter_assets else set()
    shared_gz = sum(len(gzip.compress(p.read_bytes())) for p in shared if p.exists())
    result = {}
    for name, (own, assets) in pages.items():
        extra = sum(len(gzip.compress(p.read_bytes())) for p in assets - shared if p.exists())
        result[name] = {
            "gzip_total_kb": round((own + extra + shared_gz) / 1024, 1),
            "gzip_own_kb": round((own + extra) / 1024, 1),
        }
    return {"shared_assets_gzip_kb": round(shared_gz / 1024, 1), "pages": result}


def largest_spec_kb() -> float:
    sizes = [
        len(m)
        for p in SITE.rglob("*.html")
        for m in re.findall(r'hbCharts \|\| \[\]\)\.push\(\["vega-[0-9a-f]+", (\{.*?\})\]\);', p.read_text())
    ]
    return round(max(sizes, default=0) / 1024, 1)


def browser_pages(site: Path = SITE, runs: int = RUNS) -> dict:
    """First visit to every page in Chromium: gzip transfer of all requests (KB) and median FCP (s)."""
    sys.path.insert(0, str(ROOT))
    from hamabook.build.browser import chromium, first_visit, serve

    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "_static" not in p.parts)
    out = {}
    with serve(site) as url, chromium() as browser:
        first_visit(browser, url + pages[0])  # warm the browser itself up
        for name in pages:
            visits = [first_visit(browser, url + name) for _ in range(max(runs, 1))]
            paints = [v["fcp_ms"] for v in visits if v["fcp_ms"] is not None]
            out[name] = {
                "requests": visits[0]["requests"],
                "transfer_gzip_kb": round(visits[0]["gzip_bytes"] / 1024, 1),
                "transfer_raw_kb": round(visits[0]["raw_bytes"] / 1024, 1),
                "fcp_s": round(statistics.median(paints) / 1000, 3) if paints else None,
            }
    return out


def page_summary(pages: dict) -> dict:
    chapters = {k: v for k, v in pages.items() if k.startswith("book/")}
    worst_kb = max(chapters.items(), key=lambda kv: kv[1]["transfer_gzip_kb"])
    worst_fcp = max(chapters.items(), key=lambda kv: kv[1]["fcp_s"] or 0)
    return {
        f"max chapter transfer / {TRANSFER_TARGET_KB} KB target": round(
            worst_kb[1]["transfer_gzip_kb"] / TRANSFER_TARGET_KB, 2
        ),
        f"max chapter fcp / {FCP_TARGET_S} s target": round((worst_fcp[1]["fcp_s"] or 0) / FCP_TARGET_S, 2),
        "heaviest page": f"{worst_kb[0]} {worst_kb[1]['transfer_gzip_kb']} KB gzip",
        "slowest paint": f"{worst_fcp[0]} {worst_fcp[1]['fcp_s']} s",
    }


def builds_and_tests() -> dict:
    """Per run, back to back: raw execution, a cold build, a no-op rebuild, then `make test` from a clean `_build`
    (as CI runs it on a fresh clone, minus creating the venv). Medians of the timings and of each run's ratios."""
    runs = []
    for _ in range(RUNS):
        raw = once(raw_execute())
        cold = once(BUILD, before=clean_with_bibliography)
        noop = once(BUILD)
        test = once(["make", "test"], before=clean) if os.environ.get("BENCH_MAKE_TEST", "1") != "0" else None
        runs.append({"raw": raw, "cold": cold, "noop": noop, "test": test})
    med = {key: statistics.median(r[key] for r in runs) for key in ("raw", "cold", "noop")}
    tests = [r for r in runs if r["test"] is not None]
    return {
        **med,
        "test": statistics.median(r["test"] for r in tests) if tests else None,
        "cold_ratio": statistics.median(r["cold"] / r["raw"] for r in runs),
        "noop_ratio": statistics.median(r["noop"] / r["cold"] for r in runs),
        "test_ratio": statistics.median(r["test"] / r["cold"] for r in tests) if tests else None,
    }


def main() -> None:
    if "--weights" in sys.argv:  # page weights of the current _build/html only, no timings
        print(json.dumps(page_weights(), indent=2))
        return
    if "--pages" in sys.argv:  # transfer and paint of the current _build/html only, no timings
        pages = browser_pages()
        print(json.dumps({"pages": pages, "summary": page_summary(pages)}, indent=2))
        return
    timings = builds_and_tests()
    raw, cold, noop, test = timings["raw"], timings["cold"], timings["noop"], timings["test"]
    nbval = timed(
        [
            str(BIN / "python"),
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-q",
            "--nbval",
            "--nbval-current-env",
            *NOTEBOOKS,
        ]
    )
    weights = page_weights()
    pages = browser_pages()
    results = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "runs_per_timing": RUNS,
        "seconds": {
            "raw_execute": round(raw, 2),
            "cold_build": round(cold, 2),
            "noop_rebuild": round(noop, 2),
            "nbval": round(nbval, 2),
            "make_test": round(test, 1) if test is not None else None,
        },
        "ratios": {
            "cold_build / raw_execute (target <= 1.15)": round(timings["cold_ratio"], 2),
            "noop_rebuild / cold_build (target <= 0.08)": round(timings["noop_ratio"], 2),
            "nbval / raw_execute": round(nbval / raw, 2),
            "make_test / cold_build, median of paired runs (target <= 2.5)": (
                round(timings["test_ratio"], 2) if test is not None else None
            ),
            "make_test / 12 min CI limit": round(test / 720, 2) if test is not None else None,
            **page_summary(pages),
        },
        "page_weight": weights,
        "first_visit": pages,
        "largest_chart_spec_kb (target <= 50)": largest_spec_kb(),
    }
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps({k: results[k] for k in ("seconds", "ratios", "largest_chart_spec_kb (target <= 50)")}, indent=2))
    worst = max(weights["pages"].items(), key=lambda kv: kv[1]["gzip_own_kb"])
    print(
        f"shared assets {weights['shared_assets_gzip_kb']} KB gzip; heaviest page {worst[0]}: {worst[1]['gzip_own_kb']} KB gzip of its own"
    )


if __name__ == "__main__":
    main()
