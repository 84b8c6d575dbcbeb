"""Hidden tests for 06_classification_metrics: the NumPy metrics against sklearn.metrics."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_score, recall_score

from grader.testing import expect_close, expect_number, expect_raises, fail, property_settings

EXACT = 1e-12  # counts are integers; the ratios should come out to the last bit
METRICS = ["accuracy", "precision", "recall", "f1_score"]
HINTS = {
    "accuracy": "Accuracy is (tp + tn) / n: the fraction of samples with y_pred == y_true.",
    "precision": "Precision is tp / (tp + fp): of the predicted positives, how many are real.",
    "recall": "Recall is tp / (tp + fn): of the real positives, how many were found.",
    "f1_score": "F1 is the harmonic mean 2 P R / (P + R) = 2 tp / (2 tp + fp + fn), not the arithmetic mean.",
}
COUNT_HINT = (
    "tp: real positive and predicted positive; fp: predicted positive but really negative; "
    "fn: really positive but predicted negative; tn: the rest. Compare with the `positive` argument."
)


def sklearn_metric(name, y_true, y_pred, positive, zero_division=0.0):
    if name == "accuracy":
        return accuracy_score(y_true, y_pred)
    function = {"precision": precision_score, "recall": recall_score, "f1_score": f1_score}[name]
    return function(y_true, y_pred, pos_label=positive, zero_division=zero_division)


def sklearn_counts(y_true, y_pred, negative, positive):
    tn, fp, fn, tp = confusion_matrix(y_true, y_pred, labels=[negative, positive]).ravel()
    return {"tp": int(tp), "fp": int(fp), "fn": int(fn), "tn": int(tn)}


def check_counts(got, expected, what):
    if not isinstance(got, dict):
        fail(f'{what}: expected a dict with the keys "tp", "fp", "fn", "tn". Received: a {type(got).__name__}')
    if set(got) != {"tp", "fp", "fn", "tn"}:
        fail(f'{what}: expected exactly the keys "tp", "fp", "fn", "tn". Received the keys {sorted(map(str, got))}')
    for key in ("tp", "fp", "fn", "tn"):
        value = expect_number(got[key], what=f'{what}["{key}"]')
        if value != int(value):
            fail(f'{what}["{key}"]: expected a whole number (a count). Received: {value}')
    total = sum(int(got[key]) for key in got)
    if total != sum(expected.values()):
        fail(f"{what}: the four counts add up to {total}, not to the number of samples. {COUNT_HINT}")
    for key in ("tp", "fp", "fn", "tn"):
        if int(got[key]) != expected[key]:
            fail(f'{what}: the count "{key}" is not the expected one. {COUNT_HINT}')


def check_metric(student, name, y_true, y_pred, positive, what, zero_division=None):
    kwargs = {"positive": positive}
    if zero_division is not None:
        kwargs["zero_division"] = zero_division
    got = getattr(student, name)(y_true, y_pred, **kwargs)
    expected = sklearn_metric(name, y_true, y_pred, positive, 0.0 if zero_division is None else zero_division)
    expect_close(got, expected, what=f"{name}({what})", rtol=EXACT, atol=EXACT, hint=HINTS[name])


def labels(n, positive_rate, seed, accuracy_pos=0.7, false_alarm=0.1):
    """A seeded 0/1 label set and a plausible classifier's predictions."""
    rng = np.random.default_rng(seed)
    y_true = (rng.random(n) < positive_rate).astype(int)
    found = rng.random(n) < accuracy_pos
    alarm = rng.random(n) < false_alarm
    y_pred = np.where(y_true == 1, found, alarm).astype(int)
    return y_true, y_pred


# name -> (n, positive rate, seed, P(predict 1 | 1), P(predict 1 | 0))
DATASETS = {
    "balanced": (200, 0.5, 1, 0.8, 0.2),
    "imbalanced_10pct": (500, 0.1, 2, 0.6, 0.05),
    "imbalanced_1pct": (2000, 0.01, 3, 0.5, 0.01),
    "many_false_alarms": (300, 0.2, 4, 0.9, 0.6),
}


# --- the slides' worked case ------------------------------------------------------

