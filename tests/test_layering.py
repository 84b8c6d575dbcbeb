"""Dependencies point one way: the low-level modules import nothing above them."""

import ast

import pytest

from grader.paths import KIT_ROOT

GRADER = KIT_ROOT / "grader"

# module -> grader modules it may import
ALLOWED = {
    "paths": set(),
    "errors": set(),
    "outcomes": set(),
    "exercise": {"errors", "paths"},
    "determinism": set(),
    "wire": {"errors"},
    "sandbox": {"determinism", "paths"},
    "limits": set(),
    "testing": {"errors"},
    "scoring": {"exercise", "outcomes"},
    "store": {"errors", "outcomes"},
    "gradebook": {"errors"},
    "notebook_source": set(),
    "session": {"wire", "determinism", "errors", "exercise", "limits", "spawn"},
    "spawn": {"limits", "paths", "sandbox"},
    "proxy": {"session"},
}


def _imports(path):
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("grader"):
            if node.module == "grader":
                found.update(alias.name for alias in node.names)
            else:
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("grader."))
    return found


@pytest.mark.parametrize("module", sorted(ALLOWED))
def test_module_imports_only_lower_layers(module):
    assert _imports(GRADER / f"{module}.py") <= ALLOWED[module]


def test_nothing_but_cli_prints():
    for path in GRADER.rglob("*.py"):
        if path.name in ("cli.py", "child.py", "progress.py"):
            continue
        calls = [
            n
            for n in ast.walk(ast.parse(path.read_text()))
            if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "print"
        ]
        assert not calls, f"{path.name} prints; report through the CLI instead"
