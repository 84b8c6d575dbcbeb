"""`python -m grader export gradescope`: a Gradescope autograder zip, and the harness run end to end.

The slow test does what Gradescope does, in a temporary AUTOGRADER_ROOT: unzip into ROOT/source, run
setup.sh (reusing this environment, GRADER_SETUP_REUSE_VENV, so nothing is downloaded), put a file
into ROOT/submission, run run_autograder, read ROOT/results/results.json, and compare with `grade`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from grader.cli import main
from grader.exercise import Exercise, load_exercise
from grader.exports.gradescope_package import NOT_FOR_GRADING, write_gradescope_package
from grader.exports.gradescope_runtime import results_data, stage_submission
from grader.pipeline import grade
from grader.sandbox import sandbox_problem
from grader.validate import reference_source, stub_source

EXERCISE = "01_neuron"


def _names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


def test_the_package_holds_one_exercise_and_what_grading_needs(tmp_path, exercises):
    package = write_gradescope_package(tmp_path / "a.zip", exercises[EXERCISE])
    names = _names(package.path)
    assert package.files == len(names) and package.size == package.path.stat().st_size
    assert {"setup.sh", "run_autograder", "requirements.txt", "pyproject.toml"} <= set(names)
    assert "grader/cli.py" in names and "grader/child.py" in names and "datasets/__init__.py" in names
    solutions = {n.split("/")[1] for n in names if n.startswith("solutions/")}
    assert solutions == {EXERCISE}
    assert any(n.startswith(f"solutions/{EXERCISE}/hidden/test_") for n in names)
    assert not any(n.startswith(("exercises/", "tests/", "examples/")) or "__pycache__" in n for n in names)
    with zipfile.ZipFile(package.path) as archive:
        modes = {info.filename: info.external_attr >> 16 for info in archive.infolist()}
        run = archive.read("run_autograder").decode()
        requirements = archive.read("requirements.txt").decode()
    assert modes["setup.sh"] & 0o111 and modes["run_autograder"] & 0o111
    assert f"--exercise {EXERCISE} --hidden-visibility after_published" in run
    assert "tensorflow" in requirements and "keras" in requirements
    assert not any(line.split("==")[0] in NOT_FOR_GRADING for line in requirements.splitlines())


def test_an_exercise_outside_the_kit_is_packaged_where_the_package_looks(tmp_path, exercises):
    """An instructor's own exercise (another GRADER_SOLUTIONS folder) lands under solutions/<id>/ in the zip."""
    outside = tmp_path / "my_solutions" / EXERCISE
    shutil.copytree(exercises[EXERCISE].folder, outside, ignore=shutil.ignore_patterns("__pycache__"))
    mine = load_exercise(outside)
    names = _names(write_gradescope_package(tmp_path / "mine.zip", mine).path)
    assert names == _names(write_gradescope_package(tmp_path / "kit.zip", exercises[EXERCISE]).path)


def test_the_same_sources_give_the_same_zip(tmp_path, exercises):
    first = write_gradescope_package(tmp_path / "a.zip", exercises[EXERCISE]).path.read_bytes()
    assert write_gradescope_package(tmp_path / "b.zip", exercises[EXERCISE]).path.read_bytes() == first


