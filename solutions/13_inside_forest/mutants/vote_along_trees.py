# caught by: test_majority_vote_ties, test_majority_vote_clear_majority
"""Votes along the wrong axis: the most common label of each tree (row), not of each sample (column)."""

import numpy as np


def majority_vote(predictions):
    predictions = np.asarray(predictions)
    return np.array([np.argmax(np.bincount(row)) for row in predictions], dtype=int)
