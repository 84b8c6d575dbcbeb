# caught by: test_training_returns_model_and_curves, test_best_epoch_is_lowest_val_loss
"""best_epoch is np.where(val_loss == min(val_loss))[0]: an array holding the index, not an int."""

import keras
import numpy as np


def train_with_early_stopping(X_train, y_train, X_val, y_val):
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
        "best_epoch": np.where(np.array(val_loss) == min(val_loss))[0],
    }
