"""The pytest plugin the judge loads: the ``student`` fixture and outcome collection."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from grader.determinism import seed_judge
from grader.errors import StudentError
from grader.outcomes import Outcome
from grader.scoring import CaseResult
from grader.settings import RECORDED_MAX_VALUES
from grader.testing import HiddenTestFailure

__all__ = ["JudgePlugin", "classify"]

PYTEST_FAILED = pytest.fail.Exception
PYTEST_SKIPPED = pytest.skip.Exception


CHECK_BROKE = (
    "the hidden test could not check the value returned ({name}); "
    "return plain numbers or arrays of the kind the task asks for"
)


def classify(exc: BaseException, had_student_data: bool = False) -> tuple[Outcome, str, str]:
    """(outcome, message, details) for an exception raised in a hidden test.

    An unexpected exception is the grader's error, unless the test had already been
    handed a value by the student's code: then that value broke the check (a huge
    integer, a nested list, ...) and the test fails; the message names only the
    exception's type, never its text (which could hold expected values).

    A group of exceptions (Hypothesis' ``FlakyFailure`` when a replayed example ended
    differently: the student's process crashed, then timed out; or a student's answer
    changed between two calls) is classified by its most telling member: the student's
    own error, then a failed check. Only a group of the grader's own errors is its error.
    """
    if isinstance(exc, BaseExceptionGroup):
        return classify(_most_telling(exc), had_student_data)
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
    if had_student_data and isinstance(exc, Exception):
        return Outcome.FAILED, CHECK_BROKE.format(name=type(exc).__name__), ""
    return Outcome.GRADER_ERROR, f"the hidden test broke: {type(exc).__name__}: {exc}"[:500], ""


def _leaves(group: BaseExceptionGroup) -> list[BaseException]:
    """The exceptions in ``group`` and in the groups nested in it, in order."""
    leaves: list[BaseException] = []
    for member in group.exceptions:
        leaves.extend(_leaves(member) if isinstance(member, BaseExceptionGroup) else [member])
    return leaves


def _most_telling(group: BaseExceptionGroup) -> BaseException:
    """The member of ``group`` that says most about the student's answer (see ``classify``)."""
    leaves = _leaves(group)  # never empty: a group holds at least one exception
    for kind in (StudentError, (HiddenTestFailure, AssertionError, PYTEST_FAILED)):
        for leaf in leaves:
            if isinstance(leaf, kind):
                return leaf
    return leaves[0]


def _function(item: pytest.Item) -> str:
    """The test function an item runs (one name for every parametrised case)."""
    return getattr(item, "originalname", None) or item.name.split("[")[0]


def _plain(value: Any) -> Any:
    """JSON-safe plain data: arrays become lists, non-finite floats and huge integers become None."""
    if isinstance(value, np.ndarray):
        if value.size > RECORDED_MAX_VALUES:
            raise ValueError(f"record: {value.size} values is too many (at most {RECORDED_MAX_VALUES})")
        return _plain(value.tolist())
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (np.floating, float)):
        return float(value) if np.isfinite(value) else None
    if isinstance(value, (np.integer, np.bool_)):
        return value.item()
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 1000:
        return None  # like a non-finite float: JSON (and the store) cannot keep 10**4000
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


UNFINISHED = "the hidden test did not run to its end"


class JudgePlugin:
    """Gives hidden tests the ``student`` proxy and records what happened to each.

    A case counts as passed only once its call phase has reported; ``interrupted``
    is set when pytest saw Ctrl-C (the judge then records nothing). ``run_first`` orders
    the tests; ``first_loss_ends`` stops the run after the first lost point, but not
    before every test named in ``catchers`` has run (``validate --quick``: a mutant's
    declared catchers all give their message).
    """

    def __init__(
        self,
        student: Any,
        run_first: tuple[str, ...] = (),
        first_loss_ends: bool = False,
        catchers: tuple[str, ...] = (),
    ) -> None:
        self._student = student
        self._run_first = {name: index for index, name in enumerate(run_first)}
        self._first_loss_ends = first_loss_ends
        self._catchers = set(catchers)
        self.cases: dict[str, CaseResult] = {}
        self.collection_errors: list[str] = []
        self.interrupted = False
        self._recorders: dict[str, Recorder] = {}
        self._returned_before: dict[str, int] = {}
        self._called: set[str] = set()

    def _returned(self) -> int:
        return int(getattr(self._student, "_returned", 0) or 0)

    def pytest_configure(self, config: pytest.Config) -> None:
        """pytest's text of a failure is never shown (``classify`` words the outcome). Its default style
        parses the source file of every frame for every failure: 4 of a stub's 4.1 s grading (measured,
        07). ``native`` formats with ``traceback`` instead. (``--tb`` needs the terminal plugin, which
        the judge leaves out, so the option is set here.)"""
        config.option.tbstyle = "native"

    def finished_cases(self) -> list[CaseResult]:
        """Every case; one whose call phase never reported (stopped half-way) is failed, never passed."""
        for nodeid, case in self.cases.items():
            if nodeid not in self._called and case.outcome is Outcome.PASSED:
                case.outcome, case.message = Outcome.FAILED, UNFINISHED
        return list(self.cases.values())

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        """The functions named in ``run_first`` first, in that order; the others after, as collected."""
        if self._run_first:
            last = len(self._run_first)
            items.sort(key=lambda item: self._run_first.get(_function(item), last))

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem: pytest.Item | None) -> Any:
        """With ``first_loss_ends``: stop after a lost point, once no catcher is left to run."""
        result = yield
        if self._first_loss_ends and any(case.outcome is not Outcome.PASSED for case in self.cases.values()):
            if nextitem is None or _function(nextitem) not in self._catchers:
                item.session.shouldfail = "the first lost point ends this run"  # pytest's --exitfirst does the same
        return result

    def pytest_keyboard_interrupt(self, excinfo: pytest.ExceptionInfo) -> None:
        self.interrupted = isinstance(excinfo.value, KeyboardInterrupt)  # not pytest.exit() in a hidden test

    @pytest.fixture
    def student(self) -> Any:
        return self._student

    @pytest.fixture
    def record(self, request: pytest.FixtureRequest) -> Recorder:
        recorder = Recorder()
        self._recorders[request.node.nodeid] = recorder
        return recorder

    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        self._returned_before[item.nodeid] = self._returned()
        seed_judge()

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo) -> Any:
        report = yield
        function = _function(item)
        case_id = item.callspec.id if hasattr(item, "callspec") else ""
        current = self.cases.get(item.nodeid)
        if current is None:
            current = CaseResult(function, case_id, Outcome.PASSED)
            self.cases[item.nodeid] = current
        current.seconds += report.duration
        if item.nodeid in self._recorders:
            current.artifacts = self._recorders[item.nodeid].data
        if call.when == "call":
            self._called.add(item.nodeid)
        if current.outcome is not Outcome.PASSED:
            return report  # the first problem is the one reported
        if call.excinfo is not None:
            had_data = self._returned() > self._returned_before.get(item.nodeid, self._returned())
            current.outcome, current.message, current.details = classify(call.excinfo.value, had_data)
        elif report.skipped:
            current.outcome, current.message = Outcome.FAILED, "the test was skipped, which counts as failed"
        elif call.when == "call" and not report.passed:
            current.outcome, current.message = Outcome.FAILED, "the hidden test failed"
        return report

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            text = str(report.longrepr).strip().splitlines()
            self.collection_errors.append(f"{report.nodeid}: {text[-1] if text else 'collection failed'}")
