"""Reports from a store of synthetic results: CSV, Gradescope JSON, feedback pages, dashboard."""

from __future__ import annotations

import ast
import base64
import csv
import io
import json
import re
from pathlib import Path

import numpy as np
import pytest
from conftest import make_exercise
from PIL import Image

from grader import outcomes
from grader.outcomes import Outcome
from grader.paths import KIT_ROOT
from grader.reports import write_reports
from grader.reports.artifacts import pictures
from grader.reports.files import file_stem
from grader.reports.results_csv import COLUMNS
from grader.store import Store

SECRET = "4711.0815"  # an expected value, planted only in a grader error's text
SCRIPT = "<script>alert('pwned')</script>"
ODD = "zoë & <b>o'neil</b>"  # a student folder name with characters HTML and file names dislike


def _artifacts() -> dict[str, dict]:
    """Recorded data like exercises 05-09 would keep: depth predictions, a loss curve, STA/LTA picks."""
    rng = np.random.default_rng(0)
    depth = rng.uniform(20, 400, 120)
    epochs = np.arange(1, 31)
    loss = 2.0 * np.exp(-epochs / 6) + 0.05
    trace = np.abs(rng.normal(1.0, 0.15, 600))
    trace[250:330] += np.hanning(80) * 5
    return {
        "test_depth": {"depth": {"predicted": depth + rng.normal(0, 15, 120), "true": depth, "unit": "m"}},
        "test_loss": {"training": {"loss": [*loss[:-1], None], "val_loss": loss * 1.2, "epochs_run": 30}},
        "test_picks": {
            "stalta": {"time": np.arange(600) / 20, "trace": trace, "triggers": [[12.9, 16.1]], "thresholds": [3.0]}
        },
        "test_confusion": {"case-a": {"cm": {"matrix": [[50, 3], [7, 40]], "labels": ["noise", "quake"]}}},
    }


ARTIFACTS = json.loads(json.dumps(_artifacts(), default=lambda a: a.tolist()))  # plain data, as the store keeps it


def _result(test: str, outcome: Outcome, points: float, max_points: float, message: str = "", details: str = ""):
    return outcomes.TestResult(test, outcome, points, max_points, message, details, 0.25, ARTIFACTS.get(test, {}))


def make_reports(tmp_path: Path) -> tuple[Path, list[Path]]:
    """A store holding four students' results for two toy exercises; the reports written from it."""
    depth = make_exercise(
        tmp_path / "ex" / "98_depth",
        "",
        {"test_depth": 4, "test_loss": 3, "test_picks": 3, "test_confusion": 2, "test_broken": 1, "test_slow": 1},
    )
    other = make_exercise(tmp_path / "ex" / "99_other", "", {"test_a": 2})
    store = Store(tmp_path / "out" / "results.sqlite")
    ann = [
        _result("test_depth", Outcome.PASSED, 4, 4),
        _result("test_loss", Outcome.FAILED, 0, 3, f"train: the loss did not fall below 0.1. Received: {SCRIPT}"),
        _result("test_picks", Outcome.PASSED, 3, 3),
        _result("test_confusion", Outcome.PASSED, 2, 2),
        _result("test_broken", Outcome.GRADER_ERROR, 0, 1, f"the hidden test broke: ValueError: expected {SECRET}"),
        _result("test_slow", Outcome.ERROR, 0, 1, "slow raised ZeroDivisionError: boom", f"  File x.py\n{SCRIPT}"),
    ]
    store.save("ann", "98_depth", ann, "s1", "h1", "depth.py", 3.5)
    store.save(
        "ann", "99_other", [_result("test_a", Outcome.TIMED_OUT, 0, 2, "a: no answer within 3 s")], "s", "h", "o.py"
    )
    problem = [_result(t, Outcome.NOT_LOADED, 0, p, "depth.py line 3: SyntaxError") for t, p in depth.points.items()]
    store.save("ben", "98_depth", problem, "s2", "h1", "depth.py", 0.1)
    store.save("ben", "99_other", [_result("test_a", Outcome.MISSING, 0, 2, "no submission")], "none", "h", None)
    store.save(ODD, "99_other", [_result("test_a", Outcome.PASSED, 2, 2)], "s3", "h", "o.py")
    students = ["ann", "ben", "cid", ODD]  # cid has no results at all
    written = write_reports(tmp_path / "out", store, students, [depth, other], run_seconds=12.5, graded=4)
    store.close()
    return tmp_path / "out", written


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    return make_reports(tmp_path_factory.mktemp("reports"))


