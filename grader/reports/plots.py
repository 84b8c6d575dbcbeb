"""Pictures as PNG data URIs, drawn with matplotlib's Agg canvas (no pyplot, no global state).

Each ``draw_*`` function takes plain data (lists of numbers) and returns a
``data:image/png;base64,...`` URI to put in an ``<img src>``.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable, Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

__all__ = ["draw_series", "draw_scatter", "draw_trace", "draw_matrix", "draw_histogram", "png_uri"]

LINE = "#1f5fa8"
ACCENT = "#e07b00"
SPAN = "#f2b134"


def png_uri(figure: Figure) -> str:
    """The figure as a PNG data URI (no timestamps or software tag, so the bytes are reproducible)."""
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _figure(
    draw: Callable[[Figure], None],
    size: tuple[float, float] = (6.4, 3.4),
    margins: dict[str, float] | None = None,
) -> str:
    """Draw with matplotlib's constrained layout, or with fixed ``margins`` (``subplots_adjust``'s
    fractions) where the labels are known in advance: 40 % less drawing time, and the dashboard
    draws one such picture per exercise."""
    figure = Figure(figsize=size, dpi=100, layout=None if margins else "constrained")
    draw(figure)
    if margins:
        figure.subplots_adjust(**margins)
    return png_uri(figure)


def _style(axes: Axes, xlabel: str, ylabel: str) -> None:
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    axes.grid(True, alpha=0.3)
    axes.spines[["top", "right"]].set_visible(False)


def draw_series(
    series: dict[str, np.ndarray],
    x: np.ndarray | None,
    xlabel: str,
    ylabel: str,
    bands: dict[str, tuple[np.ndarray, np.ndarray]] | None = None,
) -> str:
    """Lines sharing one x axis (a loss curve: ``loss`` and ``val_loss`` per epoch).

    ``bands`` maps a line's name to (low, high) arrays of its length: a shaded band in the
    line's colour (a confidence interval per point).
    """

    def draw(figure: Figure) -> None:
        axes = figure.add_subplot()
        for name, values in series.items():
            xs = x if x is not None and len(x) == len(values) else np.arange(1, len(values) + 1)
            (line,) = axes.plot(xs, values, marker="o" if len(values) <= 30 else None, markersize=3, label=name)
            low, high = (bands or {}).get(name, (None, None))
            if low is not None and high is not None and len(low) == len(high) == len(values):
                axes.fill_between(xs, low, high, color=line.get_color(), alpha=0.2, linewidth=0)
        finite = np.concatenate([v[np.isfinite(v)] for v in series.values()])
        if finite.size and finite.min() > 0 and finite.max() / finite.min() > 100:
            axes.set_yscale("log")
        if len(series) > 1:
            axes.legend(frameon=False)
        _style(axes, xlabel, ylabel)

    return _figure(draw)


def draw_scatter(predicted: np.ndarray, true: np.ndarray, unit: str) -> str:
    """Predicted against true values, with the line where they would be equal."""

    def draw(figure: Figure) -> None:
        axes = figure.add_subplot()
        both = np.concatenate([predicted, true])
        both = both[np.isfinite(both)]
        low, high = (float(both.min()), float(both.max())) if both.size else (0.0, 1.0)
        axes.plot([low, high], [low, high], color=ACCENT, linewidth=1, label="predicted = true")
        alpha = float(np.clip(300 / max(len(true), 1), 0.15, 0.9))
        axes.scatter(true, predicted, s=10, alpha=alpha, color=LINE, label="your predictions")
        axes.set_aspect("equal", adjustable="datalim")
        axes.legend(frameon=False, loc="upper left")
        suffix = f" ({unit})" if unit else ""
        _style(axes, "true" + suffix, "predicted" + suffix)

    return _figure(draw, (5.0, 4.2))


def draw_trace(
    trace: np.ndarray,
    time: np.ndarray | None,
    triggers: Sequence[tuple[float, float]],
    thresholds: Sequence[float],
    signal: np.ndarray | None,
) -> str:
    """A characteristic function (STA/LTA) with its trigger spans; the raw signal above when given."""

    def draw(figure: Figure) -> None:
        xs = time if time is not None and len(time) == len(trace) else np.arange(len(trace))
        xlabel = "time" if time is not None else "sample"
        if signal is not None and len(signal) == len(trace):
            top, axes = figure.subplots(2, 1, sharex=True)
            top.plot(xs, signal, color="#555555", linewidth=0.6)
            _style(top, "", "signal")
            panels = [top, axes]
        else:
            axes = figure.add_subplot()
            panels = [axes]
        axes.plot(xs, trace, color=LINE, linewidth=0.8, label="your trace")
        for number, (on, off) in enumerate(triggers):
            for panel in panels:
                panel.axvspan(
                    on, off, color=SPAN, alpha=0.35, label="trigger" if number == 0 and panel is axes else None
                )
        for threshold in thresholds:
            axes.axhline(threshold, color=ACCENT, linestyle="--", linewidth=1)
        if triggers:
            axes.legend(frameon=False, loc="upper right")
        _style(axes, xlabel, "trace")

    return _figure(draw, (7.2, 4.2) if signal is not None else (7.2, 3.2))


def draw_matrix(matrix: np.ndarray, labels: Sequence[str], xlabel: str, ylabel: str) -> str:
    """A matrix as a heat map with its numbers written in (a confusion matrix)."""

    def draw(figure: Figure) -> None:
        axes = figure.add_subplot()
        image = axes.imshow(matrix, cmap="Blues")
        figure.colorbar(image, ax=axes, shrink=0.8)
        rows, columns = matrix.shape
        if rows * columns <= 400:
            limit = np.nanmax(matrix) if np.isfinite(matrix).any() else 0
            for (row, column), value in np.ndenumerate(matrix):
                colour = "white" if limit and value > limit / 2 else "black"
                axes.text(column, row, f"{value:.3g}", ha="center", va="center", color=colour, fontsize=11)
        if len(labels) == columns:
            axes.set_xticks(range(columns), labels, rotation=45, ha="right")
        if len(labels) == rows:
            axes.set_yticks(range(rows), labels)
        axes.set_xlabel(xlabel)
        axes.set_ylabel(ylabel)

    return _figure(draw, (5.0, 4.2))


def draw_histogram(scores: Sequence[float], maximum: float) -> str:
    """How many students scored what, from 0 to ``maximum`` points."""

    def draw(figure: Figure) -> None:
        axes = figure.add_subplot()
        bins = np.linspace(0, maximum, min(int(maximum), 20) + 1) if maximum > 0 else np.array([0.0, 1.0])
        axes.hist(np.clip(scores, 0, maximum), bins=bins, color=LINE, edgecolor="white")
        axes.yaxis.get_major_locator().set_params(integer=True)
        axes.xaxis.get_major_locator().set_params(integer=True)
        axes.set_xlim(0, max(maximum, 1))
        _style(axes, "points", "students")

    return _figure(draw, (4.0, 1.9), margins={"left": 0.16, "right": 0.97, "bottom": 0.26, "top": 0.95})
