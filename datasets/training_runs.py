"""Four recorded training runs of one neuron, for reading loss curves (exercise 05).

Each run is full-batch gradient descent on the mean-squared error of ``y = w x + b``
on the same seeded noisy line, 60 epochs from ``w = b = 0``. The four runs differ in
one thing each: a learning rate that is too high, one that is too low, a bug that
stops learning (the update of ``w`` was left out, so only ``b`` learns), and a good
learning rate. Which letter holds which run is shuffled with ``seed``: reading the
curves, not this file, is the exercise.

Where it breaks down: real loss curves are noisy (mini-batches, dropout) and a
learning rate that is too high in a deep network more often gives NaN than a smooth
oscillating rise. The shapes to recognise are the same.
"""

from __future__ import annotations

import numpy as np

__all__ = ["EPOCHS", "LETTERS", "make_training_runs"]

EPOCHS = 60
LETTERS = ("A", "B", "C", "D")


def _line(seed: int = 0, n: int = 40) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1.0, 3.0, size=n)
    y = 2.5 * x - 1.0 + 0.3 * rng.normal(size=n)
    return x, y


def _descent(x: np.ndarray, y: np.ndarray, learning_rate: float, update_w: bool = True) -> list[float]:
    w = b = 0.0
    losses = []
    for _ in range(EPOCHS):
        residual = w * x + b - y
        losses.append(float(np.mean(residual**2)))
        dw, db = 2.0 * np.mean(residual * x), 2.0 * np.mean(residual)
        if update_w:
            w -= learning_rate * dw
        b -= learning_rate * db
    return losses


def make_training_runs(seed: int = 0) -> dict[str, list[float]]:
    """Four loss curves keyed "A" to "D": ``runs[letter][t]`` is the loss before update ``t``.

    The same ``seed`` always gives the same curves under the same letters.
    """
    x, y = _line()
    curves = [
        _descent(x, y, 0.305),  # just above the stability limit 2 / lambda_max (0.300): grows while it oscillates
        _descent(x, y, 0.002),  # far too small: still going down, slowly, when the epochs run out
        _descent(x, y, 0.1, update_w=False),  # the bug: flat at a high loss after a few epochs
        _descent(x, y, 0.1),  # good: down to the noise level
    ]
    order = np.random.default_rng(seed).permutation(len(curves))
    return {letter: curves[int(i)] for letter, i in zip(LETTERS, order, strict=True)}
