"""Writing an export's zip: the target checked first, the file written atomically and readable by others."""

from __future__ import annotations

import os
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

from grader.exports import ExportError

__all__ = ["check_zip_target", "write_zip"]


def check_zip_target(zip_path: Path, folder_hint: str = "") -> None:
    """One-line errors for a target that is not a ``.zip`` file name in an existing folder."""
    if zip_path.suffix != ".zip":
        raise ExportError(str(zip_path), "expected a file name ending in .zip")
    if zip_path.is_dir():
        raise ExportError(str(zip_path), f"is a folder; give a file name ending in .zip{folder_hint}")
    if not zip_path.parent.is_dir():
        raise ExportError(str(zip_path), f"the folder {zip_path.parent} does not exist")


def write_zip(zip_path: Path, entries: Iterable[tuple[zipfile.ZipInfo, bytes]]) -> None:
    """Write ``entries`` to ``zip_path`` through a temporary file in the same folder (mode 0644)."""
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=".export-", suffix=".zip", dir=zip_path.parent)
        os.close(handle)
        os.chmod(temporary, 0o644)  # mkstemp's 0600 would keep it from other users (a course's TAs, students)
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for info, content in entries:
                archive.writestr(info, content)
        os.replace(temporary, zip_path)
    except OSError as exc:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
        raise ExportError(str(zip_path), f"cannot write ({exc.strerror or exc})") from None
