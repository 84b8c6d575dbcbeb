# caught by: test_iou_empty_masks, test_iou_property
"""IoU without the empty-mask rule: 0 / 0 gives nan when both masks are empty."""

import numpy as np


def iou(mask_true, mask_pred):
    a = np.asarray(mask_true).astype(bool)
    b = np.asarray(mask_pred).astype(bool)
    with np.errstate(invalid="ignore"):
        return float(np.float64(np.logical_and(a, b).sum()) / np.logical_or(a, b).sum())
