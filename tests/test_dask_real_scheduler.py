"""The README's Dask steps, literally: a `dask scheduler` process, `dask worker ... --nworkers 2 --nthreads 1`
(started outside the kit's folder: the kit is importable because `tasks.py setup` installs it), then
`grade --scheduler`. The gradebook must equal a local run (in this process: a local pool would start two more
TensorFlows for two students); a worker with another kit is refused.
"""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import grader.progress  # noqa: F401  (imported here: its default stream is the sys.stdout of its first import)
from grader.exercise import load_exercises
from grader.pipeline import grade
from grader.validate import reference_source, stub_source

EXERCISE = "01_neuron"
BIN = Path(sys.executable).parent
STARTUP_SECONDS = 120


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start(argv: list[str], cwd: Path, log: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    with log.open("wb") as out:
        return subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A real scheduler and two worker processes on loopback; yields the scheduler's address."""
    distributed = pytest.importorskip("distributed")
    if not (BIN / "dask").exists():
        pytest.skip(f"no dask console script in {BIN}")
    folder = tmp_path_factory.mktemp("dask")  # not the kit's folder: the installed kit must be found
    address = f"tcp://127.0.0.1:{_free_port()}"
    scheduler = _start(
        [str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard"],
        folder,
        folder / "scheduler.log",
    )
    workers = _start(
        [str(BIN / "dask"), "worker", address, "--nworkers", "2", "--nthreads", "1", "--host", "127.0.0.1"]
        + ["--no-dashboard", "--local-directory", str(folder / "work")],
        folder,
        folder / "workers.log",
    )
    try:
        with distributed.Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=STARTUP_SECONDS)
        yield address
    finally:
        _stop(workers)
        _stop(scheduler)


def _class(root: Path) -> Path:
    exercise = load_exercises()[EXERCISE]
    for student, source in (("ada", reference_source(exercise)), ("bo", stub_source(exercise))):
        folder = root / "class" / student / EXERCISE
        folder.mkdir(parents=True)
        (folder / exercise.student_file).write_text(source)
    return root / "class"


def _rows(out: Path) -> list[tuple]:
    with sqlite3.connect(out / "results.sqlite") as db:
        return db.execute(
            "SELECT student, exercise, test, outcome, points, max_points, message FROM results ORDER BY 1, 2, 3"
        ).fetchall()


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::ResourceWarning", "ignore::UserWarning")
def test_real_scheduler_and_workers_give_the_local_gradebook(cluster, tmp_path):
    submissions = _class(tmp_path)
    started = time.monotonic()
    local = grade(submissions, [EXERCISE], tmp_path / "local", workers=1)
    local_seconds = time.monotonic() - started
    started = time.monotonic()
    remote = grade(submissions, [EXERCISE], tmp_path / "dask", scheduler=cluster)
    dask_seconds = time.monotonic() - started
    print(f"\n-j 1: {local_seconds:.1f} s; dask scheduler + 2 workers: {dask_seconds:.1f} s")
    assert remote.graded == local.graded == 2
    assert _rows(tmp_path / "dask") == _rows(tmp_path / "local")
    gradebook = (tmp_path / "dask" / "gradebook.csv").read_text()
    assert gradebook == (tmp_path / "local" / "gradebook.csv").read_text()
    assert "ada" in gradebook and "bo" in gradebook


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::ResourceWarning", "ignore::UserWarning")
def test_a_worker_with_another_kit_is_refused_in_one_line(cluster, tmp_path, monkeypatch, capsys):
    from grader import cli, executor

    submissions = _class(tmp_path)
    # The grading machine's kit differs from the workers' (as after editing a hidden test on one machine only).
    monkeypatch.setattr(executor, "kit_fingerprint", lambda: "0" * 64)
    code = cli.main(["grade", str(submissions), "--exercise", EXERCISE, "--out", str(tmp_path / "out"),
                     "--scheduler", cluster])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1, err
    assert err.count("\n") == 1, err
    assert err.startswith("error: the Dask worker tcp://127.0.0.1:") and "another version of the kit" in err
    assert "000000000000 here" in err


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::ResourceWarning", "ignore::UserWarning")
def test_a_worker_with_other_packages_is_refused_in_one_line(cluster, tmp_path, monkeypatch, capsys):
    from grader import cli, executor

    submissions = _class(tmp_path)
    here = tuple((name, "0.0.1" if name == "keras" else version) for name, version in executor.environment_versions())
    monkeypatch.setattr(executor, "environment_versions", lambda: here)
    code = cli.main(["grade", str(submissions), "--exercise", EXERCISE, "--out", str(tmp_path / "out"),
                     "--scheduler", cluster])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1, err
    assert err.count("\n") == 1, err
    assert "has other packages (keras " in err and " there, 0.0.1 here)" in err
    assert "python3 tasks.py setup" in err
