"""Grade one submission of one exercise: the hidden suite in this process, the student's code in a child.

``judge_source`` is the entry point; it never raises for anything a student
did. Its result is one ``TestResult`` per hidden test of the exercise.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from grader.determinism import configure_judge
from grader.errors import StudentError, StudentStartError, StudentTimeoutError
from grader.exercise import Exercise, needs_tensorflow
from grader.judge_plugin import JudgePlugin
from grader.notebook_source import MAX_NOTES, NOTEBOOK_MODULE_MARK, NOTES_FUNCTION, notebook_name
from grader.outcomes import Outcome, TestResult
from grader.paths import KIT_ROOT
from grader.proxy import StudentProxy
from grader.sandbox import Isolation
from grader.scoring import score_all_as, score_cases
from grader.session import StudentSession
from grader.spawn import ColdSpawner, default_spawner

__all__ = ["judge_source", "judge_submission", "run_tests", "student_session"]

PYTEST_ARGS = [
    "-p", "no:terminal",
    "-p", "no:cacheprovider",
    "-p", "no:randomly",
    "-p", "no:unraisableexception",  # its gc.collect() at every exit costs ~0.5 s with TensorFlow loaded
    "-p", "no:threadexception",
    "--assert=plain",
    "--import-mode=importlib",
    "-c", os.devnull,
    "--rootdir", str(KIT_ROOT),
]  # fmt: skip


@contextmanager
def student_session(exercise: Exercise, source: str, isolation: Isolation | None = None) -> Iterator[StudentSession]:
    """A private working folder holding ``source`` as the student's file, and its session."""
    configure_judge()
    if str(KIT_ROOT) not in sys.path:  # hidden tests may import datasets/
        sys.path.insert(0, str(KIT_ROOT))
    with tempfile.TemporaryDirectory(prefix="grader-") as scratch_name:
        scratch = Path(scratch_name)
        spawner = ColdSpawner(isolation) if isolation is not None else default_spawner()
        spawner.prepare(keras=needs_tensorflow(exercise, source))
        workdir = spawner.workdir(scratch)
        (workdir / exercise.student_file).write_text(source, encoding="utf-8")
        session = StudentSession(
            workdir=workdir,
            student_file=exercise.student_file,
            module=exercise.module_name,
            limits=exercise.limits,
            spawner=spawner,
            scratch=scratch,
        )
        try:
            yield session
        finally:
            session.close()


def run_tests(
    paths: list[Path],
    student: object,
    first_loss_ends: bool = False,
    run_first: tuple[str, ...] = (),
    catchers: tuple[str, ...] = (),
) -> JudgePlugin:
    """Run pytest on ``paths`` in this process with ``student`` as the fixture.

    ``first_loss_ends``: stop at the first test that does not pass, once every test function
    named in ``catchers`` has run; the tests after it leave no result. ``run_first``: test
    functions to run before the others, in this order (the rest keep theirs).

    Ctrl-C stops pytest half-way; it is raised again here, so nothing of this
    submission is recorded and the next run grades it again.
    """
    plugin = JudgePlugin(student, run_first, first_loss_ends, catchers)
    try:
        pytest.main([*map(str, paths), *PYTEST_ARGS], plugins=[plugin])
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # pytest itself broke, or a hidden test called sys.exit
        plugin.collection_errors.append(f"pytest stopped: {type(exc).__name__}: {exc}")
    if plugin.interrupted:
        raise KeyboardInterrupt
    return plugin


def judge_source(exercise: Exercise, source: str, isolation: Isolation | None = None) -> list[TestResult]:
    """Run the hidden suite of ``exercise`` against ``source`` (the student's file as text)."""
    return judge_submission(exercise, source, isolation)[0]


def _notebook_notes(session: StudentSession, source: str) -> list[str]:
    """What a notebook module recorded while its cells ran (cells that raised); plain strings only."""
    if not source.startswith(NOTEBOOK_MODULE_MARK):
        return []
    try:
        notes = session.call(NOTES_FUNCTION, (), {})
    except StudentError:
        return []
    if not isinstance(notes, list):
        return []
    return [note[:400] for note in notes[:MAX_NOTES] if isinstance(note, str)]


def _as_notebook(message: str, exercise: Exercise, source: str) -> str:
    """A load error of a notebook module names the notebook, not the module made from it."""
    name = notebook_name(source)
    prefix = f"{exercise.student_file} "
    return f"{name} {message[len(prefix) :]}" if name and message.startswith(prefix) else message


def judge_submission(
    exercise: Exercise,
    source: str,
    isolation: Isolation | None = None,
    first_loss_ends: bool = False,
    run_first: tuple[str, ...] = (),
    catchers: tuple[str, ...] = (),
) -> tuple[list[TestResult], list[str]]:
    """``judge_source``, plus the notes a notebook left while loading (e.g. "cell 7, line 3: ...").

    ``first_loss_ends`` stops the hidden suite at its first lost point once every test in
    ``catchers`` has run (``validate --quick``); ``run_first`` names test functions to run
    before the others (there: the mutant's catchers, then the cheapest).
    """
    with student_session(exercise, source, isolation) as session:
        try:
            session.ensure_loaded()
        except StudentTimeoutError as exc:
            return score_all_as(exercise, Outcome.TIMED_OUT, exc.message), []
        except StudentStartError as exc:  # the machine's problem: this submission only, the run goes on
            return score_all_as(exercise, Outcome.GRADER_ERROR, exc.message), []
        except StudentError as exc:  # syntax error, exception at import, process ended
            message = _as_notebook(exc.message, exercise, source)
            return score_all_as(exercise, Outcome.NOT_LOADED, message, exc.details), []
        notes = _notebook_notes(session, source)
        plugin = run_tests([exercise.hidden_dir], StudentProxy(session), first_loss_ends, run_first, catchers)
    if plugin.collection_errors:
        return score_all_as(exercise, Outcome.GRADER_ERROR, "; ".join(plugin.collection_errors)[:1000]), notes
    return score_cases(exercise, plugin.finished_cases()), notes
