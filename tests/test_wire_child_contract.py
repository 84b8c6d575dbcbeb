"""The value encoding is written twice on purpose (the child may not import the grader): both copies agree.

``grader/child.py`` encodes return values and decodes arguments; ``grader/wire.py`` does the
reverse on the judge's side. Each value below goes child -> judge and judge -> child and
must come back equal, with the same type.
"""

from __future__ import annotations

import importlib.util
import json
import math

import numpy as np
import pytest

from grader import wire
from grader.paths import CHILD_SCRIPT


@pytest.fixture(scope="module")
def child():
    spec = importlib.util.spec_from_file_location("grader_child_under_test", CHILD_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


VALUES = {
    "none": None,
    "bools": [True, False],
    "int": 7,
    "big_int": 2**80,
    "negative_float": -1.5,
    "nan": float("nan"),
    "inf": float("-inf"),
    "text": "héllo",
    "tuple": (1, 2.5, "a"),
    "dict_with_int_keys": {"a": 1, 2: [3, {"b": (4,)}]},
    "nested": [[1, [2, [3, [4]]]]],
    **{f"array_{kind}": np.array([[1, 0], [1, 1]]).astype(kind) for kind in ("bool", "int8", "uint16", "float32")},
    "array_float64_3d": np.arange(24.0).reshape(2, 3, 4),
    "array_complex": np.array([1 + 2j, 3 - 1j]),
    "array_text": np.array(["a", "bc"]),
    "array_empty": np.zeros((0, 3)),
    "scalar_float32": np.float32(1.5),
    "scalar_int64": np.int64(-3),
    "scalar_bool": np.bool_(True),
}


def _same(a, b) -> bool:
    if isinstance(a, np.ndarray):
        return type(b) is np.ndarray and a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b)
    if isinstance(a, np.generic):
        return type(b) is type(a) and a == b
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return type(b) is dict and list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


@pytest.mark.parametrize("name", sorted(VALUES))
def test_child_to_judge(child, name):
    value = VALUES[name]
    on_the_wire = json.loads(json.dumps(child._Encoder().encode(value)))
    assert _same(value, wire.decode(on_the_wire, "f"))


@pytest.mark.parametrize("name", sorted(VALUES))
def test_judge_to_child(child, name):
    value = VALUES[name]
    assert _same(value, child._decode(json.loads(json.dumps(wire.encode(value)))))


def test_both_accept_the_same_array_kinds(child):
    assert child.ARRAY_KINDS == wire.ARRAY_KINDS


def test_what_the_child_refuses_the_judge_refuses_too(child):
    refused = child._Encoder().encode(np.array([1, "a", None], dtype=object))
    assert "$unsupported" in refused
    with pytest.raises(Exception, match="numpy.ndarray"):
        wire.decode(refused, "f")


def test_the_comparison_itself_tells_types_apart():
    assert not _same((1, 2), [1, 2]) and not _same(np.float32(1), np.float64(1)) and not _same(1, True)
