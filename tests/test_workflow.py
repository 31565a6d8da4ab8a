"""The publishing workflow runs `make test` the way its runner needs: Chromium and TeX installed first, with sudo
(a GitHub runner is not root), TeX through the Makefile's own target so the package list cannot drift apart."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = yaml.safe_load((ROOT / ".github" / "workflows" / "book.yml").read_text(encoding="utf-8"))
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
STEPS = [step.get("run", "") for step in WORKFLOW["jobs"]["test"]["steps"]]


def _recipe(target: str) -> str:
    match = re.search(rf"^{target}:.*\n((?:\t.*\n)+)", MAKEFILE, re.M)
    assert match, f"no {target} target in the Makefile"
    return match.group(1)


def _apt_runs_with_sudo(recipe: str) -> bool:
    """Every apt-get command of a recipe starts with $(SUDO) (empty as root, `sudo` on a runner)."""
    commands = [c.strip() for c in re.split(r"&&|\|\||;|\{|\}", recipe) if "apt-get" in c]
    return bool(commands) and all(c.startswith("$(SUDO) ") for c in commands)


def _before_make_test(pattern: str) -> bool:
    make_test = STEPS.index("make test")
    return any(re.search(pattern, run) for run in STEPS[:make_test])


def test_ci_and_the_workflow_run_make_test():
    assert "make test" in STEPS
    assert re.search(r"^make test$", (ROOT / ".ci" / "run").read_text(encoding="utf-8"), re.M)


def test_tex_is_installed_with_sudo_through_the_makefile_before_make_test():
    assert _before_make_test(r"\bmake tex SUDO=sudo\b")
    assert _apt_runs_with_sudo(_recipe("tex")) and "$(TEX_PACKAGES)" in _recipe("tex")


def test_chromium_is_installed_with_sudo_before_make_test():
    assert _before_make_test(r"sudo apt-get install [^\n]*\bchromium\b")
    assert _before_make_test(r"test -x /usr/bin/chromium")  # where the browser tests launch it
    assert _apt_runs_with_sudo(_recipe("chromium"))
