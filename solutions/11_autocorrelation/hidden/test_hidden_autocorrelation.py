"""Hidden tests for 11_autocorrelation: a temporal split with a gap, spatial blocks, blocked vs random CV."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.model_selection import GroupKFold, KFold, cross_val_score
from sklearn.neighbors import KNeighborsRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from datasets.spatial import make_spatial_field
from grader.testing import (
    StudentCodeError,
    describe,
    expect_array,
    expect_number,
    fail,
    once_per_submission,
    property_settings,
)

# The judge's survey: 400 sites, covariates with a correlation length of 8 km, blocks of 20 km
# (25 blocks in the 100 km square), the rows sorted by northing as a survey table often is (so an
# unshuffled KFold is not random at all). Measured with the reference (CV seed 0): random K-fold
# R^2 0.46, blocked 0.07 (0.14 with labels j * 1000 + i), a margin of 0.39. The blocked score
# depends on which blocks land in which fold (and so on the order of the student's label values):
# over 60 GroupKFold seeds it stays below 0.19, while the shuffled score stays above 0.40 (20 KFold
# seeds), so the margin is at least 0.2 for any labelling.
FIELD_SEED, N_SITES, BLOCK_SIZE, N_SPLITS, CV_SEED = 2, 400, 20.0, 5, 0
MIN_MARGIN = 0.15
SCORE_ATOL = 0.02


def _model():
    return make_pipeline(StandardScaler(), KNeighborsRegressor(n_neighbors=5))


def _cells(coords, block_size):
    """The judge's cell of every site, as one integer id per distinct (i, j)."""
    ij = np.floor(np.asarray(coords, dtype=float) / block_size).astype(np.int64)
    return np.unique(ij, axis=0, return_inverse=True)[1].reshape(-1)


# --- temporal_split --------------------------------------------------------------------------

SPLIT_HINT = (
    "The test block is the last n_test samples; training is 0 .. n - n_test - gap - 1, so exactly "
    "`gap` samples lie between them; a float test_size is a fraction rounded up (math.ceil)."
)


def _split(student, n, test_size, gap):
    what = f"temporal_split(n={n}, test_size={test_size!r}, gap={gap})"
    got = student.temporal_split(n, test_size, gap)
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"{what}: expected a tuple (train_idx, test_idx) of two integer arrays.")
    train = expect_array(got[0], what=f"{what}: train_idx")
    test = expect_array(got[1], what=f"{what}: test_idx")
    if train.ndim != 1 or test.ndim != 1:
        fail(f"{what}: train_idx and test_idx must be 1-D arrays of indices.")
    if np.any(train != np.round(train)) or np.any(test != np.round(test)):
        fail(f"{what}: the indices must be whole numbers.")
    return train.astype(np.int64), test.astype(np.int64), what


def _expected_split(n, test_size, gap):
    n_test = math.ceil(test_size * n) if isinstance(test_size, float) else int(test_size)
    return np.arange(n - n_test - gap), np.arange(n - n_test, n)


def _check_split(train, test, expected_train, expected_test, what):
    if len(test) != len(expected_test):
        fail(f"{what}: test_idx has {len(test)} samples; expected {len(expected_test)}. {SPLIT_HINT}")
    if not np.all(np.diff(test) > 0) or not np.all(np.diff(train) > 0):
        fail(f"{what}: the indices must be in ascending time order (each once); got them shuffled.")
    if not np.array_equal(test, expected_test):
        fail(f"{what}: test_idx is not the last {len(expected_test)} samples in time order. {SPLIT_HINT}")
    if len(train) and train.max() >= test.min():
        fail(f"{what}: some training samples come after the start of the test block. {SPLIT_HINT}")
    if len(train) != len(expected_train):
        gap = test.min() - (train.max() + 1 if len(train) else 0)
        fail(
            f"{what}: {gap} samples lie between the training and the test block, and training has "
            f"{len(train)} samples. {SPLIT_HINT}"
        )
    if not np.array_equal(train, expected_train):
        fail(f"{what}: train_idx is not 0, 1, ..., in time order without holes. {SPLIT_HINT}")


