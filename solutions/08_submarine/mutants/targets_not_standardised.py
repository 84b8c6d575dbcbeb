# caught by: test_beats_linear_regression
"""train_submarine standardises the inputs but trains on the raw targets: depth, in hundreds of
metres, dominates the loss and latitude and longitude are learned poorly."""

import numpy as np


def train_submarine(X_train, Y_train, X_test):
    X_train_scaled, X_test_scaled, x_mean, x_std = standardise(X_train, X_test)
    model = build_model(X_train_scaled.shape[1], np.shape(Y_train)[1])
    history = model.fit(X_train_scaled, np.asarray(Y_train), epochs=EPOCHS, batch_size=BATCH_SIZE, verbose=0)
    predictions = model.predict(X_test_scaled, verbose=0)
    return {
        "predictions": np.asarray(predictions, dtype=float),
        "history": [float(loss) for loss in history.history["loss"]],
        "x_mean": x_mean,
        "x_std": x_std,
    }
