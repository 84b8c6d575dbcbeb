"""A Keras model a student returned, rebuilt by the judge only after its size and cost are known.

The student process never hands the judge a file: it sends a returned ``keras.Model``
as its config (the JSON text ``model.save`` would put in ``config.json``) and its
weights (plain arrays, decoded like any other array answer). Everything about both is
hostile, so before Keras builds anything real:

1. the config text is at most ``MODEL_CONFIG_MAX_BYTES``, parses as a JSON object, and
   is nested at most ``MODEL_CONFIG_MAX_DEPTH`` levels with at most ``MODEL_MAX_LAYERS``
   objects (walked without recursion);
2. the model is built from that config with ``safe_mode=True`` inside a Keras
   ``StatelessScope`` that does not initialise variables: shapes are known, no
   weight is allocated. Its parameter count, its largest activation and an
   estimate of the multiply-adds per sample are checked against caps.

Only then is the model built for real (safe mode, no compile) and given the weights,
whose number and shapes must match its variables. The judge parses no archive and no
HDF5 file of the student's, and opens no file the student wrote. Each refusal is a
``StudentReturnTypeError`` (the test fails with one line).
"""

from __future__ import annotations

import json
import math
from typing import Any

from grader.errors import StudentReturnTypeError
from grader.settings import (
    MODEL_CONFIG_MAX_BYTES,
    MODEL_CONFIG_MAX_DEPTH,
    MODEL_MAX_ACTIVATION,
    MODEL_MAX_LAYERS,
    MODEL_MAX_OPS_PER_SAMPLE,
    MODEL_MAX_PARAMS,
    MODEL_MAX_RECURRENT_STEPS,
)

__all__ = ["rebuild_returned_model", "parse_config", "check_declared_cost"]


def _refuse(function: str, what: str, detail: str = "") -> StudentReturnTypeError:
    return StudentReturnTypeError(function, what, detail)


def parse_config(text: Any, function: str) -> dict:
    """The model's config from its JSON text, after size and nesting caps."""
    if not isinstance(text, str):
        raise _refuse(function, "a malformed model config")
    if len(text) > MODEL_CONFIG_MAX_BYTES:
        raise _refuse(function, f"a model config larger than {MODEL_CONFIG_MAX_BYTES >> 20} MB")
    try:
        config = json.loads(text)
    except (ValueError, RecursionError):
        raise _refuse(function, "a model config that is not valid JSON") from None
    if not isinstance(config, dict):
        raise _refuse(function, "a model config that is not an object")
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
    """The refusal of a model Keras could not build in safe mode, with Keras' first line."""
    first_line = (str(exc).strip().splitlines() or [""])[0][:300]
    return _refuse(
        function,
        "a Keras model that could not be loaded safely",
        f"{type(exc).__name__}: {first_line}; use only built-in layers, no Lambda layers",
    )


def _build_without_weights(config: dict, function: str) -> Any:
    """The model of ``config`` with shapes but no allocated weights (safe mode, compile config ignored)."""
    import keras
    from keras.src.backend.common import global_state
    from keras.src.saving import serialization_lib

    # A compiled model's optimizer would build its own variables; the tests need only the layers.
    config = {key: value for key, value in config.items() if key != "compile_config"}
    pending = list(global_state.get_global_attribute("uninitialized_variables", []) or [])
    try:
        with (
            keras.StatelessScope(initialize_variables=False),
            serialization_lib.SafeModeScope(True),
            serialization_lib.ObjectSharingScope(),
        ):
            model = serialization_lib.deserialize_keras_object(config, safe_mode=True)
    except Exception as exc:
        raise _unsafe(function, exc) from None
    finally:  # no one else may initialise these variables: only rebuild_returned_model, after the checks
        global_state.set_global_attribute("uninitialized_variables", pending)
    if not isinstance(model, keras.Model):
        raise _refuse(function, "a model config that does not describe a keras.Model")
    return model


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


def check_declared_cost(model: Any, function: str) -> int:
    """Refuse a model built without weights over the parameter, activation or cost caps. Returns params."""
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


def rebuild_returned_model(config_text: Any, weights: list, function: str) -> Any:
    """The student's model, rebuilt in safe mode from its checked config and given its weights.

    The model is built once, without weights; only after its declared size and cost pass the
    caps are its variables allocated and set to the student's arrays.
    """
    model = _build_without_weights(parse_config(config_text, function), function)
    check_declared_cost(model, function)
    expected = [tuple(int(d) for d in variable.shape) for variable in model.weights]
    received = [tuple(array.shape) for array in weights]
    if expected != received:
        raise _refuse(
            function,
            "a Keras model whose weights do not match its layers",
            f"{len(received)} arrays for {len(expected)} variables",
        )
    import numpy as np

    try:
        values = {id(v): np.asarray(a, dtype=v.dtype) for v, a in zip(model.weights, weights, strict=True)}
        for variable in model.variables:  # allocated only now that the sizes are known
            if id(variable) in values:  # a weight: the student's value, no random initialisation first
                value = values[id(variable)]
                variable._initialize_with_initializer(lambda shape, dtype, value=value: value)
            else:  # internal state (a seed generator's), as Keras would initialise it
                variable._deferred_initialize()
        for layer in model._flatten_layers(include_self=False):
            if callable(getattr(layer, "finalize_state", None)):
                layer.finalize_state()  # e.g. Normalization: mean and variance from its variables, as after loading
    except Exception as exc:
        raise _refuse(function, "a Keras model whose weights could not be set", type(exc).__name__) from None
    return model
