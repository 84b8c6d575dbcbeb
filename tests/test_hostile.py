"""The hostile corpus (tests/hostile/): every attack is contained; see docs/SECURITY.md."""

from __future__ import annotations

import dataclasses
import os
import socket
import uuid
from pathlib import Path

import pytest

from grader.exercise import Limits, load_exercises
from grader.judge import judge_source
from grader.limits import cgroups_problem
from grader.outcomes import Outcome
from grader.paths import KIT_ROOT
from grader.sandbox import active_isolation, isolation_problem
from grader.store import Store

CORPUS = Path(__file__).parent / "hostile"
LIMITS = Limits(call_seconds=3, submission_seconds=20, memory_mb=1024)
KERAS_LIMITS = Limits(call_seconds=30, submission_seconds=120, memory_mb=2048)


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
    if needs == "cgroups" and cgroups_problem():
        pytest.skip(f"needs cgroups: {cgroups_problem()}")
    exercise = load_exercises()[spec["exercise"]]
    limits = KERAS_LIMITS if exercise.id == "01_neuron" else LIMITS
    if "call_seconds" in spec:
        limits = dataclasses.replace(limits, call_seconds=float(spec["call_seconds"]))
    exercise = dataclasses.replace(exercise, limits=limits)

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
    )
    try:
        results = judge_source(exercise, source)
    finally:
        listener.close()

    allowed = {Outcome(o) for o in _listed(spec["outcomes"])}
    passes = _listed(spec.get("passes", ""))
    for result in results:
        assert result.outcome in allowed, f"{result.test}: {result.outcome.value}: {result.message}"
        assert result.message.strip() or result.outcome is Outcome.PASSED, f"{result.test} has no reason"
        assert "\n" not in result.message, f"{result.test}: the reason must be one line"
        if result.test in passes:
            assert result.outcome is Outcome.PASSED, f"{result.test} is honest and must pass: {result.message}"
        else:
            assert result.points == 0, f"{result.test} earned points by cheating"
    failing = [r for r in results if r.outcome is not Outcome.PASSED]
    if "message" in spec:
        assert any(spec["message"] in r.message for r in failing), [r.message for r in failing]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before, "the results folder was changed"
    assert not _running_with(marker), "a process outlived the grading"
    assert not any(Path("/tmp").glob("pwned*")), "code in a model file ran in the judge"


def test_corpus_covers_the_attacks():
    names = {p.stem for p in CORPUS.glob("*.py")}
    assert len(names) >= 20
    assert all("exercise" in header(CORPUS / f"{name}.py") for name in names)


def test_doctor_isolation_mode_is_reported():
    isolation = active_isolation()
    assert isolation.describe()
    if os.environ.get("CI") and os.geteuid() == 0:
        assert isolation.name == "bubblewrap", f"CI must run the corpus under bubblewrap: {isolation_problem()}"
