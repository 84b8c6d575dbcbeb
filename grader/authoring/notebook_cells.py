"""The code of the cells a generated notebook adds around the student's cells.

Three kinds, all generated, none graded (each is tagged so that
``grader.notebook_source`` leaves it out of a submission):

- ``SETUP``: run first. It quiets TensorFlow's start-up lines and puts the kit's
  root (the folder that holds ``datasets/`` and ``exercises/``) first on
  ``sys.path``, dropping any other package called ``datasets`` that was imported
  before (Hugging Face's has the same name).
- ``CHECKER``: the public tests and ``check(...)``, which runs tests against the
  notebook's own functions and prints, per test, what the test expected (its
  ``assert`` lines) and what each call returned (kind, shape, small values).
- a check cell after each function: ``check(test_a, test_b)``.
"""

from __future__ import annotations

import ast
import json

__all__ = ["SETUP", "CHECKER", "TEST_ENV", "checks_by_function"]

# Environment variables that silence TensorFlow's C++ start-up lines (and the oneDNN notice); the same
# values go into the generated conftest.py.
TEST_ENV = {"TF_CPP_MIN_LOG_LEVEL": "3", "TF_ENABLE_ONEDNN_OPTS": "0"}

_SETUP_TEMPLATE = """
# Run this cell first. It hides TensorFlow's start-up messages and makes the kit's
# data generators (the datasets/ folder next to exercises/) importable, before any
# other package that happens to be called `datasets`.
import os
import sys
from pathlib import Path

for _key, _value in {env}.items():
    os.environ.setdefault(_key, _value)


def _find_kit(start):
    for folder in [start, *start.parents]:
        if (folder / "datasets" / "__init__.py").is_file() and (folder / "exercises").is_dir():
            return folder
    return None


_kit = _find_kit(Path.cwd().resolve())
if _kit is not None:
    sys.path.insert(0, str(_kit))
    _other = sys.modules.get("datasets")
    if _other is not None and not str(getattr(_other, "__file__", "")).startswith(str(_kit)):
        for _name in [n for n in sys.modules if n == "datasets" or n.startswith("datasets.")]:
            del sys.modules[_name]
else:
    print("Could not find the kit's datasets/ folder: open this notebook from its exercise folder.")
""".strip()

SETUP = _SETUP_TEMPLATE.replace("{env}", json.dumps(TEST_ENV))

CHECKER = '''

# ---- check(...): runs public tests against the functions defined in this notebook ----
import ast as _ast
import inspect as _inspect
import textwrap as _textwrap
import traceback as _traceback

import numpy as _np


def _describe(value):
    """What came back, in a few words: its kind, shape and, when small, its values."""
    if hasattr(value, "shape") and hasattr(value, "dtype") and not isinstance(value, type):
        array = _np.asarray(value)
        text = f"array of shape {array.shape}, dtype {array.dtype}"
        if array.size <= 8:
            text += ": " + _np.array2string(array, precision=4, separator=", ").replace("\\n", "")
        return text
    if isinstance(value, (list, tuple, dict)):
        text = repr(value)
        return f"{type(value).__name__} of length {len(value)}" + (f": {text}" if len(text) <= 120 else "")
    if isinstance(value, (bool, int, float, str, type(None), _np.generic)):
        return f"{type(value).__name__}: {value!r}"
    return f"a {type(value).__name__} object"


class _Recorder:
    """Stands for the notebook's module; records what each function returned."""

    def __init__(self, module):
        self._module = module
        self.calls = []

    def __getattr__(self, name):
        target = getattr(self._module, name)
        if not callable(target) or isinstance(target, type):
            return target

        def call(*args, **kwargs):
            result = target(*args, **kwargs)
            self.calls.append((name, result))
            return result

        return call


def _expectations(test):
    """The test's assert lines: what it expects."""
    try:
        tree = _ast.parse(_textwrap.dedent(_inspect.getsource(test)))
    except (OSError, TypeError, SyntaxError):
        return []
    return [_ast.unparse(node.test) for node in _ast.walk(tree) if isinstance(node, _ast.Assert)]


def check(*tests):
    """Run ``tests`` (every public test when none is given); print what was expected and what came back."""
    tests = tests or [t for n, t in list(globals().items()) if n.startswith("test_") and callable(t)]
    failed = 0
    for test in tests:
        student = _Recorder(sys.modules["__main__"])
        try:
            test(student)
            outcome, failure = "ok", None
        except NotImplementedError:
            outcome, failure = "FAILED", "not written yet (NotImplementedError)"
        except Exception as exc:
            frames = _traceback.extract_tb(exc.__traceback__)
            line = next((f.line for f in reversed(frames) if f.name == test.__name__), "")
            outcome, failure = "FAILED", f"{type(exc).__name__}: {exc}" + (f"  [at: {line}]" if line else "")
        failed += outcome != "ok"
        print(f"{outcome:6}  {test.__name__}")
        for expected in _expectations(test):
            print(f"        expected: {expected}")
        for name, result in student.calls[:3]:
            print(f"        {name}(...) returned {_describe(result)}")
        if failure:
            print(f"        problem: {failure}")
    print("All checks passed." if not failed else f"{failed} of {len(tests)} check(s) failed.")
    return failed == 0
'''


def checks_by_function(public_tests: str, functions: list[str]) -> dict[str, list[str]]:
    """Each public test under the last function (in file order) it calls through ``student``."""
    order = {name: index for index, name in enumerate(functions)}
    assigned: dict[str, list[str]] = {name: [] for name in functions}
    for node in ast.parse(public_tests).body:
        if not (isinstance(node, ast.FunctionDef) and node.name.startswith("test_")):
            continue
        used = {
            sub.attr
            for sub in ast.walk(node)
            if isinstance(sub, ast.Attribute) and isinstance(sub.value, ast.Name) and sub.value.id == "student"
        }
        known = [name for name in used if name in order]
        if known:
            assigned[max(known, key=order.__getitem__)].append(node.name)
    return assigned
