# caught by: test_detection_curve
"""Uses np.digitize(snr, edges) as the bin index without subtracting 1: every event lands one bin too high."""

import numpy as np


def detection_curve(scores, snr, threshold, snr_edges, z=1.96):
    scores = np.asarray(scores, dtype=np.float64).reshape(-1)
    snr = np.asarray(snr, dtype=np.float64).reshape(-1)
    edges = np.asarray(snr_edges, dtype=np.float64)
    n_bins = len(edges) - 1
    index = np.digitize(snr, edges)
    keep = (index >= 0) & (index < n_bins)
    n = np.bincount(index[keep], minlength=n_bins)[:n_bins]
    hits = np.bincount(index[keep], weights=(scores > threshold)[keep], minlength=n_bins)[:n_bins].astype(np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(n > 0, hits / np.maximum(n, 1), np.nan)
    low, high = wilson_interval(hits, n, z)  # noqa: F821 (from the solution)
    return {"n": n, "detected": hits, "rate": rate, "low": low, "high": high}
