"""``collect``: Canvas and Moodle downloads (folders and zips made here) into the grader's layout."""

import csv
import os
import zipfile

import pytest

from grader.cli import main
from grader.collect import MAPPING_FILE, DownloadError, collect
from grader.submissions import find_submissions, read_submission

CANVAS = {
    "smithann_12345_67890_neuron.ipynb": '{"nbformat": 4, "cells": []}',
    "doebob_LATE_23456_78901_neuron-1.py": "B = 1\n",
    "leezoe_34567_89012_neuron.py": "Z = 1\n",
    "leezoe_34567_89012_neuron-1.py": "Z = 2\n",
}
MOODLE = {
    "Ann Smith_501_assignsubmission_file_/neuron.ipynb": '{"nbformat": 4, "cells": []}',
    "Bob Doe_502_assignsubmission_file_/work/neuron.py": "B = 1\n",
    "Bob Doe_502_assignsubmission_onlinetext_/onlinetext.html": "<p>hi</p>",
    "Ann Smith_503_assignsubmission_file_/neuron.py": "A2 = 1\n",  # a second Ann Smith
    "José Núñez_504_assignsubmission_file_/neuron.py": "J = 1\n",
}


def _folder(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _zip(path, files, prefix=""):
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(prefix + name, text)
    return path


def _mapping(to):
    with open(to / MAPPING_FILE, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _tree(to):
    return sorted(str(p.relative_to(to)) for p in to.rglob("*") if p.is_file() and p.name != MAPPING_FILE)


@pytest.mark.parametrize("kind", ["folder", "zip"])
def test_canvas_download(tmp_path, exercises, kind):
    download = _folder(tmp_path / "dl", CANVAS) if kind == "folder" else _zip(tmp_path / "dl.zip", CANVAS)
    to = tmp_path / "subs"
    summary = collect(download, exercises["01_neuron"], to)
    assert (summary.lms, summary.students, summary.files, summary.skipped) == ("canvas", 3, 4, [])
    assert _tree(to) == [
        "doebob/01_neuron/neuron.py",  # Canvas' resubmission counter removed
        "leezoe/01_neuron/neuron-1.py",  # kept: the student also has neuron.py
        "leezoe/01_neuron/neuron.py",
        "smithann/01_neuron/neuron.ipynb",
    ]
    rows = {row["student"]: row for row in _mapping(to)}
    assert rows["doebob"] == {
        "student": "doebob",
        "exercise": "01_neuron",
        "lms": "canvas",
        "lms_name": "doebob",
        "lms_id": "23456",
        "submission_id": "78901",
        "late": "yes",
        "files": "neuron.py",
    }
    files = {s.student: read_submission(s).file for s in find_submissions(to, [exercises["01_neuron"]])}
    assert (files["doebob"], files["smithann"]) == ("neuron.py", "neuron.ipynb")
    assert files["leezoe"] in ("neuron.py", "neuron-1.py")


@pytest.mark.parametrize("kind", ["folder", "zip"])
def test_moodle_download(tmp_path, exercises, kind):
    if kind == "folder":
        download = _folder(tmp_path / "dl", MOODLE)
    else:  # Moodle's zip, wrapped in one more folder as a browser may save it
        download = _zip(tmp_path / "dl.zip", MOODLE, prefix="Assignment 1-42/")
    to = tmp_path / "subs"
    summary = collect(download, exercises["01_neuron"], to)
    assert (summary.lms, summary.students, summary.files) == ("moodle", 4, 5)
    assert _tree(to) == [
        "ann_smith/01_neuron/neuron.ipynb",
        "ann_smith_503/01_neuron/neuron.py",
        "bob_doe/01_neuron/neuron.py",
        "bob_doe/01_neuron/onlinetext.html",
        "jose_nunez/01_neuron/neuron.py",
    ]
    rows = {row["student"]: (row["lms_name"], row["lms_id"]) for row in _mapping(to)}
    assert rows == {
        "ann_smith": ("Ann Smith", "501"),
        "ann_smith_503": ("Ann Smith", "503"),
        "bob_doe": ("Bob Doe", "502"),
        "jose_nunez": ("José Núñez", "504"),
    }


def test_moodle_flat_download_and_a_second_collect_keeps_folders(tmp_path, exercises):
    flat = {
        "Ann Smith_501_assignsubmission_file_neuron.py": "A = 1\n",
        "Bob Doe_502_assignsubmission_file_neuron.py": "B = 1\n",
    }
    to = tmp_path / "subs"
    collect(_folder(tmp_path / "dl", flat), exercises["01_neuron"], to)
    (to / "ann_smith").rename(to / "ann")  # an instructor renamed a folder: the mapping is the truth
    rows = _mapping(to)
    for row in rows:
        row["student"] = "ann" if row["student"] == "ann_smith" else row["student"]
    with open(to / MAPPING_FILE, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    again = _folder(tmp_path / "dl2", {"Ann Smith_501_assignsubmission_file_neuron.py": "A = 2\n"})
    collect(again, exercises["02_linear_collapse"], to)
    assert (to / "ann" / "02_linear_collapse" / "neuron.py").read_text() == "A = 2\n"
    assert sorted((r["student"], r["exercise"]) for r in _mapping(to)) == [
        ("ann", "01_neuron"),
        ("ann", "02_linear_collapse"),
        ("bob_doe", "01_neuron"),
    ]


def test_modification_times_are_kept(tmp_path, exercises):
    download = _folder(tmp_path / "dl", {"Ann Smith_501_assignsubmission_file_/neuron.py": "A = 1\n"})
    source = download / "Ann Smith_501_assignsubmission_file_" / "neuron.py"
    os.utime(source, (1_700_000_000, 1_700_000_000))
    collect(download, exercises["01_neuron"], tmp_path / "subs")
    assert (tmp_path / "subs" / "ann_smith" / "01_neuron" / "neuron.py").stat().st_mtime == 1_700_000_000


def test_zip_slip_and_links_are_skipped(tmp_path, exercises):
    download = tmp_path / "dl.zip"
    with zipfile.ZipFile(download, "w") as archive:
        for name, text in CANVAS.items():
            archive.writestr(name, text)
        archive.writestr("../../evil_1_2_neuron.py", "EVIL = 1\n")
        archive.writestr("/abs_1_2_neuron.py", "EVIL = 1\n")
        link = zipfile.ZipInfo("linky_9_9_neuron.py")
        link.external_attr = 0o120777 << 16
        archive.writestr(link, "/etc/passwd")
    to = tmp_path / "out" / "subs"
    summary = collect(download, exercises["01_neuron"], to)
    assert summary.students == 3
    assert any("../../evil_1_2_neuron.py: unsafe path" in line for line in summary.skipped)
    assert any("linky_9_9_neuron.py: a symbolic link" in line for line in summary.skipped)
    assert not list(tmp_path.rglob("evil*")) and not list(tmp_path.rglob("abs*"))
    assert sorted(p.name for p in to.iterdir()) == sorted(["doebob", "leezoe", "smithann", MAPPING_FILE])


def test_unknown_layout_is_one_line(tmp_path, exercises):
    download = _folder(tmp_path / "dl", {"ann/neuron.py": "x", "notes.txt": "y"})
    with pytest.raises(DownloadError) as caught:
        collect(download, exercises["01_neuron"], tmp_path / "subs")
    text = str(caught.value)
    assert "not a Canvas or Moodle download: found 2 files ('ann/neuron.py', 'notes.txt')" in text
    assert "\n" not in text and not (tmp_path / "subs").exists()


def test_collect_command(tmp_path, capsys):
    download = _zip(tmp_path / "dl.zip", CANVAS)
    code = main(["collect", str(download), "--exercise", "01_neuron", "--to", str(tmp_path / "subs")])
    out = capsys.readouterr().out
    assert code == 0 and "Collected 4 files of 3 students (canvas)" in out
    (tmp_path / "bad.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)  # an empty zip
    assert main(["collect", str(tmp_path / "bad.zip"), "--exercise", "01_neuron", "--to", str(tmp_path / "s")]) == 1
    assert capsys.readouterr().err.startswith("error: ")
