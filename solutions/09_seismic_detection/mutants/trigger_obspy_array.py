# caught by: test_trigger_onsets_hysteresis, test_trigger_onsets_match_obspy
"""Returns what ObsPy's trigger_onset returns as it is: a NumPy array of pairs, not a list."""

import numpy as np
from obspy.signal.trigger import trigger_onset


def trigger_onsets(cft, on, off):
    return trigger_onset(np.asarray(cft, dtype=np.float64), on, off)
