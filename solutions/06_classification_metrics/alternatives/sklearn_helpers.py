"""A correct solution on scikit-learn: confusion_matrix of the binarised labels, accuracy_score."""

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix


def _check(y_true, y_pred):
    if len(y_true) != len(y_pred):
        raise ValueError(f"y_true has {len(y_true)} labels, y_pred {len(y_pred)}")


def confusion_counts(y_true, y_pred, positive=1):
    _check(y_true, y_pred)
    is_true = np.asarray(y_true) == positive
    is_pred = np.asarray(y_pred) == positive
    tn, fp, fn, tp = confusion_matrix(is_true, is_pred, labels=[False, True]).ravel()
    return {"tp": int(tp), "fp": int(fp), "fn": int(fn), "tn": int(tn)}


def safe_divide(numerator, denominator, zero_division=0.0):
    return float(zero_division) if denominator == 0 else numerator / denominator


def accuracy(y_true, y_pred, positive=1, zero_division=0.0):
    _check(y_true, y_pred)
    if len(y_true) == 0:
        return float(zero_division)
    return float(accuracy_score(list(y_true), list(y_pred)))


def precision(y_true, y_pred, positive=1, zero_division=0.0):
    c = confusion_counts(y_true, y_pred, positive)
    return safe_divide(c["tp"], c["tp"] + c["fp"], zero_division)


def recall(y_true, y_pred, positive=1, zero_division=0.0):
    c = confusion_counts(y_true, y_pred, positive)
    return safe_divide(c["tp"], c["tp"] + c["fn"], zero_division)


def f1_score(y_true, y_pred, positive=1, zero_division=0.0):
    c = confusion_counts(y_true, y_pred, positive)
    return safe_divide(2 * c["tp"], 2 * c["tp"] + c["fp"] + c["fn"], zero_division)
