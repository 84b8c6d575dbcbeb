"""Every generated notebook runs headless from its own folder of an unpacked students' zip.

Per exercise, the untouched notebook runs in a fresh kernel (nbclient) whose working folder
is its exercise folder, then the reference one in the same kernel after a move to its own
folder and a reset of the namespace, and with an unrelated package called ``datasets`` first on
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

# Runs notebooks one after the other in ONE kernel: the first in a fresh kernel whose working
# folder is the notebook's folder (as a student opens it), each later one after a change to its
# own folder and a reset of the namespace (imported modules, TensorFlow included, stay: that
# saves a kernel start and its imports per notebook). Writes each executed notebook next to it.
# Prints one "=== index exit-code" line per notebook, then the failing cell's error.
RUNNER = """
import sys
from pathlib import Path
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
paths = [Path(p) for p in sys.argv[1:]]
first = nbformat.read(paths[0], as_version=4)
where = {"metadata": {"path": str(paths[0].parent)}}
client = NotebookClient(first, timeout=600, kernel_name="python3", resources=where)
with client.setup_kernel():
    for index, path in enumerate(paths):
        notebook = first if index == 0 else nbformat.read(path, as_version=4)
        if index:
            move = nbformat.v4.new_code_cell(
                f"get_ipython().run_line_magic('reset', '-f')\\nimport os\\nos.chdir({str(path.parent)!r})"
            )
            client.nb = nbformat.v4.new_notebook(cells=[move])
            client.execute_cell(move, 0)
        client.nb = notebook
        code = 0
        try:
            for cell_index, cell in enumerate(notebook.cells):
                client.execute_cell(cell, cell_index)
        except CellExecutionError as exc:
            print(str(exc)[-3000:])
            code = 1
        finally:
            nbformat.write(notebook, path.with_name(path.stem + ".executed.ipynb"))
        print(f"=== {index} {code}", flush=True)
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


def _run_pair(paths: list[Path], env: dict[str, str]) -> list[tuple[int, str, dict]]:
    """Run ``paths`` in one kernel (see RUNNER): (exit code, output, executed notebook) for each."""
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, *map(str, paths)],
        cwd=paths[0].parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    output = result.stdout + result.stderr
    codes = dict(line.split()[1:3] for line in result.stdout.splitlines() if line.startswith("=== "))
    runs = []
    for index, path in enumerate(paths):
        executed = path.with_name(path.stem + ".executed.ipynb")
        code = int(codes.get(str(index), 1))
        notebook = json.loads(executed.read_text(encoding="utf-8")) if executed.exists() else {"cells": []}
        runs.append((code, output, notebook))
    return runs


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
    """Per exercise, the untouched notebook in a fresh kernel, then the reference one in the same kernel."""
    where, context = unpacked
    pairs = [
        [(copy, exercise, where / copy / TOP / "exercises" / exercise.id / f"{exercise.module_name}.ipynb")
         for copy in ("stub", "reference")]
        for exercise in context["exercises"]
    ]  # fmt: skip
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = pool.map(lambda pair: zip(pair, _run_pair([job[2] for job in pair], context["env"]), strict=True), pairs)
        results = [item for pair in runs for item in pair]
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
