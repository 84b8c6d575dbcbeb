"""The pytest plugin the judge loads: the ``student`` fixture and outcome collection."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from grader.determinism import seed_judge
from grader.errors import StudentError
from grader.outcomes import Outcome
from grader.scoring import CaseResult
from grader.testing import HiddenTestFailure

__all__ = ["JudgePlugin", "classify"]

PYTEST_FAILED = pytest.fail.Exception
PYTEST_SKIPPED = pytest.skip.Exception


def classify(exc: BaseException) -> tuple[Outcome, str, str]:
    """(outcome, message, details) for an exception raised in a hidden test."""
    if isinstance(exc, StudentError):
        return Outcome(exc.outcome), exc.message, exc.details
    if isinstance(exc, HiddenTestFailure):
        return Outcome.FAILED, str(exc), ""
    if isinstance(exc, AssertionError):
        text = str(exc).strip().splitlines()
        return Outcome.FAILED, text[0] if text else "a hidden check failed", ""
    if isinstance(exc, PYTEST_FAILED):
        return Outcome.FAILED, str(exc.msg) if hasattr(exc, "msg") else str(exc), ""
    if isinstance(exc, PYTEST_SKIPPED):
        return Outcome.FAILED, "the test was skipped, which counts as failed", ""
    return Outcome.GRADER_ERROR, f"the hidden test broke: {type(exc).__name__}: {exc}"[:500], ""


MAX_RECORDED_VALUES = 20_000


def _plain(value: Any) -> Any:
    """JSON-safe plain data: arrays become lists, non-finite floats become None."""
    if isinstance(value, np.ndarray):
        if value.size > MAX_RECORDED_VALUES:
            raise ValueError(f"record: {value.size} values is too many (at most {MAX_RECORDED_VALUES})")
        return _plain(value.tolist())
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (np.floating, float)):
        return float(value) if np.isfinite(value) else None
    if isinstance(value, (np.integer, np.bool_)):
        return value.item()
    if value is None or isinstance(value, (bool, int, str)):
        return value
    raise TypeError(f"record: cannot keep a {type(value).__name__}; pass numbers, strings, lists or arrays")


class Recorder:
    """The ``record`` fixture: ``record("depth", predicted=..., true=...)`` keeps plain data for feedback.

    Recorded data goes to the results store and the student's feedback page; record
    only what the student may see (their own outputs, public inputs).
    """

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}

    def __call__(self, name: str, **values: Any) -> None:
        self.data[name] = {key: _plain(value) for key, value in values.items()}


class JudgePlugin:
    """Gives hidden tests the ``student`` proxy and records what happened to each."""

    def __init__(self, student: Any) -> None:
        self._student = student
        self.cases: dict[str, CaseResult] = {}
        self.collection_errors: list[str] = []
        self._recorders: dict[str, Recorder] = {}

    @pytest.fixture
    def student(self) -> Any:
        return self._student

    @pytest.fixture
    def record(self, request: pytest.FixtureRequest) -> Recorder:
        recorder = Recorder()
        self._recorders[request.node.nodeid] = recorder
        return recorder

    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        seed_judge()

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo) -> Any:
        report = yield
        function = getattr(item, "originalname", item.name.split("[")[0])
        case_id = item.callspec.id if hasattr(item, "callspec") else ""
        current = self.cases.get(item.nodeid)
        if current is None:
            current = CaseResult(function, case_id, Outcome.PASSED)
            self.cases[item.nodeid] = current
        current.seconds += report.duration
        if item.nodeid in self._recorders:
            current.artifacts = self._recorders[item.nodeid].data
        if current.outcome is not Outcome.PASSED:
            return report  # the first problem is the one reported
        if call.excinfo is not None:
            current.outcome, current.message, current.details = classify(call.excinfo.value)
        elif report.skipped:
            current.outcome, current.message = Outcome.FAILED, "the test was skipped, which counts as failed"
        elif call.when == "call" and not report.passed:
            current.outcome, current.message = Outcome.FAILED, "the hidden test failed"
        return report

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            text = str(report.longrepr).strip().splitlines()
            self.collection_errors.append(f"{report.nodeid}: {text[-1] if text else 'collection failed'}")
