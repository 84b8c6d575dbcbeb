# caught by: test_why_errors_differ
"""Blames the sensors: answers that the deep readings are noisier."""


def why_errors_differ():
    return "a"