def test_cli_one_zip_all_zips_and_one_line_errors(tmp_path, capsys, exercises):
    assert main(["export", "gradescope", EXERCISE, str(tmp_path / "n.zip"), "--hidden-visibility", "visible"]) == 0
    assert "--hidden-visibility visible" in zipfile.ZipFile(tmp_path / "n.zip").read("run_autograder").decode()
    assert main(["export", "gradescope", "--all", str(tmp_path / "all")]) == 0
    written = sorted(p.name for p in (tmp_path / "all").iterdir())
    assert written == [f"{exercise_id}.zip" for exercise_id in exercises]
    capsys.readouterr()
    assert main(["export", "gradescope", EXERCISE, str(tmp_path / "n.txt")]) == 1
    assert main(["export", "gradescope", "99_nope", str(tmp_path / "x.zip")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 2 and "expected a file name ending in .zip" in err and "unknown exercise" in err
    with pytest.raises(SystemExit) as stop:
        main(["export", "gradescope", EXERCISE])
    assert stop.value.code == 2


def test_the_student_file_is_found_where_gradescope_puts_it(tmp_path, exercises):
    exercise = exercises[EXERCISE]
    submission = tmp_path / "submission"
    (submission / "my-upload" / EXERCISE).mkdir(parents=True)
    (submission / "my-upload" / EXERCISE / exercise.student_file).write_text("x = 1\n")
    (submission / "__MACOSX").mkdir()
    (submission / "__MACOSX" / exercise.student_file).write_text("junk\n")
    (submission / "notes.txt").write_text("not code\n")
    staged = stage_submission(submission, exercise, tmp_path / "staged")
    assert [p.name for p in (staged / "submission" / EXERCISE).iterdir()] == [exercise.student_file]
    assert (staged / "submission" / EXERCISE / exercise.student_file).read_text() == "x = 1\n"


def test_results_json_hides_hidden_tests_until_published(tmp_path):
    run_json = tmp_path / "run.json"
    run_json.write_text(json.dumps({"score": 3.0, "output": "Total 3/10", "tests": [{"name": "a", "score": 3.0}]}))
    data = results_data(run_json, "after_published", "Isolation: process (no sandbox)", 12.4)
    assert data["tests"][0]["visibility"] == "after_published" and data["visibility"] == "after_published"
    assert data["output_format"] == "text" and data["execution_time"] == 12
    assert data["output"] == "Total 3/10\nIsolation: process (no sandbox)"


def _harness(tmp_path: Path, exercise: Exercise) -> Path:
    root = tmp_path / "autograder"
    package = write_gradescope_package(tmp_path / "package.zip", exercise)
    with zipfile.ZipFile(package.path) as archive:
        archive.extractall(root / "source")
    for script in ("setup.sh", "run_autograder"):
        (root / "source" / script).chmod(0o755)  # zipfile does not restore modes; Gradescope's unzip does
    env = {**os.environ, "AUTOGRADER_ROOT": str(root), "GRADER_SETUP_REUSE_VENV": sys.prefix}
    done = subprocess.run(["bash", root / "source" / "setup.sh"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "reusing" in done.stdout
    return root


def _autograde(root: Path, file_name: str, source: str, **env: str) -> tuple[dict, str]:
    shutil.rmtree(root / "submission", ignore_errors=True)
    shutil.rmtree(root / "results", ignore_errors=True)
    (root / "submission").mkdir()
    (root / "submission" / file_name).write_text(source)
    done = subprocess.run(
        [root / "source" / "run_autograder"],
        env={**os.environ, "AUTOGRADER_ROOT": str(root), **env},
        capture_output=True,
        text=True,
        timeout=300,
        cwd="/",
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads((root / "results" / "results.json").read_text()), done.stdout


@pytest.mark.slow
def test_run_autograder_scores_like_grade(tmp_path, exercises):
    exercise = exercises[EXERCISE]
    sources = {"ref": reference_source(exercise), "stub": stub_source(exercise)}
    for student, source in sources.items():
        (tmp_path / "class" / student / EXERCISE).mkdir(parents=True)
        (tmp_path / "class" / student / EXERCISE / exercise.student_file).write_text(source)
    grade(tmp_path / "class", [EXERCISE], tmp_path / "graded", workers=1)
    root = _harness(tmp_path, exercise)
    for student, source in sources.items():
        extra = {"GRADER_ISOLATION": "process"} if student == "stub" else {}  # a container without bubblewrap
        results, stdout = _autograde(root, exercise.student_file, source, **extra)
        expected = json.loads((tmp_path / "graded" / "gradescope" / f"{student}.json").read_text())
        assert results["score"] == expected["score"]
        assert [(t["name"], t["score"], t["max_score"], t["status"]) for t in results["tests"]] == [
            (t["name"], t["score"], t["max_score"], t["status"]) for t in expected["tests"]
        ]
        assert {t["visibility"] for t in results["tests"]} == {"after_published"}
        assert results["output_format"] == "text"
        isolation = "process (no sandbox)" if extra or sandbox_problem() else "bubblewrap sandbox"
        assert f"Isolation: {isolation}" in results["output"] and f"Isolation: {isolation}" in stdout
        assert ("(no sandbox: GRADER_ISOLATION=process is set)" in results["output"]) == bool(extra)
        assert results["score"] == (exercise.max_points if student == "ref" else 0)
    assert sum(t["max_score"] for t in results["tests"]) == exercise.max_points
