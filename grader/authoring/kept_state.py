"""Find state a hidden test module keeps from one submission to the next other than through ``once_per_judge``.

The judge imports a hidden test module once and grades submission after submission with it, so a
``functools.cache`` on a helper, a ``global`` statement, a function that writes into a module-level
dict or list, or a module-level random generator (each student would get the next draws) carries
values over to the next student. ``@once_per_judge`` (``grader.testing``) is the
one way to keep a value: it hands out read-only arrays and fresh copies. This check is static and
deliberately simple: it reads each hidden file's syntax tree and names the line.
"""

from __future__ import annotations

import ast
from pathlib import Path

__all__ = ["kept_state_problems"]

CACHE_DECORATORS = frozenset({"cache", "lru_cache", "cached_property"})
GENERATORS = frozenset({"default_rng", "RandomState", "Random", "Generator", "SystemRandom"})
MUTATING_METHODS = frozenset(
    {"append", "extend", "insert", "update", "setdefault", "add", "pop", "popitem", "clear", "remove", "discard"}
)
ADVICE = "keep values for later submissions only with @once_per_judge from grader.testing (docs/AUTHORING.md)"


def kept_state_problems(files: list[Path]) -> list[str]:
    """One line per place in ``files`` that keeps state across submissions: 'FILE:LINE: what; advice'."""
    problems = []
    for path in files:
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        except SyntaxError as exc:
            problems.append(f"{path.name}:{exc.lineno}: not valid Python ({exc.msg})")
            continue
        module_names = _module_level_names(tree)
        for line, what in sorted(_findings(tree, module_names)):
            problems.append(f"{path.name}:{line}: {what}; {ADVICE}")
    return problems


def _module_level_names(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        for target in targets:
            if isinstance(target, ast.Name):
                names.add(target.id)
    return names


def _decorator_name(decorator: ast.expr) -> str:
    node = decorator.func if isinstance(decorator, ast.Call) else decorator
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def _local_names(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """Every name bound inside ``function`` or a function nested in it (arguments, assignments, loops)."""
    names: set[str] = set()
    for node in ast.walk(function):
        if isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return names


def _base_name(node: ast.expr) -> str | None:
    """``_data`` for ``_data["x"]``, ``_data.x``, ``_data["x"]["y"]``."""
    while isinstance(node, ast.Subscript | ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _findings(tree: ast.Module, module_names: set[str]) -> list[tuple[int, str]]:
    found = _module_generators(tree) + _cache_decorators(tree)
    for top in tree.body:
        if isinstance(top, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            local = set() if isinstance(top, ast.ClassDef) else _local_names(top)
            found += _changes_to_module_names(top, module_names - local)
    return found


def _module_generators(tree: ast.Module) -> list[tuple[int, str]]:
    """A generator made once at import: each submission would draw where the last one stopped."""
    found = []
    for node in tree.body:
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if isinstance(value, ast.Call) and _decorator_name(value) in GENERATORS:
            what = f"a module-level random generator ({_decorator_name(value)}); make it inside the function"
            found.append((node.lineno, what))
    return found


def _cache_decorators(tree: ast.Module) -> list[tuple[int, str]]:
    return [
        (decorator.lineno, f"@{_decorator_name(decorator)} on {node.name}()")
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        for decorator in node.decorator_list
        if _decorator_name(decorator) in CACHE_DECORATORS
    ]


def _changes_to_module_names(top: ast.stmt, shared: set[str]) -> list[tuple[int, str]]:
    """In the function or class ``top``: ``global``/``nonlocal``, writes into and mutating calls on ``shared``."""
    found = []
    for node in ast.walk(top):
        if isinstance(node, ast.Global | ast.Nonlocal):
            found.append((node.lineno, f"`{type(node).__name__.lower()} {', '.join(node.names)}`"))
        for target in _assigned(node):
            if isinstance(target, ast.Subscript | ast.Attribute) and _base_name(target) in shared:
                found.append((node.lineno, f"{top.name}() writes into module-level `{_base_name(target)}`"))
        call = node.func if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) else None
        if call is not None and call.attr in MUTATING_METHODS and _base_name(call.value) in shared:
            found.append((node.lineno, f"{top.name}() changes module-level `{_base_name(call.value)}` (.{call.attr})"))
    return found


def _assigned(node: ast.AST) -> list[ast.expr]:
    """What ``node`` assigns to or deletes (nothing for other statements)."""
    if isinstance(node, ast.Assign | ast.Delete):
        return node.targets
    if isinstance(node, ast.AugAssign | ast.AnnAssign):
        return [node.target]
    return []
