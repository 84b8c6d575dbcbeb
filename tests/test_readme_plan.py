"""The README's table of exercises says what each exercise.toml says: level, minutes, points."""

from __future__ import annotations

import re

from grader.exercise import load_exercises
from grader.gradebook import format_points
from grader.paths import KIT_ROOT

ROW = re.compile(
    r"^\| `(?P<id>\d\d_[a-z0-9_]+)` \|.*\| (?P<level>core|optional) \| (?P<minutes>\d+) \| (?P<points>[\d.]+) \|$"
)


def _rows() -> dict[str, tuple[str, int, str]]:
    text = (KIT_ROOT / "README.md").read_text(encoding="utf-8")
    return {
        m["id"]: (m["level"], int(m["minutes"]), m["points"])
        for m in (ROW.match(line) for line in text.splitlines())
        if m
    }


def test_every_exercise_has_a_true_row():
    rows = _rows()
    exercises = {id_: ex for id_, ex in load_exercises().items() if not ex.draft}
    assert sorted(rows) == sorted(exercises), "README.md's exercise table lists other exercises than solutions/"
    wrong = [
        f"{id_}: README says {rows[id_]}, exercise.toml says {(ex.level, ex.minutes, format_points(ex.max_points))}"
        for id_, ex in exercises.items()
        if rows[id_] != (ex.level, ex.minutes, format_points(ex.max_points))
    ]
    assert not wrong, "\n".join(wrong)


def test_the_core_path_fits_a_two_day_workshop():
    core = sum(ex.minutes for ex in load_exercises().values() if ex.level == "core" and not ex.draft)
    assert 0 < core <= 480, f"the core exercises take {core} minutes; a 2-day workshop has at most 480"
    text = (KIT_ROOT / "README.md").read_text(encoding="utf-8")
    assert f"{core // 60} h {core % 60:02d} min" in text or f"{core // 60} h {core % 60} min" in text
