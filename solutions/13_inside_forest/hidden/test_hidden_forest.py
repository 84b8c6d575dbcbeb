"""Hidden tests for 13_inside_forest: Gini impurity, best split, bootstrap and vote, against scikit-learn."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from sklearn.datasets import load_iris
from sklearn.tree import DecisionTreeClassifier

from grader.testing import expect_array, expect_close, expect_number, fail, property_settings

EXACT = 1e-12
THRESHOLD_TOL = 1e-6  # scikit-learn stores X as float32: its midpoints differ from float64 ones by ~1e-7

GINI_HINT = "Gini impurity is 1 - sum_k p_k**2, with p_k the fraction of labels in class k (square the fractions)."
SPLIT_HINT = (
    "Try the midpoints (a + b) / 2 between consecutive distinct sorted values; score each by "
    "n_left / n * gini(left) + n_right / n * gini(right) with left = x <= t; keep the lowest, "
    "and the smallest threshold among equal scores."
)
ALL_HINT = "Run best_split on every column and keep the lowest weighted child impurity; ties go to the lowest index."
BOOT_HINT = "Use exactly in_bag = np.random.default_rng(seed).integers(0, n, n), unsorted."
OOB_HINT = "The out-of-bag rows are those of 0 .. n-1 that are not in in_bag (np.setdiff1d), sorted, each once."
VOTE_HINT = "For each column take the label that occurs most often; among tied labels, the smallest."


def iris():
    X, y = load_iris(return_X_y=True)
    return X, y


def weighted_child_impurity(x, y, t):
    """The test's own computation of n_l/n gini(l) + n_r/n gini(r), left = x <= t."""

    def g(labels):
        if labels.size == 0:
            return 0.0
        _, counts = np.unique(labels, return_counts=True)
        return 1.0 - np.sum((counts / labels.size) ** 2)

    left = np.asarray(x) <= t
    return left.mean() * g(y[left]) + (~left).mean() * g(y[~left])


def sklearn_stump(X, y):
    """Feature, threshold and weighted child impurity of scikit-learn's root split."""
    tree = DecisionTreeClassifier(criterion="gini", max_depth=1, random_state=0).fit(X, y).tree_
    left, right = tree.children_left[0], tree.children_right[0]
    n = tree.n_node_samples
    child = (n[left] * tree.impurity[left] + n[right] * tree.impurity[right]) / n[0]
    return int(tree.feature[0]), float(tree.threshold[0]), float(child)


def check_split(got, what):
    """The (threshold, impurity) pair of best_split, as two floats."""
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"{what}: expected a tuple (threshold, impurity). Received: {type(got).__name__} {got!r:.60}")
    if got[0] is None:
        fail(f"{what}: expected a threshold, this feature can be split. Received: None")
    return expect_number(got[0], what=f"{what}[0] (threshold)"), expect_number(got[1], what=f"{what}[1] (impurity)")


def check_feature_split(got, what):
    """The (feature, threshold) pair of best_split_all, as an int and a float."""
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"{what}: expected a tuple (feature, threshold). Received: {type(got).__name__} {got!r:.60}")
    if got[0] is None or got[1] is None:
        fail(f"{what}: expected a feature index and a threshold, a split exists. Received: {got!r}")
    feature = expect_number(got[0], what=f"{what}[0] (feature index)")
    if feature != int(feature):
        fail(f"{what}[0]: expected a whole number (a column index). Received: {feature}")
    return int(feature), expect_number(got[1], what=f"{what}[1] (threshold)")


# --- Gini impurity ------------------------------------------------------------------------

GINI_CASES = {
    "pure": ([1, 1, 1, 1, 1], 0.0),
    "single_label": ([7], 0.0),
    "half_and_half": ([0, 1, 0, 1, 1, 0], 0.5),
    "three_equal_classes": ([0, 1, 2] * 4, 2.0 / 3.0),
    "one_in_four": ([3, 3, 3, 9], 1.0 - (0.75**2 + 0.25**2)),
    "four_equal_classes": ([5, 6, 7, 8] * 3, 0.75),
}


