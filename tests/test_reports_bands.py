"""A recorded line with ``<name>_low`` and ``<name>_high`` beside it is drawn with a band, not as three lines."""

import numpy as np

from grader.reports import artifacts, plots


def test_low_and_high_become_a_band_of_their_line(monkeypatch):
    seen = {}

    def fake_draw_series(series, x, xlabel, ylabel, bands=None):
        seen.update(series=sorted(series), bands=sorted(bands or {}))
        return "data:image/png;base64,"

    monkeypatch.setattr(plots, "draw_series", fake_draw_series)
    recorded = {
        "x": [1.0, 2.0],
        "rate": [0.2, 0.9],
        "rate_low": [0.1, 0.8],
        "rate_high": [0.3, 1.0],
        "other_low": [0, 1],
    }
    (picture,) = artifacts.pictures({"curve": recorded})
    assert picture.uri is not None
    assert seen == {"series": ["other_low", "rate"], "bands": ["rate"]}, "a _low without its _high stays a line"


def test_band_picture_draws():
    rate, low, high = np.array([0.2, 0.9]), np.array([0.1, 0.8]), np.array([0.3, 1.0])
    uri = plots.draw_series({"rate": rate}, None, "SNR", "rate", {"rate": (low, high)})
    assert uri.startswith("data:image/png;base64,") and len(uri) > 1000
