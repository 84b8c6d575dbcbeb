# exercise: 01_neuron
# outcomes: passed, failed
# passes: test_neuron_matches_formula, test_neuron_returns_python_float, test_dense_forward_shape, test_dense_forward_values, test_dense_forward_property
# message: recurrent time steps
# judge_seconds: 100
"""A small, safe-mode model that computes the right answer, slowly: a 20,000-step RNN adds zeros."""

import keras
import numpy as np


def neuron(x, w, b):
    return float(np.dot(x, w) + b)


def dense_forward(X, W, b):
    return np.asarray(X) @ np.asarray(W).T + b


def keras_dense(W, b):
    W = np.asarray(W)
    inputs = keras.Input((W.shape[1],))
    dense = keras.layers.Dense(W.shape[0])
    slow = keras.layers.RepeatVector(20_000)(inputs)
    slow = keras.layers.SimpleRNN(W.shape[0], kernel_initializer="zeros", recurrent_initializer="zeros")(slow)
    outputs = keras.layers.Add()([dense(inputs), slow])
    model = keras.Model(inputs, outputs)
    dense.set_weights([W.T, np.asarray(b)])
    return model
