"""Finding and reading submissions: layouts, notebooks, and bad files."""

import json
import os
import time
import traceback

import pytest

from grader.errors import SubmissionsNotFoundError
from grader.exercise import load_exercise
from grader.gradebook import format_points
from grader.notebook_source import Cell, notebook_cells, notebook_module
from grader.paths import KIT_ROOT
from grader.submissions import find_students, find_submissions, read_submission, unmatched_entries


def _write(path, text, mode="w"):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text)


@pytest.fixture
def neuron(exercises):
    return exercises["01_neuron"]


def _read(root, exercise, student="ann"):
    (submission,) = [s for s in find_submissions(root, [exercise]) if s.student == student]
    return read_submission(submission)


def test_plain_layout_and_missing_exercise(tmp_path, neuron, exercises):
    _write(tmp_path / "ann" / "01_neuron" / "neuron.py", "x = 1\n")
    (tmp_path / "bob").mkdir()
    assert find_students(tmp_path) == ["ann", "bob"]
    assert _read(tmp_path, neuron).text == "x = 1\n"
    assert _read(tmp_path, neuron, "bob").problem == "no submission"


def test_nbgrader_layout(tmp_path, neuron):
    _write(tmp_path / "submitted" / "ann" / "01_neuron" / "neuron.py", "y = 2\n")
    assert find_students(tmp_path) == ["ann"]
    assert _read(tmp_path, neuron).text == "y = 2\n"


def test_notebook_cells_without_the_public_test_cell_and_magics(tmp_path, neuron):
    notebook = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {},
        "cells": [
            {"cell_type": "markdown", "id": "a", "metadata": {}, "source": "# Task"},
            {
                "cell_type": "code",
                "id": "b",
                "metadata": {},
                "execution_count": None,
                "outputs": [],
                "source": "%matplotlib inline\nimport numpy as np\n",
            },
            {
                "cell_type": "code",
                "id": "c",
                "metadata": {"tags": ["public-tests"]},
                "execution_count": None,
                "outputs": [],
                "source": "raise SystemExit",
            },
        ],
    }
    _write(tmp_path / "ann" / "01_neuron" / "whatever.ipynb", json.dumps(notebook))
    text = _read(tmp_path, neuron).text
    assert notebook_cells(json.dumps(notebook), "n.ipynb") == [Cell(2, "# %matplotlib inline\nimport numpy as np\n")]
    assert "# %matplotlib inline" in text and "import numpy as np" in text and "raise SystemExit" not in text


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("neuron.ipynb", "{not json", "neuron.ipynb is not a notebook: invalid JSON at line 1"),
        ("neuron.ipynb", '{"cells": 3}', "neuron.ipynb is not a notebook"),
        ("neuron.py", b"x = '\xff\xfe'\n", "neuron.py is not UTF-8 text; save it with UTF-8 encoding"),
        ("notes.txt", "hello", "no neuron.py or notebook found in ann/01_neuron/"),
    ],
)
def test_bad_files_give_one_line_problems(tmp_path, neuron, name, content, problem):
    _write(tmp_path / "ann" / "01_neuron" / name, content)
    source = _read(tmp_path, neuron)
    assert source.text is None and source.problem.startswith(problem)
    assert "\n" not in source.problem


def test_symlink_and_huge_files_are_refused(tmp_path, neuron):
    folder = tmp_path / "ann" / "01_neuron"
    folder.mkdir(parents=True)
    (folder / "neuron.py").symlink_to("/etc/passwd")
    assert "symbolic link" in _read(tmp_path, neuron).problem
    (folder / "neuron.py").unlink()
    with open(folder / "neuron.py", "wb") as handle:
        handle.truncate(2 * 1024**3)  # 2 GB, sparse
    assert _read(tmp_path, neuron).problem == "neuron.py is 2048 MB; the limit is 2 MB"


def test_symlinked_exercise_folder_is_refused(tmp_path, neuron):
    (tmp_path / "ann").mkdir()
    (tmp_path / "ann" / "01_neuron").symlink_to("/etc")
    assert _read(tmp_path, neuron).problem == "ann/01_neuron is a symbolic link; hand in a real folder"


def test_notebook_of_another_exercise(tmp_path, neuron):
    _write(tmp_path / "ann" / "01_neuron" / "losses.ipynb", "{}")
    problem = _read(tmp_path, neuron).problem
    assert problem == "losses.ipynb belongs to exercise 04_losses; hand in neuron.py or neuron.ipynb"


