"""A Keras model a student returned, loaded by the judge only after its size and cost are known.

The student process saves a returned ``keras.Model`` as ``returns/N.keras`` in its
working folder; the judge then loads it in its own process. Everything about that
file is hostile, so before Keras sees it:

1. the file is opened without following links and without blocking (a FIFO or a
   leased file is refused, never waited on), must be a regular file and at most
   ``MODEL_FILE_MAX_BYTES``; its bytes are copied into a private folder of the judge, so
   the student cannot change them while Keras reads them;
2. the archive's declared sizes are checked (entries and directory size from its
   end record before ``zipfile`` reads the directory, then total uncompressed size and
   compression ratio per member: no deflate bombs), then ``config.json`` is read and parsed
   with a size and nesting cap;
3. the model is built from that config with ``safe_mode=True`` inside a Keras
   ``StatelessScope`` that does not initialise variables: shapes are known, no
   weight is allocated. Its parameter count, its largest activation and an
   estimate of the multiply-adds per sample are checked against caps.

Only then does ``keras.saving.load_model(safe_mode=True)`` build the real model.
Each refusal is a ``StudentReturnTypeError`` (the test fails with one line).
"""

from __future__ import annotations

import io
import json
import math
import os
import stat
import struct
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from grader.errors import StudentReturnTypeError
from grader.settings import (
    MODEL_CONFIG_MAX_BYTES,
    MODEL_CONFIG_MAX_DEPTH,
    MODEL_FILE_MAX_BYTES,
    MODEL_MAX_ACTIVATION,
    MODEL_MAX_DIRECTORY_BYTES,
    MODEL_MAX_ENTRIES,
    MODEL_MAX_LAYERS,
    MODEL_MAX_OPS_PER_SAMPLE,
    MODEL_MAX_PARAMS,
    MODEL_MAX_RATIO,
    MODEL_MAX_RECURRENT_STEPS,
    MODEL_RATIO_FLOOR_BYTES,
    MODEL_UNCOMPRESSED_MAX_BYTES,
)

__all__ = ["load_returned_model", "read_returned_file", "check_archive", "check_declared_cost"]


def _refuse(function: str, what: str, detail: str = "") -> StudentReturnTypeError:
    return StudentReturnTypeError(function, what, detail)


def read_returned_file(workdir: Path, relative: str, function: str) -> bytes:
    """The bytes of ``workdir/relative``: no links, no FIFO, no waiting, at most ``MODEL_FILE_MAX_BYTES``."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    folder_fd = file_fd = -1
    try:
        folder_fd = os.open(workdir, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        for part in Path(relative).parts[:-1]:
            inner = os.open(part, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=folder_fd)
            os.close(folder_fd)
            folder_fd = inner
        file_fd = os.open(Path(relative).name, flags, dir_fd=folder_fd)
        info = os.fstat(file_fd)
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(function, "a model file that is not a regular file")
        if info.st_size > MODEL_FILE_MAX_BYTES:
            raise _refuse(function, f"a model file larger than {MODEL_FILE_MAX_BYTES >> 20} MB")
        chunks, left = [], MODEL_FILE_MAX_BYTES + 1
        while left > 0:
            chunk = os.read(file_fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except BlockingIOError:
        raise _refuse(function, "a model file that could not be read without waiting (locked or leased)") from None
    except OSError as exc:
        raise _refuse(function, "a model file that is missing, a link or unreadable", exc.strerror or "") from None
    finally:
        for fd in (file_fd, folder_fd):
            if fd >= 0:
                os.close(fd)
    data = b"".join(chunks)
    if len(data) > MODEL_FILE_MAX_BYTES:
        raise _refuse(function, f"a model file larger than {MODEL_FILE_MAX_BYTES >> 20} MB")
    return data


def _check_directory(data: bytes, function: str) -> None:
    """The end record's entry count and directory size, before ``zipfile`` builds one object per entry."""
    at = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if at < 0 or len(data) < at + 22:
        raise _refuse(function, "a model file that is not a .keras archive")
    entries, directory_bytes = struct.unpack("<HI", data[at + 10 : at + 16])
    if entries > MODEL_MAX_ENTRIES or directory_bytes > MODEL_MAX_DIRECTORY_BYTES:
        raise _refuse(
            function,
            f"a model archive with {entries} members in {directory_bytes} bytes of directory "
            f"(at most {MODEL_MAX_ENTRIES})",
        )


