# caught by: test_leaky_matches_recipe, test_leaky_clearly_higher_than_clean
"""leaky_cv_score uses the leak-free pipeline, so it shows no leak at all."""


def leaky_cv_score(X, y, k=20, n_splits=5, seed=0):
    return clean_cv_score(X, y, k=k, n_splits=n_splits, seed=seed)  # noqa: F821
