"""How a student process is started and confined.

An ``Isolation`` turns the child's command line into the one actually run.
Resource limits are set by the child script itself before it loads student code
(they travel in its command line, see ``grader/child.py``). ``ProcessIsolation`` is the baseline:
a separate process in its own session (so the whole group can be killed), a
private working folder, a scrubbed environment and resource limits. Stronger
isolation (bubblewrap, namespaces) plugs in as another ``Isolation``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

__all__ = ["Isolation", "ProcessIsolation", "active_isolation"]


class Isolation(Protocol):
    name: str

    def command(self, argv: list[str], workdir: Path) -> list[str]:
        """The command line that runs ``argv`` confined to ``workdir``."""

    def describe(self) -> str:
        """One line for ``python -m grader doctor``."""


@dataclass
class ProcessIsolation:
    """A separate process with resource limits; no file-system or network confinement."""

    name: str = "process"

    def command(self, argv: list[str], workdir: Path) -> list[str]:
        return argv

    def describe(self) -> str:
        return (
            "process isolation: a separate process per submission with limits (no file-system or network confinement)"
        )


def active_isolation() -> ProcessIsolation:
    """The isolation the grader uses on this machine."""
    return ProcessIsolation()
