"""grader.testing.expect_raises: a missing or wrong exception reads as a sentence for the student."""

import numpy as np
import pytest

from grader.errors import StudentCodeError
from grader.testing import HiddenTestFailure, expect_raises


def _raising(type_name):
    def call():
        raise StudentCodeError("reduce_loss", type_name, "bad reduction")

    return call


def test_the_expected_exception_passes():
    expect_raises(_raising("ValueError"), "ValueError", what="reduce_loss(x, 'average')")


def test_another_exception_is_named():
    with pytest.raises(HiddenTestFailure) as failure:
        expect_raises(_raising("KeyError"), "ValueError", what="reduce_loss(x, 'average')", why="unknown name")
    assert str(failure.value) == "reduce_loss(x, 'average'): expected ValueError (unknown name); got KeyError."


def test_a_return_value_is_described_without_its_values():
    with pytest.raises(HiddenTestFailure) as failure:
        expect_raises(lambda: np.array([0.25, 0.5]), "ValueError", what="reduce_loss(x, 'average')")
    message = str(failure.value)
    assert message == (
        "reduce_loss(x, 'average'): expected ValueError; got a return value, an array of shape (2,) and dtype float64."
    )
    assert "DID NOT RAISE" not in message and "StudentCodeError" not in message
