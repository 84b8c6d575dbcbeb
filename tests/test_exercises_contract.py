"""Every exercise keeps its contract: solution full, stub zero, mutants lose points, files in sync."""

import pytest

from grader.exercise import load_exercises
from grader.validate import validate_exercises


@pytest.mark.slow
@pytest.mark.parametrize("exercise_id", sorted(load_exercises()))
def test_exercise_validates(exercise_id):
    """One test per exercise, so pytest-xdist spreads the exercises over its workers.

    Quick: each mutant stops at its first lost point (``validate --quick``); the stub's feedback
    is still audited in full, and the instructor's ``validate`` audits every mutant message.
    """
    (report,) = validate_exercises([load_exercises()[exercise_id]], workers=1, quick=True)
    problems = [f"{check.name}: {check.detail}" for check in report.checks if not check.ok]
    assert not problems, "\n".join(problems)


def test_exercises_come_in_course_order():
    assert sorted(load_exercises())[:4] == ["01_neuron", "02_linear_collapse", "03_activations", "04_losses"]


@pytest.mark.gpu
@pytest.mark.slow
def test_reference_solutions_score_full_points_on_the_gpu():
    """Same grades on a GPU: the reference solutions still pass every hidden test there."""
    import tensorflow as tf

    from grader.judge import judge_source
    from grader.validate import reference_source

    assert tf.config.list_physical_devices("GPU"), "a GPU device file exists but TensorFlow sees no GPU"
    for exercise in load_exercises().values():
        results = judge_source(exercise, reference_source(exercise))
        assert sum(r.points for r in results) == exercise.max_points, exercise.id
