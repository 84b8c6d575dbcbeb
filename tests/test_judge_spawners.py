"""The judge gives the same outcomes whichever way the student process starts.

Three ways: forked from the warm zygote (the default where bubblewrap works), a cold
start under bubblewrap, and a cold start as a plain process (``--isolation process``).
"""

from __future__ import annotations

import pytest
from conftest import make_exercise
from test_judge import HIDDEN, POINTS, STUDENT

from grader.exercise import ExerciseLimits
from grader.judge import judge_source
from grader.outcomes import Outcome
from grader.sandbox import BubblewrapIsolation, ProcessIsolation, active_isolation, sandbox_problem
from grader.spawn import ZygoteSpawner, default_spawner

EXPECTED = {
    "test_add": (Outcome.PASSED, 1),
    "test_loop": (Outcome.TIMED_OUT, 0),
    "test_after_loop": (Outcome.PASSED, 1),
    "test_exit": (Outcome.ERROR, 0),
    "test_after_exit": (Outcome.PASSED, 1),
    "test_skipped": (Outcome.FAILED, 0),
    "test_weird": (Outcome.FAILED, 0),
    "test_missing": (Outcome.NOT_LOADED, 0),
    "test_square": (Outcome.FAILED, 1.0),
    "test_shape": (Outcome.FAILED, 0),
}


def _isolation(way: str):
    if way == "process":
        return ProcessIsolation(reason="test")
    if sandbox_problem():
        pytest.skip(f"bubblewrap cannot run here: {sandbox_problem()}")
    if way == "zygote":
        if not isinstance(default_spawner(), ZygoteSpawner):
            pytest.skip("the warm zygote is off here")
        return None  # judge_source's default: the zygote
    isolation = active_isolation()  # passed explicitly, it makes the judge start the process cold
    assert isinstance(isolation, BubblewrapIsolation)
    return isolation


@pytest.mark.slow
@pytest.mark.parametrize("way", ["zygote", "cold_bubblewrap", "process"])
def test_every_outcome_is_the_same_however_the_student_process_starts(tmp_path, way):
    toy = make_exercise(
        tmp_path / "99_toy", HIDDEN, POINTS, limits=ExerciseLimits(call_seconds=3, submission_seconds=60)
    )
    results = {r.test: (r.outcome, r.points) for r in judge_source(toy, STUDENT, _isolation(way))}
    assert results == EXPECTED


def test_tensorflow_is_needed_by_keras_exercises_and_by_submissions_naming_it(tmp_path, exercises):
    from grader.exercise import needs_tensorflow

    assert exercises["01_neuron"].uses_tensorflow and not exercises["02_linear_collapse"].uses_tensorflow
    numpy_only = exercises["02_linear_collapse"]
    assert not needs_tensorflow(numpy_only, "import numpy as np\n")
    assert needs_tensorflow(numpy_only, "import numpy as np\nfrom tensorflow import keras\n")
    assert needs_tensorflow(numpy_only, '{"cells": ["import keras"]}')  # a notebook's cells are data
    assert needs_tensorflow(exercises["01_neuron"], "x = 1\n")


KERAS_HIDDEN = """
from grader.testing import expect_close

def test_sum(student):
    expect_close(student.total(), 6.0, what="total()")
"""
# imports TensorFlow without naming it, so the zygote stays without Keras and the student waits for the import
SNEAKY_KERAS = "import importlib\n\ndef total():\n    tf = importlib.import_module('tensor' + 'flow')\n" \
    "    return float(tf.reduce_sum(tf.constant([1.0, 2.0, 3.0])))\n"  # fmt: skip


@pytest.mark.slow
def test_a_numpy_only_zygote_upgrades_for_keras_and_its_students_can_still_import_it(tmp_path):
    spawner = default_spawner()
    if sandbox_problem() or not isinstance(spawner, ZygoteSpawner):
        pytest.skip("the warm zygote is off here")
    spawner.stop()  # a fresh zygote, whatever earlier tests in this process started
    toy = make_exercise(tmp_path / "98_numpy_toy", KERAS_HIDDEN, {"test_sum": 1},
                        limits=ExerciseLimits(call_seconds=120, submission_seconds=240))  # fmt: skip
    plain = "def total():\n    return 6.0\n"
    assert [r.outcome for r in judge_source(toy, plain)] == [Outcome.PASSED]
    assert spawner.keras_loaded is False, "a NumPy-only exercise started a zygote with TensorFlow"
    assert [r.outcome for r in judge_source(toy, SNEAKY_KERAS)] == [Outcome.PASSED], "TensorFlow imported late"
    assert spawner.keras_loaded is False
    naming = "import keras\n\ndef total():\n    return float(keras.ops.sum(keras.ops.ones(3)) * 2)\n"
    assert [r.outcome for r in judge_source(toy, naming)] == [Outcome.PASSED]
    assert spawner.keras_loaded is True, "a submission that imports keras gets a zygote with it"


def test_a_zygote_begun_early_is_awaited_once_and_serves_students(tmp_path):
    """``begin`` launches without waiting (a pool worker imports Keras meanwhile); the first student waits."""
    spawner = default_spawner()
    if sandbox_problem() or not isinstance(spawner, ZygoteSpawner):
        pytest.skip("the warm zygote is off here")
    spawner.stop()
    spawner.begin(keras=False)
    assert spawner.process is not None and not spawner.ready, "begin must not wait for the zygote"
    first = spawner.process
    toy = make_exercise(tmp_path / "98_numpy_toy", KERAS_HIDDEN, {"test_sum": 1})
    assert [r.outcome for r in judge_source(toy, "def total():\n    return 6.0\n")] == [Outcome.PASSED]
    assert spawner.process is first and spawner.ready and spawner.healthy(), "the begun zygote was not used"
    spawner.begin(keras=False)  # already running: nothing happens
    assert spawner.process is first
