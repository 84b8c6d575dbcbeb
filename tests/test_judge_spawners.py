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
