"""``python -m grader export students FILE.zip``: what students get, and nothing secret.

The zip holds ``exercises/`` (generated from ``solutions/`` in memory, exactly as
``python -m grader build`` writes it), ``datasets/``, the kit's ``requirements.txt``
and a short ``README.md`` for students. Nothing else from ``solutions/`` (solution
bodies, hidden tests, mutants) and nothing of ``grader/`` goes in.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path

from grader.authoring.build import generated_files, index_file
from grader.exercise import Exercise
from grader.exports import ExportError
from grader.paths import DATASETS, EXERCISES, KIT_ROOT

__all__ = ["bundle_files", "student_readme", "write_student_bundle"]

FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # the same zip for the same sources

README = """# Machine Learning in Geosciences: exercises

## Set up (once)

You need Python 3.11.

```bash
python3.11 -m venv .venv
source .venv/bin/activate            # Windows: .venv\\Scripts\\activate
pip install -r requirements.txt
```

## Work on an exercise

Each folder in `exercises/` holds the task (`README.md`), the file you fill in, the same
exercise as a notebook (open it with `jupyter lab`), and public tests. Work in the `.py`
file or in the notebook, not both. Replace each `raise NotImplementedError()` with your code.

## Run the public tests

```bash
cd exercises/01_neuron
python -m pytest
```

In a notebook, run its last cell. The public tests show the format; the grader runs
more tests than these, so passing them is a good sign, not a guarantee.

## Submit

Hand in the one file you worked in, in a folder named after the exercise, as your
course tells you (or through nbgrader if your course uses it):

| exercise | hand in |
|---|---|
{rows}
"""


def student_readme(exercises: list[Exercise]) -> str:
    """The README at the top of the zip: set-up, public tests, submitting."""
    rows = "\n".join(f"| `{e.id}` | `{e.id}/{e.student_file}` or `{e.id}/{e.module_name}.ipynb` |" for e in exercises)
    return README.format(rows=rows)


def bundle_files(exercises: list[Exercise]) -> dict[str, bytes]:
    """Every file of the zip: its name inside the zip and its content."""
    files: dict[str, bytes] = {"README.md": student_readme(exercises).encode()}
    files["requirements.txt"] = (KIT_ROOT / "requirements.txt").read_bytes()
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


def write_student_bundle(zip_path: Path, exercises: list[Exercise]) -> int:
    """Write the students' zip (atomically); return the number of files in it."""
    if not exercises:
        raise ExportError(str(zip_path), "no exercises to export")
    if zip_path.suffix != ".zip":
        raise ExportError(str(zip_path), "expected a file name ending in .zip")
    if zip_path.is_dir():
        raise ExportError(str(zip_path), "is a folder; give a file name ending in .zip")
    if not zip_path.parent.is_dir():
        raise ExportError(str(zip_path), f"the folder {zip_path.parent} does not exist")
    files = bundle_files(exercises)
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=".students-", suffix=".zip", dir=zip_path.parent)
        os.close(handle)
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, content in files.items():
                info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, content)
        os.replace(temporary, zip_path)
    except OSError as exc:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
        raise ExportError(str(zip_path), f"cannot write ({exc.strerror or exc})") from None
    return len(files)
