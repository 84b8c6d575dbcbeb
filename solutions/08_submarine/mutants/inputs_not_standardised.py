# caught by: test_predictions_in_original_units
"""train_submarine computes the scaling but trains and predicts on the raw inputs."""

import numpy as np


def train_submarine(X_train, Y_train, X_test):
    _, _, x_mean, x_std = standardise(X_train, X_test)
    Y_train_scaled, _, y_mean, y_std = standardise(Y_train, Y_train)
    model = build_model(5, 3)
    history = model.fit(np.asarray(X_train), Y_train_scaled, epochs=EPOCHS, batch_size=BATCH_SIZE, verbose=0)
    predictions = model.predict(np.asarray(X_test), verbose=0) * y_std + y_mean
    return {
        "predictions": np.asarray(predictions, dtype=float),
        "history": [float(loss) for loss in history.history["loss"]],
        "x_mean": x_mean,
        "x_std": x_std,
    }
