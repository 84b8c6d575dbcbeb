# caught by: test_best_epoch_is_lowest_val_loss
"""best_epoch counts epochs from 1, as Keras's "Epoch 1/200" log does: np.argmin(val_loss) + 1."""

_train_as_the_reference = train_with_early_stopping


def train_with_early_stopping(X_train, y_train, X_val, y_val):
    result = _train_as_the_reference(X_train, y_train, X_val, y_val)
    result["best_epoch"] += 1
    return result
