# caught by: test_tape_train_step_matches_numpy
"""tape_train_step computes the gradients but never applies them: it returns the old w and b."""

import numpy as np
import tensorflow as tf


def tape_train_step(x, y, w, b, learning_rate):
    x = tf.constant(np.asarray(x), dtype=tf.float32)
    y = tf.constant(np.asarray(y), dtype=tf.float32)
    w_var = tf.Variable(w, dtype=tf.float32)
    b_var = tf.Variable(b, dtype=tf.float32)
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(w_var * x + b_var - y))
    tape.gradient(loss, [w_var, b_var])
    return float(w_var.numpy()), float(b_var.numpy()), float(loss.numpy())
