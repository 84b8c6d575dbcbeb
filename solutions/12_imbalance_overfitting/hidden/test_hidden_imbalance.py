"""Hidden tests for 12_imbalance_overfitting.

Expected values come from scikit-learn (StratifiedShuffleSplit, balanced_accuracy_score,
compute_class_weight) and NumPy, computed here; the trained model is evaluated here on the
validation data and on a hidden test set drawn from datasets/imbalance.py.
"""

import warnings

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from sklearn.metrics import balanced_accuracy_score, recall_score
from sklearn.model_selection import StratifiedShuffleSplit, train_test_split
from sklearn.utils.class_weight import compute_class_weight

from datasets.imbalance import make_imbalanced
from grader.testing import (
    expect_array,
    expect_close,
    expect_model,
    expect_number,
    fail,
    once_per_submission,
    property_settings,
)

MAX_EPOCHS = 200  # the README fixes it
PATIENCE = 10  # the README fixes it
DATA_SEED, TEST_SEED, SPLIT_SEED = 2026, 2027, 12
N_DATA, N_TEST = 500, 4000
# Balanced accuracy and rare-class recall of the student's model on the hidden test set (the majority
# baseline: 0.5 and 0). Calibrated over seeds and networks in ../CALIBRATION.md (bench/calibrate_imbalance.py):
# every network trained as asked clears both; some networks without class weights do too, which is why
# test_finds_the_rare_class also checks that the reported training loss is the class-weighted one.
MIN_BALANCED_ACCURACY = 0.65
MIN_RARE_RECALL = 0.45
EPS = 1e-7
STOPPED_TOO_EARLY = (
    "If you did, look at your loss curves: with class weights, a plain (unweighted) validation loss can "
    "rise from the first epoch and stop the training before anything was learned; weight the validation "
    "loss like the training loss (README)."
)  # Keras clips probabilities to [EPS, 1 - EPS] in its cross-entropy


def _labels(counts, seed):
    """A shuffled integer label array with counts[c] samples of class c."""
    y = np.repeat(np.arange(len(counts)), counts)
    return np.random.default_rng(seed).permutation(y)


# --- stratified_split ----------------------------------------------------------------------

SPLIT_CASES = [
    (_labels([460, 40], 1), 0.3),  # binary, 8 % rare
    (_labels([300, 45, 7], 2), 0.25),  # three classes, one very rare
    (_labels([998, 2], 3), 0.5),  # the dogs and cats
]


def _split(student, y, test_size, seed):
    what = f"stratified_split(y, test_size={test_size}, seed={seed}) for {len(y)} labels"
    got = student.stratified_split(y, test_size=test_size, seed=seed)
    if not isinstance(got, tuple) or len(got) != 2:
        fail(f"{what}: expected a tuple (train_idx, test_idx) of two index arrays.")
    parts = []
    for name, part in zip(("train_idx", "test_idx"), got, strict=True):
        if isinstance(part, np.ndarray) and part.dtype.kind == "b":
            fail(f"{what}: {name} is a boolean mask; return integer indices (np.flatnonzero(mask)).")
        array = expect_array(part, what=f"{what}: {name}")
        if array.ndim != 1 or not np.all(array == np.round(array)):
            fail(f"{what}: {name} should be a 1-d array of integer indices.")
        parts.append(array.astype(int))
    return parts[0], parts[1], what


def test_stratified_split_partitions(student):
    for y, test_size in SPLIT_CASES:
        train, test, what = _split(student, y, test_size, seed=0)
        both = np.concatenate([train, test])
        if np.intersect1d(train, test).size:
            fail(f"{what}: some indices are in both train_idx and test_idx; the parts must be disjoint.")
        if len(both) != len(y) or not np.array_equal(np.sort(both), np.arange(len(y))):
            fail(
                f"{what}: train_idx and test_idx together should hold every index 0 .. {len(y) - 1} "
                f"exactly once; they hold {len(both)} indices."
            )


