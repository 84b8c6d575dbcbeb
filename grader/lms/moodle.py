"""Moodle's "Download all submissions": one folder per student, or flat files.

Folders are named ``Full Name_12345_assignsubmission_file_`` (12345 is the
participant number Moodle's grading worksheet calls "Participant 12345");
without "download submissions in folders" each file is named
``Full Name_12345_assignsubmission_file_neuron.py``. Files in sub-folders of a
student's folder keep only their own name.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from grader.lms.files import LmsFile, Reading

__all__ = ["read", "FOLDER", "FLAT"]

FOLDER = re.compile(r"^(?P<name>.+?)_(?P<user>\d+)_assignsubmission_(?P<plugin>[a-z]+)_?$")
FLAT = re.compile(r"^(?P<name>.+?)_(?P<user>\d+)_assignsubmission_(?P<plugin>[a-z]+)_(?P<file>.+)$")


def _match(path: str) -> tuple[re.Match[str], str] | None:
    parts = PurePosixPath(path).parts
    if len(parts) > 1:
        folder = FOLDER.match(parts[0])
        return (folder, parts[-1]) if folder else None
    flat = FLAT.match(parts[0])
    return (flat, flat["file"]) if flat else None


def read(paths: list[str]) -> Reading | None:
    """The download as Moodle's, or None when most files do not look like Moodle's."""
    matches = {path: _match(path) for path in paths}
    if not paths or sum(1 for m in matches.values() if m) * 2 <= len(paths):
        return None
    reading = Reading("moodle")
    for path in sorted(paths):
        found = matches[path]
        if found is None:
            reading.skipped.append(f"{path}: not in a Moodle student folder (Full Name_id_assignsubmission_file_)")
            continue
        match, name = found
        reading.files.append(LmsFile(path, name, match["name"], match["user"]))
    return reading
