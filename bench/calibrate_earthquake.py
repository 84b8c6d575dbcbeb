"""Calibrate 14_earthquake_damage's bars over seeds: python bench/calibrate_earthquake.py [OPTIONS] [PART ...]

PART is any of forest, cv, importance, transfer, pd (default: all; about 5 minutes on 2 cores).
--seeds N: forest seeds 0 to N-1 (default 10; the mutants always get seeds 0-9 and SEED).
--importance-rows TRAIN,VAL: other sizes for the importance tables than the hidden tests' own.
Every part takes its data from the hidden tests themselves (their table functions, sizes and
thresholds), fits what the task prescribes with forest seeds 0-9 (the judge calls the student with
SEED, 14: another correct solution, with its columns in another order or its own shuffles, lands
like another seed), and prints the numbers each bar looks at, the smallest margin over the seeds,
and the same numbers for the mutants the bars must catch (with SEED, as the judge sees them).
The tables in solutions/14_earthquake_damage/CALIBRATION.md come from it.

- forest: micro-F1 on the hidden test set against MIN_TEST_F1 and the most common grade's share
  plus MIN_GAIN_OVER_BASELINE, and three forests that deviate from the prescribed one.
- cv: random and grouped 5-fold scores on the table sorted by region: |random - judge's OOB|
  against RANDOM_CV_TOLERANCE, random - grouped against MIN_CV_GAP; unshuffled KFold and
  "groups ignored" (two shuffled KFolds).
- importance: the control's share of the top importance (MAX_CONTROL_SHARE), the share of the
  control and the columns without effect together (MAX_NOISE_SUM_SHARE), the drivers' ranks
  (top 3, top 10); importances on the training data, impurity importances, a forest on misaligned rows.
- transfer: grouped CV of the two feature sets, in the judge's column order and in another one,
  against the judge's own scores (CV_SCORE_TOLERANCE), MIN_TRANSFER_GAIN and MAX_REGION_ID_GAIN;
  shuffled folds and a "transferable" set without the field columns; other samples of the same size.
- pd: the partial dependence of P(grade 3) on age (largest drop between neighbours, PD_MAX_DROP;
  rise, PD_MIN_RISE) and on area_percentage (peak to peak, PD_MAX_FLAT).
"""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from sklearn.dummy import DummyClassifier  # noqa: E402
from sklearn.inspection import permutation_importance  # noqa: E402
from sklearn.metrics import f1_score  # noqa: E402
from sklearn.model_selection import GroupKFold, KFold, cross_val_score  # noqa: E402

from datasets.buildings import make_buildings  # noqa: E402

HIDDEN = ROOT / "solutions" / "14_earthquake_damage" / "hidden" / "test_hidden_earthquake.py"
DEVIATIONS = {"max_depth=3": {"max_depth": 3}, "min_samples_leaf=20": {"min_samples_leaf": 20},
              "n_estimators=10": {"n_estimators": 10}}  # fmt: skip
SEEDS = range(10)
MUTANT_SEEDS = range(10)


@functools.cache  # one module object: --importance-rows changes it for every part
def load_hidden():
    spec = importlib.util.spec_from_file_location("hidden_earthquake", HIDDEN)
    hidden = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hidden)
    return hidden


def baseline_score(grade, groups, folds) -> float:
    zeros = np.zeros((len(grade), 1))
    return cross_val_score(DummyClassifier(strategy="most_frequent"), zeros, grade, groups=groups, cv=folds).mean()


def set_score(seed, X, grade, groups, folds) -> float:
    return cross_val_score(load_hidden().stated_imputed_forest(seed), X, grade, groups=groups, cv=folds).mean()


def part_forest(hidden) -> None:
    X_train, y_train, X_test, y_test = hidden._forest_data()
    baseline = float(np.mean(y_test == np.bincount(y_train).argmax()))
    print(
        f"most common grade: {baseline:.3f}; bars: micro-F1 >= {hidden.MIN_TEST_F1} and >= "
        f"{baseline + hidden.MIN_GAIN_OVER_BASELINE:.3f}"
    )
    scores = []
    for seed in SEEDS:
        score = f1_score(
            y_test, hidden.stated_forest(seed, oob_score=True).fit(X_train, y_train).predict(X_test), average="micro"
        )
        scores.append(score)
        print(f"prescribed forest, seed {seed}: {score:.3f}")
    print(f"smallest margin over MIN_TEST_F1: {min(scores) - hidden.MIN_TEST_F1:.3f}")
    for name, change in DEVIATIONS.items():
        score = f1_score(
            y_test, hidden.stated_forest(0, **change).fit(X_train, y_train).predict(X_test), average="micro"
        )
        print(f"{name}, seed 0: {score:.3f}")


