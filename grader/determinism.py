"""Every setting that makes grading repeatable, in one place.

The judge calls ``configure_judge()`` once; the child gets ``child_environment()``
and is re-seeded with ``SEED`` before every call (see ``grader/child.py``).
"""

from __future__ import annotations

import os
import random
import sys

__all__ = ["SEED", "DETERMINISM_ENV", "child_environment", "configure_judge", "seed_judge"]

SEED = 0

DETERMINISM_ENV = {
    "PYTHONHASHSEED": "0",
    "TF_DETERMINISTIC_OPS": "1",
    "TF_CUDNN_DETERMINISTIC": "1",
    "TF_ENABLE_ONEDNN_OPTS": "0",  # oneDNN reorders float sums
    "NVIDIA_TF32_OVERRIDE": "0",  # no TF32 on Ampere+ GPUs
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "MPLBACKEND": "Agg",
    "KERAS_BACKEND": "tensorflow",
}

PASSED_THROUGH = ("PATH", "LANG", "LC_ALL", "CUDA_VISIBLE_DEVICES", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")


def child_environment(home: str) -> dict[str, str]:
    """The whole environment of a student process: nothing else leaks in."""
    env = {key: os.environ[key] for key in PASSED_THROUGH if key in os.environ}
    env.update(DETERMINISM_ENV)
    env["HOME"] = home
    env["TMPDIR"] = home
    env["KERAS_HOME"] = os.path.join(home, ".keras")
    return env


def configure_judge() -> None:
    """Set the judge process up before TensorFlow is imported."""
    for key in (
        "TF_DETERMINISTIC_OPS",
        "TF_ENABLE_ONEDNN_OPTS",
        "NVIDIA_TF32_OVERRIDE",
        "TF_CPP_MIN_LOG_LEVEL",
        "KERAS_BACKEND",
        "MPLBACKEND",
    ):
        os.environ.setdefault(key, DETERMINISM_ENV[key])
    random.seed(SEED)


def pin_hypothesis_constants() -> None:
    """Hypothesis draws some examples from the literals of every local module this process has
    imported (the grader, earlier exercises' hidden tests), so the same property test generated
    different examples in different judges and a mutant passed in one and failed in another
    (measured: serial against parallel grading). An empty pool makes the examples depend on the
    test alone."""
    from hypothesis.internal.conjecture import providers

    if getattr(providers._get_local_constants, "pinned", False):
        return
    empty = providers._local_constants.__class__(
        integers=type(providers._local_constants.integers)(),
        floats=type(providers._local_constants.floats)(key=providers.float_to_int),
        bytes=type(providers._local_constants.bytes)(),
        strings=type(providers._local_constants.strings)(),
    )

    def no_local_constants():
        return empty

    no_local_constants.pinned = True
    providers._get_local_constants = no_local_constants


def seed_judge() -> None:
    """Seed the judge's generators (before each hidden test) and turn TF32 off."""
    import numpy as np

    random.seed(SEED)
    np.random.seed(SEED)
    if "hypothesis" in sys.modules:
        pin_hypothesis_constants()
    if "keras" in sys.modules:  # only pay for TensorFlow when a hidden test uses it
        import keras
        import tensorflow as tf

        keras.utils.set_random_seed(SEED)
        tf.config.experimental.enable_tensor_float_32_execution(False)
