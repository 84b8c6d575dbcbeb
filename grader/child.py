"""The student's side of the trust boundary: a child process that runs student code.

This module is started as a script (``python -I child.py REQ_FD RESP_FD LIMITS``,
LIMITS a JSON object such as ``{"file_bytes": 67108864}``) and
imports nothing but the standard library (NumPy and Keras only when the student's
code has already imported them). The judge never imports it.

Contract. The judge writes one JSON object per line to ``REQ_FD``; the child
answers each with one JSON object per line on ``RESP_FD``. Every request carries
``"seq": N`` (a random start per process, counting up) and its answer echoes it:
the judge treats an answer with another number, or anything after it, as forged
(student code can write to these pipes too). The child's own stdin, stdout and
stderr belong to the student and are not part of the protocol.

Requests::

    {"op": "load", "path": "neuron.py", "module": "neuron",
     "sys_path": ["/dir/with/datasets"], "seed": 0}
    {"op": "call", "name": "dense_forward", "args": [V, ...],
     "kwargs": {"key": V, ...}, "seed": 0}
    {"op": "exit"}

Answers::

    {"ok": true}                       (load)
    {"ok": true, "value": V}           (call)
    {"ok": false, "error": {"kind": K, "type": "ValueError",
                            "message": "...", "traceback": "..."}}

where K is ``"load"`` (the module could not be imported), ``"missing"`` (the
module defines no such name), ``"not_callable"``, ``"student"`` (the student's
code raised) or ``"protocol"`` (a malformed request).

Values V are JSON with tagged objects for what JSON lacks::

    null, true, false, numbers, strings, [V, ...]
    {"$float": "nan" | "inf" | "-inf"}
    {"$tuple": [V, ...]}
    {"$dict": [[key, V], ...]}          keys are strings or integers
    {"$ndarray": BASE64}                np.save bytes, allow_pickle=False
    {"$scalar": BASE64}                 a NumPy scalar, saved as a 0-d array
    {"$model": {"config": JSON_TEXT, "weights": [{"$ndarray": ...}, ...]}}
                                        a keras.Model: what model.save writes as
                                        config.json, and model.get_weights()
    {"$unsupported": "module.Type", "detail": "..."}

Before every load and call the child seeds Python's ``random``, NumPy's global
generator and (if the student imported it) Keras with the given seed.
"""

from __future__ import annotations

import base64
import importlib.util
import io
import json
import math
import os
import random
import sys
import traceback

ARRAY_KINDS = "biufcU"


def _numpy():
    return sys.modules.get("numpy")


def _seed(seed: int) -> None:
    random.seed(seed)
    np = _numpy()
    if np is not None:
        np.random.seed(seed)
    keras = sys.modules.get("keras")
    if keras is not None:
        try:
            keras.utils.set_random_seed(seed)
        except Exception:  # a student may have broken keras; the call will tell
            pass


def _trimmed_traceback(exc: BaseException, workdir: str) -> str:
    """The traceback with only the frames of files in the student's folder."""
    frames = [
        frame
        for frame in traceback.extract_tb(exc.__traceback__)
        if os.path.realpath(frame.filename).startswith(workdir + os.sep)
    ]
    for frame in frames:
        frame.filename = os.path.relpath(frame.filename, workdir)
    lines = traceback.format_list(frames)
    lines += traceback.format_exception_only(type(exc), exc)
    return "".join(lines)[-4000:]


def _error(kind: str, exc: BaseException | None, workdir: str, message: str = "") -> dict:
    if exc is None:
        return {"ok": False, "error": {"kind": kind, "type": "", "message": message, "traceback": ""}}
    try:
        text = str(exc)
    except BaseException:  # a hostile __str__
        text = "<unprintable exception>"
    return {
        "ok": False,
        "error": {
            "kind": kind,
            "type": type(exc).__name__,
            "message": (message or text)[:2000],
            "traceback": _trimmed_traceback(exc, workdir),
        },
    }


