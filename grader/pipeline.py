"""``python -m grader grade``: find submissions, judge them, score, store, export.

The grading run reads top to bottom in ``grade``: each line is one stage.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from grader.executor import Job, run_jobs
from grader.exercise import Exercise, gradable_exercises, load_exercises
from grader.gradebook import format_points, write_gradebook
from grader.outcomes import Outcome, TestResult
from grader.reports import write_reports
from grader.scoring import score_all_as
from grader.store import Store
from grader.submissions import Submission, find_students, find_submissions, read_submission, unmatched_entries

__all__ = ["GradeSummary", "Progress", "grade", "suite_digest", "default_workers"]


@dataclass(frozen=True)
class Progress:
    """One submission graded: ``done`` of ``total``, and a line describing it."""

    done: int
    total: int
    line: str


Reporter = Callable[[Progress], None]


@dataclass
class GradeSummary:
    students: list[str]
    exercises: list[str]
    graded: int = 0
    skipped: int = 0
    matched: int = 0  # student x exercise pairs with something handed in (or refused with a reason)
    unmatched: list[str] = field(default_factory=list)  # entries of SUBMISSIONS no exercise reads, one line each
    left_out: list[str] = field(default_factory=list)  # exercises not graded: drafts, failing the cheap checks
    seconds: float = 0.0
    gradebook: Path | None = None  # None when nothing matched and nothing was written


CELL_NOTE = "A cell raised an error; the cells after it still ran and were graded: "


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def suite_digest(exercise: Exercise) -> str:
    """A fingerprint of what grades this exercise: metadata and hidden tests."""
    digest = hashlib.sha256()
    for path in [exercise.folder / "exercise.toml", *sorted(exercise.hidden_dir.rglob("*.py"))]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _problem_results(exercise: Exercise, problem: str) -> list[TestResult]:
    outcome = Outcome.MISSING if problem == "no submission" else Outcome.NOT_LOADED
    return score_all_as(exercise, outcome, problem)


def grade(
    submissions_root: Path,
    exercise_ids: list[str] | None,
    out: Path,
    workers: int = 1,
    force: bool = False,
    scheduler: str | None = None,
    report: Reporter = lambda progress: None,
) -> GradeSummary:
    """Grade every student's submissions of the chosen exercises into ``out``."""
    started = time.monotonic()
    exercises, left_out = gradable_exercises(exercise_ids)
    students = find_students(submissions_root)
    submissions = find_submissions(submissions_root, exercises)
    summary = GradeSummary(students, [e.id for e in exercises], left_out=left_out)
    summary.unmatched = unmatched_entries(submissions_root, load_exercises())
    summary.matched = sum(1 for s in submissions if s.folder is not None or s.problem is not None)
    store = Store(out / "results.sqlite")
    if not summary.matched:  # nothing to grade: no gradebook of zeros that could be uploaded by mistake
        store.close()
        summary.seconds = time.monotonic() - started
        return summary
    digests = {exercise.id: suite_digest(exercise) for exercise in exercises}
    jobs = []
    with store.transaction():  # what needs no grading (not handed in, unreadable) is saved in one commit
        for submission in submissions:
            source = read_submission(submission)
            wanted = (source.digest or "none", digests[submission.exercise.id])
            if not force and store.digests(submission.student, submission.exercise.id) == wanted:
                summary.skipped += 1
                continue
            notes = [("file", source.choice)] if source.choice else []
            if source.text is None:
                results = _problem_results(submission.exercise, source.problem or "could not read")
                store.save(submission.student, submission.exercise.id, results, *wanted, source.file, notes=notes)
                continue
            jobs.append(Job((submission, wanted, source.file, notes), submission.exercise.id, source.text))
    for number, done in enumerate(run_jobs(jobs, workers, scheduler), start=1):
        submission, wanted, file, notes = done.job.key
        notes = notes + [("cell", f"{CELL_NOTE}{note}") for note in done.notes]
        store.save(submission.student, submission.exercise.id, done.results, *wanted, file, done.seconds, notes)
        summary.graded += 1
        report(Progress(number, len(jobs), _progress_line(number, len(jobs), submission, done.results, done.seconds)))
    summary.gradebook = out / "gradebook.csv"
    write_gradebook(summary.gradebook, students, summary.exercises, store.scores())
    write_reports(out, store, students, exercises, time.monotonic() - started, summary.graded)
    store.close()
    summary.seconds = time.monotonic() - started
    return summary


def _progress_line(number: int, total: int, submission: Submission, results: list[TestResult], seconds: float) -> str:
    points = format_points(sum(r.points for r in results))
    maximum = format_points(sum(r.max_points for r in results))
    return f"[{number}/{total}] {submission.student} {submission.exercise.id}: {points}/{maximum} ({seconds:.1f} s)"
