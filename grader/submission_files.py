"""Which file in a student's folder is the one the student worked on.

The rule (also in the README):

1. Candidates are the ``.py`` and ``.ipynb`` files named like the exercise's file:
   ``neuron.py``, ``neuron.ipynb`` and copies such as ``neuron (1).py``,
   ``neuron-1.py`` (Canvas' resubmissions), ``neuron copy.ipynb``, ``Copy of neuron.ipynb``,
   in any case. When none is named like that, the only notebook, else the only ``.py``
   file, is the candidate. Files named ``test_*``, ``conftest*`` or ``_*`` never are.
2. A candidate whose code is the untouched generated stub (``exercises/<id>/``) loses
   to any candidate that differs from it.
3. Among the rest, the most recently modified file wins; on a tie, the exact name
   (``neuron.py`` before ``neuron.ipynb``), then the alphabetical first.

When more than one candidate was there, ``Choice.note`` says which file was graded
and why; it is stored with the results and shown on the feedback page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from grader.exercise import Exercise
from grader.notebook_source import NotebookError, notebook_to_source

__all__ = ["Choice", "SUFFIXES", "candidates", "choose_file", "copy_stem", "named_like", "shown"]

SUFFIXES = (".py", ".ipynb")
_COPY = re.compile(
    r"^(?:copy of )?(?P<stem>.+?)(?:[ _-]*\(\d+\)|[ _-]copy(?:[ _-]?\d+)?|-\d+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Choice:
    file: Path | None
    note: str = ""  # empty when there was nothing to choose


def shown(name: str) -> str:
    """A file name as text that can be printed and stored (undecodable bytes become U+FFFD)."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def copy_stem(stem: str) -> str:
    """``neuron (1)``, ``neuron-1``, ``Copy of Neuron`` → ``neuron``."""
    match = _COPY.match(stem.strip())
    return (match.group("stem") if match else stem).strip().lower()


def named_like(path: Path, exercise: Exercise) -> bool:
    """Whether ``path`` is a ``.py`` or ``.ipynb`` file named like the exercise's file (or a copy of it)."""
    return path.suffix.lower() in SUFFIXES and copy_stem(path.stem) == exercise.module_name.lower()


def _eligible(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES and not path.name.startswith(("test_", "conftest", "_", "."))


def candidates(folder: Path, exercise: Exercise) -> list[Path]:
    """Files in ``folder`` that may be the student's file for ``exercise`` (rule 1)."""
    try:
        files = sorted(p for p in folder.iterdir() if _eligible(p) and (p.is_file() or p.is_symlink()))
    except OSError:
        return []
    named = [p for p in files if named_like(p, exercise)]
    if named:
        return named
    for suffix in (".ipynb", ".py"):
        only = [p for p in files if p.suffix.lower() == suffix]
        if len(only) == 1:
            return only
    return []


def _code(path: Path) -> str | None:
    """The code of a file as compared with the stub: a notebook's code cells, a script's lines."""
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix.lower() == ".ipynb":
            text = notebook_to_source(text, path.name)
    except (OSError, UnicodeDecodeError, NotebookError):
        return None
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def _stub_codes(exercise: Exercise) -> set[str]:
    generated = exercise.folder.parent.parent / "exercises" / exercise.id
    codes = {_code(generated / exercise.student_file), _code(generated / f"{exercise.module_name}.ipynb")}
    return {code for code in codes if code is not None}


def choose_file(folder: Path, exercise: Exercise, direct: bool = False) -> Choice:
    """The student's file in ``folder`` by the module's rule; ``direct``: only files named like the exercise's."""
    found = candidates(folder, exercise)
    if direct:
        found = [p for p in found if named_like(p, exercise)]
    if len(found) <= 1:
        return Choice(found[0] if found else None)
    regular = [p for p in found if not p.is_symlink()] or found
    stubs = _stub_codes(exercise)
    changed = [p for p in regular if _code(p) not in stubs] if stubs else regular
    pool = changed or regular
    exact = (exercise.student_file, f"{exercise.module_name}.ipynb")

    def rank(path: Path) -> tuple[float, int, str]:
        return (-path.lstat().st_mtime, exact.index(path.name) if path.name in exact else 2, path.name)

    chosen = min(pool, key=rank)
    others = ", ".join(shown(p.name) for p in found if p != chosen)
    if changed and len(changed) < len(regular):
        why = (
            "the others are the unchanged stub"
            if len(changed) == 1
            else "the most recently changed of those unlike the stub"
        )
    else:
        why = "the most recently changed"
    return Choice(chosen, f"Graded {shown(chosen.name)}, {why} (also there: {others})")
