# caught by: test_iou_empty_masks
"""IoU that returns 0.0 for two empty masks (sklearn's default), not 1.0 as the task states."""

import numpy as np


def iou(mask_true, mask_pred):
    a = np.asarray(mask_true).astype(bool)
    b = np.asarray(mask_pred).astype(bool)
    union = np.logical_or(a, b).sum()
    if union == 0:
        return 0.0
    return float(np.logical_and(a, b).sum() / union)
