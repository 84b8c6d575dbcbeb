"""The seismogram generator keeps the structure exercise 09 needs; the real example loads offline."""

import socket

import numpy as np
import pytest

from datasets.seismic import load_obspy_example, make_seismograms


def test_same_seed_same_data():
    a = make_seismograms(20, length=1000, seed=3, event_fraction=0.5)
    b = make_seismograms(20, length=1000, seed=3, event_fraction=0.5)
    c = make_seismograms(20, length=1000, seed=4, event_fraction=0.5)
    for x, y in zip(a, b, strict=True):
        assert np.array_equal(x, y)
    assert not np.array_equal(a[0], c[0])


def test_shapes_and_ground_truth():
    traces, labels, onsets = make_seismograms(50, length=2000, sampling_rate=100.0, seed=1, event_fraction=0.5)
    assert traces.shape == (50, 2000) and traces.dtype == np.float64
    assert labels.shape == onsets.shape == (50,)
    assert set(np.unique(labels)) <= {0, 1}
    assert np.all(onsets[labels == 0] == -1)
    ev = onsets[labels == 1]
    assert np.all((ev >= 0.3 * 2000) & (ev <= 0.7 * 2000)), "onsets inside the default onset range"


def test_events_are_rare_when_event_fraction_is_small():
    _, labels, _ = make_seismograms(2000, length=200, seed=2, event_fraction=0.02)
    assert 0 < labels.sum() < 0.04 * len(labels)
    _, labels, _ = make_seismograms(100, length=200, seed=2, event_fraction=0.0)
    assert labels.sum() == 0


def test_noise_is_coloured_and_unit_variance():
    traces, _, _ = make_seismograms(40, length=3000, seed=5, event_fraction=0.0)
    assert np.allclose(traces.std(axis=1), 1.0)
    # coloured, not white: neighbouring samples are strongly correlated
    lag1 = np.mean([np.corrcoef(x[:-1], x[1:])[0, 1] for x in traces])
    assert lag1 > 0.5


def test_energy_rises_at_the_onset():
    rate = 100.0
    traces, labels, onsets = make_seismograms(
        30, length=3000, sampling_rate=rate, seed=6, event_fraction=1.0, snr_range=(4.0, 10.0)
    )
    assert labels.all()
    for x, t in zip(traces, onsets, strict=True):
        before = np.mean(x[t - int(3 * rate) : t] ** 2)
        after = np.mean(x[t : t + int(2 * rate)] ** 2)
        assert after > 8.0 * before, "energy in the 2 s after the onset >> energy in the 3 s before"


def test_snr_is_as_stated():
    traces, _, onsets = make_seismograms(20, length=3000, seed=7, event_fraction=1.0, snr_range=(5.0, 5.0))
    noise, _, _ = make_seismograms(20, length=3000, seed=7, event_fraction=0.0)
    ratios = [np.sqrt(np.mean(x[t : t + 200] ** 2)) for x, t in zip(traces, onsets, strict=True)]
    # signal RMS 5 on top of unit noise: total RMS about sqrt(26)
    assert 4.0 < np.median(ratios) < 6.5
    assert noise.std() == pytest.approx(1.0, rel=1e-6)


def test_obspy_example_loads_without_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    data, rate = load_obspy_example("EHZ")
    assert rate == 100.0
    assert data.shape == (3000,) and data.dtype == np.float64
    assert np.all(np.isfinite(data)) and np.ptp(data) > 100.0
    other, _ = load_obspy_example("EHE")
    assert not np.array_equal(data, other)
    with pytest.raises(ValueError):
        load_obspy_example("XYZ")


def test_detection_set_counts_order_and_snr():
    from datasets.seismic import make_detection_set

    data = make_detection_set(30, 20, length=1500, seed=8, snr_range=(0.5, 2.0))
    assert data["windows"].shape == (50, 1500) and data["windows"].dtype == np.float32
    assert list(data["labels"]) == [0] * 30 + [1] * 20, "noise windows first, a fixed number of each"
    assert np.all(data["onsets"][:30] == -1) and np.all(data["snr"][:30] == 0.0)
    assert np.all((data["snr"][30:] >= 0.5) & (data["snr"][30:] <= 2.0))
    again = make_detection_set(30, 20, length=1500, seed=8, snr_range=(0.5, 2.0))
    assert all(np.array_equal(data[key], again[key]) for key in data)
    other = make_detection_set(30, 20, length=1500, seed=9, snr_range=(0.5, 2.0))
    assert not np.array_equal(data["windows"], other["windows"])
    with pytest.raises(ValueError):
        make_detection_set(-1, 5)
    with pytest.raises(ValueError):
        make_detection_set(5, 5, snr_range=(2.0, 1.0))


def test_detection_set_snr_sets_the_energy_after_the_onset():
    from datasets.seismic import make_detection_set

    data = make_detection_set(0, 40, seed=10, snr_range=(3.0, 3.0))
    after = [
        np.sqrt(np.mean(x[t : t + 200].astype(float) ** 2))
        for x, t in zip(data["windows"], data["onsets"], strict=True)
    ]
    assert 2.5 < np.median(after) < 4.2, "signal RMS 3 on unit noise: total RMS about sqrt(10)"
