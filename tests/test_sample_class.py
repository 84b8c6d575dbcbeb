"""The bundled sample class: in step with the exercises, and graded as expected."""

import csv
import filecmp
import sqlite3
import subprocess
import sys

import pytest

from grader.exercise import load_exercises
from grader.paths import KIT_ROOT

EXAMPLES = KIT_ROOT / "examples"


def _tree(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_sample_class_is_what_the_script_writes(tmp_path):
    sys.path.insert(0, str(EXAMPLES))
    try:
        import make_sample_class
    finally:
        sys.path.remove(str(EXAMPLES))
    make_sample_class.write_class(tmp_path / "class")
    committed = EXAMPLES / "sample_class"
    assert _tree(tmp_path / "class") == _tree(committed)
    for name in _tree(committed):
        assert filecmp.cmp(tmp_path / "class" / name, committed / name, shallow=False), name


@pytest.mark.slow
def test_grading_the_sample_class_gives_the_expected_gradebook(tmp_path):
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "grader", "grade", str(EXAMPLES / "sample_class"), "--out", str(out), "-j", "2"],
        cwd=KIT_ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert result.returncode == 0, result.stderr
    assert f"Gradebook: {out / 'gradebook.csv'}" in result.stdout
    expected = (EXAMPLES / "expected_gradebook.csv").read_text()
    assert (out / "gradebook.csv").read_text() == expected

    db = sqlite3.connect(out / "results.sqlite")

    def outcomes(student, exercise):
        rows = db.execute(
            "SELECT outcome, message FROM results WHERE student = ? AND exercise = ?", (student, exercise)
        ).fetchall()
        return {outcome for outcome, _ in rows}, rows[0][1]

    assert outcomes("dave", "01_neuron")[0] == {"could not load"}
    assert "SyntaxError" in outcomes("dave", "01_neuron")[1]
    assert outcomes("heidi", "01_neuron") == ({"could not load"}, outcomes("heidi", "01_neuron")[1])
    assert "No module named 'numpyy'" in outcomes("heidi", "01_neuron")[1]
    assert "not a notebook" in outcomes("heidi", "04_losses")[1]
    assert outcomes("erin", "03_activations")[0] == {"missing"}
    assert outcomes("carol", "02_linear_collapse")[0] == {"error"}
    assert "is not written yet" in outcomes("carol", "02_linear_collapse")[1]

    # A second run grades nothing again: the files are unchanged.
    again = subprocess.run(
        [sys.executable, "-m", "grader", "grade", str(EXAMPLES / "sample_class"), "--out", str(out)],
        cwd=KIT_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    rows = list(csv.reader(expected.splitlines()))
    exercise_ids = list(load_exercises())
    assert rows[0] == ["student", *exercise_ids, "total"]
    cells = (len(rows) - 1) * len(exercise_ids)
    assert f"Graded 0 submissions ({cells} unchanged" in again.stdout, again.stdout
    assert (out / "gradebook.csv").read_text() == expected
    assert [row[0] for row in rows[1:]] == ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"]
    assert rows[1][-1] == str(sum(e.max_points for e in load_exercises().values())).removesuffix(".0"), "alice"
    assert rows[3][-1] == "0", "carol handed in untouched stubs"
