import functools
import importlib
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


@functools.cache
def _built(module: str):
    return importlib.import_module(f"hamabook.chapters.{module}").build()


@pytest.fixture(scope="session")
def chapter():
    """``chapter("battle")``: that chapter's page built from the real data package, once per test session
    (tests read a page, none changes it)."""
    return _built


@pytest.fixture(scope="session")
def browser():
    """One Chromium for every browser check of the session."""
    from hamabook.build.browser import chromium

    with chromium() as launched:
        yield launched


@pytest.fixture(scope="session")
def site_url():
    """The built site, served from loopback once for every browser check of the session (so the visits that
    tests/visits.py caches per page serve every test module)."""
    from visits import SITE, require_site

    from hamabook.build.browser import serve

    require_site()
    with serve(SITE) as url:
        yield url
