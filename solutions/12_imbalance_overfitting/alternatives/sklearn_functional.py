"""Exercise 12 with library helpers: scikit-learn's balanced_accuracy_score and compute_class_weight,
collections.Counter for the baseline, a boolean mask for the split, and a functional Keras model
(128 units, Adam 1e-3) with its own EarlyStopping instance read back for the best epoch."""

from collections import Counter

import keras
import numpy as np
from sklearn.metrics import balanced_accuracy_score
from sklearn.utils.class_weight import compute_class_weight

MAX_EPOCHS = 200
PATIENCE = 10


def stratified_split(y, test_size=0.25, seed=0):
    y = np.asarray(y)
    rng = np.random.default_rng(seed)
    in_test = np.zeros(len(y), dtype=bool)
    for label in np.unique(y):
        members = np.flatnonzero(y == label)
        rng.shuffle(members)
        in_test[members[: int(round(test_size * len(members)))]] = True
    return np.flatnonzero(~in_test), np.flatnonzero(in_test)


def majority_baseline(y_train, y_test):
    label, _ = Counter(np.asarray(y_train).tolist()).most_common(1)[0]
    return np.array([label] * len(y_test))


def balanced_accuracy(y_true, y_pred):
    return float(balanced_accuracy_score(y_true, y_pred))


def class_weights(y):
    y = np.asarray(y)
    classes = np.unique(y)
    weights = compute_class_weight("balanced", classes=classes, y=y)
    return {label: float(weight) for label, weight in zip(classes.tolist(), weights, strict=True)}


def train_with_early_stopping(X_train, y_train, X_val, y_val):
    weights = class_weights(y_train)
    val_weights = np.vectorize(weights.get)(np.asarray(y_val)).astype("float32")
    inputs = keras.Input(shape=(X_train.shape[1],))
    hidden = keras.layers.Dense(128, activation="relu")(inputs)
    outputs = keras.layers.Dense(1, activation="sigmoid")(hidden)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss=keras.losses.BinaryCrossentropy())
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=PATIENCE, restore_best_weights=True)
    history = model.fit(
        X_train.astype("float32"),
        y_train.astype("float32"),
        epochs=MAX_EPOCHS,
        batch_size=32,
        class_weight=weights,
        validation_data=(X_val.astype("float32"), y_val.astype("float32"), val_weights),
        callbacks=[stopper],
        verbose=0,
    )
    return {
        "model": model,
        "loss": list(map(float, history.history["loss"])),
        "val_loss": list(map(float, history.history["val_loss"])),
        "best_epoch": int(stopper.best_epoch),
    }
