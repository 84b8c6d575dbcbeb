"""``export grades``: Canvas and Moodle grade CSVs from the results database, with collect's mapping."""

import csv
import zipfile

import pytest

from grader import outcomes
from grader.cli import main
from grader.collect import MAPPING_FILE, collect, read_mapping
from grader.errors import GraderError
from grader.exports.lms_grades import write_lms_grades
from grader.safe_text import csv_cell, csv_value
from grader.store import Store


def _results(out, scores):
    store = Store(out / "results.sqlite")
    for (student, exercise), points in scores.items():
        store.save(
            student, exercise, [outcomes.TestResult("test_x", outcomes.Outcome.PASSED, points, 10.0)], "s", "h", None
        )
    store.close()


def _rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def _collected(tmp_path, exercise, files):
    download = tmp_path / "dl.zip"
    with zipfile.ZipFile(download, "w") as archive:
        for name in files:
            archive.writestr(name, "x = 1\n")
    collect(download, exercise, tmp_path / "subs")
    return read_mapping(tmp_path / "subs" / MAPPING_FILE)


def test_canvas_layout_with_the_mapping(tmp_path, exercises):
    neuron, collapse = exercises["01_neuron"], exercises["02_linear_collapse"]
    mapping = _collected(tmp_path, neuron, ["smithann_12345_1_neuron.py", "doebob_LATE_23456_2_neuron.py"])
    _results(tmp_path, {("smithann", "01_neuron"): 8, ("smithann", "02_linear_collapse"): 2.5, ("zed", "01_neuron"): 0})
    target = tmp_path / "canvas.csv"
    written = write_lms_grades(target, "canvas", tmp_path, [neuron, collapse], mapping, {"01_neuron": "Neuron (777)"})
    assert _rows(target) == [
        ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Neuron (777)", "02_linear_collapse"],
        ["doebob", "23456", "", "", "", "", ""],  # collected but not graded: empty, not zero
        ["smithann", "12345", "", "", "", "8", "2.5"],
        ["zed", "", "", "zed", "", "0", ""],  # not in the mapping: the folder name
    ]
    assert (written.students, written.unmapped) == (3, 1)


def test_moodle_layout_with_the_mapping(tmp_path, exercises):
    neuron = exercises["01_neuron"]
    mapping = _collected(tmp_path, neuron, ["Ann Smith_501_assignsubmission_file_/neuron.py"])
    _results(tmp_path, {("ann_smith", "01_neuron"): 10})
    target = tmp_path / "moodle.csv"
    write_lms_grades(target, "moodle", tmp_path, [neuron], mapping, {"01_neuron": "Grade"})
    assert _rows(target) == [["Identifier", "Full name", "Grade"], ["Participant 501", "Ann Smith", "10"]]


def test_formula_like_names_are_escaped(tmp_path, exercises):
    _results(tmp_path, {("=HYPERLINK(1)", "01_neuron"): 1, ("+ann", "01_neuron"): 2, ("bob", "01_neuron"): 3})
    target = tmp_path / "m.csv"
    write_lms_grades(target, "moodle", tmp_path, [exercises["01_neuron"]], [])
    assert [row[0] for row in _rows(target)[1:]] == ["'+ann", "'=HYPERLINK(1)", "bob"]
    assert csv_cell("-1") == "'-1" and csv_cell("ann") == "ann"
    assert csv_value(csv_cell("=cmd")) == "=cmd" and csv_value("'plain") == "'plain"


def test_no_results_database_is_one_line(tmp_path, exercises):
    with pytest.raises(GraderError, match="results.sqlite does not exist; run `python -m grader grade"):
        write_lms_grades(tmp_path / "x.csv", "canvas", tmp_path / "nowhere", [exercises["01_neuron"]], [])


def test_export_grades_command(tmp_path, capsys):
    _results(tmp_path, {("ann", "01_neuron"): 7})
    target = tmp_path / "grades.csv"
    code = main(
        ["export", "grades", "--format", "canvas", str(target), "--out", str(tmp_path), "--exercise", "01_neuron"]
    )
    assert code == 0 and "Wrote" in capsys.readouterr().out
    assert _rows(target)[1] == ["ann", "", "", "ann", "", "7"]
    default = ["export", "grades", "--format", "moodle", str(target), "--out", str(tmp_path)]
    assert main(default) == 0 and _rows(target)[0] == ["Identifier", "Full name", "01_neuron"]  # graded ones only
    bad = ["export", "grades", "--format", "canvas", str(target), "--out", str(tmp_path), "--mapping", "nope.csv"]
    assert main(bad) == 1 and "nope.csv does not exist" in capsys.readouterr().err
