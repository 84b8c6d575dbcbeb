"""`python -m grader export nbgrader`: the course layout, the cells, and a round trip through real nbgrader."""

from __future__ import annotations

import ast
import csv
import dataclasses
import importlib.util
import os
import shutil
import subprocess
import sys
import time
import types
from pathlib import Path

import nbformat
import pytest

from grader.authoring.markers import BEGIN, make_stub, remove_markers
from grader.cli import main
from grader.exercise import Exercise
from grader.exports import ExportError
from grader.exports.nbgrader import (
    HELPER_FILE,
    _literal,
    export_nbgrader_course,
    helper_source,
    hidden_grade_id,
    hidden_test_files,
)
from grader.paths import KIT_ROOT
from grader.submissions import Submission, read_submission

FINISHED = ["01_neuron", "02_linear_collapse", "03_activations", "04_losses"]
ROUND_TRIP = ["01_neuron", "02_linear_collapse"]  # one with Keras (TensorFlow's logs), one NumPy-only
VENV_BIN = Path(sys.executable).parent
MARKERS = ["BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"]


def _grade_cells(notebook: nbformat.NotebookNode) -> dict[str, nbformat.NotebookNode]:
    return {
        cell.metadata["nbgrader"]["grade_id"]: cell
        for cell in notebook.cells
        if cell.metadata.get("nbgrader", {}).get("grade")
    }


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory, exercises: dict[str, Exercise]) -> tuple[Path, list[Path]]:
    dest = tmp_path_factory.mktemp("course")
    return dest, export_nbgrader_course(dest, [exercises[i] for i in FINISHED])


@pytest.fixture
def helper(course: tuple[Path, list[Path]], monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """The shipped helper, imported as a notebook kernel imports it (hidden tests import it by name)."""
    folder = course[0] / "source" / "02_linear_collapse"
    spec = importlib.util.spec_from_file_location("_grader_testing", folder / HELPER_FILE)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "_grader_testing", module)
    monkeypatch.syspath_prepend(str(folder))
    spec.loader.exec_module(module)
    return module


def _module(name: str, source: str) -> types.ModuleType:
    module = types.ModuleType(name)
    exec(compile(source, f"<{name}>", "exec"), module.__dict__)
    return module


def test_course_layout(course: tuple[Path, list[Path]], exercises: dict[str, Exercise]) -> None:
    dest, written = course
    on_disk = sorted(p for p in dest.rglob("*") if p.is_file())
    assert sorted(written) == on_disk
    assert (dest / "nbgrader_config.py") in written
    for exercise_id in FINISHED:
        exercise = exercises[exercise_id]
        folder = dest / "source" / exercise_id
        assert (folder / f"{exercise.module_name}.ipynb").is_file()
        assert (folder / HELPER_FILE).is_file()
    compile((dest / "nbgrader_config.py").read_text(), "nbgrader_config.py", "exec")


def test_grade_cells_carry_the_kit_points_and_hide_their_tests(
    course: tuple[Path, list[Path]], exercises: dict[str, Exercise]
) -> None:
    dest, _ = course
    for exercise_id in FINISHED:
        exercise = exercises[exercise_id]
        notebook = nbformat.read(dest / "source" / exercise_id / f"{exercise.module_name}.ipynb", as_version=4)
        nbformat.validate(notebook)
        grades = _grade_cells(notebook)
        assert list(grades) == [hidden_grade_id(n) for n in range(1, len(exercise.points) + 1)]
        assert [cell.metadata["nbgrader"]["points"] for cell in grades.values()] == list(exercise.points.values())
        for (name, points), cell in zip(exercise.points.items(), grades.values(), strict=True):
            assert cell.metadata["nbgrader"]["locked"] and not cell.metadata["nbgrader"]["solution"]
            lines = cell.source.splitlines()
            assert lines[0].startswith("# Hidden test ") and name not in lines[0]
            assert lines[1] == "### BEGIN HIDDEN TESTS" and lines[-1] == "### END HIDDEN TESTS"
            assert f"run_hidden_test(\n    {name!r},\n    {points!r}," in cell.source
            assert not any("HIDDEN TESTS" in line or "SOLUTION" in line for line in lines[2:-1])
            assert "grader.testing" not in cell.source