def part_cv(hidden) -> None:
    X, y, groups = hidden._cv_data()
    oob = hidden.stated_forest(hidden.SEED, oob_score=True).fit(X, y).oob_score_
    print(f"cv: {len(y)} buildings sorted by region; judge's out-of-bag score (seed {hidden.SEED}) {oob:.3f}")

    def cv(seed, folds, with_groups=False):
        return cross_val_score(
            hidden.stated_forest(seed), X, y, groups=groups if with_groups else None, cv=folds
        ).mean()

    distances, gaps = [], []
    for seed in dict.fromkeys([*SEEDS, hidden.SEED]):
        random = cv(seed, KFold(5, shuffle=True, random_state=seed))
        grouped = cv(seed, GroupKFold(5), with_groups=True)
        if seed in SEEDS:
            distances.append(abs(random - oob))
            gaps.append(random - grouped)
        print(
            f"seed {seed}: random {random:.3f} (|random - oob| {abs(random - oob):.3f}), grouped {grouped:.3f}, "
            f"gap {random - grouped:.3f}"
        )
    print(
        f"largest |random - oob| {max(distances):.3f} (tolerance {hidden.RANDOM_CV_TOLERANCE}); "
        f"smallest gap {min(gaps):.3f} (bar {hidden.MIN_CV_GAP})"
    )
    for seed in (hidden.SEED, *MUTANT_SEEDS[:3]):
        unshuffled = cv(seed, KFold(5))
        ignored = cv(seed, KFold(5, shuffle=True, random_state=seed)) - cv(
            seed, KFold(5, shuffle=True, random_state=seed + 1)
        )
        print(
            f"mutants, seed {seed}: unshuffled KFold {unshuffled:.3f} (|random - oob| {abs(unshuffled - oob):.3f}); "
            f"groups ignored: gap {ignored:+.3f}"
        )


def part_importance(hidden) -> None:
    train, y_train, val, y_val, truth = hidden._importance_data.__wrapped__()
    columns, noise = list(train.columns), [hidden.CONTROL, *truth["noise"]]
    A, B = train.to_numpy(), val.to_numpy()
    print(f"importance: {len(A)} training and {len(B)} validation rows, {len(columns)} columns")

    def summary(importances):
        scores = pd.Series(np.asarray(importances, dtype=float), index=columns)
        top = scores.max()
        order = list(scores.sort_values(ascending=False).index)
        ranks = [order.index(name) + 1 for name in truth["drivers"]]
        return scores[hidden.CONTROL] / top, scores[noise].sum() / top, ranks

    def line(name, importances):
        control, noise_sum, ranks = summary(importances)
        return f"{name}: control {control:+.3f}, noise sum {noise_sum:+.3f}, driver ranks {ranks}", (
            control,
            noise_sum,
            ranks,
        )

    worst = []
    for seed in dict.fromkeys([*SEEDS, hidden.SEED]):
        fitted = hidden.stated_forest(seed).fit(A, y_train)
        text, numbers = line(
            f"seed {seed}", permutation_importance(fitted, B, y_val, n_repeats=3, random_state=seed).importances_mean
        )
        print(text)
        if seed in SEEDS:
            worst.append(numbers)
    control, noise_sum = max(w[0] for w in worst), max(w[1] for w in worst)
    strongest, drivers = max(max(w[2][:2]) for w in worst), max(max(w[2]) for w in worst)
    print(
        f"largest control share {control:+.3f} (bar {hidden.MAX_CONTROL_SHARE}), largest noise sum "
        f"{noise_sum:+.3f} (bar {hidden.MAX_NOISE_SUM_SHARE}), worst rank of the two strongest drivers "
        f"{strongest} (bar 3), of all four {drivers} (bar 10)"
    )
    for seed in (hidden.SEED, *MUTANT_SEEDS):
        fitted = hidden.stated_forest(seed).fit(A, y_train)
        on_training = permutation_importance(fitted, A, y_train, n_repeats=3, random_state=seed).importances_mean
        shuffled = hidden.stated_forest(seed).fit(A[np.random.default_rng(seed).permutation(len(A))], y_train)
        misaligned = permutation_importance(shuffled, B, y_val, n_repeats=3, random_state=seed).importances_mean
        mutants = {"on training data": on_training, "impurity": fitted.feature_importances_, "misaligned": misaligned}
        print(f"mutants, seed {seed}: " + "; ".join(line(name, values)[0] for name, values in mutants.items()))


