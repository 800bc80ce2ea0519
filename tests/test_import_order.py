"""Imports run one way (README, "Layout"): every module of the cerobio package is read with `ast`,
imports inside functions included, and each import must go down the layers, never up or sideways.

Tests (`tests/`, `test_*.py`, `conftest.py`) may import anything. Migrations import no application
code, with one exception Django imposes: a field whose default is one of our functions names it by
its path (`default=cerobio.shop.orders.models.new_token`); a copy inside the migration would differ
from the model's and `makemigrations` would report a change for ever.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "cerobio"

# Bottom to top. A unit may import the units of lower layers; units of one layer never import each other.
LAYERS = [
    {"core", "api.errors"},  # api.errors: the API's one error shape, used by every router
    {"images", "twofactor"},
    {"guide"},
    {"shop.money"},
    {"shop.delivery", "shop.payments"},  # payments: the provider clients
    {"shop.catalogue"},
    {"shop.basket"},
    {"shop.orders"},
    {"shop.checkout"},
    {"shop.api", "shop.urls"},
    {"identify"},
    {"editorial"},
    {"search", "api"},
    {"demo"},
    {"urls", "wsgi"},
]
# Django reads the settings before any app, so they may import only core (the Sentry start-up).
SIDE_UNITS = {"settings": {"core"}}


def unit_of(module: str) -> str | None:
    """`cerobio.shop.orders.actions` → "shop.orders"; `cerobio.guide.models` → "guide"."""
    parts = module.split(".")
    if parts[0] != "cerobio" or len(parts) == 1:
        return None
    if parts[1] == "shop":
        return "shop." + parts[2] if len(parts) > 2 else "shop"
    if parts[1] == "api" and len(parts) > 2 and parts[2] == "errors":
        return "api.errors"
    return parts[1]


def allowed(source: str, target: str) -> bool:
    if source == target:
        return True
    if source in SIDE_UNITS:
        return target in SIDE_UNITS[source]
    rank = {unit: i for i, layer in enumerate(LAYERS) for unit in layer}
    return target in rank and source in rank and rank[target] < rank[source]


def module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_test(path: Path) -> bool:
    return "tests" in path.parts or path.name.startswith("test_") or path.name == "conftest.py"


def imports(path: Path, package_root: Path = PACKAGE) -> list[tuple[int, str, ast.AST]]:
    """(line, imported module or module.name, node) for every import in the file, at any depth."""
    module = module_name(path, package_root)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, node) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            found += [(node.lineno, f"{base}.{alias.name}", node) for alias in node.names]
    return found


def application_modules(package: Path = PACKAGE) -> dict[str, Path]:
    return {
        module_name(path, package): path
        for path in sorted(package.rglob("*.py"))
        if not is_test(path) and "migrations" not in path.parts
    }


def layer_violations(modules: dict[str, Path], package: Path = PACKAGE) -> list[str]:
    problems = []
    for module, path in modules.items():
        source = unit_of(module)
        for line, target, _ in imports(path, package):
            target_unit = unit_of(target)
            if target_unit and source and target_unit != "shop" and not allowed(source, target_unit):
                problems.append(f"{path.relative_to(package.parent)}:{line} {source} imports {target_unit} ({target})")
    return problems


def import_cycles(modules: dict[str, Path], package: Path = PACKAGE) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a circle (Tarjan's algorithm)."""

    def resolve(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph = defaultdict(set)
    for module, path in modules.items():
        for _, target, _ in imports(path, package):
            found = resolve(target)
            if found and found != module:
                graph[module].add(found)
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while not group or group[-1] != node:
                group.append(stack.pop())
                on_stack.discard(group[-1])
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in modules:
        if module not in index:
            visit(module)
    return cycles


def migration_imports() -> list[str]:
    problems = []
    for path in sorted(PACKAGE.rglob("migrations/*.py")):
        tree = ast.parse(path.read_text(), str(path))
        defaults = {
            ast.unparse(keyword.value)
            for keyword in ast.walk(tree)
            if isinstance(keyword, ast.keyword) and keyword.arg == "default"
        }
        for line, target, node in imports(path):
            if not target.startswith("cerobio."):
                continue
            used = {ast.unparse(n) for n in ast.walk(tree) if isinstance(n, ast.Attribute) and ast.unparse(n).startswith(target + ".")}
            only_defaults = isinstance(node, ast.Import) and node.col_offset == 0 and used and used <= defaults
            if not only_defaults:
                problems.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {target}")
    return problems


def test_every_import_goes_down_the_layers():
    assert layer_violations(application_modules()) == []


def test_no_modules_import_each_other():
    assert import_cycles(application_modules()) == []


def test_migrations_import_no_application_code():
    assert migration_imports() == []


def test_every_app_has_a_layer():
    units = {unit_of(module) for module in application_modules()} - {None, "shop"}
    placed = set().union(*LAYERS, SIDE_UNITS)
    assert units <= placed, f"put these in LAYERS: {sorted(units - placed)}"


def test_an_upward_import_is_caught(tmp_path):
    """The checks themselves: a core module that imports the guide, and two modules that import each other."""
    package = tmp_path / "cerobio"
    (package / "core").mkdir(parents=True)
    (package / "core" / "a.py").write_text("def f():\n    from cerobio.guide.models import MiliaType\n    from . import b\n")
    (package / "core" / "b.py").write_text("from .a import f\n")
    modules = application_modules(package)
    assert layer_violations(modules, package) == ["cerobio/core/a.py:2 core imports guide (cerobio.guide.models.MiliaType)"]
    assert import_cycles(modules, package) == [["cerobio.core.a", "cerobio.core.b"]]
