"""``validate`` names every way a hidden test module keeps state for the next submission."""

from __future__ import annotations

import textwrap

import pytest
from conftest import run_with_solutions

from grader.authoring.kept_state import kept_state_problems
from grader.exercise import load_exercises

KEEPS = {
    "functools_cache": "import functools\n\n@functools.cache\ndef _table():\n    return [1]\n",
    "lru_cache_call": "from functools import lru_cache\n\n@lru_cache(maxsize=None)\ndef _table():\n    return [1]\n",
    "dict_write": "_data = {}\n\ndef _inputs():\n    _data['x'] = 1\n    return _data\n",
    "nested_write": "_data = {'a': {}}\n\ndef test_x(student):\n    _data['a']['b'] = student.f()\n",
    "list_append": "_seen = []\n\ndef test_x(student):\n    _seen.append(student)\n",
    "global_rebind": "_last = None\n\ndef test_x(student):\n    global _last\n    _last = student.f()\n",
    "module_generator": "import numpy as np\nRNG = np.random.default_rng(0)\n\ndef test_x(s):\n    s.f(RNG.normal())\n",
    "attribute_write": "import types\n_box = types.SimpleNamespace()\n\ndef test_x(student):\n    _box.value = 1\n",
}

CLEAN = textwrap.dedent("""
    import numpy as np
    from grader.testing import once_per_judge, once_per_submission

    SIZES = [1, 2]
    SEED = int(np.random.default_rng(0).integers(10))  # a number, not a generator

    @once_per_judge
    def _table():
        return np.zeros(3)

    def test_x(student):
        X = _table().copy()
        X[0] = 1.0  # a local copy
        SIZES_LOCAL = list(SIZES)
        SIZES_LOCAL.append(3)
        result = {}
        result["a"] = once_per_submission(student, "fit", student.fit)

    def _shadow(_data):
        _data["x"] = 1  # an argument, not the module's
""")


@pytest.mark.parametrize("name", sorted(KEEPS))
def test_each_way_of_keeping_state_is_named_with_its_line(tmp_path, name):
    path = tmp_path / "test_hidden_toy.py"
    path.write_text(KEEPS[name], encoding="utf-8")
    problems = kept_state_problems([path])
    assert problems, name
    assert all(p.startswith("test_hidden_toy.py:") and "@once_per_judge" in p for p in problems), problems


def test_once_per_judge_locals_and_arguments_are_not_flagged(tmp_path):
    path = tmp_path / "test_hidden_toy.py"
    path.write_text(CLEAN, encoding="utf-8")
    assert kept_state_problems([path]) == []


def test_a_file_that_does_not_parse_is_one_line(tmp_path):
    path = tmp_path / "test_hidden_toy.py"
    path.write_text("def test_x(student):\n    return (\n", encoding="utf-8")
    (problem,) = kept_state_problems([path])
    assert problem.startswith("test_hidden_toy.py:") and "not valid Python" in problem


def test_the_kit_s_hidden_tests_keep_nothing_else():
    for exercise in load_exercises().values():
        assert kept_state_problems(exercise.hidden_files) == [], exercise.id


def test_validate_fails_the_exercise_and_names_the_line(tmp_path):
    """Through the command line, on a toy exercise (in a solutions folder outside the kit) whose hidden test
    keeps the student's answer."""
    folder = tmp_path / "15_toy"
    (folder / "hidden").mkdir(parents=True)
    (folder / "exercise.toml").write_text(
        'title = "Toy"\nstudent_file = "toy.py"\nnames = ["double"]\n\n[points]\ntest_double = 2\n'
    )
    (folder / "toy.py").write_text("def double(x):\n    ### BEGIN SOLUTION\n    return 2 * x\n    ### END SOLUTION\n")
    hidden = "_answers = {}\n\ndef test_double(student):\n    _answers['two'] = student.double(2)\n"
    (folder / "hidden" / "test_hidden.py").write_text(hidden)
    (folder / "README.md").write_text("# Toy\n")
    (folder / "test_public.py").write_text("")
    result = run_with_solutions(tmp_path, ["-m", "grader", "validate", "15_toy", "--quick"])
    assert result.returncode == 1, result.stderr
    (line,) = [line for line in result.stdout.splitlines() if "keep nothing between submissions" in line]
    assert (
        line.strip().startswith("FAIL")
        and "test_hidden.py:4: test_double() writes into module-level `_answers`" in line
    )
