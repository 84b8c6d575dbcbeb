"""A correct solution with Python loops over the samples, and F1 as the harmonic mean of P and R."""


def confusion_counts(y_true, y_pred, positive=1):
    y_true, y_pred = list(y_true), list(y_pred)
    if len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred must have the same length")
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for real, guess in zip(y_true, y_pred, strict=True):
        real_pos, pred_pos = real == positive, guess == positive
        if real_pos and pred_pos:
            counts["tp"] += 1
        elif pred_pos:
            counts["fp"] += 1
        elif real_pos:
            counts["fn"] += 1
        else:
            counts["tn"] += 1
    return counts


def safe_divide(numerator, denominator, zero_division=0.0):
    try:
        return float(numerator) / float(denominator)
    except ZeroDivisionError:
        return float(zero_division)


def accuracy(y_true, y_pred, positive=1, zero_division=0.0):
    y_true, y_pred = list(y_true), list(y_pred)
    if len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred must have the same length")
    right = 0
    for real, guess in zip(y_true, y_pred, strict=True):
        right += int(real == guess)
    return safe_divide(right, len(y_true), zero_division)


def precision(y_true, y_pred, positive=1, zero_division=0.0):
    c = confusion_counts(y_true, y_pred, positive)
    return safe_divide(c["tp"], c["tp"] + c["fp"], zero_division)


def recall(y_true, y_pred, positive=1, zero_division=0.0):
    c = confusion_counts(y_true, y_pred, positive)
    return safe_divide(c["tp"], c["tp"] + c["fn"], zero_division)


def f1_score(y_true, y_pred, positive=1, zero_division=0.0):
    c = confusion_counts(y_true, y_pred, positive)
    if c["tp"] + c["fp"] + c["fn"] == 0:
        return float(zero_division)
    if c["tp"] == 0:
        return 0.0
    p = c["tp"] / (c["tp"] + c["fp"])
    r = c["tp"] / (c["tp"] + c["fn"])
    return 2 * p * r / (p + r)
