"""Command line: ``python -m hamabook validate | bib | refresh NOTEBOOK``."""

from __future__ import annotations

import argparse
import sys

from . import DATA_DIR
from .data import validate_package


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hamabook")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("validate", help="validate the data package; one line per problem")
    check.add_argument("data_dir", nargs="?", default=str(DATA_DIR))
    sub.add_parser("bib", help="write book/references.bib from data/sources.csv")
    dist = sub.add_parser("dist", help="reproducible archives of the built site and the data package")
    dist.add_argument("--site", default="_build/html")
    dist.add_argument("--out", default="dist")
    refresh = sub.add_parser("refresh", help="re-execute a notebook in place, without volatile metadata")
    refresh.add_argument("notebook")
    args = parser.parse_args(argv)
    if args.command == "bib":
        from .bib import BIB_PATH, bibtex

        BIB_PATH.write_text(bibtex(), encoding="utf-8")
        print(f"wrote {BIB_PATH}")
        return 0
    if args.command == "dist":
        from pathlib import Path

        from .dist import make_dist

        for path in make_dist(Path(args.site), Path(args.out)):
            print(path)
        print(Path(args.out) / "SHA256SUMS")
        return 0
    if args.command == "refresh":
        from .notebooks import refresh_notebook

        refresh_notebook(args.notebook)
        print(f"refreshed {args.notebook}")
        return 0
    problems = validate_package(args.data_dir)
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        print(f"data package INVALID: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"data package valid: {args.data_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
