"""Exercise 05: training as optimisation.

One neuron with one input, y' = w x + b, and the mean-squared error

    L(w, b) = mean((w x + b - y)**2)

over n samples. Training repeats: feed x, compute the loss, update w and b
against the gradient, repeat.

Conventions:

- ``x`` and ``y`` are 1-D arrays of shape ``(n,)``: n samples, one number each;
- ``w`` and ``b`` are single numbers (Python floats);
- every function returns plain Python floats (``float(...)``), not arrays or
  tensors.
"""

import keras
import numpy as np
import tensorflow as tf

# gradient_descent raises FloatingPointError when a loss exceeds this many
# times the first loss (or is not finite).
DIVERGENCE_FACTOR = 1e6

# The labels run_labels() may use for a loss curve.
RUN_KINDS = ("too high", "too low", "bug", "good")


def mse_gradients(x, y, w, b):
    """The gradient of L(w, b) = mean((w x + b - y)**2) with respect to w and b.

    Parameters
    ----------
    x, y : 1-D arrays, shape (n,)
        The inputs and the targets.
    w, b : float
        The neuron's weight and bias.

    Returns
    -------
    (dL_dw, dL_db) : tuple of two floats
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    residual = w * x + b - y
    return float(2.0 * np.mean(residual * x)), float(2.0 * np.mean(residual))


def gradient_descent(x, y, learning_rate, epochs, w0=0.0, b0=0.0):
    """Full-batch gradient descent on the MSE of y' = w x + b, starting at (w0, b0).

    Each epoch: compute the loss at the current (w, b) and record it; stop with
    ``FloatingPointError`` if that loss is not finite or is larger than
    ``DIVERGENCE_FACTOR`` (1e6) times the first loss; then update
    w -= learning_rate * dL/dw and b -= learning_rate * dL/db (both gradients
    computed at the same, current, w and b).

    Parameters
    ----------
    x, y : 1-D arrays, shape (n,)
    learning_rate : float
    epochs : int
        The number of updates.
    w0, b0 : float
        The starting point.

    Returns
    -------
    dict
        {"w": float, "b": float, "losses": list of ``epochs`` floats}, where
        w and b are the values after the last update and losses[t] is the loss
        *before* update t (so losses[0] is the loss at (w0, b0)).

    Raises
    ------
    FloatingPointError
        When training diverges (see above).
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    w, b = float(w0), float(b0)
    losses = []
    for epoch in range(epochs):
        loss = float(np.mean((w * x + b - y) ** 2))
        if not np.isfinite(loss) or (losses and loss > DIVERGENCE_FACTOR * losses[0]):
            raise FloatingPointError(
                f"training diverged at epoch {epoch}: the loss is {loss:g} "
                f"(first loss {losses[0] if losses else loss:g}); try a smaller learning rate"
            )
        losses.append(loss)
        dw, db = mse_gradients(x, y, w, b)
        w -= learning_rate * dw
        b -= learning_rate * db
    return {"w": float(w), "b": float(b), "losses": losses}


def tape_train_step(x, y, w, b, learning_rate):
    """One gradient-descent step on the MSE, with the gradients from ``tf.GradientTape``.

    Make ``tf.Variable``s (float32) from w and b, compute the MSE with
    TensorFlow operations inside a ``tf.GradientTape``, ask the tape for the
    gradients with respect to the two variables, and update the variables:
    variable -= learning_rate * gradient.

    Parameters
    ----------
    x, y : 1-D arrays, shape (n,)
        The inputs and the ground truth (the slides' y'), as for ``mse_gradients``.
    w, b : float
        The current weight and bias.
    learning_rate : float

    Returns
    -------
    (new_w, new_b, loss) : tuple of three floats
        The weight and bias after the step, and the loss *before* the step
        (at the w and b that were passed in).
    """
    x = tf.constant(np.asarray(x), dtype=tf.float32)
    y = tf.constant(np.asarray(y), dtype=tf.float32)
    w_var = tf.Variable(w, dtype=tf.float32)
    b_var = tf.Variable(b, dtype=tf.float32)
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(w_var * x + b_var - y))
    dw, db = tape.gradient(loss, [w_var, b_var])
    w_var.assign_sub(learning_rate * dw)
    b_var.assign_sub(learning_rate * db)
    return float(w_var.numpy()), float(b_var.numpy()), float(loss.numpy())


# ---- Part 2: training you can see ---------------------------------------------------------


