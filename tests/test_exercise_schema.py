"""exercise.toml read against its schema; drafts and exercises failing the cheap checks stay out of grade."""

import shutil

import pytest
from conftest import run_with_solutions

from grader.errors import ExerciseDefinitionError
from grader.exercise import gradable_exercises, load_exercise, select_exercises
from grader.paths import SOLUTIONS
from grader.validate import _names_check, defined_names

GOOD = """title = "Toy"
student_file = "toy.py"
names = ["double"]
{extra}
[points]
test_double = 2
{limits}
"""
HIDDEN = "def test_double(student):\n    assert student.double(2) == 4\n"


SOLUTION = "def double(x):\n    ### BEGIN SOLUTION\n    return 2 * x\n    ### END SOLUTION\n"


def _exercise(root, exercise_id="15_toy", extra="", limits="", hidden=HIDDEN, solution=SOLUTION):
    folder = root / exercise_id
    (folder / "hidden").mkdir(parents=True)
    (folder / "exercise.toml").write_text(GOOD.format(extra=extra, limits=limits), encoding="utf-8")
    (folder / "hidden" / "test_hidden.py").write_text(hidden, encoding="utf-8")
    (folder / "toy.py").write_text(solution, encoding="utf-8")
    return folder


def test_every_exercise_of_the_kit_fits_the_schema():
    for folder in sorted(p for p in SOLUTIONS.iterdir() if (p / "exercise.toml").exists()):
        exercise = load_exercise(folder)
        assert exercise.level in ("core", "optional") and isinstance(exercise.draft, bool)


def test_new_optional_keys_are_read(tmp_path):
    folder = _exercise(tmp_path, extra='draft = true\nlevel = "optional"\nminutes = 25\n')
    exercise = load_exercise(folder)
    assert (exercise.draft, exercise.level, exercise.minutes) == (True, "optional", 25)
    assert (load_exercise(_exercise(tmp_path, "16_toy")).draft, exercise.max_points) == (False, 2.0)


def test_hidden_facts_are_read(tmp_path):
    folder = _exercise(tmp_path, limits="[feedback]\nhidden_facts = ['\\b412\\b']\n")
    assert load_exercise(folder).hidden_facts == (r"\b412\b",)


@pytest.mark.parametrize(
    ("extra", "limits", "message"),
    [
        ("", "[limits]\ncall_secs = 3\n", "unknown key [limits] 'call_secs'; did you mean 'call_seconds'? allowed:"),
        ("titel = 'x'\n", "", "unknown key 'titel'; did you mean 'title'?"),
        ("draft = 'yes'\n", "", "draft must be a boolean"),
        ('level = "hard"\n', "", 'level must be "core" or "optional"'),
        ("minutes = -5\n", "", "minutes must be a positive integer"),
        ("", "[limits]\nmemory_mb = 1.5\n", "[limits] memory_mb must be a positive integer"),
        ("", "[limits]\ncall_seconds = 'ten'\n", "[limits] call_seconds must be a positive number"),
        ("", "[feedback]\nhidden_fact = []\n", "unknown key [feedback] 'hidden_fact'; did you mean 'hidden_facts'?"),
        ("", "[feedback]\nhidden_facts = ['(unclosed']\n", "[feedback] hidden_facts must be a list of valid regular"),
    ],
)
def test_bad_keys_are_one_line_errors_naming_file_and_key(tmp_path, extra, limits, message):
    folder = _exercise(tmp_path, extra=extra, limits=limits)
    with pytest.raises(ExerciseDefinitionError) as caught:
        load_exercise(folder)
    text = str(caught.value)
    assert f"{tmp_path.name}/15_toy/exercise.toml: " in text and message in text and "\n" not in text


def test_missing_required_key_and_bad_points(tmp_path):
    folder = _exercise(tmp_path)
    meta = folder / "exercise.toml"
    meta.write_text(meta.read_text().replace('student_file = "toy.py"\n', ""))
    with pytest.raises(ExerciseDefinitionError, match="the required key 'student_file' is missing"):
        load_exercise(folder)
    meta.write_text(GOOD.format(extra="", limits="").replace("test_double = 2", "test_double = 0"))
    with pytest.raises(ExerciseDefinitionError, match=r"\[points\] test_double must be a positive number"):
        load_exercise(folder)


def test_misspelt_key_is_exit_1_not_an_internal_error(tmp_path):
    _exercise(tmp_path, limits="[limits]\nmemory = 100\n")
    result = run_with_solutions(tmp_path, ["-m", "grader", "validate", "15_toy"])
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip().splitlines() == [
        f"error: {tmp_path.name}/15_toy/exercise.toml: unknown key [limits] 'memory'; did you mean 'memory_mb'? "
        "allowed: call_seconds, submission_seconds, memory_mb"
    ]


def test_drafts_and_exercises_failing_the_cheap_check_are_left_out_unless_named(tmp_path):
    _exercise(tmp_path, "15_ready")
    _exercise(tmp_path, "16_draft", extra="draft = true\n")
    _exercise(tmp_path, "17_unscored", hidden=HIDDEN + "\ndef test_hidden_without_points(student):\n    pass\n")
    _exercise(tmp_path, "18_ghost", hidden="def test_other(student):\n    pass\n")
    chosen, left_out = gradable_exercises(None, tmp_path)
    assert [e.id for e in chosen] == ["15_ready"]
    assert left_out == [
        "16_draft: left out, marked draft = true; grade it with --exercise 16_draft",
        "17_unscored: left out, fails validate (tests without points: test_hidden_without_points); "
        "fix it or grade it with --exercise 17_unscored",
        "18_ghost: left out, fails validate (tests without points: test_other; points for tests that do not "
        "exist: test_double); fix it or grade it with --exercise 18_ghost",
    ]
    named, none_left = gradable_exercises(["16_draft"], tmp_path)
    assert [e.id for e in named] == ["16_draft"] and none_left == []
    assert len(select_exercises(None, tmp_path)) == 4  # validate and build still see every exercise


def test_names_must_be_defined_by_solution_and_stub(tmp_path):
    folder = _exercise(tmp_path)
    meta = folder / "exercise.toml"
    meta.write_text(meta.read_text().replace('names = ["double"]', 'names = ["double", "triple"]'))
    check = _names_check(load_exercise(folder))
    assert not check.ok
    assert "the reference solution does not define triple; the stub does not define triple" in check.detail
    assert _names_check(load_exercise(_exercise(tmp_path, "16_toy"))).ok
    module = "import numpy as np\na, b = 1, 2\ndef f(): pass\nclass C: pass\n"
    assert {"a", "b", "f", "np", "C"} <= defined_names(module)


def test_kit_names_hold_for_every_exercise(exercises):
    bad = {e.id: _names_check(e).detail for e in exercises.values() if not _names_check(e).ok}
    assert not bad


def test_grader_solutions_points_the_grader_elsewhere(tmp_path):
    shutil.copytree(SOLUTIONS / "01_neuron", tmp_path / "01_neuron")
    result = run_with_solutions(
        tmp_path, ["-c", "from grader.exercise import load_exercises; print(list(load_exercises()))"], timeout=60
    )
    assert result.stdout.strip() == "['01_neuron']", result.stderr