@pytest.mark.parametrize("case", list(GINI_CASES))
def test_gini_known_values(student, case):
    labels, expected = GINI_CASES[case]
    got = student.gini(np.array(labels))
    expect_close(got, expected, what=f"gini({case.replace('_', ' ')} labels)", rtol=EXACT, atol=EXACT, hint=GINI_HINT)


def test_gini_iris_root(student):
    X, y = iris()
    expect_close(student.gini(y), 2.0 / 3.0, what="gini(iris labels: 50 of each class)", rtol=EXACT, hint=GINI_HINT)
    tree = DecisionTreeClassifier(criterion="gini", random_state=0).fit(X, y).tree_
    # the impurity of each node of scikit-learn's iris tree, from the labels that reach it
    leaf_of = tree.decision_path(X.astype(np.float32)).toarray().astype(bool)
    for node in (1, 2, 4):
        got = student.gini(y[leaf_of[:, node]])
        expect_close(
            got, tree.impurity[node], what=f"gini(labels of node {node} of the iris tree)", rtol=1e-9, hint=GINI_HINT
        )


def test_gini_random_labels(student):
    rng = np.random.default_rng(3)
    for k, n in [(2, 40), (3, 97), (5, 500)]:
        labels = rng.integers(0, k, n)
        counts = np.bincount(labels)
        expected = 1.0 - np.sum((counts / n) ** 2)
        expect_close(student.gini(labels), expected, what=f"gini({n} random labels of {k} classes)", rtol=1e-9)
    expect_close(student.gini(np.array([], dtype=int)), 0.0, what="gini(no labels)", hint="An empty set: return 0.0.")


def own_gini(labels):
    """The test's own Gini impurity, from NumPy's counts."""
    labels = np.asarray(labels)
    if labels.size == 0:
        return 0.0
    _, counts = np.unique(labels, return_counts=True)
    return float(1.0 - np.sum((counts / labels.size) ** 2))


LABEL_ALPHABETS = [(0, 1), (0, 1, 2), (3, 9), (0, 1, 2, 3, 4, 5, 6), (7, 1000, 10**9)]


@st.composite
def label_lists(draw, min_size=0, max_size=20):
    alphabet = draw(st.sampled_from(LABEL_ALPHABETS))
    return draw(st.lists(st.sampled_from(alphabet), min_size=min_size, max_size=max_size))


@property_settings(20)
@example(labels=[], as_list=True)
@example(labels=[5], as_list=False)
@given(labels=label_lists(), as_list=st.booleans())
def test_gini_property(student, labels, as_list):
    """Any labels, as a list or an array: empty, one label, one class, large label values."""
    argument = labels if as_list else np.array(labels, dtype=np.int64)
    kind = "list" if as_list else "array"
    what = f"gini({kind} {labels})"
    expect_close(student.gini(argument), own_gini(labels), what=what, rtol=1e-9, atol=EXACT, hint=GINI_HINT)


# --- best split on one feature -------------------------------------------------------------

# name -> (x, y, expected threshold, expected weighted child impurity)
SPLIT_CASES = {
    "perfect_sorted": ([1, 2, 3, 4], [0, 0, 1, 1], 2.5, 0.0),
    "perfect_unsorted": ([3.0, 1.0, 2.0, 4.0], [1, 0, 0, 1], 2.5, 0.0),
    "repeated_values": ([1, 1, 2, 2, 3, 3], [0, 0, 0, 1, 1, 1], 1.5, 0.25),
    "negative_values": ([-1.5, 0.5, 0.5, 2.0], [2, 2, 5, 5], -0.5, 1.0 / 3.0),
    "one_odd_label": ([0.2, 0.4, 0.6, 0.8, 1.0], [0, 0, 0, 0, 1], 0.9, 0.0),
}


