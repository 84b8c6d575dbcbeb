# caught by: test_iou_matches_sklearn, test_iou_2d_masks
"""IoU divided by the true mask instead of the union: that is the recall, not the IoU."""

import numpy as np


def iou(mask_true, mask_pred):
    a = np.asarray(mask_true).astype(bool)
    b = np.asarray(mask_pred).astype(bool)
    if not a.any() and not b.any():
        return 1.0
    if not a.any():
        return 0.0
    return float(np.logical_and(a, b).sum() / a.sum())
