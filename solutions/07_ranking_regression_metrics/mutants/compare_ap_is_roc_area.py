# caught by: test_event_rate_effect
"""Takes the slide's "AUC: balance between recall and precision" literally: reports the ROC area as the AP."""

import numpy as np


def compare_event_rates(y_true, scores, low_rate, seed):
    y_low, s_low = subsample_positives(y_true, scores, low_rate, seed)
    y = np.asarray(y_true).ravel()
    return {
        "rate_full": float(np.mean(y == 1)),
        "roc_auc_full": roc_auc(y_true, scores),
        "ap_full": trapezoid_area(*roc_points(y_true, scores)[:2]),
        "rate_low": float(np.mean(y_low == 1)),
        "roc_auc_low": roc_auc(y_low, s_low),
        "ap_low": trapezoid_area(*roc_points(y_low, s_low)[:2]),
    }
