# caught by: test_extrapolation_report_property
"""Reports the mean absolute error under the name RMSE."""

import numpy as np


def extrapolation_report(Y_train, Y_near, predictions_near, Y_far, predictions_far):
    scale = np.std(Y_train, axis=0)
    mae_near = np.mean(np.abs(np.asarray(predictions_near) - Y_near), axis=0)
    mae_far = np.mean(np.abs(np.asarray(predictions_far) - Y_far), axis=0)
    return {
        "rmse_near": mae_near,
        "rmse_far": mae_far,
        "score_near": float(np.mean(mae_near / scale)),
        "score_far": float(np.mean(mae_far / scale)),
    }
