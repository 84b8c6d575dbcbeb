"""Outcomes and scores of the judge, on a toy exercise (NumPy only, fast)."""

import textwrap

import numpy as np
import pytest
from conftest import make_exercise

from grader.exercise import ExerciseLimits
from grader.judge import judge_source, judge_submission
from grader.outcomes import Outcome
from grader.scoring import NO_RESULT

HIDDEN = textwrap.dedent("""
    import pytest
    from grader.testing import expect_array, expect_close

    def test_add(student):
        expect_close(student.add(1.0, 2.0), 3.0, what="add(1, 2)")

    def test_loop(student):
        student.loop()

    def test_after_loop(student):
        expect_close(student.add(2.0, 2.0), 4.0, what="add(2, 2)")

    def test_exit(student):
        student.hard_exit()

    def test_after_exit(student):
        expect_close(student.add(5.0, 5.0), 10.0, what="add(5, 5)")

    def test_skipped(student):
        pytest.skip("not today")

    def test_weird(student):
        student.weird()

    def test_missing(student):
        student.not_defined()

    @pytest.mark.parametrize("n", [1, 2, 3, 4])
    def test_square(student, n):
        expect_close(student.square(float(n)), float(n * n), what=f"square({n})")

    def test_shape(student):
        expect_array(student.vector(), what="vector()", shape=(3,))
""")

POINTS = {
    "test_add": 1,
    "test_loop": 1,
    "test_after_loop": 1,
    "test_exit": 1,
    "test_after_exit": 1,
    "test_skipped": 1,
    "test_weird": 1,
    "test_missing": 1,
    "test_square": 2,
    "test_shape": 1,
}

STUDENT = textwrap.dedent("""
    import os
    import numpy as np

    def add(a, b):
        return a + b

    def loop():
        while True:
            pass

    def hard_exit():
        os._exit(0)

    class AlwaysEqual:
        def __eq__(self, other):
            return True

    def weird():
        return AlwaysEqual()

    def square(x):
        return x * x if x < 3 else x + x

    def vector():
        return [1.0, 2.0]
""")


@pytest.fixture
def toy(tmp_path):
    return make_exercise(
        tmp_path / "99_toy", HIDDEN, POINTS, limits=ExerciseLimits(call_seconds=3, submission_seconds=60)
    )


def by_test(results):
    return {r.test: r for r in results}


def test_each_outcome_and_its_points(toy):
    results = by_test(judge_source(toy, STUDENT))
    assert results["test_add"].outcome is Outcome.PASSED and results["test_add"].points == 1
    assert results["test_loop"].outcome is Outcome.TIMED_OUT
    assert "3 s" in results["test_loop"].message
    assert results["test_after_loop"].outcome is Outcome.PASSED, "a timeout must not spoil later tests"
    assert results["test_exit"].outcome is Outcome.ERROR
    assert "process running your code ended" in results["test_exit"].message
    assert results["test_after_exit"].outcome is Outcome.PASSED, "a crash must not spoil later tests"
    assert results["test_skipped"].outcome is Outcome.FAILED and results["test_skipped"].points == 0
    assert results["test_weird"].outcome is Outcome.FAILED
    assert "AlwaysEqual" in results["test_weird"].message
    assert results["test_missing"].outcome is Outcome.NOT_LOADED
    assert "does not define not_defined" in results["test_missing"].message
    square = results["test_square"]
    assert square.outcome is Outcome.FAILED and square.points == 1.0 and square.max_points == 2
    assert "2 of 4 cases" in square.message
    assert results["test_shape"].message == "vector(): expected an array of shape (3,). Received: shape (2,)"


def test_first_loss_ends_stops_at_the_first_test_that_does_not_pass(toy):
    """``validate --quick``: a mutant is proven to lose points by its first loss; the rest is not run."""
    wrong_add = STUDENT.replace("return a + b", "return a - b")
    results = by_test(judge_submission(toy, wrong_add, first_loss_ends=True)[0])
    assert results["test_add"].outcome is Outcome.FAILED and "add(1, 2)" in results["test_add"].message
    assert {r.message for name, r in results.items() if name != "test_add"} == {NO_RESULT}
    assert sum(r.points for r in results.values()) == 0


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("def add(a, b):\n    return a +\n", "SyntaxError"),
        ("import numpyy\n", "ModuleNotFoundError: No module named 'numpyy'"),
        ("import sys\nsys.exit(0)\n", "SystemExit"),
        ("import os\nos._exit(3)\n", "exit code 3"),
        ("x = 1\0\n", "null bytes"),
    ],
)
def test_a_file_that_does_not_load_scores_zero_with_one_reason(toy, source, message):
    results = judge_source(toy, source)
    assert {r.outcome for r in results} == {Outcome.NOT_LOADED}
    assert sum(r.points for r in results) == 0
    assert message in results[0].message and "\n" not in results[0].message


