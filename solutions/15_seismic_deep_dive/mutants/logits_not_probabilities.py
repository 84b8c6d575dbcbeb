# caught by: test_model_outputs_probabilities
"""Ends the network with a linear Dense(1) trained on logits: its scores are not probabilities."""

import keras

from datasets.seismic import make_detection_set


def train_detector(seed=0):
    train = make_detection_set(600, 600, seed=10_000 + seed, snr_range=(0.3, 4.0))
    X = normalise_windows(train["windows"])
    y = train["labels"].astype("float32")
    model = keras.Sequential(
        [
            keras.Input(shape=(WINDOW, 1)),
            keras.layers.Conv1D(8, 15, strides=4, activation="relu"),
            keras.layers.MaxPooling1D(4),
            keras.layers.Conv1D(16, 7, activation="relu"),
            keras.layers.MaxPooling1D(4),
            keras.layers.Conv1D(16, 7, activation="relu"),
            keras.layers.GlobalMaxPooling1D(),
            keras.layers.Dense(1),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=3e-3), loss=keras.losses.BinaryCrossentropy(from_logits=True)
    )
    model.fit(X, y, batch_size=32, epochs=4, shuffle=True, verbose=0)
    return model
