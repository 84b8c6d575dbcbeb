"""The store read back as reports need it: per student, per exercise, per hidden test."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from grader.exercise import Exercise
from grader.outcomes import Outcome, TestResult
from grader.store import Store, storable

__all__ = ["ExerciseReport", "StudentReport", "collect", "student_message", "OUTCOME_LABELS"]

# How each outcome reads on a student's page.
OUTCOME_LABELS = {
    Outcome.PASSED: "passed",
    Outcome.FAILED: "failed",
    Outcome.ERROR: "error in your code",
    Outcome.NOT_LOADED: "could not load",
    Outcome.TIMED_OUT: "timed out",
    Outcome.GRADER_ERROR: "grader error",
    Outcome.MISSING: "not handed in",
}

GRADER_ERROR_TEXT = "The grader itself broke on this test, not your code; your instructor has been told."
NOT_GRADED_TEXT = "not graded yet"

# Outcomes that concern the whole submission rather than one test.
WHOLE_SUBMISSION = (Outcome.NOT_LOADED, Outcome.MISSING)


def student_message(result: TestResult) -> str:
    """The message a student may read: a grader error's text can hold hidden values, so it is replaced."""
    if result.outcome is Outcome.GRADER_ERROR:
        return GRADER_ERROR_TEXT
    return result.message


@dataclass
class ExerciseReport:
    """One student's results for one exercise (all its hidden tests)."""

    exercise: Exercise
    results: list[TestResult]
    file: str | None = None
    seconds: float = 0.0
    graded: bool = True
    notes: list[str] = field(default_factory=list)  # which file was graded and why; notebook cells that raised

    @property
    def score(self) -> float:
        return sum(r.points for r in self.results)

    @property
    def max_score(self) -> float:
        return self.exercise.max_points

    @property
    def problem(self) -> TestResult | None:
        """The shared result when every test ended the same whole-submission way (not loaded, missing)."""
        outcomes = {(r.outcome, r.message) for r in self.results}
        if len(outcomes) == 1 and self.results and self.results[0].outcome in WHOLE_SUBMISSION:
            return self.results[0]
        return None


@dataclass
class StudentReport:
    """Everything one student sees."""

    student: str
    exercises: list[ExerciseReport] = field(default_factory=list)

    @property
    def score(self) -> float:
        return sum(e.score for e in self.exercises)

    @property
    def max_score(self) -> float:
        return sum(e.max_score for e in self.exercises)


def _not_graded(exercise: Exercise) -> list[TestResult]:
    return [TestResult(name, Outcome.MISSING, 0.0, points, NOT_GRADED_TEXT) for name, points in exercise.points.items()]


def collect(store: Store, students: list[str], exercises: list[Exercise]) -> list[StudentReport]:
    """One report per student, exercises in course order; an exercise never graded counts as missing."""
    results: dict[tuple[str, str], list[TestResult]] = defaultdict(list)
    for student, exercise_id, result in store.all_results():
        results[student, exercise_id].append(result)
    submissions = {(row["student"], row["exercise"]): row for row in store.submissions()}
    notes = store.notes()
    reports = []
    for student in students:
        report = StudentReport(student)
        stored = storable(student)  # the store's spelling of a name that is not valid UTF-8
        for exercise in exercises:
            row = submissions.get((stored, exercise.id))
            mine = results.get((stored, exercise.id))
            if row is None or not mine:
                report.exercises.append(ExerciseReport(exercise, _not_graded(exercise), graded=False))
                continue
            file = row["file"] if isinstance(row["file"], str) else None
            seconds = float(row["seconds"]) if isinstance(row["seconds"], (int, float)) else 0.0
            shown = [text for _, text in notes.get((stored, exercise.id), [])]
            report.exercises.append(ExerciseReport(exercise, mine, file, seconds, notes=shown))
        reports.append(report)
    return reports
