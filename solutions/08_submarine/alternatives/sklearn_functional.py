"""Exercise 08, written differently: scikit-learn's StandardScaler and metrics, a functional Keras model.

A correct alternative: StandardScaler gives the same mean and (ddof=0) scale, with 1 for a constant
column; the network is built with the functional API and separate ReLU layers; the report uses
sklearn.metrics.root_mean_squared_error per output.
"""

import keras
import numpy as np
from sklearn.metrics import root_mean_squared_error
from sklearn.preprocessing import StandardScaler

EPOCHS = 40
BATCH_SIZE = 64


def standardise(X_train, X_other):
    scaler = StandardScaler().fit(X_train)
    return scaler.transform(X_train), scaler.transform(X_other), scaler.mean_, scaler.scale_


def build_model(n_inputs=5, n_outputs=3):
    inputs = keras.Input(shape=(n_inputs,))
    hidden = keras.layers.ReLU()(keras.layers.Dense(64)(inputs))
    hidden = keras.layers.ReLU()(keras.layers.Dense(64)(hidden))
    outputs = keras.layers.Dense(n_outputs)(hidden)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=3e-3), loss="mean_squared_error")
    return model


def train_submarine(X_train, Y_train, X_test):
    x_scaler = StandardScaler().fit(X_train)
    y_scaler = StandardScaler().fit(Y_train)
    model = build_model(np.shape(X_train)[1], np.shape(Y_train)[1])
    history = model.fit(
        x_scaler.transform(X_train), y_scaler.transform(Y_train), epochs=EPOCHS, batch_size=BATCH_SIZE, verbose=0
    )
    predictions = y_scaler.inverse_transform(model.predict(x_scaler.transform(X_test), verbose=0))
    return {
        "predictions": predictions.astype(float),
        "history": [float(loss) for loss in history.history["loss"]],
        "x_mean": x_scaler.mean_,
        "x_std": x_scaler.scale_,
    }


def extrapolation_report(Y_train, Y_near, predictions_near, Y_far, predictions_far):
    scale = StandardScaler().fit(Y_train).scale_
    rmse_near = root_mean_squared_error(Y_near, predictions_near, multioutput="raw_values")
    rmse_far = root_mean_squared_error(Y_far, predictions_far, multioutput="raw_values")
    return {
        "rmse_near": rmse_near,
        "rmse_far": rmse_far,
        "score_near": float(np.mean(rmse_near / scale)),
        "score_far": float(np.mean(rmse_far / scale)),
    }


def why_errors_differ():
    return " B "