class _Encoder:
    """Turns a student's return value into tagged JSON, refusing anything else."""

    def encode(self, value, depth: int = 0):
        if depth > 50:
            raise ValueError("the value is nested more than 50 levels deep")
        kind = type(value)
        if value is None or kind is bool or kind is str:
            return value
        if kind is int:
            return value
        if kind is float:
            return value if math.isfinite(value) else {"$float": repr(value)}
        if kind is list:
            return [self.encode(item, depth + 1) for item in value]
        if kind is tuple:
            return {"$tuple": [self.encode(item, depth + 1) for item in value]}
        if kind is dict:
            pairs = []
            for key, item in value.items():
                if type(key) not in (str, int):
                    return _unsupported(key, "dictionary keys must be strings or integers")
                pairs.append([key, self.encode(item, depth + 1)])
            return {"$dict": pairs}
        np = _numpy()
        if np is not None:
            if kind is np.ndarray:
                if value.dtype.kind not in ARRAY_KINDS:
                    return _unsupported(value, f"an array of dtype {value.dtype} (object arrays are not accepted)")
                return {"$ndarray": _save_array(np, value)}
            if isinstance(value, np.generic) and kind.__module__ == "numpy":
                if value.dtype.kind not in ARRAY_KINDS:
                    return _unsupported(value, f"a NumPy scalar of dtype {value.dtype}")
                return {"$scalar": _save_array(np, np.asarray(value))}
        keras = sys.modules.get("keras")
        if keras is not None and isinstance(value, keras.Model):
            return _model(keras, np, value)
        detail = ""
        if keras is not None and isinstance(value, keras.layers.Layer):
            detail = "a Keras layer on its own cannot be returned: wrap it in a keras.Model"
        elif "tensorflow" in kind.__module__ or "Tensor" in kind.__name__:
            detail = "a tensor: convert it with np.asarray(...)"
        return _unsupported(value, detail)


def _model(keras, np, model) -> dict:
    """A keras.Model as its config text and weights; the judge rebuilds it in safe mode."""
    try:
        config = json.dumps(keras.saving.serialize_keras_object(model))
        weights = [np.asarray(weight) for weight in model.get_weights()]
    except Exception as exc:  # a broken or hostile model: the test says why
        return _unsupported(model, f"a Keras model that could not be serialised ({type(exc).__name__}: {exc})"[:300])
    for weight in weights:
        if type(weight) is not np.ndarray or weight.dtype.kind not in ARRAY_KINDS:
            return _unsupported(model, "a Keras model with weights that are not plain arrays")
    return {"$model": {"config": config, "weights": [{"$ndarray": _save_array(np, w)} for w in weights]}}


def _unsupported(value, detail: str = "") -> dict:
    kind = type(value)
    return {"$unsupported": f"{kind.__module__}.{kind.__qualname__}", "detail": detail}


def _save_array(np, array) -> str:
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _decode(value):
    """Arguments from the judge: the same tags, without $model or $unsupported."""
    if isinstance(value, list):
        return [_decode(item) for item in value]
    if not isinstance(value, dict):
        return value
    if "$float" in value:
        return float(value["$float"])
    if "$tuple" in value:
        return tuple(_decode(item) for item in value["$tuple"])
    if "$dict" in value:
        return {key: _decode(item) for key, item in value["$dict"]}
    if "$ndarray" in value or "$scalar" in value:
        import numpy as np

        raw = base64.b64decode(value.get("$ndarray") or value.get("$scalar"))
        array = np.load(io.BytesIO(raw), allow_pickle=False)
        return array if "$ndarray" in value else array[()]
    raise ValueError(f"unknown tag in {sorted(value)}")


