# caught by: test_build_model_linear_outputs
"""build_model puts a ReLU on the output layer too: negative (standardised) outputs become 0."""

import keras


def build_model(n_inputs=5, n_outputs=3):
    model = keras.Sequential(
        [
            keras.Input(shape=(n_inputs,)),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(n_outputs, activation="relu"),
        ]
    )
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=3e-3), loss="mse")
    return model
