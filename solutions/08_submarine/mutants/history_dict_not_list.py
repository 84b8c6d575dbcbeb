# caught by: test_train_returns_predictions_and_history
"""train_submarine returns history.history (a dict of lists) instead of the list of training losses."""

import numpy as np


def train_submarine(X_train, Y_train, X_test):
    X_train_scaled, X_test_scaled, x_mean, x_std = standardise(X_train, X_test)
    Y_train_scaled, _, y_mean, y_std = standardise(Y_train, Y_train)
    model = build_model(X_train_scaled.shape[1], Y_train_scaled.shape[1])
    history = model.fit(X_train_scaled, Y_train_scaled, epochs=EPOCHS, batch_size=BATCH_SIZE, verbose=0)
    predictions = model.predict(X_test_scaled, verbose=0) * y_std + y_mean
    return {
        "predictions": np.asarray(predictions, dtype=float),
        "history": history.history,
        "x_mean": x_mean,
        "x_std": x_std,
    }
