"""Runs one hidden test inside a student's notebook kernel, for nbgrader.

Not used by the grader itself: ``grader.exports.nbgrader`` ships this module's source,
with ``grader.errors``, ``grader.determinism`` and ``grader.testing`` inlined, as
``_grader_testing.py`` in every assignment folder. Each autograded cell calls
``run_hidden_test(name, points, files)``: the hidden test file travels in the cell,
is written to a temporary folder and run with pytest in the kernel, with the
``student`` fixture bound to the notebook's namespace (``sys.modules["__main__"]``)
and ``record`` a no-op.

The cell's outcome is nbgrader's grade: nothing raised means full points, a number
as the cell's value means partial points (cases of a parametrized test share the
test's points, as in ``grader.scoring``), ``HiddenTestsFailed`` means none. Logging,
warnings and stderr are kept out of the cell, since nbgrader scores a cell that
wrote to stderr as 0.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest

from grader.determinism import seed_judge
from grader.errors import StudentCodeError, StudentError, StudentLoadError
from grader.points import case_prefix, cases_suffix, earned_points
from grader.testing import HYPOTHESIS_PROBES, HiddenTestFailure

__all__ = ["HiddenTestsFailed", "NotebookStudent", "run_hidden_test"]

PYTEST_ARGS = [
    "-p", "no:terminal",
    "-p", "no:cacheprovider",
    "-p", "no:faulthandler",
    "-p", "no:randomly",
    "-p", "no:unraisableexception",  # its gc.collect() at every exit: half of a hidden cell's time with TensorFlow
    "-p", "no:threadexception",
    "--assert=plain",
    "--import-mode=importlib",
    "-c", os.devnull,
]  # fmt: skip


class HiddenTestsFailed(AssertionError):
    """A hidden test earned no points; the message says why, for the student."""


class NotebookStudent:
    """The ``student`` fixture in a notebook: ``student.f(x)`` calls the notebook's ``f``.

    Like the grader's child process, it seeds before every call, passes copies of
    the arguments, and turns an exception of the student's code into ``StudentCodeError``.
    """

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> Any:
        if name.startswith(("_", "hypothesis_")) or name in HYPOTHESIS_PROBES:
            raise AttributeError(name)  # Hypothesis probes a test's arguments for these; they are never the student's
        target = getattr(self._namespace, name, None)
        if target is None:
            raise StudentLoadError(f"the notebook does not define {name}; run the cell that defines it")
        if not callable(target):
            return target

        def call(*args: Any, **kwargs: Any) -> Any:
            try:
                args, kwargs = copy.deepcopy((args, kwargs))
            except Exception:  # e.g. a Keras model: pass it as it is
                pass
            seed_judge()
            try:
                return target(*args, **kwargs)
            except Exception as exc:
                raise StudentCodeError(name, type(exc).__name__, str(exc)) from exc

        call.__name__ = name
        return call


def _message(exc: BaseException) -> str:
    if isinstance(exc, StudentError):
        return exc.message
    if isinstance(exc, HiddenTestFailure):
        return str(exc)
    if isinstance(exc, AssertionError):
        lines = str(exc).strip().splitlines()
        return lines[0] if lines else "a hidden check failed"
    if isinstance(exc, pytest.skip.Exception):
        return "the test was skipped, which counts as failed"
    if isinstance(exc, pytest.fail.Exception):
        return str(getattr(exc, "msg", exc))
    return f"the hidden test broke: {type(exc).__name__}: {exc}"[:500]


class _Collector:
    """A pytest plugin: the fixtures, and the first problem of each case."""

    def __init__(self, student: Any) -> None:
        self._student = student
        self.cases: dict[str, str | None] = {}  # case id -> None (passed) or the message
        self.problems: list[str] = []

    def pytest_configure(self, config: pytest.Config) -> None:
        # pytest's failure text is never shown; its default style parses every frame's file (slow)
        config.option.tbstyle = "native"

    @pytest.fixture
    def student(self) -> Any:
        return self._student

    @pytest.fixture
    def record(self) -> Any:
        return lambda name, **values: None

    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        seed_judge()

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo) -> Any:
        report = yield
        case = item.callspec.id if hasattr(item, "callspec") else ""
        self.cases.setdefault(case, None)
        if self.cases[case] is not None:
            return report
        if call.excinfo is not None:
            self.cases[case] = _message(call.excinfo.value)
        elif report.skipped:
            self.cases[case] = "the test was skipped, which counts as failed"
        elif call.when == "call" and not report.passed:
            self.cases[case] = "the hidden test failed"
        return report

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            lines = str(report.longrepr).strip().splitlines()
            self.problems.append(f"the hidden test could not be collected: {lines[-1] if lines else '?'}")


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """No logging, and stderr to stdout: nbgrader gives 0 to a cell that wrote to stderr."""
    before = logging.root.manager.disable
    logging.disable(logging.CRITICAL)
    try:
        with contextlib.redirect_stderr(sys.stdout):
            yield
    finally:
        logging.disable(before)


def _run(name: str, files: dict[str, str], student: Any) -> _Collector:
    folder = tempfile.mkdtemp(prefix="hidden-tests-")
    collector = _Collector(student)
    here = os.path.dirname(os.path.abspath(__file__))  # the assignment folder: this helper, datasets/
    if here not in sys.path:
        sys.path.append(here)
    try:
        for file_name, text in files.items():
            with open(os.path.join(folder, file_name), "w", encoding="utf-8") as handle:
                handle.write(text)
        tests = [f"{os.path.join(folder, f)}::{name}" for f in sorted(files) if f.startswith("test_")]
        with _quiet():
            pytest.main([*tests, "--rootdir", folder, *PYTEST_ARGS], plugins=[collector])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        for module_name, module in list(sys.modules.items()):  # the next cell's file may have the same name
            if str(getattr(module, "__file__", None) or "").startswith(folder):
                del sys.modules[module_name]
    return collector


def run_hidden_test(name: str, points: float, files: dict[str, str], student: Any = None) -> float | None:
    """Run hidden test ``name`` on the notebook; ``None`` for full points, the points earned when partial.

    Raises ``HiddenTestsFailed`` when no case passed.
    """
    collector = _run(name, files, NotebookStudent(student if student is not None else sys.modules["__main__"]))
    if collector.problems or not collector.cases:
        raise HiddenTestsFailed(f"{name}: {(collector.problems or ['the hidden test left no result'])[0]}")
    cases = list(collector.cases)
    failed = {case: message for case, message in collector.cases.items() if message is not None}
    earned = earned_points(points, len(cases), len(cases) - len(failed))
    for case, message in failed.items():
        sys.stdout.write(f"FAILED {name}: {case_prefix(cases.index(case), len(cases))}{message}\n")
    if not failed:
        sys.stdout.write(f"passed {name} ({points:g} of {points:g} points)\n")
        return None
    if earned <= 0:
        first_case, first = next(iter(failed.items()))
        prefix = case_prefix(cases.index(first_case), len(cases))
        raise HiddenTestsFailed(f"{name}: {prefix}{first}{cases_suffix(len(failed), len(cases))}")
    sys.stdout.write(f"{name}: {earned:g} of {points:g} points\n")
    return earned
