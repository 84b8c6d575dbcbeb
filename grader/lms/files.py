"""What a format reader says about a download: each file, its student and LMS ids."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["LmsFile", "Reading"]


@dataclass(frozen=True)
class LmsFile:
    """One file of the download: where it is, whose it is, and the name the student gave it."""

    path: str  # inside the download
    name: str  # the student's file name, LMS prefixes removed
    student_name: str  # as the LMS shows it (Canvas: "smithjohn", Moodle: "Ann Smith")
    user_id: str  # Canvas: the user's ID; Moodle: the participant number
    submission_id: str = ""
    late: bool = False


@dataclass
class Reading:
    lms: str
    files: list[LmsFile] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # paths that fit no student, one line each