@pytest.mark.parametrize("case", list(SPLIT_CASES))
def test_best_split_hand_made(student, case):
    x, y, t_expected, impurity_expected = SPLIT_CASES[case]
    x, y = np.array(x, dtype=float), np.array(y)
    what = f"best_split(x={x.tolist()}, y={y.tolist()})"
    t, impurity = check_split(student.best_split(x, y), what)
    expect_close(t, t_expected, what=f"{what} threshold", rtol=1e-9, atol=1e-12, hint=SPLIT_HINT)
    expect_close(impurity, impurity_expected, what=f"{what} impurity", rtol=1e-9, atol=1e-12, hint=SPLIT_HINT)


def test_best_split_constant_feature(student):
    y = np.array([0, 1, 1, 2])
    got = student.best_split(np.full(4, 3.5), y)
    if not isinstance(got, (tuple, list)) or len(got) != 2 or got[0] is not None:
        fail(f"best_split(a feature with one value): expected (None, gini(y)). Received: {got!r:.60}")
    expect_close(got[1], 0.625, what="best_split(a feature with one value)[1]", rtol=1e-9, hint="Return gini(y).")


@pytest.mark.parametrize("subset", ["all_classes", "versicolor_virginica"])
def test_best_split_iris_features(student, subset):
    X, y = iris()
    if subset == "versicolor_virginica":
        X, y = X[y > 0], y[y > 0]
    for j in range(X.shape[1]):
        what = f"best_split(iris feature {j}, {subset.replace('_', ' ')})"
        t, impurity = check_split(student.best_split(X[:, j], y), what)
        _, t_sk, impurity_sk = sklearn_stump(X[:, [j]], y)
        expect_close(impurity, impurity_sk, what=f"{what} impurity", rtol=1e-9, hint=SPLIT_HINT)
        expect_close(t, t_sk, what=f"{what} threshold", rtol=THRESHOLD_TOL, atol=THRESHOLD_TOL, hint=SPLIT_HINT)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_best_split_random_matches_sklearn(student, seed):
    rng = np.random.default_rng(seed)
    n = 80
    y = rng.integers(0, 3, n)
    x = np.round(rng.normal(size=n) + 0.8 * y, 1)  # rounded: many repeated values
    what = f"best_split(80 random values with repeats, seed {seed})"
    t, impurity = check_split(student.best_split(x, y), what)
    _, t_sk, impurity_sk = sklearn_stump(x[:, None], y)
    expect_close(impurity, impurity_sk, what=f"{what} impurity", rtol=1e-9, hint=SPLIT_HINT)
    expect_close(t, t_sk, what=f"{what} threshold", rtol=THRESHOLD_TOL, atol=THRESHOLD_TOL, hint=SPLIT_HINT)


def exact_best_split(x, y):
    """The test's own exact answer: weighted child impurities as fractions, the smallest threshold among the best."""
    x, y = np.asarray(x, dtype=float), np.asarray(y)
    n = y.size

    def g(labels):
        if labels.size == 0:
            return Fraction(0)
        _, counts = np.unique(labels, return_counts=True)
        return 1 - sum(Fraction(int(c), int(labels.size)) ** 2 for c in counts)

    scores = []
    values = np.unique(x)
    for a, b in zip(values[:-1], values[1:], strict=True):
        t = (a + b) / 2.0
        left = x <= t
        n_left = int(left.sum())
        scores.append((Fraction(n_left, n) * g(y[left]) + Fraction(n - n_left, n) * g(y[~left]), t))
    best = min(score for score, _ in scores)
    return min(t for score, t in scores if score == best), float(best)


SMALL_SPLITS = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 2)), min_size=2, max_size=14).filter(
    lambda pairs: len({x for x, _ in pairs}) > 1
)


