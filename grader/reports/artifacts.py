"""From what hidden tests recorded (``record(name, **values)``) to pictures, chosen by the data's shape.

A recorded entry is a dict of plain values; its keys pick the picture:

- ``trace`` (numbers), optional ``triggers`` ([[on, off], ...]), ``time``, ``signal``,
  ``thresholds``: the trace with its trigger spans (STA/LTA);
- ``predicted`` and ``true`` (numbers), optional ``unit``: a scatter of predicted against true;
- ``matrix`` (rows of numbers), optional ``labels``: a heat map (a confusion matrix);
- otherwise every list of numbers is a line on one plot, against ``epoch``, ``x`` or
  ``time`` when given, else 1, 2, 3... (``loss``, ``val_loss``: a training curve);
  ``<name>_low`` and ``<name>_high`` beside a line ``<name>`` shade a band around it
  (a confidence interval per point).

``title``, ``xlabel`` and ``ylabel`` override the defaults. Other numbers and strings
are listed under the picture. A parametrized test's entries sit one level deeper,
under the case id; nested dicts are walked the same way.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from grader.reports import plots

__all__ = ["Picture", "pictures"]

META = {"title", "xlabel", "ylabel", "unit", "labels", "time", "epoch", "x", "thresholds"}
MAX_PICTURES = 12  # per hidden test


@dataclass(frozen=True)
class Picture:
    """One picture for a feedback page; ``uri`` is None when the data could not be drawn."""

    title: str
    uri: str | None
    notes: tuple[str, ...] = ()


def _vector(value: Any) -> np.ndarray | None:
    """A 1-D float array (None becomes NaN), or None when ``value`` is not a list of numbers."""
    if not isinstance(value, list) or not value:
        return None
    if not all(item is None or (isinstance(item, (int, float)) and not isinstance(item, bool)) for item in value):
        return None
    return np.array([np.nan if item is None else item for item in value], dtype=float)


def _matrix(value: Any) -> np.ndarray | None:
    rows = [_vector(row) for row in value] if isinstance(value, list) and value else [None]
    if any(row is None for row in rows) or len({len(row) for row in rows}) != 1:
        return None
    return np.vstack(rows)


def _text(data: dict, key: str, default: str) -> str:
    value = data.get(key)
    return value if isinstance(value, str) else default


def _draw(data: dict) -> str | None:
    """The picture for one recorded entry, or None when its shape is not one we draw."""
    xlabel, ylabel = _text(data, "xlabel", ""), _text(data, "ylabel", "")
    trace = _vector(data.get("trace"))
    if trace is not None:
        spans = [tuple(pair) for pair in (_matrix(data.get("triggers")) if data.get("triggers") else np.empty((0, 2)))]
        if any(len(pair) != 2 for pair in spans):
            raise ValueError("triggers must be [on, off] pairs")
        limits = data.get("thresholds", [])
        thresholds = _vector(limits if isinstance(limits, list) else [limits])
        time = _vector(data.get("time"))
        return plots.draw_trace(
            trace, time, spans, [] if thresholds is None else thresholds, _vector(data.get("signal"))
        )
    predicted, true = _vector(data.get("predicted")), _vector(data.get("true"))
    if predicted is not None and true is not None and len(predicted) == len(true):
        return plots.draw_scatter(predicted, true, _text(data, "unit", ""))
    matrix = _matrix(data.get("matrix"))
    if matrix is not None:
        labels = data.get("labels") if isinstance(data.get("labels"), list) else []
        return plots.draw_matrix(matrix, [str(label) for label in labels], xlabel or "predicted", ylabel or "true")
    series = {key: v for key, v in ((k, _vector(x)) for k, x in data.items() if k not in META) if v is not None}
    if not series or max(len(v) for v in series.values()) < 2:
        return None
    x = next((v for v in (_vector(data.get(k)) for k in ("epoch", "x", "time")) if v is not None), None)
    epochs = any("loss" in key or "acc" in key for key in series)
    bands = {
        name: (series.pop(f"{name}_low"), series.pop(f"{name}_high"))
        for name in list(series)
        if f"{name}_low" in series and f"{name}_high" in series
    }
    return plots.draw_series(series, x, xlabel or ("epoch" if epochs else "index"), ylabel or "", bands)


def _notes(data: dict) -> tuple[str, ...]:
    """Scalars recorded beside the picture's data, as ``name = value`` lines."""
    notes = []
    for key, value in data.items():
        if key in META or isinstance(value, (list, dict)):
            continue
        notes.append(f"{key} = {value:.4g}" if isinstance(value, float) else f"{key} = {value}")
    return tuple(notes)


def _entries(data: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], dict]]:
    """Every recorded entry (a dict holding at least one non-dict value), depth first."""
    if not isinstance(data, dict):
        return
    if any(not isinstance(value, dict) for value in data.values()):
        yield path, data
        return
    for key, value in data.items():
        yield from _entries(value, (*path, str(key)))


def _picture(path: tuple[str, ...], data: dict) -> Picture:
    title = _text(data, "title", " / ".join(part.replace("_", " ") for part in path) or "recorded data")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            uri = _draw(data)
    except Exception as exc:  # a malformed recording must not stop a class's reports
        return Picture(title, None, (f"could not draw this ({type(exc).__name__})",))
    return Picture(title, uri, _notes(data))


def pictures(artifacts: dict) -> list[Picture]:
    """The pictures (and notes) for one hidden test's recorded data."""
    found = [_picture(path, data) for path, data in _entries(artifacts, ())]
    return [p for p in found if p.uri is not None or p.notes][:MAX_PICTURES]
