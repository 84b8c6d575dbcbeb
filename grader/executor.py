"""Running many judge jobs: in this process (``-j 1``), in local worker processes, or on Dask.

A worker is a separate judge process that imports TensorFlow once and then
grades many submissions; each submission still gets its own student process.
With a Dask scheduler address the same ``_judge`` function runs on the cluster's
workers (every machine needs the kit at the same version, installed in its virtual
environment); results come back as plain dicts either way. Each Dask job carries the
fingerprint of the grading machine's kit (``kit_fingerprint``) and its Python and package
versions (``environment_versions``); a worker that differs refuses the job, and the run
stops with one line naming that worker and the difference.
"""

from __future__ import annotations

import atexit
import collections
import dataclasses
import functools
import hashlib
import multiprocessing
import os
import platform
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from grader.errors import GraderError, SchedulerError
from grader.outcomes import TestResult
from grader.paths import DATASETS, KIT_ROOT, SOLUTIONS
from grader.settings import SCHEDULER_TIMEOUT

__all__ = ["Job", "Done", "run_jobs", "kit_fingerprint", "environment_versions", "WorkerVersionError"]


class WorkerVersionError(GraderError):
    def __init__(self, worker: str, difference: str) -> None:
        super().__init__(
            f"the Dask worker {worker} has {difference}; install the same kit and packages on every worker "
            "(python3 tasks.py setup) and restart it"
        )


