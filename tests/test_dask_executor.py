"""Beyond one machine: grading on a Dask cluster gives the same results as the local executor."""

from __future__ import annotations

import sqlite3

import pytest

from grader.exercise import load_exercises
from grader.pipeline import grade
from grader.validate import mutant_source, reference_source, stub_source

EXERCISE = "02_linear_collapse"


def _results(out):
    db = sqlite3.connect(out / "results.sqlite")
    return db.execute(
        "SELECT student, exercise, test, outcome, points, max_points, message FROM results ORDER BY 1, 2, 3"
    ).fetchall()


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::ResourceWarning", "ignore::UserWarning")
def test_dask_local_cluster_equals_local_executor(tmp_path):
    distributed = pytest.importorskip("distributed")
    exercise = load_exercises()[EXERCISE]
    sources = [reference_source(exercise), stub_source(exercise)]
    sources += [mutant_source(exercise, m.read_text()) for m in exercise.mutants[:3]]
    for number, source in enumerate(sources):
        folder = tmp_path / "class" / f"student{number}" / EXERCISE
        folder.mkdir(parents=True)
        (folder / exercise.student_file).write_text(source)

    local = grade(tmp_path / "class", [EXERCISE], tmp_path / "local", workers=1)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
    ) as cluster:
        remote = grade(tmp_path / "class", [EXERCISE], tmp_path / "dask", scheduler=cluster.scheduler_address)
    assert remote.graded == local.graded == len(sources)
    assert _results(tmp_path / "dask") == _results(tmp_path / "local")
    assert (tmp_path / "dask" / "gradebook.csv").read_text() == (tmp_path / "local" / "gradebook.csv").read_text()


def test_unreachable_scheduler_is_one_clear_error(tmp_path, monkeypatch):
    from grader import executor
    from grader.errors import SchedulerError
    from grader.executor import Job, run_jobs

    pytest.importorskip("distributed")
    monkeypatch.setattr(executor, "SCHEDULER_TIMEOUT", "3s")
    with pytest.raises(SchedulerError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        list(run_jobs([Job("k", EXERCISE, "x = 1\n")], 1, scheduler="tcp://127.0.0.1:9"))


def _follow_up_runs(**where):
    """run_jobs with one first job whose follow-up adds two more: every job comes back once."""
    from grader.executor import Job, run_jobs

    def more(done):
        return [Job(f"after-{n}", EXERCISE, "x = 2\n") for n in (1, 2)] if done.job.key == "first" else []

    finished = list(run_jobs([Job("first", EXERCISE, "x = 1\n")], follow_up=more, **where))
    assert sorted(done.job.key for done in finished) == ["after-1", "after-2", "first"]
    assert all(done.results and not any(r.points for r in done.results) for done in finished)


@pytest.mark.slow  # imports TensorFlow in this process (the executor's warm-up)
def test_follow_up_jobs_run_in_this_process():
    _follow_up_runs(workers=1)


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::ResourceWarning", "ignore::UserWarning")
def test_follow_up_jobs_run_on_dask():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None, silence_logs=50
    ) as cluster:
        _follow_up_runs(workers=1, scheduler=cluster.scheduler_address)
