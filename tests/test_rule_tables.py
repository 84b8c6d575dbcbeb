"""Rule tables (``solutions/<id>/RULES.md``) name only real hidden tests, and name every one of them."""

from __future__ import annotations

import dataclasses
import shutil

import pytest

from grader.exercise import hidden_test_names, load_exercises
from grader.validate import RULE_TABLE, alternatives, rule_table_problems

EXERCISES = load_exercises()
WITH_TABLE = sorted(i for i, e in EXERCISES.items() if (e.folder / RULE_TABLE).is_file())
WITH_ALTERNATIVES = sorted(i for i, e in EXERCISES.items() if alternatives(e))


@pytest.mark.parametrize("exercise_id", WITH_TABLE)
def test_rule_table_matches_hidden_tests(exercise_id):
    assert rule_table_problems(EXERCISES[exercise_id]) == []


@pytest.mark.parametrize("exercise_id", WITH_ALTERNATIVES)
def test_at_least_three_alternatives(exercise_id):
    assert len(alternatives(EXERCISES[exercise_id])) >= 3


def test_renamed_and_missing_tests_are_reported(tmp_path):
    exercise = EXERCISES["01_neuron"]
    shutil.copytree(exercise.hidden_dir, tmp_path / "hidden")
    table = (exercise.folder / RULE_TABLE).read_text(encoding="utf-8")
    (tmp_path / RULE_TABLE).write_text(table.replace("`test_neuron_returns_python_float`", "`test_gone`"))
    problems = rule_table_problems(dataclasses.replace(exercise, folder=tmp_path))
    assert problems == [
        f"{RULE_TABLE} names tests that do not exist: test_gone",
        f"hidden tests missing from {RULE_TABLE}: test_neuron_returns_python_float",
    ]


def test_prefix_names_cover_every_matching_test(tmp_path):
    exercise = EXERCISES["01_neuron"]
    shutil.copytree(exercise.hidden_dir, tmp_path / "hidden")
    names = " ".join(f"`{n}`" for n in sorted(hidden_test_names(exercise)) if not n.startswith("test_keras"))
    (tmp_path / RULE_TABLE).write_text(f"| rule | tests |\n|---|---|\n| x | {names} `test_keras_dense_*` |\n")
    assert rule_table_problems(dataclasses.replace(exercise, folder=tmp_path)) == []
    (tmp_path / RULE_TABLE).write_text(f"| rule | tests |\n|---|---|\n| x | {names} `test_keras_nothing_*` |\n")
    assert rule_table_problems(dataclasses.replace(exercise, folder=tmp_path))[0].endswith("test_keras_nothing_*")
