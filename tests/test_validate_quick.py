"""validate --quick: the order a mutant's hidden tests run in, the ``# caught by:`` lines kept true and complete."""

from conftest import make_exercise

from grader.executor import Done, Job
from grader.outcomes import Outcome
from grader.outcomes import TestResult as Result
from grader.validate import _judged_checks, _quick_order, declared_catchers

HIDDEN = "".join(f"def {name}(student):\n    pass\n\n" for name in ("test_cheap", "test_slow", "test_middle"))
POINTS = {"test_cheap": 1, "test_slow": 1, "test_middle": 1}


def _results(seconds: dict[str, float], lost: tuple[str, ...] = ()) -> list[Result]:
    return [
        Result(name, Outcome.FAILED if name in lost else Outcome.PASSED, 0.0 if name in lost else 1.0, 1.0,
                   seconds=time)
        for name, time in seconds.items()
    ]  # fmt: skip


REFERENCE = _results({"test_cheap": 0.1, "test_slow": 9.0, "test_middle": 1.0})


def test_declared_catchers_are_read_from_their_line():
    assert declared_catchers("# caught by: test_slow\n'''doc'''\n") == ("test_slow",)
    assert declared_catchers("# caught by: test_slow, test_cheap\n") == ("test_slow", "test_cheap")
    assert declared_catchers("'''doc'''\n\ndef f():\n    pass\n") == ()
    assert declared_catchers("# caught by:\n") == ()


def test_quick_order_runs_the_declared_catchers_then_the_cheapest():
    slow_first = ("test_slow", "test_cheap", "test_middle")
    assert _quick_order(REFERENCE, declared_catchers("# caught by: test_slow\n")) == slow_first
    assert _quick_order(REFERENCE, declared_catchers("# caught by: test_slow, test_middle\n")) == (
        "test_slow", "test_middle", "test_cheap",
    )  # fmt: skip
    assert _quick_order(REFERENCE, declared_catchers("x = 1\n")) == ("test_cheap", "test_middle", "test_slow")


def _all_checks(tmp_path, mutant_text: str, mutant_lost: tuple[str, ...]):
    exercise = make_exercise(tmp_path / "92_toy", HIDDEN, POINTS)
    (exercise.folder / "mutants").mkdir()
    (exercise.folder / "mutants" / "wrong.py").write_text(mutant_text)
    seconds = {"test_cheap": 0.1, "test_slow": 9.0, "test_middle": 1.0}
    done = {
        "reference": Done(Job("r", exercise.id, ""), REFERENCE, 1.0),
        "stub": Done(Job("s", exercise.id, ""), _results(seconds, tuple(seconds)), 1.0),
        "mutant:wrong": Done(Job("m", exercise.id, ""), _results(seconds, mutant_lost), 1.0),
    }
    return _judged_checks(exercise, done)


def _checks(tmp_path, mutant_text: str, mutant_lost: tuple[str, ...]):
    (check,) = [c for c in _all_checks(tmp_path, mutant_text, mutant_lost) if c.name.startswith("mutant wrong")]
    return check


def test_a_true_caught_by_line_passes(tmp_path):
    check = _checks(tmp_path, "# caught by: test_middle\n", ("test_middle",))
    assert check.ok and "caught by test_middle" in check.name


def test_a_stale_caught_by_line_fails_and_says_what_to_write(tmp_path):
    check = _checks(tmp_path, "# caught by: test_slow\n", ("test_middle",))
    assert not check.ok
    assert check.detail == (
        "its line '# caught by: test_slow' names test_slow, which did not catch it; "
        "write '# caught by: test_middle' or a part of it"
    )


def test_every_named_catcher_must_catch(tmp_path):
    assert _checks(tmp_path / "a", "# caught by: test_middle, test_slow\n", ("test_middle", "test_slow")).ok
    check = _checks(tmp_path / "b", "# caught by: test_middle, test_slow\n", ("test_middle",))
    assert not check.ok and "names test_slow, which did not catch it" in check.detail


def test_a_mutant_nothing_catches_still_fails(tmp_path):
    check = _checks(tmp_path, "# caught by: test_slow\n", ())
    assert not check.ok and check.detail == "no hidden test catches it"


def test_a_hidden_test_no_mutant_catches_fails_and_is_named(tmp_path):
    (check,) = [
        c for c in _all_checks(tmp_path, "# caught by: test_middle\n", ("test_middle",))
        if c.name == "every hidden test catches a mutant"
    ]  # fmt: skip
    assert not check.ok
    assert check.detail.startswith("no mutant lost points on test_cheap, test_slow: add a realistic wrong answer")


def test_hidden_tests_all_caught_by_some_mutant_pass(tmp_path):
    checks = _all_checks(tmp_path, "# caught by: test_middle\n", ("test_cheap", "test_slow", "test_middle"))
    (check,) = [c for c in checks if c.name == "every hidden test catches a mutant"]
    assert check.ok
