# caught by: test_false_alarm_threshold, test_false_alarm_threshold_property
"""Takes np.quantile(noise_scores, 1 - rate), an interpolated quantile, instead of an order statistic."""

import numpy as np


def false_alarm_threshold(noise_scores, rate):
    return float(np.quantile(np.asarray(noise_scores, dtype=np.float64), 1.0 - rate))
