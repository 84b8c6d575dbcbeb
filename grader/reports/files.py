"""Writing report files atomically, and file names safe for any student folder name."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from grader.errors import GraderError

__all__ = ["write_text", "file_stem"]

SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


def file_stem(student: str) -> str:
    """``student`` itself when it is a plain name, else a cleaned name with a short hash (never collides)."""
    if SAFE.match(student):
        return student
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", student).strip("._-")[:80] or "student"
    digest = hashlib.sha256(student.encode("utf-8", "backslashreplace")).hexdigest()[:8]
    return f"{cleaned}-{digest}"


def write_text(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file renamed over it; return ``path``."""
    temporary = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(text, encoding="utf-8", errors="backslashreplace", newline="")
        os.replace(temporary, path)
    except OSError as exc:
        raise GraderError(f"cannot write {path} ({exc.strerror}); pass a writable --out folder") from None
    return path
