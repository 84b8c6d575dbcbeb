"""Gradescope autograder ``results.json``, one per student.

The format (https://gradescope-autograders.readthedocs.io/en/latest/specs/): top-level
``score``, ``execution_time``, ``output``, ``visibility`` and ``tests``, each test with
``name``, ``score``, ``max_score``, ``status``, ``output`` and ``visibility``. One file
holds every exercise graded in the run; for one Gradescope assignment per exercise,
grade with ``--exercise ID`` and upload that run's file.
"""

from __future__ import annotations

import json

from grader.gradebook import format_points
from grader.outcomes import Outcome
from grader.reports.model import OUTCOME_LABELS, StudentReport, student_message

__all__ = ["gradescope_data", "gradescope_json", "VISIBILITY"]

VISIBILITY = "visible"  # the messages are written for students and never hold hidden expected values


def _number(points: float) -> float:
    return float(format_points(points))


def _output(outcome: Outcome, message: str, details: str) -> str:
    lines = [OUTCOME_LABELS[outcome] + (f": {message}" if message else "")]
    if details and outcome is not Outcome.GRADER_ERROR:
        lines += ["", details]
    return "\n".join(lines)


def gradescope_data(report: StudentReport) -> dict:
    """The ``results.json`` content for one student."""
    tests = []
    for number, exercise in enumerate(report.exercises, start=1):
        for index, result in enumerate(exercise.results, start=1):
            tests.append(
                {
                    "name": f"{exercise.exercise.id}: {result.test}",
                    "number": f"{number}.{index}",
                    "score": _number(result.points),
                    "max_score": _number(result.max_points),
                    "status": "passed" if result.outcome is Outcome.PASSED else "failed",
                    "output": _output(result.outcome, student_message(result), result.details),
                    "visibility": VISIBILITY,
                }
            )
    summary = ", ".join(
        f"{e.exercise.id} {format_points(e.score)}/{format_points(e.max_score)}" for e in report.exercises
    )
    return {
        "score": _number(report.score),
        "execution_time": round(sum(e.seconds for e in report.exercises)),
        "output": f"Total {format_points(report.score)}/{format_points(report.max_score)}: {summary}",
        "visibility": VISIBILITY,
        "stdout_visibility": "hidden",
        "tests": tests,
    }


def gradescope_json(report: StudentReport) -> str:
    return json.dumps(gradescope_data(report), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
