"""The same guarantees for a normal user: the hostile tests and a class grading run as a fresh account.

Runs only as root (it creates the account with ``useradd``). The account needs a Python it
may run: the kit's own virtual environment where that user can read it, else a small venv
made from the system's ``python3`` (same minor version) whose ``kit.pth`` points at the kit's
site-packages, so nothing is downloaded (see docs/SECURITY.md).
"""

from __future__ import annotations

import fcntl
import os
import pwd
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from grader.exercise import load_exercises
from grader.paths import KIT_ROOT
from grader.sandbox import sandbox_problem
from grader.validate import reference_source, stub_source

USER = "grader-ci"
EXERCISE = "02_linear_collapse"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.geteuid() != 0, reason="creates a normal account: needs root"),
    pytest.mark.skipif(shutil.which("useradd") is None or shutil.which("su") is None, reason="no useradd or su"),
]


def _as_user(command: str, timeout: float) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["su", USER, "-s", "/bin/bash", "-c", f"cd {shlex.quote(str(KIT_ROOT))} && {command}"],
        capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip


@pytest.fixture(scope="module")
def python() -> str:
    """A Python the normal account can run, with the kit's packages."""
    if sandbox_problem():
        pytest.skip(sandbox_problem())
    try:
        pwd.getpwnam(USER)
    except KeyError:
        subprocess.run(["useradd", "-m", USER], check=True, timeout=60)
    if _as_user(f"{shlex.quote(sys.executable)} -c 'import numpy'", 120).returncode == 0:
        return sys.executable
    system = shutil.which("python3", path="/usr/bin:/bin")
    minor = f"{sys.version_info.major}.{sys.version_info.minor}"
    if system is None or subprocess.run([system, "-c", f"import sys; assert sys.version[:4] == {minor!r}"]).returncode:
        pytest.skip(f"the kit's Python is unreadable for {USER} and no system python{minor} exists")
    site = Path(sys.prefix) / "lib" / f"python{minor}" / "site-packages"
    home = Path(pwd.getpwnam(USER).pw_dir)
    venv = home / "kit-venv"
    if not (venv / "bin" / "python").exists():
        made = _as_user(f"{system} -m venv --without-pip {venv}", 120)
        assert made.returncode == 0, made.stderr
    pth = venv / "lib" / f"python{minor}" / "site-packages" / "kit.pth"
    pth.write_text(f"{site}\n")
    os.chmod(pth, 0o644)
    check = _as_user(f"{venv}/bin/python -c 'import numpy, pytest'", 300)
    if check.returncode != 0:
        pytest.skip(f"the kit's packages do not load for {USER}: {check.stderr.strip()[-200:]}")
    return str(venv / "bin" / "python")


def _user_processes(wait: float = 10) -> list[str]:
    """The account's processes still there after up to ``wait`` seconds (exiting ones get time to be reaped)."""
    end = time.monotonic() + wait
    while True:
        ps = subprocess.run(["ps", "-u", USER, "-o", "pid=,stat=,args="], capture_output=True, text=True)
        left = [line for line in ps.stdout.splitlines() if line.strip()]
        if not left or time.monotonic() > end:
            return left
        time.sleep(0.2)


@pytest.fixture
def account():
    """The normal account, for one test at a time: each test ends by checking that the account has no process
    left, so two tests using it at once (on two pytest-xdist workers) saw each other's processes."""
    with open(Path(tempfile.gettempdir()) / f"{USER}-tests.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield USER


def test_hostile_corpus_and_isolation_tests_pass_as_a_normal_user(python, account):
    attacks = "allocate_50gb or fork_bomb or forker_700 or disk_filler or background_process or nested_namespace"
    attacks += " or prlimit_parent or stop_parent or pidfd_control_socket or leave_files"
    result = _as_user(
        f"{python} -m pytest -p no:cacheprovider -q -x -n 0 tests/test_hostile.py -k {shlex.quote(attacks)} "
        "tests/test_isolation_zygote.py tests/test_isolation_resources.py",
        timeout=900,
    )
    if "unrecognized arguments: -n" in result.stderr:  # no pytest-xdist
        result = _as_user(
            f"{python} -m pytest -p no:cacheprovider -q -x tests/test_hostile.py -k {shlex.quote(attacks)} "
            "tests/test_isolation_zygote.py tests/test_isolation_resources.py",
            timeout=900,
        )
    tail = (result.stdout + result.stderr)[-3000:]
    assert result.returncode == 0, tail
    assert " skipped" not in result.stdout.splitlines()[-1], tail
    assert _user_processes() == [], "processes of the normal user were left running"


@pytest.fixture
def user_folder():
    """A folder the normal account owns (pytest's own tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="grader-ci-"))
    shutil.chown(folder, USER)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_a_class_with_a_hog_and_a_forker_grades_as_a_normal_user(python, account, user_folder):
    tmp_path = user_folder
    exercise = load_exercises()[EXERCISE]
    marker = f"96{uuid.uuid4().int % 10**8}"
    hog = f"import numpy as np\nHOARD = np.ones(int({exercise.limits.memory_mb} * 2.5 * 2**20 / 8))\n"
    forker = (
        "import os, time\nfor _ in range(700):\n    try:\n        if os.fork() == 0:\n"
        f"            time.sleep(600)  # {marker}\n            os._exit(0)\n    except OSError:\n        break\n"
    )
    folder = tmp_path / "class"
    for student, source in (
        ("honest", reference_source(exercise)),
        ("stub", stub_source(exercise)),
        ("hog", stub_source(exercise) + hog),
        ("forker", stub_source(exercise) + forker),
    ):
        target = folder / student / EXERCISE
        target.mkdir(parents=True)
        (target / exercise.student_file).write_text(source)
    out = tmp_path / "out"
    out.mkdir()
    for path in [out, folder, *folder.rglob("*")]:
        shutil.chown(path, USER)
    result = _as_user(f"{python} -m grader grade {folder} --exercise {EXERCISE} --out {out} -j 2", timeout=900)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    first = result.stdout.splitlines()[0]
    assert first.startswith("Isolation: bubblewrap sandbox, warm zygote;"), first
    assert "NOT" not in first.split("files:")[0], first
    rows = dict(line.split(",")[:2] for line in (out / "gradebook.csv").read_text().splitlines()[1:])
    scores = {student: float(value) for student, value in rows.items()}
    assert scores["honest"] == exercise.max_points
    assert scores["hog"] <= scores["stub"] and scores["forker"] <= scores["stub"], scores
    assert _user_processes() == [], "processes of the normal user were left running"
