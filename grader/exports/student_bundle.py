"""``python -m grader export students FILE.zip``: what students get, and nothing secret.

The zip holds one folder (``TOP``) with ``exercises/`` (generated from ``solutions/``
in memory, exactly as ``python -m grader build`` writes it), ``datasets/``, the
students' own ``requirements.txt`` (``requirements-students.txt``: no grader tools),
a ``pytest.ini`` so that ``pytest`` works from the top folder, and a short
``README.md`` for students. Files are 0644, folders 0755. Nothing else from ``solutions/`` (solution
bodies, hidden tests, mutants) and nothing of ``grader/`` goes in.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from grader.authoring.build import generated_files, index_file
from grader.exercise import Exercise
from grader.exports import ExportError
from grader.exports.zip_file import check_zip_target, write_zip
from grader.paths import DATASETS, EXERCISES, KIT_ROOT

STUDENT_REQUIREMENTS = KIT_ROOT / "requirements-students.txt"

__all__ = ["TOP", "bundle_files", "student_readme", "write_student_bundle"]

FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # the same zip for the same sources

TOP = "ml-geosciences-exercises"  # the one folder the zip unpacks into

# Measured: pip install -r requirements-students.txt into a fresh Python 3.11 venv (see the README below).
INSTALL = (
    "It is 136 packages, about 2.2 GB on disk (1.3 GB of it TensorFlow), and took about\n"
    "75 seconds from a nearby package mirror (measured 2026-12-02 on Linux, Python 3.11):\n"
    "allow several minutes on a slower network"
)
PYTEST_INI = """[pytest]
# `pytest` here runs every exercise's public tests; inside an exercise folder, only that exercise's.
testpaths = exercises
addopts = --import-mode=importlib
"""

README = """# Machine Learning in Geosciences: exercises

## Set up (once)

You need Python 3.11. In this folder:

```bash
python3.11 -m venv .venv
source .venv/bin/activate            # Windows: .venv\\Scripts\\activate
pip install -r requirements.txt
```

This installs TensorFlow (CPU), Keras, NumPy, pandas, scikit-learn, SciPy, ObsPy, matplotlib,
pytest and JupyterLab. {install}.

## Work on an exercise

Start with `exercises/README.md`: the course plan, which exercises are core and which
optional, and how long each takes. Each folder in `exercises/` holds the task
(`README.md`), the file you fill in, the same exercise as a notebook, and public tests.
Work in the `.py` file or in the notebook, not both. Replace each
`raise NotImplementedError()` with your code.

For the notebooks, start JupyterLab in this folder and open the exercise's `.ipynb`:

```bash
jupyter lab
```

Run the notebook's first cell first (it finds the data generators in `datasets/`). After
each function there is a check cell: it runs that function's public tests and prints what
they expect and what your function returned.

## Run the public tests

```bash
cd exercises/01_neuron
python -m pytest
```

Or run `python -m pytest` in this folder for every exercise at once (until you have
written them, the tests of the exercises you have not started fail with
`NotImplementedError`). The public tests show the format; the grader runs more tests than
these, so passing them is a good sign, not a guarantee.

## Submit

Hand in the one file you worked in, in a folder named after the exercise, as your
course tells you (or through nbgrader if your course uses it):

| exercise | hand in |
|---|---|
{rows}
"""


def student_readme(exercises: list[Exercise]) -> str:
    """The README at the top of the zip: set-up, notebooks, public tests, submitting."""
    rows = "\n".join(f"| `{e.id}` | `{e.id}/{e.student_file}` or `{e.id}/{e.module_name}.ipynb` |" for e in exercises)
    return README.format(rows=rows, install=INSTALL)


def bundle_files(exercises: list[Exercise]) -> dict[str, bytes]:
    """Every file of the zip: its name under the top folder and its content."""
    files: dict[str, bytes] = {"README.md": student_readme(exercises).encode()}
    files["requirements.txt"] = STUDENT_REQUIREMENTS.read_bytes()
    files["pytest.ini"] = PYTEST_INI.encode()
    generated = {}
    for exercise in exercises:
        generated.update(generated_files(exercise, EXERCISES))
    path, text = index_file(exercises, EXERCISES)
    generated[path] = text
    for path, text in generated.items():
        files[path.relative_to(KIT_ROOT).as_posix()] = text.encode()
    for path in sorted(DATASETS.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            files[path.relative_to(KIT_ROOT).as_posix()] = path.read_bytes()
    return dict(sorted(files.items()))


def _folders(names: list[str]) -> list[str]:
    """Every folder that holds one of ``names``, parents first, with a trailing slash."""
    folders = {TOP + "/"}
    for name in names:
        parts = name.split("/")[:-1]
        folders |= {TOP + "/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))}
    return sorted(folders)


def _folder_entry(folder: str) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(folder, date_time=FIXED_TIME)
    info.external_attr = (0o40755 << 16) | 0x10  # a folder, rwxr-xr-x (and the MS-DOS folder bit)
    return info, b""


def _file_entry(name: str, content: bytes) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(f"{TOP}/{name}", date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o100644 << 16  # a file, rw-r--r--
    return info, content


def write_student_bundle(zip_path: Path, exercises: list[Exercise]) -> int:
    """Write the students' zip (atomically); return the number of files in it."""
    if not exercises:
        raise ExportError(str(zip_path), "no exercises to export")
    check_zip_target(zip_path)
    files = bundle_files(exercises)
    write_zip(zip_path, [*map(_folder_entry, _folders(list(files))), *(_file_entry(n, c) for n, c in files.items())])
    return len(files)
