"""The students' zip as a student meets it: one folder, normal permissions, short requirements, pytest at its root."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from grader.exercise import Exercise
from grader.exports.student_bundle import TOP, write_student_bundle
from grader.paths import KIT_ROOT

GRADER_TOOLS = ("nbgrader", "dask", "distributed", "ruff", "pytest-xdist", "rich", "jinja2", "nbformat")
NEEDED = ("tensorflow-cpu", "keras", "numpy", "pandas", "scikit-learn", "scipy", "obspy", "matplotlib", "pytest")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory, exercises: dict[str, Exercise]) -> Path:
    path = tmp_path_factory.mktemp("bundle") / "students.zip"
    write_student_bundle(path, [e for e in exercises.values() if not getattr(e, "draft", False)])
    return path


def test_one_top_folder_with_folder_entries(bundle: Path) -> None:
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
    assert all(name.startswith(TOP + "/") for name in names)
    folders = {name for name in names if name.endswith("/")}
    parents = {name.rsplit("/", 1)[0] + "/" for name in names if not name.endswith("/")}
    assert parents <= folders, sorted(parents - folders)
    for must in ("README.md", "requirements.txt", "pytest.ini", "exercises/README.md", "datasets/__init__.py"):
        assert f"{TOP}/{must}" in names


def test_files_are_0644_and_folders_0755(bundle: Path) -> None:
    with zipfile.ZipFile(bundle) as archive:
        for info in archive.infolist():
            mode = info.external_attr >> 16
            if info.is_dir():
                assert stat.S_ISDIR(mode) and stat.S_IMODE(mode) == 0o755, info.filename
            else:
                assert stat.S_ISREG(mode) and stat.S_IMODE(mode) == 0o644, info.filename


@pytest.mark.skipif(shutil.which("unzip") is None, reason="needs the unzip command")
def test_unzip_gives_readable_files_and_searchable_folders(bundle: Path, tmp_path: Path) -> None:
    subprocess.run(["unzip", "-q", str(bundle), "-d", str(tmp_path)], check=True)
    top = tmp_path / TOP
    for path in [top, *top.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), (path, oct(mode))


def _requirement_names(text: str) -> list[str]:
    lines = [line.split("#")[0].strip() for line in text.splitlines()]
    return [line.split("==")[0].lower() for line in lines if line]


def test_requirements_are_the_students_own(bundle: Path) -> None:
    with zipfile.ZipFile(bundle) as archive:
        text = archive.read(f"{TOP}/requirements.txt").decode()
    assert text == (KIT_ROOT / "requirements-students.txt").read_text(encoding="utf-8")
    names = _requirement_names(text)
    assert not [tool for tool in GRADER_TOOLS if tool in names]
    assert set(NEEDED) | {"jupyterlab"} <= set(names)
    pinned = {line.split("==")[0].lower(): line for line in (KIT_ROOT / "requirements.txt").read_text().splitlines()}
    for line in text.splitlines():
        name = line.split("==")[0].lower()
        if name in pinned:
            assert line == pinned[name], f"{name}: pinned differently from requirements.txt"


def test_readme_steps_name_what_is_in_the_zip(bundle: Path) -> None:
    with zipfile.ZipFile(bundle) as archive:
        readme = archive.read(f"{TOP}/README.md").decode()
    for needle in ("python3.11 -m venv .venv", "pip install -r requirements.txt", "jupyter lab", "python -m pytest"):
        assert needle in readme
    assert "GPU" not in readme  # the kit's README has a GPU section; this one does not
    assert "GB on disk" in readme  # the measured install size


@pytest.mark.slow
def test_pytest_from_the_top_folder_runs_every_stub_and_fails_cleanly(bundle: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "TF_"))}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=tmp_path / TOP,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    summary = result.stdout.strip().splitlines()[-1]
    assert result.returncode == 1, result.stdout[-2000:]  # tests failed; 2 would be a collection error
    assert "failed" in summary and "error" not in summary, summary
    assert "NotImplementedError" in result.stdout
    assert "oneDNN" not in result.stdout + result.stderr  # TensorFlow's start-up lines are off
