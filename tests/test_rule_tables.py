"""Rule markers ``[Rn]`` in each task text and the rule tables (``solutions/<id>/RULES.md``) agree.

Every marked rule has a row naming hidden tests that exist; every row's rule is marked; every
hidden test is named somewhere in the table. The checks run on every exercise and on a small
made-up exercise where each kind of disagreement is planted.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from grader.exercise import load_exercises
from grader.validate import RULE_TABLE, alternatives, rule_markers, rule_table_problems

EXERCISES = load_exercises()
WITH_ALTERNATIVES = sorted(i for i, e in EXERCISES.items() if alternatives(e))

HIDDEN = """
def test_shape(student):
    pass


def test_values_small(student):
    pass


def test_values_large(student):
    pass
"""

TASK = """# 99 · made up

Each rule marked [R1], [R2], … is checked by hidden tests.

The output has shape `(n, 1)` [R1]. Values are `x + 1` [R2].

```python
f(x)  # [R9] inside a code block is no marker
```

Inline `[R8]` is no marker either.
"""

TABLE = """# 99: rules

| rule | quoted from README.md | hidden test(s) |
|---|---|---|
| R1 | "shape `(n, 1)`" | `test_shape` |
| R2 | "values are `x + 1` \\| exact" | `test_values_*` |
| - | advice, not a rule | the loops alternative |
"""


def _made_up(tmp_path: Path, task: str = TASK, table: str | None = TABLE):
    (tmp_path / "hidden").mkdir()
    (tmp_path / "hidden" / "test_hidden_x.py").write_text(HIDDEN)
    (tmp_path / "README.md").write_text(task)
    if table is not None:
        (tmp_path / RULE_TABLE).write_text(table)
    return dataclasses.replace(EXERCISES["01_neuron"], folder=tmp_path)


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_every_exercise_marks_its_rules_and_tests_them(exercise_id):
    assert rule_table_problems(EXERCISES[exercise_id]) == []


@pytest.mark.parametrize("exercise_id", WITH_ALTERNATIVES)
def test_at_least_two_alternatives(exercise_id):
    assert len(alternatives(EXERCISES[exercise_id])) >= 2


def test_markers_outside_code_only():
    assert rule_markers(TASK) == ["R1", "R2"]


def test_agreeing_task_and_table_have_no_problems(tmp_path):
    assert rule_table_problems(_made_up(tmp_path)) == []


def test_missing_table_is_reported(tmp_path):
    assert rule_table_problems(_made_up(tmp_path, table=None))[0].startswith(f"{RULE_TABLE} is missing")


def test_unmarked_task_is_reported(tmp_path):
    problems = rule_table_problems(_made_up(tmp_path, task=TASK.replace(" [R1]", "").replace(" [R2]", "")))
    assert problems[0].startswith("README.md marks no rule")


def test_marker_without_row_and_row_without_marker(tmp_path):
    problems = rule_table_problems(_made_up(tmp_path, task=TASK.replace("1` [R2]", "1` [R3]")))
    assert problems == [
        f"rules marked in README.md with no row in {RULE_TABLE}: R3",
        f"{RULE_TABLE} rows with no marker in README.md: R2",
    ]


def test_rule_whose_row_names_no_test(tmp_path):
    table = TABLE.replace("`test_shape`", "checked by eye") + "| R3 | more | `test_shape` |\n"
    problems = rule_table_problems(_made_up(tmp_path, task=TASK + "\nMore [R3].\n", table=table))
    assert problems == ["rules with no hidden test: R1 (write a test, name it in RULES.md)"]


def test_marked_twice(tmp_path):
    problems = rule_table_problems(_made_up(tmp_path, task=TASK + "\nAgain [R1].\n"))
    assert problems == ["README.md marks R1 more than once"]


def test_renamed_and_unnamed_tests_are_reported(tmp_path):
    problems = rule_table_problems(_made_up(tmp_path, table=TABLE.replace("`test_shape`", "`test_gone`")))
    assert problems == [
        f"{RULE_TABLE} names tests that do not exist: test_gone",
        f"hidden tests missing from {RULE_TABLE}: test_shape",
        "rules with no hidden test: R1 (write a test, name it in RULES.md)",
    ]


def test_prefix_that_matches_nothing_is_reported(tmp_path):
    problems = rule_table_problems(_made_up(tmp_path, table=TABLE.replace("`test_values_*`", "`test_value_x*`")))
    assert problems[0] == f"{RULE_TABLE} names tests that do not exist: test_value_x*"


def test_row_without_rule_id(tmp_path):
    problems = rule_table_problems(_made_up(tmp_path, table=TABLE.replace("| R1 |", "| shape |")))
    assert problems[0].startswith(f"1 rows of {RULE_TABLE} do not start with a rule id")
