"""Exercise 12 with plain-Python loops and dictionaries for the label work, and a small
Sequential network (32 units, Adam 1e-2, batches of 64)."""

import keras
import numpy as np

MAX_EPOCHS = 200
PATIENCE = 10


def _count(labels):
    counts = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    return counts


def stratified_split(y, test_size=0.25, seed=0):
    labels = np.asarray(y).tolist()
    rng = np.random.default_rng(seed)
    train, test = [], []
    for label in sorted(_count(labels)):
        members = [i for i, value in enumerate(labels) if value == label]
        shuffled = [members[k] for k in rng.permutation(len(members))]
        n_test = round(test_size * len(members))
        test += shuffled[:n_test]
        train += shuffled[n_test:]
    return np.array(train, dtype=int), np.array(test, dtype=int)


def majority_baseline(y_train, y_test):
    counts = _count(np.asarray(y_train).tolist())
    best = max(counts, key=counts.get)
    return np.array([best for _ in range(len(y_test))])


def balanced_accuracy(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true).tolist(), np.asarray(y_pred).tolist()
    hits, totals = {}, {}
    for truth, guess in zip(y_true, y_pred, strict=True):
        totals[truth] = totals.get(truth, 0) + 1
        hits[truth] = hits.get(truth, 0) + (guess == truth)
    return sum(hits[label] / totals[label] for label in totals) / len(totals)


def class_weights(y):
    labels = np.asarray(y).tolist()
    counts = _count(labels)
    return {label: len(labels) / (len(counts) * count) for label, count in counts.items()}


def train_with_early_stopping(X_train, y_train, X_val, y_val):
    weights = class_weights(y_train)
    val_weights = np.array([weights[label] for label in np.asarray(y_val).tolist()])
    model = keras.Sequential([keras.Input(shape=(X_train.shape[1],)), keras.layers.Dense(32, activation="relu")])
    model.add(keras.layers.Dense(1, activation="sigmoid"))
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-2), loss="binary_crossentropy")
    history = model.fit(
        X_train,
        y_train,
        epochs=MAX_EPOCHS,
        batch_size=64,
        class_weight=weights,
        validation_data=(X_val, y_val, val_weights),
        callbacks=[keras.callbacks.EarlyStopping(monitor="val_loss", patience=PATIENCE, restore_best_weights=True)],
        verbose=0,
    )
    losses, val_losses = history.history["loss"], history.history["val_loss"]
    best = min(range(len(val_losses)), key=lambda epoch: val_losses[epoch])
    return {
        "model": model,
        "loss": [float(v) for v in losses],
        "val_loss": [float(v) for v in val_losses],
        "best_epoch": best,
    }
