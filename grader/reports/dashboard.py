"""The class dashboard: score distributions, the tests failed most often, broken submissions, run speed."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field

from grader.exercise import Exercise
from grader.outcomes import Outcome
from grader.reports.files import file_stem
from grader.reports.html import render
from grader.reports.model import OUTCOME_LABELS, StudentReport
from grader.reports.plots import draw_histogram

__all__ = ["dashboard_html", "Distribution", "FailedTest", "Trouble", "distributions", "failed_tests", "troubles"]

TOP_TESTS = 10
TOP_MESSAGES = 3
MESSAGE_CHARACTERS = 300
NOT_COUNTED = (Outcome.PASSED, Outcome.MISSING, Outcome.NOT_LOADED)  # not a test failure of a loaded submission
TROUBLE = (Outcome.TIMED_OUT, Outcome.NOT_LOADED, Outcome.GRADER_ERROR)


@dataclass
class Distribution:
    """One exercise's scores among the students who handed it in."""

    exercise: Exercise
    scores: list[float]
    students: int
    histogram: str = ""

    @property
    def handed_in(self) -> int:
        return len(self.scores)

    @property
    def mean(self) -> float:
        return statistics.fmean(self.scores) if self.scores else 0.0

    @property
    def median(self) -> float:
        return statistics.median(self.scores) if self.scores else 0.0

    @property
    def full(self) -> int:
        return sum(score >= self.exercise.max_points for score in self.scores)

    @property
    def zero(self) -> int:
        return sum(score <= 0 for score in self.scores)


@dataclass
class FailedTest:
    """A hidden test and the students who failed it, with its most common messages."""

    exercise: str
    test: str
    failed: int
    handed_in: int
    messages: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class Trouble:
    """A submission that timed out, could not load, or met a grader error."""

    student: str
    page: str
    exercise: str
    outcome: Outcome
    message: str


def distributions(reports: list[StudentReport], exercises: list[Exercise]) -> list[Distribution]:
    found = []
    for index, exercise in enumerate(exercises):
        mine = [r.exercises[index] for r in reports]
        scores = [e.score for e in mine if e.graded and not (e.problem and e.problem.outcome is Outcome.MISSING)]
        found.append(Distribution(exercise, scores, len(reports)))
    return found


def failed_tests(reports: list[StudentReport]) -> list[FailedTest]:
    """Tests that loaded submissions failed, most often first."""
    failures: dict[tuple[str, str], Counter[str]] = {}
    handed_in: Counter[tuple[str, str]] = Counter()
    for report in reports:
        for exercise in report.exercises:
            for result in exercise.results:
                key = (exercise.exercise.id, result.test)
                if result.outcome in (Outcome.MISSING, Outcome.NOT_LOADED):
                    continue
                handed_in[key] += 1
                if result.outcome not in NOT_COUNTED:
                    failures.setdefault(key, Counter())[result.message[:MESSAGE_CHARACTERS]] += 1
    ranked = sorted(failures.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    return [
        FailedTest(exercise, test, sum(counts.values()), handed_in[exercise, test], counts.most_common(TOP_MESSAGES))
        for (exercise, test), counts in ranked[:TOP_TESTS]
    ]


def troubles(reports: list[StudentReport]) -> list[Trouble]:
    """One line per submission with a timeout, a load failure or a grader error (its first such test)."""
    found = []
    for report in reports:
        for exercise in report.exercises:
            first = next((r for r in exercise.results if r.outcome in TROUBLE), None)
            if first is not None:
                page = f"feedback/{file_stem(report.student)}.html"
                found.append(Trouble(report.student, page, exercise.exercise.id, first.outcome, first.message))
    return found


def dashboard_html(
    reports: list[StudentReport],
    exercises: list[Exercise],
    run_seconds: float,
    graded: int,
    footer: str,
    isolation: str = "",
) -> str:
    """The instructor's page for the whole class and this run."""
    spread = distributions(reports, exercises)
    for item in spread:  # nothing to draw for an exercise nobody handed in (the page says so)
        item.histogram = draw_histogram(item.scores, item.exercise.max_points) if item.scores else ""
    total_max = sum(e.max_points for e in exercises)
    totals = [r.score for r in reports]
    grading_seconds = sum(e.seconds for r in reports for e in r.exercises)
    run = {
        "seconds": run_seconds,
        "graded": graded,
        "per_minute": 60.0 * graded / run_seconds if run_seconds > 0 else 0.0,
        "grading_seconds": grading_seconds,
        "submissions": sum(e.graded and e.seconds > 0 for r in reports for e in r.exercises),
        "isolation": isolation,  # the line grade printed at the start of the last run
    }
    students = [(r, f"feedback/{file_stem(r.student)}.html") for r in reports]
    return render(
        "dashboard.html.j2",
        students=students,
        exercises=exercises,
        distributions=spread,
        total_max=total_max,
        total_histogram=draw_histogram(totals, total_max) if reports else "",
        total_mean=statistics.fmean(totals) if totals else 0.0,
        failed=failed_tests(reports),
        troubles=troubles(reports),
        labels=OUTCOME_LABELS,
        run=run,
        footer=footer,
    )
