"""Canvas' "Download Submissions" zip: flat files ``name_[LATE_]userid_submissionid_file``.

``name`` is the student's sortable name run together (``smithjohn``); a resubmitted
file is renamed by Canvas with a counter before its extension (``neuron-1.py``),
which is removed again here when no other file of that student has the plain name.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from grader.lms.files import LmsFile, Reading

__all__ = ["read", "PATTERN"]

PATTERN = re.compile(r"^(?P<name>[^/]+?)_(?P<late>LATE_)?(?P<user>\d+)_(?P<submission>\d+)_(?P<file>[^/]+)$")
_COUNTER = re.compile(r"^(?P<stem>.+)-\d+$")


def read(paths: list[str]) -> Reading | None:
    """The download as Canvas files, or None when most files do not look like Canvas'."""
    matches = {path: PATTERN.match(PurePosixPath(path).name) for path in paths}
    top_level = [path for path in paths if "/" not in path]
    if not paths or sum(1 for p in top_level if matches[p]) * 2 <= len(paths):
        return None
    reading = Reading("canvas")
    for path in sorted(paths):
        found = matches[path]
        if found is None or "/" in path:
            reading.skipped.append(f"{path}: not named like a Canvas submission (name_userid_submissionid_file)")
            continue
        reading.files.append(
            LmsFile(path, found["file"], found["name"], found["user"], found["submission"], bool(found["late"]))
        )
    _undo_counters(reading.files)
    return reading


def _undo_counters(files: list[LmsFile]) -> None:
    """``neuron-1.py`` → ``neuron.py`` for a student who has no ``neuron.py`` of their own."""
    taken = {(f.user_id, f.name) for f in files}
    for index, item in enumerate(files):
        name = PurePosixPath(item.name)
        counter = _COUNTER.match(name.stem)
        if counter is None:
            continue
        plain = counter["stem"] + name.suffix
        if (item.user_id, plain) not in taken:
            taken.add((item.user_id, plain))
            files[index] = LmsFile(item.path, plain, item.student_name, item.user_id, item.submission_id, item.late)
