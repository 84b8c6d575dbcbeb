# exercise: 01_neuron
# outcomes: failed, error
# message: could not be loaded safely
import keras
import numpy as np


def neuron(x, w, b):
    raise NotImplementedError()


def dense_forward(X, W, b):
    raise NotImplementedError()


def keras_dense(W, b):
    W = np.asarray(W)
    inputs = keras.Input((W.shape[1],))
    outputs = keras.layers.Lambda(lambda t: (__import__("os").system("touch {{PWNED}}"), t)[1])(inputs)
    return keras.Model(inputs, keras.layers.Dense(W.shape[0])(outputs))
