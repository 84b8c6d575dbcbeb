"""Exercise 05, written differently: pure-Python loops with `math`, a functional Keras model.

A correct alternative: the gradients, the descent, the grid and the path are plain Python
loops over the samples; the TensorFlow step updates the variables with `assign`; the seed
runs use a functional model and 1-D arrays; the rule uses the `statistics` module.
"""

import math
import statistics

import keras
import numpy as np
import tensorflow as tf

DIVERGENCE_FACTOR = 1e6

RUN_KINDS = ("too high", "too low", "bug", "good")


def _loss(x, y, w, b):
    return sum((w * float(xi) + b - float(yi)) ** 2 for xi, yi in zip(x, y, strict=True)) / len(x)


def mse_gradients(x, y, w, b):
    n = len(x)
    dw = db = 0.0
    for xi, yi in zip(x, y, strict=True):
        residual = w * float(xi) + b - float(yi)
        dw += 2.0 * residual * float(xi) / n
        db += 2.0 * residual / n
    return dw, db


def gradient_descent(x, y, learning_rate, epochs, w0=0.0, b0=0.0):
    w, b = float(w0), float(b0)
    losses = []
    for epoch in range(epochs):
        losses.append(_loss(x, y, w, b))
        if not math.isfinite(losses[-1]) or losses[-1] > DIVERGENCE_FACTOR * losses[0]:
            raise FloatingPointError(
                f"Training diverged (epoch {epoch}, loss {losses[-1]:.3g}); use a smaller learning rate."
            )
        dw, db = mse_gradients(x, y, w, b)
        w, b = w - learning_rate * dw, b - learning_rate * db
    return {"w": w, "b": b, "losses": losses}


def tape_train_step(x, y, w, b, learning_rate):
    x = tf.convert_to_tensor(np.asarray(x, dtype=np.float32))
    y = tf.convert_to_tensor(np.asarray(y, dtype=np.float32))
    params = [tf.Variable(float(w), dtype=tf.float32), tf.Variable(float(b), dtype=tf.float32)]
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean((params[0] * x + params[1] - y) ** 2)
    for variable, gradient in zip(params, tape.gradient(loss, params), strict=True):
        variable.assign(variable - learning_rate * gradient)
    return float(params[0].numpy()), float(params[1].numpy()), float(loss.numpy())


def loss_grid(x, y, ws, bs):
    return np.array([[_loss(x, y, float(w), float(b)) for w in ws] for b in bs], dtype=float).reshape(len(bs), len(ws))


def descent_path(x, y, learning_rate, epochs, w0=0.0, b0=0.0):
    path = [[float(w0), float(b0)]]
    for _ in range(epochs):
        w, b = path[-1]
        dw, db = mse_gradients(x, y, w, b)
        path.append([w - learning_rate * dw, b - learning_rate * db])
    return np.array(path, dtype=float)


def run_labels():
    return {"A": "bug", "B": "too high", "C": "too low", "D": "good"}


def validation_scores(x_train, y_train, x_val, y_val, seeds, epochs=40):
    results = []
    for seed in seeds:
        keras.utils.set_random_seed(seed)
        inputs = keras.Input((1,))
        hidden = keras.layers.Dense(16, activation="tanh")(inputs)
        model = keras.Model(inputs, keras.layers.Dense(1)(hidden))
        model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss=keras.losses.MeanSquaredError())
        model.fit(np.asarray(x_train)[:, None], np.asarray(y_train), epochs=epochs, batch_size=32, verbose=0)
        results.append(float(model.evaluate(np.asarray(x_val)[:, None], np.asarray(y_val), verbose=0)))
    return results


def difference_is_real(scores_a, scores_b):
    a, b = [float(v) for v in scores_a], [float(v) for v in scores_b]
    spread = max(statistics.stdev(a), statistics.stdev(b))
    return abs(statistics.fmean(a) - statistics.fmean(b)) > 2 * spread
