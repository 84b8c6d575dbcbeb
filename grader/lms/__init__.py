"""Readers of LMS downloads (Canvas, Moodle): which file belongs to which student.

A format reader is a function ``read(paths) -> Reading | None``: given every file's
path inside the download (POSIX, relative), it says which student and LMS ids each file
belongs to, or ``None`` when the download is not in its format. ``FORMATS`` lists
the readers ``grader.collect`` tries, in order; a new LMS is one more module and one
more entry here.
"""

from __future__ import annotations

from collections.abc import Callable

from grader.lms import canvas, moodle
from grader.lms.files import LmsFile, Reading

__all__ = ["LmsFile", "Reading", "FORMATS", "Reader"]

Reader = Callable[[list[str]], Reading | None]

FORMATS: dict[str, Reader] = {"canvas": canvas.read, "moodle": moodle.read}
