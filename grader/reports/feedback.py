"""One self-contained HTML page per student: scores, messages, their own tracebacks, pictures."""

from __future__ import annotations

from dataclasses import dataclass, field

from grader.outcomes import Outcome, TestResult
from grader.reports.artifacts import Picture, pictures
from grader.reports.html import render
from grader.reports.model import OUTCOME_LABELS, ExerciseReport, StudentReport, student_message

__all__ = ["feedback_html"]


@dataclass
class TestView:
    """One hidden test as the student sees it: never a grader error's own text."""

    result: TestResult
    message: str
    details: str
    pictures: list[Picture] = field(default_factory=list)


@dataclass
class ExerciseView:
    report: ExerciseReport
    tests: list[TestView]


def _test_view(result: TestResult) -> TestView:
    details = "" if result.outcome is Outcome.GRADER_ERROR else result.details
    return TestView(result, student_message(result), details, pictures(result.artifacts) if result.artifacts else [])


def feedback_html(report: StudentReport, footer: str) -> str:
    """The student's feedback page; everything taken from the store is escaped by the template."""
    views = [ExerciseView(e, [_test_view(r) for r in e.results]) for e in report.exercises]
    return render(
        "feedback.html.j2",
        student=report.student,
        score=report.score,
        max_score=report.max_score,
        exercises=views,
        labels=OUTCOME_LABELS,
        footer=footer,
    )