def _images(html: str) -> list[bytes]:
    sources = re.findall(r'<img [^>]*src="([^"]*)"', html)
    assert all(source.startswith("data:image/png;base64,") for source in sources)
    return [base64.b64decode(source.split(",", 1)[1], validate=True) for source in sources]


def test_write_reports_lists_every_file(graded):
    out, written = graded
    names = sorted(str(path.relative_to(out)) for path in written)
    stem = file_stem(ODD)
    assert names == sorted(
        ["results.csv", "dashboard.html"]
        + [f"feedback/{s}.html" for s in ("ann", "ben", "cid", stem)]
        + [f"gradescope/{s}.json" for s in ("ann", "ben", "cid", stem)]
    )
    assert all(path.is_file() for path in written)
    assert re.fullmatch(r"zo_b_o_neil_b-[0-9a-f]{8}", stem)


def test_results_csv_is_long_format(graded):
    out, _ = graded
    rows = list(csv.DictReader(io.StringIO((out / "results.csv").read_text(encoding="utf-8"))))
    assert list(rows[0]) == COLUMNS
    assert len(rows) == 4 * (6 + 1)  # every student × every hidden test, graded or not
    loss = next(r for r in rows if r["student"] == "ann" and r["test"] == "test_loss")
    assert (loss["outcome"], loss["points"], loss["max_points"], loss["seconds"]) == ("failed", "0", "3", "0.250")
    assert {r["outcome"] for r in rows if r["student"] == "cid"} == {"missing"}


def test_gradescope_json_has_the_schema_fields(graded):
    out, _ = graded
    data = json.loads((out / "gradescope" / "ann.json").read_text(encoding="utf-8"))
    assert data["score"] == 9.0 and data["visibility"] in {"hidden", "after_due_date", "after_published", "visible"}
    assert len(data["tests"]) == 7
    for test in data["tests"]:
        assert {"name", "score", "max_score", "output", "visibility", "status"} <= set(test)
        assert isinstance(test["score"], float) and test["status"] in {"passed", "failed"}
    assert sum(t["score"] for t in data["tests"]) == data["score"]
    slow = next(t for t in data["tests"] if t["name"] == "98_depth: test_slow")
    assert "ZeroDivisionError" in slow["output"] and "File x.py" in slow["output"]


def test_student_pages_show_scores_and_messages_but_no_hidden_values(graded):
    out, _ = graded
    page = (out / "feedback" / "ann.html").read_text(encoding="utf-8")
    assert "Feedback for ann" in page and "9 / 16 points" in page and "9 / 14" in page
    assert "the loss did not fall below 0.1" in page and "slow raised ZeroDivisionError: boom" in page
    assert "File x.py" in page and "a: no answer within 3 s" in page
    assert "The grader itself broke on this test" in page
    student_files = [out / "feedback" / f"{file_stem(s)}.html" for s in ("ann", "ben", "cid", ODD)]
    student_files += list((out / "gradescope").glob("*.json"))
    for path in student_files:
        text = path.read_text(encoding="utf-8")
        assert SECRET not in text, path.name
    assert SECRET in (out / "dashboard.html").read_text(encoding="utf-8")  # the instructor sees it