def test_stratified_split_keeps_proportions(student):
    for y, test_size in SPLIT_CASES:
        classes, counts = np.unique(y, return_counts=True)
        for seed in range(4):
            _, test, what = _split(student, y, test_size, seed)
            if test.size and (test.min() < 0 or test.max() >= len(y)):
                fail(f"{what}: test_idx holds indices outside 0 .. {len(y) - 1}.")
            got = np.array([np.sum(y[test] == c) for c in classes])
            sss = StratifiedShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
            _, sk_test = next(sss.split(np.zeros(len(y)), y))
            reference = np.array([np.sum(y[sk_test] == c) for c in classes])
            if np.any(np.abs(got - reference) > 1) or np.any(np.abs(got - test_size * counts) > 1):
                fail(
                    f"{what}: the test part holds {got.tolist()} samples of the classes "
                    f"{classes.tolist()}, which have {counts.tolist()} samples in all. Each class should "
                    f"give test_size = {test_size} of its samples to the test part (within one sample), "
                    "as sklearn's StratifiedShuffleSplit does. Split each class separately."
                )


def test_stratified_split_is_seeded(student):
    y, test_size = SPLIT_CASES[0]
    _, test_a, what = _split(student, y, test_size, seed=5)
    _, test_b, _ = _split(student, y, test_size, seed=5)
    _, test_c, _ = _split(student, y, test_size, seed=6)
    if not np.array_equal(np.sort(test_a), np.sort(test_b)):
        fail(f"{what}: two calls with the same seed gave different splits; use np.random.default_rng(seed).")
    if np.array_equal(np.sort(test_a), np.sort(test_c)):
        fail(f"{what}: seeds 5 and 6 gave the same split; the samples of each class should be drawn at random.")


@st.composite
def class_counts(draw):
    """Labels (integers or strings) with 1 to 4 classes of 1 to 30 samples each, shuffled."""
    counts = draw(st.lists(st.integers(1, 30), min_size=1, max_size=4))
    alphabet = draw(st.sampled_from([(0, 1, 2, 3), (7, -1, 5, 2), ("dog", "cat", "cow", "emu")]))
    y = np.repeat(np.array(alphabet[: len(counts)]), counts)
    return np.random.default_rng(draw(st.integers(0, 100))).permutation(y)


@property_settings(15)
@example(y=np.array([3]), test_size=0.3, seed=0)  # one sample
@example(y=np.array(["cat", "dog", "dog", "dog", "dog"]), test_size=0.5, seed=1)  # a class of one
@given(y=class_counts(), test_size=st.sampled_from([0.1, 0.25, 0.3, 0.5, 0.8]), seed=st.integers(0, 10**6))
def test_stratified_split_property(student, y, test_size, seed):
    """Any classes (one sample, a class of one, string labels): a partition, each class split by test_size."""
    train, test, what = _split(student, y, test_size, seed)
    both = np.concatenate([train, test])
    if len(both) != len(y) or not np.array_equal(np.sort(both), np.arange(len(y))):
        fail(f"{what}: train_idx and test_idx together should hold every index 0 .. {len(y) - 1} exactly once.")
    classes, counts = np.unique(y, return_counts=True)
    got = np.array([np.sum(y[test] == c) for c in classes])
    if np.any(np.abs(got - test_size * counts) > 1):
        fail(
            f"{what}: the test part holds {got.tolist()} samples of the classes {classes.tolist()}, which have "
            f"{counts.tolist()} samples in all; each class should give round(test_size * n_c) of its samples "
            "(within one sample). Split each class separately."
        )


# --- majority_baseline and balanced_accuracy ------------------------------------------------


def _dogs_and_cats(n_dogs, n_cats, seed):
    return np.random.default_rng(seed).permutation(np.array(["dog"] * n_dogs + ["cat"] * n_cats))


