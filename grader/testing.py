"""Checks for hidden tests, with messages a student can act on.

Each helper fails the test with one message that says what was expected (kind,
shape) and what came back, never the hidden expected values themselves. No value
a student can return makes a helper raise anything but a failed check: huge
integers, NaN, infinities, complex numbers, strings, booleans, ragged or deeply
nested lists all fail with a message (and without NumPy warnings).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np

from grader.errors import StudentCodeError

__all__ = [
    "expect_array",
    "expect_close",
    "expect_number",
    "expect_model",
    "fail",
    "property_settings",
    "StudentCodeError",
    "expect_raises",
    "once_per_submission",
    "once_per_judge",
]


# Attributes Hypothesis looks up on a test's first argument (custom executors): a ``student``
# proxy must answer AttributeError for them, never forward them to the student's code.
HYPOTHESIS_PROBES = frozenset({"execute_example", "setup_example", "teardown_example"})


class HiddenTestFailure(AssertionError):
    """A hidden test's check failed; the message is meant for the student."""


_SHARED: dict[str, Any] = {"student": None, "done": {}}


def once_per_submission(student: Any, key: Any, compute: Callable[[], Any]) -> Any:
    """``compute()`` once per submission and ``key``; its value, or its exception raised again, after that.

    For hidden tests that share an expensive call of the student's code (a training run, a
    cross-validation): the student's process is re-seeded before every call, so calling again would
    only repeat the answer, or the error or time-out, seconds later. ``key`` tells the shared calls
    of one hidden suite apart (e.g. ``("scores", seeds)``); a new ``student`` starts afresh.
    """
    if _SHARED["student"] is not student:
        _SHARED.update(student=student, done={})
    done = _SHARED["done"]
    if key not in done:
        try:
            done[key] = (True, compute())
        except Exception as exc:  # noqa: BLE001  the same failure for every test that shares the call
            done[key] = (False, exc)
    ok, value = done[key]
    if not ok:
        raise value
    return value


_Value = TypeVar("_Value")


def once_per_judge(function: Callable[..., _Value]) -> Callable[..., _Value]:
    """Decorator: ``function``'s value, per arguments, computed once per judge process, for every submission.

    For what is the same for every student: tables from the suite's fixed data, the judge's own
    training of the recipe, its scores. The judge imports a hidden test module once and grades
    submission after submission with it, so a value kept here must not change between them: NumPy
    arrays in it (in tuples, lists and dicts too) are made read-only, and pandas objects are given
    out as copies, so a test that modifies one in place fails loudly instead of changing what the
    next student is graded against. Other objects (a fitted forest) are shared as they are: do not
    modify them. Never use it for anything derived from a student's answer: that is
    ``once_per_submission``. A call that raises is not kept (the next call tries again).
    """
    cached = functools.cache(lambda *args, **kwargs: _read_only(function(*args, **kwargs)))

    @functools.wraps(function)
    def shared(*args: Any, **kwargs: Any) -> _Value:
        return _fresh_copies(cached(*args, **kwargs))

    return shared


def _is_pandas(value: Any) -> bool:
    module = type(value).__module__
    return (module == "pandas" or module.startswith("pandas.")) and hasattr(value, "copy")


def _each_leaf(value: Any, change: Callable[[Any], Any]) -> Any:
    """``value`` with ``change`` applied to everything but its tuples, lists and dicts, which are rebuilt."""
    if isinstance(value, tuple | list):
        return type(value)(_each_leaf(item, change) for item in value)
    if isinstance(value, dict):
        return {key: _each_leaf(item, change) for key, item in value.items()}
    return change(value)


def _read_only(value: Any) -> Any:
    """``value`` with its NumPy arrays made read-only."""

    def freeze(leaf: Any) -> Any:
        if isinstance(leaf, np.ndarray):
            leaf.flags.writeable = False
        return leaf

    return _each_leaf(value, freeze)


def _fresh_copies(value: Any) -> Any:
    """``value`` with new containers and a copy of every pandas object: a caller may change those freely."""
    return _each_leaf(value, lambda leaf: leaf.copy() if _is_pandas(leaf) else leaf)


def fail(message: str) -> None:
    """Fail the current test with ``message`` (never include hidden expected values)."""
    __tracebackhide__ = True
    raise HiddenTestFailure(message)


def expect_raises(call: Callable[[], Any], exception: str, *, what: str, why: str = "") -> None:
    """Fail unless ``call()`` raises the student's exception named ``exception`` (e.g. ``"ValueError"``).

    The message says what was expected and what came instead (another exception, or a return
    value), never pytest's "DID NOT RAISE" or the grader's own exception names.
    """
    __tracebackhide__ = True
    reason = f" ({why})" if why else ""
    try:
        result = call()
    except StudentCodeError as err:
        if err.type_name != exception:
            fail(f"{what}: expected {exception}{reason}; got {err.type_name}.")
        return
    fail(f"{what}: expected {exception}{reason}; got a return value, {describe(result)}.")


def describe(value: Any) -> str:
    """A short description of a value's kind, e.g. ``an array of shape (3, 2)``."""
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    if isinstance(value, (list, tuple)):
        return f"a {type(value).__name__} of length {len(value)}"
    if value is None:
        return "None (did you forget to return?)"
    name = type(value).__name__
    return f"{'an' if name[:1] in 'aeiou' else 'a'} {name}"


PLAIN_NUMBERS = (bool, int, float)


