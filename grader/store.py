"""The results database (SQLite): one row per submission, one per hidden test.

Every write of a submission's results is one transaction, so an interrupted
run leaves either the whole submission or nothing.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from grader.errors import StoreError
from grader.outcomes import Outcome, TestResult
from grader.safe_text import storable  # every text kept or looked up is valid UTF-8

__all__ = ["Store", "storable"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS submissions (
    student TEXT NOT NULL,
    exercise TEXT NOT NULL,
    source_digest TEXT NOT NULL,
    suite_digest TEXT NOT NULL,
    file TEXT,
    score REAL NOT NULL,
    max_score REAL NOT NULL,
    seconds REAL NOT NULL,
    graded_at TEXT NOT NULL,
    PRIMARY KEY (student, exercise)
);
CREATE TABLE IF NOT EXISTS results (
    student TEXT NOT NULL,
    exercise TEXT NOT NULL,
    test TEXT NOT NULL,
    outcome TEXT NOT NULL,
    points REAL NOT NULL,
    max_points REAL NOT NULL,
    message TEXT NOT NULL,
    details TEXT NOT NULL,
    seconds REAL NOT NULL,
    artifacts TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (student, exercise, test)
);
CREATE TABLE IF NOT EXISTS notes (
    student TEXT NOT NULL,
    exercise TEXT NOT NULL,
    kind TEXT NOT NULL,  -- "file": which file was graded when there were several; "cell": a notebook cell raised
    text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    started_at TEXT NOT NULL,
    isolation TEXT NOT NULL  -- the line grade printed: the sandbox and each limit in force or not
);
"""


class Store:
    """Grading results kept in ``path``; safe to reopen after a crash."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=30)
            self._batched = False  # inside transaction(): saves share its one commit
            self._db.executescript(SCHEMA)
            self._db.execute("SELECT count(*) FROM submissions").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(str(path), f"cannot be used ({exc}); move it away or pass another --out folder") from None
        except OSError as exc:
            raise StoreError(str(path), f"cannot be created ({exc.strerror}); pass a writable --out folder") from None

    def close(self) -> None:
        self._db.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Saves made inside share one commit: all of them or none (e.g. every submission not handed in:
        one commit instead of one per submission, measured 1 s for 560 of them)."""
        try:
            with self._db:
                self._batched = True
                yield
        except sqlite3.DatabaseError as exc:
            raise StoreError(str(self.path), f"write failed ({exc})") from None
        finally:
            self._batched = False

    def record_run(self, isolation: str) -> None:
        """Note that a grading run starts under ``isolation`` (one line)."""
        with self._db:
            self._db.execute(
                "INSERT INTO runs VALUES (?, ?)", (time.strftime("%Y-%m-%dT%H:%M:%S%z"), storable(isolation))
            )

    def isolation(self) -> str:
        """The isolation of the last grading run, or "" when none was recorded."""
        row = self._db.execute("SELECT isolation FROM runs ORDER BY rowid DESC LIMIT 1").fetchone()
        return row[0] if row else ""

    def save(
        self,
        student: str,
        exercise: str,
        results: list[TestResult],
        source_digest: str,
        suite_digest: str,
        file: str | None,
        seconds: float | None = None,
        notes: Sequence[tuple[str, str]] = (),
    ) -> None:
        """Replace this submission's results and ``(kind, text)`` notes, atomically; ``seconds`` is the grading time."""
        score = sum(r.points for r in results)
        max_score = sum(r.max_points for r in results)
        seconds = sum(r.seconds for r in results) if seconds is None else seconds
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        student, exercise = storable(student), storable(exercise)
        file = None if file is None else storable(file)
        notes = [(storable(kind), storable(text)) for kind, text in notes]
        try:
            with contextlib.nullcontext() if self._batched else self._db:
                self._db.execute("DELETE FROM results WHERE student = ? AND exercise = ?", (student, exercise))
                self._db.execute("DELETE FROM notes WHERE student = ? AND exercise = ?", (student, exercise))
                self._db.executemany(
                    "INSERT INTO notes VALUES (?, ?, ?, ?)", [(student, exercise, k, t) for k, t in notes]
                )
                self._db.execute(
                    "INSERT OR REPLACE INTO submissions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (student, exercise, source_digest, suite_digest, file, score, max_score, seconds, stamp),
                )
                self._db.executemany(
                    "INSERT INTO results VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (
                            student,
                            exercise,
                            storable(r.test),
                            r.outcome.value,
                            r.points,
                            r.max_points,
                            storable(r.message),
                            storable(r.details),
                            r.seconds,
                            json.dumps(r.artifacts, allow_nan=False),
                        )
                        for r in results
                    ],
                )
        except sqlite3.DatabaseError as exc:
            raise StoreError(str(self.path), f"write failed ({exc})") from None

    def notes(self) -> dict[tuple[str, str], list[tuple[str, str]]]:
        """(student, exercise) -> [(kind, text), ...] in the order saved."""
        found: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for student, exercise, kind, text in self._db.execute(
            "SELECT student, exercise, kind, text FROM notes ORDER BY rowid"
        ):
            found.setdefault((student, exercise), []).append((kind, text))
        return found

    def digests(self, student: str, exercise: str) -> tuple[str, str] | None:
        row = self._db.execute(
            "SELECT source_digest, suite_digest FROM submissions WHERE student = ? AND exercise = ?",
            (storable(student), storable(exercise)),
        ).fetchone()
        return (row[0], row[1]) if row else None

    def scores(self) -> dict[tuple[str, str], float]:
        """(student, exercise) -> points."""
        rows = self._db.execute("SELECT student, exercise, score FROM submissions").fetchall()
        return {(student, exercise): score for student, exercise, score in rows}

    def results(self, student: str, exercise: str) -> list[TestResult]:
        rows = self._db.execute(
            "SELECT test, outcome, points, max_points, message, details, seconds, artifacts FROM results "
            "WHERE student = ? AND exercise = ? ORDER BY rowid",
            (storable(student), storable(exercise)),
        ).fetchall()
        return [TestResult(t, Outcome(o), p, m, msg, d, s, json.loads(a)) for t, o, p, m, msg, d, s, a in rows]

    def all_results(self) -> list[tuple[str, str, TestResult]]:
        """Every stored (student, exercise, result), in student, exercise and test order."""
        rows = self._db.execute(
            "SELECT student, exercise, test, outcome, points, max_points, message, details, seconds, artifacts "
            "FROM results ORDER BY student, exercise, rowid"
        ).fetchall()
        return [
            (student, exercise, TestResult(t, Outcome(o), p, m, msg, d, s, json.loads(a)))
            for student, exercise, t, o, p, m, msg, d, s, a in rows
        ]

    def submissions(self) -> list[dict[str, object]]:
        """Every graded submission: student, exercise, file, score, max_score, seconds, graded_at."""
        rows = self._db.execute(
            "SELECT student, exercise, file, score, max_score, seconds, graded_at FROM submissions "
            "ORDER BY student, exercise"
        ).fetchall()
        keys = ("student", "exercise", "file", "score", "max_score", "seconds", "graded_at")
        return [dict(zip(keys, row, strict=True)) for row in rows]
