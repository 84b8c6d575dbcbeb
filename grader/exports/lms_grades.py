"""``python -m grader export grades --format canvas|moodle FILE.csv``: grades in the layout an LMS imports.

From the results database of a ``grade`` run (``--out DIR``), one row per student:

- **canvas**: the gradebook export's layout ``Student,ID,SIS User ID,SIS Login ID,Section``
  then one column per exercise. ``Student`` and ``ID`` come from the mapping that
  ``collect`` wrote (Canvas' name and user ID); Canvas matches a grade column by its
  header, so name it like the assignment (``--column 01_neuron="Neuron (12345)"``).
- **moodle**: ``Identifier,Full name`` then one grade column per item. ``Identifier`` is
  ``Participant <id>`` from the mapping, as in Moodle's grading worksheet (for one
  assignment, name the column ``Grade`` with ``--column 01_neuron=Grade`` and use
  "Upload grading worksheet"); without a mapping it is the student folder's name.

The exercises are those ``grade`` runs by default (no drafts) that the database has
results for, or the ones named with ``--exercise``. A student the mapping lists but the database does not has an empty
cell (not graded), never a zero. Text cells that a spreadsheet would read as a formula
(starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) get a leading ``'``.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

from grader.errors import GraderError
from grader.exercise import Exercise
from grader.gradebook import format_points
from grader.safe_text import csv_cell
from grader.store import Store

__all__ = ["LMS_FORMATS", "LmsGrades", "write_lms_grades"]

LMS_FORMATS = ("canvas", "moodle")
CANVAS_COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
MOODLE_COLUMNS = ["Identifier", "Full name"]


@dataclass(frozen=True)
class LmsGrades:
    path: Path
    students: int
    columns: list[str]
    unmapped: int  # students the mapping does not know (identified by their folder name)


def _identity(lms: str, student: str, rows: list[dict[str, str]]) -> tuple[list[str], bool]:
    """The identifying cells of one student's row, and whether the mapping knew the student."""
    mine = next((row for row in rows if row.get("student") == student and row.get("lms") == lms), None)
    if lms == "canvas":
        if mine is None:
            return [student, "", "", student, ""], False
        return [mine.get("lms_name", student), mine.get("lms_id", ""), "", "", ""], True
    if mine is None:
        return [student, student], False
    return [f"Participant {mine.get('lms_id', '')}", mine.get("lms_name", student)], True


def write_lms_grades(
    path: Path,
    lms: str,
    results: Path,
    exercises: list[Exercise],
    mapping: list[dict[str, str]],
    headers: dict[str, str] | None = None,
    only_graded: bool = False,
) -> LmsGrades:
    """Write ``path`` for ``lms`` from ``results/results.sqlite``; ``headers`` renames exercise columns.

    ``only_graded`` keeps only the exercises the database has results for.
    """
    database = results / "results.sqlite"
    if not database.is_file():
        raise GraderError(f"{database} does not exist; run `python -m grader grade ... --out {results}` first")
    store = Store(database)
    try:
        scores = store.scores()
    finally:
        store.close()
    headers = headers or {}
    if only_graded:
        graded = {exercise_id for _, exercise_id in scores}
        exercises = [e for e in exercises if e.id in graded]
    if not exercises:
        raise GraderError(f"{database} holds no results of the exercises asked for; grade them first")
    unknown = sorted(set(headers) - {e.id for e in exercises})
    if unknown:
        raise GraderError(f"--column names {', '.join(unknown)}, which is not among the exercises exported")
    students = sorted({student for student, _ in scores} | {row["student"] for row in mapping if row.get("lms") == lms})
    columns = [headers.get(e.id, e.id) for e in exercises]
    unmapped = 0
    temporary = path.with_name(path.name + ".tmp")
    try:
        with open(temporary, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow((CANVAS_COLUMNS if lms == "canvas" else MOODLE_COLUMNS) + columns)
            for student in students:
                identity, known = _identity(lms, student, mapping)
                unmapped += not known
                grades = [scores.get((student, e.id)) for e in exercises]
                cells = ["" if g is None else format_points(g) for g in grades]
                writer.writerow([csv_cell(cell) for cell in identity] + cells)
        os.replace(temporary, path)
    except OSError as exc:
        raise GraderError(f"cannot write {path} ({exc.strerror})") from None
    return LmsGrades(path, len(students), columns, unmapped)
