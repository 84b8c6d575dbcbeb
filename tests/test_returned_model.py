"""A returned Keras model is checked before it is built: sizes, deflate bombs, parameters and cost."""

import json
import time
import zipfile

import numpy as np
import pytest

from grader import returned_model
from grader.errors import StudentReturnTypeError

keras = pytest.importorskip("keras")


def _save(model, tmp_path, name="1.keras"):
    (tmp_path / "returns").mkdir(exist_ok=True)
    model.save(tmp_path / "returns" / name)
    return f"returns/{name}"


def _rewrite(path, change_config=None, padding=0):
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    config = json.loads(members["config.json"])
    if change_config:
        change_config(config)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            if name != "config.json":
                archive.writestr(name, data)
        archive.writestr("config.json", json.dumps(config).encode() + b" " * padding)


def _dense(units=3, inputs=5):
    model = keras.Sequential([keras.Input((inputs,)), keras.layers.Dense(units)])
    model.layers[-1].set_weights([np.ones((inputs, units)), np.zeros(units)])
    return model


def test_a_plain_model_loads_and_computes(tmp_path):
    relative = _save(_dense(), tmp_path)
    model = returned_model.load_returned_model(tmp_path, relative, "f")
    np.testing.assert_allclose(model(np.ones((2, 5), dtype="float32")), np.full((2, 3), 5.0))


def test_a_huge_declared_layer_is_refused_before_anything_is_allocated(tmp_path):
    relative = _save(_dense(), tmp_path)

    def enormous(config):
        config["config"]["layers"][-1]["config"]["units"] = 2_000_000_000

    _rewrite(tmp_path / relative, enormous)
    started = time.monotonic()
    with pytest.raises(StudentReturnTypeError, match="12,000,000,000 parameters"):
        returned_model.load_returned_model(tmp_path, relative, "f")
    assert time.monotonic() - started < 5


def test_a_deflate_bomb_is_refused_from_its_declared_sizes(tmp_path):
    relative = _save(_dense(), tmp_path)
    _rewrite(tmp_path / relative, padding=50 * 1024 * 1024)  # 50 MB of spaces, ~50 kB compressed
    with pytest.raises(StudentReturnTypeError, match="expands too much"):
        returned_model.load_returned_model(tmp_path, relative, "f")


@pytest.mark.parametrize(
    ("layers", "refused"),
    [
        ([keras.layers.RepeatVector(20_000), keras.layers.SimpleRNN(2)], "recurrent time steps"),
        ([keras.layers.Dense(4_000), keras.layers.RepeatVector(2_000)], "values per sample"),
        ([keras.layers.RepeatVector(1_000), keras.layers.Dense(1_000), keras.layers.Dense(1_000)], "operations per"),
    ],
    ids=["slow-rnn", "huge-activation", "many-operations"],
)
def test_a_model_too_costly_to_run_is_refused(tmp_path, layers, refused):
    model = keras.Sequential([keras.Input((5,)), *layers])
    relative = _save(model, tmp_path)
    with pytest.raises(StudentReturnTypeError, match=refused):
        returned_model.load_returned_model(tmp_path, relative, "f")


@pytest.mark.parametrize(("levels", "refused"), [(150, "nested more than 100"), (100_000, "cannot be read")])
def test_a_nested_config_is_refused_without_recursion_error(tmp_path, levels, refused):
    relative = _save(_dense(), tmp_path)
    with zipfile.ZipFile(tmp_path / relative) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    deep = b'{"a": ' * levels + b"1" + b"}" * levels
    members["config.json"] = members["config.json"][:-1] + b', "extra": ' + deep + b"}"
    with zipfile.ZipFile(tmp_path / relative, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with pytest.raises(StudentReturnTypeError, match=refused):
        returned_model.load_returned_model(tmp_path, relative, "f")


def test_checking_costs_milliseconds(tmp_path):
    relative = _save(_dense(), tmp_path)
    returned_model.load_returned_model(tmp_path, relative, "f")
    started = time.perf_counter()
    for _ in range(5):
        config = returned_model.check_archive(returned_model.read_returned_file(tmp_path, relative, "f"), "f")
        returned_model.check_declared_cost(config, "f")
    assert (time.perf_counter() - started) / 5 < 0.2


def test_an_archive_with_a_huge_directory_is_refused_before_zipfile_reads_it(tmp_path):
    (tmp_path / "returns").mkdir()
    path = tmp_path / "returns" / "1.keras"
    with zipfile.ZipFile(path, "w") as archive:
        for number in range(2_000):
            archive.writestr(f"{number}.txt", b"")
    with pytest.raises(StudentReturnTypeError, match="2000 members"):
        returned_model.load_returned_model(tmp_path, "returns/1.keras", "f")
