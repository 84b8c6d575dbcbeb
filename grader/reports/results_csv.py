"""``results.csv``: one row per student, exercise and hidden test (long format, for pandas or a spreadsheet)."""

from __future__ import annotations

import csv
import io

from grader.gradebook import format_points
from grader.reports.model import StudentReport
from grader.safe_text import csv_cell

__all__ = ["COLUMNS", "results_csv"]

COLUMNS = ["student", "exercise", "test", "outcome", "points", "max_points", "seconds", "message"]


def results_csv(reports: list[StudentReport]) -> str:
    """The CSV text; ``message`` is the full one-line message (instructors only; it is not the student page).

    Text cells are escaped against spreadsheet formulas (``grader.safe_text``).
    """
    handle = io.StringIO()
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(COLUMNS)
    for report in reports:
        for exercise in report.exercises:
            for result in exercise.results:
                writer.writerow(
                    [
                        csv_cell(report.student),
                        csv_cell(exercise.exercise.id),
                        csv_cell(result.test),
                        result.outcome.value,
                        format_points(result.points),
                        format_points(result.max_points),
                        f"{result.seconds:.3f}",
                        csv_cell(result.message),
                    ]
                )
    return handle.getvalue()
