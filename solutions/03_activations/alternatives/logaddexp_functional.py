"""A correct solution: log-sum-exp forms, a ReLU network built with the functional API and a separate sigmoid."""

import keras
import numpy as np


def sigmoid(x):
    x = np.asarray(x, dtype=float)
    return np.exp(-np.logaddexp(0.0, -x))


def relu(x):
    x = np.asarray(x, dtype=float)
    return x * (x > 0)


def leaky_relu(x, alpha=0.01):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, x * alpha)


def tanh(x):
    x = np.asarray(x, dtype=float)
    return 2.0 * sigmoid(2.0 * x) - 1.0


def softmax(z, axis=-1):
    z = np.asarray(z, dtype=float)
    log_norm = np.logaddexp.reduce(z, axis=axis, keepdims=True)
    return np.exp(z - log_norm)


def sigmoid_grad(x):
    return sigmoid(x) * sigmoid(-np.asarray(x, dtype=float))


def relu_grad(x):
    return np.heaviside(np.asarray(x, dtype=float), 0.0)


def leaky_relu_grad(x, alpha=0.01):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, 1.0, float(alpha))


def tanh_grad(x):
    return 4.0 * sigmoid_grad(2.0 * np.asarray(x, dtype=float))


def xor_model(X, y):
    inputs = keras.Input(shape=(2,))
    hidden = keras.layers.Dense(16, activation="relu")(inputs)
    logit = keras.layers.Dense(1)(hidden)
    outputs = keras.layers.Activation("sigmoid")(logit)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.03), loss="binary_crossentropy")
    X = np.asarray(X, dtype="float32")
    y = np.asarray(y, dtype="float32")
    model.fit(np.repeat(X, 50, axis=0), np.repeat(y, 50), batch_size=20, epochs=12, verbose=0)
    return model