@pytest.mark.parametrize(
    ("n", "test_size", "gap"),
    [(100, 20, 5), (365, 60, 14), (7, 3, 2), (1000, 100, 30), (12, 1, 10)],
)
def test_temporal_split_order_and_gap(student, n, test_size, gap):
    train, test, what = _split(student, n, test_size, gap)
    _check_split(train, test, *_expected_split(n, test_size, gap), what)


@pytest.mark.parametrize(("n", "test_size"), [(50, 10), (9, 4), (2, 1)])
def test_temporal_split_gap_zero(student, n, test_size):
    train, test, what = _split(student, n, test_size, 0)
    _check_split(train, test, *_expected_split(n, test_size, 0), what)
    if not np.array_equal(np.concatenate([train, test]), np.arange(n)):
        fail(f"{what}: with gap 0 the training and test blocks together must cover all {n} samples.")


@pytest.mark.parametrize(("n", "test_size", "gap"), [(10, 0.25, 1), (50, 0.33, 7), (37, 0.3, 0), (23, 0.2, 3)])
def test_temporal_split_fraction_rounds_up(student, n, test_size, gap):
    train, test, what = _split(student, n, test_size, gap)
    _check_split(train, test, *_expected_split(n, test_size, gap), what)


@pytest.mark.parametrize(("n", "test_size", "gap"), [(10, 3, 7), (10, 5, 8), (5, 5, 0), (20, 4, -1)])
def test_temporal_split_raises_when_impossible(student, n, test_size, gap):
    what = f"temporal_split(n={n}, test_size={test_size}, gap={gap})"
    try:
        student.temporal_split(n, test_size, gap)
    except StudentCodeError as err:
        if err.type_name != "ValueError":
            fail(f"{what}: expected a ValueError (no training sample left, or a negative gap); got {err.type_name}.")
        return
    fail(f"{what}: expected a ValueError (no training sample left, or a negative gap); nothing was raised.")


# --- spatial_blocks ----------------------------------------------------------------------------


def _known_coords():
    """Sites on both sides of zero, on cell edges, and spread over more than 10 cells each way."""
    rng = np.random.default_rng(11)
    scattered = rng.uniform(-37.0, 63.0, size=(150, 2))
    edges = np.array(
        [[0.0, 0.0], [-0.01, 0.0], [0.0, -0.01], [-0.01, -0.01], [5.0, 5.0], [4.999, 5.0], [-5.0, 2.5], [-5.001, 2.5]]
        + [[12.5, -7.5], [-12.5, 7.5], [60.0, -35.0], [-35.0, 60.0], [2.5, 50.0], [50.0, 2.5]]
    )
    return np.vstack([scattered, edges])


def _labels(student, coords, block_size):
    what = f"spatial_blocks(coords of shape {coords.shape}, block_size={block_size})"
    labels = expect_array(student.spatial_blocks(coords, block_size), what=what)
    labels = labels.reshape(-1) if labels.ndim == 2 and 1 in labels.shape else labels
    if labels.shape != (len(coords),):
        fail(f"{what}: expected one label per site, shape ({len(coords)},); got shape {labels.shape}.")
    return labels, what


def _same_partition(a, b):
    pairs = np.unique(np.column_stack([a, b]), axis=0)
    return len(pairs) == len(np.unique(a)) == len(np.unique(b))


