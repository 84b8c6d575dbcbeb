"""validate --quick: the order a mutant's hidden tests run in, and the ``# caught by:`` line kept true."""

from conftest import make_exercise

from grader.executor import Done, Job
from grader.outcomes import Outcome
from grader.outcomes import TestResult as Result
from grader.validate import _judged_checks, _quick_order, declared_catcher

HIDDEN = "".join(f"def {name}(student):\n    pass\n\n" for name in ("test_cheap", "test_slow", "test_middle"))
POINTS = {"test_cheap": 1, "test_slow": 1, "test_middle": 1}


def _results(seconds: dict[str, float], lost: tuple[str, ...] = ()) -> list[Result]:
    return [
        Result(name, Outcome.FAILED if name in lost else Outcome.PASSED, 0.0 if name in lost else 1.0, 1.0,
                   seconds=time)
        for name, time in seconds.items()
    ]  # fmt: skip


REFERENCE = _results({"test_cheap": 0.1, "test_slow": 9.0, "test_middle": 1.0})


def test_declared_catcher_is_read_from_its_line():
    assert declared_catcher("# caught by: test_slow\n'''doc'''\n") == "test_slow"
    assert declared_catcher("'''doc'''\n\ndef f():\n    pass\n") is None
    assert declared_catcher("# caught by:\n") is None


def test_quick_order_runs_the_declared_catcher_then_the_cheapest():
    assert _quick_order(REFERENCE, "# caught by: test_slow\n") == ("test_slow", "test_cheap", "test_middle")
    assert _quick_order(REFERENCE, "x = 1\n") == ("test_cheap", "test_middle", "test_slow")


def _checks(tmp_path, mutant_text: str, mutant_lost: tuple[str, ...]):
    exercise = make_exercise(tmp_path / "92_toy", HIDDEN, POINTS)
    (exercise.folder / "mutants").mkdir()
    (exercise.folder / "mutants" / "wrong.py").write_text(mutant_text)
    seconds = {"test_cheap": 0.1, "test_slow": 9.0, "test_middle": 1.0}
    done = {
        "reference": Done(Job("r", exercise.id, ""), REFERENCE, 1.0),
        "stub": Done(Job("s", exercise.id, ""), _results(seconds, tuple(seconds)), 1.0),
        "mutant:wrong": Done(Job("m", exercise.id, ""), _results(seconds, mutant_lost), 1.0),
    }
    (check,) = [c for c in _judged_checks(exercise, done) if c.name.startswith("mutant wrong")]
    return check


def test_a_true_caught_by_line_passes(tmp_path):
    check = _checks(tmp_path, "# caught by: test_middle\n", ("test_middle",))
    assert check.ok and "caught by test_middle" in check.name


def test_a_stale_caught_by_line_fails_and_says_what_to_write(tmp_path):
    check = _checks(tmp_path, "# caught by: test_slow\n", ("test_middle",))
    assert not check.ok
    assert check.detail == (
        "its line '# caught by: test_slow' names a test that did not catch it; write '# caught by: test_middle'"
    )


def test_a_mutant_nothing_catches_still_fails(tmp_path):
    check = _checks(tmp_path, "# caught by: test_slow\n", ())
    assert not check.ok and check.detail == "no hidden test catches it"
