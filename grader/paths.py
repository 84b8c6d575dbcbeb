"""Where the kit's folders are. Everything else asks here."""

from __future__ import annotations

from pathlib import Path

__all__ = ["KIT_ROOT", "SOLUTIONS", "EXERCISES", "DATASETS", "CHILD_SCRIPT"]

KIT_ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = KIT_ROOT / "solutions"
EXERCISES = KIT_ROOT / "exercises"
DATASETS = KIT_ROOT / "datasets"
CHILD_SCRIPT = Path(__file__).resolve().parent / "child.py"
