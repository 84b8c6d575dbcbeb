"""A seeded synthetic ocean for the slides' "submarine" example.

A submarine measures five things about the water around it and wants to know
where it is: ``make_ocean(n, seed)`` draws ``n`` positions (latitude, longitude,
depth) in one ocean basin and the five readings a probe would take there.

Inputs ``X``, shape ``(n, 5)``, columns ``FEATURES``:

=============  ======  ===============================================================
temperature    deg C   warm surface water (about 28 at the equator, 8 at 60 deg) over a
                       thermocline that falls to 2-3 deg C in the deep water
pressure       dbar    about 1 dbar per metre of depth, plus the atmosphere (10 dbar)
                       and sensor noise; up to about 1500 dbar
pH             --      about 8.1 at the surface, lower in the deep (respiration) and in
                       the upwelling at the equator and on the eastern boundary;
                       a small north-south difference
salinity       g/kg    about 35; fresher to the west (a river plume on the western
                       boundary), saltier in the subtropics (evaporation), converging
                       to a deep-water value with depth
light          W/m^2   surface sunlight (stronger near the equator, times a random
                       cloud factor), decaying as exp(-K z) with depth (Beer-Lambert)
=============  ======  ===============================================================

Targets ``Y``, shape ``(n, 3)``, columns ``TARGETS``: latitude (deg, -60 to 60),
longitude (deg east, -70 to -10) and depth (m, positive down, 2 to 1500,
denser near the surface: log-uniform).

The columns have very different scales (pressure up to about 1500, pH near 8,
light from about 1000 down to 1e-23), so a model needs standardised inputs. The
relations are non-linear on purpose: latitude enters temperature and light
through cos(latitude), which is the same north and south of the equator, and
only near the surface (below the thermocline and in the dark, temperature and
light say nothing about latitude); a straight line through the raw readings
(linear regression) therefore recovers latitude and longitude poorly, while a
small neural network does much better.

``make_ocean(n, seed, depth_range=DEEP_RANGE)`` draws the same basin from 1500
to 3000 m, deeper (so colder, darker, at higher pressure) than any sample of the
default range: a test set for extrapolation, where a network trained on 2 to
1500 m has seen no readings like these.

What it stands in for: CTD casts with a pH sensor and a PAR (light) sensor, the
kind of profiles collected by research cruises and Argo floats (World Ocean
Database, GLODAP), reduced to one sample per position.

Where the approximation breaks down:

- the fields are smooth made-up functions, with no currents, eddies, fronts,
  seasons, day and night, or water masses (a real basin's deep water is not
  the same everywhere, and real salinity and pH depend on its history);
- light has no sensor floor: below about 300 m a real PAR sensor reads zero,
  here the values only get astronomically small;
- pressure is a straight line in depth; real seawater is compressible and
  gravity varies with latitude (about 1.01 dbar per metre, not exactly 1);
- the noise is independent and Gaussian; real sensors drift and are correlated;
- positions are drawn at random over the whole basin: real data cluster along ship tracks and near
  the coast, so a model trained here is far too confident on real casts.

A model that looks good on this ocean will not find a real submarine.
"""

from __future__ import annotations

import numpy as np

__all__ = ["FEATURES", "TARGETS", "BOUNDS", "DEEP_RANGE", "make_ocean", "ocean_fields"]

FEATURES = ("temperature", "pressure", "pH", "salinity", "light")
TARGETS = ("latitude", "longitude", "depth")

#: the basin: latitude and longitude in degrees, depth in metres
BOUNDS = {"latitude": (-60.0, 60.0), "longitude": (-70.0, -10.0), "depth": (2.0, 1500.0)}

#: deeper water than any training sample (depth in metres), for an extrapolation test set
DEEP_RANGE = (1500.0, 3000.0)

#: light attenuation coefficient K in exp(-K z), per metre (clear open ocean: 0.02 to 0.05)
ATTENUATION = 0.04
#: atmospheric pressure at the surface, dbar
ATMOSPHERE = 10.1325

#: measurement noise (standard deviation) per feature; light's is relative (log-normal)
NOISE = {"temperature": 0.1, "pressure": 2.0, "pH": 0.004, "salinity": 0.02, "light": 0.05}


