"""Every tunable of the grader, in one place, and the environment variables it reads.

Modules import their limits from here; ``python -m grader doctor`` prints ``SETTINGS``
and ``ENVIRONMENT`` as one table. Per-exercise limits (time per call and per
submission, memory) are not here: they live in each ``exercise.toml`` under ``[limits]``.
Values the sandboxed student process needs travel to it in its start request
(``grader/child.py`` imports nothing of the grader).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Setting", "EnvironmentVariable", "SETTINGS", "ENVIRONMENT", "settings_table"]

MB = 1024 * 1024

# ---- the student process ---------------------------------------------------------------------
STUDENT_FILE_MAX_BYTES = 64 * MB  # any one file the student's code writes, its printed output included
STUDENT_MAX_TASKS = 512  # processes and threads of one student; TensorFlow alone starts dozens of threads
STUDENT_DISK_BYTES = 256 * MB  # each of the student's /tmp and /dev/shm (size-limited tmpfs)
WORK_FOLDER_MAX_FILES = 20_000  # entries in the work folder; more counts as filling the disk
LOAD_SECONDS_AT_LEAST = 60.0  # importing TensorFlow alone takes ~4 s, more under load
ZYGOTE_START_SECONDS = 120.0  # the warm parent's start (it imports TensorFlow)
WATCHDOG_POLL_SECONDS = 0.05  # how often the watchdog measures a student's memory where no cgroup does
WATCHDOG_DISK_EVERY = 4  # watchdog polls between two measures of the work folder

# ---- what comes back from the student --------------------------------------------------------
ANSWER_MAX_BYTES = 64 * MB  # one answer line from the student process
ANSWER_MAX_VALUES = 2_000_000  # JSON values in one answer; a bigger answer should be a NumPy array
ANSWER_MAX_DEPTH = 64  # nesting of one answer (the child itself refuses more than 50)
RECORDED_MAX_VALUES = 20_000  # values a hidden test may record for the feedback page
MODEL_CONFIG_MAX_BYTES = 8 * MB  # the config text of a returned model (what model.save writes as config.json)
MODEL_CONFIG_MAX_DEPTH = 100  # nesting of a returned model's config
MODEL_MAX_LAYERS = 1000  # layers of a returned model
MODEL_MAX_PARAMS = 50_000_000  # weights of a returned model, counted from its config before any is built
MODEL_MAX_ACTIVATION = 4_000_000  # values per sample in one layer's input or output (16 MB of float32)
MODEL_MAX_OPS_PER_SAMPLE = 100_000_000  # multiply-adds per sample, estimated from shapes
MODEL_MAX_RECURRENT_STEPS = 10_000  # time steps of recurrent layers, summed

# ---- what instructors hand in ----------------------------------------------------------------
SOURCE_MAX_BYTES = 2 * MB  # a student's .py file
NOTEBOOK_MAX_BYTES = 50 * MB  # a student's notebook (outputs and pictures included)
DOWNLOAD_MEMBER_MAX_BYTES = 50 * MB  # one file of an LMS download that `collect` unpacks

# ---- runs ------------------------------------------------------------------------------------
SCHEDULER_TIMEOUT = "30s"  # how long `grade --scheduler` tries to reach a Dask scheduler
SIMILARITY_RUN_TOKENS = 12  # tokens per hashed run: about one short statement
SIMILARITY_WINDOW = 6  # a shared run is found when it is at least SIMILARITY_RUN_TOKENS + WINDOW - 1 tokens long
SIMILARITY_PAGE_PAIRS = 30  # pairs shown on the similarity page (the CSV has them all)


@dataclass(frozen=True)
class Setting:
    name: str
    value: object
    governs: str


@dataclass(frozen=True)
class EnvironmentVariable:
    name: str
    default: str
    meaning: str


def _settings() -> tuple[Setting, ...]:
    """The constants above, with the comment beside each as what it governs."""
    import inspect
    import re

    source = inspect.getsource(inspect.getmodule(_settings))
    found = []
    for match in re.finditer(r"^([A-Z][A-Z0-9_]+) = [^#\n]+(?:#\s*(.*))?$", source, re.MULTILINE):
        name = match.group(1)
        if name in ("MB",):
            continue
        found.append(Setting(name, globals()[name], (match.group(2) or "").strip()))
    return tuple(found)


ENVIRONMENT: tuple[EnvironmentVariable, ...] = (
    EnvironmentVariable("GRADER_ISOLATION", "sandbox", "process: grade without bubblewrap, as if --isolation process"),
    EnvironmentVariable("GRADER_ZYGOTE", "1", "0: start every student process cold instead of forking a warm parent"),
    EnvironmentVariable("GRADER_CGROUPS", "1", "0: never use cgroups; the watchdog and rlimits enforce the limits"),
    EnvironmentVariable("GRADER_SOLUTIONS", "solutions/", "another solutions folder (the kit's own tests use it)"),
    EnvironmentVariable("GRADER_DEBUG", "", "1: print a traceback for an internal error instead of one line"),
)

SETTINGS: tuple[Setting, ...] = _settings()


def settings_table() -> list[tuple[str, str, str]]:
    """(name, value, what it governs) for every setting and environment variable, for ``doctor``."""
    rows = [(s.name, f"{s.value:,}" if isinstance(s.value, int) else str(s.value), s.governs) for s in SETTINGS]
    rows += [(f"${e.name}", e.default or "(unset)", e.meaning) for e in ENVIRONMENT]
    return rows
