# caught by: test_trigger_onsets_hysteresis
"""Forgets the trigger still on at the end of cft: only triggers that switched off are returned."""

import numpy as np


def trigger_onsets(cft, on, off):
    cft = np.asarray(cft, dtype=np.float64)
    pairs = []
    start = None
    for i, value in enumerate(cft):
        if start is None:
            if value >= on:
                start = i
        elif value < off:
            pairs.append((start, i - 1))
            start = None
    return pairs