def ocean_fields(latitude, longitude, depth):
    """The noise-free readings at given positions (arrays of the same shape).

    Returns a dict with one array per name in ``FEATURES``; ``light`` is the
    value under a clear sky (cloud factor 1).
    """
    lat = np.asarray(latitude, dtype=float)
    lon = np.asarray(longitude, dtype=float)
    z = np.asarray(depth, dtype=float)
    coslat = np.cos(np.radians(lat))

    # temperature: surface value falls with |latitude|, a thermocline below a mixed layer
    surface_t = 1.0 + 27.0 * coslat**2
    deep_t = 2.0 + 2.0 * np.exp(-z / 1000.0)
    mixed_layer = 50.0 + 100.0 * (1.0 - coslat)  # deeper mixing at high latitude
    width = 40.0  # a logistic step from surface to deep water, equal to 1 at the surface
    thermocline = (1.0 + np.exp(-mixed_layer / width)) / (1.0 + np.exp((z - mixed_layer) / width))
    temperature = deep_t + (surface_t - deep_t) * thermocline

    # pressure: ~1 dbar per metre, plus the atmosphere
    pressure = ATMOSPHERE + 1.0 * z

    # pH: respiration lowers it with depth; equatorial upwelling; a north-south asymmetry
    upper = np.exp(-z / 1000.0)
    upwelling = 0.08 * np.exp(-((lat / 12.0) ** 2)) + 0.06 * np.exp((lon + 10.0) / 8.0)  # equator, eastern coast
    ph = 7.95 + (0.15 - upwelling + 0.001 * lat) * upper

    # salinity: fresh river plume in the west, subtropical evaporation, deep value 34.7
    plume = np.exp(-(lon + 70.0) / 20.0)  # 1 at the western boundary, 0.05 in the east
    subtropics = np.exp(-(((np.abs(lat) - 25.0) / 12.0) ** 2))
    surface_s = 35.2 - 1.5 * plume + 1.0 * subtropics + 0.004 * lat
    mixing = np.exp(-z / 1500.0)
    salinity = 34.7 + (surface_s - 34.7) * mixing

    # light: Beer-Lambert decay of the surface irradiance
    light = 1000.0 * coslat**1.5 * np.exp(-ATTENUATION * z)

    return {"temperature": temperature, "pressure": pressure, "pH": ph, "salinity": salinity, "light": light}


def make_ocean(n, seed=0, return_truth=False, depth_range=None):
    """Draw ``n`` positions in the basin and the probe's noisy readings there.

    Parameters
    ----------
    n : int
        Number of samples.
    seed : int
        Seed of the random generator; the same seed gives the same data.
    return_truth : bool
        If True, also return a dict with the ground truth: ``"fields"`` (the
        noise-free readings from ``ocean_fields``, one array per feature),
        ``"cloud"`` (the cloud factor that scaled each light reading),
        ``"features"``, ``"targets"``, ``"noise"``, ``"attenuation"``.
    depth_range : (float, float) or None
        The depths to draw from, in metres (log-uniform between the two,
        ``0 < low < high``). None (the default) means ``BOUNDS["depth"]``, the
        range every training set uses; a range below 1500 m (e.g.
        ``DEEP_RANGE``) gives an *extrapolation* test set: deeper, colder,
        darker water at higher pressure than any training sample.

    Returns
    -------
    X : array, shape (n, 5)
        temperature (deg C), pressure (dbar), pH, salinity (g/kg), light (W/m^2).
    Y : array, shape (n, 3)
        latitude (deg), longitude (deg east), depth (m, positive down).
    truth : dict, only if ``return_truth``.
    """
    n = int(n)
    low, high = BOUNDS["depth"] if depth_range is None else (float(depth_range[0]), float(depth_range[1]))
    if not 0.0 < low < high:
        raise ValueError(f"make_ocean: depth_range must be (low, high) with 0 < low < high. Received: {depth_range}")
    rng = np.random.default_rng(seed)
    lat = rng.uniform(*BOUNDS["latitude"], size=n)
    lon = rng.uniform(*BOUNDS["longitude"], size=n)
    depth = np.exp(rng.uniform(np.log(low), np.log(high), size=n))

    fields = ocean_fields(lat, lon, depth)
    cloud = rng.uniform(0.6, 1.0, size=n)
    X = np.column_stack(
        [
            fields["temperature"] + NOISE["temperature"] * rng.normal(size=n),
            fields["pressure"] + NOISE["pressure"] * rng.normal(size=n),
            fields["pH"] + NOISE["pH"] * rng.normal(size=n),
            fields["salinity"] + NOISE["salinity"] * rng.normal(size=n),
            fields["light"] * cloud * np.exp(NOISE["light"] * rng.normal(size=n)),
        ]
    )
    Y = np.column_stack([lat, lon, depth])
    if not return_truth:
        return X, Y
    truth = {
        "fields": fields,
        "cloud": cloud,
        "features": FEATURES,
        "targets": TARGETS,
        "noise": dict(NOISE),
        "attenuation": ATTENUATION,
    }
    return X, Y, truth
