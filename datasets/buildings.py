"""A seeded, Gorkha-like table of buildings and the damage the earthquake did to them.

``make_buildings(n, seed)`` draws ``n`` buildings with the columns of the table
from the 2015 Gorkha (Nepal) earthquake used by DrivenData's "Richter's
Predictor: Modeling Earthquake Damage" competition, and a damage grade for
each: 1 (low), 2 (medium), 3 (almost complete destruction).

Columns (the original names; ``NUMERIC`` and ``CATEGORICAL`` list them):

==========================================  =====================================================
geo_level_1_id                              region, 0 to 19 (the original has 31), an anonymised id
geo_level_2_id                              district inside a region, 0 to 159, anonymised: the
                                            ids are shuffled, so close ids are not close places
count_floors_pre_eq                         floors before the earthquake, 1 to 6, mostly 2 or 3
age                                         years, in steps of 5; about 0.5 % are 995, the
                                            original's code for very old (heritage) buildings
area_percentage, height_percentage          normalised footprint and height (height follows the
                                            floors)
count_families, has_secondary_use           families living there, other use (shop, hotel...)
has_superstructure_*                        0/1 flags, several may be 1: adobe_mud,
                                            mud_mortar_stone, stone_flag, cement_mortar_stone,
                                            mud_mortar_brick, cement_mortar_brick, timber,
                                            bamboo, rc_non_engineered, rc_engineered
land_surface_condition                      n, o, t (obfuscated letters, as in the original)
foundation_type                             h, i, r, u, w (r: mud-mortar stone, i: reinforced)
roof_type                                   n, q, x (x: reinforced concrete)
ground_floor_type                           f, m, v, x, z (v: reinforced concrete)
position, legal_ownership_status            j, o, s, t and a, r, v, w
==========================================  =====================================================

How the damage is made: every region has a shaking intensity (its distance to
the rupture, site effects: one random number per region) and every district a
smaller deviation from it; a latent vulnerability score adds the shaking, the
construction (mud-mortar stone and adobe are weak, cement-mortar brick and
engineered reinforced concrete strong, a reinforced foundation or ground floor
helps), the age and the number of floors, plus logistic noise. Two thresholds
cut the score into grades 1, 2 and 3, about 10 %, 57 % and 33 % of the
buildings, as in the original (grade 2 most common). The truth dict names the
drivers; ``area_percentage``, ``count_families``, ``has_secondary_use``,
``land_surface_condition``, ``position`` and ``legal_ownership_status`` have no
effect at all (in the real table some of them have a small one).

Options (off by default, so the default table never changes):
``field_data=True`` adds what a field team knows about any region, surveyed or
not: each building's ``epicentral_distance_km`` and the ``mmi_estimate`` that a
simple attenuation relation (``mmi_attenuation``: intensity up with magnitude,
down with the log of the hypocentral distance) predicts there. The map is built
so that each district's true intensity is that prediction plus a site effect the
relation does not know (standard deviation 0.3 MMI), so the estimate tracks the
shaking well but not exactly. ``missing_age`` blanks a fraction of the ages
(NaN); ``label_noise`` replaces a fraction of the grades by random ones.

What it stands in for: the 260,601 buildings of the competition's training
table (38 features, micro-F1 score; the best entries reach about 0.75, a plain
random forest about 0.71, always predicting grade 2 about 0.57). That table
comes from Nepal's post-earthquake household survey (Kathmandu Living Labs and
the Central Bureau of Statistics) under the competition's terms of use and
cannot be shipped with this course.

Where the approximation breaks down:

- the damage follows a made-up, additive formula; real damage has interactions
  (a heavy roof on a weak wall), and its survey labels are noisy and inconsistent
  between survey teams, which no seed reproduces;
- shaking is one independent random number per region and district: real
  intensity varies smoothly with distance to the rupture and with the ground,
  so neighbouring regions are alike, and the third geographic level (11,861
  villages in the original) is missing;
- the columns are drawn nearly independently given a building's construction
  class; the real ones are correlated in many more ways (age with material,
  material with region);
- the categorical letters only copy the original's obfuscation; the levels' shares
  are rough.

A forest that scores well here says little about buildings in the next earthquake.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = [
    "CATEGORICAL",
    "CATEGORIES",
    "DRIVERS",
    "FIELD",
    "MAGNITUDE",
    "NOISE",
    "NUMERIC",
    "as_columns",
    "make_buildings",
    "mmi_attenuation",
]

N_REGIONS = 20
N_DISTRICTS = 160

SUPERSTRUCTURE = (
    "adobe_mud",
    "mud_mortar_stone",
    "stone_flag",
    "cement_mortar_stone",
    "mud_mortar_brick",
    "cement_mortar_brick",
    "timber",
    "bamboo",
    "rc_non_engineered",
    "rc_engineered",
)

NUMERIC = (
    "geo_level_1_id",
    "geo_level_2_id",
    "count_floors_pre_eq",
    "age",
    "area_percentage",
    "height_percentage",
    "count_families",
    "has_secondary_use",
) + tuple(f"has_superstructure_{name}" for name in SUPERSTRUCTURE)

#: the levels of every categorical column, in a fixed order (a sample may miss some)
CATEGORIES = {
    "land_surface_condition": ("n", "o", "t"),
    "foundation_type": ("h", "i", "r", "u", "w"),
    "roof_type": ("n", "q", "x"),
    "ground_floor_type": ("f", "m", "v", "x", "z"),
    "position": ("j", "o", "s", "t"),
    "legal_ownership_status": ("a", "r", "v", "w"),
}
CATEGORICAL = tuple(CATEGORIES)

#: the columns the damage depends on most, strongest first
DRIVERS = ("geo_level_1_id", "has_superstructure_mud_mortar_stone", "age", "count_floors_pre_eq")
#: columns with no effect on the damage at all
NOISE = (
    "area_percentage",
    "count_families",
    "has_secondary_use",
    "land_surface_condition",
    "position",
    "legal_ownership_status",
)

#: what a field team has for any region, surveyed or not (``make_buildings(..., field_data=True)``)
FIELD = ("epicentral_distance_km", "mmi_estimate")
#: the earthquake's moment magnitude and hypocentral depth (km)
MAGNITUDE = 7.8
DEPTH_KM = 15.0
#: a district's true intensity: MMI = MMI_MEAN + MMI_PER_SHAKING * its latent shaking
MMI_MEAN, MMI_PER_SHAKING = 6.5, 0.75
#: standard deviation of the site effects (MMI units) that the attenuation relation does not know
SITE_SIGMA = 0.3

#: weights of the latent damage score
WEIGHTS = {
    "region_shaking": 1.4,  # standard deviation of the regions' shaking
    "district_shaking": 0.4,  # standard deviation of a district's deviation from its region
    "mud_mortar_stone": 1.3,
    "adobe_mud": 0.6,
    "cement_mortar_brick": -1.2,
    "rc_engineered": -1.5,
    "rc_non_engineered": -0.5,
    "timber": -0.3,
    "foundation_i": -0.6,
    "ground_floor_v": -0.4,
    "age": 1.6,  # times log1p(min(age, 150)) / log1p(150)
    "floors": 0.6,  # per floor above 2
    "noise_scale": 0.5,  # scale of the logistic noise
}
#: thresholds on the latent score: grade 1 below the first, grade 3 above the second
THRESHOLDS = (-1.65, 2.5)

# construction classes: share, then P(flag) for each superstructure flag
_CLASSES = {
    # name: share, flags with their probabilities, foundation, roof, ground floor probabilities
    "stone_mud": (
        0.72,
        {"mud_mortar_stone": 0.97, "timber": 0.30, "bamboo": 0.10, "adobe_mud": 0.06, "stone_flag": 0.04},
        {"h": 0.01, "i": 0.0, "r": 0.95, "u": 0.02, "w": 0.02},
        {"n": 0.75, "q": 0.25, "x": 0.0},
        {"f": 0.88, "m": 0.01, "v": 0.0, "x": 0.10, "z": 0.01},
    ),
    "brick": (
        0.13,
        {"cement_mortar_brick": 0.75, "mud_mortar_brick": 0.35, "timber": 0.15, "cement_mortar_stone": 0.1},
        {"h": 0.01, "i": 0.05, "r": 0.60, "u": 0.20, "w": 0.14},
        {"n": 0.60, "q": 0.25, "x": 0.15},
        {"f": 0.70, "m": 0.01, "v": 0.15, "x": 0.13, "z": 0.01},
    ),
    "rc": (
        0.09,
        {"rc_engineered": 0.45, "rc_non_engineered": 0.60, "cement_mortar_brick": 0.30},
        {"h": 0.0, "i": 0.45, "r": 0.05, "u": 0.20, "w": 0.30},
        {"n": 0.30, "q": 0.10, "x": 0.60},
        {"f": 0.25, "m": 0.0, "v": 0.70, "x": 0.05, "z": 0.0},
    ),
    "light": (
        0.06,
        {"timber": 0.85, "bamboo": 0.55, "adobe_mud": 0.25, "mud_mortar_stone": 0.25},
        {"h": 0.03, "i": 0.0, "r": 0.70, "u": 0.07, "w": 0.20},
        {"n": 0.50, "q": 0.50, "x": 0.0},
        {"f": 0.80, "m": 0.02, "v": 0.0, "x": 0.13, "z": 0.05},
    ),
}
_OTHER_LEVELS = {
    "land_surface_condition": {"n": 0.14, "o": 0.03, "t": 0.83},
    "position": {"j": 0.05, "o": 0.02, "s": 0.77, "t": 0.16},
    "legal_ownership_status": {"a": 0.02, "r": 0.01, "v": 0.96, "w": 0.01},
}


def _geography(seed=0):
    """The fixed map: shaking per region, and per district its region and deviation.

    Depends on its own seed only, so that different samples share one earthquake.
    """
    rng = np.random.default_rng(np.random.SeedSequence([seed, 2015]))
    region_shaking = WEIGHTS["region_shaking"] * rng.normal(size=N_REGIONS)
    region_shaking -= region_shaking.mean()
    district_region = np.sort(np.arange(N_DISTRICTS) % N_REGIONS)  # 8 districts per region
    district_shaking = region_shaking[district_region] + WEIGHTS["district_shaking"] * rng.normal(size=N_DISTRICTS)
    district_id = rng.permutation(N_DISTRICTS)  # anonymised ids: neighbours in id are not neighbours on the map
    region_weight = rng.uniform(0.5, 1.5, size=N_REGIONS)  # some regions have more buildings
    return region_shaking, district_region, district_shaking, district_id, region_weight


def mmi_attenuation(magnitude, distance_km, depth_km=DEPTH_KM):
    """A simple intensity attenuation: MMI = 2.0 + 1.3 M - 3.0 log10(R), R the hypocentral distance in km.

    The shape of published intensity prediction equations (intensity grows with
    magnitude, falls with the log of distance), with made-up coefficients.
    """
    hypocentral = np.sqrt(np.asarray(distance_km, dtype=float) ** 2 + depth_km**2)
    return 2.0 + 1.3 * magnitude - 3.0 * np.log10(hypocentral)


def _field_geography():
    """Per district: its epicentral distance (km) and its site effect (MMI), consistent with its shaking.

    A district's true intensity (from its latent shaking) is split into the part an
    attenuation relation predicts from distance and a site effect it cannot know;
    the distance is the one at which the relation gives the first part. Its own
    seed, so that the map of ``_geography`` stays as it was.
    """
    _, _, district_shaking, _, _ = _geography()
    rng = np.random.default_rng(np.random.SeedSequence([0, 2016]))
    site = SITE_SIGMA * rng.normal(size=N_DISTRICTS)
    attenuated = MMI_MEAN + MMI_PER_SHAKING * district_shaking - site
    top = mmi_attenuation(MAGNITUDE, 0.0)  # the intensity right above the hypocentre
    attenuated = np.minimum(attenuated, top - 0.05)
    site = MMI_MEAN + MMI_PER_SHAKING * district_shaking - attenuated
    hypocentral = 10.0 ** ((2.0 + 1.3 * MAGNITUDE - attenuated) / 3.0)
    return np.sqrt(np.maximum(hypocentral**2 - DEPTH_KM**2, 0.0)), site


def _add_field_data(columns, district, rng):
    """The columns of ``FIELD``: each building's distance to the epicentre and the intensity predicted there."""
    distance, _ = _field_geography()
    km = np.maximum(distance[district] + rng.normal(0.0, 2.0, size=district.size), 0.0)  # a district spans km
    columns["epicentral_distance_km"] = np.round(km, 1)
    columns["mmi_estimate"] = np.round(mmi_attenuation(MAGNITUDE, km), 2)