def test_empty_and_null_byte_files_load_and_fail_cleanly(tmp_path, neuron):
    _write(tmp_path / "ann" / "01_neuron" / "neuron.py", "")
    assert _read(tmp_path, neuron).text == ""
    _write(tmp_path / "ann" / "01_neuron" / "neuron.py", b"x = 1\x00\n")
    # read as it is: the child's compile() refuses it, and that becomes "could not load" with one line
    # (tests/test_judge.py checks that part with the same bytes)
    assert _read(tmp_path, neuron).text == "x = 1\x00\n"


@pytest.mark.parametrize(
    ("setup", "problem"),
    [("missing", "does not exist"), ("empty", "holds no student folders"), ("file", "is not a folder")],
)
def test_bad_submissions_folder(tmp_path, setup, problem):
    target = tmp_path / "subs"
    if setup == "empty":
        target.mkdir()
    elif setup == "file":
        target.write_text("x")
    with pytest.raises(SubmissionsNotFoundError, match=problem):
        find_students(target)


# ---- what instructors really hand the grader (issue 15) and student data that must not break reading ----


def _notebook(*codes, tags=None):
    cells = [{"cell_type": "markdown", "metadata": {}, "source": "# Task"}]
    for code in codes:
        cells.append(
            {"cell_type": "code", "metadata": {"tags": tags}, "execution_count": None, "outputs": [], "source": code}
        )
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells})


def _stub(neuron):
    return (neuron.folder.parent.parent / "exercises" / neuron.id / neuron.student_file).read_text()


def _age(path, seconds_ago):
    stamp = time.time() - seconds_ago
    os.utime(path, (stamp, stamp))


def test_worked_notebook_beats_the_untouched_stub_beside_it(tmp_path, neuron):
    folder = tmp_path / "ann" / "01_neuron"
    _write(folder / "neuron.ipynb", _notebook("def neuron(x, w, b):\n    return 1.0\n"))
    _write(folder / "neuron.py", _stub(neuron))
    _age(folder / "neuron.ipynb", 3600)  # the stub is newer, as when a student unzips the folder again
    source = _read(tmp_path, neuron)
    assert source.file == "neuron.ipynb" and "return 1.0" in source.text
    assert source.choice == "Graded neuron.ipynb, the others are the unchanged stub (also there: neuron.py)"


def test_the_most_recent_copy_is_graded(tmp_path, neuron):
    folder = tmp_path / "ann" / "01_neuron"
    _write(folder / "neuron.py", "A = 1\n")
    _write(folder / "neuron (1).py", "A = 2\n")
    _write(folder / "helper.py", "A = 3\n")  # not named like the exercise's file: never a candidate
    _age(folder / "neuron.py", 600)
    source = _read(tmp_path, neuron)
    assert (source.file, source.text) == ("neuron (1).py", "A = 2\n")
    assert source.choice == "Graded neuron (1).py, the most recently changed (also there: neuron.py)"
    _age(folder / "neuron (1).py", 1200)
    assert _read(tmp_path, neuron).file == "neuron.py"
    (folder / "neuron (1).py").unlink()
    assert _read(tmp_path, neuron).choice == ""  # one candidate: nothing to choose


def test_file_straight_in_the_student_folder_is_matched(tmp_path, neuron):
    _write(tmp_path / "ann" / "neuron.ipynb", _notebook("A = 1\n"))
    _write(tmp_path / "bob" / "Neuron (2).py", "B = 1\n")
    _write(tmp_path / "cara" / "losses.py", "C = 1\n")
    assert _read(tmp_path, neuron).file == "neuron.ipynb"
    assert _read(tmp_path, neuron, "bob").text == "B = 1\n"
    assert _read(tmp_path, neuron, "cara").problem == "no submission"


