"""The scan for grader internals in feedback finds each kind it names, and passes plain feedback."""

from __future__ import annotations

import pytest

from grader.feedback_audit import INTERNALS, hidden_facts_in, internals_in
from grader.outcomes import Outcome
from grader.outcomes import TestResult as Result

LEAKS = {
    "pytest's raises() wording": "DID NOT RAISE <class 'grader.errors.StudentCodeError'>",
    "a frozen importlib frame": 'File "<frozen importlib._bootstrap>", line 1176, in _find_and_load',
    "a pytest parameter id": "[X5x4-W3x4] dense_forward: wrong values",
    "a grader source path": 'File "/work/main/grader/judge_plugin.py", line 80',
    "a site-packages path": "/venv/lib/python3.11/site-packages/numpy/core/fromnumeric.py",
    "a judge class name": "StudentCodeError: ValueError: bad shape",
    "pytest's assertion rewriting": "assert x == y\nE   AssertionError",
}


def _result(message: str, details: str = "") -> Result:
    return Result("test_x", Outcome.FAILED, 0.0, 1.0, message, details)


@pytest.mark.parametrize("what", sorted(LEAKS))
def test_each_kind_of_internal_is_found(what):
    (leak,) = [line for line in internals_in([_result(LEAKS[what])]) if what in line]
    assert leak.startswith("test_x: ")


def test_every_kind_has_an_example():
    assert {what for what, _ in INTERNALS} == set(LEAKS)


@pytest.mark.parametrize(
    "message",
    [
        "dense_forward: expected an array of shape (4, 3). Received: an array of shape (3, 4). Check the order of W.",
        "expected ValueError when the two arrays differ in length, got a return value",
        "case 2 of 3: gini(no labels): expected 0.0 for an empty set",
        "neuron.py, line 3, in neuron\n    return w * x + b\nTypeError: unsupported operand",
    ],
)
def test_plain_feedback_passes(message):
    assert internals_in([_result(message)]) == []


def test_hidden_facts_are_found_case_insensitively():
    results = [_result("The hidden test set has 412 rows"), _result("fine", details="Magnitude matters most")]
    found = hidden_facts_in(results, [r"\b412\b", "magnitude matters"])
    assert found == [
        "test_x: reveals '412' (hidden fact '\\\\b412\\\\b')",
        "test_x: reveals 'Magnitude matters' (hidden fact 'magnitude matters')",
    ]


def test_hidden_fact_pattern_does_not_match_other_numbers():
    assert hidden_facts_in([_result("expected 4120 rows, got 1412")], [r"\b412\b"]) == []
