"""Blames the sensors: answers that the deep readings are noisier."""


def why_errors_differ():
    return "a"
