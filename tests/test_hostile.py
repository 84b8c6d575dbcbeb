"""The hostile corpus (tests/hostile/): every attack is contained; see docs/SECURITY.md."""

from __future__ import annotations

import csv
import dataclasses
import io
import os
import signal
import socket
import threading
import time
import uuid
from pathlib import Path

import pytest

from grader.exercise import ExerciseLimits, load_exercises, needs_tensorflow
from grader.gradebook import format_points, write_gradebook
from grader.judge import judge_source
from grader.outcomes import Outcome
from grader.paths import KIT_ROOT
from grader.pipeline import grade
from grader.progress import progress_reporter
from grader.reports import write_reports
from grader.sandbox import active_isolation, isolation_problem
from grader.spawn import ZygoteSpawner, default_spawner, limit_rows
from grader.store import Store
from grader.validate import reference_source

CORPUS = Path(__file__).parent / "hostile"
# A submission's limit is short here (the product's default is longer): seven attacks run into it on purpose,
# and each second of it is a second of every suite run. An attack that needs longer says so in its header.
LIMITS = ExerciseLimits(call_seconds=1.5, submission_seconds=5, memory_mb=1024)
KERAS_LIMITS = ExerciseLimits(call_seconds=30, submission_seconds=120, memory_mb=2048)


def header(path: Path) -> dict[str, str]:
    fields = {}
    for line in path.read_text().splitlines():
        if not line.startswith("# ") or ":" not in line:
            break
        key, _, value = line[2:].partition(":")
        fields[key.strip()] = value.strip()
    return fields


def _listed(text: str) -> set[str]:
    return {item.strip() for item in text.split(",") if item.strip()}


