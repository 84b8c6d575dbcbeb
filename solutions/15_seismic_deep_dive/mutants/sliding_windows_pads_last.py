# caught by: test_sliding_windows, test_sliding_windows_property
"""sliding_windows zero-pads the trace to keep a last partial window, where only whole windows count."""

import numpy as np


def sliding_windows(trace, length, step):
    trace = np.asarray(trace)
    if len(trace) < length:
        return np.zeros((0, length), dtype=trace.dtype)
    n_windows = int(np.ceil((len(trace) - length) / step)) + 1
    padded = np.zeros((n_windows - 1) * step + length, dtype=trace.dtype)
    padded[: len(trace)] = trace
    return np.stack([padded[i * step : i * step + length] for i in range(n_windows)])
