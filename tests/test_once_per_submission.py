"""``grader.testing.once_per_submission``: hidden tests share one call of the student's code."""

from __future__ import annotations

import textwrap

import pytest
from conftest import make_exercise

from grader.exercise import ExerciseLimits
from grader.judge import judge_source
from grader.outcomes import Outcome
from grader.testing import once_per_submission


def test_the_value_is_computed_once_per_student_and_key():
    calls = []

    def compute(value):
        calls.append(value)
        return value

    alice, bob = object(), object()
    assert once_per_submission(alice, "fit", lambda: compute(1)) == 1
    assert once_per_submission(alice, "fit", lambda: compute(2)) == 1, "the first answer, not a second call"
    assert once_per_submission(alice, ("score", 3), lambda: compute(3)) == 3, "another key is another call"
    assert once_per_submission(bob, "fit", lambda: compute(4)) == 4, "a new submission starts afresh"
    assert calls == [1, 3, 4]


def test_a_failure_is_raised_again_without_a_second_call():
    calls = []

    def broken():
        calls.append(1)
        raise ValueError("the student's training broke")

    carol = object()
    for _ in range(3):
        with pytest.raises(ValueError, match="training broke"):
            once_per_submission(carol, "fit", broken)
    assert calls == [1]


SHARED_HIDDEN = textwrap.dedent("""
    from grader.testing import expect_close, once_per_submission

    def _trained(student):
        return once_per_submission(student, "train", student.train)

    def test_first(student):
        expect_close(_trained(student), 1.0, what="train()")

    def test_second(student):
        expect_close(_trained(student), 1.0, what="train()")
""")


@pytest.mark.slow
def test_a_training_that_times_out_costs_one_time_limit_not_one_per_test(tmp_path):
    toy = make_exercise(
        tmp_path / "97_shared", SHARED_HIDDEN, {"test_first": 1, "test_second": 1},
        limits=ExerciseLimits(call_seconds=2, submission_seconds=60),
    )  # fmt: skip
    results = {r.test: r for r in judge_source(toy, "def train():\n    while True:\n        pass\n")}
    assert [results[t].outcome for t in ("test_first", "test_second")] == [Outcome.TIMED_OUT] * 2
    assert results["test_second"].seconds < 1.0, "the second test waited for the time limit again"
    passing = {r.test: r.outcome for r in judge_source(toy, "def train():\n    return 1.0\n")}
    assert passing == {"test_first": Outcome.PASSED, "test_second": Outcome.PASSED}
