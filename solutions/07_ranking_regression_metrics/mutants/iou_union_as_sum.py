# caught by: test_iou_matches_sklearn
"""IoU with |true| + |pred| as the union, counting the overlap twice."""

import numpy as np


def iou(mask_true, mask_pred):
    a = np.asarray(mask_true).astype(bool)
    b = np.asarray(mask_pred).astype(bool)
    total = a.sum() + b.sum()
    if total == 0:
        return 1.0
    return float(np.logical_and(a, b).sum() / total)
