# caught by: test_part1_returns_plain_floats
"""Returns the variables' .numpy() values (NumPy float32 scalars), not plain Python floats."""

import numpy as np
import tensorflow as tf


def tape_train_step(x, y, w, b, learning_rate):
    x = tf.constant(np.asarray(x), dtype=tf.float32)
    y = tf.constant(np.asarray(y), dtype=tf.float32)
    w_var = tf.Variable(w, dtype=tf.float32)
    b_var = tf.Variable(b, dtype=tf.float32)
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(w_var * x + b_var - y))
    dw, db = tape.gradient(loss, [w_var, b_var])
    w_var.assign_sub(learning_rate * dw)
    b_var.assign_sub(learning_rate * db)
    return w_var.numpy(), b_var.numpy(), loss.numpy()