def test_solution_cells_hold_every_solution_block(
    course: tuple[Path, list[Path]], exercises: dict[str, Exercise]
) -> None:
    dest, _ = course
    for exercise_id in FINISHED:
        exercise = exercises[exercise_id]
        notebook = nbformat.read(dest / "source" / exercise_id / f"{exercise.module_name}.ipynb", as_version=4)
        code = [cell for cell in notebook.cells if cell.cell_type == "code"]
        blocks = 0
        for cell in code:
            is_solution = cell.metadata.get("nbgrader", {}).get("solution", False)
            assert is_solution == (BEGIN in cell.source), cell.source[:80]
            if is_solution:
                make_stub(cell.source, exercise_id)  # nbgrader's stub is the kit's stub
                blocks += cell.source.count(BEGIN)
        assert blocks == exercise.solution_file.read_text().count(BEGIN)


def test_helper_imports_without_the_kit(course: tuple[Path, list[Path]], tmp_path: Path) -> None:
    dest, _ = course
    shutil.copy(dest / "source" / "02_linear_collapse" / HELPER_FILE, tmp_path / HELPER_FILE)
    tree = ast.parse((tmp_path / HELPER_FILE).read_text())
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not any(name.split(".")[0] == "grader" for name in imported)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    probe = "import sys; sys.path.insert(0, '.'); import _grader_testing as t; print(t.run_hidden_test, t.expect_close)"
    result = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-1500:]
    assert helper_source() == (tmp_path / HELPER_FILE).read_text()


@pytest.mark.slow
@pytest.mark.parametrize("exercise_id", ["02_linear_collapse", "04_losses"])
def test_hidden_cells_score_solution_full_and_stub_zero(
    helper: types.ModuleType, exercises: dict[str, Exercise], exercise_id: str
) -> None:
    exercise = exercises[exercise_id]
    source = exercise.solution_file.read_text()
    solution = _module(f"solution_{exercise_id}", remove_markers(source))
    stub = _module(f"stub_{exercise_id}", make_stub(source, exercise.id))
    for name, files in hidden_test_files(exercise).items():
        assert helper.run_hidden_test(name, exercise.points[name], files, student=solution) is None
        with pytest.raises(helper.HiddenTestsFailed):
            helper.run_hidden_test(name, exercise.points[name], files, student=stub)


