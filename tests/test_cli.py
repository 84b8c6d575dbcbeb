"""The command line: help for each command, one-line errors with non-zero exit codes."""

import sqlite3
import subprocess
import sys

import pytest

from grader.paths import KIT_ROOT


def grader(*args, cwd=KIT_ROOT):
    return subprocess.run([sys.executable, "-m", "grader", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("command", [[], ["grade"], ["validate"], ["build"], ["doctor"]])
def test_help(command):
    result = grader(*command, "--help")
    assert result.returncode == 0 and "usage: python -m grader" in result.stdout


def _one_line_error(result, code, text):
    assert result.returncode == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and text in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_missing_submissions_folder(tmp_path):
    _one_line_error(grader("grade", str(tmp_path / "nope"), "--out", str(tmp_path / "o")), 1, "does not exist")


def test_empty_submissions_folder(tmp_path):
    (tmp_path / "subs").mkdir()
    _one_line_error(grader("grade", str(tmp_path / "subs"), "--out", str(tmp_path / "o")), 1, "no student folders")


def test_unknown_exercise(tmp_path):
    (tmp_path / "subs" / "ann").mkdir(parents=True)
    result = grader("grade", str(tmp_path / "subs"), "--exercise", "99_nope", "--out", str(tmp_path / "o"))
    _one_line_error(result, 1, "unknown exercise '99_nope'. Known exercises: 01_neuron")


def test_bad_job_count(tmp_path):
    result = grader("grade", str(tmp_path), "-j", "0")
    assert result.returncode == 2 and "expected a positive integer. Received: 0" in result.stderr


def test_corrupt_results_database(tmp_path):
    (tmp_path / "subs" / "ann").mkdir(parents=True)
    out = tmp_path / "out"
    out.mkdir()
    (out / "results.sqlite").write_bytes(b"this is not a database" * 100)
    result = grader("grade", str(tmp_path / "subs"), "--exercise", "02_linear_collapse", "--out", str(out))
    _one_line_error(result, 1, "results database")
    assert "move it away or pass another --out folder" in result.stderr


def test_grade_missing_submissions_gives_zero_row(tmp_path):
    (tmp_path / "subs" / "ann").mkdir(parents=True)
    (tmp_path / "subs" / "bob" / "02_linear_collapse").mkdir(parents=True)
    out = tmp_path / "out"
    result = grader("grade", str(tmp_path / "subs"), "--exercise", "02_linear_collapse", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "gradebook.csv").read_text() == "student,02_linear_collapse,total\nann,0,0\nbob,0,0\n"
    rows = sqlite3.connect(out / "results.sqlite").execute("SELECT DISTINCT outcome FROM results").fetchall()
    assert sorted(rows) == [("could not load",), ("missing",)]


def test_grade_with_nothing_matched_exits_1_and_writes_no_gradebook(tmp_path):
    (tmp_path / "subs" / "ann").mkdir(parents=True)
    out = tmp_path / "out"
    result = grader("grade", str(tmp_path / "subs"), "--exercise", "02_linear_collapse", "--out", str(out))
    _one_line_error(result, 1, "nothing in")
    assert not (out / "gradebook.csv").exists()


@pytest.mark.slow  # ~10 s: doctor imports TensorFlow to report its version and devices
def test_doctor_names_versions_and_isolation():
    result = grader("doctor")
    assert result.returncode == 0
    for label in ("python", "tensorflow", "keras", "gpu", "isolation", "limits", "start"):
        assert any(line.startswith(label) for line in result.stdout.splitlines()), result.stdout


def test_unwritable_output_folder(tmp_path):
    """/proc refuses new folders even to root, so this holds in CI too."""
    (tmp_path / "subs" / "ann").mkdir(parents=True)
    result = grader("grade", str(tmp_path / "subs"), "--exercise", "02_linear_collapse", "--out", "/proc/grader-out")
    _one_line_error(result, 1, "pass a writable --out folder")


def test_output_path_is_a_file(tmp_path):
    (tmp_path / "subs" / "ann").mkdir(parents=True)
    out = tmp_path / "out"
    out.write_text("not a folder")
    result = grader("grade", str(tmp_path / "subs"), "--exercise", "02_linear_collapse", "--out", str(out))
    _one_line_error(result, 1, "results database")


def test_progress_is_a_bar_on_a_terminal_and_lines_elsewhere():
    import io

    from grader.pipeline import Progress
    from grader.progress import progress_reporter

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    plain, terminal = io.StringIO(), Terminal()
    for stream in (plain, terminal):
        with progress_reporter(stream) as report:
            report(Progress(1, 2, "[1/2] ann 01_neuron: 10/10 (1.0 s)"))
            report(Progress(2, 2, "[2/2] bob 01_neuron: 5/10 (1.0 s)"))
    assert plain.getvalue().splitlines() == ["[1/2] ann 01_neuron: 10/10 (1.0 s)", "[2/2] bob 01_neuron: 5/10 (1.0 s)"]
    assert "2/2" in terminal.getvalue() and "/min" in terminal.getvalue() and "━" in terminal.getvalue()
