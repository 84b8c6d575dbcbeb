# caught by: test_thresholds_match_false_alarm_rate, test_detection_curves_match
"""detector_study uses the module's defaults (1 % false alarms, SNR_EDGES) whatever it is called with."""

_study_with_arguments = detector_study


def detector_study(evaluation, real, false_alarm_rate=0.01, snr_edges=SNR_EDGES, seed=0):
    return _study_with_arguments(evaluation, real, 0.01, SNR_EDGES, seed)