def _list_as_array(value: list | tuple, what: str) -> np.ndarray:
    """A list of numbers as an array; anything else (strings, None, ragged, huge ints) fails the test."""
    __tracebackhide__ = True
    received = f"{what}: expected a NumPy array of numbers. Received: {describe(value)}"
    try:
        array = np.asarray(value)
    except (TypeError, ValueError, OverflowError, RecursionError, MemoryError):
        fail(f"{received} that is not a regular grid of numbers (ragged or nested too deep)")
    if array.dtype.kind == "O":  # mixed Python objects, or integers beyond 64 bits
        if not all(type(item) in PLAIN_NUMBERS for item in array.flat):
            fail(f"{received} that holds values that are not numbers")
        try:
            array = array.astype(float)
        except (TypeError, ValueError, OverflowError):
            fail(f"{received} that holds a number too large for a float")
    if array.dtype.kind not in "biuf":
        fail(f"{received} that is not numeric (dtype {array.dtype})")
    return array


def expect_array(value: Any, *, what: str, shape: tuple[int, ...] | None = None) -> np.ndarray:
    """``value`` as a float array, checking it is numeric and (optionally) its shape."""
    __tracebackhide__ = True
    if isinstance(value, (list, tuple)):
        value = _list_as_array(value, what)
    if isinstance(value, np.generic):
        value = np.asarray(value)
    if not isinstance(value, np.ndarray):
        expected = f"a NumPy array of shape {shape}" if shape is not None else "a NumPy array"
        fail(f"{what}: expected {expected}. Received: {describe(value)}")
    if value.dtype.kind not in "biuf":
        fail(f"{what}: expected an array of numbers. Received: {describe(value)}")
    if shape is not None and tuple(value.shape) != tuple(shape):
        fail(f"{what}: expected an array of shape {tuple(shape)}. Received: shape {value.shape}")
    with np.errstate(all="ignore"):  # float128 beyond float64 becomes inf, which the comparison reports
        return value.astype(float)


def expect_number(value: Any, *, what: str) -> float:
    """``value`` as a float: accepts Python and NumPy numbers and 0-d arrays."""
    __tracebackhide__ = True
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value[()]
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        fail(f"{what}: expected a single number. Received: {describe(value)}")
    try:
        with np.errstate(all="ignore"):
            return float(value)
    except OverflowError:
        fail(f"{what}: expected a number a float can hold. Received: an integer of {len(str(abs(value)))} digits")
    raise AssertionError("unreachable")


def expect_close(
    got: Any,
    expected: Any,
    *,
    what: str,
    rtol: float = 1e-6,
    atol: float = 1e-8,
    hint: str | None = None,
) -> None:
    """``got`` equals ``expected`` within tolerance, with the same shape."""
    __tracebackhide__ = True
    expected_array = np.asarray(expected, dtype=float)
    suffix = f" {hint}" if hint else ""
    if expected_array.ndim == 0:
        number = expect_number(got, what=what)
        if not np.isfinite(number) and np.isfinite(expected_array):
            fail(f"{what}: expected a finite number. Received: {number}.{suffix}")
        with np.errstate(all="ignore"):
            close = np.isclose(number, expected_array, rtol=rtol, atol=atol, equal_nan=True)
        if not close:
            fail(f"{what}: the value is not the expected one (relative tolerance {rtol:g}).{suffix}")
        return
    array = expect_array(got, what=what, shape=expected_array.shape)
    bad_nan = np.isnan(array) & ~np.isnan(expected_array)
    if bad_nan.any():
        fail(f"{what}: expected finite values. Received: NaN in {int(bad_nan.sum())} of {array.size} entries.{suffix}")
    bad_inf = np.isinf(array) & np.isfinite(expected_array)
    if bad_inf.any():
        fail(
            f"{what}: expected finite values. Received: infinity in {int(bad_inf.sum())} of {array.size} entries."
            f"{suffix}"
        )
    with np.errstate(all="ignore"):
        wrong = ~np.isclose(array, expected_array, rtol=rtol, atol=atol, equal_nan=True)
    if wrong.any():
        first = tuple(int(i) for i in np.argwhere(wrong)[0])
        fail(
            f"{what}: {int(wrong.sum())} of {array.size} values differ from the expected ones "
            f"(first at index {first}; relative tolerance {rtol:g}).{suffix}"
        )


def expect_model(value: Any, *, what: str) -> Any:
    """``value`` as a ``keras.Model`` (it was loaded with ``safe_mode=True``)."""
    __tracebackhide__ = True
    import keras

    if not isinstance(value, keras.Model):
        fail(f"{what}: expected a keras.Model. Received: {describe(value)}")
    return value


def property_settings(max_examples: int = 40) -> Any:
    """Hypothesis settings for a hidden property test: the same examples on every run.

    ``@property_settings(25)`` above ``@given(...)``: derandomized (a fixed seed), no example
    database, no deadline (a student process may be slow), no blob printed, and no health check
    that the ``student`` fixture or a slow student would trip. Keep ``max_examples`` small: each
    example is a call into the student's process. The first failing example fails the test: it is
    neither shrunk nor explained, which would replay the student's code many more times (shrinking
    was half the grading time of a class of wrong answers, measured). The examples depend on the
    test alone (``determinism.pin_hypothesis_constants``), so the message is the same in every
    judge: the serial-against-parallel grading test compares them.
    """
    from hypothesis import HealthCheck, Phase, settings  # only property tests need Hypothesis

    return settings(
        max_examples=max_examples,
        phases=(Phase.explicit, Phase.reuse, Phase.generate),
        derandomize=True,
        database=None,
        deadline=None,
        print_blob=False,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