@property_settings(40)
@example(
    pairs=list(zip([0, 0, 2, 1, 4, 1, 3, 3, 1, 2, 5, 5], [0, 2, 0, 2, 1, 2, 1, 2, 1, 2, 2, 0], strict=True)),
    scale=1.0,
    float32=False,
)
@example(pairs=[(0, 1), (3, 0)], scale=1e6, float32=True)
@given(pairs=SMALL_SPLITS, scale=st.sampled_from([1.0, 0.1, 1e-3, 1e6, -2.5]), float32=st.booleans())
def test_best_split_exact_ties_property(student, pairs, scale, float32):
    """Small integer data (times a scale, float64 or float32), where many thresholds tie exactly:
    the smallest of the best must win."""
    x = np.array([v for v, _ in pairs], dtype=float) * scale
    if float32:
        x = x.astype(np.float32)
    y = np.array([label for _, label in pairs])
    what = f"best_split(x={x.tolist()} ({x.dtype}), y={y.tolist()})"
    t, impurity = check_split(student.best_split(x, y), what)
    t_expected, impurity_expected = exact_best_split(x, y)
    expect_close(impurity, impurity_expected, what=f"{what} impurity", rtol=1e-9, atol=1e-12, hint=SPLIT_HINT)
    expect_close(
        t,
        t_expected,
        what=f"{what} threshold",
        rtol=1e-6 if float32 else 1e-12,  # float32 midpoints may be computed in float32
        atol=1e-12,
        hint="Several thresholds score the same here. Scores equal up to rounding (within 1e-12) are ties; "
        "keep the smallest threshold among them.",
    )


# --- best split over all features ------------------------------------------------------------


def test_best_split_all_hand_made(student):
    X = np.array([[5.0, 1.0, 0.3], [1.0, 2.0, 0.1], [4.0, 3.0, 0.4], [2.0, 4.0, 0.2], [3.0, 5.0, 0.5]])
    y = np.array([0, 0, 1, 1, 1])
    what = "best_split_all(a 5 x 3 X, two classes)"
    feature, t = check_feature_split(student.best_split_all(X, y), what)
    check_best_feature(feature, X, y, what)
    expect_close(t, exact_best_split(X[:, feature], y)[0], what=f"{what} threshold", rtol=1e-9, hint=SPLIT_HINT)


def test_best_split_all_ties_and_constant_columns(student):
    y = np.array([0, 0, 1, 1, 1, 0])
    good = np.array([1.0, 2.0, 5.0, 6.0, 7.0, 3.0])  # separates perfectly at 4.0
    X = np.column_stack([np.full(6, 2.0), np.full(6, 9.0), good, 10 * good])
    what = "best_split_all(a 6 x 4 X with constant columns and tied columns)"
    feature, t = check_feature_split(student.best_split_all(X, y), what)
    check_best_feature(feature, X, y, what)
    expect_close(t, exact_best_split(X[:, feature], y)[0], what=f"{what} threshold", rtol=1e-9, hint=SPLIT_HINT)
    got = student.best_split_all(np.full((4, 2), 1.0), np.array([0, 1, 0, 1]))
    if not isinstance(got, (tuple, list)) or len(got) != 2 or got[0] is not None or got[1] is not None:
        fail(f"best_split_all(only constant columns): expected (None, None). Received: {got!r:.60}")


def column_scores(X, y):
    """The test's own exact score of every column (None for a column with one value)."""
    return [exact_best_split(X[:, j], y)[1] if np.unique(X[:, j]).size > 1 else None for j in range(X.shape[1])]


def check_best_feature(feature, X, y, what):
    """The chosen column must be splittable, have the lowest score, and be the lowest index among ties."""
    scores = column_scores(X, y)
    if not 0 <= feature < X.shape[1]:
        fail(f"{what}: X has columns 0 .. {X.shape[1] - 1}. Received: column {feature}")
    if scores[feature] is None:
        fail(f"{what}: you chose column {feature}, which holds a single value: skip such columns.")
    best = min(score for score in scores if score is not None)
    if scores[feature] > best + EXACT:
        fail(
            f"{what}: you chose column {feature}, whose best split leaves a weighted child impurity of "
            f"{scores[feature]:.4f}; another column does better. {ALL_HINT}"
        )
    if any(score is not None and abs(score - best) <= EXACT for score in scores[:feature]):
        fail(
            f"{what}: you chose column {feature}; a column with a lower index splits just as well. "
            "Ties (scores within 1e-12) go to the lowest column index."
        )


