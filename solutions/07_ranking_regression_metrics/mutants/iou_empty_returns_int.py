# caught by: test_scalar_metrics_return_python_floats
"""Ranking and regression metrics (mutant): iou returns the integer 1 for two empty masks, not the float 1.0.

Every function takes NumPy arrays (or lists) and returns one Python float.
"""

import numpy as np


def iou(mask_true, mask_pred):
    """Intersection over union (Jaccard index) of two boolean masks.

    mask_true, mask_pred: boolean arrays of the same shape, any shape (a 1-D
    list of pixels, a 2-D map, ...); True marks a pixel inside the mask.
    IoU = |true AND pred| / |true OR pred|, counting pixels.
    If both masks are empty (the union has no pixel), return 1.0: the
    prediction agrees perfectly with the map.
    Returns a float in [0, 1].
    """
    a = np.asarray(mask_true).astype(bool)
    b = np.asarray(mask_pred).astype(bool)
    union = np.logical_or(a, b).sum()
    if union == 0:
        return 1
    return float(np.logical_and(a, b).sum() / union)


# --- What the AUC means: the curves behind the numbers ------------------------------
