"""Finding submissions on disk and reading each student's file.

Layouts accepted::

    SUBMISSIONS/<student>/<exercise_id>/<student_file or notebook>
    SUBMISSIONS/<student>/<student_file or notebook>        (no exercise folder)
    SUBMISSIONS/submitted/<student>/<exercise_id>/...     (an nbgrader course folder)

A file straight inside a student's folder belongs to the exercise whose file it is
named like (``neuron.py``, ``neuron.ipynb``, ``neuron (1).ipynb``); an exercise folder
wins over such a file. Which file of a folder is graded: ``grader.submission_files``.
Entries that match nothing are listed by ``unmatched_entries``, one line each, with a
guess at what was meant. A student folder that is a symbolic link leading out of
SUBMISSIONS is refused: its student is recorded with that one-line problem.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from grader.errors import SubmissionsNotFoundError
from grader.exercise import Exercise, known_exercises
from grader.notebook_source import NotebookError, notebook_module
from grader.settings import NOTEBOOK_MAX_BYTES, SOURCE_MAX_BYTES
from grader.submission_files import SUFFIXES, choose_file, named_like, shown

__all__ = [
    "Submission",
    "find_students",
    "find_submissions",
    "read_submission",
    "StudentSource",
    "unmatched_entries",
]


@dataclass(frozen=True)
class Submission:
    student: str
    exercise: Exercise
    folder: Path | None  # None: the student has no folder for this exercise
    direct: bool = False  # the file lies straight in the student's folder (no exercise folder)
    problem: str | None = None  # a reason known before reading (a refused student folder)


@dataclass(frozen=True)
class StudentSource:
    """What the judge runs: the source text, or the reason there is none."""

    text: str | None
    problem: str | None
    file: str | None
    digest: str
    choice: str = ""  # which file was graded and why, when the folder held several


def _root(path: Path) -> Path:
    if not path.exists():
        raise SubmissionsNotFoundError(str(path), "does not exist; pass the folder that holds one folder per student")
    if not path.is_dir():
        raise SubmissionsNotFoundError(str(path), "is not a folder")
    nbgrader = path / "submitted"
    return nbgrader if nbgrader.is_dir() else path


def _is_student_folder(entry: Path) -> bool:
    return not entry.name.startswith((".", "_")) and entry.is_dir()


def find_students(path: Path) -> list[str]:
    """Student folder names, sorted; raises when there are none."""
    root = _root(path)
    students = sorted(p.name for p in root.iterdir() if _is_student_folder(p))
    if not students:
        raise SubmissionsNotFoundError(
            str(path), "holds no student folders; expected SUBMISSIONS/<student>/<exercise_id>/<file>"
        )
    return students


def _leaves(folder: Path, root: Path) -> bool:
    """Whether ``folder`` is a symbolic link that resolves outside ``root``."""
    if not folder.is_symlink():
        return False
    target = folder.resolve()
    return not target.is_relative_to(root.resolve())


def find_submissions(path: Path, exercises: list[Exercise]) -> list[Submission]:
    """One entry per student and exercise, present or not."""
    root = _root(path)
    found = []
    for student in find_students(path):
        home = root / student
        if _leaves(home, root):
            problem = f"{shown(student)} is a symbolic link leading out of the submissions folder; refused"
            found += [Submission(student, exercise, None, problem=problem) for exercise in exercises]
            continue
        for exercise in exercises:
            folder = home / exercise.id
            if folder.is_dir() or folder.is_symlink():
                found.append(Submission(student, exercise, folder))
            elif any(named_like(p, exercise) for p in _files(home)):
                found.append(Submission(student, exercise, home, direct=True))
            else:
                found.append(Submission(student, exercise, None))
    return found


def _files(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if not p.is_dir()]
    except OSError:
        return []


def _normal(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def _guess(name: str, known: dict[str, Exercise]) -> str | None:
    """The exercise id an unmatched folder or file name most likely meant."""
    normal = _normal(Path(name).stem if Path(name).suffix.lower() in SUFFIXES else name)
    for exercise_id, exercise in known.items():
        if normal in (_normal(exercise_id), _normal(exercise.module_name)):
            return exercise_id
    number = re.match(r"^(?:ex|exercise|hw|lab|task|assignment)?_?0*(\d+)(?:_|$)", normal)
    if number:
        prefix = f"{int(number.group(1)):02d}_"
        hits = [exercise_id for exercise_id in known if exercise_id.startswith(prefix)]
        if len(hits) == 1:
            return hits[0]
    names = {_normal(e.module_name): i for i, e in known.items()} | {_normal(i): i for i in known}
    close = difflib.get_close_matches(normal, list(names), n=1, cutoff=0.75)
    return names[close[0]] if close else None


def unmatched_entries(path: Path, known: dict[str, Exercise]) -> list[str]:
    """One line per entry of SUBMISSIONS that no exercise in ``known`` reads, with what was expected."""
    root = _root(path)
    lines = []
    example = next(iter(known), "01_neuron")
    for entry in sorted(root.iterdir()):
        if entry.name.startswith((".", "_")) or (entry.name == "submitted" and root == path):
            continue
        if not entry.is_dir():
            lines.append(f"{shown(entry.name)}: a file, not a student folder; expected <student>/<exercise_id>/")
        elif not _leaves(entry, root):
            lines += _unmatched_in_student(entry, known, example)
    return lines


def _unmatched_in_student(home: Path, known: dict[str, Exercise], example: str) -> list[str]:
    lines = []
    try:
        entries = sorted(home.iterdir())
    except OSError as exc:
        return [f"{shown(home.name)}: cannot be read ({exc.strerror})"]
    for entry in entries:
        if entry.name.startswith((".", "_")) or entry.name in known:
            continue
        where = f"{shown(home.name)}/{shown(entry.name)}"
        owners = [e for e in known.values() if named_like(entry, e)] if not entry.is_dir() else []
        if len(owners) == 1:
            if (home / owners[0].id).is_dir():
                lines.append(f"{where}: not graded; {shown(home.name)}/{owners[0].id}/ is graded instead")
            continue
        guess = _guess(entry.name, known)
        hint = f"did you mean {guess}?" if guess else f"exercise ids look like {example}"
        if entry.is_dir():
            lines.append(f"{where}: no exercise with that id; {hint}")
        else:
            lines.append(f"{where}: not the file of any exercise; {hint}")
    return lines


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
    if submission.problem is not None:
        return StudentSource(None, submission.problem, None, "")
    if submission.folder is None:
        return StudentSource(None, "no submission", None, "")
    where = f"{shown(submission.student)}/{'' if submission.direct else exercise.id + '/'}"
    if submission.folder.is_symlink():
        return StudentSource(None, f"{where.rstrip('/')} is a symbolic link; hand in a real folder", None, "")
    choice = choose_file(submission.folder, exercise, submission.direct)
    chosen = choice.file
    if chosen is None:
        return StudentSource(None, f"no {exercise.student_file} or notebook found in {where}", None, "")
    name = shown(chosen.name)
    owner = _owner(chosen.name, exercise)
    if owner is not None:
        expected = f"{exercise.student_file} or {exercise.module_name}.ipynb"
        return StudentSource(None, f"{name} belongs to exercise {owner}; hand in {expected}", name, "")
    if chosen.is_symlink():
        return StudentSource(None, f"{name} is a symbolic link; submit the file itself", name, "")
    if not chosen.is_file():
        return StudentSource(None, f"{name} is not a regular file", name, "")
    notebook = chosen.suffix.lower() == ".ipynb"
    limit = NOTEBOOK_MAX_BYTES if notebook else SOURCE_MAX_BYTES
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
    if notebook:
        try:
            text = notebook_module(text, name, exercise.names)
        except NotebookError as exc:
            return StudentSource(None, str(exc), name, digest, choice.note)
    else:
        text = _without_ipython(text)
    return StudentSource(text, None, name, digest, choice.note)
