"""Calibrate 12_imbalance_overfitting's performance bars over seeds and reasonable networks.

python bench/calibrate_imbalance.py [--seeds 0 1 2]

Trains the networks a student might reasonably write, on the hidden test's own data
(`_data()` of the hidden suite), with and without what the task requires (class weights;
a validation loss weighted like the training loss), and prints the balanced accuracy and the
rare-class recall on the hidden test set next to the bars `MIN_BALANCED_ACCURACY` and
`MIN_RARE_RECALL`. The table in solutions/12_imbalance_overfitting/CALIBRATION.md comes from it.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import keras  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.metrics import balanced_accuracy_score, recall_score  # noqa: E402

HIDDEN = ROOT / "solutions" / "12_imbalance_overfitting" / "hidden" / "test_hidden_imbalance.py"

# (name, hidden layers, activation, learning rate, batch size)
NETWORKS = [
    ("1 x 64 ReLU, Adam 3e-3, batch 32 (the reference)", (64,), "relu", 3e-3, 32),
    ("1 x 32 ReLU, Adam 1e-2, batch 64", (32,), "relu", 1e-2, 64),
    ("1 x 128 tanh, Adam 1e-3, batch 32", (128,), "tanh", 1e-3, 32),
    ("2 x 32 ReLU, Adam 3e-3, batch 32", (32, 32), "relu", 3e-3, 32),
]
# (name, class weights in training, validation loss weighted like the training loss)
VARIANTS = [
    ("class weights, weighted validation loss (as the task asks)", True, True),
    ("class weights, plain validation loss", True, False),
    ("no class weights", False, False),
    ("no class weights in training, weighted validation loss", False, True),
]


def _hidden_module():
    spec = importlib.util.spec_from_file_location("hidden_imbalance", HIDDEN)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _train(data, layers, activation, rate, batch, weighted, weighted_val, patience, epochs):
    X_train, y_train, X_val, y_val, _, _ = data
    counts = np.bincount(y_train, minlength=2)
    weights = {c: len(y_train) / (2 * counts[c]) for c in (0, 1)}
    model = keras.Sequential(
        [keras.Input(shape=(X_train.shape[1],))]
        + [keras.layers.Dense(units, activation=activation) for units in layers]
        + [keras.layers.Dense(1, activation="sigmoid")]
    )
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=rate), loss="binary_crossentropy")
    validation = (X_val, y_val)
    if weighted_val:
        validation = (X_val, y_val, np.array([weights[label] for label in y_val.tolist()]))
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    model.fit(X_train, y_train, epochs=epochs, batch_size=batch, class_weight=weights if weighted else None,
              validation_data=validation, callbacks=[stopper], verbose=0)  # fmt: skip
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--only", nargs="*", default=[], help="run only networks and trainings whose names hold these")
    args = parser.parse_args()
    hidden = _hidden_module()
    data = hidden._data()
    X_test, y_test = data[4], data[5]
    print(f"bars: balanced accuracy >= {hidden.MIN_BALANCED_ACCURACY}, rare recall >= {hidden.MIN_RARE_RECALL}")
    print("| network | training | balanced accuracy per seed | rare recall per seed | mean P(class 1) per seed "
          "| verdict |")  # fmt: skip
    print("|---|---|---|---|---|---|")
    for name, layers, activation, rate, batch in NETWORKS:
        for variant, weighted, weighted_val in VARIANTS:
            if args.only and not all(word in f"{name} {variant}" for word in args.only):
                continue
            scores, recalls, means = [], [], []
            for seed in args.seeds:
                keras.utils.set_random_seed(seed)
                model = _train(data, layers, activation, rate, batch, weighted, weighted_val,
                               hidden.PATIENCE, hidden.MAX_EPOCHS)  # fmt: skip
                probabilities = model.predict(X_test, verbose=0)[:, 0]
                means.append(float(probabilities.mean()))
                predicted = (probabilities > 0.5).astype(int)
                scores.append(balanced_accuracy_score(y_test, predicted))
                recalls.append(recall_score(y_test, predicted))
            passes = [s >= hidden.MIN_BALANCED_ACCURACY and r >= hidden.MIN_RARE_RECALL
                      for s, r in zip(scores, recalls, strict=True)]  # fmt: skip
            verdict = "pass" if all(passes) else "fail" if not any(passes) else f"{sum(passes)}/{len(passes)} pass"
            print(f"| {name} | {variant} | {', '.join(f'{s:.3f}' for s in scores)} | "
                  f"{', '.join(f'{r:.2f}' for r in recalls)} | {', '.join(f'{m:.3f}' for m in means)} | "
                  f"{verdict} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