def check_archive(data: bytes, function: str) -> dict:
    """The model's config after checking the archive's declared sizes; refuses bombs and malformed files."""
    _check_directory(data, function)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError):
        raise _refuse(function, "a model file that is not a .keras archive") from None
    if len(entries) > MODEL_MAX_ENTRIES:
        raise _refuse(function, f"a model archive with {len(entries)} members (at most {MODEL_MAX_ENTRIES})")
    total = 0
    for entry in entries:
        total += entry.file_size
        ratio_ok = (
            entry.file_size <= MODEL_RATIO_FLOOR_BYTES or entry.file_size <= MODEL_MAX_RATIO * entry.compress_size
        )
        if not ratio_ok or total > MODEL_UNCOMPRESSED_MAX_BYTES:
            raise _refuse(
                function,
                "a model archive that expands too much",
                f"{entry.filename!r} declares {entry.file_size} bytes from {entry.compress_size}; "
                f"at most {MODEL_UNCOMPRESSED_MAX_BYTES >> 20} MB in all and {MODEL_MAX_RATIO}:1",
            )
    try:
        info = archive.getinfo("config.json")
        if info.file_size > MODEL_CONFIG_MAX_BYTES:
            raise _refuse(function, f"a model config larger than {MODEL_CONFIG_MAX_BYTES >> 20} MB")
        with archive.open(info) as handle:
            text = handle.read(MODEL_CONFIG_MAX_BYTES + 1)
        config = json.loads(text)
    except KeyError:
        raise _refuse(function, "a model archive without config.json") from None
    except (ValueError, RecursionError, zipfile.BadZipFile, OSError, EOFError, RuntimeError):
        raise _refuse(function, "a model archive whose config.json cannot be read") from None
    if not isinstance(config, dict):
        raise _refuse(function, "a model archive whose config.json is not an object")
    _check_nesting(config, function)
    return config


def _check_nesting(config: Any, function: str) -> None:
    """At most ``MODEL_CONFIG_MAX_DEPTH`` levels and ``MODEL_MAX_LAYERS`` layer entries (walked without recursion)."""
    stack, layers = [(config, 0)], 0
    while stack:
        value, depth = stack.pop()
        if depth > MODEL_CONFIG_MAX_DEPTH:
            raise _refuse(function, f"a model config nested more than {MODEL_CONFIG_MAX_DEPTH} levels deep")
        if isinstance(value, dict):
            layers += "class_name" in value
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
    if layers > MODEL_MAX_LAYERS:
        raise _refuse(function, f"a model config with {layers} objects (at most {MODEL_MAX_LAYERS} layers)")


def _unsafe(function: str, exc: Exception) -> StudentReturnTypeError:
    """The refusal of a model Keras could not build or load in safe mode, with Keras' first line."""
    first_line = (str(exc).strip().splitlines() or [""])[0][:300]
    return _refuse(
        function,
        "a Keras model that could not be loaded safely",
        f"{type(exc).__name__}: {first_line}; use only built-in layers, no Lambda layers",
    )


def _build_without_weights(config: dict, function: str) -> Any:
    """The model of ``config`` with shapes but no allocated weights (safe mode)."""
    import keras
    from keras.src.backend.common import global_state
    from keras.src.saving import serialization_lib

    pending = list(global_state.get_global_attribute("uninitialized_variables", []) or [])
    # A compiled model's optimizer would build its own variables; the shapes check needs only the layers
    # (the real load below uses compile=False as well).
    config = {key: value for key, value in config.items() if key != "compile_config"}
    try:
        with keras.StatelessScope(initialize_variables=False), serialization_lib.SafeModeScope(True):
            return serialization_lib.deserialize_keras_object(config, safe_mode=True)
    except Exception as exc:
        raise _unsafe(function, exc) from None
    finally:  # the shapes-only variables must never be initialised later
        global_state.set_global_attribute("uninitialized_variables", pending)


