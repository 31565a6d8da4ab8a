"""What a build's outputs depend on besides the notebooks' own cells: its digest, and where the execution cache
keeps it (read by the site build's cache guard and by the print edition's check that the site is current)."""

from __future__ import annotations

import hashlib

from .. import DATA_DIR, ROOT

# In the execution cache: the inputs_digest() its results were computed with.
STAMP_NAME = "hamabook-inputs.sha256"


def inputs_digest() -> str:
    """Hash of everything a notebook's outputs depend on besides its own code cells."""
    h = hashlib.sha256()
    files = [
        *sorted(DATA_DIR.glob("*")),
        *sorted((ROOT / "hamabook").rglob("*.py")),
        ROOT / "requirements.txt",
        ROOT / "pyproject.toml",  # its entry points plug the package into the build
    ]
    for path in files:
        if path.is_file():
            h.update(path.relative_to(ROOT).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()
