"""A returned Keras model crosses as config text and weight arrays, checked before anything is allocated."""

import importlib.util
import json
import time

import numpy as np
import pytest

from grader import returned_model, wire
from grader.errors import StudentReturnTypeError
from grader.paths import CHILD_SCRIPT

keras = pytest.importorskip("keras")


@pytest.fixture(scope="module")
def child():
    """``grader/child.py`` as the student process runs it (it imports no part of the grader)."""
    spec = importlib.util.spec_from_file_location("grader_child_under_test", CHILD_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _answer(child, model, change_config=None, config_text=None):
    """What the student process sends for ``model``, optionally with a forged config."""
    answer = json.loads(json.dumps(child._Encoder().encode(model)))
    body = answer["$model"]
    if change_config:
        config = json.loads(body["config"])
        change_config(config)
        body["config"] = json.dumps(config)
    if config_text is not None:
        body["config"] = config_text
    return answer


def _dense(units=3, inputs=5):
    model = keras.Sequential([keras.Input((inputs,)), keras.layers.Dense(units)])
    model.layers[-1].set_weights([np.ones((inputs, units)), np.zeros(units)])
    return model


def test_a_plain_model_crosses_and_computes(child):
    model = wire.decode(_answer(child, _dense()), "f")
    np.testing.assert_allclose(model(np.ones((2, 5), dtype="float32")), np.full((2, 3), 5.0))


def test_a_functional_model_with_state_crosses_with_all_its_weights(child):
    inputs = keras.Input((4,))
    hidden = keras.layers.Dense(3, activation="relu")(inputs)
    hidden = keras.layers.BatchNormalization()(keras.layers.Dropout(0.3)(hidden))
    original = keras.Model(inputs, keras.layers.Dense(1, activation="sigmoid")(hidden))
    original.layers[-2].set_weights([np.full(3, 2.0), np.full(3, 0.5), np.full(3, 0.1), np.full(3, 4.0)])
    original.compile(optimizer="adam", loss="mse")
    rebuilt = wire.decode(_answer(child, original), "f")
    X = np.random.default_rng(0).normal(size=(6, 4)).astype("float32")
    np.testing.assert_allclose(rebuilt(X), original(X), rtol=1e-6)
    assert [w.shape for w in rebuilt.get_weights()] == [w.shape for w in original.get_weights()]


def test_an_adapted_normalization_layer_keeps_its_mean_and_variance(child):
    data = np.random.default_rng(1).normal(loc=50.0, scale=7.0, size=(40, 3)).astype("float32")
    normalization = keras.layers.Normalization()
    normalization.adapt(data)
    original = keras.Sequential([keras.Input((3,)), normalization, keras.layers.Dense(2)])
    rebuilt = wire.decode(_answer(child, original), "f")
    np.testing.assert_allclose(rebuilt(data[:5]), original(data[:5]), rtol=1e-5, atol=1e-5)


def test_a_huge_declared_layer_is_refused_before_anything_is_allocated(child):
    def enormous(config):
        config["config"]["layers"][-1]["config"]["units"] = 2_000_000_000

    started = time.monotonic()
    with pytest.raises(StudentReturnTypeError, match="12,000,000,000 parameters"):
        wire.decode(_answer(child, _dense(), enormous), "f")
    assert time.monotonic() - started < 30  # nothing of 48 GB was allocated


def test_weights_that_do_not_fit_the_layers_are_refused(child):
    def wider(config):
        config["config"]["layers"][-1]["config"]["units"] = 4

    with pytest.raises(StudentReturnTypeError, match="weights do not match its layers"):
        wire.decode(_answer(child, _dense(), wider), "f")


@pytest.mark.parametrize(
    ("layers", "refused"),
    [
        ([keras.layers.RepeatVector(20_000), keras.layers.SimpleRNN(2)], "recurrent time steps"),
        ([keras.layers.Dense(4_000), keras.layers.RepeatVector(2_000)], "values per sample"),
        ([keras.layers.RepeatVector(1_000), keras.layers.Dense(1_000), keras.layers.Dense(1_000)], "operations per"),
    ],
    ids=["slow-rnn", "huge-activation", "many-operations"],
)
def test_a_model_too_costly_to_run_is_refused(child, layers, refused):
    model = keras.Sequential([keras.Input((5,)), *layers])
    with pytest.raises(StudentReturnTypeError, match=refused):
        wire.decode(_answer(child, model), "f")


@pytest.mark.parametrize(("levels", "refused"), [(150, "nested more than 100"), (100_000, "not valid JSON")])
def test_a_nested_config_is_refused_without_recursion_error(child, levels, refused):
    deep = '{"a": ' * levels + "1" + "}" * levels
    config = json.loads(_answer(child, _dense())["$model"]["config"])
    text = json.dumps(config)[:-1] + ', "extra": ' + deep + "}"
    with pytest.raises(StudentReturnTypeError, match=refused):
        wire.decode(_answer(child, _dense(), config_text=text), "f")


def test_a_padded_config_is_refused_by_its_size(child):
    text = _answer(child, _dense())["$model"]["config"] + " " * (9 << 20)
    with pytest.raises(StudentReturnTypeError, match="larger than 8 MB"):
        wire.decode(_answer(child, _dense(), config_text=text), "f")


def test_a_config_naming_a_function_is_refused_in_safe_mode(child, tmp_path):
    marker = tmp_path / "pwned"
    evil = {
        "module": "builtins",
        "class_name": "eval",
        "registered_name": "eval",
        "config": {"source": f"open({str(marker)!r}, 'w')"},
    }

    def inject(config):
        config["config"]["layers"].insert(1, evil)

    with pytest.raises(StudentReturnTypeError, match="could not be loaded safely"):
        wire.decode(_answer(child, _dense(), inject), "f")
    assert not marker.exists()


def test_a_model_whose_config_cannot_be_serialised_is_reported_by_the_child(child):
    class Broken(keras.Sequential):
        def get_config(self):
            raise RuntimeError("no config")

    model = Broken([keras.Input((2,)), keras.layers.Dense(1)])
    answer = child._Encoder().encode(model)
    assert "could not be serialised (RuntimeError: no config)" in answer["detail"]
    with pytest.raises(StudentReturnTypeError, match="could not be serialised"):
        wire.decode(answer, "f")


def test_the_declared_cost_is_read_from_a_model_without_weights():
    config = json.loads(json.dumps(keras.saving.serialize_keras_object(_dense(units=7, inputs=4))))
    model = returned_model._build_without_weights(config, "f")
    assert returned_model.check_declared_cost(model, "f") == 4 * 7 + 7
