"""A correct solution with np.count_nonzero, NumPy integer counts and float ratios computed in NumPy."""

import numpy as np


def confusion_counts(y_true, y_pred, positive=1):
    t = np.asarray(y_true)
    p = np.asarray(y_pred)
    if t.size != p.size:
        raise ValueError("length mismatch")
    t_pos, p_pos = np.equal(t, positive), np.equal(p, positive)
    return {
        "tp": np.count_nonzero(t_pos & p_pos),
        "fp": np.count_nonzero(~t_pos & p_pos),
        "fn": np.count_nonzero(t_pos & ~p_pos),
        "tn": np.count_nonzero(~(t_pos | p_pos)),
    }


def safe_divide(numerator, denominator, zero_division=0.0):
    if not denominator:
        return float(zero_division)
    return float(np.true_divide(numerator, denominator))


def accuracy(y_true, y_pred, positive=1, zero_division=0.0):
    t, p = np.asarray(y_true), np.asarray(y_pred)
    if t.size != p.size:
        raise ValueError("length mismatch")
    return safe_divide(np.count_nonzero(t == p), t.size, zero_division)


def precision(y_true, y_pred, positive=1, zero_division=0.0):
    c = confusion_counts(y_true, y_pred, positive)
    return safe_divide(c["tp"], c["tp"] + c["fp"], zero_division)


def recall(y_true, y_pred, positive=1, zero_division=0.0):
    c = confusion_counts(y_true, y_pred, positive)
    return safe_divide(c["tp"], c["tp"] + c["fn"], zero_division)


def f1_score(y_true, y_pred, positive=1, zero_division=0.0):
    c = confusion_counts(y_true, y_pred, positive)
    return safe_divide(2 * c["tp"], 2 * c["tp"] + c["fp"] + c["fn"], zero_division)
