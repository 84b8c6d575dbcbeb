"""Exercise 12: accuracy under class imbalance, and overfitting.

Labels ``y`` are 1-d arrays of class labels (integers such as 0/1, or strings
such as "dog"/"cat"). Features ``X`` have shape ``(n_samples, n_features)``.

To explore the data yourself::

    from datasets.imbalance import make_imbalanced
    X, y = make_imbalanced(500, seed=1)       # 8 % positives, 40 columns, 4 informative
    train_idx, val_idx = stratified_split(y, test_size=0.3, seed=0)
"""

import keras
import numpy as np

#: train_with_early_stopping trains for at most this many epochs
MAX_EPOCHS = 200
#: and stops after this many epochs without a better validation loss
PATIENCE = 10


def stratified_split(y, test_size=0.25, seed=0):
    """Split the sample indices into a training and a test part, class by class.

    Parameters
    ----------
    y : array, shape (n_samples,)
        Class labels.
    test_size : float in (0, 1)
        Fraction of the samples of *each class* that goes to the test part.
    seed : int
        Seed of the random generator: the same seed gives the same split,
        another seed another split.

    Returns
    -------
    train_idx, test_idx : int arrays
        Indices into ``y``. Together they hold every index ``0 .. n_samples - 1``
        exactly once. For every class ``c`` with ``n_c`` samples, the test part
        holds ``test_size * n_c`` of them, rounded to a whole number (off by at
        most one), chosen at random.
    """
    y = np.asarray(y)
    rng = np.random.default_rng(seed)
    train_parts, test_parts = [], []
    for label in np.unique(y):
        members = rng.permutation(np.flatnonzero(y == label))
        n_test = int(round(test_size * len(members)))
        test_parts.append(members[:n_test])
        train_parts.append(members[n_test:])
    return np.sort(np.concatenate(train_parts)), np.sort(np.concatenate(test_parts))


def majority_baseline(y_train, y_test):
    """The simplest classifier: always answer the most common class of the training labels.

    Parameters
    ----------
    y_train : array, shape (n_train,)
        Training labels: the only labels the baseline may look at.
    y_test : array, shape (n_test,)
        Test labels: only their number is used.

    Returns
    -------
    array, shape (n_test,)
        The most frequent label of ``y_train``, repeated ``n_test`` times.
    """
    labels, counts = np.unique(np.asarray(y_train), return_counts=True)
    return np.full(len(y_test), labels[np.argmax(counts)])


def balanced_accuracy(y_true, y_pred):
    """The mean over the classes of ``y_true`` of the recall of each class.

    Recall of class ``c``: of the samples whose true label is ``c``, the
    fraction predicted as ``c``. A model that always answers the majority
    class gets recall 1 for that class and 0 for the others.

    Returns
    -------
    float
        Between 0 and 1; equals ``sklearn.metrics.balanced_accuracy_score``.
    """
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    recalls = [np.mean(y_pred[y_true == label] == label) for label in np.unique(y_true)]
    return float(np.mean(recalls))


def class_weights(y):
    """One weight per class, larger for rare classes: ``n_samples / (n_classes * count)``.

    The same as scikit-learn's ``compute_class_weight("balanced", ...)``: every
    class then carries the same total weight in the loss.

    Returns
    -------
    dict
        ``{label: weight}`` for every label in ``y``, with plain Python keys
        (``int`` or ``str``: convert NumPy scalars with ``.item()``) and
        ``float`` values. Usable as ``model.fit(..., class_weight=...)``.
    """
    labels, counts = np.unique(np.asarray(y), return_counts=True)
    n_samples, n_classes = counts.sum(), len(labels)
    return {label.item(): float(n_samples / (n_classes * count)) for label, count in zip(labels, counts, strict=True)}


def train_with_early_stopping(X_train, y_train, X_val, y_val):
    """Train a small binary classifier with class weights and early stopping.

    Parameters
    ----------
    X_train : array, shape (n_train, n_features)
    y_train : int array, shape (n_train,), labels 0 and 1 (1 is rare)
    X_val : array, shape (n_val, n_features)
    y_val : int array, shape (n_val,)
        The validation data: watched after every epoch, never trained on.

    Returns
    -------
    dict with
        "model" : keras.Model
            The trained model, with the weights of its best epoch. It maps
            ``X`` of shape ``(n, n_features)`` to the probability of class 1,
            shape ``(n, 1)`` (a sigmoid output).
        "loss" : list of floats
            The (class-weighted) training loss after every epoch.
        "val_loss" : list of floats
            The validation loss after every epoch: the binary cross-entropy on
            (X_val, y_val), either plain or weighted with the same class
            weights as the training loss.
        "best_epoch" : int
            The index (0-based) of the epoch with the lowest ``val_loss``.
    """
    weights = class_weights(y_train)
    # the validation loss weighted the same way, so that early stopping watches the loss being trained
    val_weights = np.array([weights[label] for label in np.asarray(y_val).tolist()])
    model = keras.Sequential(
        [
            keras.Input(shape=(X_train.shape[1],)),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=3e-3), loss="binary_crossentropy")
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=PATIENCE, restore_best_weights=True)
    history = model.fit(
        X_train,
        y_train,
        epochs=MAX_EPOCHS,
        batch_size=32,
        class_weight=weights,
        validation_data=(X_val, y_val, val_weights),
        callbacks=[stopper],
        verbose=0,
    )
    val_loss = [float(value) for value in history.history["val_loss"]]
    return {
        "model": model,
        "loss": [float(value) for value in history.history["loss"]],
        "val_loss": val_loss,
        "best_epoch": int(np.argmin(val_loss)),
    }


# ---- mutant ----
"""train_with_early_stopping trains without class weights: the model learns to answer the common class."""

import keras
import numpy as np


def train_with_early_stopping(X_train, y_train, X_val, y_val):
    model = keras.Sequential(
        [
            keras.Input(shape=(X_train.shape[1],)),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=3e-3), loss="binary_crossentropy")
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=PATIENCE, restore_best_weights=True)
    history = model.fit(
        X_train,
        y_train,
        epochs=MAX_EPOCHS,
        batch_size=32,
        validation_data=(X_val, y_val),
        callbacks=[stopper],
        verbose=0,
    )
    val_loss = [float(value) for value in history.history["val_loss"]]
    return {
        "model": model,
        "loss": [float(value) for value in history.history["loss"]],
        "val_loss": val_loss,
        "best_epoch": int(np.argmin(val_loss)),
    }
