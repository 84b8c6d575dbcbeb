# caught by: test_tape_train_step_matches_numpy
"""tape_train_step adds the gradient (assign_add): a step of gradient ascent."""

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
    w_var.assign_add(learning_rate * dw)
    b_var.assign_add(learning_rate * db)
    return float(w_var.numpy()), float(b_var.numpy()), float(loss.numpy())
