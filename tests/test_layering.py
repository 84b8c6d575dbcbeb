"""Dependencies point one way, over the whole ``grader`` package.

Every module has a layer; a module may import only modules of lower layers, or
modules of its own subpackage. A new module fails this test until it is given a
layer here, so the table stays the package's map (docs/ARCHITECTURE.md draws it).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from grader.paths import KIT_ROOT

GRADER = KIT_ROOT / "grader"

# top-level module or subpackage -> layer (lower layers know nothing of higher ones)
LAYERS: dict[str, int] = {
    # leaves: import nothing of the grader. child and zygote run in the sandbox and must stay that way.
    "paths": 0,
    "errors": 0,
    "outcomes": 0,
    "safe_text": 0,
    "points": 0,
    "settings": 0,
    "determinism": 0,
    "notebook_source": 0,
    "resources": 1,
    "child": 0,
    "zygote": 0,
    "__init__": 0,
    # models and checks
    "exercise_schema": 1,
    "testing": 1,
    "returned_model": 1,
    "lms": 1,
    "exercise": 2,
    "wire": 2,
    "sandbox": 2,
    "store": 2,
    "gradebook": 2,
    "feedback_audit": 2,
    # one submission
    "scoring": 3,
    "spawn": 3,
    "submission_files": 3,
    "authoring": 3,
    "collect": 3,
    "session": 4,
    "submissions": 4,
    "judge_plugin": 4,
    "proxy": 5,
    "judge": 6,
    # a run
    "executor": 7,
    "reports": 7,
    "pipeline": 8,
    "validate": 8,
    "doctor": 8,
    "exports": 8,
    "similarity": 8,
    "progress": 9,
    "cli": 10,
    "__main__": 11,
}
LEAVES = {
    "child",
    "zygote",
    "paths",
    "errors",
    "outcomes",
    "safe_text",
    "determinism",
    "points",
    "settings",
    "notebook_source",
}


def _dotted(path: Path) -> str:
    parts = path.relative_to(GRADER).with_suffix("").parts
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("grader"):
            if node.module == "grader":
                found.update(alias.name for alias in node.names)
            else:
                found.add(node.module.removeprefix("grader."))
        elif isinstance(node, ast.Import):
            found.update(a.name.removeprefix("grader.") for a in node.names if a.name.startswith("grader."))
    return found


MODULES = sorted(_dotted(path) for path in GRADER.rglob("*.py"))


def test_every_module_has_a_layer():
    unplaced = sorted({m.split(".")[0] for m in MODULES} - set(LAYERS))
    assert not unplaced, f"give these modules a layer in tests/test_layering.py: {unplaced}"


@pytest.mark.parametrize("module", MODULES)
def test_module_imports_only_lower_layers_or_its_own_package(module):
    path = GRADER / (module.replace(".", "/") + ".py")
    if not path.exists():
        path = GRADER / module.replace(".", "/") / "__init__.py"
    top = module.split(".")[0]
    if top not in LAYERS:
        pytest.skip("reported by test_every_module_has_a_layer")
    upward = [
        name
        for name in sorted(_imports(path))
        if name.split(".")[0] != top and LAYERS.get(name.split(".")[0], 99) >= LAYERS[top]
    ]
    assert not upward, f"grader.{module} (layer {LAYERS[top]}) imports {upward} from its own layer or above"


@pytest.mark.parametrize("module", sorted(LEAVES))
def test_leaves_import_nothing_of_the_grader(module):
    assert _imports(GRADER / f"{module}.py") == set()


def test_the_layer_check_catches_an_upward_import(tmp_path):
    fake = tmp_path / "fake.py"
    fake.write_text("from grader.cli import main\nimport grader.store\n", encoding="utf-8")
    assert _imports(fake) == {"cli", "store"}


def test_nothing_but_cli_prints():
    for path in GRADER.rglob("*.py"):
        if path.name in ("cli.py", "child.py", "progress.py"):
            continue
        calls = [
            n
            for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "print"
        ]
        assert not calls, f"{path.relative_to(GRADER)} prints; report through the CLI instead"
