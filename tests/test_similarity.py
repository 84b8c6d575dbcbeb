"""`python -m grader similarity`: a copied-and-renamed pair ranks first, above an honest pair that is
similar because the task is small, and unrelated pairs rank low; the stub's own code never counts."""

from __future__ import annotations

import csv
import textwrap
from pathlib import Path

import pytest

from grader.cli import main
from grader.similarity import compare_class, document
from grader.validate import stub_source

EXERCISE = "01_neuron"
HOLE = "    # YOUR CODE HERE\n    raise NotImplementedError()\n"

ADA = [  # an individual style: loops and explicit accumulators
    """
    total = 0.0
    for weight, value in zip(w, x):
        total += weight * value  # accumulate the weighted inputs
    return float(total + b)
    """,
    """
    batch = np.array(X, dtype=np.float64)
    weights = np.array(W, dtype=np.float64)
    outputs = np.zeros((batch.shape[0], weights.shape[0]))
    for row in range(batch.shape[0]):
        for unit in range(weights.shape[0]):
            outputs[row, unit] = np.sum(batch[row] * weights[unit]) + b[unit]
    return outputs
    """,
    """
    kernel = np.transpose(np.array(W, dtype=np.float32))
    bias = np.array(b, dtype=np.float32)
    dense = keras.layers.Dense(kernel.shape[1])
    net = keras.Sequential()
    net.add(keras.Input(shape=(kernel.shape[0],)))
    net.add(dense)
    dense.set_weights([kernel, bias])
    return net
    """,
]
# Ada's code with every variable renamed, comments rewritten, blank lines moved.
COPY = [
    """
    # sum of products
    acc = 0.0

    for ww, xx in zip(w, x):
        acc += ww * xx
    return float(acc + b)
    """,
    """
    data = np.array(X, dtype=np.float64)  # the samples
    mat = np.array(W, dtype=np.float64)
    res = np.zeros((data.shape[0], mat.shape[0]))
    for i in range(data.shape[0]):
        for j in range(mat.shape[0]):
            res[i, j] = np.sum(data[i] * mat[j]) + b[j]

    return res
    """,
    """
    k = np.transpose(np.array(W, dtype=np.float32))
    bb = np.array(b, dtype=np.float32)
    lay = keras.layers.Dense(k.shape[1])
    m = keras.Sequential()
    m.add(keras.Input(shape=(k.shape[0],)))
    m.add(lay)
    lay.set_weights([k, bb])  # done
    return m
    """,
]
DANA = [  # the obvious solution
    """
    return float(np.dot(w, x) + b)
    """,
    """
    return np.asarray(X) @ np.asarray(W).T + np.asarray(b)
    """,
    """
    W = np.asarray(W, dtype="float32")
    layer = keras.layers.Dense(W.shape[0])
    model = keras.Sequential([keras.Input(shape=(W.shape[1],)), layer])
    layer.set_weights([W.T, np.asarray(b, dtype="float32")])
    return model
    """,
]
EMIL = [  # independently, the same obvious solution with small differences
    """
    return float(np.dot(x, w) + b)
    """,
    """
    return np.asarray(X, dtype=float) @ np.asarray(W, dtype=float).T + b
    """,
    """
    W = np.asarray(W, dtype="float32")
    dense = keras.layers.Dense(W.shape[0], activation=None)
    model = keras.Sequential([keras.Input(shape=(W.shape[1],)), dense])
    dense.set_weights([W.T, np.asarray(b, dtype="float32")])
    return model
    """,
]
FINN = [
    """
    return float(sum(a * c for a, c in zip(x, w)) + b)
    """,
    """
    result = []
    for sample in X:
        result.append([neuron(sample, row, bias) for row, bias in zip(W, b)])
    return np.array(result)
    """,
    """
    inputs = keras.Input(shape=(len(W[0]),))
    outputs = keras.layers.Dense(len(W), kernel_initializer="zeros")(inputs)
    model = keras.Model(inputs, outputs)
    model.layers[-1].set_weights([np.array(W, dtype="float32").T, np.array(b, dtype="float32")])
    return model
    """,
]
GUS = [
    """
    x, w = np.ravel(x), np.ravel(w)
    return (x * w).sum().item() + float(b)
    """,
    """
    return np.einsum("ki,ui->ku", X, W) + np.reshape(b, (1, -1))
    """,
    """
    return keras.Sequential(
        [keras.layers.Input((np.shape(W)[1],)), keras.layers.Dense(np.shape(W)[0], weights=[np.transpose(W), b])]
    )
    """,
]
CLASS = {"ada": ADA, "cedric": COPY, "dana": DANA, "emil": EMIL, "finn": FINN, "gus": GUS}


def _filled(stub: str, bodies: list[str]) -> str:
    assert stub.count(HOLE) == len(bodies)
    for body in bodies:
        stub = stub.replace(HOLE, textwrap.indent(textwrap.dedent(body).strip("\n"), "    ") + "\n", 1)
    return stub


