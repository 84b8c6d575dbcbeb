"""One source of truth: exercises/ is exactly what the build writes from solutions/."""

import json
import subprocess
import sys

import pytest

from grader.authoring.build import generated_files, index_file, stale_files
from grader.authoring.notebook import PUBLIC_TESTS_TAG
from grader.notebook_source import notebook_to_source
from grader.paths import EXERCISES, KIT_ROOT


def test_every_exercise_is_up_to_date(exercises):
    assert exercises, "no exercises found"
    stale = [str(p.relative_to(KIT_ROOT)) for e in exercises.values() for p in stale_files(e)]
    assert not stale, f"run `python -m grader build`: stale {stale}"


def test_index_is_up_to_date(exercises):
    path, text = index_file(list(exercises.values()))
    assert path.read_text(encoding="utf-8") == text


def test_nothing_secret_in_exercises():
    for path in EXERCISES.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert "BEGIN SOLUTION" not in text and "END SOLUTION" not in text, path
            assert "hidden" not in path.name, path


def test_generated_notebook_round_trips_to_the_stub(exercises):
    for exercise in exercises.values():
        files = generated_files(exercise)
        notebook = files[EXERCISES / exercise.id / f"{exercise.module_name}.ipynb"]
        stub = files[EXERCISES / exercise.id / exercise.student_file]
        cells = json.loads(notebook)["cells"]
        assert cells[0]["cell_type"] == "markdown"
        assert PUBLIC_TESTS_TAG in cells[-1]["metadata"]["tags"]
        code = notebook_to_source(notebook, "nb.ipynb")
        assert compile(code, "nb", "exec")
        # every function of the stub is in the notebook, in the same order
        names = [line.split("(")[0] for line in stub.splitlines() if line.startswith("def ")]
        assert [line.split("(")[0] for line in code.splitlines() if line.startswith("def ")] == names


@pytest.mark.slow
def test_public_tests_run_with_pytest_in_the_exercise_folder(exercises):
    """A student running `pytest` in the untouched folder sees failing tests, not a crash."""
    exercise = exercises["02_linear_collapse"]
    folder = EXERCISES / exercise.id
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(folder)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stdout[-2000:]
    assert "NotImplementedError" in result.stdout
    assert "error" not in result.stdout.splitlines()[-1]
