# caught by: test_run_labels
"""Calls every curve that goes down "good"."""


def run_labels():
    return {"A": "bug", "B": "too high", "C": "good", "D": "good"}