def test_an_endless_module_body_times_out(tmp_path):
    toy = make_exercise(
        tmp_path / "98_toy",
        "def test_a(student):\n    student.a()\n",
        {"test_a": 1},
        limits=ExerciseLimits(call_seconds=1, submission_seconds=4),
    )
    (result,) = judge_source(toy, "while True:\n    pass\n")
    assert result.outcome is Outcome.TIMED_OUT


def test_student_traceback_shows_only_their_frames(toy):
    source = STUDENT.replace("return a + b", "return helper(a) + b") + "\n\ndef helper(a):\n    return a[0]\n"
    result = by_test(judge_source(toy, source))["test_add"]
    assert result.outcome is Outcome.ERROR
    assert result.message.startswith("add raised TypeError")
    assert 'File "toy.py"' in result.details and "in helper" in result.details
    assert "child.py" not in result.details and "grader" not in result.details


def test_no_student_code_runs_in_the_judge(tmp_path):
    """A submission that monkeypatches NumPy and records its PID changes nothing here."""
    hidden = textwrap.dedent("""
        import os
        import numpy as np
        from grader.testing import fail

        def test_close(student):
            if np.allclose(student.value(), 2.0):
                fail("value() is wrong")

        def test_pid(student):
            assert student.pid() != os.getpid()
    """)
    toy = make_exercise(tmp_path / "97_toy", hidden, {"test_close": 1, "test_pid": 1})
    cheat = textwrap.dedent("""
        import builtins, math, os
        import numpy
        numpy.allclose = lambda *args, **kwargs: False
        math.isclose = lambda *args, **kwargs: True
        builtins.abs = lambda x: 0
        PID = os.getpid()

        def value():
            return 2.0

        def pid():
            return PID
    """)
    original = np.allclose
    close, pid = judge_source(toy, cheat)
    assert close.outcome is Outcome.FAILED, "the judge's numpy.allclose must be the real one"
    assert pid.outcome is Outcome.PASSED, "the student's code must run in another process"
    assert np.allclose is original and abs(-2) == 2


def test_recorded_feedback_data_is_kept_as_plain_data(tmp_path):
    hidden = textwrap.dedent("""
        import numpy as np

        def test_curve(student, record):
            record("loss", values=np.array([3.0, 2.0, np.nan]), epochs=3)
            assert student.add(1, 1) == 2
    """)
    toy = make_exercise(tmp_path / "96_toy", hidden, {"test_curve": 1})
    (result,) = judge_source(toy, "def add(a, b):\n    return a + b\n")
    assert result.outcome is Outcome.PASSED
    assert result.artifacts == {"loss": {"values": [3.0, 2.0, None], "epochs": 3}}


def test_a_builtin_exception_from_student_code_can_be_expected_by_its_own_type(tmp_path):
    hidden = textwrap.dedent("""
        import pytest
        from grader.testing import StudentCodeError

        def test_raises(student):
            with pytest.raises(ValueError):
                student.check(-1)
            with pytest.raises(StudentCodeError) as info:
                student.check(-1)
            assert info.value.type_name == "ValueError"
    """)
    toy = make_exercise(tmp_path / "95_toy", hidden, {"test_raises": 1})
    source = "def check(x):\n    if x < 0:\n        raise ValueError('negative')\n"
    (result,) = judge_source(toy, source)
    assert result.outcome is Outcome.PASSED, result.message


def test_a_check_broken_by_a_student_value_fails_and_a_broken_test_is_a_grader_error(tmp_path):
    """No student value makes a grader error: a test that breaks after the student answered fails."""
    hidden = textwrap.dedent("""
        from grader.testing import expect_close

        def test_direct_float(student):
            assert float(student.huge()) > 0

        def test_helper(student):
            expect_close(student.huge(), 1.0, what="huge()")

        def test_nested(student):
            expect_close(student.nested(), [1.0], what="nested()")

        def test_broken_before_any_call(student):
            {}["no such key"]
    """)
    points = {"test_direct_float": 1, "test_helper": 1, "test_nested": 1, "test_broken_before_any_call": 1}
    toy = make_exercise(tmp_path / "94_toy", hidden, points)
    source = textwrap.dedent("""
        def huge():
            return 10**4000

        def nested():
            v = [1.0]
            for _ in range(45):
                v = [v]
            return v
    """)
    results = by_test(judge_source(toy, source))
    assert results["test_direct_float"].outcome is Outcome.FAILED
    assert results["test_direct_float"].message.startswith("the hidden test could not check the value returned")
    assert "OverflowError" in results["test_direct_float"].message
    assert (
        results["test_helper"].outcome is Outcome.FAILED and "integer of 4001 digits" in results["test_helper"].message
    )
    assert results["test_nested"].outcome is Outcome.FAILED
    assert results["test_broken_before_any_call"].outcome is Outcome.GRADER_ERROR


