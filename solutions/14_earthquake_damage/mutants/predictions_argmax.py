# caught by: test_fit_forest_uses_the_seed, test_forest_predicts_damage
"""fit_forest predicts with argmax of predict_proba: column indices 0, 1, 2 instead of grades 1, 2, 3."""

from sklearn.ensemble import RandomForestClassifier


def fit_forest(X_train, y_train, X_test, seed):
    forest = RandomForestClassifier(n_estimators=N_ESTIMATORS, oob_score=True, random_state=seed, n_jobs=1)
    forest.fit(X_train, y_train)
    return {"predictions": forest.predict_proba(X_test).argmax(axis=1), "oob_score": float(forest.oob_score_)}
