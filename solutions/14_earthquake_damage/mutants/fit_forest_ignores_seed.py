# caught by: test_fit_forest_uses_the_seed
"""fit_forest fixes random_state=0 instead of passing the seed on."""

from sklearn.ensemble import RandomForestClassifier


def fit_forest(X_train, y_train, X_test, seed):
    forest = RandomForestClassifier(n_estimators=N_ESTIMATORS, oob_score=True, random_state=0, n_jobs=1)
    forest.fit(X_train, y_train)
    return {"predictions": forest.predict(X_test), "oob_score": float(forest.oob_score_)}
