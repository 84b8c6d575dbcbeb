"""ObsPy's real records load offline, at 100 Hz, with the four events where the module says."""

import socket

import numpy as np
import pytest

from datasets.real_seismic import EVENT_ONSETS, load_event_records, load_noise_record


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_noise_record_loads_offline(no_network):
    data, rate = load_noise_record()
    assert rate == 100.0
    assert data.shape == (936_001,) and data.dtype == np.float32
    assert abs(float(data.mean())) < 1e-2 * float(data.std())
    assert np.all(np.isfinite(data)) and data.std() > 10.0, "counts, not a flat line"


def test_event_records_load_offline(no_network):
    records, onsets, rate = load_event_records()
    assert rate == 100.0
    assert records.shape == (4, 23_000) and records.dtype == np.float32
    assert np.array_equal(onsets, EVENT_ONSETS) and np.all(np.diff(onsets) > 0)
    assert np.all(np.abs(records.mean(axis=1)) < 1e-2 * records.std(axis=1))
    assert len({row.tobytes() for row in records}) == 4, "four different stations"


def test_events_stand_out_at_their_onsets():
    """At two stations or more, each listed onset is followed by more energy than the 10 s before it."""
    from scipy.signal import butter, sosfiltfilt

    records, onsets, rate = load_event_records()
    band = sosfiltfilt(butter(4, (10.0, 20.0), btype="bandpass", fs=rate, output="sos"), records, axis=1)
    for onset in onsets:
        before = np.mean(band[:, onset - int(10 * rate) : onset - int(1 * rate)] ** 2, axis=1)
        after = np.mean(band[:, onset : onset + int(3 * rate)] ** 2, axis=1)
        assert np.sum(after > 2.0 * before) >= 2, f"event at sample {onset}"
    # and a stretch away from the events holds no such jump
    quiet = int(60 * rate)
    before = np.mean(band[:, quiet - int(10 * rate) : quiet - int(1 * rate)] ** 2, axis=1)
    after = np.mean(band[:, quiet : quiet + int(3 * rate)] ** 2, axis=1)
    assert np.sum(after > 2.0 * before) <= 1