@st.composite
def small_tables(draw):
    n = draw(st.integers(1, 8))
    d = draw(st.integers(1, 4))
    X = draw(st.lists(st.lists(st.integers(0, 3), min_size=d, max_size=d), min_size=n, max_size=n))
    y = draw(st.lists(st.integers(0, 2), min_size=n, max_size=n))
    return np.array(X, dtype=float), np.array(y)


@property_settings(25)
@example(table=(np.array([[1.0, 4.0]]), np.array([0])))  # one sample: nothing to split
@example(table=(np.array([[1.0], [2.0], [2.0]]), np.array([1, 0, 0])))  # one feature
@given(table=small_tables())
def test_best_split_all_property(student, table):
    """Small tables with 1 to 8 samples and 1 to 4 columns: constant columns, exact ties between columns."""
    X, y = table
    what = f"best_split_all(X={X.astype(int).tolist()}, y={y.tolist()})"
    got = student.best_split_all(X, y)
    if all(score is None for score in column_scores(X, y)):
        if not isinstance(got, (tuple, list)) or len(got) != 2 or got[0] is not None or got[1] is not None:
            fail(f"{what}: no column has two distinct values; expected (None, None). Received: {got!r:.60}")
        return
    feature, t = check_feature_split(got, what)
    check_best_feature(feature, X, y, what)
    expect_close(t, exact_best_split(X[:, feature], y)[0], what=f"{what} threshold", rtol=1e-12, hint=SPLIT_HINT)


def test_iris_first_split_matches_sklearn(student, record):
    X, y = iris()
    feature, t = check_feature_split(student.best_split_all(X, y), "best_split_all(iris X, y)")
    if not 0 <= feature < 4:
        fail(f"best_split_all(iris X, y): iris has features 0..3. Received: {feature}")
    tree = DecisionTreeClassifier(criterion="gini", random_state=0).fit(X, y).tree_
    left, right = tree.children_left[0], tree.children_right[0]
    n = tree.n_node_samples
    decrease_sk = tree.impurity[0] - (n[left] * tree.impurity[left] + n[right] * tree.impurity[right]) / n[0]
    decrease = 2.0 / 3.0 - weighted_child_impurity(X[:, feature], y, t)
    record("first_split", feature=feature, threshold=t, impurity_decrease=float(decrease))
    expect_close(
        decrease,
        decrease_sk,
        what=f"impurity decrease of your first iris split (feature {feature}, threshold {t:g})",
        rtol=1e-9,
        hint=ALL_HINT,
    )
    # scikit-learn may pick another, equally good feature: your threshold for it must equal scikit-learn's.
    f_sk, t_sk = int(tree.feature[0]), float(tree.threshold[0])
    t_own, _ = check_split(student.best_split(X[:, f_sk], y), f"best_split(iris feature {f_sk})")
    expect_close(t_own, t_sk, what=f"best_split(iris feature {f_sk}) threshold", rtol=THRESHOLD_TOL, atol=THRESHOLD_TOL)
    if feature != 2:
        fail(
            "best_split_all(iris X, y): petal length (2) and petal width (3) separate setosa equally well; "
            f"ties go to the lowest index, 2. You chose feature {feature}."
        )
    expect_close(t, 2.45, what="best_split_all(iris X, y) threshold", rtol=THRESHOLD_TOL, hint=SPLIT_HINT)


