# caught by: test_majority_vote_ties
"""Majority vote that breaks ties by the largest label (max over (count, label))."""

import numpy as np


def majority_vote(predictions):
    predictions = np.asarray(predictions)
    votes = []
    for column in predictions.T:
        labels, counts = np.unique(column, return_counts=True)
        votes.append(max(zip(counts, labels, strict=True))[1])
    return np.array(votes, dtype=int)