def test_untrusted_text_is_escaped(graded):
    out, _ = graded
    for path in [*(out / "feedback").glob("*.html"), out / "dashboard.html"]:
        text = path.read_text(encoding="utf-8")
        assert "<script" not in text.lower(), path.name
        assert "<b>o" not in text, path.name
    page = (out / "feedback" / "ann.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in page
    assert "zoë &amp; &lt;b&gt;o&#39;neil&lt;/b&gt;" in (out / "dashboard.html").read_text(encoding="utf-8")


def test_whole_submission_problems_read_once(graded):
    out, _ = graded
    page = (out / "feedback" / "ben.html").read_text(encoding="utf-8")
    assert page.count("depth.py line 3: SyntaxError") == 1
    assert "not handed in" in page and "0 / 16 points" in page
    assert "not graded yet" in (out / "feedback" / "cid.html").read_text(encoding="utf-8")


def test_recorded_data_becomes_embedded_pngs(graded):
    out, _ = graded
    page = (out / "feedback" / "ann.html").read_text(encoding="utf-8")
    images = _images(page)
    assert len(images) == 4  # depth scatter, loss curve, STA/LTA trace, confusion matrix
    for data in images:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            assert image.format == "PNG"
    assert "epochs_run = 30" in page and "case-a / cm" in page
    assert "http://" not in page and "https://" not in page  # no external assets
    assert not _images((out / "feedback" / "ben.html").read_text(encoding="utf-8"))


def test_dashboard_shows_distribution_failures_troubles_and_speed(graded):
    out, _ = graded
    page = (out / "dashboard.html").read_text(encoding="utf-8")
    assert len(_images(page)) == 3  # one histogram per exercise and the totals
    assert "12.5 s" in page and "19.2/min" in page  # 4 graded in 12.5 s
    assert "the loss did not fall below 0.1" in page and "timed out" in page and "could not load" in page
    assert 'href="feedback/ann.html"' in page


@pytest.mark.parametrize(
    ("data", "drawn", "note"),
    [
        ({"loss": [3.0, 2.0, 1.0]}, True, ""),
        ({"x": {"y": {"predicted": [1, 2], "true": [1, 3]}}}, True, ""),
        ({"summary": {"accuracy": 0.8125}}, False, "accuracy = 0.8125"),
        ({"stalta": {"trace": [1, 2, 3], "triggers": [[1]]}}, False, "could not draw this (ValueError)"),
        ({"nothing": {"words": ["a", "b"]}}, None, ""),
    ],
)
def test_pictures_are_chosen_by_shape(data, drawn, note):
    found = pictures(data)
    if drawn is None:
        assert found == []
        return
    assert len(found) == 1 and (found[0].uri is not None) == drawn
    assert (note in found[0].notes) if note else not found[0].notes


def test_reports_import_only_lower_layers():
    allowed = {"errors", "exercise", "gradebook", "outcomes", "safe_text", "store", "reports"}
    for path in (KIT_ROOT / "grader" / "reports").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        internal = {m.split(".")[1] for m in modules if m.startswith("grader.")}
        assert internal <= allowed, path.name


def test_student_text_that_is_not_utf8_or_looks_like_a_formula_is_kept_literally(tmp_path):
    """Lone surrogates (a non-UTF-8 folder name, a student's message) and formula cells (OWASP CSV injection)."""
    from grader.gradebook import write_gradebook

    toy = make_exercise(tmp_path / "ex" / "97_toy", "", {"test_a": 1, "test_b": 1})
    students = ["=cmd|' /C calc'!A0", "\udcff\udcfe-bytes", "+1", "-1", "@SUM(A1)", "\tx", "plain"]
    store = Store(tmp_path / "out" / "results.sqlite")
    for student in students:
        results = [
            _result("test_a", Outcome.PASSED, 1, 1),
            _result("test_b", Outcome.ERROR, 0, 1, '=HYPERLINK("http://x") raised \ud800 here', "trace \udcff"),
        ]
        store.save(student, toy.id, results, "s", "h", "toy.py\udcff", 1.0)
    write_gradebook(tmp_path / "out" / "gradebook.csv", students, [toy.id], store.scores())
    write_reports(tmp_path / "out", store, students, [toy], 1.0, len(students))
    store.close()

    with open(tmp_path / "out" / "gradebook.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    names = [row[0] for row in rows[1:]]
    assert names == ["'=cmd|' /C calc'!A0", "\\udcff\\udcfe-bytes", "'+1", "'-1", "'@SUM(A1)", "'\tx", "plain"]
    assert all(row[-1] == "1" for row in rows[1:]), "each student keeps their point"
    with open(tmp_path / "out" / "results.csv", encoding="utf-8", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert '\'=HYPERLINK("http://x") raised \\ud800 here' in cells
    feedback = list((tmp_path / "out" / "feedback").glob("*.html"))
    assert len(feedback) == len(students)


def test_an_exercise_nobody_handed_in_says_so_instead_of_an_empty_histogram(tmp_path):
    toy = make_exercise(tmp_path / "ex" / "97_toy", "", {"test_a": 1})
    unseen = make_exercise(tmp_path / "ex" / "96_unseen", "", {"test_b": 2})
    store = Store(tmp_path / "out" / "results.sqlite")
    store.save("ann", toy.id, [_result("test_a", Outcome.PASSED, 1, 1)], "s", "h", "toy.py", 1.0)
    store.save("ann", unseen.id, [_result("test_b", Outcome.MISSING, 0, 2, "no submission")], "none", "h", None)
    write_reports(tmp_path / "out", store, ["ann"], [toy, unseen], 1.0, 1)
    store.close()
    page = (tmp_path / "out" / "dashboard.html").read_text(encoding="utf-8")
    assert len(_images(page)) == 2  # the handed-in exercise and the totals
    assert "score distribution of 97_toy" in page and "score distribution of 96_unseen" not in page
    assert "nobody handed it in" in page
