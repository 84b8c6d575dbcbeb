"""Exports of the kit: an nbgrader course (``nbgrader.py``) and the students' zip (``student_bundle.py``).

Both are generated from ``solutions/`` like ``exercises/`` is, never edited by hand.
"""

from __future__ import annotations

from grader.errors import GraderError

__all__ = ["ExportError"]


class ExportError(GraderError):
    """An export cannot be written; the message says where and why in one line."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
