"""Where the kit's folders are. Everything else asks here."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["KIT_ROOT", "SOLUTIONS", "EXERCISES", "DATASETS", "CHILD_SCRIPT"]

KIT_ROOT = Path(__file__).resolve().parent.parent
# GRADER_SOLUTIONS: another solutions folder (the kit's own tests use it for throw-away exercises)
SOLUTIONS = (
    Path(os.environ["GRADER_SOLUTIONS"]).resolve() if os.environ.get("GRADER_SOLUTIONS") else KIT_ROOT / "solutions"
)
EXERCISES = KIT_ROOT / "exercises"
DATASETS = KIT_ROOT / "datasets"
CHILD_SCRIPT = Path(__file__).resolve().parent / "child.py"