def test_an_exception_group_is_classified_by_its_most_telling_member():
    """Hypothesis wraps a replay that ended differently in a group; the group is never the grader's error."""
    from hypothesis.errors import FlakyFailure

    from grader.errors import StudentCrashError, StudentTimeoutError
    from grader.judge_plugin import classify

    crash = StudentCrashError("f", 9)
    timeout = StudentTimeoutError("f", 3)
    wrong = AssertionError("f(3): expected 3. Received: 4")
    grader_bug = KeyError("no such key")
    assert classify(FlakyFailure("replayed", [crash, timeout]))[0] is Outcome.ERROR
    assert classify(FlakyFailure("replayed", [grader_bug, timeout]))[0] is Outcome.TIMED_OUT
    assert classify(FlakyFailure("replayed", [wrong])) == (Outcome.FAILED, "f(3): expected 3. Received: 4", "")
    nested = ExceptionGroup("outer", [grader_bug, ExceptionGroup("inner", [wrong])])
    assert classify(nested)[0] is Outcome.FAILED
    assert classify(ExceptionGroup("only ours", [grader_bug]))[0] is Outcome.GRADER_ERROR


def test_a_property_test_replaying_a_changed_answer_fails_the_student_not_the_grader(tmp_path):
    """A student whose answer (or process) changes between two calls with the same input loses the test."""
    hidden = textwrap.dedent("""
        from hypothesis import given, strategies as st
        from grader.testing import expect_close, property_settings

        @property_settings(20)
        @given(st.integers(0, 50))
        def test_identity(student, n):
            expect_close(student.identity(n), float(n), what=f"identity({n})")

        @property_settings(20)
        @given(st.integers(0, 50))
        def test_crashes_once(student, n):
            expect_close(student.crash_once(n), float(n), what=f"crash_once({n})")
    """)
    toy = make_exercise(
        tmp_path / "93_toy",
        hidden,
        {"test_identity": 1, "test_crashes_once": 1},
        limits=ExerciseLimits(call_seconds=3, submission_seconds=60),
    )
    source = textwrap.dedent("""
        import os

        _seen = set()

        def identity(n):  # wrong once per input above 5, right when asked again
            first = n > 5 and n not in _seen
            _seen.add(n)
            return float(n) + (1.0 if first else 0.0)

        def crash_once(n):  # the process ends on the first large input; after the restart it raises
            if n > 5:
                if os.path.exists("crashed"):
                    raise ValueError("after the crash")
                open("crashed", "w").close()
                os._exit(1)
            return float(n)
    """)
    results = by_test(judge_source(toy, source))
    assert results["test_identity"].outcome is Outcome.FAILED, results["test_identity"].message
    assert "identity(" in results["test_identity"].message
    assert results["test_crashes_once"].outcome is Outcome.ERROR, results["test_crashes_once"].message


def test_run_first_changes_the_order_and_with_first_loss_ends_skips_the_rest(toy):
    """``validate --quick`` runs the cheapest tests first: a later test in file order can end the run."""
    results = by_test(judge_submission(toy, STUDENT, first_loss_ends=True, run_first=("test_shape", "test_add"))[0])
    assert results["test_shape"].outcome is Outcome.FAILED
    assert results["test_add"].message == NO_RESULT, "test_add comes after test_shape, which already lost"
    assert results["test_loop"].message == NO_RESULT, "test_loop (3 s) must not have run"
    in_file_order = by_test(judge_submission(toy, STUDENT, first_loss_ends=True)[0])
    assert in_file_order["test_add"].outcome is Outcome.PASSED
    assert in_file_order["test_loop"].outcome is Outcome.TIMED_OUT
    assert in_file_order["test_shape"].message == NO_RESULT


def test_first_loss_ends_only_after_every_catcher_ran(toy):
    """A mutant's ``# caught by:`` line may name several tests: each runs and gives its message, then the run stops."""
    wrong_add = STUDENT.replace("return a + b", "return a - b")
    catchers = ("test_add", "test_shape")
    results = by_test(judge_submission(toy, wrong_add, first_loss_ends=True, run_first=catchers, catchers=catchers)[0])
    assert results["test_add"].outcome is Outcome.FAILED, "the first catcher lost"
    assert results["test_shape"].outcome is Outcome.FAILED, "the second catcher still ran after that loss"
    assert results["test_loop"].message == NO_RESULT, "nothing after the catchers ran"
    assert results["test_after_exit"].message == NO_RESULT
