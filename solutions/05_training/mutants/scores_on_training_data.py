# caught by: test_validation_scores_are_on_the_validation_data
"""Reports the last training loss instead of the validation MSE."""

import keras
import numpy as np


def validation_scores(x_train, y_train, x_val, y_val, seeds, epochs=40):
    x_train = np.asarray(x_train, dtype="float32").reshape(-1, 1)
    y_train = np.asarray(y_train, dtype="float32").reshape(-1, 1)
    scores = []
    for seed in seeds:
        keras.utils.set_random_seed(int(seed))
        model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(16, activation="tanh"), keras.layers.Dense(1)])
        model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
        history = model.fit(x_train, y_train, epochs=epochs, batch_size=32, verbose=0)
        scores.append(float(history.history["loss"][-1]))
    return scores
