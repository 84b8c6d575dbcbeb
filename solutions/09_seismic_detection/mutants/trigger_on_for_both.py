# caught by: test_trigger_onsets_hysteresis
"""Switches the trigger off with the `on` threshold too, so there is no hysteresis."""

import numpy as np


def trigger_onsets(cft, on, off):
    cft = np.asarray(cft, dtype=np.float64)
    pairs = []
    start = None
    for i, value in enumerate(cft):
        if start is None:
            if value >= on:
                start = i
        elif value < on:
            pairs.append((start, i - 1))
            start = None
    if start is not None:
        pairs.append((start, len(cft) - 1))
    return pairs
