# caught by: test_why_errors_differ
"""Answers overfitting, which would also show on the usual test set."""


def why_errors_differ():
    return "d"
