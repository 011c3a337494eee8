"""The package's modules form layers: no import cycles, and no module reaches into another's
private names. Read from the source with ast, imports inside functions included."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "lgss_docs"


def _modules() -> dict[str, Path]:
    """Return {dotted name: path} of every module of the package."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> list[tuple[str, str]]:
    """Return (module imported, name taken from it) for every import of the package in ``path``."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                found.append((submodule, "") if submodule in modules else (target, alias.name))
        elif isinstance(node, ast.Import):
            found += [(alias.name, "") for alias in node.names]
    return [(module, taken) for module, taken in found if module in modules]


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: {module for module, _ in _imports(name, path, modules)} - {name} for name, path in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """Return one import cycle of ``graph`` as a path of module names, or [] if there is none."""
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> list[str]:
        for imported in sorted(graph[module]):
            if imported in path:
                return path[path.index(imported):] + [imported]
            if imported not in done and (found := visit(imported, path + [imported])):
                return found
        done.add(module)
        return []

    for module in sorted(graph):
        if found := visit(module, [module]):
            return found
    return []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []


def test_no_import_cycles():
    graph = _graph()
    assert len(graph) > 30 and graph["lgss_docs.review.run"], "the graph is read"
    assert _cycle(graph) == []


def test_no_module_imports_the_private_names_of_another():
    modules = _modules()
    taken = [(name, f"{module}.{private}") for name, path in modules.items()
             for module, private in _imports(name, path, modules) if private.startswith("_") and not private.startswith("__")]
    assert taken == []
