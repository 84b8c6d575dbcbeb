"""Finding and reading submissions: layouts, notebooks, and bad files."""

import json

import pytest

from grader.errors import SubmissionsNotFoundError
from grader.submissions import find_students, find_submissions, read_submission


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
    assert "# %matplotlib inline" in text and "import numpy as np" in text and "SystemExit" not in text


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
