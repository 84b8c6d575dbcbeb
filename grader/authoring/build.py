"""``python -m grader build``: write ``exercises/`` from ``solutions/``, or list what drifted."""

from __future__ import annotations

import json
from pathlib import Path

from grader.authoring.markers import make_stub
from grader.authoring.notebook import make_notebook
from grader.authoring.notebook_cells import TEST_ENV
from grader.errors import BuildError
from grader.exercise import Exercise
from grader.paths import EXERCISES, kit_relative

__all__ = ["generated_files", "write_generated", "stale_files", "index_file"]

CONFTEST = '''"""Lets `pytest` in this folder run the public tests on your {student_file}. Generated."""

import importlib
import os
import sys
from pathlib import Path

import pytest

for _key, _value in {env}.items():
    os.environ.setdefault(_key, _value)  # before TensorFlow is imported: no start-up lines

HERE = str(Path(__file__).resolve().parent)
KIT = str(Path(__file__).resolve().parent.parent.parent)  # holds datasets/
if sys.path[:1] != [KIT]:
    sys.path.insert(0, KIT)  # the kit's datasets/ before any other package of that name
_other = sys.modules.get("datasets")
if _other is not None and not str(getattr(_other, "__file__", "")).startswith(KIT):
    for _name in [n for n in sys.modules if n == "datasets" or n.startswith("datasets.")]:
        del sys.modules[_name]


@pytest.fixture
def student():
    """Your module, imported fresh for each test."""
    sys.path.insert(0, HERE)
    try:
        sys.modules.pop("{module}", None)
        return importlib.import_module("{module}")
    finally:
        sys.path.remove(HERE)
'''

PUBLIC_HEADER = '"""Public tests: run `pytest` in this folder (or the last cell of the notebook)."""\n\n'


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BuildError(kit_relative(path), "missing") from None


def generated_files(exercise: Exercise, out_root: Path = EXERCISES) -> dict[Path, str]:
    """Every file of ``exercises/<id>/`` with the content the build writes."""
    where = kit_relative(exercise.solution_file)
    stub = make_stub(_read(exercise.solution_file), where)
    task = _read(exercise.task_file)
    public = _read(exercise.public_tests)
    if '"""' in public.split("\n", 1)[0]:
        public_text = public
    else:
        public_text = PUBLIC_HEADER + public
    folder = out_root / exercise.id
    return {
        folder / "README.md": task,
        folder / exercise.student_file: stub,
        folder / "test_public.py": public_text,
        folder / "conftest.py": CONFTEST.format(
            student_file=exercise.student_file, module=exercise.module_name, env=json.dumps(TEST_ENV)
        ),
        folder / f"{exercise.module_name}.ipynb": make_notebook(exercise.title, task, stub, public),
    }


def _hours(minutes: int) -> str:
    return f"{minutes // 60} h {minutes % 60:02d} min"


def index_file(exercises: list[Exercise], out_root: Path = EXERCISES) -> tuple[Path, str]:
    """``exercises/README.md``: the course plan (core and optional, with times) and how to work."""
    rows = "\n".join(
        f"| `{e.id}` | {e.title} | {e.level} | {e.minutes or '?'} | "
        f"`{e.student_file}` or `{e.module_name}.ipynb` | {e.max_points:g} |"
        for e in exercises
    )
    core = sum(e.minutes or 0 for e in exercises if e.level == "core")
    optional = sum(e.minutes or 0 for e in exercises if e.level != "core")
    text = (
        "# Exercises\n\n"
        "Each folder holds the task (`README.md`), the file you fill in, the same exercise as a\n"
        "notebook, and public tests. Work in the `.py` file or in the notebook, not both.\n\n"
        "Run the public tests of one exercise with `pytest` inside its folder (or the check cells\n"
        "of the notebook). The grader runs more tests than these.\n\n"
        "## Course plan\n\n"
        f"The **core** exercises, in order, are the workshop's path: about {_hours(core)} of hands-on\n"
        f"work. The **optional** ones (about {_hours(optional)} more) go deeper; do them if you finish\n"
        "early or after the course. Minutes are estimates for a geoscience graduate student new to Keras.\n\n"
        "| exercise | title | level | minutes | you submit | points |\n|---|---|---|---|---|---|\n" + rows + "\n"
    )
    return out_root / "README.md", text


def write_generated(exercises: list[Exercise], out_root: Path = EXERCISES, with_index: bool = True) -> list[Path]:
    """Write the generated files; return the ones whose content changed."""
    files: dict[Path, str] = {}
    for exercise in exercises:
        files.update(generated_files(exercise, out_root))
    if with_index:
        path, text = index_file(exercises, out_root)
        files[path] = text
    changed = []
    for path, text in files.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def stale_files(exercise: Exercise, out_root: Path = EXERCISES) -> list[Path]:
    """Generated files of ``exercise`` that are missing or differ from what the build writes."""
    stale = []
    for path, text in generated_files(exercise, out_root).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(path)
    return stale
