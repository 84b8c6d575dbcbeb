# caught by: test_sliding_windows_property, test_real_events_found
"""sliding_windows stops one start too early: a window ending exactly at the end of the trace is lost."""

import numpy as np


def sliding_windows(trace, length, step):
    trace = np.asarray(trace)
    starts = range(0, len(trace) - length, step)
    if len(starts) == 0:
        return np.zeros((0, length), dtype=trace.dtype)
    return np.stack([trace[s : s + length] for s in starts])