def test_entries_that_match_nothing_are_listed_with_a_guess(tmp_path, exercises):
    _write(tmp_path / "ann" / "01-neuron" / "neuron.py", "x = 1\n")
    _write(tmp_path / "bob" / "01_Neuron" / "neuron.py", "x = 1\n")
    _write(tmp_path / "cara" / "exercise1" / "neuron.py", "x = 1\n")
    _write(tmp_path / "dan" / "neurons.py", "x = 1\n")
    _write(tmp_path / "eve" / "01_neuron" / "neuron.py", "x = 1\n")
    _write(tmp_path / "eve" / "neuron.py", "x = 1\n")
    _write(tmp_path / "eve" / "notes.txt", "hi")
    _write(tmp_path / "fay" / "zzz", "")
    _write(tmp_path / "grades.csv", "")
    _write(tmp_path / ".DS_Store", "")
    assert unmatched_entries(tmp_path, exercises) == [
        "ann/01-neuron: no exercise with that id; did you mean 01_neuron?",
        "bob/01_Neuron: no exercise with that id; did you mean 01_neuron?",
        "cara/exercise1: no exercise with that id; did you mean 01_neuron?",
        "dan/neurons.py: not the file of any exercise; did you mean 01_neuron?",
        "eve/neuron.py: not graded; eve/01_neuron/ is graded instead",
        "eve/notes.txt: not the file of any exercise; exercise ids look like 01_neuron",
        "fay/zzz: not the file of any exercise; exercise ids look like 01_neuron",
        "grades.csv: a file, not a student folder; expected <student>/<exercise_id>/",
    ]
    subs = find_submissions(tmp_path, [exercises["01_neuron"]])
    assert [s.student for s in subs if s.folder is not None] == ["eve"]


def test_student_folder_linking_out_of_submissions_is_refused(tmp_path, neuron):
    root = tmp_path / "subs"
    _write(root / "ann" / "01_neuron" / "neuron.py", "A = 1\n")
    (root / "mallory").symlink_to(KIT_ROOT / "solutions")
    (root / "alias").symlink_to(root / "ann")  # inside SUBMISSIONS: followed
    assert _read(root, neuron, "mallory").problem == (
        "mallory is a symbolic link leading out of the submissions folder; refused"
    )
    assert _read(root, neuron, "alias").text == "A = 1\n"
    assert unmatched_entries(root, {"01_neuron": neuron}) == []


def test_file_names_that_are_not_utf8(tmp_path, neuron):
    root = os.fsencode(tmp_path)
    folder = os.path.join(root, b"st\xffudent", b"01_neuron")
    os.makedirs(folder)
    with open(os.path.join(folder, b"my\xfe.py"), "w") as handle:
        handle.write("A = 1\n")
    (student,) = find_students(tmp_path)
    source = _read(tmp_path, neuron, student)
    assert source.text == "A = 1\n" and source.file == "my\ufffd.py"
    source.file.encode("utf-8")  # printable and storable
    with open(os.path.join(folder, b"neuron.py"), "wb") as handle:
        handle.write(b"x = '\xff'\n")
    assert _read(tmp_path, neuron, student).problem == "neuron.py is not UTF-8 text; save it with UTF-8 encoding"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("[" * 100_000 + "]" * 100_000, "neuron.ipynb is not a notebook: its JSON is nested too deeply"),
        ('{"nbformat": 4, "cells": [{"cell_type": "code", "source": {"a": 1}}]}', "cell 1 has no text source"),
        ('{"nbformat": 3, "worksheets": []}', "neuron.ipynb is an old notebook (format 3)"),
        ("[1, 2]", "neuron.ipynb is not a notebook: expected a JSON object"),
    ],
)
def test_hostile_notebook_json_is_a_one_line_problem(tmp_path, neuron, content, problem):
    _write(tmp_path / "ann" / "01_neuron" / "neuron.ipynb", content)
    source = _read(tmp_path, neuron)
    assert source.text is None and problem in source.problem and "\n" not in source.problem


def test_null_tags_and_odd_metadata_are_read(tmp_path, neuron):
    notebook = json.loads(_notebook("A = 1\n", "B = 2\n"))
    notebook["cells"][2]["metadata"] = None
    notebook["cells"].append({"cell_type": "code", "metadata": {"tags": ["public-tests"]}, "source": "1/0"})
    cells = notebook_cells(json.dumps(notebook), "n.ipynb")
    assert cells == [Cell(2, "A = 1\n"), Cell(3, "B = 2\n")]


def _run_module(tmp_path, text):
    """Run a notebook module as the child would import it (trusted test code, in this process)."""
    namespace = {"__name__": "neuron", "__file__": str(tmp_path / "neuron.py")}
    exec(compile(text, str(tmp_path / "neuron.py"), "exec"), namespace)
    return namespace


def test_a_scratch_cell_that_raises_becomes_a_note(tmp_path):
    text = notebook_module(
        _notebook("def neuron(x):\n    return 2 * x\n", "x = 1\ny = 0\nprint(x / y)\n", "z = neuron(3)\n", "def f(:\n"),
        "neuron.ipynb",
        ("neuron",),
    )
    namespace = _run_module(tmp_path, text)
    assert namespace["z"] == 6  # the cells after the failing one ran
    assert namespace["__grader_notes__"]() == [
        "cell 3, line 3: ZeroDivisionError: division by zero",
        "cell 5, line 1: SyntaxError: invalid syntax",
    ]


