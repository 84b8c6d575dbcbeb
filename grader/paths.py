"""Where the kit's folders are. Everything else asks here."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["KIT_ROOT", "SOLUTIONS", "EXERCISES", "DATASETS", "CHILD_SCRIPT", "kit_relative"]

KIT_ROOT = Path(__file__).resolve().parent.parent
# GRADER_SOLUTIONS: another solutions folder (the kit's own tests use it for throw-away exercises)
SOLUTIONS = (
    Path(os.environ["GRADER_SOLUTIONS"]).resolve() if os.environ.get("GRADER_SOLUTIONS") else KIT_ROOT / "solutions"
)
EXERCISES = KIT_ROOT / "exercises"
DATASETS = KIT_ROOT / "datasets"
CHILD_SCRIPT = Path(__file__).resolve().parent / "child.py"


def kit_relative(path: Path) -> str:
    """``path`` as a message shows it: relative to the kit's root when inside it (``solutions/01_neuron/...``),
    else in full (an exercise under another ``GRADER_SOLUTIONS`` folder)."""
    try:
        return str(path.relative_to(KIT_ROOT))
    except ValueError:
        return str(path)
