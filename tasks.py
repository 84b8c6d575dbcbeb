"""The kit's task runner: needs only Python 3.11 (no make).

python3 tasks.py setup      create .venv and install requirements.txt (skipped when up to date)
python3 tasks.py sample     set up, then grade the bundled sample class
python3 tasks.py test       set up, then run the kit's test suite
python3 tasks.py validate   set up, then check every exercise (solution, stub, mutants)
python3 tasks.py build      set up, then regenerate exercises/ and the sample class
python3 tasks.py lint       set up, then run ruff
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
STAMP = VENV / ".requirements.sha256"


def run(*argv: str) -> None:
    print("+", " ".join(argv), flush=True)
    code = subprocess.call(
        argv, cwd=ROOT, env={**os.environ, "PATH": f"{VENV / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"}
    )
    if code:
        sys.exit(code)


def setup() -> None:
    wanted = hashlib.sha256((ROOT / "requirements.txt").read_bytes()).hexdigest()
    if PYTHON.exists() and STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not PYTHON.exists():
        print(f"+ creating {VENV}", flush=True)
        venv.create(VENV, with_pip=True)
    run(str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", "requirements.txt")
    STAMP.write_text(wanted)


def main(argv: list[str]) -> None:
    task = argv[0] if argv else "help"
    rest = argv[1:]
    if task not in {"setup", "sample", "test", "validate", "build", "lint"}:
        print(__doc__)
        sys.exit(0 if task == "help" else 2)
    setup()
    py = str(PYTHON)
    if task == "sample":
        run(py, "-m", "grader", "grade", "examples/sample_class", "--out", "grading-results", *rest)
    elif task == "test":
        run(py, "-m", "pytest", *rest)
    elif task == "validate":
        run(py, "-m", "grader", "validate", *rest)
    elif task == "build":
        run(py, "-m", "grader", "build")
        run(py, "examples/make_sample_class.py")
    elif task == "lint":
        run(py, "-m", "ruff", "check", ".")
        run(py, "-m", "ruff", "format", "--check", "grader", "tests", "examples", "tasks.py")


if __name__ == "__main__":
    main(sys.argv[1:])