@functools.cache
def kit_fingerprint() -> str:
    """SHA-256 over every file of ``grader/``, ``solutions/``, ``datasets/`` and ``requirements.txt``."""
    digest = hashlib.sha256()
    files = [KIT_ROOT / "requirements.txt"]
    for folder in (Path(__file__).resolve().parent, SOLUTIONS, DATASETS):
        files += [p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"]
    for path in sorted(files):
        if path.exists():
            digest.update(path.relative_to(KIT_ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class Job:
    """Grade ``source`` for exercise ``exercise_id``; ``key`` stays with the caller and comes back in ``Done``."""

    key: Any
    exercise_id: str
    source: str
    first_loss_ends: bool = False  # stop the hidden suite at its first lost point (validate --quick, mutants)
    run_first: tuple[str, ...] = ()  # hidden test functions to run before the others, in this order
    catchers: tuple[str, ...] = ()  # with first_loss_ends: tests that run even after a lost point

    def for_worker(self) -> Job:
        """What a worker needs: everything but the key (which may hold the caller's own objects)."""
        return dataclasses.replace(self, key=None)


@dataclass(frozen=True)
class Done:
    job: Job
    results: list[TestResult]
    seconds: float  # wall-clock time of the whole job, student process included
    notes: tuple[str, ...] = ()  # what a notebook left while loading, e.g. "cell 7, line 3: ..."


def warm_up(tensorflow: bool = True) -> None:
    """Import what every judge needs once, so job times measure grading, not imports.

    ``tensorflow``: Keras too; without it a worker that meets a Keras exercise after all imports
    it then, once. (The student processes' zygote is told per submission: ``judge.student_session``.)
    """
    from grader.determinism import configure_judge

    configure_judge()
    if tensorflow:
        import keras  # noqa: F401  (imports TensorFlow)

    import grader.judge  # noqa: F401


def _start_pool_worker(tensorflow: bool) -> None:
    """A pool worker's start: its zygote launched, ``warm_up``, and an end without the interpreter's teardown.

    Registered first, the exit runs last, after every handler registered later (the zygote's
    ``close`` among them): tearing down an interpreter with TensorFlow loaded takes 0.7-0.8 s
    (measured) and does nothing a finished worker needs; the run waits for it at the end.
    """
    atexit.register(_exit_now)
    from grader.spawn import ZygoteSpawner, default_spawner

    spawner = default_spawner()
    if isinstance(spawner, ZygoteSpawner):
        spawner.begin(keras=tensorflow)  # its import of Keras overlaps with this worker's
    warm_up(tensorflow)


def _exit_now() -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _need_tensorflow(jobs: list[Job]) -> bool:
    """Whether any of ``jobs`` grades an exercise or a submission that uses TensorFlow."""
    from grader.exercise import known_exercises, needs_tensorflow

    exercises = known_exercises()
    return any(needs_tensorflow(exercises[job.exercise_id], job.source) for job in jobs if job.exercise_id in exercises)


_ONE_AT_A_TIME = threading.Lock()  # pytest.main is not thread-safe; Dask workers may run threads


def _judge(job: Job) -> tuple[list[dict], float, list[str]]:
    from grader.exercise import known_exercises
    from grader.judge import judge_submission

    with _ONE_AT_A_TIME:
        started = time.monotonic()
        exercise = known_exercises()[job.exercise_id]
        results, notes = judge_submission(
            exercise, job.source, first_loss_ends=job.first_loss_ends, run_first=job.run_first, catchers=job.catchers
        )
        return [result.to_dict() for result in results], time.monotonic() - started, notes


@functools.cache
def environment_versions() -> tuple[tuple[str, str], ...]:
    """Python's version and the installed version of every package ``requirements.txt`` names."""
    versions = [("python", platform.python_version())]
    for line in (KIT_ROOT / "requirements.txt").read_text().splitlines():
        name = line.split("#")[0].split(";")[0].split("==")[0].split("[")[0].strip()
        if name and not name.startswith("-"):
            try:
                versions.append((name, metadata.version(name)))
            except metadata.PackageNotFoundError:
                versions.append((name, "missing"))
    return tuple(versions)


def _difference(fingerprint: str, versions: tuple[tuple[str, str], ...]) -> str:
    """How this worker differs from the grading machine, or "" when it does not."""
    ours = kit_fingerprint()
    if ours != fingerprint:
        return f"another version of the kit (grader, solutions, datasets: {ours[:12]} there, {fingerprint[:12]} here)"
    theirs, wanted = dict(environment_versions()), dict(versions)
    changed = [f"{name} {theirs.get(name, 'missing')} there, {wanted[name]} here" for name in wanted
               if theirs.get(name, "missing") != wanted[name]]  # fmt: skip
    return f"other packages ({'; '.join(changed)})" if changed else ""


def _judge_checked(fingerprint: str, versions: tuple, job: Job) -> tuple[str, object]:
    """``_judge`` on a Dask worker, after checking that it has the grading machine's kit and packages."""
    difference = _difference(fingerprint, versions)
    if difference:
        from distributed import get_worker

        return "refused", (get_worker().address, difference)
    return "done", _judge(job)


def _done(job: Job, answer: tuple) -> Done:
    results, seconds, *notes = answer
    return Done(job, [TestResult.from_dict(d) for d in results], seconds, tuple(notes[0] if notes else ()))


FollowUp = Callable[[Done], Iterable[Job]]  # jobs to add once a job is done (validate: mutants after the reference)


def _no_follow_up(done: Done) -> list[Job]:
    return []


def _run_on_dask(jobs: list[Job], scheduler: str, follow_up: FollowUp) -> Iterator[Done]:
    from distributed import Client, as_completed

    try:
        client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
    except OSError as exc:
        raise SchedulerError(scheduler, str(exc)) from None
    with client:
        checks = (kit_fingerprint(), environment_versions())

        def submit(job: Job) -> Any:
            future = client.submit(_judge_checked, *checks, job.for_worker(), pure=False)
            futures[future] = job
            return future

        futures: dict[Any, Job] = {}
        finished = as_completed([submit(job) for job in jobs])
        for future in finished:
            status, answer = future.result()
            if status == "refused":
                client.cancel(list(futures))
                raise WorkerVersionError(*answer)
            done = _done(futures[future], answer)
            for job in follow_up(done):
                finished.add(submit(job))
            yield done


def _run_here(jobs: list[Job], follow_up: FollowUp) -> Iterator[Done]:
    warm_up(_need_tensorflow(jobs))
    queue = collections.deque(jobs)
    while queue:
        job = queue.popleft()
        done = _done(job, _judge(job))
        queue.extend(follow_up(done))
        yield done


def _run_in_pool(jobs: list[Job], workers: int, follow_up: FollowUp) -> Iterator[Done]:
    context = multiprocessing.get_context("spawn")
    initargs = (_need_tensorflow(jobs),)
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_pool_worker, initargs=initargs
    ) as pool:
        pending: dict[Future, Job] = {pool.submit(_judge, job.for_worker()): job for job in jobs}
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                done = _done(pending.pop(future), future.result())
                for job in follow_up(done):
                    pending[pool.submit(_judge, job.for_worker())] = job
                yield done


def run_jobs(
    jobs: Iterable[Job], workers: int, scheduler: str | None = None, follow_up: FollowUp = _no_follow_up
) -> Iterator[Done]:
    """Yield each job with its results as soon as it is done.

    ``follow_up(done)`` may return more jobs, run by the same workers (no second start-up);
    ``run_jobs`` ends when every job, first or added, is done.
    """
    jobs = list(jobs)
    if not jobs:
        return
    # without follow-ups the job count is known, and no more workers than jobs are started
    workers = workers if follow_up is not _no_follow_up else min(workers, len(jobs))
    if scheduler:
        yield from _run_on_dask(jobs, scheduler, follow_up)
    elif workers <= 1:
        yield from _run_here(jobs, follow_up)
    else:
        yield from _run_in_pool(jobs, workers, follow_up)
