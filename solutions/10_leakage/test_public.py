import numpy as np
from sklearn.model_selection import KFold

rng = np.random.default_rng(6)
X = rng.normal(size=(60, 1000))  # pure noise: the labels do not depend on X
y = rng.permutation(np.repeat([0, 1], 30))


def test_scores_are_accuracies(student):
    for name in ("leaky_cv_score", "clean_cv_score"):
        score = getattr(student, name)(X, y, k=10, n_splits=5, seed=0)
        assert isinstance(score, float), f"{name} should return a float, not {type(score).__name__}"
        assert 0.0 <= score <= 1.0


def test_leak_on_pure_noise(student):
    leaky = student.leaky_cv_score(X, y, k=10, n_splits=5, seed=0)
    clean = student.clean_cv_score(X, y, k=10, n_splits=5, seed=0)
    print(f"leaky {leaky:.2f}, clean {clean:.2f}")
    assert 0.3 <= clean <= 0.7, "on pure noise an honest estimate is near chance (0.5)"
    assert leaky > clean + 0.15, "selecting features on all the data should inflate the score"


def test_fold_scaler_statistics_first_fold(student):
    stats = student.fold_scaler_statistics(X, y, k=10, n_splits=5, seed=0)
    assert np.shape(stats["mean"]) == (5, 1000) and np.shape(stats["scale"]) == (5, 1000)
    train, test = next(KFold(n_splits=5, shuffle=True, random_state=0).split(X))
    assert np.allclose(stats["mean"][0], X[train].mean(axis=0)), "fold 0's scaler sees fold 0's training rows only"
    assert np.allclose(stats["scale"][0], X[train].std(axis=0))
