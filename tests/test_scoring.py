"""From per-case pytest results to points per hidden test (grader.scoring)."""

from __future__ import annotations

from pathlib import Path

from grader.exercise import Exercise, ExerciseLimits
from grader.outcomes import Outcome
from grader.scoring import CaseResult, score_all_as, score_cases


def _exercise(points: dict[str, float]) -> Exercise:
    return Exercise(
        id="99_toy",
        title="toy",
        student_file="toy.py",
        names=(),
        points=points,
        limits=ExerciseLimits(),
        folder=Path("."),
    )


def test_parametrized_cases_share_points_and_are_named_by_position_not_by_id():
    exercise = _exercise({"test_shape": 3.0})
    cases = [
        CaseResult("test_shape", "X5x4-W3x4", Outcome.PASSED),
        CaseResult("test_shape", "X1x4-W3x4", Outcome.FAILED, "dense_forward: expected shape (1, 3). Received: (3,)"),
        CaseResult("test_shape", "X2x1-W1x1", Outcome.PASSED),
    ]
    (result,) = score_cases(exercise, cases)
    assert result.points == 2.0 and result.max_points == 3.0 and result.outcome is Outcome.FAILED
    assert result.message.startswith("case 2 of 3: dense_forward")
    assert "1 of 3 cases did not pass" in result.message
    assert "X1x4" not in result.message and "[" not in result.message.split(":")[0]


def test_a_declared_test_that_left_no_result_fails_and_an_unparametrized_one_has_no_prefix():
    exercise = _exercise({"test_a": 1.0, "test_b": 2.0})
    results = score_cases(exercise, [CaseResult("test_a", "", Outcome.ERROR, "boom")])
    assert [(r.test, r.outcome, r.points) for r in results] == [
        ("test_a", Outcome.ERROR, 0.0),
        ("test_b", Outcome.FAILED, 0.0),
    ]
    assert results[0].message == "boom"


def test_score_all_as_gives_every_test_the_same_outcome_and_no_points():
    exercise = _exercise({"test_a": 1.0, "test_b": 2.0})
    results = score_all_as(exercise, Outcome.NOT_LOADED, "neuron.py, line 3: SyntaxError")
    assert {r.outcome for r in results} == {Outcome.NOT_LOADED}
    assert sum(r.points for r in results) == 0 and sum(r.max_points for r in results) == 3.0


def test_the_notebook_runtime_shares_points_and_wording_with_the_grader():
    """nbgrader's cells run grader.points inlined: the same shares and the same case wording."""
    from grader.exports import nbgrader, nbgrader_runtime
    from grader.points import case_prefix, earned_points

    assert nbgrader_runtime.earned_points is earned_points and nbgrader_runtime.case_prefix is case_prefix
    helper = nbgrader.helper_source()
    assert "def earned_points(" in helper and "def case_prefix(" in helper
    assert [earned_points(3.0, 3, passed) for passed in range(4)] == [0.0, 1.0, 2.0, 3.0]
    assert earned_points(1.0, 3, 1) == 0.3333 and earned_points(2.0, 1, 1) == 2.0
