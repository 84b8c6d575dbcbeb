"""``python -m grader export gradescope ID FILE.zip``: a Gradescope autograder package for one exercise.

Gradescope builds an image from the zip (``setup.sh`` at its root, run once) and runs
``run_autograder`` for every submission; both take the harness root from ``AUTOGRADER_ROOT``
(default ``/autograder``, the zip unpacked in ``ROOT/source``). The zip holds what grading one
exercise needs and nothing else: ``grader/``, ``datasets/``, ``solutions/<ID>/`` (the reference
and the hidden tests: this is the instructor's package, students never see it), the kit's
``pyproject.toml`` and its requirements without the authoring tools. ``run_autograder`` runs
``python -m grader gradescope ROOT --exercise ID`` (``grader/exports/gradescope_runtime.py``).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from grader.exercise import Exercise
from grader.exports import ExportError
from grader.exports.gradescope_runtime import VISIBILITIES
from grader.exports.zip_file import check_zip_target, write_zip
from grader.paths import DATASETS, KIT_ROOT

__all__ = ["package_files", "write_gradescope_package", "write_gradescope_packages", "Package", "NOT_FOR_GRADING"]

FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # the same zip for the same sources
TEMPLATES = Path(__file__).with_name("templates")
SCRIPTS = ("setup.sh", "run_autograder")
# Requirements that only authoring, nbgrader, Dask and linting use: not installed on Gradescope.
NOT_FOR_GRADING = frozenset({"nbgrader", "dask", "distributed", "ruff", "pytest-xdist"})


@dataclass(frozen=True)
class Package:
    path: Path
    files: int
    size: int  # bytes of the zip


def _tree(folder: Path, archived_as: str) -> dict[str, bytes]:
    """Every file under ``folder``, named in the zip under ``archived_as``."""
    return {
        f"{archived_as}/{path.relative_to(folder).as_posix()}": path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


def _grading_requirements() -> bytes:
    lines = []
    for line in (KIT_ROOT / "requirements.txt").read_text().splitlines():
        name = line.split("#")[0].split("==")[0].split("[")[0].strip().lower()
        if name not in NOT_FOR_GRADING:
            lines.append(line)
    return ("\n".join(lines) + "\n").encode()


def _script(name: str, exercise: Exercise, visibility: str) -> bytes:
    text = (TEMPLATES / name).read_text()
    return text.replace("{{EXERCISE}}", exercise.id).replace("{{VISIBILITY}}", visibility).encode()


def package_files(exercise: Exercise, hidden_visibility: str = "after_published") -> dict[str, bytes]:
    """Every file of the package: its name inside the zip and its content."""
    if hidden_visibility not in VISIBILITIES:
        raise ExportError(
            "--hidden-visibility", f"expected one of {', '.join(VISIBILITIES)}. Received: {hidden_visibility!r}"
        )
    files = {name: _script(name, exercise, hidden_visibility) for name in SCRIPTS}
    files["requirements.txt"] = _grading_requirements()
    files["pyproject.toml"] = (KIT_ROOT / "pyproject.toml").read_bytes()
    grader = KIT_ROOT / "grader"
    files.update(_tree(grader, "grader"))
    files.update(_tree(DATASETS, "datasets"))
    files.update(_tree(exercise.folder, f"solutions/{exercise.id}"))  # where the package's grader looks
    return dict(sorted(files.items()))


def _entry(name: str, content: bytes) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (0o755 if name in SCRIPTS else 0o644) << 16
    return info, content


def write_gradescope_package(zip_path: Path, exercise: Exercise, hidden_visibility: str = "after_published") -> Package:
    """Write one exercise's autograder zip (atomically)."""
    check_zip_target(zip_path, " (or use --all DIR)")
    files = package_files(exercise, hidden_visibility)
    write_zip(zip_path, (_entry(name, content) for name, content in files.items()))
    return Package(zip_path, len(files), zip_path.stat().st_size)


def write_gradescope_packages(
    folder: Path, exercises: list[Exercise], hidden_visibility: str = "after_published"
) -> list[Package]:
    """``--all``: one ``<ID>.zip`` per exercise in ``folder`` (created if missing)."""
    if not exercises:
        raise ExportError(str(folder), "no exercises to export")
    if folder.suffix == ".zip" or folder.is_file():
        raise ExportError(str(folder), "with --all, give a folder: one <ID>.zip is written per exercise")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(str(folder), f"cannot create the folder ({exc.strerror or exc})") from None
    return [write_gradescope_package(folder / f"{e.id}.zip", e, hidden_visibility) for e in exercises]