def part_transfer(hidden) -> None:
    frame, grade = hidden._transfer_table(1407, hidden.TRANSFER_ROWS)
    groups, folds = frame["geo_level_1_id"].to_numpy(), GroupKFold(5)
    baseline = baseline_score(grade, groups, folds)
    sets = {which: hidden._judge_set(frame, which).to_numpy() for which in ("region_ids", "transferable")}
    judge = {which: set_score(hidden.SEED, X, grade, groups, folds) for which, X in sets.items()}
    ids, transferable = judge["region_ids"], judge["transferable"]
    print(
        f"transfer: {len(grade)} buildings; baseline {baseline:.3f}; judge (seed {hidden.SEED}): region ids "
        f"{ids:.3f} ({ids - baseline:+.3f}), transferable {transferable:.3f} ({transferable - baseline:+.3f})"
    )
    deviations, id_gains, transfer_gains = [], [], []
    for seed in SEEDS:
        order = {which: np.random.default_rng(seed).permutation(X.shape[1]) for which, X in sets.items()}
        texts = []
        for label, permute in (("judge's column order", False), ("another column order", True)):
            scores = {}
            for which, X in sets.items():
                X = X[:, order[which]] if permute else X
                scores[which] = set_score(seed, X, grade, groups, folds)
                deviations.append(abs(scores[which] - judge[which]))
            id_gains.append(scores["region_ids"] - baseline)
            transfer_gains.append(scores["transferable"] - baseline)
            texts.append(f"{label}: region ids {scores['region_ids']:.3f}, transferable {scores['transferable']:.3f}")
        print(f"seed {seed}: " + "; ".join(texts))
    print(
        f"largest distance to the judge {max(deviations):.3f} (tolerance {hidden.CV_SCORE_TOLERANCE}); region ids "
        f"over the baseline at most {max(id_gains):+.3f} (bar {hidden.MAX_REGION_ID_GAIN}); transferable over "
        f"the baseline at least {min(transfer_gains):+.3f} (bar {hidden.MIN_TRANSFER_GAIN})"
    )
    shuffled = KFold(5, shuffle=True, random_state=hidden.SEED)
    random_base = baseline_score(grade, None, shuffled)
    random_sets = {which: set_score(hidden.SEED, X, grade, None, shuffled) for which, X in sets.items()}
    without_field = hidden._encode(frame.drop(columns=[*hidden.REGION_IDS, *hidden.FIELD])).to_numpy()
    dropped = set_score(hidden.SEED, without_field, grade, groups, folds)
    print(
        f"mutants, seed {hidden.SEED}: shuffled folds: baseline {random_base:.3f}, region ids "
        f"{random_sets['region_ids']:.3f} ({random_sets['region_ids'] - random_base:+.3f}), transferable "
        f"{random_sets['transferable']:.3f}; transferable without the field columns {dropped:.3f} "
        f"({dropped - baseline:+.3f})"
    )
    for sample in range(1, 6):
        frame, grade, _ = make_buildings(hidden.TRANSFER_ROWS, seed=sample, **hidden.TRANSFER_OPTIONS)
        groups = frame["geo_level_1_id"].to_numpy()
        base = baseline_score(grade, groups, folds)
        sample_sets = [hidden._judge_set(frame, which).to_numpy() for which in ("region_ids", "transferable")]
        gains = [set_score(hidden.SEED, X, grade, groups, folds) - base for X in sample_sets]
        print(
            f"another sample (make_buildings seed {sample}): baseline {base:.3f}, region ids {gains[0]:+.3f}, "
            f"transferable {gains[1]:+.3f}"
        )


def part_pd(hidden) -> None:
    X, y, names = hidden._pd_data()
    age, area = names.index("age"), names.index("area_percentage")
    area_grid = tuple(float(v) for v in np.unique(np.percentile(X[:, area], [5, 25, 50, 75, 95])))
    print(f"pd: {len(y)} buildings; age grid {hidden.AGE_GRID}; area grid {area_grid}")

    rows = []
    for seed in dict.fromkeys([*SEEDS, hidden.SEED]):
        model = hidden.stated_imputed_forest(seed).fit(X, y)
        on_age = hidden.curve_of(model, X, age, hidden.AGE_GRID)
        on_area = hidden.curve_of(model, X, area, area_grid)
        drop, rise, flat = -np.min(np.diff(on_age)), on_age[-1] - on_age[0], np.ptp(on_area)
        if seed in SEEDS:
            rows.append((drop, rise, flat))
        print(
            f"seed {seed}: age {on_age[0]:.3f} -> {on_age[-1]:.3f}, rise {rise:.3f}, largest drop {drop:+.3f}; "
            f"area peak to peak {flat:.3f}"
        )
    print(
        f"largest drop {max(r[0] for r in rows):+.3f} (bar {hidden.PD_MAX_DROP}), smallest rise "
        f"{min(r[1] for r in rows):.3f} (bar {hidden.PD_MIN_RISE}), largest area peak to peak "
        f"{max(r[2] for r in rows):.3f} (bar {hidden.PD_MAX_FLAT})"
    )


PARTS = {"forest": part_forest, "cv": part_cv, "importance": part_importance, "transfer": part_transfer, "pd": part_pd}


def main() -> None:
    global SEEDS
    hidden = load_hidden()
    args = sys.argv[1:]
    while args and args[0].startswith("--"):
        option, value, args = args[0], args[1], args[2:]
        if option == "--seeds":
            SEEDS = range(int(value))
        elif option == "--importance-rows":
            hidden.IMPORTANCE_ROWS = tuple(int(rows) for rows in value.split(","))
        else:
            raise SystemExit(f"unknown option {option}")
    for name in args or list(PARTS):
        print(f"--- {name}", flush=True)
        PARTS[name](hidden)
        sys.stdout.flush()


if __name__ == "__main__":
    main()