def _shapes(layer: Any, side: str) -> list[tuple]:
    """The symbolic shapes of a layer's ``input`` or ``output``; none for a layer never called."""
    import keras

    try:
        tensors = getattr(layer, side)
        return [tuple(t.shape) for t in keras.tree.flatten(tensors) if hasattr(t, "shape")]
    except Exception:  # a layer with no symbolic input (not called in a functional graph)
        return []


def _per_sample(shape: tuple) -> int:
    """Values per sample: the product of the non-batch dimensions (unknown ones count as 1)."""
    return math.prod(int(d) if isinstance(d, int) and d > 0 else 1 for d in shape[1:])


def _params(layer: Any) -> int:
    return sum(math.prod(int(d) for d in weight.shape) for weight in layer.weights)


def _layer_cost(layer: Any) -> tuple[int, int, int]:
    """(multiply-adds, largest activation, recurrent steps) per sample of one layer, estimated from shapes."""
    inputs, outputs = _shapes(layer, "input"), _shapes(layer, "output")
    values_in = sum(_per_sample(s) for s in inputs)
    values_out = sum(_per_sample(s) for s in outputs)
    last = max((int(s[-1]) for s in inputs if len(s) > 1 and isinstance(s[-1], int) and s[-1] > 0), default=1)
    positions = max(1, values_in // last)  # time steps, pixels: where the weights are applied
    cost = _params(layer) * positions + values_in + values_out
    if "attention" in type(layer).__name__.lower():
        cost += positions * positions * last
    recurrent = hasattr(layer, "cell") or hasattr(layer, "forward_layer")
    return cost, max(values_in, values_out), positions if recurrent else 0


def _model_cost(model: Any) -> tuple[int, int, int]:
    """Summed over the layers of ``model`` (nested functional models included)."""
    total, largest, steps = 0, 0, 0
    for layer in getattr(model, "layers", []):
        if getattr(layer, "layers", None):
            cost, size, inner_steps = _model_cost(layer)
            cost = max(cost, _layer_cost(layer)[0])
        else:
            cost, size, inner_steps = _layer_cost(layer)
        total, largest, steps = total + cost, max(largest, size), steps + inner_steps
    return total, largest, steps


def check_declared_cost(config: dict, function: str) -> int:
    """Build ``config`` without weights; refuse it over the parameter, activation or cost caps. Returns params."""
    model = _build_without_weights(config, function)
    if not hasattr(model, "weights"):
        raise _refuse(function, "a model config that does not describe a keras.Model")
    try:
        params = sum(math.prod(int(d) for d in weight.shape) for weight in model.weights)
        cost, largest, steps = _model_cost(model)
    except Exception as exc:
        raise _refuse(function, "a Keras model whose shapes cannot be read", type(exc).__name__) from None
    if params > MODEL_MAX_PARAMS:
        raise _refuse(function, f"a Keras model with {params:,} parameters (at most {MODEL_MAX_PARAMS:,})")
    if largest > MODEL_MAX_ACTIVATION:
        raise _refuse(
            function, f"a Keras model with a layer of {largest:,} values per sample (at most {MODEL_MAX_ACTIVATION:,})"
        )
    if cost > MODEL_MAX_OPS_PER_SAMPLE:
        raise _refuse(
            function,
            f"a Keras model that needs about {cost:,} operations per sample (at most {MODEL_MAX_OPS_PER_SAMPLE:,})",
        )
    if steps > MODEL_MAX_RECURRENT_STEPS:
        raise _refuse(
            function, f"a Keras model with {steps:,} recurrent time steps (at most {MODEL_MAX_RECURRENT_STEPS:,})"
        )
    return params


def load_returned_model(workdir: Path, relative: str, function: str) -> Any:
    """The checked model at ``workdir/relative``, loaded with ``safe_mode=True`` from a private copy."""
    data = read_returned_file(workdir, relative, function)
    config = check_archive(data, function)
    check_declared_cost(config, function)
    import keras

    with tempfile.TemporaryDirectory(prefix="grader-model-") as private:
        path = Path(private) / "returned.keras"
        path.write_bytes(data)
        try:
            return keras.saving.load_model(path, safe_mode=True, compile=False)
        except Exception as exc:
            raise _unsafe(function, exc) from None
