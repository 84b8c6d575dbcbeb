"""An exercise's metadata (``solutions/<id>/exercise.toml``) and its files."""

from __future__ import annotations

import ast
import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from grader.errors import ExerciseDefinitionError, ExerciseNotFoundError
from grader.exercise_schema import check_metadata
from grader.paths import SOLUTIONS

__all__ = [
    "Exercise",
    "ExerciseLimits",
    "load_exercise",
    "load_exercises",
    "known_exercises",
    "select_exercises",
    "gradable_exercises",
    "hidden_test_names",
    "points_problems",
    "needs_tensorflow",
]

ID_PATTERN = re.compile(r"^\d\d_[a-z0-9_]+$")
TENSORFLOW_IMPORT = re.compile(r"^\s*(?:import|from)\s+(?:tensorflow|keras)\b", re.MULTILINE)
TENSORFLOW_NAME = re.compile(r"\b(?:tensorflow|keras)\b")


@dataclass(frozen=True)
class ExerciseLimits:
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
    limits: ExerciseLimits
    folder: Path = field(repr=False)
    draft: bool = False  # a draft is graded only when named with --exercise
    level: str = "core"  # "core" or "optional"
    minutes: int | None = None  # the estimated time a student needs
    hidden_facts: tuple[str, ...] = ()  # patterns no feedback may contain (checked by validate)

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
    def hidden_files(self) -> list[Path]:
        """The hidden suite's Python files (tests, conftest, helpers), sorted; none without a hidden folder."""
        return sorted(self.hidden_dir.glob("*.py"))

    @property
    def mutants(self) -> list[Path]:
        return sorted((self.folder / "mutants").glob("*.py"))

    @property
    def max_points(self) -> float:
        return float(sum(self.points.values()))

    @functools.cached_property
    def uses_tensorflow(self) -> bool:
        """Whether the reference solution or a hidden test imports TensorFlow or Keras."""
        files = [self.solution_file, *self.hidden_files]
        return any(TENSORFLOW_IMPORT.search(path.read_text(encoding="utf-8")) for path in files if path.is_file())


def needs_tensorflow(exercise: Exercise, source: str) -> bool:
    """Whether grading ``source`` is worth a process that has imported TensorFlow already.

    True for an exercise that uses it, and for a submission that names tensorflow or keras
    anywhere (a notebook's cells arrive as data, so no import statement is required to match).
    Where it is False, the judge and the student process start without TensorFlow: seconds of
    CPU and hundreds of MB saved; a student who imports it anyway just waits for the import.
    """
    return exercise.uses_tensorflow or TENSORFLOW_NAME.search(source) is not None


def _where(folder: Path) -> str:
    meta = folder / "exercise.toml"
    return str(meta.relative_to(folder.parent.parent)) if folder.parent.parent in meta.parents else str(meta)


def load_exercise(folder: Path) -> Exercise:
    """Read ``exercise.toml`` and check it against the schema (``grader.exercise_schema``)."""
    where = _where(folder)
    try:
        data = tomllib.loads((folder / "exercise.toml").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ExerciseDefinitionError(where, "missing") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ExerciseDefinitionError(where, f"not valid TOML ({exc})") from None
    data = check_metadata(data, where)
    return Exercise(
        id=folder.name,
        title=data["title"],
        student_file=data["student_file"],
        names=tuple(data["names"]),
        points={name: float(value) for name, value in data["points"].items()},
        limits=ExerciseLimits(**data.get("limits", {})),
        folder=folder,
        draft=data.get("draft", False),
        level=data.get("level", "core"),
        minutes=data.get("minutes"),
        hidden_facts=tuple(data.get("feedback", {}).get("hidden_facts", [])),
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


def hidden_test_names(exercise: Exercise) -> set[str]:
    """Names of the test functions in the hidden suite, read without importing it."""
    names = set()
    for path in sorted(exercise.hidden_dir.glob("test_*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue  # validate and grading report it; here it is simply no names
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test_"):
                names.add(node.name)
    return names


def points_problems(exercise: Exercise) -> list[str]:
    """Where ``[points]`` and the hidden tests disagree (the cheap part of validate)."""
    names = hidden_test_names(exercise)
    declared = set(exercise.points)
    problems = []
    if names - declared:
        problems.append("tests without points: " + ", ".join(sorted(names - declared)))
    if declared - names:
        problems.append("points for tests that do not exist: " + ", ".join(sorted(declared - names)))
    return problems


def gradable_exercises(ids: list[str] | None, root: Path = SOLUTIONS) -> tuple[list[Exercise], list[str]]:
    """What ``grade`` runs, and one line per exercise it leaves out.

    Named exercises are graded as named. Without names, an exercise marked
    ``draft = true`` or whose points disagree with its hidden tests is left out.
    """
    chosen = select_exercises(ids, root)
    if ids:
        return chosen, []
    kept, left_out = [], []
    for exercise in chosen:
        problems = points_problems(exercise)
        if exercise.draft:
            left_out.append(f"{exercise.id}: left out, marked draft = true; grade it with --exercise {exercise.id}")
        elif problems:
            left_out.append(
                f"{exercise.id}: left out, fails validate ({'; '.join(problems)}); "
                f"fix it or grade it with --exercise {exercise.id}"
            )
        else:
            kept.append(exercise)
    return kept, left_out
