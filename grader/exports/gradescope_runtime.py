"""Inside a Gradescope autograder: stage ``ROOT/submission/``, and turn the run into ``results.json``.

``run_autograder`` calls ``python -m grader gradescope ROOT --exercise ID``; the CLI stages the
submission with ``stage_submission`` into ``SUBMISSIONS/submission/<ID>/``, grades it with the
kit's own pipeline (the sandbox, the limits, the hidden tests), and writes
``ROOT/results/results.json`` with ``results_data``: the per-student ``gradescope/<student>.json``
of the run (messages written for students, never a hidden expected value), every test's
``visibility`` set to the package's hidden-test visibility, and the isolation used on top.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from grader.exercise import Exercise

__all__ = ["VISIBILITIES", "STUDENT", "stage_submission", "results_data", "failure_data", "write_results"]

VISIBILITIES = ("after_published", "after_due_date", "visible", "hidden")  # Gradescope's values
STUDENT = "submission"
SKIPPED_PARTS = ("__MACOSX", ".ipynb_checkpoints", "__pycache__")


def _candidates(submission: Path, exercise: Exercise) -> list[Path]:
    """Files under ``submission`` that could be the student's, shallowest first."""
    files = [
        p
        for p in submission.rglob("*")
        if (p.is_file() or p.is_symlink())
        and not any(part in SKIPPED_PARTS or part.startswith(".") for part in p.relative_to(submission).parts)
    ]
    files.sort(key=lambda p: (len(p.relative_to(submission).parts), p.as_posix()))
    for name in (exercise.student_file, f"{exercise.module_name}.ipynb"):
        named = [p for p in files if p.name == name]
        if named:
            return named[:1]
    return [p for p in files if p.suffix in (".py", ".ipynb")]


def stage_submission(submission: Path, exercise: Exercise, staging: Path) -> Path:
    """Copy the student's file(s) into ``staging/submission/<ID>/``; return ``staging`` (the SUBMISSIONS folder).

    Gradescope puts the uploaded files in ``ROOT/submission/``, at the top or inside the folders of an
    uploaded zip. The file named like the stub (or its notebook) is taken wherever it lies; otherwise every
    ``.py`` and ``.ipynb`` file is copied and the grader picks as it does for a class folder (one of each
    kind, or a one-line "not found" problem).
    """
    folder = staging / STUDENT / exercise.id
    folder.mkdir(parents=True, exist_ok=True)
    if submission.is_dir():
        for path in _candidates(submission, exercise):
            target = folder / path.name
            if not target.exists():
                shutil.copy2(path, target, follow_symlinks=False)
    return staging


def results_data(run_json: Path, visibility: str, isolation: str, seconds: float) -> dict:
    """``results.json`` from the run's ``gradescope/submission.json``, with the hidden tests' visibility.

    ``isolation`` is the run's ``Isolation: ...`` line; it ends the top-level ``output``.
    """
    data = json.loads(run_json.read_text(encoding="utf-8"))
    for test in data["tests"]:
        test["visibility"] = visibility
    data["output"] = f"{data['output']}\n{isolation}"
    data["output_format"] = "text"
    data["test_output_format"] = "text"
    data["visibility"] = visibility
    data["stdout_visibility"] = "hidden"
    data["execution_time"] = round(seconds)
    return data


def failure_data(problem: str) -> dict:
    """``results.json`` when the grader itself could not run: no score, the reason for the instructor."""
    return {
        "score": 0.0,
        "output": f"The autograder could not grade this submission: {problem}. Please tell your instructor.",
        "output_format": "text",
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "tests": [],
    }


def write_results(root: Path, data: dict) -> Path:
    """Write ``ROOT/results/results.json``."""
    path = root / "results" / "results.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n", encoding="utf-8")
    return path
