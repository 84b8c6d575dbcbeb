# caught by: test_run_labels
"""Reads the curve that settles high as a slow learner, and the slow one as a bug."""


def run_labels():
    return {"A": "too low", "B": "too high", "C": "bug", "D": "good"}
