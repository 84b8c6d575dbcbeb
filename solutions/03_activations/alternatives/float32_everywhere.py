"""A correct solution that computes and returns float32 arrays, with a float32 Keras model."""

import keras
import numpy as np

F = np.float32


def sigmoid(x):
    x = np.asarray(x, dtype=F)
    return (F(0.5) * (F(1.0) + np.tanh(F(0.5) * x))).astype(F)


def relu(x):
    return np.maximum(np.asarray(x, dtype=F), F(0.0))


def leaky_relu(x, alpha=0.01):
    x = np.asarray(x, dtype=F)
    return np.where(x > 0, x, F(alpha) * x).astype(F)


def tanh(x):
    return np.tanh(np.asarray(x, dtype=F))


def softmax(z, axis=-1):
    z = np.asarray(z, dtype=F)
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return (e / e.sum(axis=axis, keepdims=True)).astype(F)


def sigmoid_grad(x):
    s = sigmoid(x)
    return s * (F(1.0) - s)


def relu_grad(x):
    return (np.asarray(x, dtype=F) > 0).astype(F)


def leaky_relu_grad(x, alpha=0.01):
    x = np.asarray(x, dtype=F)
    return np.where(x > 0, F(1.0), F(alpha)).astype(F)


def tanh_grad(x):
    t = tanh(x)
    return F(1.0) - t * t


def xor_model(X, y):
    X = np.asarray(X, dtype=F)
    y = np.asarray(y, dtype=F)[:, None]
    model = keras.Sequential(
        [
            keras.layers.Input((2,), dtype="float32"),
            keras.layers.Dense(4, activation="sigmoid"),
            keras.layers.Dense(4, activation="tanh"),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.02), loss=keras.losses.BinaryCrossentropy())
    model.fit(np.tile(X, (100, 1)), np.tile(y, (100, 1)), batch_size=16, epochs=10, verbose=0)
    return model
