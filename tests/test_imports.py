"""The package's import graph: no cycles (imports inside functions included) and no import that runs back up the
layers of CONTRIBUTING.md (data, rows, output and charts, chapters, build)."""

import ast
from pathlib import Path

import hamabook

PACKAGE = Path(hamabook.__file__).parent
# Each subpackage's layer: a module may import only from its own layer or a lower one.
LAYERS = {"data": 1, "rows": 2, "output": 3, "charts": 3, "chapters": 4, "build": 5, "__main__": 6}


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(p): p for p in PACKAGE.rglob("*.py")}


def _imports(name: str, path: Path) -> set[str]:
    """Every hamabook module ``name`` imports, wherever the import statement stands."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            found.update(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names)
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _layer(name: str) -> int:
    parts = name.split(".")
    return LAYERS.get(parts[1], 0) if len(parts) > 1 else 0


def test_the_graph_sees_imports_inside_functions():
    assert "hamabook.data.checks" in GRAPH["hamabook.data"]  # imported inside validate_package()


def test_no_import_cycles():
    cycles, state = [], {}

    def visit(node, trail):
        state[node] = "open"
        for nxt in sorted(GRAPH[node]):
            if state.get(nxt) == "open":
                cycles.append(" -> ".join([*trail[trail.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = "done"

    for name in sorted(GRAPH):
        if name not in state:
            visit(name, [name])
    assert not cycles, "import cycles: " + "; ".join(cycles)


def test_imports_run_down_the_layers_only():
    upward = [f"{a} -> {b}" for a, targets in GRAPH.items() for b in targets if _layer(b) > _layer(a)]
    assert not upward, "imports that run back up: " + "; ".join(sorted(upward))
