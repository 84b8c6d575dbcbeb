import keras
import numpy as np

y = np.array([0] * 18 + [1] * 2)  # 18 dogs (0) and 2 cats (1)


def test_stratified_split_example(student):
    train_idx, test_idx = student.stratified_split(y, test_size=0.5, seed=0)
    assert sorted(np.concatenate([train_idx, test_idx]).tolist()) == list(range(20)), "every index exactly once"
    assert np.sum(y[test_idx] == 1) == 1, "half of the 2 cats go to the test part"
    assert np.sum(y[test_idx] == 0) == 9, "half of the 18 dogs go to the test part"


def test_majority_baseline_and_balanced_accuracy(student):
    baseline = student.majority_baseline(y, y)
    assert np.all(np.asarray(baseline) == 0), "the majority class is 0"
    assert np.mean(baseline == y) == 0.9, "accuracy 90 %"
    assert np.isclose(student.balanced_accuracy(y, baseline), 0.5), "recall 1 for dogs, 0 for cats"
    assert np.isclose(student.balanced_accuracy(y, y), 1.0)


def test_class_weights_example(student):
    weights = student.class_weights(y)
    assert set(weights) == {0, 1}
    assert np.isclose(weights[0], 20 / (2 * 18)) and np.isclose(weights[1], 20 / (2 * 2))


def test_train_with_early_stopping_small(student):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(120, 10))
    labels = (X[:, 0] + 0.5 * rng.normal(size=120) > 1.2).astype(int)
    result = student.train_with_early_stopping(X[:80], labels[:80], X[80:], labels[80:])
    assert set(result) >= {"model", "loss", "val_loss", "best_epoch"}
    assert isinstance(result["model"], keras.Model)
    assert len(result["loss"]) == len(result["val_loss"]) >= 2
    assert result["best_epoch"] == int(np.argmin(result["val_loss"]))
    assert np.shape(result["model"].predict(X[:5], verbose=0)) == (5, 1)
