"""Shared fixtures for the kit's own tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from grader.exercise import Exercise, ExerciseLimits, load_exercises  # noqa: E402
from grader.paths import KIT_ROOT  # noqa: E402


def _gpu_visible() -> bool:
    """Whether an NVIDIA GPU is visible, without importing TensorFlow (collection stays fast).

    The GPU test itself asks TensorFlow again and fails loudly if TensorFlow cannot use the GPU.
    """
    if os.environ.get("CUDA_VISIBLE_DEVICES") == "":
        return False
    return Path("/dev/nvidia0").exists() or Path("/proc/driver/nvidia/gpus").is_dir()


# The longest tests (docs/PERFORMANCE.md), started first. pytest-xdist hands tests out in collection
# order, and the sample class (about 3 minutes) collected near the end was the whole suite's tail.
LONGEST_FIRST = (
    "test_sample_class.py::test_grading_the_sample_class",
    "test_notebooks_run.py::",
    "test_exercises_contract.py::test_exercise_validates[15",
    "test_exercises_contract.py::test_exercise_validates[08",
    "test_exercises_contract.py::test_exercise_validates[14",
    "test_exercises_contract.py::test_exercise_validates[12",
    "test_export_nbgrader.py::test_nbgrader_round_trip",
)


def _start_rank(item: pytest.Item) -> int:
    """The longest tests in their listed order, then the other slow ones, then the rest (stable)."""
    for rank, prefix in enumerate(LONGEST_FIRST):
        if prefix in item.nodeid:
            return rank
    return len(LONGEST_FIRST) + (0 if item.get_closest_marker("slow") else 1)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    items.sort(key=_start_rank)
    if not any(item.get_closest_marker("gpu") for item in items):
        return
    if _gpu_visible():
        return
    skip = pytest.mark.skip(reason="no GPU visible")
    for item in items:
        if item.get_closest_marker("gpu"):
            item.add_marker(skip)


def pytest_unconfigure(config: pytest.Config) -> None:
    """Stop this process's warm zygote and remove its folder: an xdist worker ends without running atexit."""
    from grader.spawn import default_spawner

    if default_spawner.cache_info().currsize and hasattr(default_spawner(), "close"):
        default_spawner().close()  # only the zygote has a process and a folder to remove


@pytest.fixture(scope="session")
def exercises() -> dict[str, Exercise]:
    return load_exercises()


def make_exercise(
    folder: Path,
    hidden: str,
    points: dict[str, float],
    student_file: str = "toy.py",
    limits: ExerciseLimits | None = None,
) -> Exercise:
    """A throw-away exercise with the given hidden test file, for the grader's own tests."""
    (folder / "hidden").mkdir(parents=True, exist_ok=True)
    (folder / "hidden" / f"test_hidden_{folder.name}.py").write_text(hidden, encoding="utf-8")
    return Exercise(
        id=folder.name,
        title="toy",
        student_file=student_file,
        names=(),
        points=points,
        limits=limits or ExerciseLimits(call_seconds=10, submission_seconds=60),
        folder=folder,
    )


def run_with_solutions(solutions: Path, argv: list[str], timeout: float = 120) -> subprocess.CompletedProcess:
    """``python ARGV`` from the kit's root with ``GRADER_SOLUTIONS=solutions`` and nothing else in the environment."""
    return subprocess.run(
        [sys.executable, *argv],
        cwd=KIT_ROOT,
        capture_output=True,
        text=True,
        env={"GRADER_SOLUTIONS": str(solutions), "PATH": "/usr/bin:/bin"},
        timeout=timeout,
    )
