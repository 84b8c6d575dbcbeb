"""`python -m grader export students`: the zip holds what students need and nothing secret."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from grader.authoring.build import generated_files
from grader.authoring.markers import BEGIN, END, remove_markers
from grader.cli import main
from grader.exercise import Exercise
from grader.exports import ExportError
from grader.exports.student_bundle import TOP, write_student_bundle
from grader.paths import KIT_ROOT

FINISHED = ["01_neuron", "02_linear_collapse", "03_activations", "04_losses"]
MARKERS = ["BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS", "BEGIN MARK SCHEME"]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory, exercises: dict[str, Exercise]) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("bundle") / "students.zip"
    return path, write_student_bundle(path, [exercises[i] for i in FINISHED])


def _contents(path: Path) -> dict[str, str]:
    """Every file of the zip by its name under the top folder (folders left out)."""
    with zipfile.ZipFile(path) as archive:
        return {
            name.removeprefix(TOP + "/"): archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if not name.endswith("/")
        }


def _solution_blocks(source: str) -> list[str]:
    """The code between each pair of solution markers, dedented."""
    blocks, current = [], None
    for line in source.splitlines():
        if line.strip() == BEGIN:
            current = []
        elif line.strip() == END:
            blocks.append(textwrap.dedent("\n".join(current)).strip())
            current = None
        elif current is not None:
            current.append(line)
    return blocks


def _function_bodies(source: str) -> list[str]:
    """Each function body of a file, without its docstring, as written."""
    bodies = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef):
            body = node.body[1:] if ast.get_docstring(node) else node.body
            if body:
                lines = source.splitlines()[body[0].lineno - 1 : body[-1].end_lineno]
                bodies.append(textwrap.dedent("\n".join(lines)).strip())
    return bodies


def _secrets(exercise: Exercise) -> dict[str, list[str]]:
    hidden = [path.read_text() for path in exercise.hidden_files]
    test_names = set(exercise.points)
    for text in hidden:
        test_names |= {
            n.name for n in ast.walk(ast.parse(text)) if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")
        }
    mutants = [path.read_text() for path in exercise.mutants]
    return {
        "hidden test name": sorted(test_names),
        "solution body": _solution_blocks(exercise.solution_file.read_text()),
        "mutant": [body for text in mutants for body in _function_bodies(text)]
        + [ast.get_docstring(ast.parse(text)) or "" for text in mutants],
        "hidden test code": [body for text in hidden for body in _function_bodies(text) if len(body) > 40],
    }


def test_zip_holds_exercises_datasets_readme_and_nothing_else(
    bundle: tuple[Path, int], exercises: dict[str, Exercise]
) -> None:
    path, count = bundle
    names = list(_contents(path))
    assert count == len(names)
    assert all(
        name in ("README.md", "requirements.txt", "pytest.ini") or name.startswith(("exercises/", "datasets/"))
        for name in names
    )
    assert not [name for name in names if {"solutions", "hidden", "mutants", "grader"} & set(name.split("/"))]
    assert "datasets/__init__.py" in names and "exercises/README.md" in names
    for exercise_id in FINISHED:
        for generated in generated_files(exercises[exercise_id]):
            assert generated.relative_to(KIT_ROOT).as_posix() in names


def _found_secrets(contents: dict[str, str], exercises: dict[str, Exercise]) -> list[str]:
    """Every secret found in ``contents``; whitespace runs count as one space (indentation may change)."""
    flat = {name: " ".join(text.split()) for name, text in contents.items()}
    found = []
    for exercise_id in FINISHED:
        for kind, secrets in _secrets(exercises[exercise_id]).items():
            for secret in filter(None, (" ".join(s.split()) for s in secrets)):
                found += [f"{kind} {secret[:60]!r} in {name}" for name, text in flat.items() if secret in text]
    for marker in MARKERS:
        found += [f"marker {marker!r} in {name}" for name, text in contents.items() if marker in text]
    return found


def test_no_secret_in_any_file(bundle: tuple[Path, int], exercises: dict[str, Exercise]) -> None:
    found = _found_secrets(_contents(bundle[0]), exercises)
    assert not found, "\n".join(found)


def test_the_secret_scan_finds_what_it_looks_for(exercises: dict[str, Exercise]) -> None:
    for exercise_id in FINISHED:
        exercise = exercises[exercise_id]
        leaks = {"solution": remove_markers(exercise.solution_file.read_text())}
        leaks |= {p.name: p.read_text() for p in [*exercise.hidden_files, *exercise.mutants]}
        found = _found_secrets(leaks, {exercise_id: exercise} | exercises)
        kinds = {line.split(" ")[0] for line in found}
        assert {"hidden", "solution", "mutant"} <= kinds, exercise_id
        assert all(any(f" in {name}" in line for line in found) for name in leaks), exercise_id


def test_readme_says_how_to_set_up_test_and_submit(bundle: tuple[Path, int]) -> None:
    readme = _contents(bundle[0])["README.md"]
    for needle in ("pip install -r requirements.txt", "python -m pytest", "## Submit", "`01_neuron/neuron.py`"):
        assert needle in readme


def test_public_tests_run_from_the_unzipped_bundle(bundle: tuple[Path, int], tmp_path: Path, exercises) -> None:
    with zipfile.ZipFile(bundle[0]) as archive:
        archive.extractall(tmp_path)
    exercise = exercises["02_linear_collapse"]
    folder = tmp_path / TOP / "exercises" / exercise.id
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    argv = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    stub = subprocess.run(argv, cwd=folder, env=env, capture_output=True, text=True)
    assert stub.returncode == 1, stub.stdout[-1500:]  # the stub fails its public tests
    (folder / exercise.student_file).write_text(remove_markers(exercise.solution_file.read_text()))
    solved = subprocess.run(argv, cwd=folder, env=env, capture_output=True, text=True)
    assert solved.returncode == 0, solved.stdout[-1500:]


def test_same_sources_give_the_same_zip(bundle: tuple[Path, int], tmp_path: Path, exercises) -> None:
    again = tmp_path / "again.zip"
    write_student_bundle(again, [exercises[i] for i in FINISHED])
    assert again.read_bytes() == bundle[0].read_bytes()


def test_cli_and_its_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str], exercises) -> None:
    assert main(["export", "students", str(tmp_path / "s.zip"), "--exercise", "02_linear_collapse"]) == 0
    assert "nothing from solutions/" in capsys.readouterr().out
    for bad in (tmp_path / "s.txt", tmp_path / "missing" / "s.zip"):
        assert main(["export", "students", str(bad), "--exercise", "02_linear_collapse"]) == 1
        err = capsys.readouterr().err
        assert err.startswith("error: ") and err.count("\n") == 1
    with pytest.raises(ExportError, match="no exercises"):
        write_student_bundle(tmp_path / "empty.zip", [])