# 998 dogs, 2 cats; the model predicts 999 dogs and 1 cat, the one cat being real.
# (y_true, y_pred, positive) in three encodings of the same labels.
DOGS, CATS = 998, 2
ENCODINGS = {
    "strings": ("dog", "cat"),
    "cat_is_1": (0, 1),
    "cat_is_0": (1, 0),
}


def dogs_and_cats(encoding):
    dog, cat = ENCODINGS[encoding]
    y_true = np.array([dog] * DOGS + [cat] * CATS)
    y_pred = np.array([dog] * DOGS + [cat, dog])
    order = np.random.default_rng(0).permutation(DOGS + CATS)  # the cats are not at the end
    return y_true[order], y_pred[order], cat


@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_dogs_and_cats_counts(student, encoding):
    y_true, y_pred, cat = dogs_and_cats(encoding)
    got = student.confusion_counts(y_true, y_pred, positive=cat)
    check_counts(
        got, {"tp": 1, "fp": 0, "fn": 1, "tn": 998}, f"confusion_counts(998 dogs and 2 cats, positive={cat!r})"
    )


@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_dogs_and_cats_metrics(student, encoding):
    y_true, y_pred, cat = dogs_and_cats(encoding)
    expected = {"accuracy": 0.999, "precision": 1.0, "recall": 0.5, "f1_score": 2.0 / 3.0}
    for name, value in expected.items():
        got = getattr(student, name)(y_true, y_pred, positive=cat)
        expect_close(
            got, value, what=f"{name}(998 dogs and 2 cats, positive={cat!r})", rtol=EXACT, atol=EXACT, hint=HINTS[name]
        )


def test_always_dog_model(student):
    # The laziest model, "always dog", still scores 99.8 % accuracy; recall shows it finds no cat.
    y_true = np.array(["dog"] * DOGS + ["cat"] * CATS)
    y_pred = np.array(["dog"] * (DOGS + CATS))
    what = '(998 dogs and 2 cats, a model that always says "dog", positive="cat")'
    expect_close(student.accuracy(y_true, y_pred, positive="cat"), 0.998, what="accuracy" + what, rtol=EXACT)
    expect_close(student.recall(y_true, y_pred, positive="cat"), 0.0, what="recall" + what, hint=HINTS["recall"])
    expect_close(
        student.precision(y_true, y_pred, positive="cat"),
        0.0,
        what="precision" + what,
        hint="No cat is predicted, so tp + fp = 0: return zero_division (0.0 by default).",
    )


# --- the zero-division rule -------------------------------------------------------


def test_safe_divide(student):
    for args, expected in [((3, 4), 0.75), ((0, 5), 0.0), ((0, 0), 0.0), ((0, 0, 1.0), 1.0), ((7, 0, 0.5), 0.5)]:
        expect_close(
            student.safe_divide(*args),
            expected,
            what=f"safe_divide{args}",
            rtol=EXACT,
            hint="Return numerator / denominator, or zero_division when the denominator is 0.",
        )


# (y_true, y_pred): no predicted positive, no real positive, no positive at all, all wrong.
ZERO_CASES = {
    "no_predicted_positive": ([1, 0, 1, 0, 0], [0, 0, 0, 0, 0]),
    "no_real_positive": ([0, 0, 0, 0, 0], [0, 1, 0, 1, 0]),
    "no_positive_at_all": ([0, 0, 0, 0], [0, 0, 0, 0]),
}


@pytest.mark.parametrize("zero_division", [None, 0.0, 1.0])
@pytest.mark.parametrize("case", list(ZERO_CASES))
def test_zero_division(student, case, zero_division):
    y_true, y_pred = (np.array(a) for a in ZERO_CASES[case])
    label = "default zero_division" if zero_division is None else f"zero_division={zero_division}"
    for name in ("precision", "recall", "f1_score"):
        check_metric(student, name, y_true, y_pred, 1, f"{case.replace('_', ' ')}, {label}", zero_division)