@pytest.mark.parametrize("block_size", [5.0, 2.5, 20.0])
def test_spatial_blocks_match_grid_cells(student, block_size):
    coords = _known_coords()
    labels, what = _labels(student, coords, block_size)
    cells = _cells(coords, block_size)
    if not _same_partition(labels, cells):
        merged = len(np.unique(labels)) < len(np.unique(cells))
        detail = (
            "some sites from different cells share a label (cells merged: rows only? i * 10 + j?)"
            if merged
            else "sites of the same cell got different labels, or the cells are shifted"
        )
        fail(
            f"{what}: the labels do not group the sites by square cells of side block_size anchored at 0: "
            f"{detail}. Cell (i, j) is floor(x / block_size), floor(y / block_size); mind negative "
            "coordinates (int() rounds towards zero, floor does not)."
        )


def test_spatial_blocks_no_block_in_train_and_test(student):
    _, _, coords = make_spatial_field(N_SITES, seed=FIELD_SEED)
    coords = coords - 50.0  # the survey centred on the origin: negative coordinates too
    labels, what = _labels(student, coords, BLOCK_SIZE)
    cells = _cells(coords, BLOCK_SIZE)
    if len(np.unique(labels)) < N_SPLITS:
        fail(f"{what}: only {len(np.unique(labels))} distinct labels; GroupKFold needs at least {N_SPLITS}.")
    cv = GroupKFold(n_splits=N_SPLITS, shuffle=True, random_state=CV_SEED)
    for k, (train, test) in enumerate(cv.split(coords, groups=labels)):
        shared = np.intersect1d(cells[train], cells[test])
        if len(shared):
            fail(
                f"{what}: in fold {k} of a GroupKFold on your labels, {len(shared)} of the "
                f"{BLOCK_SIZE:g} km grid cells have sites in both the training and the test part: "
                "sites of one cell must share one label."
            )


# --- blocked vs random cross-validation ----------------------------------------------------------


def _field():
    X, y, coords = make_spatial_field(N_SITES, seed=FIELD_SEED)
    order = np.argsort(coords[:, 1], kind="stable")  # sorted by northing, south to north
    return X[order], y[order], coords[order]


def _student_score(student, kind):
    """The student's blocked or random score, computed once per submission and shared by the tests below."""

    def score():
        X, y, coords = _field()
        if kind == "blocked":
            return student.blocked_cv_score(X, y, coords, BLOCK_SIZE, N_SPLITS, CV_SEED)
        return student.random_cv_score(X, y, N_SPLITS, CV_SEED)

    got = once_per_submission(student, ("cv_score", kind), score)
    what = (
        f"blocked_cv_score(X, y, coords, {BLOCK_SIZE:g}, {N_SPLITS}, {CV_SEED})"
        if kind == "blocked"
        else f"random_cv_score(X, y, {N_SPLITS}, {CV_SEED})"
    )
    value = expect_number(got, what=what)
    if not np.isfinite(value):
        fail(f"{what} returned NaN or inf.")
    return value


def _judge_blocked(groups):
    """The judge's blocked score with the student's own labels (their order sets the folds)."""
    X, y, _ = _field()
    cv = GroupKFold(n_splits=N_SPLITS, shuffle=True, random_state=CV_SEED)
    return float(cross_val_score(_model(), X, y, groups=groups, cv=cv, scoring="r2").mean())


def _judge_random():
    X, y, _ = _field()
    cv = KFold(n_splits=N_SPLITS, shuffle=True, random_state=CV_SEED)
    return float(cross_val_score(_model(), X, y, cv=cv, scoring="r2").mean())


def _judge_variants(X, y, groups, n_splits, seed):
    """The judge's scores of the usual slips, to name the one a wrong score looks like."""
    model = _model()
    return {
        "shuffled KFold folds, which ignore the blocks": cross_val_score(
            model, X, y, cv=KFold(n_splits, shuffle=True, random_state=seed), scoring="r2"
        ).mean(),
        "folds of KFold without shuffle=True": cross_val_score(model, X, y, cv=KFold(n_splits), scoring="r2").mean(),
        "GroupKFold without shuffle=True, random_state=seed": cross_val_score(
            model, X, y, groups=groups, cv=GroupKFold(n_splits), scoring="r2"
        ).mean(),
        "GroupKFold folds on the blocks, which a random K-fold score must not use": cross_val_score(
            model, X, y, groups=groups, cv=GroupKFold(n_splits, shuffle=True, random_state=seed), scoring="r2"
        ).mean(),
    }


