# caught by: test_training_returns_model_and_curves, test_best_epoch_is_lowest_val_loss
"""best_epoch is np.where(val_loss == min(val_loss))[0]: an array holding the index, not an int."""

import numpy as np

_train_as_the_reference = train_with_early_stopping


def train_with_early_stopping(X_train, y_train, X_val, y_val):
    result = _train_as_the_reference(X_train, y_train, X_val, y_val)
    val_loss = result["val_loss"]
    result["best_epoch"] = np.where(np.array(val_loss) == min(val_loss))[0]
    return result
