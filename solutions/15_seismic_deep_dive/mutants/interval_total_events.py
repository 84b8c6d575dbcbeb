# caught by: test_detection_curve
"""Computes each bin's interval with the total number of events instead of the bin's own n."""

import numpy as np


def detection_curve(scores, snr, threshold, snr_edges, z=1.96):
    scores = np.asarray(scores, dtype=np.float64).reshape(-1)
    snr = np.asarray(snr, dtype=np.float64).reshape(-1)
    edges = np.asarray(snr_edges, dtype=np.float64)
    detected = scores > threshold
    n_bins = len(edges) - 1
    n = np.zeros(n_bins, dtype=np.int64)
    hits = np.zeros(n_bins, dtype=np.int64)
    for i in range(n_bins):
        inside = (snr >= edges[i]) & (snr < edges[i + 1])
        n[i] = inside.sum()
        hits[i] = (inside & detected).sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(n > 0, hits / np.maximum(n, 1), np.nan)
    low, high = wilson_interval(rate * n.sum(), np.full(n_bins, n.sum()), z)  # noqa: F821 (from the solution)
    return {"n": n, "detected": hits, "rate": rate, "low": low, "high": high}
