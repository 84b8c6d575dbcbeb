"""``grader.testing.once_per_judge``: a hidden suite's fixed values, computed once per judge process.

The judge grades submission after submission with one import of a hidden test module, so a kept
value must come back the same for the next student whatever a test did to it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from grader.testing import once_per_judge


def test_computed_once_per_arguments():
    calls = []

    @once_per_judge
    def table(rows, *, seed=0):
        calls.append((rows, seed))
        return np.arange(rows) + seed

    assert table(3).tolist() == [0, 1, 2]
    assert table(3).tolist() == [0, 1, 2]
    assert table(3, seed=1).tolist() == [1, 2, 3]
    assert table(4).tolist() == [0, 1, 2, 3]
    assert calls == [(3, 0), (3, 1), (4, 0)]
    assert table.__name__ == "table" and table.__doc__ is None


def test_arrays_are_read_only_at_any_depth():
    @once_per_judge
    def data():
        return np.zeros(3), {"windows": np.zeros((2, 2)), "labels": [np.ones(2)]}, (np.ones(1),)

    flat, nested, inner = data()
    for array in (flat, nested["windows"], nested["labels"][0], inner[0]):
        with pytest.raises(ValueError, match="read-only"):
            array[0] = 7.0
    assert float(data()[0].sum()) == 0.0


def test_containers_and_pandas_objects_come_back_fresh():
    @once_per_judge
    def data():
        return {"frame": pd.DataFrame({"age": [10.0, 20.0]}), "grade": pd.Series([1, 2])}, [1, 2]

    first, numbers = data()
    first["frame"]["age"] = 0.0
    first["frame"].loc[0, "age"] = -1.0
    first["grade"].iloc[0] = 9
    first["extra"] = "left by a test"
    numbers.append(3)
    again, numbers_again = data()
    assert again["frame"]["age"].tolist() == [10.0, 20.0]
    assert again["grade"].tolist() == [1, 2]
    assert "extra" not in again and numbers_again == [1, 2]


def test_a_failure_is_not_kept():
    calls = []

    @once_per_judge
    def flaky():
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("first call fails")
        return 5

    with pytest.raises(RuntimeError):
        flaky()
    assert flaky() == 5 and flaky() == 5
    assert len(calls) == 2