def test_a_failing_cell_that_leaves_a_required_name_undefined_stops_the_load(tmp_path):
    text = notebook_module(
        _notebook("import math\n", "w = 3\ndef neuron(x):\n    return x\nneuron = None + 1\n"),
        "neuron.ipynb",
        ("neuron", "dense_forward"),
    )
    with pytest.raises(TypeError, match=r"^cell 3, line 4: unsupported operand") as caught:
        _run_module(tmp_path, text)
    frames = traceback.extract_tb(caught.value.__traceback__)
    assert (os.path.basename(frames[-1].filename), frames[-1].lineno) == ("<cell 3>", 4)
    assert frames[-1].line == "neuron = None + 1"


def test_nothing_matched_exits_1_with_the_list(tmp_path, capsys):
    from grader.cli import main

    _write(tmp_path / "subs" / "ann" / "01-neuron" / "neuron.py", "x = 1\n")
    code = main(["grade", str(tmp_path / "subs"), "--exercise", "01_neuron", "--out", str(tmp_path / "out")])
    captured = capsys.readouterr()
    assert code == 1 and not (tmp_path / "out" / "gradebook.csv").exists()
    assert "  ann/01-neuron: no exercise with that id; did you mean 01_neuron?" in captured.out.splitlines()
    assert captured.err.startswith("error: nothing in ") and captured.err.count("\n") == 1


@pytest.mark.slow
def test_a_class_as_handed_in_is_graded_with_notes_and_drafts_left_out(tmp_path):
    """Real grading: worked notebook + stub, a scratch cell that raises, a misnamed folder, a draft exercise."""
    import shutil
    import sqlite3
    import subprocess
    import sys

    from grader.validate import reference_source

    solutions, generated = tmp_path / "kit" / "solutions", tmp_path / "kit" / "exercises"
    shutil.copytree(KIT_ROOT / "solutions" / "01_neuron", solutions / "01_neuron")
    shutil.copytree(KIT_ROOT / "exercises" / "01_neuron", generated / "01_neuron")
    shutil.copytree(KIT_ROOT / "solutions" / "02_linear_collapse", solutions / "15_draft")
    meta = solutions / "15_draft" / "exercise.toml"
    meta.write_text("draft = true\n" + meta.read_text())
    neuron = load_exercise(solutions / "01_neuron")
    subs = tmp_path / "subs"
    folder = subs / "ann" / "01_neuron"
    _write(folder / "neuron.ipynb", _notebook(reference_source(neuron), "scratch = [1, 2]\nscratch[5]\n"))
    _write(folder / "neuron.py", _stub(neuron))
    _age(folder / "neuron.ipynb", 60)
    _write(subs / "bob" / "01-neuron" / "neuron.py", reference_source(neuron))
    _write(subs / "cara" / "neuron.py", reference_source(neuron))
    broken = reference_source(neuron).replace("def neuron(", "def _neuron(")
    _write(subs / "dan" / "01_neuron" / "neuron.ipynb", _notebook("w = 1 / 0\n", broken))
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "grader", "grade", str(subs), "--out", str(out), "-j", "1"],
        cwd=KIT_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "GRADER_SOLUTIONS": str(solutions)},
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "note: 15_draft: left out, marked draft = true; grade it with --exercise 15_draft" in lines
    assert "  bob/01-neuron: no exercise with that id; did you mean 01_neuron?" in lines
    full = format_points(neuron.max_points)
    assert (out / "gradebook.csv").read_text().splitlines() == [
        "student,01_neuron,total",
        f"ann,{full},{full}",
        "bob,0,0",
        f"cara,{full},{full}",
        "dan,0,0",
    ]
    db = sqlite3.connect(out / "results.sqlite")
    assert db.execute("SELECT student, file FROM submissions ORDER BY student").fetchall() == [
        ("ann", "neuron.ipynb"),
        ("bob", None),
        ("cara", "neuron.py"),
        ("dan", "neuron.ipynb"),
    ]
    (message, details) = db.execute("SELECT DISTINCT message, details FROM results WHERE student = 'dan'").fetchone()
    assert message == "neuron.ipynb could not be loaded: ZeroDivisionError: cell 2, line 1: division by zero"
    assert 'File "<cell 2>", line 1' in details and "w = 1 / 0" in details
    page = (out / "feedback" / "ann.html").read_text()
    assert "Graded neuron.ipynb, the others are the unchanged stub (also there: neuron.py)" in page
    assert "cell 3, line 2: IndexError: list index out of range" in page
