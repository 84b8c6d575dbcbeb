# caught by: test_trigger_onsets_edge_cases, test_trigger_onsets_property
"""Compares each sample with the one before it, so a trigger can never start at sample 0."""

import numpy as np


def trigger_onsets(cft, on, off):
    cft = np.asarray(cft, dtype=np.float64)
    pairs = []
    start = None
    for i in range(1, len(cft)):
        if start is None:
            if cft[i] >= on:
                start = i
        elif cft[i] < off:
            pairs.append((start, i - 1))
            start = None
    if start is not None:
        pairs.append((start, len(cft) - 1))
    return pairs
