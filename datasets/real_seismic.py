"""Real seismic records that ship with ObsPy: continuous noise and four local earthquakes.

Everything here is read offline from ObsPy's own test data
(``obspy/signal/tests/data/`` inside the installed package); nothing is downloaded.

* ``load_noise_record()``: station BW.KW1, vertical component (EHZ), 2011-03-31 from
  00:00:00.18 UTC, 936,001 samples at 100 Hz (2.6 hours), already downsampled to
  100 Hz by ObsPy's authors. ObsPy uses it as a noise record for its probabilistic
  power spectral density tests (``test_spectral_estimation.py``). It is *mostly*
  noise: nobody has catalogued it sample by sample, so a small local event or a
  non-seismic transient may hide in it.
* ``load_event_records()``: stations BW.UH1, UH2, UH3 (SHZ, 50 Hz) and UH4 (EHZ,
  100 Hz), 2010-05-27 16:24:03.68 to 16:27:54.00 UTC (230 s), vertical components of
  a small local network in Bavaria (Germany). They hold four local earthquakes; ObsPy
  uses them for its network-coincidence trigger tests, and the onsets listed in
  ``EVENT_ONSETS`` are the ones those tests find: with stations UH1 and UH3 at their
  most sensitive settings (recursive STA/LTA on the 10-20 Hz band, "4 events, 1 false
  trigger"; the extra one, at 16:24:10.6, comes 7 s after the records start, before the
  5 s recursive LTA has settled) the events start
  at 16:24:33.2, 16:25:26.7, 16:27:01.3 and 16:27:30.5 UTC. The first, third and
  fourth trigger three or four stations at the tests' standard settings; the second is
  clear at UH1 and UH3 only. Onsets differ between stations by up
  to about a second (travel time), well inside a detection window.

Both are returned resampled to 100 Hz (UH1-UH3 by polyphase interpolation by 2),
demeaned, as float32 counts: the same rate and sample type as
``datasets.seismic.make_detection_set``. No instrument correction and no filter.

Licence: ObsPy, its test data included, is distributed under the GNU Lesser
General Public License v3.0 (LGPL-3.0; see ``LICENSE.txt`` in the installed
``obspy`` package). This module does not copy the files: it reads them from the
ObsPy installation that the kit requires, which the LGPL permits. Redistributing
the arrays themselves (for instance in an exported course archive) must keep the
LGPL-3.0 terms and credit the ObsPy developers and the BayernNetz (network code
BW) operators who recorded them.
"""

from __future__ import annotations

import gzip
import warnings
from pathlib import Path

import numpy as np

__all__ = ["EVENT_ONSETS", "EVENT_STATIONS", "SAMPLING_RATE", "load_event_records", "load_noise_record"]

SAMPLING_RATE = 100.0
NOISE_FILE = "BW.KW1._.EHZ.D.2011.090_downsampled.asc.gz"
EVENT_FILES = {
    "UH1": "BW.UH1._.SHZ.D.2010.147.cut.slist.gz",
    "UH2": "BW.UH2._.SHZ.D.2010.147.cut.slist.gz",
    "UH3": "BW.UH3._.SHZ.D.2010.147.cut.slist.gz",
    "UH4": "BW.UH4._.EHZ.D.2010.147.cut.slist.gz",
}
EVENT_STATIONS = tuple(EVENT_FILES)
EVENT_LENGTH = 23_000  # samples kept from each event record (230 s at 100 Hz; all four are longer)
# Onsets in seconds after 2010-05-27 16:24:03.68 UTC (the records' common start).
EVENT_ONSET_SECONDS = (29.53, 83.01, 177.58, 206.83)
EVENT_ONSETS = tuple(int(round(t * SAMPLING_RATE)) for t in EVENT_ONSET_SECONDS)


def _data_folder() -> Path:
    with warnings.catch_warnings():
        # ObsPy 1.5.1 looks up its format plugins through a deprecated importlib.metadata
        # interface; the warning says nothing about the data.
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        try:
            import obspy
        except ImportError:  # pragma: no cover - obspy is in requirements.txt
            raise ValueError("ObsPy is not installed: the real records are read from its test data") from None
    folder = Path(obspy.__file__).parent / "signal" / "tests" / "data"
    if not folder.is_dir():
        raise ValueError(f"ObsPy's test data folder is missing: {folder}")
    return folder


def load_noise_record() -> tuple[np.ndarray, float]:
    """The continuous BW.KW1 vertical record (2.6 h of mostly noise), read offline.

    Returns (data, sampling_rate): float32 array (936001,), demeaned counts, and 100.0.
    """
    path = _data_folder() / NOISE_FILE
    if not path.is_file():
        raise ValueError(f"ObsPy's noise record is missing: {path}")
    with gzip.open(path, "rb") as handle:
        data = np.array(handle.read().split(), dtype=np.float64)
    return (data - data.mean()).astype(np.float32), SAMPLING_RATE


def load_event_records() -> tuple[np.ndarray, np.ndarray, float]:
    """The four BW.UH stations' vertical records of four local events, read offline.

    Returns (records, onsets, sampling_rate):
      records: float32 array (4, 23000), one row per station (UH1, UH2, UH3, UH4), demeaned
        counts at 100 Hz from 2010-05-27 16:24:03.68 UTC;
      onsets: int64 array (4,), the sample of each event's first arrival, in time order;
      sampling_rate: 100.0.
    """
    from scipy.signal import resample_poly

    folder = _data_folder()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning)  # as in _data_folder
        import obspy

        rows = []
        for station, name in EVENT_FILES.items():
            path = folder / name
            if not path.is_file():
                raise ValueError(f"ObsPy's record of station {station} is missing: {path}")
            trace = obspy.read(str(path))[0]
            data = np.asarray(trace.data, dtype=np.float64)
            factor = int(round(SAMPLING_RATE / trace.stats.sampling_rate))
            if factor != 1:
                data = resample_poly(data, factor, 1)
            rows.append(data[:EVENT_LENGTH] - data[:EVENT_LENGTH].mean())
    return np.vstack(rows).astype(np.float32), np.array(EVENT_ONSETS, dtype=np.int64), SAMPLING_RATE