def _wrong_score(got, expected, variants, kind, call, tol):
    """Fail with a message for a score that is not the judge's: the slip it matches, or its direction."""
    for slip, value in variants.items():
        if kind == "random" and slip.startswith("shuffled"):
            continue
        if kind == "blocked" and slip.startswith("GroupKFold folds"):
            continue
        if abs(got - value) <= tol:
            fail(f"{call}: the score matches the one of {slip}. {SCORE_HINTS[kind]}")
    direction = "higher" if got > expected else "lower"
    fail(
        f"{call}: the score is {direction} than the {kind} cross-validated R^2 (by more than {tol:g}). "
        f"{SCORE_HINTS[kind]}"
    )


SCORE_HINTS = {
    "blocked": "Use make_model(), groups from your spatial_blocks, GroupKFold(n_splits, shuffle=True, "
    "random_state=seed), scoring='r2', and the mean of the folds' R^2.",
    "random": "Use make_model(), KFold(n_splits, shuffle=True, random_state=seed), scoring='r2', and the mean "
    "of the folds' R^2.",
}


def test_blocked_cv_score_value(student):
    blocked = _student_score(student, "blocked")
    X, y, coords = _field()
    labels, _ = _labels(student, coords, BLOCK_SIZE)
    if len(np.unique(labels)) < N_SPLITS:
        fail(f"spatial_blocks gives fewer than {N_SPLITS} blocks on the survey; GroupKFold cannot split it.")
    expected = _judge_blocked(labels)
    if abs(blocked - expected) > SCORE_ATOL:
        _wrong_score(
            blocked,
            expected,
            _judge_variants(X, y, labels, N_SPLITS, CV_SEED),
            "blocked",
            f"blocked_cv_score(X, y, coords, {BLOCK_SIZE:g}, {N_SPLITS}, {CV_SEED}) on a 400-site survey",
            SCORE_ATOL,
        )


def test_random_cv_score_value(student):
    random = _student_score(student, "random")
    expected = _judge_random()
    if abs(random - expected) > SCORE_ATOL:
        X, y, coords = _field()
        _wrong_score(
            random,
            expected,
            _judge_variants(X, y, _cells(coords, BLOCK_SIZE), N_SPLITS, CV_SEED),
            "random",
            f"random_cv_score(X, y, {N_SPLITS}, {CV_SEED}) on a 400-site survey",
            SCORE_ATOL,
        )


def test_random_cv_overestimates_skill(student, record):
    blocked, random = _student_score(student, "blocked"), _student_score(student, "random")
    record(
        "cv_scores",
        random_kfold_r2=random,
        blocked_r2=blocked,
        optimism=random - blocked,
        title="Shuffled K-fold against spatially blocked CV on the same survey",
    )
    if random - blocked < MIN_MARGIN:
        how = "lower than or equal to" if random <= blocked else f"higher by less than {MIN_MARGIN} than"
        fail(
            f"On a spatially autocorrelated 400-site survey your random K-fold R^2 is {how} your blocked R^2; it "
            f"should be higher by at least {MIN_MARGIN}: neighbours of every test site sit in the shuffled "
            "training folds, but not across blocks. Does blocked_cv_score really group the folds by block, "
            "and does random_cv_score shuffle?"
        )


REPORT_CHOICES = ("random", "blocked 2 km", "blocked 5 km", "blocked 10 km", "blocked 20 km")


