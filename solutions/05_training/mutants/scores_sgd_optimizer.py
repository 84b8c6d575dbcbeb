# caught by: test_validation_scores_follow_the_recipe
"""Trains with plain SGD instead of Adam(learning_rate=0.01): not the task's recipe."""

import keras
import numpy as np


def validation_scores(x_train, y_train, x_val, y_val, seeds, epochs=40):
    x_train = np.asarray(x_train, dtype="float32").reshape(-1, 1)
    y_train = np.asarray(y_train, dtype="float32").reshape(-1, 1)
    x_val = np.asarray(x_val, dtype="float32").reshape(-1, 1)
    y_val = np.asarray(y_val, dtype="float32").reshape(-1, 1)
    scores = []
    for seed in seeds:
        keras.utils.set_random_seed(int(seed))
        model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(16, activation="tanh"), keras.layers.Dense(1)])
        model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01), loss="mse")
        model.fit(x_train, y_train, epochs=epochs, verbose=0)
        scores.append(float(model.evaluate(x_val, y_val, verbose=0)))
    return scores