def test_majority_baseline_dogs_and_cats(student):
    y_train, y_test = _dogs_and_cats(998, 2, 1), _dogs_and_cats(499, 1, 2)
    what = "majority_baseline(y_train, y_test) with 998 dogs and 2 cats"
    got = student.majority_baseline(y_train, y_test)
    got = np.asarray(got) if isinstance(got, (list, tuple)) else got
    if not isinstance(got, np.ndarray) or got.shape != y_test.shape:
        fail(f"{what}: expected an array of shape {y_test.shape}, one prediction per test label.")
    if not np.all(got == "dog"):
        fail(f"{what}: the baseline should answer the training set's most common label for every sample.")
    accuracy = np.mean(got == y_test)
    score = expect_number(
        student.balanced_accuracy(y_test, got), what="balanced_accuracy(y_test, baseline) for 499 dogs, 1 cat"
    )
    if not accuracy > 0.99 or not np.isclose(score, 0.5, atol=1e-9):
        fail(
            "balanced_accuracy(y_test, baseline): the always-dog baseline has an accuracy of 99.8 % but "
            "finds no cat: its balanced accuracy (mean of the recall of dogs, 1, and of cats, 0) is 0.5."
        )


def test_majority_baseline_uses_training_labels(student):
    y_train = _labels([30, 70], 4)  # majority: 1
    y_test = _labels([80, 20], 5)  # majority: 0
    what = "majority_baseline(y_train, y_test) where train and test have different majorities"
    got = expect_array(student.majority_baseline(y_train, y_test), what=what, shape=y_test.shape)
    if not np.all(got == 1):
        fail(
            f"{what}: the baseline must be the most common label of y_train, the only labels known when "
            "training; y_test only says how many predictions to make."
        )


@property_settings(15)
@example(counts=[1], alphabet=("cat", "dog"), n_test=1)  # one training label, one prediction
@given(
    counts=st.lists(st.integers(1, 12), min_size=1, max_size=3).filter(
        lambda c: sorted(c)[-1] > (sorted(c)[-2] if len(c) > 1 else 0)
    ),
    alphabet=st.sampled_from([(0, 1, 2), (5, -3, 9), ("cat", "dog", "cow")]),
    n_test=st.integers(1, 6),
)
def test_majority_baseline_property(student, counts, alphabet, n_test):
    """Any training labels with one most common label, integers or strings, 1 to 6 test labels."""
    labels = np.array(alphabet[: len(counts)])
    y_train = np.random.default_rng(len(counts)).permutation(np.repeat(labels, counts))
    y_test = labels[np.arange(n_test) % len(labels)][::-1].copy()
    what = f"majority_baseline(y_train={y_train.tolist()}, y_test={y_test.tolist()})"
    got = student.majority_baseline(y_train, y_test)
    got = np.asarray(got) if isinstance(got, (list, tuple)) else got
    if not isinstance(got, np.ndarray) or got.shape != (n_test,):
        fail(f"{what}: expected an array of shape ({n_test},), one prediction per test label.")
    majority = labels[int(np.argmax(counts))]
    if not np.all(got == majority):
        fail(f"{what}: the baseline should be the most common label of y_train, repeated.")


BALANCED_CASES = {
    "binary": (_labels([90, 10], 6), 0.15, 7),
    "three classes": (_labels([50, 30, 5], 8), 0.4, 9),
}


def _sklearn_balanced(y_true, y_pred):
    with warnings.catch_warnings():  # "y_pred contains classes not in y_true"
        warnings.simplefilter("ignore")
        return balanced_accuracy_score(y_true, y_pred)


@pytest.mark.parametrize("case", list(BALANCED_CASES) + ["strings", "a predicted class absent from y_true"])
def test_balanced_accuracy_matches_sklearn(student, case):
    if case == "strings":
        y_true, y_pred = _dogs_and_cats(90, 10, 10), _dogs_and_cats(80, 20, 11)
    elif case.startswith("a predicted"):
        y_true = _labels([40, 10], 15)
        y_pred = np.where(np.random.default_rng(16).random(50) < 0.3, 2, y_true)
    else:
        y_true, flip, seed = BALANCED_CASES[case]
        rng = np.random.default_rng(seed)
        y_pred = np.where(rng.random(len(y_true)) < flip, rng.integers(0, y_true.max() + 1, len(y_true)), y_true)
    what = f"balanced_accuracy(y_true, y_pred) ({case})"
    got = expect_number(student.balanced_accuracy(y_true, y_pred), what=what)
    expect_close(
        got,
        _sklearn_balanced(y_true, y_pred),
        what=what,
        rtol=1e-9,
        hint=_balanced_hint(got, y_true, y_pred),
    )


