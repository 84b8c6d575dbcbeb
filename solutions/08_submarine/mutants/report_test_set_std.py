# caught by: test_extrapolation_error_larger
"""Scales each test set's errors by that test set's own standard deviation instead of the training set's."""

import numpy as np


def extrapolation_report(Y_train, Y_near, predictions_near, Y_far, predictions_far):
    rmse_near = np.sqrt(np.mean((np.asarray(predictions_near) - Y_near) ** 2, axis=0))
    rmse_far = np.sqrt(np.mean((np.asarray(predictions_far) - Y_far) ** 2, axis=0))
    return {
        "rmse_near": rmse_near,
        "rmse_far": rmse_far,
        "score_near": float(np.mean(rmse_near / np.std(Y_near, axis=0))),
        "score_far": float(np.mean(rmse_far / np.std(Y_far, axis=0))),
    }
