"""Re-execute a chapter notebook in place so its committed outputs match the data."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient


def strip_volatile(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop per-run metadata (execution timestamps) so a re-run changes only real outputs, and the print
    edition's forms (the PDF takes them from the site build's own run; nothing would check a committed copy)."""
    from ..output.printform import PRINT_MARKDOWN, PRINT_TABLE

    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            output.get("metadata", {}).pop(PRINT_MARKDOWN, None)
            output.get("metadata", {}).pop(PRINT_TABLE, None)
    nb.metadata.pop("widgets", None)
    return nb


def refresh_notebook(path: str | Path, timeout: int = 300) -> None:
    path = Path(path).resolve()
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    nbformat.write(strip_volatile(nb), path)
