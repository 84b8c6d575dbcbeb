"""Synthetic single-station seismograms with known event onsets, and a real example trace.

``make_seismograms`` stands in for short windows of a continuous vertical-component
seismometer record (a short-period station such as ObsPy's example station RJOB,
100 samples per second), some of which contain a local earthquake. Each window is

* coloured background noise: Gaussian noise shaped in the frequency domain with a
  microseism-like bump near 0.2 Hz, a red (low-frequency) part, and a white floor,
  scaled to unit standard deviation; plus, for an event window,
* a P-wave-like arrival at a known onset sample: band-limited noise (a carrier
  centred between 2 and 8 Hz) under an emergent envelope that rises over 0.05-0.3 s
  and decays exponentially as a coda (time constant 1-4 s). Its amplitude is set so
  that the RMS of the signal in the two seconds after the onset, divided by the
  noise RMS, equals an SNR drawn uniformly from ``snr_range``.

The ground truth comes back with the data: a label per window (1 = event) and the
onset sample (-1 for noise windows).

Where the approximation breaks down:

* The noise is stationary and Gaussian. Real noise has spikes, glitches, data gaps,
  telemetry dropouts, day-night (cultural) cycles and transient non-seismic signals
  (traffic, wind, animals) that a trigger fires on; none of that is here, so false
  alarms on real data are more frequent and of other kinds.
* An event is one phase: no S wave, no surface waves, no secondary arrivals, no
  overlapping events, no teleseisms (long period, emergent over many seconds) and
  no instrument response. Real local events bring a larger S arrival a few seconds
  after P, which is a second trigger on the same event.
* One component only, one station: no polarisation, no network coincidence.
* The SNR range, the carrier band and the coda decay are drawn independently and
  uniformly; real catalogues follow magnitude-frequency (Gutenberg-Richter) laws,
  so most real events are near the noise level.

A detector tuned on these windows can therefore look better than it is; try it on
the real example trace (``load_obspy_example``) and see how its scores move.
"""

from __future__ import annotations

import warnings

import numpy as np

__all__ = ["load_obspy_example", "make_detection_set", "make_seismograms"]


def _coloured_noise(rng: np.random.Generator, n: int, length: int, sampling_rate: float) -> np.ndarray:
    """Gaussian noise of shape (n, length), shaped in frequency, unit std per row."""
    f = np.fft.rfftfreq(length, d=1.0 / sampling_rate)
    f_micro = rng.uniform(0.12, 0.3, size=(n, 1))
    micro = rng.uniform(1.0, 4.0, size=(n, 1)) * np.exp(-(((f - f_micro) / 0.08) ** 2))
    red = 1.0 / np.sqrt(1.0 + (f / 1.5) ** 2)
    amplitude = micro + red + 0.25
    spectrum = np.fft.rfft(rng.standard_normal((n, length)), axis=1) * amplitude
    noise = np.fft.irfft(spectrum, n=length, axis=1)
    noise -= noise.mean(axis=1, keepdims=True)
    noise /= noise.std(axis=1, keepdims=True)
    return noise


def _event_signal(rng: np.random.Generator, length: int, sampling_rate: float, onset: int, snr: float) -> np.ndarray:
    """One P-like arrival starting at sample ``onset``; zero before it."""
    n_after = length - onset
    f = np.fft.rfftfreq(n_after, d=1.0 / sampling_rate)
    fc = rng.uniform(2.0, 8.0)
    band = np.exp(-(((f - fc) / (0.4 * fc)) ** 2))
    carrier = np.fft.irfft(np.fft.rfft(rng.standard_normal(n_after)) * band, n=n_after)
    carrier /= carrier.std()
    t = np.arange(n_after) / sampling_rate
    rise = rng.uniform(0.05, 0.3)
    decay = rng.uniform(1.0, 4.0)
    envelope = (1.0 - np.exp(-t / rise)) * np.exp(-t / decay)
    wave = carrier * envelope
    head = wave[: max(1, int(round(2.0 * sampling_rate)))]
    wave *= snr / np.sqrt(np.mean(head**2))
    signal = np.zeros(length)
    signal[onset:] = wave
    return signal


