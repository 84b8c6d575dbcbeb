# caught by: test_run_labels
"""Mixes up a learning rate that is too high with one that is too low."""


def run_labels():
    return {"A": "bug", "B": "too low", "C": "too high", "D": "good"}
