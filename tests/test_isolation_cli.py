"""No silent downgrade: grade names its isolation, stops without a sandbox unless --isolation process."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from grader.exercise import load_exercises
from grader.gradebook import format_points
from grader.paths import KIT_ROOT
from grader.sandbox import sandbox_problem
from grader.validate import reference_source

EXERCISE = "02_linear_collapse"


def _grade(tmp_path, *extra: str, path: str | None = None) -> subprocess.CompletedProcess:
    exercise = load_exercises()[EXERCISE]
    folder = tmp_path / "submissions" / "ann" / EXERCISE
    folder.mkdir(parents=True, exist_ok=True)
    (folder / exercise.student_file).write_text(reference_source(exercise))
    env = {**os.environ, "PATH": path if path is not None else os.environ.get("PATH", "")}
    command = [sys.executable, "-m", "grader", "grade", str(tmp_path / "submissions"), "--exercise", EXERCISE]
    command += ["--out", str(tmp_path / "out"), "-j", "1", *extra]
    return subprocess.run(command, cwd=KIT_ROOT, env=env, capture_output=True, text=True, timeout=600)


def test_grade_stops_with_one_line_when_the_sandbox_cannot_be_created(tmp_path):
    result = _grade(tmp_path, path=str(tmp_path / "no-bwrap-here"))
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "sandbox cannot be created" in result.stderr and "--isolation process" in result.stderr
    assert not (tmp_path / "out" / "gradebook.csv").exists()


@pytest.mark.slow
def test_isolation_process_is_stated_and_recorded(tmp_path):
    result = _grade(tmp_path, "--isolation", "process", path=str(tmp_path / "no-bwrap-here"))
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("Isolation: process (no sandbox)"), first
    assert "files: NOT confined" in first
    with sqlite3.connect(tmp_path / "out" / "results.sqlite") as db:
        (recorded,) = db.execute("SELECT isolation FROM runs").fetchone()
    assert recorded == first
    dashboard = (tmp_path / "out" / "dashboard.html").read_text()
    assert '<p class="muted" id="isolation">Isolation: process (no sandbox), cold start;' in dashboard


@pytest.mark.slow
def test_grade_names_the_sandbox_and_every_limit(tmp_path):
    if sandbox_problem():
        pytest.skip(sandbox_problem())
    result = _grade(tmp_path)
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("Isolation: bubblewrap sandbox")
    for limit in ("memory:", "tasks:", "file size:", "disk:", "time:", "processes:", "files:"):
        assert limit in first
    assert sum(line.startswith("Isolation:") for line in result.stdout.splitlines()) == 1


def test_a_virtual_environment_under_tmp_is_still_sandboxed(tmp_path):
    """bubblewrap's own /tmp used to hide a venv that lives under /tmp ("execvp ...: No such file")."""
    if sandbox_problem():
        pytest.skip(sandbox_problem())
    assert str(tmp_path).startswith("/tmp/"), tmp_path
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    minor = f"python{sys.version_info.major}.{sys.version_info.minor}"
    sites = [p for p in sys.path if p.endswith("site-packages")]
    (venv / "lib" / minor / "site-packages" / "kit.pth").write_text("\n".join(sites) + "\n")
    probe = "from grader.sandbox import sandbox_problem; print(repr(sandbox_problem()))"
    result = subprocess.run(
        [str(venv / "bin" / "python"), "-c", probe], cwd=KIT_ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "''", result.stdout


@pytest.mark.slow
def test_students_after_the_first_still_import_from_a_venv_under_tmp(tmp_path):
    """The zygote's /tmp used to be wiped between students, hiding a venv bound under /tmp: every import
    the zygote had not done yet (TensorFlow's lazy ones, scikit-learn, ...) failed from the second student on."""
    if sandbox_problem():
        pytest.skip(sandbox_problem())
    assert str(tmp_path).startswith("/tmp/"), tmp_path
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    site = venv / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages"
    (site / "kit.pth").write_text("\n".join(p for p in sys.path if p.endswith("site-packages")) + "\n")
    (site / "lazyprobe.py").write_text("VALUE = 42\n")  # lives under /tmp; the zygote never imports it
    exercise = load_exercises()[EXERCISE]
    for student in ("ann", "bob", "cid"):
        folder = tmp_path / "submissions" / student / EXERCISE
        folder.mkdir(parents=True)
        (folder / exercise.student_file).write_text(reference_source(exercise) + "\nimport lazyprobe  # noqa\n")
    command = [str(venv / "bin" / "python"), "-m", "grader", "grade", str(tmp_path / "submissions")]
    command += ["--exercise", EXERCISE, "--out", str(tmp_path / "out"), "-j", "1"]
    result = subprocess.run(command, cwd=KIT_ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    full = format_points(exercise.max_points)
    rows = (tmp_path / "out" / "gradebook.csv").read_text().splitlines()[1:]
    assert rows == [f"{s},{full},{full}" for s in ("ann", "bob", "cid")], result.stdout[-2000:]
