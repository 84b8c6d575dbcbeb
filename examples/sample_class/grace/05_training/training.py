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

import numpy as np
import tensorflow as tf

# gradient_descent raises FloatingPointError when a loss exceeds this many
# times the first loss (or is not finite).
DIVERGENCE_FACTOR = 1e6


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


def tape_train_step(w, b, x, y, learning_rate):
    """One gradient-descent step on the MSE, with the gradients from ``tf.GradientTape``.

    Make ``tf.Variable``s (float32) from w and b, compute the MSE with
    TensorFlow operations inside a ``tf.GradientTape``, ask the tape for the
    gradients with respect to the two variables, and update the variables:
    variable -= learning_rate * gradient.

    Parameters
    ----------
    w, b : float
        The current weight and bias.
    x, y : 1-D arrays, shape (n,)
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


# ---- mutant ----
"""tape_train_step adds the gradient (assign_add): a step of gradient ascent."""

import numpy as np
import tensorflow as tf


def tape_train_step(w, b, x, y, learning_rate):
    x = tf.constant(np.asarray(x), dtype=tf.float32)
    y = tf.constant(np.asarray(y), dtype=tf.float32)
    w_var = tf.Variable(w, dtype=tf.float32)
    b_var = tf.Variable(b, dtype=tf.float32)
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(w_var * x + b_var - y))
    dw, db = tape.gradient(loss, [w_var, b_var])
    w_var.assign_add(learning_rate * dw)
    b_var.assign_add(learning_rate * db)
    return float(w_var.numpy()), float(b_var.numpy()), float(loss.numpy())
