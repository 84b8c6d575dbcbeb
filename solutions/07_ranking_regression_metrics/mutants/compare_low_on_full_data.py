# caught by: test_event_rate_effect
"""Computes the low-rate numbers on the full data: the subsample is drawn but never used."""

import numpy as np


def compare_event_rates(y_true, scores, low_rate, seed):
    y_low, _ = subsample_positives(y_true, scores, low_rate, seed)
    y = np.asarray(y_true).ravel()
    return {
        "rate_full": float(np.mean(y == 1)),
        "roc_auc_full": roc_auc(y_true, scores),
        "ap_full": average_precision(y_true, scores),
        "rate_low": float(np.mean(y_low == 1)),
        "roc_auc_low": roc_auc(y_true, scores),
        "ap_low": average_precision(y_true, scores),
    }
