"""An exercise's metadata (``solutions/<id>/exercise.toml``) and its files."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from grader.errors import ExerciseDefinitionError, ExerciseNotFoundError
from grader.paths import SOLUTIONS

__all__ = ["Exercise", "Limits", "load_exercise", "load_exercises", "known_exercises", "select_exercises"]

ID_PATTERN = re.compile(r"^\d\d_[a-z0-9_]+$")


@dataclass(frozen=True)
class Limits:
    call_seconds: float = 30.0
    submission_seconds: float = 180.0
    memory_mb: int = 2048


@dataclass(frozen=True)
class Exercise:
    id: str
    title: str
    student_file: str
    names: tuple[str, ...]
    points: dict[str, float]
    limits: Limits
    folder: Path = field(repr=False)

    @property
    def module_name(self) -> str:
        return Path(self.student_file).stem

    @property
    def solution_file(self) -> Path:
        return self.folder / self.student_file

    @property
    def task_file(self) -> Path:
        return self.folder / "README.md"

    @property
    def public_tests(self) -> Path:
        return self.folder / "test_public.py"

    @property
    def hidden_dir(self) -> Path:
        return self.folder / "hidden"

    @property
    def mutants(self) -> list[Path]:
        return sorted((self.folder / "mutants").glob("*.py"))

    @property
    def max_points(self) -> float:
        return float(sum(self.points.values()))


def load_exercise(folder: Path) -> Exercise:
    """Read and check one ``exercise.toml``."""
    meta = folder / "exercise.toml"
    where = str(meta.relative_to(folder.parent.parent)) if folder.parent.parent in meta.parents else str(meta)
    try:
        data = tomllib.loads(meta.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ExerciseDefinitionError(where, "missing") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ExerciseDefinitionError(where, f"not valid TOML ({exc})") from None
    for key in ("title", "student_file", "names", "points"):
        if key not in data:
            raise ExerciseDefinitionError(where, f"the key {key!r} is missing")
    points = data["points"]
    if not points or not all(isinstance(v, (int, float)) and v > 0 for v in points.values()):
        raise ExerciseDefinitionError(where, "[points] must map each hidden test to a positive number")
    limits = Limits(**data.get("limits", {}))
    return Exercise(
        id=folder.name,
        title=data["title"],
        student_file=data["student_file"],
        names=tuple(data["names"]),
        points={name: float(value) for name, value in points.items()},
        limits=limits,
        folder=folder,
    )


def load_exercises(root: Path = SOLUTIONS) -> dict[str, Exercise]:
    """All exercises under ``root``, in course order."""
    folders = sorted(p for p in root.iterdir() if p.is_dir() and ID_PATTERN.match(p.name)) if root.is_dir() else []
    return {folder.name: load_exercise(folder) for folder in folders if (folder / "exercise.toml").exists()}


@functools.cache
def known_exercises(root: Path = SOLUTIONS) -> dict[str, Exercise]:
    """``load_exercises`` read once per process, for per-submission paths (do not mutate)."""
    return load_exercises(root)


def select_exercises(ids: list[str] | None, root: Path = SOLUTIONS) -> list[Exercise]:
    """The exercises named by ``ids`` (all of them when empty), or a clear error."""
    known = load_exercises(root)
    if not ids:
        return list(known.values())
    for exercise_id in ids:
        if exercise_id not in known:
            raise ExerciseNotFoundError(exercise_id, list(known))
    return [known[exercise_id] for exercise_id in sorted(set(ids))]
