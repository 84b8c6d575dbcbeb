"""Every exercise keeps its contract: solution full, stub zero, mutants lose points, files in sync."""

import pytest

from grader.exercise import load_exercises
from grader.validate import validate_exercises


@pytest.mark.slow
def test_every_exercise_validates():
    exercises = list(load_exercises().values())
    reports = validate_exercises(exercises, workers=2)
    problems = [
        f"{report.exercise.id}: {check.name}: {check.detail}"
        for report in reports
        for check in report.checks
        if not check.ok
    ]
    assert not problems, "\n".join(problems)
    assert [r.exercise.id for r in reports][:4] == ["01_neuron", "02_linear_collapse", "03_activations", "04_losses"]


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
