# caught by: test_build_model_nonlinear_hidden_layer
"""build_model stacks Dense layers without any activation: the network collapses to a linear map."""

import keras


def build_model(n_inputs=5, n_outputs=3):
    model = keras.Sequential(
        [
            keras.Input(shape=(n_inputs,)),
            keras.layers.Dense(64),
            keras.layers.Dense(64),
            keras.layers.Dense(n_outputs),
        ]
    )
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=3e-3), loss="mse")
    return model
