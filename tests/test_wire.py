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
def test_round_trip(value):
    back = wire.decode(wire.encode(value), "f")
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
        ({"$keras": "returns/1.keras"}, "unknown kind"),
        ({"$model": "../../solutions/x.keras"}, "malformed model"),
        ({"$model": {"config": "{}", "weights": [1.5]}}, "weights are not arrays"),
        ({"$model": {"config": "[", "weights": []}}, "not valid JSON"),
        ({"$dict": [[[1], 2]]}, "malformed dict"),
        ({"a": 1}, "unknown kind"),
    ],
)
def test_anything_else_is_refused_with_the_type_named(answer, named):
    with pytest.raises(StudentReturnTypeError, match=named) as info:
        wire.decode(answer, "dense_forward")
    assert str(info.value).startswith("dense_forward: expected plain data")


def test_object_array_is_refused_even_if_forged():
    import base64
    import io

    buffer = io.BytesIO()
    np.save(buffer, np.array([object()], dtype=object), allow_pickle=True)
    forged = {"$ndarray": base64.b64encode(buffer.getvalue()).decode()}
    with pytest.raises(StudentReturnTypeError, match="dtype object"):
        wire.decode(forged, "f")


# -- bounds on the judge's own work (issue 13, class 2) ---------------------------------------------


def test_answers_nested_too_deep_are_refused_without_recursion_error():
    with pytest.raises(wire.AnswerError, match="nested more than"):
        wire.parse_answer(b'{"ok": true, "value": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    deep = [1]
    for _ in range(wire.ANSWER_MAX_DEPTH + 5):
        deep = [deep]
    with pytest.raises(StudentReturnTypeError, match="nested more than"):
        wire.decode(deep, "f")


def test_answers_with_too_many_values_are_refused_before_parsing():
    line = b'{"ok": true, "value": [' + b"[]," * (wire.ANSWER_MAX_VALUES + 1) + b"[]]}"
    with pytest.raises(wire.AnswerError, match="more than 2,000,000 items"):
        wire.parse_answer(line)
    commas_in_a_string = b'{"ok": true, "value": "' + b"," * (wire.ANSWER_MAX_VALUES + 1) + b'"}'
    assert len(wire.parse_answer(commas_in_a_string)["value"]) == wire.ANSWER_MAX_VALUES + 1


@pytest.mark.parametrize("line", [b"[1]", b'"text"', b"{", b'{"ok": 1' + b"9" * 5000 + b"}"])
def test_anything_but_one_object_is_an_answer_error(line):
    with pytest.raises(wire.AnswerError):
        wire.parse_answer(line)


def _npy(array: np.ndarray) -> bytes:
    import io

    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return buffer.getvalue()


def test_array_header_must_match_its_data():
    import base64

    raw = _npy(np.zeros(4))
    header_end = raw.index(b"\n") + 1
    huge = raw[:header_end].replace(b"(4,)", b"(10000000000,)".ljust(4)[:14]) + raw[header_end:]
    forged = raw[:header_end].replace(b"'shape': (4,), ", b"'shape': (10**10,),")
    for data in (huge, forged, raw[:-8]):
        with pytest.raises(StudentReturnTypeError):
            wire.decode({"$ndarray": base64.b64encode(data).decode()}, "f")
