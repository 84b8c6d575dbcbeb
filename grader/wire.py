"""The judge's side of the value encoding described in ``grader/child.py``.

``encode`` turns test arguments into tagged JSON; ``decode`` turns a child's
answer back into plain Python and NumPy values, trusting nothing: NumPy arrays
are read with ``allow_pickle=False`` and must have a plain dtype, Keras models
are loaded with ``safe_mode=True`` from the child's working folder only, and any
unknown tag or type fails with ``StudentReturnTypeError``.
"""

from __future__ import annotations

import base64
import io
import math
import re
from pathlib import Path
from typing import Any

import numpy as np

from grader.errors import StudentReturnTypeError

__all__ = ["encode", "decode", "ARRAY_KINDS"]

ARRAY_KINDS = "biufcU"
KERAS_NAME = re.compile(r"^returns/[0-9]{1,6}\.keras$")
MAX_MODEL_BYTES = 200 * 1024 * 1024


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


def _load_array(text: Any, function: str) -> np.ndarray:
    if not isinstance(text, str):
        raise StudentReturnTypeError(function, "a malformed array")
    try:
        array = np.load(io.BytesIO(base64.b64decode(text, validate=True)), allow_pickle=False)
    except Exception:
        raise StudentReturnTypeError(function, "an array that could not be read without pickle") from None
    if type(array) is not np.ndarray or array.dtype.kind not in ARRAY_KINDS:
        raise StudentReturnTypeError(function, f"an array of dtype {array.dtype}")
    return array


def _load_model(relative: Any, workdir: Path, function: str) -> Any:
    if not isinstance(relative, str) or not KERAS_NAME.match(relative):
        raise StudentReturnTypeError(function, "a malformed model reference")
    path = workdir / relative
    if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_MODEL_BYTES:
        raise StudentReturnTypeError(function, "a model file that is missing, a link or too large")
    import keras

    try:
        return keras.saving.load_model(path, safe_mode=True, compile=False)
    except Exception as exc:
        first_line = (str(exc).strip().splitlines() or [""])[0][:300]
        raise StudentReturnTypeError(
            function,
            "a Keras model that could not be loaded safely",
            f"{type(exc).__name__}: {first_line}; use only built-in layers, no Lambda layers",
        ) from None


def decode(value: Any, workdir: Path, function: str) -> Any:
    """A child's answer as plain values; raises StudentReturnTypeError on anything else."""
    if value is None or isinstance(value, (bool, str, int, float)):
        return value
    if isinstance(value, list):
        return [decode(item, workdir, function) for item in value]
    if not isinstance(value, dict) or len(value) not in (1, 2):
        raise StudentReturnTypeError(function, "a malformed value")
    (tag,) = [key for key in value if key != "detail"] or [""]
    body = value[tag]
    if tag == "$float" and body in ("nan", "inf", "-inf"):
        return float(body)
    if tag == "$tuple" and isinstance(body, list):
        return tuple(decode(item, workdir, function) for item in body)
    if tag == "$dict" and isinstance(body, list):
        result = {}
        for pair in body:
            if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], (str, int))):
                raise StudentReturnTypeError(function, "a malformed dict")
            result[pair[0]] = decode(pair[1], workdir, function)
        return result
    if tag == "$ndarray":
        return _load_array(body, function)
    if tag == "$scalar":
        array = _load_array(body, function)
        if array.ndim != 0:
            raise StudentReturnTypeError(function, "a malformed NumPy scalar")
        return array[()]
    if tag == "$keras":
        return _load_model(body, workdir, function)
    if tag == "$unsupported":
        detail = value.get("detail", "")
        return _raise_unsupported(function, str(body)[:200], str(detail)[:300])
    raise StudentReturnTypeError(function, "a value of an unknown kind")


def _raise_unsupported(function: str, type_name: str, detail: str) -> Any:
    raise StudentReturnTypeError(function, type_name, detail)