def test_f1_zero_division_only_when_undefined(student):
    # tp = 0 but fp, fn > 0: precision and recall are both 0, F1 = 0 / (fp + fn) = 0,
    # not zero_division (2 P R / (P + R) is 0 / 0 here, the formula 2 tp / (2 tp + fp + fn) is not).
    y_true, y_pred = np.array([1, 1, 0, 0, 0]), np.array([0, 0, 1, 0, 0])
    got = student.f1_score(y_true, y_pred, positive=1, zero_division=1.0)
    expect_close(
        got,
        f1_score(y_true, y_pred, zero_division=1.0),
        what="f1_score(no true positive but fp > 0 and fn > 0, zero_division=1.0)",
        rtol=EXACT,
        hint="Use zero_division only when 2 tp + fp + fn = 0; otherwise F1 = 2 tp / (2 tp + fp + fn).",
    )


# --- seeded label sets against scikit-learn -------------------------------------


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_counts_match_sklearn(student, dataset):
    n, rate, seed, hit, alarm = DATASETS[dataset]
    y_true, y_pred = labels(n, rate, seed, hit, alarm)
    got = student.confusion_counts(y_true, y_pred, positive=1)
    check_counts(got, sklearn_counts(y_true, y_pred, 0, 1), f"confusion_counts on {n} seeded 0/1 labels ({dataset})")


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_metrics_match_sklearn(student, dataset):
    n, rate, seed, hit, alarm = DATASETS[dataset]
    y_true, y_pred = labels(n, rate, seed, hit, alarm)
    for name in METRICS:
        check_metric(student, name, y_true, y_pred, 1, f"{n} seeded 0/1 labels ({dataset})")
    # the same labels as Python lists
    for name in METRICS:
        check_metric(student, name, y_true.tolist(), y_pred.tolist(), 1, f"{n} labels as Python lists ({dataset})")


def test_string_labels(student):
    y_true, y_pred = labels(400, 0.15, 5, 0.7, 0.1)
    names = np.array(["ham", "spam"])
    t, p = names[y_true], names[y_pred]
    check_counts(
        student.confusion_counts(t, p, positive="spam"),
        sklearn_counts(t, p, "ham", "spam"),
        'confusion_counts(400 "ham"/"spam" labels, positive="spam")',
    )
    for name in METRICS:
        check_metric(student, name, t, p, "spam", '400 "ham"/"spam" labels, positive="spam"')
    # the other class as the positive one
    for name in ("precision", "recall", "f1_score"):
        check_metric(student, name, t, p, "ham", '400 "ham"/"spam" labels, positive="ham"')


@pytest.mark.parametrize(
    "negative,positive",
    [(1, 0), (-1, 1), (3, 7), (7, 3)],
    ids=["positive_0", "minus1_plus1", "positive_7", "positive_3"],
)
def test_positive_label_other_than_1(student, negative, positive):
    y_true, y_pred = labels(300, 0.3, 6, 0.75, 0.15)
    encode = np.array([negative, positive])
    t, p = encode[y_true], encode[y_pred]
    check_counts(
        student.confusion_counts(t, p, positive=positive),
        sklearn_counts(t, p, negative, positive),
        f"confusion_counts(labels {negative}/{positive}, positive={positive})",
    )
    for name in METRICS:
        check_metric(student, name, t, p, positive, f"labels {negative}/{positive}, positive={positive}")


def test_length_mismatch_raises(student):
    for name in ("confusion_counts", "accuracy"):
        expect_raises(
            lambda name=name: getattr(student, name)(np.array([1, 0, 1]), np.array([1, 0])),
            "ValueError",
            what=f"{name}(y_true, y_pred) with 3 labels in y_true and 2 in y_pred",
            why="the lengths differ",
        )


# --- stated rules without a case above ------------------------------------------------


def test_accuracy_of_no_samples(student):
    for zero_division in (0.0, 0.5, 1.0):
        got = student.accuracy(np.array([], dtype=int), np.array([], dtype=int), zero_division=zero_division)
        expect_close(
            got,
            zero_division,
            what=f"accuracy(no samples, zero_division={zero_division})",
            rtol=EXACT,
            hint="With n = 0 the accuracy is 0 / 0: return zero_division, never nan.",
        )