class Child:
    """Serves load and call requests for one student module."""

    def __init__(self, workdir: str) -> None:
        self.workdir = os.path.realpath(workdir)
        self.module = None
        self.path = "your file"
        self.encoder = _Encoder()

    def handle(self, request: dict) -> dict:
        op = request.get("op")
        if op == "load":
            return self.load(request)
        if op == "call":
            return self.call(request)
        return _error("protocol", None, self.workdir, f"unknown op {op!r}")

    def load(self, request: dict) -> dict:
        # The kit's folders go before site-packages: its `datasets` must win over an installed package of
        # that name (Hugging Face's); the student's own folder comes first of all.
        for entry in reversed(request.get("sys_path", [])):
            if entry in sys.path:
                sys.path.remove(entry)
            sys.path.insert(0, entry)
        sys.path.insert(0, self.workdir)
        self.path = request["path"]
        path = os.path.join(self.workdir, self.path)
        _seed(request.get("seed", 0))
        try:
            spec = importlib.util.spec_from_file_location(request["module"], path)
            module = importlib.util.module_from_spec(spec)
            sys.modules[request["module"]] = module
            spec.loader.exec_module(module)
        except BaseException as exc:  # SyntaxError, ImportError, SystemExit, anything
            return _error("load", exc, self.workdir)
        self.module = module
        return {"ok": True}

    def call(self, request: dict) -> dict:
        name = request.get("name", "")
        if self.module is None:
            return _error("protocol", None, self.workdir, "no module loaded")
        try:
            function = getattr(self.module, name)
        except BaseException:
            return _error("missing", None, self.workdir, f"{self.path} does not define {name}")
        if not callable(function):
            return _error("not_callable", None, self.workdir, f"{name} is a {type(function).__name__}, not a function")
        try:
            args = _decode(request.get("args", []))
            kwargs = _decode(request.get("kwargs", {"$dict": []}))
        except Exception as exc:
            return _error("protocol", exc, self.workdir)
        _seed(request.get("seed", 0))
        try:
            value = function(*args, **kwargs)
        except BaseException as exc:  # includes SystemExit and KeyboardInterrupt
            return _error("student", exc, self.workdir)
        try:
            return {"ok": True, "value": self.encoder.encode(value)}
        except BaseException as exc:
            return _error("student", exc, self.workdir, f"the return value could not be sent back: {exc}")


def serve(request_fd: int, response_fd: int, workdir: str) -> None:
    """Answer requests until ``exit`` or end of input."""
    child = Child(workdir)
    requests = os.fdopen(request_fd, "r", encoding="utf-8")
    responses = os.fdopen(response_fd, "w", encoding="utf-8")
    for line in requests:
        try:
            request = json.loads(line)
        except ValueError as exc:
            request, answer = None, _error("protocol", exc, workdir)
        else:
            if not isinstance(request, dict):
                answer = _error("protocol", None, workdir, "a request must be a JSON object")
            elif request.get("op") == "exit":
                break
            else:
                answer = child.handle(request)
        echo = {"seq": request["seq"]} if isinstance(request, dict) and "seq" in request else {}
        try:
            text = json.dumps({**answer, **echo}, allow_nan=False)
        except (ValueError, TypeError, RecursionError) as exc:  # e.g. an int of more than 4,300 digits
            message = f"the return value could not be sent back: {exc}"
            text = json.dumps({**_error("student", exc, workdir, message), **echo})
        responses.write(text + "\n")
        responses.flush()


def apply_rlimits(rlimits: dict) -> None:
    """rlimits (core, file size, tasks) for this process and its children, before any student code."""
    import resource

    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if rlimits.get("file_bytes"):
        size = int(rlimits["file_bytes"])
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    if rlimits.get("tasks"):  # counted per user namespace; only given where this process has its own
        tasks = int(rlimits["tasks"])
        resource.setrlimit(resource.RLIMIT_NPROC, (tasks, tasks))


if __name__ == "__main__":
    apply_rlimits(json.loads(sys.argv[3]) if len(sys.argv) > 3 else {})
    serve(int(sys.argv[1]), int(sys.argv[2]), os.getcwd())