def test_iris_second_split_matches_sklearn(student):
    X, y = iris()
    X, y = X[y > 0], y[y > 0]
    what = "best_split_all(iris versicolor and virginica)"
    feature, t = check_feature_split(student.best_split_all(X, y), what)
    f_sk, t_sk, impurity_sk = sklearn_stump(X, y)
    if feature != f_sk:
        fail(f"{what}: one feature splits these two classes best; you chose feature {feature}.")
    expect_close(t, t_sk, what=f"{what} threshold", rtol=THRESHOLD_TOL, atol=THRESHOLD_TOL, hint=ALL_HINT)


# --- bootstrap sample ----------------------------------------------------------------------


def check_bootstrap(got, n, what):
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"{what}: expected a tuple (in_bag, oob) of two arrays. Received: {type(got).__name__}")
    for name, part in zip(("in_bag", "oob"), got, strict=True):
        if not isinstance(part, np.ndarray) or part.dtype.kind not in "iu":
            kind = f"dtype {part.dtype}" if isinstance(part, np.ndarray) else type(part).__name__
            fail(
                f"{what} ({name}): expected a 1-D NumPy array of integers. Received: {kind}. An array built "
                "from an empty list is float unless you say dtype=int."
            )
    in_bag = expect_array(got[0], what=f"{what}[0] (in_bag)", shape=(n,))
    oob = expect_array(got[1], what=f"{what}[1] (oob)")
    if oob.ndim != 1:
        fail(f"{what}[1] (oob): expected a 1-D array. Received: shape {oob.shape}")
    return in_bag, oob


@pytest.mark.parametrize("n,seed", [(10, 0), (150, 42), (1000, 7)])
def test_bootstrap_recipe(student, n, seed):
    what = f"bootstrap_sample({n}, seed={seed})"
    in_bag, _ = check_bootstrap(student.bootstrap_sample(n, seed), n, what)
    expected = np.random.default_rng(seed).integers(0, n, n)
    if not np.array_equal(in_bag, expected):
        if np.array_equal(np.sort(in_bag), np.sort(expected)):
            fail(f"{what}[0]: the right indices, in the wrong order. Keep the order they are drawn in.")
        fail(f"{what}[0]: not the sample of the recipe. {BOOT_HINT}")


def test_bootstrap_seeds(student):
    n = 200
    a, _ = check_bootstrap(student.bootstrap_sample(n, 5), n, "bootstrap_sample(200, seed=5)")
    b, _ = check_bootstrap(student.bootstrap_sample(n, 5), n, "bootstrap_sample(200, seed=5), again")
    c, _ = check_bootstrap(student.bootstrap_sample(n, 6), n, "bootstrap_sample(200, seed=6)")
    if not np.array_equal(a, b):
        fail("bootstrap_sample(200, seed=5) twice: the same seed must give the same sample. " + BOOT_HINT)
    if np.array_equal(a, c):
        fail("bootstrap_sample(200, seed=5) and seed=6 gave the same sample: use the seed. " + BOOT_HINT)
    if len(np.unique(a)) == n:
        fail("bootstrap_sample(200, seed=5): no row drawn twice. A bootstrap sample draws with replacement.")
    if a.min() < 0 or a.max() >= n:
        fail("bootstrap_sample(200, seed=5): indices must lie in 0 .. n-1.")


@pytest.mark.parametrize("n,seed", [(10, 0), (150, 42), (1000, 7)])
def test_oob_indices(student, n, seed):
    what = f"bootstrap_sample({n}, seed={seed})"
    in_bag, oob = check_bootstrap(student.bootstrap_sample(n, seed), n, what)
    expected = np.setdiff1d(np.arange(n), in_bag)  # from the student's own in-bag sample
    if oob.shape != expected.shape or not np.array_equal(oob, expected):
        if np.array_equal(np.unique(oob), expected):
            fail(f"{what}[1] (oob): the right rows, but unsorted or repeated. {OOB_HINT}")
        fail(f"{what}[1] (oob): not the rows missing from your in_bag. {OOB_HINT}")


