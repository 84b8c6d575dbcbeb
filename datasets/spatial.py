"""Seeded autocorrelated data: a spatial field sampled at scattered sites, and a groundwater series.

Neighbouring observations in geoscience are alike: two boreholes 500 m apart see
nearly the same aquifer, two days of a groundwater record nearly the same level.
A shuffled train/test split then puts near-copies of every test sample into the
training set, and the score measures interpolation between neighbours rather
than prediction at a new place or time (Roberts et al. 2017, "Cross-validation
strategies for data with temporal, spatial, hierarchical, or phylogenetic
structure", Ecography 40: 913-929). The two generators here make that effect
easy to see and to measure.

``make_spatial_field(n_sites, seed)``
    Stands in for a soil or groundwater survey: a property measured at scattered
    sampling sites (say topsoil organic carbon, or nitrate in boreholes) and
    mapped from gridded covariates read at the same sites (elevation, rainfall,
    clay content, a vegetation index). Every covariate is a smooth random field:
    white noise on a 1 km grid smoothed with a Gaussian kernel, so that the
    correlation of two values a distance ``r`` apart is ``exp(-(r / L)**2)``,
    with ``L = corr_length`` (the distance at which it has fallen to 1/e). The
    target is a non-linear function of the local covariates, plus a smoother
    field that no covariate sees (the geology, land-use history, ...), plus
    independent measurement noise. Coordinates are in km in a square domain
    ``[0, size) x [0, size)``.

``make_groundwater_series(n_days, seed)``
    Stands in for a daily groundwater level in an observation well: a seasonal
    cycle (recharge in winter), plus an AR(1) anomaly ``a[t] = phi a[t-1] + e[t]``
    (wet and dry spells that persist for weeks), plus small measurement noise.

Both return their own ground truth (the noise-free fields, the unobserved part,
the AR coefficient) with ``return_truth=True``.

Where the approximation breaks down:

- the fields are stationary and isotropic Gaussian processes with one
  correlation length; real landscapes have trends, boundaries (a river, a fault,
  a change of rock type), anisotropy along valleys, and several scales at once;
- the covariates are independent of each other; real elevation, rainfall and
  temperature are strongly related, which makes feature importances harder to read;
- sites are uniform at random; real surveys cluster along roads, near towns and in
  the places someone was interested in, so "random" CV is even more optimistic
  there and blocks hold very different numbers of sites;
- the groundwater anomaly is a single AR(1) process with Gaussian innovations;
  real wells respond to individual storms (sharp rises, slow recessions), to
  pumping, and to droughts lasting years, and the record has gaps and logger drift.

The lesson survives all of that: with autocorrelated data, an honest test set is
separated from the training set in space (blocks) or time (a later period, with a
gap), and its score is lower than the shuffled one.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "FEATURES",
    "gaussian_random_field",
    "make_groundwater_series",
    "make_spatial_field",
]

#: the covariates of ``make_spatial_field``, in column order
FEATURES = ("elevation", "rainfall", "clay", "vegetation")

#: resolution of the grid the fields are generated on, in km
GRID_STEP = 1.0


def gaussian_random_field(shape, corr_length, rng, step=GRID_STEP):
    """A smooth Gaussian random field on a grid: mean 0, standard deviation 1.

    White noise smoothed with a Gaussian kernel of width ``sigma = corr_length / 2``
    (in the units of ``step``), done in the Fourier domain on a grid padded by
    three correlation lengths on every side, so the field does not wrap around
    (no correlation between opposite edges). Two values a distance ``r`` apart
    have correlation ``exp(-(r / corr_length)**2)``.

    Parameters
    ----------
    shape : (int, int)
        Grid size (rows, columns).
    corr_length : float
        Correlation length, in the same units as ``step``.
    rng : numpy.random.Generator
    step : float
        Grid spacing.

    Returns
    -------
    array, shape ``shape``
    """
    rows, cols = (int(s) for s in shape)
    sigma = 0.5 * float(corr_length) / step  # in grid cells
    pad = int(np.ceil(3.0 * float(corr_length) / step))
    noise = rng.standard_normal((rows + 2 * pad, cols + 2 * pad))
    ky = np.fft.fftfreq(noise.shape[0])[:, None]
    kx = np.fft.rfftfreq(noise.shape[1])[None, :]
    transfer = np.exp(-2.0 * np.pi**2 * sigma**2 * (kx**2 + ky**2))
    field = np.fft.irfft2(np.fft.rfft2(noise) * transfer, s=noise.shape)[pad : pad + rows, pad : pad + cols]
    # the variance of white noise after the kernel is 1 / (4 pi sigma^2) for a wide kernel
    return field * np.sqrt(4.0 * np.pi) * max(sigma, 1e-12)


def make_spatial_field(
    n_sites=400,
    seed=0,
    size=100.0,
    corr_length=8.0,
    hidden_corr_length=15.0,
    hidden_strength=1.0,
    noise=0.3,
    return_truth=False,
):
    """Sample a spatially autocorrelated survey at ``n_sites`` scattered sites.

    Parameters
    ----------
    n_sites : int
        Number of sampling sites, placed uniformly at random in the domain.
    seed : int
        Seed of the random generator; the same seed gives the same data.
    size : float
        Side of the square domain, in km.
    corr_length : float
        Correlation length of the covariate fields, km.
    hidden_corr_length : float
        Correlation length of the unobserved field, km.
    hidden_strength : float
        Standard deviation of the unobserved field's contribution to the target.
    noise : float
        Standard deviation of the independent measurement noise on the target.
    return_truth : bool
        If True, also return a dict with the ground truth.

    Returns
    -------
    X : array, shape (n_sites, 4)
        The covariates at the sites, columns ``FEATURES`` (standardised units:
        each field has mean about 0 and standard deviation about 1).
    y : array, shape (n_sites,)
        The measured target.
    coords : array, shape (n_sites, 2)
        Site coordinates (x, y) in km, in ``[0, size)``.
    truth : dict, only if ``return_truth``
        ``"signal"`` (the part of y explained by the covariates), ``"hidden"``
        (the unobserved field's part), ``"noise"`` (the measurement noise), all
        of shape (n_sites,); ``"fields"`` (a dict of the gridded covariates and
        ``"hidden"``, each (n_grid, n_grid), row i at y = (i + 0.5) * step, column j
        at x = (j + 0.5) * step); ``"features"``, ``"corr_length"``,
        ``"hidden_corr_length"``, ``"step"``.
    """
    n_sites = int(n_sites)
    rng = np.random.default_rng(seed)
    n_grid = int(np.ceil(float(size) / GRID_STEP))
    fields = {name: gaussian_random_field((n_grid, n_grid), corr_length, rng) for name in FEATURES}
    fields["hidden"] = gaussian_random_field((n_grid, n_grid), hidden_corr_length, rng)

    coords = rng.uniform(0.0, float(size), size=(n_sites, 2))
    col = np.clip((coords[:, 0] / GRID_STEP).astype(int), 0, n_grid - 1)
    row = np.clip((coords[:, 1] / GRID_STEP).astype(int), 0, n_grid - 1)
    X = np.column_stack([fields[name][row, col] for name in FEATURES])

    elevation, rainfall, clay, vegetation = X.T
    # wetter, clayey, greener and higher sites hold more; a threshold in rainfall; an interaction
    signal = 0.8 * np.tanh(1.5 * rainfall) + 0.5 * clay + 0.4 * vegetation * (elevation > 0) - 0.3 * elevation**2
    hidden = hidden_strength * fields["hidden"][row, col]
    measurement = float(noise) * rng.standard_normal(n_sites)
    y = signal + hidden + measurement
    if not return_truth:
        return X, y, coords
    truth = {
        "signal": signal,
        "hidden": hidden,
        "noise": measurement,
        "fields": fields,
        "features": FEATURES,
        "corr_length": float(corr_length),
        "hidden_corr_length": float(hidden_corr_length),
        "step": GRID_STEP,
    }
    return X, y, coords, truth


def make_groundwater_series(n_days=730, seed=0, phi=0.97, anomaly_std=0.4, noise=0.02, return_truth=False):
    """A daily groundwater level in one observation well, in m above a datum.

    ``level[t] = mean + seasonal[t] + anomaly[t] + noise[t]``: a yearly cosine
    peaking in early spring (winter recharge), an AR(1) anomaly with coefficient
    ``phi`` scaled to standard deviation ``anomaly_std`` (persistent wet and dry
    spells; the correlation between days ``k`` apart is ``phi**k``), and
    independent measurement noise.

    Parameters
    ----------
    n_days : int
    seed : int
        Same seed, same series.
    phi : float
        AR(1) coefficient, ``0 <= phi < 1``.
    anomaly_std : float
        Stationary standard deviation of the anomaly, m.
    noise : float
        Measurement noise standard deviation, m.
    return_truth : bool
        If True, also return a dict with ``"seasonal"``, ``"anomaly"``,
        ``"noise"`` (arrays of shape (n_days,)), ``"phi"`` and ``"mean"``.

    Returns
    -------
    t : array, shape (n_days,)
        Day number, 0, 1, 2, ...
    level : array, shape (n_days,)
        Water level, m.
    truth : dict, only if ``return_truth``.
    """
    n_days = int(n_days)
    phi = float(phi)
    if not 0.0 <= phi < 1.0:
        raise ValueError(f"phi must be in [0, 1), got {phi}")
    rng = np.random.default_rng(seed)
    t = np.arange(n_days, dtype=float)
    seasonal = 0.6 * np.cos(2.0 * np.pi * (t - 60.0) / 365.25)
    innovations = rng.standard_normal(n_days) * anomaly_std * np.sqrt(1.0 - phi**2)
    anomaly = np.empty(n_days)
    previous = rng.standard_normal() * anomaly_std  # start in the stationary distribution
    for i in range(n_days):
        previous = phi * previous + innovations[i]
        anomaly[i] = previous
    measurement = float(noise) * rng.standard_normal(n_days)
    mean = 12.0
    level = mean + seasonal + anomaly + measurement
    if not return_truth:
        return t, level
    truth = {"seasonal": seasonal, "anomaly": anomaly, "noise": measurement, "phi": phi, "mean": mean}
    return t, level, truth
