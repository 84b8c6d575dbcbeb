"""The ``student`` object hidden tests see: attribute access becomes a call in the child."""

from __future__ import annotations

from typing import Any

from grader.session import StudentSession
from grader.testing import HYPOTHESIS_PROBES

__all__ = ["StudentProxy"]


class StudentProxy:
    """``student.dense_forward(X, W, b)`` runs ``dense_forward`` in the student's process.

    Only plain data comes back (see ``grader.wire``). Names are not checked here:
    calling a name the student did not define raises ``StudentLoadError``.
    ``_returned`` counts the answers handed to hidden tests, so the judge knows
    whether a test that broke had student data in hand.
    """

    def __init__(self, session: StudentSession) -> None:
        self._session = session
        self._returned = 0

    def __getattr__(self, name: str) -> Any:
        if name.startswith(("_", "hypothesis_")) or name in HYPOTHESIS_PROBES:
            raise AttributeError(name)  # Hypothesis probes a test's arguments for these; they are never the student's
        session = self._session

        def call(*args: Any, **kwargs: Any) -> Any:
            value = session.call(name, args, kwargs)
            self._returned += 1
            return value

        call.__name__ = name
        return call

    def __repr__(self) -> str:
        return f"<student {self._session.student_file}>"