def test_return_types(student):
    y_true, y_pred = labels(60, 0.3, 8, 0.7, 0.2)
    counts = student.confusion_counts(y_true, y_pred, positive=1)
    if isinstance(counts, dict):
        for key, value in counts.items():
            if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
                fail(
                    f'confusion_counts(60 labels)["{key}"]: expected an int (a count). '
                    f"Received: a {type(value).__name__}; convert it with int(...)."
                )
    else:
        fail(f"confusion_counts(60 labels): expected a dict of ints. Received: a {type(counts).__name__}")
    calls = [("safe_divide(3, 4)", student.safe_divide(3, 4)), ("safe_divide(0, 0)", student.safe_divide(0, 0))]
    calls += [(f"{name}(60 labels)", getattr(student, name)(y_true, y_pred, positive=1)) for name in METRICS]
    for what, value in calls:
        if isinstance(value, np.ndarray) or not isinstance(value, (float, np.floating)):
            kind = f"an array of shape {value.shape}" if isinstance(value, np.ndarray) else f"a {type(value).__name__}"
            fail(f"{what}: expected a float. Received: {kind}; convert the result with float(...).")


# --- property: any labels, any positive, any zero_division -------------------------------

# (labels, can the text's binary metrics use them): two labels of several kinds, and three
# labels, where "everything else counts as negative" (accuracy is defined for two labels only).
ALPHABETS = [
    ((0, 1), True),
    ((-1, 1), True),
    (("dog", "cat"), True),
    ((0, 1, 2), False),
    (("ham", "spam", "eggs"), False),
]


@st.composite
def label_sets(draw):
    alphabet, binary = draw(st.sampled_from(ALPHABETS))
    n = draw(st.integers(1, 12))
    pick = st.lists(st.sampled_from(alphabet), min_size=n, max_size=n)
    y_true, y_pred = draw(pick), draw(pick)
    positive = draw(st.sampled_from(alphabet))
    as_list = draw(st.booleans())
    if not as_list:
        y_true, y_pred = np.array(y_true), np.array(y_pred)
    zero_division = draw(st.sampled_from([None, 0.0, 1.0, 0.5]))
    return y_true, y_pred, positive, zero_division, binary


def _judge_counts(y_true, y_pred, positive):
    is_true = np.array([label == positive for label in y_true], dtype=bool)
    is_pred = np.array([label == positive for label in y_pred], dtype=bool)
    tn, fp, fn, tp = confusion_matrix(is_true, is_pred, labels=[False, True]).ravel()
    return {"tp": int(tp), "fp": int(fp), "fn": int(fn), "tn": int(tn)}


def _judge_ratio(numerator, denominator, zero_division):
    return numerator / denominator if denominator else zero_division


@property_settings(40)
@given(case=label_sets())
def test_metrics_property(student, case):
    """1 to 12 samples, lists or arrays, numbers or strings, a third label, any positive and zero_division."""
    y_true, y_pred, positive, zero_division, binary = case
    kind = "list" if isinstance(y_true, list) else "array"
    shown = [np.asarray(y).tolist() for y in (y_true, y_pred)]  # plain Python values, e.g. 0, not np.int64(0)
    what = f"y_true={shown[0]!r}, y_pred={shown[1]!r} (as {kind}s), positive={positive!r}"
    counts = _judge_counts(y_true, y_pred, positive)
    check_counts(student.confusion_counts(y_true, y_pred, positive=positive), counts, f"confusion_counts({what})")
    zd = 0.0 if zero_division is None else zero_division
    expected = {
        "precision": _judge_ratio(counts["tp"], counts["tp"] + counts["fp"], zd),
        "recall": _judge_ratio(counts["tp"], counts["tp"] + counts["fn"], zd),
        "f1_score": _judge_ratio(2 * counts["tp"], 2 * counts["tp"] + counts["fp"] + counts["fn"], zd),
    }
    if binary:
        expected["accuracy"] = accuracy_score(np.asarray(y_true), np.asarray(y_pred))
    kwargs = {"positive": positive} if zero_division is None else {"positive": positive, "zero_division": zd}
    label = what + ("" if zero_division is None else f", zero_division={zd}")
    for name, value in expected.items():
        got = getattr(student, name)(y_true, y_pred, **kwargs)
        hint = HINTS[name] + " Every label other than `positive` counts as negative; the zero-division rule applies."
        expect_close(got, value, what=f"{name}({label})", rtol=EXACT, atol=EXACT, hint=hint)
