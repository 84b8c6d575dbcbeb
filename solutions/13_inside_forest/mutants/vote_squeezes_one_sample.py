# caught by: test_majority_vote_property
"""majority_vote squeezes its answer: with one sample it returns a 0-d array instead of shape (1,)."""

import numpy as np


def majority_vote(predictions):
    predictions = np.asarray(predictions)
    votes = np.apply_along_axis(lambda column: np.argmax(np.bincount(column)), 0, predictions)
    return np.squeeze(votes)