@pytest.fixture(scope="module")
def made_up_class(tmp_path_factory, exercises) -> Path:
    root = tmp_path_factory.mktemp("similarity") / "class"
    stub = stub_source(exercises[EXERCISE])
    for student, bodies in CLASS.items():
        folder = root / student / EXERCISE
        folder.mkdir(parents=True)
        (folder / "neuron.py").write_text(_filled(stub, bodies))
    (root / "hana" / EXERCISE).mkdir(parents=True)
    (root / "hana" / EXERCISE / "neuron.py").write_text(stub)  # handed in the stub untouched
    return root


def test_renaming_and_comments_change_nothing_and_the_stub_does_not_count():
    original = "def f(a, b):\n    '''Add.'''\n    total = a + b  # sum\n    return total * 2 + len([a, b])\n"
    renamed = "def g(x, y):\n    # another comment\n    s = x + y\n\n    return s * 2 + len([x, y])\n"
    assert document("a", original).hashes == document("b", renamed).hashes
    pairs, _ = compare_class("toy", original, {"a": original, "b": renamed})
    assert pairs[0].score == 0.0  # all of it is the stub's own code
    different = "def f(a, b):\n    values = sorted([a, b], reverse=True)\n    return values[0] - values[1] ** 3\n"
    pairs, _ = compare_class("toy", "", {"a": original, "b": renamed, "c": different})
    assert [(p.student_a, p.student_b) for p in pairs][0] == ("a", "b") and pairs[0].score == 1.0
    assert pairs[-1].score < 0.3


def test_unfinished_code_is_compared_as_far_as_it_reads():
    broken = "def f(a):\n    return (a +\n"
    assert document("a", broken).spans  # no exception: the tokens up to the error
    assert compare_class("toy", "", {"a": broken, "b": "x = (\n"})[0][0].score == 0.0


def test_the_copied_pair_ranks_first(made_up_class, tmp_path, capsys):
    assert main(["similarity", str(made_up_class), "--exercise", EXERCISE, "--out", str(tmp_path)]) == 0
    assert "ada / cedric" in capsys.readouterr().out
    with (tmp_path / "similarity.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["exercise", "student_a", "student_b", "score"]
    assert len(rows) == 7 * 6 // 2
    scores = {(r["student_a"], r["student_b"]): float(r["score"]) for r in rows}
    assert [float(r["score"]) for r in rows] == sorted(scores.values(), reverse=True)
    assert (rows[0]["student_a"], rows[0]["student_b"]) == ("ada", "cedric")
    assert scores[("ada", "cedric")] >= 0.8
    honest = scores[("dana", "emil")]
    assert 0.1 < honest < scores[("ada", "cedric")] - 0.3
    unrelated = [s for pair, s in scores.items() if pair not in {("ada", "cedric"), ("dana", "emil")}]
    assert max(unrelated) < honest
    assert all(s == 0.0 for pair, s in scores.items() if "hana" in pair)  # the stub alone shares nothing
    page = (tmp_path / "similarity.html").read_text()
    assert "<mark>" in page and 'id="pair-1"' in page
    assert "Content-Security-Policy" in page and "<script" not in page


def test_names_and_code_are_escaped_on_the_page(tmp_path, exercises):
    root = tmp_path / "class"
    stub = stub_source(exercises[EXERCISE])
    for student in ("<i>x&amp", "y"):
        (root / student / EXERCISE).mkdir(parents=True)
        (root / student / EXERCISE / "neuron.py").write_text(
            _filled(stub, ADA) + "\nS = '</pre><script>alert(1)</script>'\n"
        )
    assert main(["similarity", str(root), "--out", str(tmp_path / "out"), "--exercise", EXERCISE]) == 0
    page = (tmp_path / "out" / "similarity.html").read_text()
    assert "<script" not in page and "<i>x" not in page and "&lt;i&gt;x&amp;amp / y" in page


def test_bad_input_is_one_line(tmp_path, capsys):
    assert main(["similarity", str(tmp_path / "nowhere")]) == 1
    assert main(["similarity", str(tmp_path), "--exercise", "99_nope"]) == 1
    assert capsys.readouterr().err.count("\n") == 2


@pytest.mark.slow
def test_the_page_renders_cleanly_in_chromium(made_up_class, tmp_path):
    from test_reports_browser import CHROMIUM, Chromium

    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    assert main(["similarity", str(made_up_class), "--exercise", EXERCISE, "--out", str(tmp_path)]) == 0
    browser = Chromium(CHROMIUM, tmp_path / "profile")
    try:
        browser.open((tmp_path / "similarity.html").as_uri())
        assert browser.problems() == []
        assert browser.broken_images() == []
        assert not browser.too_wide()
        assert browser.evaluate("document.querySelectorAll('#pair-1 mark').length") > 5
        first = browser.evaluate("document.querySelector('#ranking a').textContent")
        assert first == "ada / cedric"
    finally:
        browser.close()
