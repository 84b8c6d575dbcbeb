# caught by: test_predictions_in_original_units
"""train_submarine returns the predictions in standardised units (forgets * y_std + y_mean)."""

import numpy as np


def train_submarine(X_train, Y_train, X_test):
    X_train_scaled, X_test_scaled, x_mean, x_std = standardise(X_train, X_test)
    Y_train_scaled, _, y_mean, y_std = standardise(Y_train, Y_train)
    model = build_model(X_train_scaled.shape[1], Y_train_scaled.shape[1])
    history = model.fit(X_train_scaled, Y_train_scaled, epochs=EPOCHS, batch_size=BATCH_SIZE, verbose=0)
    predictions = model.predict(X_test_scaled, verbose=0)
    return {
        "predictions": np.asarray(predictions, dtype=float),
        "history": [float(loss) for loss in history.history["loss"]],
        "x_mean": x_mean,
        "x_std": x_std,
    }
