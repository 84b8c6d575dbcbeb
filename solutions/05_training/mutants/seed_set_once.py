# caught by: test_validation_scores_use_their_seeds
"""Sets the first seed once, before the loop: a seed's score depends on the runs before it."""

import keras
import numpy as np


def validation_scores(x_train, y_train, x_val, y_val, seeds, epochs=40):
    x_train = np.asarray(x_train, dtype="float32").reshape(-1, 1)
    y_train = np.asarray(y_train, dtype="float32").reshape(-1, 1)
    x_val = np.asarray(x_val, dtype="float32").reshape(-1, 1)
    y_val = np.asarray(y_val, dtype="float32").reshape(-1, 1)
    keras.utils.set_random_seed(int(seeds[0]))
    scores = []
    for _seed in seeds:
        model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(16, activation="tanh"), keras.layers.Dense(1)])
        model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
        model.fit(x_train, y_train, epochs=epochs, batch_size=32, verbose=0)
        scores.append(float(model.evaluate(x_val, y_val, verbose=0)))
    return scores
