"""Every page of the built site is valid HTML by the Nu HTML Checker: one JVM run over all pages.

`make test` installs Java and the pinned vnu.jar (`make java`, the VNU_JAR target) and points
HAMABOOK_VNU_JAR at it. Every error fails, the theme's included: with the book's layout override, the pinned theme's
markup (its search box among it) passes this checker's version, so no error needs to be allowed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from hamabook import ROOT

pytestmark = pytest.mark.site

SITE = ROOT / "_build" / "html"
VNU_ENV = "HAMABOOK_VNU_JAR"


def _vnu_jar() -> Path:
    if os.environ.get(VNU_ENV):
        return Path(os.environ[VNU_ENV])
    found = sorted((ROOT / ".venv" / "share").glob("vnu-*/vnu.jar"))
    if not found:
        pytest.skip("the Nu HTML Checker is not installed (make test installs it)")
    return found[-1]


def test_every_page_is_valid_html():
    jar = _vnu_jar()
    if not jar.exists() or not shutil.which("java"):
        pytest.fail(f"the Nu HTML Checker needs Java and {jar}: run `make java {jar}`")
    pages = sorted(str(p) for p in SITE.rglob("*.html") if "_static" not in p.parts)
    if not pages:
        pytest.fail(f"no pages in {SITE}: run `make book` first")
    result = subprocess.run(
        ["java", "-jar", str(jar), "--errors-only", "--format", "json", "--stdout", *pages],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stdout)["messages"]
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    found = [
        f"{Path(m['url'].removeprefix('file:')).relative_to(SITE)}:{m.get('lastLine')}: {m['message']}" for m in errors
    ]
    assert found == [], "\n".join(found)