def make_seismograms(
    n: int,
    length: int = 3000,
    sampling_rate: float = 100.0,
    seed: int = 0,
    event_fraction: float = 0.3,
    snr_range: tuple[float, float] = (1.5, 10.0),
    onset_range: tuple[float, float] = (0.3, 0.7),
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Seeded synthetic seismogram windows, some holding a local event.

    n: number of windows; length: samples per window; sampling_rate: samples per second.
    seed: the same seed (and arguments) gives the same data.
    event_fraction: probability that a window holds an event (drawn per window, so the
    realised fraction scatters around it).
    snr_range: (low, high); each event's SNR (RMS of the signal in the 2 s after the
    onset over the noise RMS, which is 1) is drawn uniformly from it.
    onset_range: event onsets are drawn uniformly between these fractions of ``length``.

    Returns (traces, labels, onsets):
      traces: float64 array (n, length), noise with unit std plus the event signal;
      labels: int64 array (n,), 1 for an event window, 0 for noise only;
      onsets: int64 array (n,), the onset sample of the event, -1 for noise windows.
    """
    if n < 0 or length < 10:
        raise ValueError("need n >= 0 and length >= 10")
    if not 0.0 <= event_fraction <= 1.0:
        raise ValueError("event_fraction must lie in [0, 1]")
    rng = np.random.default_rng(seed)
    labels = (rng.random(n) < event_fraction).astype(np.int64)
    traces = _coloured_noise(rng, n, length, sampling_rate)
    onsets = np.full(n, -1, dtype=np.int64)
    lo, hi = (int(round(frac * length)) for frac in onset_range)
    for i in np.flatnonzero(labels):
        onsets[i] = rng.integers(lo, max(lo + 1, hi))
        snr = rng.uniform(*snr_range)
        traces[i] += _event_signal(rng, length, sampling_rate, int(onsets[i]), snr)
    return traces, labels, onsets


def load_obspy_example(channel: str = "EHZ") -> tuple[np.ndarray, float]:
    """A real 30 s recording of a local event, read offline from ObsPy's example stream.

    ``obspy.read()`` without an argument reads a file shipped inside ObsPy: three
    components (EHZ, EHN, EHE) of station BW.RJOB (Bavarian network) from
    2009-08-24 00:20:03 UTC, 100 Hz, 3000 samples, holding a local earthquake.

    channel: "EHZ", "EHN" or "EHE".
    Returns (data, sampling_rate): a float64 copy of the samples (raw counts, not
    demeaned) and the sampling rate in Hz.
    """
    with warnings.catch_warnings():
        # ObsPy 1.5.1 looks up its file-format plugins through a deprecated
        # importlib.metadata interface; the warning says nothing about the data.
        warnings.filterwarnings("ignore", message="SelectableGroups dict interface", category=DeprecationWarning)
        import obspy

        stream = obspy.read()
    traces = stream.select(channel=channel)
    if len(traces) != 1:
        raise ValueError(f"no single trace for channel {channel!r} in ObsPy's example stream")
    trace = traces[0]
    return np.array(trace.data, dtype=np.float64), float(trace.stats.sampling_rate)


def make_detection_set(
    n_noise: int,
    n_events: int,
    length: int = 3000,
    sampling_rate: float = 100.0,
    seed: int = 0,
    snr_range: tuple[float, float] = (0.5, 6.0),
    onset_range: tuple[float, float] = (0.3, 0.7),
) -> dict[str, np.ndarray]:
    """Seeded noise-only and event windows with each event's SNR: for detection-rate curves.

    The windows are made as in ``make_seismograms`` (the same coloured noise and P-like
    arrivals), but the numbers of noise and event windows are fixed, not drawn, and each
    event's SNR comes back so that detection can be measured per SNR bin. The first
    ``n_noise`` windows are noise only, the next ``n_events`` hold one event each.

    n_noise, n_events: how many windows of each kind; seed: same seed, same data.
    snr_range: (low, high); each event's SNR (RMS of the signal in the 2 s after the
    onset over the noise RMS, which is 1) is drawn uniformly from it.

    Returns a dict of NumPy arrays:
      "windows": float32 (n_noise + n_events, length);
      "labels": int64 (n,), 0 for noise, 1 for an event;
      "onsets": int64 (n,), the onset sample of the event, -1 for noise;
      "snr": float64 (n,), the event's SNR, 0.0 for noise.
    """
    if n_noise < 0 or n_events < 0 or length < 10:
        raise ValueError("need n_noise >= 0, n_events >= 0 and length >= 10")
    low, high = snr_range
    if not 0.0 <= low <= high:
        raise ValueError("snr_range must be (low, high) with 0 <= low <= high")
    rng = np.random.default_rng(seed)
    n = n_noise + n_events
    traces = _coloured_noise(rng, n, length, sampling_rate)
    labels = np.zeros(n, dtype=np.int64)
    labels[n_noise:] = 1
    onsets = np.full(n, -1, dtype=np.int64)
    snr = np.zeros(n)
    first, last = (int(round(frac * length)) for frac in onset_range)
    for i in range(n_noise, n):
        onsets[i] = rng.integers(first, max(first + 1, last))
        snr[i] = rng.uniform(low, high)
        traces[i] += _event_signal(rng, length, sampling_rate, int(onsets[i]), float(snr[i]))
    return {"windows": traces.astype(np.float32), "labels": labels, "onsets": onsets, "snr": snr}
