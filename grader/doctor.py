"""``python -m grader doctor``: what this machine offers the grader."""

from __future__ import annotations

import os
import platform
import sys

from grader.sandbox import active_isolation

__all__ = ["diagnose"]


def diagnose() -> list[tuple[str, str]]:
    """(label, value) pairs: versions, GPU, isolation mode."""
    from grader.determinism import configure_judge

    configure_judge()
    rows = [("python", sys.version.split()[0]), ("platform", platform.platform()), ("cores", str(os.cpu_count()))]
    try:
        import tensorflow as tf

        rows.append(("tensorflow", tf.__version__))
        import keras

        rows.append(("keras", keras.__version__))
        gpus = tf.config.list_physical_devices("GPU")
        rows.append(("gpu", ", ".join(g.name for g in gpus) if gpus else "none visible (grading runs on the CPU)"))
    except ImportError as exc:
        rows.append(("tensorflow", f"not importable ({exc}); run the README's set-up command"))
    import numpy

    rows.append(("numpy", numpy.__version__))
    rows.append(("isolation", active_isolation().describe()))
    from grader.sandbox import sandbox_problem
    from grader.spawn import default_spawner, limit_rows

    if sandbox_problem():
        rows.append(("sandbox", f"NOT available: {sandbox_problem()}; grade stops unless --isolation process"))
    from grader.resources import resources_backend

    backend, base, why = resources_backend()
    rows.append(("limits", f"{backend}{f' ({base})' if base else ''}{f': no writable cgroup ({why})' if why else ''}"))
    spawner = default_spawner()
    for label, how in limit_rows(spawner):
        state = "not enforced" if how.startswith("NOT") else "enforced"
        rows.append((label, f"{state}: {how.removeprefix('NOT enforced: ')}"))
    rows.append(("start", spawner.describe()))
    return rows
