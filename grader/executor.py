"""Running many judge jobs: in this process (``-j 1``) or in worker processes.

A worker is a separate judge process that imports TensorFlow once and then
grades many submissions; each submission still gets its own student process.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

from grader.outcomes import TestResult

__all__ = ["Job", "Done", "run_jobs"]


@dataclass(frozen=True)
class Job:
    """Grade ``source`` for exercise ``exercise_id``; ``key`` travels back with the results."""

    key: Any
    exercise_id: str
    source: str


@dataclass(frozen=True)
class Done:
    job: Job
    results: list[TestResult]
    seconds: float  # wall-clock time of the whole job, student process included


def warm_up() -> None:
    """Import what every judge needs once, so job times measure grading, not imports."""
    from grader.determinism import configure_judge

    configure_judge()
    import keras  # noqa: F401  (imports TensorFlow)

    import grader.judge  # noqa: F401


def _judge(exercise_id: str, source: str) -> tuple[list[dict], float]:
    from grader.exercise import load_exercises
    from grader.judge import judge_source

    started = time.monotonic()
    exercise = load_exercises()[exercise_id]
    results = [result.to_dict() for result in judge_source(exercise, source)]
    return results, time.monotonic() - started


def _done(job: Job, answer: tuple[list[dict], float]) -> Done:
    results, seconds = answer
    return Done(job, [TestResult.from_dict(d) for d in results], seconds)


def run_jobs(jobs: Iterable[Job], workers: int) -> Iterator[Done]:
    """Yield each job with its results as soon as it is done."""
    jobs = list(jobs)
    if not jobs:
        return
    if workers <= 1 or len(jobs) <= 1:
        warm_up()
        for job in jobs:
            yield _done(job, _judge(job.exercise_id, job.source))
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context, initializer=warm_up) as pool:
        pending: dict[Future, Job] = {pool.submit(_judge, job.exercise_id, job.source): job for job in jobs}
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                job = pending.pop(future)
                yield _done(job, future.result())