def test_reports_the_score_of_a_new_place(student):
    answer = student.score_to_report()
    if answer not in REPORT_CHOICES:
        fail(f"score_to_report(): expected one of {', '.join(REPORT_CHOICES)}. Received: {answer!r:.60}")
    if answer != "blocked 20 km":
        fail(
            "score_to_report(): a map of the next valley predicts places with no site nearby. Which split "
            "keeps every test site that far from the training sites? Compare the block sizes with the "
            "correlation lengths in the task text."
        )


# --- integers, every split, every cell: property tests --------------------------------------------


def test_indices_and_labels_are_integers(student):
    for test_size in (5, 0.25):
        call = f"temporal_split(20, {test_size}, 2)"
        got = student.temporal_split(20, test_size, 2)
        if not isinstance(got, (tuple, list)) or len(got) != 2:
            fail(f"{call}: expected a tuple (train_idx, test_idx). Received: {describe(got)}")
        for value, name in zip(got, ("train_idx", "test_idx"), strict=True):
            expect_array(value, what=f"{call}: {name}")
            dtype = np.asarray(value).dtype  # expect_array's copy is float
            if dtype.kind not in "iu":
                fail(
                    f"{call}: {name} has dtype {dtype}; indices must be integers (math.ceil gives an int, "
                    "np.ceil a float; np.arange of ints, or .astype(int))."
                )
    coords = np.array([[1.0, 1.0], [9.0, 2.0], [11.0, 1.0], [-1.0, 1.0]])
    labels = student.spatial_blocks(coords, 10.0)
    expect_array(labels, what="spatial_blocks(coords, 10.0)")
    dtype = np.asarray(labels).dtype
    if dtype.kind not in "iu":
        fail(
            f"spatial_blocks(coords, 10.0): the labels have dtype {dtype}; return one integer label "
            "per site (np.floor(...) gives floats: convert with .astype(int))."
        )


def _expected_or_error(n, test_size, gap):
    n_test = math.ceil(test_size * n) if isinstance(test_size, float) else int(test_size)
    if gap < 0 or n - n_test - gap < 1:
        return None
    return np.arange(n - n_test - gap), np.arange(n - n_test, n)


@property_settings(40)
@given(
    n=st.integers(1, 60),
    test_size=st.one_of(st.integers(1, 62), st.floats(0.01, 0.99)),
    gap=st.integers(-2, 12),
)
def test_temporal_split_property(student, n, test_size, gap):
    expected = _expected_or_error(n, test_size, gap)
    what = f"temporal_split(n={n}, test_size={test_size!r}, gap={gap})"
    if expected is None:
        try:
            student.temporal_split(n, test_size, gap)
        except StudentCodeError as err:
            if err.type_name != "ValueError":
                fail(
                    f"{what}: expected a ValueError (no training sample left, or a negative gap); got {err.type_name}."
                )
            return
        fail(f"{what}: expected a ValueError (no training sample left, or a negative gap); it returned a value.")
    train, test, what = _split(student, n, test_size, gap)
    _check_split(train, test, *expected, what)


# Sites placed at exact multiples of block_size / 8 (no rounding at a cell edge), on edges too,
# in 1 to 12 sites that often share a cell, anywhere from cell -10**6 to 10**6 (float64) or
# -10**3 to 10**3 (float32), for block sizes from 0.25 to 20.
_BLOCK_SIZES = [0.25, 1.0, 2.5, 5.0, 20.0]


@st.composite
def site_sets(draw):
    dtype = draw(st.sampled_from([np.float64, np.float32]))
    reach = draw(st.sampled_from([3, 1000] if dtype == np.float32 else [3, 1000, 10**6]))
    block_size = draw(st.sampled_from(_BLOCK_SIZES))
    n = draw(st.integers(1, 12))
    cells = draw(st.lists(st.tuples(st.integers(-reach, reach), st.integers(-reach, reach)), min_size=1, max_size=4))
    sites = []
    for _ in range(n):
        i, j = draw(st.sampled_from(cells))
        fx, fy = draw(st.integers(0, 7)), draw(st.integers(0, 7))
        sites.append([(i + fx / 8) * block_size, (j + fy / 8) * block_size])
    return np.array(sites, dtype=dtype), block_size