def _balanced_hint(got, y_true, y_pred):
    """A hint from the symptom: which wrong recipe gives the student's number."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if np.isclose(got, np.mean(y_true == y_pred)):
        return "That is the plain accuracy; balanced accuracy is the mean of each class's recall."
    every = np.union1d(y_true, y_pred)
    if every.size > np.unique(y_true).size:
        recalls = [np.mean(y_pred[y_true == c] == c) if np.any(y_true == c) else 0.0 for c in every]
        if np.isclose(got, np.mean(recalls)):
            return "Average over the classes present in y_true only, not over the labels of y_pred too."
    return "The mean over the classes of y_true of each class's recall, not the plain accuracy."


LABEL_SETS = [(0, 1), (0, 1, 2), (-1, 1), (2.0, 7.0), ("dog", "cat"), ("a", "b", "c")]  # floats: whole (sklearn)


@st.composite
def label_pairs(draw):
    """(y_true, y_pred) of 1 to 15 labels from one alphabet: numbers or strings."""
    alphabet = draw(st.sampled_from(LABEL_SETS))
    n = draw(st.integers(1, 15))
    pick = st.lists(st.sampled_from(alphabet), min_size=n, max_size=n)
    return np.array(draw(pick)), np.array(draw(pick))


@property_settings(20)
@example(pair=(np.array([0]), np.array([1])), as_list=False)  # one sample
@example(pair=(np.array([0, 0, 1]), np.array([0, 2, 1])), as_list=False)  # 2 is only predicted
@example(pair=(np.array(["b", "b", "a"]), np.array(["c", "b", "a"])), as_list=True)
@given(pair=label_pairs(), as_list=st.booleans())
def test_balanced_accuracy_property(student, pair, as_list):
    """Numbers or strings, 1 to 15 samples, one class only, predictions with classes absent from y_true."""
    y_true, y_pred = pair
    expected = _sklearn_balanced(y_true, y_pred)
    args = (y_true.tolist(), y_pred.tolist()) if as_list else (y_true, y_pred)
    what = f"balanced_accuracy({y_true.tolist()}, {y_pred.tolist()})" + (" (lists)" if as_list else "")
    got = expect_number(student.balanced_accuracy(*args), what=what)
    expect_close(got, expected, what=what, rtol=1e-9, atol=1e-12, hint=_balanced_hint(got, y_true, y_pred))


CLASS_WEIGHT_CASES = {
    "binary, 8 % rare": _labels([460, 40], 12),
    "three classes": _labels([300, 45, 7], 13),
    "labels 2, 5, 7": np.array([2, 5, 7])[_labels([12, 3, 9], 14)],
    "strings": np.array(["dog", "cat"])[_labels([30, 6], 17)],
}


@pytest.mark.parametrize("case", list(CLASS_WEIGHT_CASES))
def test_class_weights_match_sklearn(student, case):
    _check_class_weights(student, CLASS_WEIGHT_CASES[case], f"class_weights(y) ({case})")


def _check_class_weights(student, y, what):
    got = student.class_weights(y)
    classes = np.unique(y)
    if not isinstance(got, dict):
        fail(f"{what}: expected a dict {{label: weight}}.")
    if sorted(got, key=str) != sorted(classes.tolist(), key=str):
        fail(f"{what}: expected one key per label of y, {classes.tolist()}; the keys are {sorted(got, key=str)}.")
    expected = compute_class_weight("balanced", classes=classes, y=y)
    values = []
    for key in classes.tolist():
        if isinstance(got[key], bool) or not isinstance(got[key], float):
            fail(f"{what}[{key!r}]: expected a float. Received: {type(got[key]).__name__}")
        values.append(got[key])
    counts = np.array([np.sum(y == c) for c in classes])
    hint = "weight = n_samples / (n_classes * count of the class): the rare classes weigh more."
    if np.allclose(values, counts * len(classes) / len(y)):
        hint = "The weights are upside down: the rare classes must weigh more, n_samples / (n_classes * count)."
    expect_close(values, expected, what=f"{what}, the weights in label order", rtol=1e-9, hint=hint)


@property_settings(15)
@example(y=np.array([4]))  # one sample
@given(y=class_counts())
def test_class_weights_property(student, y):
    """Any integer or string labels, 1 to 4 classes of 1 to 30 samples."""
    _check_class_weights(student, y, f"class_weights(y) ({len(y)} labels {sorted(set(y.tolist()), key=str)})")


# --- train_with_early_stopping --------------------------------------------------------------


def _data():
    X, y = make_imbalanced(N_DATA, seed=DATA_SEED)
    X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.3, stratify=y, random_state=SPLIT_SEED)
    X_test, y_test = make_imbalanced(N_TEST, seed=TEST_SEED)
    return X_train, y_train, X_val, y_val, X_test, y_test


# train_with_early_stopping trains a network: call it once per submission and share the answer.
WHAT = "train_with_early_stopping(X_train, y_train, X_val, y_val)"


def _train(student, record=None):
    def train():
        X_train, y_train, X_val, y_val, _, _ = _data()
        return student.train_with_early_stopping(X_train, y_train, X_val, y_val)

    result = once_per_submission(student, "train_with_early_stopping", train)
    if not isinstance(result, dict):
        fail(f"{WHAT}: expected a dict with keys 'model', 'loss', 'val_loss', 'best_epoch'.")
    missing = [key for key in ("model", "loss", "val_loss", "best_epoch") if key not in result]
    if missing:
        fail(f"{WHAT}: the returned dict has no key(s) {missing}.")
    model = expect_model(result["model"], what=f'{WHAT}["model"]')
    curves = {}
    for key in ("loss", "val_loss"):
        value = result[key]
        if not isinstance(value, (list, tuple)) or len(value) < 2:
            fail(f'{WHAT}["{key}"]: expected a list of floats, one per epoch (at least 2 epochs).')
        curves[key] = expect_array(list(value), what=f'{WHAT}["{key}"]', shape=(len(value),))
    if len(curves["loss"]) != len(curves["val_loss"]):
        fail(f'{WHAT}: "loss" and "val_loss" should have one value per epoch each; their lengths differ.')
    if record is not None:
        record(
            "training",
            loss=curves["loss"],
            val_loss=curves["val_loss"],
            epoch=list(range(len(curves["loss"]))),
            lowest_val_loss_at_epoch=int(np.nanargmin(curves["val_loss"]))
            if np.any(np.isfinite(curves["val_loss"]))
            else -1,
            title="Your training (class-weighted) and validation loss",
            xlabel="epoch (0-based)",
            ylabel="loss",
        )
    if not np.all(np.isfinite(curves["val_loss"])):
        fail(f'{WHAT}["val_loss"] contains NaN or inf.')
    return model, curves, result


def _probabilities(model, X, what):
    try:
        out = np.asarray(model.predict(X.astype("float32"), verbose=0), dtype=float)
    except Exception as err:  # noqa: BLE001 -- the judge calls the model: say why it failed
        fail(f"{what}: calling the model on X of shape {X.shape} raised {type(err).__name__}: {str(err)[:200]}")
    if out.ndim == 2 and out.shape[1] == 1:
        out = out[:, 0]
    if out.shape != (len(X),):
        fail(
            f"{what}: the model should give one probability of class 1 per sample, shape ({len(X)}, 1); "
            f"it gives shape {out.shape}. Use Dense(1, activation='sigmoid') as the output layer."
        )
    if not np.all((out >= 0) & (out <= 1)):
        fail(f"{what}: the model's outputs are not probabilities in [0, 1]; end with a sigmoid.")
    return out


def test_training_returns_model_and_curves(student, record):
    model, curves, result = _train(student, record)
    X_val = _data()[2]
    what = f'{WHAT}["model"]'
    raw = np.asarray(model.predict(X_val[:3].astype("float32"), verbose=0))
    if raw.shape != (3, 1):
        fail(f"{what}: on 3 samples it gives shape {raw.shape}; expected (3, 1), one probability per sample.")
    p = _probabilities(model, X_val, what)
    if not np.any((p > 1e-3) & (p < 1 - 1e-3)):
        fail(f"{what}: every output is 0 or 1; the model should give probabilities, from a sigmoid output layer.")
    if not np.all(np.isfinite(curves["loss"])) or np.any(curves["loss"] <= 0):
        fail(f'{WHAT}["loss"]: the training losses should be positive cross-entropies, one per epoch.')
    expect_number(result["best_epoch"], what=f'{WHAT}["best_epoch"]')


def test_training_stops_early(student):
    _, curves, _ = _train(student)
    epochs = len(curves["val_loss"])
    if epochs >= MAX_EPOCHS:
        fail(
            f"{WHAT}: the training ran all {MAX_EPOCHS} epochs. With "
            "keras.callbacks.EarlyStopping(monitor='val_loss', patience=...) it should stop once the "
            "validation loss has not improved for `patience` epochs."
        )
    best = int(np.argmin(curves["val_loss"]))
    if best == epochs - 1:
        fail(f"{WHAT}: the last epoch has the lowest validation loss, so nothing stopped the training early.")


def test_training_stops_after_patience(student):
    _, curves, _ = _train(student)
    epochs = len(curves["val_loss"])
    best = int(np.argmin(curves["val_loss"]))
    if epochs < MAX_EPOCHS and epochs - 1 - best != PATIENCE:
        fail(
            f"{WHAT}: the training stopped {epochs - 1 - best} epochs after its lowest validation loss; "
            f"with EarlyStopping(monitor='val_loss', patience=PATIENCE) it stops exactly PATIENCE = {PATIENCE} "
            "epochs after it."
        )
    if epochs >= MAX_EPOCHS:
        fail(f"{WHAT}: the training ran all {MAX_EPOCHS} epochs; EarlyStopping should have stopped it.")


def _bce_losses(model, y_train, X, y):
    """The judge's binary cross-entropy of the model on (X, y): plain and weighted with y_train's class weights."""
    p = np.clip(_probabilities(model, X, f'{WHAT}["model"]'), EPS, 1 - EPS)
    losses = -(y * np.log(p) + (1 - y) * np.log(1 - p))
    # Keras's val_loss: plain, or weighted with the class weights (sum of weight * loss / n)
    classes = np.unique(y_train)
    weights = dict(zip(classes.tolist(), compute_class_weight("balanced", classes=classes, y=y_train), strict=True))
    return float(losses.mean()), float(np.mean(np.array([weights[label] for label in y.tolist()]) * losses))


def test_validation_loss_is_class_weighted(student):
    model, curves, _ = _train(student)
    _, y_train, X_val, y_val, _, _ = _data()
    plain, weighted = _bce_losses(model, y_train, X_val, y_val)
    # the returned model has the weights of the best epoch (restored) or of the last one (not restored)
    seen = [float(np.min(curves["val_loss"])), float(curves["val_loss"][-1])]
    if any(np.isclose(weighted, value, rtol=1e-4, atol=1e-6) for value in seen):
        return
    if any(np.isclose(plain, value, rtol=1e-4, atol=1e-6) for value in seen):
        fail(
            f'{WHAT}["val_loss"]: it is the plain (unweighted) cross-entropy on (X_val, y_val). Weight it like '
            "the training loss: validation_data=(X_val, y_val, val_weights), val_weights holding the class "
            "weight of each validation label."
        )
    fail(
        f'{WHAT}["val_loss"]: neither its lowest nor its last value is the class-weighted binary cross-entropy '
        f"of the returned model on the validation data ({weighted:.5f}). Compile with "
        "loss='binary_crossentropy', add no weight regularisers, and pass "
        "validation_data=(X_val, y_val, val_weights)."
    )


def test_best_epoch_is_lowest_val_loss(student):
    _, curves, result = _train(student)
    best = expect_number(result["best_epoch"], what=f'{WHAT}["best_epoch"]')
    if best != int(np.argmin(curves["val_loss"])):
        fail(
            f'{WHAT}["best_epoch"] = {best:g} is not the (0-based) index of the lowest value in "val_loss" (np.argmin).'
        )


def test_restores_best_weights(student):
    model, curves, _ = _train(student)
    _, y_train, X_val, y_val, _, _ = _data()
    candidates = _bce_losses(model, y_train, X_val, y_val)
    lowest = float(np.min(curves["val_loss"]))
    if not any(np.isclose(loss, lowest, rtol=1e-4, atol=1e-6) for loss in candidates):
        fail(
            f'{WHAT}["model"]: its binary cross-entropy on (X_val, y_val) (plain: {candidates[0]:.5f}, '
            f'class-weighted: {candidates[1]:.5f}) is not the lowest "val_loss" of the training, '
            f"{lowest:.5f}: the returned model does not have the weights of its best epoch. Pass "
            "restore_best_weights=True to EarlyStopping (and use no weight regularisers, whose penalty "
            "would be part of val_loss)."
        )


def test_beats_majority_baseline(student):
    model, _, _ = _train(student)
    _, _, _, _, X_test, y_test = _data()
    predicted = (_probabilities(model, X_test, f'{WHAT}["model"]') > 0.5).astype(int)
    score = balanced_accuracy_score(y_test, predicted)
    if score < MIN_BALANCED_ACCURACY:
        fail(
            f'{WHAT}["model"]: its balanced accuracy on the hidden test set (class 1 when the probability '
            f"is above 0.5) is {score:.3f}; it should be at least {MIN_BALANCED_ACCURACY} (always "
            "answering the majority class gives 0.5). Train with class_weight=class_weights(y_train); "
            f"{STOPPED_TOO_EARLY}"
        )


def _trained_with_class_weights(model, curves, X_train, y_train):
    """Whether the training loss Keras reported is the class-weighted one (``class_weight`` given to ``fit``).

    The reported loss of an epoch is a running mean over its batches, close to the loss of the
    model at the epoch's end; the class-weighted and the plain loss of one model differ by a
    factor of about 4 here, far more than that. The returned model is the best epoch's (or the
    last one's, if the weights were not restored).
    """
    plain, weighted = _bce_losses(model, y_train, X_train, y_train)
    epochs = {int(np.argmin(curves["val_loss"])), len(curves["loss"]) - 1}
    reported = [float(curves["loss"][epoch]) for epoch in epochs]
    return any(abs(np.log(max(value, EPS) / weighted)) < abs(np.log(max(value, EPS) / plain)) for value in reported)


def test_finds_the_rare_class(student):
    model, curves, _ = _train(student)
    X_train, y_train, _, _, X_test, y_test = _data()
    if not _trained_with_class_weights(model, curves, X_train, y_train):
        fail(
            f'{WHAT}["loss"]: the training loss it reports is the plain (unweighted) cross-entropy of the '
            "returned model on the training data, not the class-weighted one: the model was trained without "
            "class weights. A network that happens to clear the score bars without them still learned the "
            "wrong loss; train with class_weight=class_weights(y_train)."
        )
    predicted = (_probabilities(model, X_test, f'{WHAT}["model"]') > 0.5).astype(int)
    recall = recall_score(y_test, predicted)
    if recall < MIN_RARE_RECALL:
        fail(
            f'{WHAT}["model"]: it finds {recall:.0%} of the rare class (label 1) in the hidden test set; '
            f"it should find at least {MIN_RARE_RECALL:.0%}. Without class weights the loss is dominated "
            "by the common class and the model learns to answer 0; weight the rare class up with "
            f"class_weight=class_weights(y_train). {STOPPED_TOO_EARLY}"
        )
