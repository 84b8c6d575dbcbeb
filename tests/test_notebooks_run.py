"""Every generated notebook runs headless from its own folder of an unpacked students' zip.

Each notebook runs in its own kernel (nbclient), with the working folder set to its
exercise folder, and with an unrelated package called ``datasets`` first on
``PYTHONPATH`` (as Hugging Face's would be): the notebook must still find the kit's
``datasets/``. With the reference solution filled into the stub cells, no cell may fail
and every check must pass; the untouched notebook must run too, its checks failing
with a clear message rather than a crash. TensorFlow must write nothing to stderr, and
a notebook with a data cell must draw a picture.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest

from grader.authoring.markers import remove_markers
from grader.authoring.notebook import split_cells
from grader.exercise import Exercise
from grader.exports.student_bundle import TOP, write_student_bundle
from grader.notebook_source import PUBLIC_TESTS_TAG

pytestmark = pytest.mark.slow

FAKE_DATASETS = 'raise ImportError("this is not the kit\'s datasets package")\n'

# Runs one notebook in a fresh kernel whose working folder is the notebook's folder;
# writes the executed notebook next to it. Exit 1 with the failing cell's error.
RUNNER = """
import sys
from pathlib import Path
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
path = Path(sys.argv[1])
notebook = nbformat.read(path, as_version=4)
resources = {"metadata": {"path": str(path.parent)}}
client = NotebookClient(notebook, timeout=600, kernel_name="python3", resources=resources)
try:
    client.execute()
except CellExecutionError as exc:
    print(str(exc)[-3000:])
    sys.exit(1)
finally:
    nbformat.write(notebook, sys.argv[2])
"""


def _fill_reference(notebook_path: Path, exercise: Exercise) -> None:
    """Replace the stub cells (the untagged code cells) with the reference solution's cells."""
    notebook = nbformat.read(notebook_path, as_version=4)
    stub_cells = [
        c for c in notebook.cells if c.cell_type == "code" and PUBLIC_TESTS_TAG not in c.metadata.get("tags", [])
    ]
    reference = split_cells(remove_markers(exercise.solution_file.read_text(encoding="utf-8")))
    assert len(stub_cells) == len(reference), exercise.id
    for cell, code in zip(stub_cells, reference, strict=True):
        cell.source = code
    nbformat.write(notebook, notebook_path)


def _run(notebook_path: Path, env: dict[str, str]) -> tuple[int, str, dict]:
    executed = notebook_path.with_name(notebook_path.stem + ".executed.ipynb")
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, str(notebook_path), str(executed)],
        cwd=notebook_path.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    return result.returncode, result.stdout + result.stderr, json.loads(executed.read_text(encoding="utf-8"))


def _images(notebook: dict) -> int:
    return sum(
        "image/png" in out.get("data", {})
        for cell in notebook["cells"]
        if cell["cell_type"] == "code"
        for out in cell.get("outputs", [])
    )


def _has_data_cell(notebook: dict) -> bool:
    return any("data" in cell.get("metadata", {}).get("tags", []) for cell in notebook["cells"])


def _streams(notebook: dict, name: str) -> str:
    return "".join(
        "".join(out.get("text", ""))
        for cell in notebook["cells"]
        if cell["cell_type"] == "code"
        for out in cell.get("outputs", [])
        if out.get("output_type") == "stream" and out.get("name") == name
    )


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory, exercises: dict[str, Exercise]) -> tuple[Path, dict]:
    """The students' zip unpacked twice (reference filled in, untouched), and the kernels' environment."""
    where = tmp_path_factory.mktemp("notebooks")
    chosen = [e for e in exercises.values() if not getattr(e, "draft", False)]
    write_student_bundle(where / "students.zip", chosen)
    for copy in ("reference", "stub"):
        with zipfile.ZipFile(where / "students.zip") as archive:
            archive.extractall(where / copy)
    for exercise in chosen:
        _fill_reference(
            where / "reference" / TOP / "exercises" / exercise.id / f"{exercise.module_name}.ipynb", exercise
        )
    fake = where / "fake"
    (fake / "datasets").mkdir(parents=True)
    (fake / "datasets" / "__init__.py").write_text(FAKE_DATASETS)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TF_", "PYTHON"))}
    env["PYTHONPATH"] = str(fake)
    return where, {"env": env, "exercises": chosen}


def test_every_notebook_runs_with_the_reference_and_untouched(unpacked: tuple[Path, dict]) -> None:
    where, context = unpacked
    jobs = [
        (copy, exercise, where / copy / TOP / "exercises" / exercise.id / f"{exercise.module_name}.ipynb")
        for exercise in context["exercises"]
        for copy in ("reference", "stub")
    ]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda job: (job, _run(job[2], context["env"])), jobs))
    problems = []
    for (copy, exercise, _), (code, output, notebook) in results:
        stdout, stderr = _streams(notebook, "stdout"), _streams(notebook, "stderr")
        if code != 0:
            problems.append(f"{copy} {exercise.id}: a cell failed: {output[-1500:]}")
        elif copy == "reference" and ("FAILED" in stdout or "All checks passed." not in stdout):
            problems.append(f"{copy} {exercise.id}: a check failed: {stdout[-1500:]}")
        elif copy == "stub" and "not written yet (NotImplementedError)" not in stdout:
            problems.append(f"{copy} {exercise.id}: the checks do not say what is missing: {stdout[-800:]}")
        if _has_data_cell(notebook) and not _images(notebook):
            problems.append(f"{copy} {exercise.id}: the data cell drew no picture")
        if stderr.strip():
            problems.append(f"{copy} {exercise.id}: wrote to stderr: {stderr[:800]}")
    assert not problems, "\n".join(problems)
