"""The judge's side of the value encoding described in ``grader/child.py``.

``encode`` turns test arguments into tagged JSON; ``decode`` turns a child's
answer back into plain Python and NumPy values, trusting nothing: NumPy arrays
are read with ``allow_pickle=False`` and must have a plain dtype and a header
that matches their bytes, Keras models (a config text and weight arrays) go through
``grader.returned_model`` (sizes and cost checked before a ``safe_mode=True`` build), values may nest at
most ``ANSWER_MAX_DEPTH`` levels, and any unknown tag or type fails with
``StudentReturnTypeError``. ``parse_answer`` turns one raw answer line into JSON
with a cap on the number of values (checked before any object is built).
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import math
import re
from typing import Any

import numpy as np

from grader.errors import StudentReturnTypeError
from grader.settings import ANSWER_MAX_DEPTH, ANSWER_MAX_VALUES

__all__ = ["encode", "decode", "parse_answer", "AnswerError", "ARRAY_KINDS"]

ARRAY_KINDS = "biufcU"
JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"')


class AnswerError(ValueError):
    """An answer line that cannot be trusted as one JSON object; the message says why."""


def parse_answer(line: bytes) -> dict:
    """One answer line as a JSON object, refusing more than ``ANSWER_MAX_VALUES`` values or deep nesting.

    The count is checked on the bytes first (commas and brackets outside strings), so
    an answer of tens of millions of tiny values is refused before any is built.
    """
    if line.count(b",") + line.count(b"[") + line.count(b"{") > ANSWER_MAX_VALUES:
        outside_strings = JSON_STRING.sub(b'""', line)
        values = outside_strings.count(b",") + outside_strings.count(b"[") + outside_strings.count(b"{")
        if values > ANSWER_MAX_VALUES:
            raise AnswerError(f"the value returned holds more than {ANSWER_MAX_VALUES:,} items; return a NumPy array")
    try:
        answer = json.loads(line)
    except RecursionError:
        raise AnswerError(f"the value returned is nested more than {ANSWER_MAX_DEPTH} levels deep") from None
    except ValueError:  # also integers of more than 4,300 digits
        raise AnswerError("it sent back something unreadable") from None
    if not isinstance(answer, dict):
        raise AnswerError("it sent back something unreadable")
    return answer


def encode(value: Any) -> Any:
    """Arguments for the child: plain data only (the judge's own, trusted)."""
    if value is None or isinstance(value, (bool, str, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else {"$float": repr(value)}
    if isinstance(value, list):
        return [encode(item) for item in value]
    if isinstance(value, tuple):
        return {"$tuple": [encode(item) for item in value]}
    if isinstance(value, dict):
        return {"$dict": [[key, encode(item)] for key, item in value.items()]}
    if isinstance(value, np.ndarray):
        return {"$ndarray": _array_text(value)}
    if isinstance(value, np.generic):
        return {"$scalar": _array_text(np.asarray(value))}
    raise TypeError(f"cannot send a {type(value).__name__} to the student's code")


def _array_text(array: np.ndarray) -> str:
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _array_header(raw: io.BytesIO) -> tuple[np.dtype, int]:
    """(dtype, bytes the data must have) from an ``np.save`` header, before anything is allocated."""
    version = np.lib.format.read_magic(raw)
    if version == (1, 0):
        shape, _, dtype = np.lib.format.read_array_header_1_0(raw)
    elif version in ((2, 0), (3, 0)):
        shape, _, dtype = np.lib.format.read_array_header_2_0(raw)
    else:
        raise ValueError("unknown .npy version")
    return dtype, math.prod(shape) * dtype.itemsize


def _load_array(text: Any, function: str) -> np.ndarray:
    if not isinstance(text, str):
        raise StudentReturnTypeError(function, "a malformed array")
    try:
        raw = io.BytesIO(base64.b64decode(text, validate=True))
        dtype, size = _array_header(raw)
    except (ValueError, TypeError, binascii.Error, OverflowError, SyntaxError):
        raise StudentReturnTypeError(function, "an array that could not be read without pickle") from None
    if dtype.kind not in ARRAY_KINDS or dtype.fields is not None or dtype.subdtype is not None or not dtype.itemsize:
        raise StudentReturnTypeError(function, f"an array of dtype {dtype}")
    if size != len(raw.getbuffer()) - raw.tell():
        raise StudentReturnTypeError(function, "an array whose header does not match its data")
    try:
        raw.seek(0)
        array = np.load(raw, allow_pickle=False)
    except Exception:
        raise StudentReturnTypeError(function, "an array that could not be read without pickle") from None
    if type(array) is not np.ndarray or array.dtype.kind not in ARRAY_KINDS:
        raise StudentReturnTypeError(function, f"an array of dtype {array.dtype}")
    return array


def _rebuild_model(body: Any, function: str, depth: int) -> Any:
    if not (isinstance(body, dict) and set(body) == {"config", "weights"} and isinstance(body["weights"], list)):
        raise StudentReturnTypeError(function, "a malformed model")
    weights = [decode(item, function, depth) for item in body["weights"]]
    if not all(type(array) is np.ndarray for array in weights):
        raise StudentReturnTypeError(function, "a model whose weights are not arrays")
    from grader.returned_model import rebuild_returned_model

    return rebuild_returned_model(body["config"], weights, function)


def decode(value: Any, function: str, depth: int = 0) -> Any:
    """A child's answer as plain values; raises StudentReturnTypeError on anything else."""
    if value is None or isinstance(value, (bool, str, int, float)):
        return value
    if depth >= ANSWER_MAX_DEPTH:
        raise StudentReturnTypeError(function, f"a value nested more than {ANSWER_MAX_DEPTH} levels deep")
    depth += 1
    if isinstance(value, list):
        return [decode(item, function, depth) for item in value]
    if not isinstance(value, dict) or len(value) not in (1, 2):
        raise StudentReturnTypeError(function, "a malformed value")
    (tag,) = [key for key in value if key != "detail"] or [""]
    body = value[tag]
    if tag == "$float" and body in ("nan", "inf", "-inf"):
        return float(body)
    if tag == "$tuple" and isinstance(body, list):
        return tuple(decode(item, function, depth) for item in body)
    if tag == "$dict" and isinstance(body, list):
        result = {}
        for pair in body:
            if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], (str, int))):
                raise StudentReturnTypeError(function, "a malformed dict")
            result[pair[0]] = decode(pair[1], function, depth)
        return result
    if tag == "$ndarray":
        return _load_array(body, function)
    if tag == "$scalar":
        array = _load_array(body, function)
        if array.ndim != 0:
            raise StudentReturnTypeError(function, "a malformed NumPy scalar")
        return array[()]
    if tag == "$model":
        return _rebuild_model(body, function, depth)
    if tag == "$unsupported":
        detail = value.get("detail", "")
        return _raise_unsupported(function, str(body)[:200], str(detail)[:300])
    raise StudentReturnTypeError(function, "a value of an unknown kind")


def _raise_unsupported(function: str, type_name: str, detail: str) -> Any:
    raise StudentReturnTypeError(function, type_name, detail)
