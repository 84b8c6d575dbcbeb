"""Whole grading runs: parallel equals serial, resume after kill -9, honest students unaffected."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from grader.exercise import load_exercises
from grader.gradebook import format_points
from grader.paths import KIT_ROOT
from grader.sandbox import isolation_problem
from grader.validate import mutant_source, reference_source, stub_source

EXERCISE = "02_linear_collapse"
HOSTILE = Path(__file__).parent / "hostile"


def _class(root: Path, size: int = 8) -> Path:
    exercise = load_exercises()[EXERCISE]
    mutants = exercise.mutants
    sources = [reference_source(exercise), stub_source(exercise)]
    sources += [mutant_source(exercise, m.read_text()) for m in mutants]
    for number in range(size):
        folder = root / f"student{number:02d}" / EXERCISE
        folder.mkdir(parents=True)
        (folder / exercise.student_file).write_text(sources[number % len(sources)])
    return root


def _grade(submissions: Path, out: Path, *extra: str, **kwargs) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "grader", "grade", str(submissions), "--exercise", EXERCISE, "--out", str(out)]
    return subprocess.run([*command, *extra], cwd=KIT_ROOT, capture_output=True, text=True, timeout=900, **kwargs)


def _results(out: Path) -> list[tuple]:
    db = sqlite3.connect(out / "results.sqlite")
    return db.execute(
        "SELECT student, exercise, test, outcome, points, max_points, message FROM results ORDER BY 1, 2, 3"
    ).fetchall()


@pytest.mark.slow
def test_parallel_grading_equals_serial(tmp_path):
    submissions = _class(tmp_path / "class")
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    assert _grade(submissions, serial, "-j", "1").returncode == 0
    assert _grade(submissions, parallel, "-j", "2").returncode == 0
    assert _results(serial) == _results(parallel)
    assert (serial / "gradebook.csv").read_text() == (parallel / "gradebook.csv").read_text()


@pytest.mark.slow
def test_kill_9_then_the_same_command_grades_only_what_is_missing(tmp_path):
    submissions = _class(tmp_path / "class", size=10)
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "grader",
        "grade",
        str(submissions),
        "--exercise",
        EXERCISE,
        "--out",
        str(out),
        "-j",
        "1",
    ]
    process = subprocess.Popen(command, cwd=KIT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    database = out / "results.sqlite"
    deadline = time.monotonic() + 300
    done = 0
    while time.monotonic() < deadline and process.poll() is None:
        if database.exists():
            try:
                done = sqlite3.connect(database).execute("SELECT count(*) FROM submissions").fetchone()[0]
            except sqlite3.DatabaseError:
                done = 0
            if done >= 3:
                break
        time.sleep(0.2)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 3 <= done < 10, f"the run was not interrupted in the middle ({done} graded)"
    saved = sqlite3.connect(database).execute("SELECT count(*) FROM submissions").fetchone()[0]

    again = _grade(submissions, out, "-j", "1")
    assert again.returncode == 0, again.stderr
    assert f"Graded {10 - saved} submissions ({saved} unchanged" in again.stdout, again.stdout

    clean = tmp_path / "clean"
    assert _grade(submissions, clean, "-j", "2").returncode == 0
    assert _results(out) == _results(clean), "a resumed run must equal a clean one"
    assert (out / "gradebook.csv").read_text() == (clean / "gradebook.csv").read_text()


@pytest.mark.slow
def test_honest_students_score_the_same_beside_hostile_ones(tmp_path):
    honest = _class(tmp_path / "honest", size=4)
    mixed = tmp_path / "mixed"
    shutil.copytree(honest, mixed)
    exercise = load_exercises()[EXERCISE]
    attacks = ["monkeypatch_checks", "background_process", "write_results", "always_equal", "exit_at_import"]
    for name in attacks:
        folder = mixed / f"zz_{name}" / EXERCISE
        folder.mkdir(parents=True)
        text = (HOSTILE / f"{name}.py").read_text().replace("{{OUT}}", str(tmp_path / "mixed-out"))
        (folder / exercise.student_file).write_text(text.replace("{{MARKER}}", "987654321"))
    # a submission folder shipping its own conftest.py and sitecustomize.py
    sneaky = mixed / "zz_sneaky" / EXERCISE
    sneaky.mkdir(parents=True)
    (sneaky / exercise.student_file).write_text(stub_source(exercise))
    trap = "import builtins\nbuiltins.__import__ = None\nraise SystemExit('conftest ran')\n"
    (sneaky / "conftest.py").write_text(trap)
    (sneaky / "sitecustomize.py").write_text(trap)

    alone, together = tmp_path / "alone-out", tmp_path / "mixed-out"
    assert _grade(honest, alone, "-j", "2").returncode == 0
    result = _grade(mixed, together, "-j", "2")
    assert result.returncode == 0, result.stderr
    honest_rows = [row for row in _results(together) if not row[0].startswith("zz_")]
    assert honest_rows == _results(alone)
    hostile_totals = [
        line.split(",")[-1] for line in (together / "gradebook.csv").read_text().splitlines() if line.startswith("zz_")
    ]
    assert hostile_totals == ["0"] * (len(attacks) + 1)


@pytest.mark.slow
def test_nothing_persists_from_one_student_to_the_next(tmp_path):
    """Student A changes globals, seeds, a Keras dtype policy and files; student B, graded next, sees none."""
    if isolation_problem():
        pytest.skip(f"without bubblewrap /tmp is shared: {isolation_problem()}")
    exercise = load_exercises()[EXERCISE]
    leak = f"leak-{uuid.uuid4().hex}.txt"  # unique per run: a file left by anything earlier cannot fake a leak
    submissions = tmp_path / "class"
    polluter = submissions / "a_polluter" / EXERCISE
    polluter.mkdir(parents=True)
    (polluter / exercise.student_file).write_text(
        "import os, random, numpy as np, keras\n"
        "keras.config.set_dtype_policy('mixed_float16')\n"
        "keras.utils.set_random_seed(7)\n"
        "random.seed(123); np.random.seed(123)\n"
        "np.set_printoptions(precision=1)\n"
        "os.environ['LEAK'] = '1'\n"
        f"open('/tmp/{leak}', 'w').write('leak')\n"
        f"open(os.path.expanduser('~/{leak}'), 'w').write('leak')\n" + stub_source(exercise)
    )
    checker = submissions / "b_checker" / EXERCISE
    checker.mkdir(parents=True)
    probe = (
        "\n\nimport os as _os\nimport keras as _keras\n"
        "if _keras.config.dtype_policy().name != 'float32':\n"
        "    raise RuntimeError('saw the previous student\\'s dtype policy')\n"
        f"if _os.path.exists('/tmp/{leak}') or _os.path.exists(_os.path.expanduser('~/{leak}'))"
        " or _os.environ.get('LEAK'):\n"
        "    raise RuntimeError('saw the previous student')\n"
    )
    (checker / exercise.student_file).write_text(reference_source(exercise) + probe)
    out = tmp_path / "out"
    assert _grade(submissions, out, "-j", "1").returncode == 0
    rows = (out / "gradebook.csv").read_text().splitlines()
    assert rows[2].startswith(f"b_checker,{format_points(exercise.max_points)},"), rows
