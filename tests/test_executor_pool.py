"""A pool of judge workers ends cleanly: every job back, the zygotes' folders removed."""

from __future__ import annotations

import pytest

from grader.executor import Job, run_jobs
from grader.sandbox import sandbox_problem

EXERCISE = "02_linear_collapse"  # NumPy only: no TensorFlow in these workers


def test_pool_workers_clean_up_before_their_fast_exit(tmp_path, monkeypatch):
    """Workers end with os._exit (no interpreter teardown); their zygote's ``close`` must run first."""
    if sandbox_problem():
        pytest.skip(f"no zygote without bubblewrap: {sandbox_problem()}")
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # where the workers' zygotes make their folders
    jobs = [Job(f"s{n}", EXERCISE, "x = 1\n") for n in range(4)]
    finished = list(run_jobs(jobs, 2))
    assert sorted(done.job.key for done in finished) == ["s0", "s1", "s2", "s3"]
    assert all(done.results and not any(r.points for r in done.results) for done in finished)
    assert not list(tmp_path.glob("grader-zygote-*")), "a worker ended without removing its zygote's folder"
