# caught by: test_trigger_onsets_hysteresis, test_trigger_onsets_find_events
"""Compares with `off` only while the trigger is off, so once on it never switches off."""

import numpy as np


def trigger_onsets(cft, on, off):
    cft = np.asarray(cft, dtype=np.float64)
    above = np.flatnonzero(cft >= on)
    if len(above) == 0:
        return []
    return [(int(above[0]), len(cft) - 1)]
