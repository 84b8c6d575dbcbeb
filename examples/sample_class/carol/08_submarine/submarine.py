"""Exercise 08: the submarine.

A submarine measures five things about the water around it and wants to know
where it is. Inputs ``X`` have shape ``(n_samples, 5)``, one sample per row,
columns temperature (deg C), pressure (dbar), pH, salinity (g/kg) and light
(W/m^2). Targets ``Y`` have shape ``(n_samples, 3)``: latitude (deg),
longitude (deg) and depth (m).

To explore the data yourself::

    from datasets.ocean import make_ocean
    X_train, Y_train = make_ocean(1500, seed=1)
    X_test, Y_test = make_ocean(1000, seed=2)
"""

import keras
import numpy as np

EPOCHS = 40
BATCH_SIZE = 64


def standardise(X_train, X_other):
    """Scale every column to mean 0 and standard deviation 1, with training statistics only.

    Parameters
    ----------
    X_train : array, shape (n_train, n_columns)
        The training data: the only data the statistics may come from.
    X_other : array, shape (n_other, n_columns)
        Any other data (validation, test, new measurements), scaled with the
        *training* mean and standard deviation.

    Returns
    -------
    X_train_scaled : array, shape (n_train, n_columns)
        ``(X_train - mean) / std``
    X_other_scaled : array, shape (n_other, n_columns)
        ``(X_other - mean) / std``, with the same ``mean`` and ``std``.
    mean : array, shape (n_columns,)
        The mean of each column of ``X_train``.
    std : array, shape (n_columns,)
        The standard deviation of each column of ``X_train`` (``np.std``,
        i.e. ``ddof=0``); a column with standard deviation 0 gets 1 instead.
    """
    # YOUR CODE HERE
    raise NotImplementedError()


def build_model(n_inputs=5, n_outputs=3):
    """A compiled multilayer perceptron for regression.

    ``n_inputs`` inputs -> one or more hidden ``Dense`` layers with a
    non-linear activation -> ``n_outputs`` outputs with a linear activation
    (no activation function: the outputs are real numbers of any sign).
    Compiled with an optimiser (e.g. Adam) and the mean-squared-error loss.

    Returns
    -------
    keras.Model
        Takes inputs of shape (n_samples, n_inputs), returns (n_samples, n_outputs).
    """
    # YOUR CODE HERE
    raise NotImplementedError()


def train_submarine(X_train, Y_train, X_test):
    """Standardise, train the MLP, and predict the positions of the test samples.

    Parameters
    ----------
    X_train : array, shape (n_train, 5)
        Training inputs, in their original units.
    Y_train : array, shape (n_train, 3)
        Training targets: latitude, longitude, depth.
    X_test : array, shape (n_test, 5)
        Inputs of the samples to locate.

    Returns
    -------
    dict with
        "predictions" : array, shape (n_test, 3)
            latitude, longitude and depth of every test sample, in the
            original units (degrees and metres).
        "history" : list of floats
            The training loss after every epoch (``history.history["loss"]``).
        "x_mean", "x_std" : arrays, shape (5,)
            The statistics the inputs were standardised with.
    """
    # YOUR CODE HERE
    raise NotImplementedError()


# --- Interpolation against extrapolation ---------------------------------------------


def extrapolation_report(Y_train, Y_near, predictions_near, Y_far, predictions_far):
    """Errors of one trained model on a test set inside the training range and one outside it.

    Parameters
    ----------
    Y_train : array, shape (n_train, 3)
        The training targets: their standard deviations are the common yardstick.
    Y_near, predictions_near : arrays, shape (n_near, 3)
        True and predicted positions on a test set drawn like the training set
        (interpolation).
    Y_far, predictions_far : arrays, shape (n_far, 3)
        True and predicted positions on a test set from deeper water than any
        training sample (extrapolation).

    Returns
    -------
    dict with
        "rmse_near", "rmse_far" : arrays, shape (3,)
            The root-mean-squared error of each output (latitude, longitude,
            depth) in its own units, over the samples of each set.
        "score_near", "score_far" : floats
            The mean over the three outputs of rmse / Y_train.std(axis=0)
            (np.std, ddof=0): each error in units of the training set's
            standard deviation of that output, then averaged.
    """
    # YOUR CODE HERE
    raise NotImplementedError()


def why_errors_differ():
    """Your answer: why is the error on the deep test set larger? One letter from the task text.

    Returns
    -------
    str
        "a", "b", "c" or "d".
    """
    # YOUR CODE HERE
    raise NotImplementedError()
