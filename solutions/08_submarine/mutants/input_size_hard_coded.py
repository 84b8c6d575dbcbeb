# caught by: test_build_model_shapes
"""build_model hard-codes the input size of the ocean data, keras.Input(shape=(5,)), and ignores n_inputs."""

import keras


def build_model(n_inputs=5, n_outputs=3):
    model = keras.Sequential(
        [
            keras.Input(shape=(5,)),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(n_outputs),
        ]
    )
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=3e-3), loss="mse")
    return model