def _choice(rng, probabilities, size):
    levels = list(probabilities)
    p = np.array([probabilities[level] for level in levels], dtype=float)
    return np.array(levels)[rng.choice(len(levels), p=p / p.sum(), size=size)]


def make_buildings(n, seed=0, field_data=False, missing_age=0.0, label_noise=0.0):
    """Draw ``n`` buildings, their features and their damage grades.

    Parameters
    ----------
    n : int
        Number of buildings.
    seed : int
        Seed of the random generator; the same seed gives the same table. The
        map (regions, districts, their shaking) is the same for every seed: two
        samples are two sets of buildings hit by one earthquake.
    field_data : bool
        If True, add the columns ``FIELD`` after the others: what a field team
        knows about any region, surveyed or not: ``epicentral_distance_km``
        and ``mmi_estimate``, the intensity that a simple attenuation relation
        (``mmi_attenuation``) predicts there for a magnitude 7.8 earthquake.
        It misses the site effects, so it is an estimate of the shaking, not
        the shaking.
    missing_age : float
        The fraction of buildings whose ``age`` was not recorded (NaN; the
        column becomes float). 0.0: none.
    label_noise : float
        The fraction of damage grades replaced by a grade drawn at random
        (1, 2 or 3), as inconsistent survey teams would. 0.0: none.
    The defaults give the same table as before these options existed; the
    options draw from a generator of their own.

    Returns
    -------
    features : pandas.DataFrame, shape (n, 24)
        The columns ``NUMERIC`` (integers) then ``CATEGORICAL`` (strings).
    damage_grade : array of int, shape (n,)
        1, 2 or 3.
    truth : dict
        ``"drivers"`` (column names, strongest first), ``"noise"`` (columns with
        no effect), ``"score"`` (the latent damage score of every building),
        ``"shaking"`` (the shaking each building felt), ``"region_shaking"``
        (one value per geo_level_1_id), ``"thresholds"`` and ``"weights"``;
        with ``label_noise`` also ``"clean_grade"`` (the grade before the noise)
        and ``"relabelled"`` (a mask of the replaced grades); with ``missing_age``
        also ``"age"`` (every age, recorded or not).
    """
    n = int(n)
    if not (0.0 <= missing_age < 1.0 and 0.0 <= label_noise <= 1.0):
        raise ValueError(
            "make_buildings: missing_age must be in [0, 1) and label_noise in [0, 1]. "
            f"Received: missing_age={missing_age}, label_noise={label_noise}"
        )
    rng = np.random.default_rng(seed)
    region_shaking, district_region, district_shaking, district_id, region_weight = _geography()

    # where: a district, weighted by its region's size
    district_p = region_weight[district_region] / region_weight[district_region].sum()
    district = rng.choice(N_DISTRICTS, p=district_p, size=n)
    region = district_region[district]

    # what: a construction class, then its materials, foundation, roof and ground floor
    names = list(_CLASSES)
    shares = np.array([_CLASSES[name][0] for name in names])
    kind = rng.choice(len(names), p=shares / shares.sum(), size=n)
    flags = {name: np.zeros(n, dtype=np.int64) for name in SUPERSTRUCTURE}
    foundation = np.empty(n, dtype=object)
    roof = np.empty(n, dtype=object)
    ground = np.empty(n, dtype=object)
    for k, name in enumerate(names):
        rows = np.flatnonzero(kind == k)
        _, probabilities, foundation_p, roof_p, ground_p = _CLASSES[name]
        for flag, p in probabilities.items():
            flags[flag][rows] = rng.random(rows.size) < p
        foundation[rows] = _choice(rng, foundation_p, rows.size)
        roof[rows] = _choice(rng, roof_p, rows.size)
        ground[rows] = _choice(rng, ground_p, rows.size)

    # size and age
    floors = np.clip(rng.poisson(1.3, size=n) + 1 + (kind == names.index("rc")), 1, 6)
    age = 5 * rng.geometric(1.0 / 5.0, size=n) - 5  # years, in steps of 5, mean about 20
    age = np.where(rng.random(n) < 0.005, 995, age)
    area = np.clip(np.round(rng.lognormal(np.log(7.0), 0.45, size=n)), 1, 100).astype(np.int64)
    height = np.clip(np.round(2.3 * floors + rng.normal(0.0, 1.0, size=n)), 2, 32).astype(np.int64)
    families = np.clip(rng.poisson(0.15, size=n) + (rng.random(n) < 0.92), 0, 9)
    secondary = (rng.random(n) < 0.11).astype(np.int64)

    columns = {
        "geo_level_1_id": region.astype(np.int64),
        "geo_level_2_id": district_id[district].astype(np.int64),
        "count_floors_pre_eq": floors.astype(np.int64),
        "age": age.astype(np.int64),
        "area_percentage": area,
        "height_percentage": height,
        "count_families": families.astype(np.int64),
        "has_secondary_use": secondary,
    }
    columns.update({f"has_superstructure_{name}": flags[name] for name in SUPERSTRUCTURE})
    columns["land_surface_condition"] = _choice(rng, _OTHER_LEVELS["land_surface_condition"], n)
    columns["foundation_type"] = foundation.astype(str)
    columns["roof_type"] = roof.astype(str)
    columns["ground_floor_type"] = ground.astype(str)
    columns["position"] = _choice(rng, _OTHER_LEVELS["position"], n)
    columns["legal_ownership_status"] = _choice(rng, _OTHER_LEVELS["legal_ownership_status"], n)
    features = pd.DataFrame(columns)
    for column in CATEGORICAL:
        features[column] = features[column].astype(object)

    # the latent damage score
    w = WEIGHTS
    shaking = district_shaking[district]
    score = (
        shaking
        + w["mud_mortar_stone"] * flags["mud_mortar_stone"]
        + w["adobe_mud"] * flags["adobe_mud"]
        + w["cement_mortar_brick"] * flags["cement_mortar_brick"]
        + w["rc_engineered"] * flags["rc_engineered"]
        + w["rc_non_engineered"] * flags["rc_non_engineered"]
        + w["timber"] * flags["timber"]
        + w["foundation_i"] * (foundation == "i")
        + w["ground_floor_v"] * (ground == "v")
        + w["age"] * np.log1p(np.minimum(age, 150)) / np.log1p(150)
        + w["floors"] * (floors - 2)
        + w["noise_scale"] * rng.logistic(size=n)
    )
    grade = 1 + (score > THRESHOLDS[0]).astype(np.int64) + (score > THRESHOLDS[1]).astype(np.int64)

    truth = {
        "drivers": DRIVERS,
        "noise": NOISE,
        "score": score,
        "shaking": shaking,
        "region_shaking": region_shaking,
        "thresholds": THRESHOLDS,
        "weights": dict(WEIGHTS),
    }
    if field_data or missing_age > 0.0 or label_noise > 0.0:
        # drawn after everything else, from a generator of their own: the defaults stay as they were
        extra = np.random.default_rng(np.random.SeedSequence([seed, 7815]))
        if field_data:
            _add_field_data(columns, district, extra)
            for name in FIELD:
                features[name] = columns[name]
        if missing_age > 0.0:
            truth["age"] = features["age"].to_numpy().copy()
            features["age"] = features["age"].astype(float).where(extra.random(n) >= missing_age)
        if label_noise > 0.0:
            truth["clean_grade"] = grade.copy()
            relabelled = extra.random(n) < label_noise
            grade = np.where(relabelled, extra.integers(1, 4, size=n), grade)
            truth["relabelled"] = relabelled
    return features, grade, truth


def as_columns(features):
    """The table as a dict of plain NumPy columns (numbers, or strings for the categorical ones).

    This is how the grader sends a table to your code; ``pandas.DataFrame(columns)``
    turns it back into a DataFrame.
    """
    frame = pd.DataFrame(features)
    return {
        name: (frame[name].to_numpy().astype(str) if name in CATEGORIES else frame[name].to_numpy())
        for name in frame.columns
    }
