"""Seismic event detection: STA/LTA, triggers, window features and a Keras detector.

A seismometer records ground motion continuously; most of the time it is noise.
The classic way to find earthquakes in such a record is the STA/LTA trigger: the
ratio of a short-term average of the signal energy to a long-term average jumps
when an arrival comes in. Here you write it exactly as ObsPy does, turn it into
trigger times, summarise windows of the record by a few features, and train a
small Keras network that tells event windows from noise windows.
"""

import keras
import numpy as np


def sta_lta(trace, n_sta, n_lta):
    """Classic STA/LTA characteristic function, as obspy.signal.trigger.classic_sta_lta.

    trace: 1-D array of N samples (N >= n_lta). n_sta, n_lta: window lengths in samples,
    1 <= n_sta < n_lta.
    Returns a float64 array cft of shape (N,):
      cft[i] = mean(trace[i-n_sta+1 : i+1] ** 2) / mean(trace[i-n_lta+1 : i+1] ** 2)
    for i >= n_lta - 1 (both windows end at sample i, inclusive), and cft[i] = 0 for
    i < n_lta - 1, where the long window is not yet full.
    """
    # YOUR CODE HERE
    raise NotImplementedError()


def trigger_onsets(cft, on, off):
    """Trigger on and off times from a characteristic function, with hysteresis.

    cft: 1-D array; on, off: thresholds with off <= on.
    Walk through the samples. While the trigger is off, it switches on at the first
    sample i with cft[i] >= on. While it is on, it switches off at the first sample j
    with cft[j] < off; the trigger's end is then j - 1, the last sample still >= off.
    A trigger still on at the end of cft ends at len(cft) - 1.
    Returns a list of (start, end) pairs of ints, in time order (empty if none),
    the same pairs as obspy.signal.trigger.trigger_onset(cft, on, off).
    """
    # YOUR CODE HERE
    raise NotImplementedError()


def window_features(windows, n_sta=50, n_lta=500):
    """Three features per window of a seismogram.

    windows: array (n_windows, n_samples), one window per row, n_samples >= n_lta.
    Returns a float64 array (n_windows, 3); for a window x (one row), the columns are
      0: log10 of the maximum of sta_lta(x, n_sta, n_lta) over the window;
      1: log10 of the crest factor max(|x|) / sqrt(mean(x ** 2));
      2: the excess kurtosis m4 / m2 ** 2 - 3, with m_k = mean((x - mean(x)) ** k)
         (what scipy.stats.kurtosis(x) returns).
    """
    # YOUR CODE HERE
    raise NotImplementedError()


def train_detector(X_train, y_train):
    """Build, compile and train a small Keras event detector; return the trained model.

    X_train: float array (n, k), one row of features per window (the grader passes the
    three features of window_features, computed by its own reference code).
    y_train: array (n,), 1 for an event window, 0 for a noise window.
    Returns a keras.Model that maps (m, k) features to (m, 1) probabilities of "event"
    (a final Dense(1, activation="sigmoid")). Only built-in layers (no Lambda: the
    grader loads the model with safe_mode=True); train in a few seconds.
    """
    # YOUR CODE HERE
    raise NotImplementedError()
