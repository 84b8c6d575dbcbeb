"""Reports for students and instructors, written after a grading run from the results store.

``write_reports`` writes, in the output folder:

- ``results.csv``: one row per student, exercise and hidden test;
- ``gradescope/<student>.json``: a Gradescope autograder ``results.json`` per student;
- ``feedback/<student>.html``: the student's page, self-contained (pictures inlined);
- ``dashboard.html``: the instructor's page for the class and the run.
"""

from __future__ import annotations

import time
from pathlib import Path

from grader.exercise import Exercise
from grader.reports.dashboard import dashboard_html
from grader.reports.feedback import feedback_html
from grader.reports.files import file_stem, write_text
from grader.reports.gradescope import gradescope_json
from grader.reports.model import collect
from grader.reports.results_csv import results_csv
from grader.store import Store

__all__ = ["write_reports"]


def write_reports(
    out: Path, store: Store, students: list[str], exercises: list[Exercise], run_seconds: float, graded: int
) -> list[Path]:
    """Write every report for ``students`` × ``exercises`` into ``out``; return the files written.

    ``run_seconds`` and ``graded`` describe the grading run just finished (for the dashboard).
    """
    reports = collect(store, students, exercises)
    footer = f"Written {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by the course autograder."
    written = [write_text(out / "results.csv", results_csv(reports))]
    for report in reports:
        stem = file_stem(report.student)
        written.append(write_text(out / "gradescope" / f"{stem}.json", gradescope_json(report)))
        written.append(write_text(out / "feedback" / f"{stem}.html", feedback_html(report, footer)))
    dashboard = dashboard_html(reports, exercises, run_seconds, graded, footer, store.isolation())
    written.append(write_text(out / "dashboard.html", dashboard))
    return written
