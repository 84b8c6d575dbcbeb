"""Only plain data crosses the boundary, and nothing is ever unpickled."""

import numpy as np
import pytest

from grader import wire
from grader.errors import StudentReturnTypeError


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        3,
        -2.5,
        "text",
        [1, 2.0, "x"],
        (1, (2, 3)),
        {"a": 1, 2: [3]},
        float("nan"),
        float("inf"),
        np.arange(6.0).reshape(2, 3),
        np.array([True, False]),
        np.float32(1.5),
        np.int64(7),
        np.array(["a", "bc"]),
    ],
)
def test_round_trip(value, tmp_path):
    back = wire.decode(wire.encode(value), tmp_path, "f")
    if isinstance(value, np.ndarray):
        assert type(back) is np.ndarray and back.dtype == value.dtype
        np.testing.assert_array_equal(back, value)
    elif isinstance(value, float) and np.isnan(value):
        assert np.isnan(back)
    else:
        assert back == value and type(back) is type(value)


@pytest.mark.parametrize(
    ("answer", "named"),
    [
        ({"$unsupported": "toy.AlwaysEqual", "detail": ""}, "toy.AlwaysEqual"),
        ({"$pickle": "gASVAAAA"}, "unknown kind"),
        ({"$ndarray": "bm90IGFuIGFycmF5"}, "without pickle"),
        ({"$keras": "../../solutions/x.keras"}, "malformed model"),
        ({"$keras": "returns/1.keras"}, "missing"),
        ({"$dict": [[[1], 2]]}, "malformed dict"),
        ({"a": 1}, "unknown kind"),
    ],
)
def test_anything_else_is_refused_with_the_type_named(answer, named, tmp_path):
    with pytest.raises(StudentReturnTypeError, match=named) as info:
        wire.decode(answer, tmp_path, "dense_forward")
    assert str(info.value).startswith("dense_forward: expected plain data")


def test_object_array_is_refused_even_if_forged(tmp_path):
    import base64
    import io

    buffer = io.BytesIO()
    np.save(buffer, np.array([object()], dtype=object), allow_pickle=True)
    forged = {"$ndarray": base64.b64encode(buffer.getvalue()).decode()}
    with pytest.raises(StudentReturnTypeError, match="without pickle"):
        wire.decode(forged, tmp_path, "f")