@property_settings(20)
@example(n=1, seed=0)
@example(n=2, seed=3)
@given(n=st.integers(1, 60), seed=st.integers(0, 2**32 - 1))
def test_bootstrap_property(student, n, seed):
    """Any n from 1 (one row, nothing out of bag) and any seed: the recipe's sample and its missing rows."""
    what = f"bootstrap_sample({n}, seed={seed})"
    in_bag, oob = check_bootstrap(student.bootstrap_sample(n, seed), n, what)
    if not np.array_equal(in_bag, np.random.default_rng(seed).integers(0, n, n)):
        fail(f"{what}[0]: not the sample of the recipe. {BOOT_HINT}")
    expected = np.setdiff1d(np.arange(n), in_bag)
    if oob.shape != expected.shape or not np.array_equal(oob, expected):
        fail(f"{what}[1] (oob): not the rows missing from your in_bag, sorted, each once. {OOB_HINT}")


def test_oob_fraction(student, record):
    n = 100_000
    in_bag, oob = check_bootstrap(student.bootstrap_sample(n, 2024), n, "bootstrap_sample(100000, seed=2024)")
    fraction = oob.size / n
    record("oob_fraction", oob_fraction=fraction, theory=float((1 - 1 / n) ** n))
    if abs(fraction - np.exp(-1)) > 0.005:
        fail(
            f"bootstrap_sample(100000): {fraction:.1%} of the rows are out of bag; with replacement "
            "about 1/e = 36.8 % are never drawn. " + OOB_HINT
        )
    if np.intersect1d(oob, in_bag).size:
        fail("bootstrap_sample(100000): some out-of-bag rows are also in the bag. " + OOB_HINT)


# --- majority vote -------------------------------------------------------------------------


def vote(predictions):
    """The test's own vote: most common label per column, the smallest among ties."""
    out = []
    for column in predictions.T:
        counts = np.bincount(column)
        out.append(int(np.flatnonzero(counts == counts.max())[0]))
    return np.array(out)


def check_vote(student, predictions, what):
    raw = student.majority_vote(predictions)
    if isinstance(raw, np.ndarray) and raw.dtype.kind not in "iu" and raw.dtype.kind in "bfc":
        fail(f"{what}: expected an array of integer labels. Received: dtype {raw.dtype}")
    got = expect_array(raw, what=what, shape=(predictions.shape[1],))
    expected = vote(predictions)
    if not np.array_equal(got, expected):
        wrong = int(np.argmax(got != expected))
        fail(f"{what}: {int((got != expected).sum())} votes wrong (first: sample {wrong}). {VOTE_HINT}")


def test_majority_vote_clear_majority(student):
    rng = np.random.default_rng(11)
    truth = rng.integers(0, 3, 60)
    predictions = np.where(rng.random((9, 60)) < 0.7, truth, rng.integers(0, 3, (9, 60)))
    check_vote(student, predictions, "majority_vote(9 trees x 60 samples)")
    check_vote(student, predictions[:1], "majority_vote(1 tree)")
    check_vote(student, np.array([[3, 7, 7], [7, 7, 3], [7, 3, 3]]), "majority_vote(labels 3 and 7)")


def test_majority_vote_ties(student):
    predictions = np.array([[2, 0, 1, 1], [0, 2, 2, 0], [2, 1, 0, 1], [0, 2, 1, 0]])
    got = expect_array(student.majority_vote(predictions), what="majority_vote(4 trees with ties)", shape=(4,))
    if not np.array_equal(got, [0, 2, 1, 0]):
        fail(f"majority_vote(4 trees x 4 samples, samples 0 and 3 tied): {VOTE_HINT} Received: {got.astype(int)}")


def test_majority_vote_random_ties(student):
    rng = np.random.default_rng(12)
    predictions = rng.integers(0, 4, (6, 300))  # an even number of trees and 4 classes: many ties
    check_vote(student, predictions, "majority_vote(6 trees x 300 samples, many ties)")
    check_vote(student, 9 - predictions, "majority_vote(6 trees x 300 samples, labels 6..9)")


