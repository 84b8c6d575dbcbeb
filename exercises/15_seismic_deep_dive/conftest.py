"""Lets `pytest` in this folder run the public tests on your deep_dive.py. Generated."""

import importlib
import os
import sys
from pathlib import Path

import pytest

for _key, _value in {"TF_CPP_MIN_LOG_LEVEL": "3", "TF_ENABLE_ONEDNN_OPTS": "0"}.items():
    os.environ.setdefault(_key, _value)  # before TensorFlow is imported: no start-up lines

HERE = str(Path(__file__).resolve().parent)
KIT = str(Path(__file__).resolve().parent.parent.parent)  # holds datasets/
if sys.path[:1] != [KIT]:
    sys.path.insert(0, KIT)  # the kit's datasets/ before any other package of that name
_other = sys.modules.get("datasets")
if _other is not None and not str(getattr(_other, "__file__", "")).startswith(KIT):
    for _name in [n for n in sys.modules if n == "datasets" or n.startswith("datasets.")]:
        del sys.modules[_name]


@pytest.fixture
def student():
    """Your module, imported fresh for each test."""
    sys.path.insert(0, HERE)
    try:
        sys.modules.pop("deep_dive", None)
        return importlib.import_module("deep_dive")
    finally:
        sys.path.remove(HERE)
