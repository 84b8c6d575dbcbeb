"""The pytest plugin the judge loads: the ``student`` fixture and outcome collection."""

from __future__ import annotations

from typing import Any

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


class JudgePlugin:
    """Gives hidden tests the ``student`` proxy and records what happened to each."""

    def __init__(self, student: Any) -> None:
        self._student = student
        self.cases: dict[str, CaseResult] = {}
        self.collection_errors: list[str] = []

    @pytest.fixture
    def student(self) -> Any:
        return self._student

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