@pytest.mark.slow  # ~10 s: a kernel that imports TensorFlow
def test_setup_cell_keeps_tensorflow_off_stderr(course: tuple[Path, list[Path]], tmp_path: Path) -> None:
    notebook = nbformat.read(course[0] / "source" / "01_neuron" / "neuron.ipynb", as_version=4)
    setup = next(c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "setup")
    fit = "import keras, numpy as np\nm = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])\n"
    fit += "m.compile('sgd', 'mse')\nm.fit(np.ones((4, 3)), np.ones((4, 2)), verbose=0)\n"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TF_", "KERAS_"))}
    result = subprocess.run(
        [sys.executable, "-c", setup.source + "\n" + fit], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr[-1500:]


PARAMETRIZED = """
import pytest
from _grader_testing import expect_close


@pytest.mark.parametrize("x", [1.0, 2.0, 3.0])
def test_double(student, record, x):
    record("seen", x=x)
    expect_close(student.double(x), 2 * x, what="double(x)")
"""


def test_parametrized_test_earns_its_share(helper: types.ModuleType) -> None:
    student = _module("half_right", "def double(x):\n    return 2 * x if x < 3 else x\n")
    earned = helper.run_hidden_test("test_double", 2.0, {"test_hidden_toy.py": PARAMETRIZED}, student=student)
    assert earned == round(2.0 * 2 / 3, 4)


def test_hidden_file_text_survives_as_a_literal() -> None:
    text = "a = '''x'''\\n# ### BEGIN HIDDEN TESTS\r\nb = r'\\\\d'\n### END SOLUTION\nc = 'q'"
    literal = _literal(text, "here")
    assert ast.literal_eval(literal) == text
    assert "BEGIN HIDDEN TESTS" not in literal and "END SOLUTION" not in literal


def test_hidden_test_importing_the_grader_is_refused(tmp_path: Path, exercises: dict[str, Exercise]) -> None:
    folder = tmp_path / "99_toy"
    shutil.copytree(exercises["02_linear_collapse"].folder, folder)
    hidden = next((folder / "hidden").glob("test_*.py"))
    hidden.write_text("from grader.proxy import StudentProxy\n" + hidden.read_text())
    toy = dataclasses.replace(exercises["02_linear_collapse"], id="99_toy", folder=folder)
    with pytest.raises(ExportError, match="imports from the grader"):
        export_nbgrader_course(tmp_path / "out", [toy])


def test_cli_export_and_its_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "nbgrader", str(tmp_path / "c"), "--exercise", "02_linear_collapse"]) == 0
    assert (tmp_path / "c" / "source" / "02_linear_collapse" / "linear_collapse.ipynb").is_file()
    (tmp_path / "file").write_text("x")
    capsys.readouterr()
    assert main(["export", "nbgrader", str(tmp_path / "file")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "is not a folder" in err and err.count("\n") == 1


def test_grader_picks_the_nbgrader_notebook_and_exported_scripts(
    tmp_path: Path, exercises: dict[str, Exercise]
) -> None:
    exercise = exercises["01_neuron"]
    folder = tmp_path / "submitted" / "ann" / exercise.id
    (folder / "datasets").mkdir(parents=True)
    (folder / HELPER_FILE).write_text("x = 1\n")
    (folder / "neuron.ipynb").write_text((KIT_ROOT / "exercises" / exercise.id / "neuron.ipynb").read_text())
    assert read_submission(Submission("ann", exercise, folder)).file == "neuron.ipynb"
    (folder / "neuron.ipynb").unlink()
    script = "# coding: utf-8\nget_ipython().run_line_magic('matplotlib', 'inline')\nif True:\n"
    script += "    get_ipython().system('ls')\nimport numpy as np\n"
    (folder / "my_neuron.py").write_text(script)
    source = read_submission(Submission("ann", exercise, folder))
    assert source.file == "my_neuron.py" and source.problem is None
    compile(source.text, "my_neuron.py", "exec")
    assert "pass  # get_ipython()" in source.text


# ---- the round trip through real nbgrader -------------------------------------------------


def _run(argv: list[str], cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k != "TF_CPP_MIN_LOG_LEVEL"}  # the notebook must do it
    env["PATH"] = f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}"  # nbgrader runs `alembic` from PATH
    result = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"{argv} failed:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    return result.stdout


def _fill_with_solution(released: Path, source: Path, out: Path) -> None:
    reference = nbformat.read(source, as_version=4)
    solutions = {c.metadata["nbgrader"]["grade_id"]: c.source for c in reference.cells if "nbgrader" in c.metadata}
    notebook = nbformat.read(released, as_version=4)
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            cell.source = remove_markers(solutions[meta["grade_id"]])
    nbformat.write(notebook, out)


def _exported_script(notebook_path: Path) -> str:
    """What "Download as Python" gives, with a magic in the first code cell."""
    from nbconvert import PythonExporter

    notebook = nbformat.read(notebook_path, as_version=4)
    first = next(cell for cell in notebook.cells if cell.cell_type == "code")
    first.source += "\n%matplotlib inline"
    return PythonExporter().from_notebook_node(notebook)[0]


@pytest.mark.slow
def test_nbgrader_round_trip_matches_the_grader(tmp_path: Path, exercises: dict[str, Exercise]) -> None:
    started = time.monotonic()
    course = tmp_path / "course"
    chosen = [exercises[i] for i in ROUND_TRIP]
    export_nbgrader_course(course, chosen)
    nbgrader = str(VENV_BIN / "nbgrader")
    for exercise in chosen:
        _run([nbgrader, "generate_assignment", exercise.id], course)
        release = course / "release" / exercise.id
        notebook = f"{exercise.module_name}.ipynb"
        assert not {p.name for p in release.iterdir()} - {notebook, HELPER_FILE, "datasets"}
        released = (release / notebook).read_text()
        leaked = [name for name in exercise.points if name in released] + [m for m in MARKERS if m in released]
        assert not leaked, f"the released {exercise.id} shows {leaked}"
        for student in ("alice", "bob"):  # alice: the reference solution; bob: the notebook as released
            shutil.copytree(release, course / "submitted" / student / exercise.id)
        submitted = course / "submitted" / "alice" / exercise.id / notebook
        _fill_with_solution(release / notebook, course / "source" / exercise.id / notebook, submitted)
    for exercise in chosen:
        _run([nbgrader, "autograde", exercise.id], course)
    _run([nbgrader, "export", "--to", str(tmp_path / "nbgrader.csv")], course)
    with open(tmp_path / "nbgrader.csv", newline="") as handle:
        nbgrader_scores = {
            (row["student_id"], row["assignment"]): float(row["score"]) for row in csv.DictReader(handle)
        }
    for exercise in chosen:  # no grade cell of the full solution wrote to stderr or raised
        graded = nbformat.read(course / "autograded" / "alice" / exercise.id / f"{exercise.module_name}.ipynb", 4)
        for name, cell in _grade_cells(graded).items():
            bad = [o for o in cell.outputs if o.output_type == "error" or o.get("name") == "stderr"]
            assert not bad, f"{exercise.id} {name}: {bad[0]}"
    # carol hands in alice's notebook downloaded as a .py script, next to the helper; only the grader grades it
    for exercise in chosen:
        carol = course / "submitted" / "carol" / exercise.id
        shutil.copytree(course / "release" / exercise.id, carol)
        notebook = carol / f"{exercise.module_name}.ipynb"
        notebook.unlink()
        script = _exported_script(course / "submitted" / "alice" / exercise.id / f"{exercise.module_name}.ipynb")
        (carol / f"my_{exercise.module_name}.py").write_text(script)
    out = tmp_path / "results"
    _run([sys.executable, "-m", "grader", "grade", str(course), "--out", str(out), "-j", "1", "--force"]
         + [arg for e in chosen for arg in ("--exercise", e.id)], KIT_ROOT)  # fmt: skip
    with open(out / "gradebook.csv", newline="") as handle:
        kit = {row["student"]: row for row in csv.DictReader(handle)}
    for exercise in chosen:
        expected = {"alice": exercise.max_points, "bob": 0.0}
        for student, points in expected.items():
            assert nbgrader_scores[(student, exercise.id)] == points, (student, exercise.id, "nbgrader")
            assert float(kit[student][exercise.id]) == points, (student, exercise.id, "grader")
        assert float(kit["carol"][exercise.id]) == exercise.max_points, ("carol", exercise.id)
    sys.stderr.write(f"nbgrader round trip of {', '.join(ROUND_TRIP)}: {time.monotonic() - started:.0f} s\n")


def test_the_runtime_runs_pytest_as_the_judge_does() -> None:
    """The nbgrader runtime may not import the grader, so it repeats the judge's pytest set-up: the plugins the
    judge leaves out (one of them cost half of every hidden cell) and the cheap failure text."""
    from grader import judge, judge_plugin
    from grader.exports import nbgrader_runtime

    def left_out(args: list[str]) -> set[str]:
        return {value for option, value in zip(args, args[1:], strict=False) if option == "-p"}

    assert left_out(judge.PYTEST_ARGS) <= left_out(nbgrader_runtime.PYTEST_ARGS)
    for plugin in (judge_plugin.JudgePlugin(None), nbgrader_runtime._Collector(None)):
        config = types.SimpleNamespace(option=types.SimpleNamespace())
        plugin.pytest_configure(config)
        assert config.option.tbstyle == "native", type(plugin).__name__
