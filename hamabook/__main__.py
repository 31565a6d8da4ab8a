"""Command line: ``python -m hamabook validate | bib | dist | refresh NOTEBOOK | prose``."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from . import DATA_DIR
from .data import DataError, validate_package


def _validate(data_dir: str, today: date | None) -> int:
    """Print one line per problem to stderr; exit status 1 when there is any. Reads only; writes nothing."""
    try:
        problems = validate_package(data_dir, today=today)
    except Exception as exc:  # noqa: BLE001 - bad input must end in a message, never a traceback
        problems = [f"{data_dir}: could not be validated ({type(exc).__name__}: {exc}); please report this"]
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        print(f"data package INVALID: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"data package valid: {data_dir}")
    return 0


def _bib(out: Path, check: bool) -> int:
    """Write (or with ``check`` only compare) the bibliography; a message, not a traceback, on bad data."""
    from .build.bib import bibtex, write

    try:
        if check:
            current = out.read_text(encoding="utf-8") if out.exists() else ""
            if current != bibtex():
                print(f"{out} is stale: run `make bib` (python -m hamabook bib)", file=sys.stderr)
                return 1
            print(f"{out} is up to date")
            return 0
        print(f"wrote {out}" if write(out) else f"{out} is up to date")
        return 0
    except DataError as exc:
        for line in exc.problems:
            print(line, file=sys.stderr)
        print(f"{out} not written: the data package is invalid", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"{out} not written: {exc}", file=sys.stderr)
        return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hamabook")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("validate", help="validate the data package; one line per problem")
    check.add_argument("data_dir", nargs="?", default=str(DATA_DIR))
    check.add_argument("--today", type=date.fromisoformat, default=None, help="YYYY-MM-DD no date may be after")
    bib = sub.add_parser("bib", help="write book/references.bib from data/sources.csv (only if it changed)")
    bib.add_argument("--check", action="store_true", help="only say whether the file is stale (exit 1 if so)")
    bib.add_argument("--out", type=Path, default=None)
    dist = sub.add_parser("dist", help="reproducible archives of the built site and the data package")
    dist.add_argument("--site", default="_build/html")
    dist.add_argument("--out", default="dist")
    refresh = sub.add_parser("refresh", help="re-execute a notebook in place, without volatile metadata")
    refresh.add_argument("notebook")
    prose = sub.add_parser("prose", help="narrative words and references to the data, per built chapter page")
    prose.add_argument("--site", type=Path, default=Path("_build/html"))
    args = parser.parse_args(argv)
    if args.command == "prose":
        from .build.narrative import chapter_pages, report

        for line in report({name: args.site / "book" / f"{name}.html" for name in chapter_pages()}):
            print(line)
        return 0
    if args.command == "bib":
        from .build.bib import BIB_PATH

        return _bib(args.out or BIB_PATH, args.check)
    if args.command == "dist":
        from .build.dist import make_dist

        for path in make_dist(Path(args.site), Path(args.out)):
            print(path)
        print(Path(args.out) / "SHA256SUMS")
        return 0
    if args.command == "refresh":
        from .build.notebooks import refresh_notebook

        refresh_notebook(args.notebook)
        print(f"refreshed {args.notebook}")
        return 0
    return _validate(args.data_dir, args.today)


if __name__ == "__main__":
    sys.exit(main())