@property_settings(25)
@example(shape=(3, 1), alphabet=(0, 1, 2), seed=0)  # one sample: still an array of shape (1,)
@example(shape=(1, 4), alphabet=(0, 5), seed=1)  # one tree: its own predictions
@given(
    shape=st.tuples(st.integers(1, 7), st.integers(1, 6)),
    alphabet=st.sampled_from([(0, 1), (0, 1, 2, 3), (2, 9), (0, 17, 1000)]),
    seed=st.integers(0, 1000),
)
def test_majority_vote_property(student, shape, alphabet, seed):
    """Any number of trees and samples (from 1), two to four labels, ties everywhere."""
    predictions = np.random.default_rng(seed).choice(np.array(alphabet), size=shape)
    check_vote(student, predictions, f"majority_vote({shape[0]} trees x {shape[1]} samples, labels {alphabet})")


# --- the task text's general rules ------------------------------------------------------------


def test_labels_as_lists(student):
    """Labels may be Python lists."""
    labels = [2, 0, 2, 1, 2, 0]
    expect_close(student.gini(labels), own_gini(labels), what=f"gini({labels}) (a list)", rtol=1e-9, hint=GINI_HINT)
    x = np.array([0.5, 3.0, 2.0, 1.0, 4.0, 0.0])
    what = f"best_split(x={x.tolist()}, y={labels}) (y a list)"
    t, impurity = check_split(student.best_split(x, labels), what)
    t_expected, impurity_expected = exact_best_split(x, np.array(labels))
    expect_close(impurity, impurity_expected, what=f"{what} impurity", rtol=1e-9, atol=EXACT, hint=SPLIT_HINT)
    expect_close(t, t_expected, what=f"{what} threshold", rtol=1e-12, hint=SPLIT_HINT)
    X = np.column_stack([np.full(6, 1.0), x, -x])
    what = "best_split_all(X, y) with y a list"
    feature, t = check_feature_split(student.best_split_all(X, labels), what)
    check_best_feature(feature, X, np.array(labels), what)


def _plain(value, kind, what):
    """A plain Python int or float (bool is not a number here)."""
    if isinstance(value, bool) or not isinstance(value, kind):
        convert = "int(...)" if kind is int else "float(...)"
        fail(
            f"{what}: expected a plain Python {kind.__name__}. Received: {type(value).__name__}. "
            f"Convert NumPy numbers with {convert}."
        )


def test_return_types(student):
    """Plain Python numbers and tuples, as the task text asks."""
    y = np.array([0, 0, 1, 1, 1])
    _plain(student.gini(y), float, "gini(labels)")
    x = np.array([2.0, 1.0, 4.0, 3.0, 5.0])
    got = student.best_split(x, y)
    if not isinstance(got, tuple) or len(got) != 2:
        fail(f"best_split(x, y): expected a tuple (threshold, impurity). Received: {type(got).__name__}")
    _plain(got[0], float, "best_split(x, y)[0] (threshold)")
    _plain(got[1], float, "best_split(x, y)[1] (impurity)")
    got = student.best_split(np.full(5, 2.0), y)
    if not isinstance(got, tuple) or len(got) != 2 or got[0] is not None:
        fail(f"best_split(a feature with one value, y): expected a tuple (None, gini(y)). Received: {got!r:.60}")
    _plain(got[1], float, "best_split(a feature with one value, y)[1]")
    X = np.column_stack([x, x[::-1]])
    got = student.best_split_all(X, y)
    if not isinstance(got, tuple) or len(got) != 2:
        fail(f"best_split_all(X, y): expected a tuple (feature, threshold). Received: {type(got).__name__}")
    _plain(got[0], int, "best_split_all(X, y)[0] (feature)")
    _plain(got[1], float, "best_split_all(X, y)[1] (threshold)")
    got = student.best_split_all(np.ones((5, 2)), y)
    if got != (None, None) or not isinstance(got, tuple):
        fail(f"best_split_all(only constant columns, y): expected the tuple (None, None). Received: {got!r:.60}")
