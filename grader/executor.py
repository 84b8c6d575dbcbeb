"""Running many judge jobs: in this process (``-j 1``), in local worker processes, or on Dask.

A worker is a separate judge process that imports TensorFlow once and then
grades many submissions; each submission still gets its own student process.
With a Dask scheduler address the same ``_judge`` function runs on the cluster's
workers (every machine needs the kit at the same version, with its virtual
environment); results come back as plain dicts either way.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

from grader.errors import SchedulerError
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


SCHEDULER_TIMEOUT = "30s"  # how long to try reaching a Dask scheduler
_ONE_AT_A_TIME = threading.Lock()  # pytest.main is not thread-safe; Dask workers may run threads


def _judge(exercise_id: str, source: str) -> tuple[list[dict], float]:
    from grader.exercise import known_exercises
    from grader.judge import judge_source

    with _ONE_AT_A_TIME:
        started = time.monotonic()
        exercise = known_exercises()[exercise_id]
        results = [result.to_dict() for result in judge_source(exercise, source)]
        return results, time.monotonic() - started


def _done(job: Job, answer: tuple[list[dict], float]) -> Done:
    results, seconds = answer
    return Done(job, [TestResult.from_dict(d) for d in results], seconds)


def _run_on_dask(jobs: list[Job], scheduler: str) -> Iterator[Done]:
    from distributed import Client, as_completed

    try:
        client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
    except OSError as exc:
        raise SchedulerError(scheduler, str(exc)) from None
    with client:
        futures = {client.submit(_judge, job.exercise_id, job.source, pure=False): job for job in jobs}
        for future in as_completed(futures):
            yield _done(futures[future], future.result())


def run_jobs(jobs: Iterable[Job], workers: int, scheduler: str | None = None) -> Iterator[Done]:
    """Yield each job with its results as soon as it is done."""
    jobs = list(jobs)
    if not jobs:
        return
    if scheduler:
        yield from _run_on_dask(jobs, scheduler)
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
