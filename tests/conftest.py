import shutil
from pathlib import Path

import pytest

from hamabook import DATA_DIR


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the data package, for corrupting."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target
