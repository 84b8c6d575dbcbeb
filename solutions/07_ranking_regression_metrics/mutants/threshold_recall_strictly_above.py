# caught by: test_threshold_for_recall
"""Threshold for recall with recall > target instead of >=: misses thresholds that reach the target exactly."""

import numpy as np


def threshold_for_recall(y_true, scores, target_recall):
    _, tpr, thresholds = roc_points(y_true, scores)
    return float(thresholds[np.argmax(tpr > target_recall)])