@property_settings(40)
@given(case=site_sets())
def test_spatial_blocks_property(student, case):
    coords, block_size = case
    what = f"spatial_blocks(coords of shape {coords.shape} and dtype {coords.dtype}, block_size={block_size})"
    labels = expect_array(student.spatial_blocks(coords, block_size), what=what, shape=(len(coords),))
    cells = _cells(coords, block_size)
    if not _same_partition(labels, cells):
        merged = len(np.unique(labels)) < len(np.unique(cells))
        detail = "sites of different cells share a label" if merged else "sites of one cell got different labels"
        fail(
            f"{what}: {detail}. Cell (i, j) is floor(x / block_size), floor(y / block_size), for coordinates of "
            "any sign and size; the label must tell the cells apart (i * 10 + j does not, once j reaches 10)."
        )


# --- the arguments reach the folds: another survey, other n_splits, seeds and block sizes -----------

ARGS_FIELD_SEED, ARGS_SITES = 6, 300
EXACT = 1e-6  # the same folds and the same model give the same R^2 up to rounding


def _args_field():
    return make_spatial_field(ARGS_SITES, seed=ARGS_FIELD_SEED)


@pytest.mark.parametrize("kind", ["random", "blocked"])
def test_cv_scores_use_their_arguments(student, kind):
    X, y, coords = _args_field()
    if kind == "random":
        n_splits, seed = 3, 7
        call = f"random_cv_score(X, y, n_splits={n_splits}, seed={seed}) on a {ARGS_SITES}-site survey"
        got = expect_number(student.random_cv_score(X, y, n_splits, seed), what=call)
        groups = _cells(coords, 10.0)

        def judge(k, s):
            return cross_val_score(_model(), X, y, cv=KFold(k, shuffle=True, random_state=s), scoring="r2").mean()
    else:
        n_splits, seed, block_size = 4, 3, 10.0
        call = (
            f"blocked_cv_score(X, y, coords, block_size={block_size:g}, n_splits={n_splits}, seed={seed}) "
            f"on a {ARGS_SITES}-site survey"
        )
        got = expect_number(student.blocked_cv_score(X, y, coords, block_size, n_splits, seed), what=call)
        groups, _ = _labels(student, coords, block_size)
        if len(np.unique(groups)) < N_SPLITS:
            fail(f"spatial_blocks gives fewer than {N_SPLITS} blocks on the survey; GroupKFold cannot split it.")

        def judge(k, s):
            cv = GroupKFold(k, shuffle=True, random_state=s)
            return cross_val_score(_model(), X, y, groups=groups, cv=cv, scoring="r2").mean()

    expected = judge(n_splits, seed)
    if abs(got - expected) <= EXACT:
        return
    for default, value in {"n_splits=5": judge(N_SPLITS, seed), "seed=0": judge(n_splits, CV_SEED)}.items():
        if abs(got - value) <= EXACT < abs(expected - value):
            fail(f"{call}: the score is the one of {default}: pass the function's own arguments to the splitter.")
    _wrong_score(got, expected, _judge_variants(X, y, groups, n_splits, seed), kind, call, EXACT)


def test_cv_scores_return_python_floats(student):
    X, y, coords = _args_field()
    for call, got in (
        ("random_cv_score(X, y, 5, 0)", student.random_cv_score(X, y, 5, 0)),
        ("blocked_cv_score(X, y, coords, 20.0, 5, 0)", student.blocked_cv_score(X, y, coords, 20.0, 5, 0)),
    ):
        if type(got) is not float:
            received = f"a numpy.{type(got).__name__}" if isinstance(got, np.generic) else describe(got)
            fail(f"{call}: expected a Python float. Received: {received}; convert the mean with float(...).")
