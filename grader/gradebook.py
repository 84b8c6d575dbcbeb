"""``gradebook.csv``: ``student,<exercise_id>...,total``, points, one row per student."""

from __future__ import annotations

import csv
import os
from pathlib import Path

from grader.errors import GraderError
from grader.safe_text import csv_cell, storable

__all__ = ["write_gradebook", "format_points"]


def format_points(points: float) -> str:
    return f"{round(points, 2):g}"


def write_gradebook(
    path: Path,
    students: list[str],
    exercise_ids: list[str],
    scores: dict[tuple[str, str], float],
) -> None:
    """Write the gradebook atomically (a temporary file renamed over the old one).

    Names are written as the store keeps them (valid UTF-8) and escaped against
    spreadsheet formulas (``grader.safe_text``).
    """
    temporary = path.with_name(path.name + ".tmp")
    try:
        with open(temporary, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["student", *map(csv_cell, exercise_ids), "total"])
            for student in students:
                name = storable(student)
                points = [scores.get((name, exercise_id), 0.0) for exercise_id in exercise_ids]
                writer.writerow([csv_cell(name), *map(format_points, points), format_points(sum(points))])
        os.replace(temporary, path)
    except OSError as exc:
        raise GraderError(f"cannot write {path} ({exc.strerror}); pass a writable --out folder") from None
