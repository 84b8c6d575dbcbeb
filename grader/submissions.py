"""Finding submissions on disk and reading each student's file.

Layouts accepted::

    SUBMISSIONS/<student>/<exercise_id>/<student_file or notebook>
    SUBMISSIONS/submitted/<student>/<exercise_id>/...     (an nbgrader course folder)

In an exercise folder the grader takes, in order: the stub's file name
(``neuron.py``), the notebook ``neuron.ipynb``, the only notebook, the only
``.py`` file (a notebook exported as a script; its ``get_ipython()`` lines, which
only run in Jupyter, become ``pass``). Files named ``test_*``, ``conftest*`` or
``_*`` (e.g. the ``_grader_testing.py`` helper of an nbgrader assignment) are never
the student's file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from grader.errors import SubmissionsNotFoundError
from grader.exercise import Exercise, known_exercises
from grader.notebook_source import NotebookError, notebook_to_source

__all__ = ["Submission", "find_students", "find_submissions", "read_submission", "StudentSource"]

MAX_SOURCE_BYTES = 2 * 1024 * 1024
MAX_NOTEBOOK_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Submission:
    student: str
    exercise: Exercise
    folder: Path | None  # None: the student has no folder for this exercise


@dataclass(frozen=True)
class StudentSource:
    """What the judge runs: the source text, or the reason there is none."""

    text: str | None
    problem: str | None
    file: str | None
    digest: str


def _root(path: Path) -> Path:
    if not path.exists():
        raise SubmissionsNotFoundError(str(path), "does not exist; pass the folder that holds one folder per student")
    if not path.is_dir():
        raise SubmissionsNotFoundError(str(path), "is not a folder")
    nbgrader = path / "submitted"
    return nbgrader if nbgrader.is_dir() else path


def find_students(path: Path) -> list[str]:
    """Student folder names, sorted; raises when there are none."""
    root = _root(path)
    students = sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
    if not students:
        raise SubmissionsNotFoundError(
            str(path), "holds no student folders; expected SUBMISSIONS/<student>/<exercise_id>/<file>"
        )
    return students


def find_submissions(path: Path, exercises: list[Exercise]) -> list[Submission]:
    """One entry per student and exercise, present or not."""
    root = _root(path)
    found = []
    for student in find_students(path):
        for exercise in exercises:
            folder = root / student / exercise.id
            found.append(Submission(student, exercise, folder if folder.is_dir() else None))
    return found


def _pick_file(folder: Path, exercise: Exercise) -> Path | None:
    preferred = [folder / exercise.student_file, folder / f"{exercise.module_name}.ipynb"]
    for candidate in preferred:
        if candidate.exists() or candidate.is_symlink():
            return candidate
    for pattern in ("*.ipynb", "*.py"):
        matches = sorted(p for p in folder.glob(pattern) if not p.name.startswith(("test_", "conftest", "_")))
        if len(matches) == 1:
            return matches[0]
    return None


def _without_ipython(text: str) -> str:
    """A notebook exported as a script: ``get_ipython().run_line_magic(...)`` lines become ``pass``."""
    if "get_ipython()" not in text:
        return text
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines):
        stripped = line.lstrip()
        if stripped.startswith("get_ipython()"):
            lines[number] = f"{line[: len(line) - len(stripped)]}pass  # {stripped}"
    return "".join(lines)


def _owner(file_name: str, exercise: Exercise) -> str | None:
    """The id of another exercise whose student file or notebook is called ``file_name``."""
    stem = Path(file_name).stem
    if stem == exercise.module_name:
        return None
    for other in known_exercises(exercise.folder.parent).values():
        if other.id != exercise.id and stem == other.module_name:
            return other.id
    return None


def read_submission(submission: Submission) -> StudentSource:
    """Read the student's file; problems come back as a one-line message, never raised."""
    exercise = submission.exercise
    if submission.folder is None:
        return StudentSource(None, "no submission", None, "")
    if submission.folder.is_symlink():
        where = f"{submission.student}/{exercise.id}"
        return StudentSource(None, f"{where} is a symbolic link; hand in a real folder", None, "")
    chosen = _pick_file(submission.folder, exercise)
    if chosen is None:
        return StudentSource(
            None,
            f"no {exercise.student_file} or notebook found in {submission.student}/{exercise.id}/",
            None,
            "",
        )
    name = chosen.name
    owner = _owner(name, exercise)
    if owner is not None:
        expected = f"{exercise.student_file} or {exercise.module_name}.ipynb"
        return StudentSource(None, f"{name} belongs to exercise {owner}; hand in {expected}", name, "")
    if chosen.is_symlink():
        return StudentSource(None, f"{name} is a symbolic link; submit the file itself", name, "")
    if not chosen.is_file():
        return StudentSource(None, f"{name} is not a regular file", name, "")
    limit = MAX_NOTEBOOK_BYTES if name.endswith(".ipynb") else MAX_SOURCE_BYTES
    size = chosen.stat().st_size
    if size > limit:
        return StudentSource(
            None, f"{name} is {size // 1024 // 1024} MB; the limit is {limit // 1024 // 1024} MB", name, ""
        )
    raw = chosen.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return StudentSource(None, f"{name} is not UTF-8 text; save it with UTF-8 encoding", name, digest)
    if name.endswith(".ipynb"):
        try:
            text = notebook_to_source(text, name)
        except NotebookError as exc:
            return StudentSource(None, str(exc), name, digest)
    else:
        text = _without_ipython(text)
    return StudentSource(text, None, name, digest)
