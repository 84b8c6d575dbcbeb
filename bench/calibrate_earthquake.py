"""Calibrate 14_earthquake_damage's forest bar over seeds: python bench/calibrate_earthquake.py

Fits the forest the task prescribes (100 trees, out-of-bag score) on the hidden test's own data
for seeds 0-9, and three forests that deviate from it, and prints each one's micro-F1 on the
hidden test set next to the bars (MIN_TEST_F1, and the most common grade plus
MIN_GAIN_OVER_BASELINE). The table in solutions/14_earthquake_damage/CALIBRATION.md comes from it.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from sklearn.ensemble import RandomForestClassifier  # noqa: E402
from sklearn.metrics import f1_score  # noqa: E402

HIDDEN = ROOT / "solutions" / "14_earthquake_damage" / "hidden" / "test_hidden_earthquake.py"
DEVIATIONS = {"max_depth=3": {"max_depth": 3}, "min_samples_leaf=20": {"min_samples_leaf": 20},
              "n_estimators=10": {"n_estimators": 10}}  # fmt: skip


def main() -> None:
    spec = importlib.util.spec_from_file_location("hidden_earthquake", HIDDEN)
    hidden = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hidden)
    X_train, y_train, X_test, y_test = hidden._forest_data()
    baseline = float(np.mean(y_test == np.bincount(y_train).argmax()))
    print(f"most common grade: {baseline:.3f}; bars: micro-F1 >= {hidden.MIN_TEST_F1} and >= "
          f"{baseline + hidden.MIN_GAIN_OVER_BASELINE:.3f}")  # fmt: skip
    for seed in range(10):
        forest = RandomForestClassifier(n_estimators=100, oob_score=True, random_state=seed, n_jobs=1)
        score = f1_score(y_test, forest.fit(X_train, y_train).predict(X_test), average="micro")
        print(f"prescribed forest, seed {seed}: {score:.3f}")
    for name, change in DEVIATIONS.items():
        forest = RandomForestClassifier(**{"n_estimators": 100, "random_state": 0, "n_jobs": 1, **change})
        score = f1_score(y_test, forest.fit(X_train, y_train).predict(X_test), average="micro")
        print(f"{name}, seed 0: {score:.3f}")


if __name__ == "__main__":
    main()