def _running_with(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


@pytest.mark.slow
@pytest.mark.parametrize("attack", sorted(p.name for p in CORPUS.glob("*.py")))
def test_attack_is_contained(attack, tmp_path):
    path = CORPUS / attack
    spec = header(path)
    needs = spec.get("needs", "")
    if needs == "sandbox" and isolation_problem():
        pytest.skip(f"needs bubblewrap: {isolation_problem()}")
    missing = [f"{name}: {how}" for name, how in limit_rows() if name in ("memory", "tasks") and how.startswith("NOT")]
    if needs == "limits" and missing:
        pytest.skip(f"needs limits on memory and tasks: {'; '.join(missing)}")
    exercise = load_exercises()[spec["exercise"]]
    limits = KERAS_LIMITS if exercise.id == "01_neuron" else LIMITS
    for limit in ("call_seconds", "submission_seconds"):
        if limit in spec:
            limits = dataclasses.replace(limits, **{limit: float(spec[limit])})
    exercise = dataclasses.replace(exercise, limits=limits)

    spawner = default_spawner()
    if isinstance(spawner, ZygoteSpawner):
        spawner.prepare(keras=needs_tensorflow(exercise, path.read_text()))
        spawner.warm()  # its start-up (importing TensorFlow) is not the submission's time
    out = tmp_path / "results"
    store = Store(out / "results.sqlite")
    store.close()
    (out / "gradebook.csv").write_text("student,total\nann,1\n")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    listener = socket.create_server(("127.0.0.1", 0))
    marker = f"98{uuid.uuid4().int % 10**8}"
    source = (
        path.read_text()
        .replace("{{KIT_ROOT}}", str(KIT_ROOT))
        .replace("{{OUT}}", str(out))
        .replace("{{PORT}}", str(listener.getsockname()[1]))
        .replace("{{MARKER}}", marker)
        .replace("{{PWNED}}", str(tmp_path / f"pwned-{marker}"))
    )
    started = time.monotonic()
    try:
        results = judge_source(exercise, source)
    finally:
        listener.close()
    judge_seconds = time.monotonic() - started

    allowed = {Outcome(o) for o in _listed(spec["outcomes"])}
    passes = _listed(spec.get("passes", ""))
    for result in results:
        # a hidden test the attack's file was not written for (it defines too little) scores 0 as well
        undefined = result.outcome is Outcome.NOT_LOADED and "does not define" in result.message
        undefined = undefined or result.outcome is Outcome.FAILED and "left no result" in result.message
        assert result.outcome in allowed or undefined, f"{result.test}: {result.outcome.value}: {result.message}"
        assert result.message.strip() or result.outcome is Outcome.PASSED, f"{result.test} has no reason"
        assert "\n" not in result.message, f"{result.test}: the reason must be one line"
        if result.test in passes:
            assert result.outcome is Outcome.PASSED, f"{result.test} is honest and must pass: {result.message}"
        else:
            assert result.points == 0, f"{result.test} earned points by cheating"
    failing = [r for r in results if r.outcome is not Outcome.PASSED]
    if "message" in spec:
        assert any(spec["message"] in r.message for r in failing), [r.message for r in failing]
    if "never in a message" in spec:  # e.g. the name of an exception the judge must not let through
        assert not any(spec["never in a message"] in r.message for r in results), [r.message for r in results]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before, "the results folder was changed"
    assert not _running_with(marker), "a process outlived the grading"
    assert not any(tmp_path.glob("pwned*")), "code in a model file ran in the judge"
    if "judge_seconds" in spec:
        assert judge_seconds < float(spec["judge_seconds"]), f"the judge took {judge_seconds:.0f} s"
    _record_as_the_pipeline_does(results, tmp_path / "records", exercise)
    if isinstance(spawner, ZygoteSpawner) and spawner.process is not None:
        assert spawner.healthy(), "the student reached the warm zygote (stopped, traced or its rlimits changed)"


def _record_as_the_pipeline_does(results, folder, exercise):
    """Whatever a submission's results hold, the store, the gradebook and the reports take them."""
    store = Store(folder / "results.sqlite")
    try:
        store.save("hostile", exercise.id, results, "digest", "suite", exercise.student_file, 1.0)
        write_gradebook(folder / "gradebook.csv", ["hostile"], [exercise.id], store.scores())
        write_reports(folder, store, ["hostile"], [exercise], 1.0, 1)
    finally:
        store.close()
    assert (folder / "results.csv").read_text(encoding="utf-8").count("\n") == 1 + len(results)


def test_corpus_covers_the_attacks():
    names = {p.stem for p in CORPUS.glob("*.py")}
    assert len(names) >= 20
    assert all("exercise" in header(CORPUS / f"{name}.py") for name in names)


def test_doctor_isolation_mode_is_reported():
    isolation = active_isolation()
    assert isolation.describe().startswith(isolation.name), "doctor's line must name the isolation in force"
    if os.environ.get("CI") and os.geteuid() == 0:
        assert isolation.name == "bubblewrap", f"CI must run the corpus under bubblewrap: {isolation_problem()}"


# -- the records and the run (classes 3 and 4 of the judge's own attack surface) ------------------

NAMED_EXERCISE = "02_linear_collapse"
FORMULA_NAMES = ['=HYPERLINK("example.invalid","x")', "+1+2", "-1+2", "@SUM(A1)", "\tx"]  # no "/" in a folder name
MARKUP_NAME = "[bold red]x[link=file:etc]y:smile:"
NOT_UTF8_NAME = b"\xff\xfe-student"


def _hand_in(submissions: Path, student: str | bytes, source: str) -> None:
    folder = os.path.join(os.fsencode(submissions), os.fsencode(student), NAMED_EXERCISE.encode())
    os.makedirs(folder)
    student_file = load_exercises()[NAMED_EXERCISE].student_file
    with open(os.path.join(folder, student_file.encode()), "w", encoding="utf-8") as handle:
        handle.write(source)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.slow
def test_hostile_names_and_messages_are_recorded_literally(tmp_path):
    """Formula names, rich markup, a folder name that is not UTF-8 and messages with lone surrogates."""
    submissions, out = tmp_path / "SUBMISSIONS", tmp_path / "out"
    hostile = (CORPUS / "judge_surrogate_message.py").read_text()
    _hand_in(submissions, "ann", reference_source(load_exercises()[NAMED_EXERCISE]))
    for name in [*FORMULA_NAMES, MARKUP_NAME, NOT_UTF8_NAME]:
        _hand_in(submissions, name, hostile)
    terminal = _Terminal()
    with progress_reporter(terminal) as report:
        grade(submissions, [NAMED_EXERCISE], out, report=report)

    with open(out / "gradebook.csv", encoding="utf-8", newline="") as handle:
        rows = {row[0]: row for row in csv.reader(handle)}
    full = rows["ann"][-1]
    for name in FORMULA_NAMES:
        assert "'" + name in rows, f"{name!r} is not escaped in gradebook.csv: {sorted(rows)}"
    not_utf8 = os.fsdecode(NOT_UTF8_NAME).encode("utf-8", "backslashreplace").decode()
    points = load_exercises()[NAMED_EXERCISE].points
    honest = format_points(sum(p for test, p in points.items() if test.startswith("test_stack_forward")))
    for name in ["'" + n for n in FORMULA_NAMES] + [MARKUP_NAME, not_utf8]:
        assert rows[name][-1] == honest, f"{name!r}: the honest stack_forward earns {honest} points, got {rows[name]}"
    assert float(full) == sum(load_exercises()[NAMED_EXERCISE].points.values())
    with open(out / "results.csv", encoding="utf-8", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))], "a formula cell in results.csv"
    assert any("\\ud800" in c for c in cells), "the lone surrogate is recorded as an escape"
    assert MARKUP_NAME in terminal.getvalue(), "rich markup in a name was interpreted"


@pytest.mark.slow
def test_ctrl_c_while_a_test_waits_records_nothing(tmp_path):
    """Ctrl-C while a hidden test waits on a student: the run stops, the submission stays ungraded."""
    submissions, out = tmp_path / "SUBMISSIONS", tmp_path / "out"
    _hand_in(submissions, "ann", reference_source(load_exercises()[NAMED_EXERCISE]))
    _hand_in(submissions, "zed", (CORPUS / "judge_interrupt_wait.py").read_text())
    timers = []

    def press_ctrl_c_soon(progress):  # after ann is saved, while zed is graded (its calls sleep, 20 s limit each)
        timers.append(threading.Timer(2.0, os.kill, (os.getpid(), signal.SIGINT)))
        timers[-1].start()

    try:
        with pytest.raises(KeyboardInterrupt):
            grade(submissions, [NAMED_EXERCISE], out, report=press_ctrl_c_soon)
    finally:
        for timer in timers:
            timer.cancel()
    store = Store(out / "results.sqlite")
    try:
        assert store.digests("ann", NAMED_EXERCISE) is not None
        assert store.digests("zed", NAMED_EXERCISE) is None, "an interrupted submission was recorded"
        assert store.results("zed", NAMED_EXERCISE) == []
    finally:
        store.close()
    assert not (out / "gradebook.csv").exists()
