# caught by: test_fit_forest_uses_the_seed, test_oob_score
"""fit_forest reports the accuracy on the training data (which the trees have seen) as the OOB score."""

from sklearn.ensemble import RandomForestClassifier


def fit_forest(X_train, y_train, X_test, seed):
    forest = RandomForestClassifier(n_estimators=N_ESTIMATORS, random_state=seed, n_jobs=1)
    forest.fit(X_train, y_train)
    return {"predictions": forest.predict(X_test), "oob_score": float(forest.score(X_train, y_train))}
