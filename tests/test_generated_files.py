"""One source of truth: exercises/ is exactly what the build writes from solutions/."""

import json
import os
import subprocess
import sys

import pytest

from grader.authoring.build import generated_files, index_file, stale_files
from grader.authoring.notebook import PUBLIC_TESTS_TAG, split_data_section
from grader.authoring.notebook_cells import SETUP, checks_by_function
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


def test_data_section_becomes_a_code_cell():
    text = "# T\n\nIntro.\n\n## Look at the data\n\nA plot.\n\n```python\nprint(1)\n```\n\nAfter.\n\n## Hints\n\n- h\n"
    rest, prose, code = split_data_section(text)
    assert code == "print(1)"
    assert prose == "A plot.\n\nAfter."
    assert "Look at the data" not in rest and "## Hints" in rest and "Intro." in rest
    assert split_data_section("# T\n\nno data\n") == ("# T\n\nno data", "", "")


def test_each_public_test_is_checked_after_the_last_function_it_calls():
    public = (
        "def test_a(student):\n    student.f(1)\n\n"
        "def test_b(student):\n    student.g(student.f(1))\n\n"
        "def test_c(student):\n    assert True\n\n"
        "def helper(student):\n    student.g()\n"
    )
    assert checks_by_function(public, ["f", "g", "h"]) == {"f": ["test_a"], "g": ["test_b"], "h": []}


def test_notebook_cells_setup_data_tests_and_a_check_after_each_function(exercises):
    for exercise in exercises.values():
        files = generated_files(exercise)
        cells = json.loads(files[EXERCISES / exercise.id / f"{exercise.module_name}.ipynb"])["cells"]
        code = [c for c in cells if c["cell_type"] == "code"]
        assert "setup" in code[0]["metadata"]["tags"], exercise.id
        assert "TF_CPP_MIN_LOG_LEVEL" in "".join(code[0]["source"])
        generated = [c for c in code if PUBLIC_TESTS_TAG in c["metadata"].get("tags", [])]
        assert all(c["metadata"].get("tags") for c in generated)
        stub = files[EXERCISES / exercise.id / exercise.student_file]
        functions = [line[4:].split("(")[0] for line in stub.splitlines() if line.startswith("def ")]
        mapping = checks_by_function(exercise.public_tests.read_text(), functions)
        for index, cell in enumerate(code[:-1]):
            source = "".join(cell["source"])
            for name, tests in mapping.items():
                if tests and source.startswith(f"def {name}("):
                    assert "".join(code[index + 1]["source"]) == f"check({', '.join(tests)})", (exercise.id, name)
        has_data = "## Look at the data" in exercise.task_file.read_text()
        assert has_data == any("data" in c["metadata"]["tags"] for c in generated), exercise.id


SETUP_PROBE = """
import sys, types
decoy = types.ModuleType("datasets")
decoy.__file__ = "/elsewhere/datasets/__init__.py"
sys.modules["datasets"] = decoy  # as if Hugging Face's datasets had been imported first
exec(compile(open(sys.argv[1]).read(), "setup", "exec"))
import datasets.seismic
print(datasets.seismic.__file__)
"""


def test_setup_cell_finds_the_kits_datasets_first(tmp_path):
    setup = tmp_path / "setup.py"
    setup.write_text(SETUP)
    folder = EXERCISES / "09_seismic_detection"
    result = subprocess.run(
        [sys.executable, "-c", SETUP_PROBE, str(setup)], cwd=folder, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-1500:]
    assert result.stdout.strip() == str(KIT_ROOT / "datasets" / "seismic.py")


def test_conftest_puts_the_kit_first_and_quiets_tensorflow(exercises, tmp_path):
    fake = tmp_path / "datasets"
    fake.mkdir()
    (fake / "__init__.py").write_text("raise ImportError('not the kit')\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "TF_"))}
    env["PYTHONPATH"] = str(tmp_path)
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # leave exercises/ as the build wrote it
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=EXERCISES / "14_earthquake_damage",
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-1500:]
    conftest = generated_files(exercises["14_earthquake_damage"])[EXERCISES / "14_earthquake_damage" / "conftest.py"]
    assert '"TF_CPP_MIN_LOG_LEVEL": "3"' in conftest and "sys.path.insert(0, KIT)" in conftest