def loss_grid(x, y, ws, bs):
    """The loss L(w, b) = mean((w x + b - y')**2) at every point of a grid of (w, b).

    Parameters
    ----------
    x, y : 1-D arrays, shape (n,)
        The inputs and the ground truth.
    ws, bs : 1-D arrays, shapes (p,) and (q,)
        The weights and the biases of the grid.

    Returns
    -------
    array, shape (q, p)
        ``grid[i, j]`` is the loss at ``w = ws[j]``, ``b = bs[i]``: one row per bias,
        one column per weight, as ``plt.contour(ws, bs, grid)`` expects.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.asarray(ws, dtype=float)[None, :, None]
    b = np.asarray(bs, dtype=float)[:, None, None]
    return np.mean((w * x + b - y) ** 2, axis=-1)


def descent_path(x, y, learning_rate, epochs, w0=0.0, b0=0.0):
    """The points (w, b) that gradient descent visits, to draw on the loss grid.

    The same updates as ``gradient_descent`` (without the divergence check).

    Returns
    -------
    array, shape (epochs + 1, 2)
        Row 0 is the start ``(w0, b0)``; row ``t + 1`` is ``(w, b)`` after update ``t``.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    w, b = float(w0), float(b0)
    path = [(w, b)]
    for _ in range(epochs):
        dw, db = mse_gradients(x, y, w, b)
        w, b = w - learning_rate * dw, b - learning_rate * db
        path.append((w, b))
    return np.array(path)


def run_labels():
    """Your reading of the four recorded runs of ``datasets.training_runs.make_training_runs()``.

    Returns
    -------
    dict
        ``{"A": kind, "B": kind, "C": kind, "D": kind}``, each kind one of ``RUN_KINDS``:
        "too high" (learning rate too high), "too low" (learning rate too low),
        "bug" (something stops the learning), "good".
    """
    return {"A": "bug", "B": "too high", "C": "too low", "D": "good"}


def validation_scores(x_train, y_train, x_val, y_val, seeds, epochs=40):
    """The validation MSE of the same small Keras model trained once per seed.

    For each seed in ``seeds``, in order: call ``keras.utils.set_random_seed(seed)``,
    then build a fresh model ``Input((1,)) -> Dense(16, "tanh") -> Dense(1)``, compile it
    with ``Adam(learning_rate=0.01)`` and the MSE loss, fit it on ``(x_train, y_train)``
    for ``epochs`` epochs with ``batch_size=32`` and ``verbose=0``, and evaluate its MSE
    on ``(x_val, y_val)``.

    Parameters
    ----------
    x_train, y_train, x_val, y_val : 1-D arrays
    seeds : list of int

    Returns
    -------
    list of float
        One validation MSE per seed, in the order of ``seeds``.
    """
    x_train = np.asarray(x_train, dtype="float32").reshape(-1, 1)
    y_train = np.asarray(y_train, dtype="float32").reshape(-1, 1)
    x_val = np.asarray(x_val, dtype="float32").reshape(-1, 1)
    y_val = np.asarray(y_val, dtype="float32").reshape(-1, 1)
    scores = []
    for seed in seeds:
        keras.utils.set_random_seed(int(seed))
        model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(16, activation="tanh"), keras.layers.Dense(1)])
        model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
        model.fit(x_train, y_train, epochs=epochs, batch_size=32, verbose=0)
        scores.append(float(model.evaluate(x_val, y_val, verbose=0)))
    return scores


def difference_is_real(scores_a, scores_b):
    """Whether two models' scores over seeds differ by more than the seeds alone would explain.

    The rule: the difference is real when the two means differ by more than twice the
    larger of the two standard deviations, each over its seeds with ``ddof=1``:
    ``abs(mean(a) - mean(b)) > 2 * max(std(a, ddof=1), std(b, ddof=1))``.

    Returns
    -------
    bool
    """
    a = np.asarray(scores_a, dtype=float)
    b = np.asarray(scores_b, dtype=float)
    spread = max(np.std(a, ddof=1), np.std(b, ddof=1))
    return bool(abs(a.mean() - b.mean()) > 2.0 * spread)


# ---- mutant ----
"""mse_gradients forgets the factor 2 from the derivative of the square."""

import numpy as np


def mse_gradients(x, y, w, b):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    residual = w * x + b - y
    return float(np.mean(residual * x)), float(np.mean(residual))
