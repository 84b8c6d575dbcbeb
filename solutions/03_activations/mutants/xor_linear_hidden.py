# caught by: test_xor_model_hidden_activation_is_nonlinear, test_xor_model_fits
"""XOR model whose hidden Dense layer has no activation: the network stays linear."""

import keras
import numpy as np


def xor_model(X, y):
    X = np.asarray(X, dtype="float32")
    y = np.asarray(y, dtype="float32").reshape(-1, 1)
    model = keras.Sequential(
        [
            keras.Input(shape=(2,)),
            keras.layers.Dense(8),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.05), loss="binary_crossentropy")
    model.fit(np.tile(X, (64, 1)), np.tile(y, (64, 1)), batch_size=32, epochs=15, verbose=0)
    return model
