"""Lets `pytest` in this folder run the public tests on your imbalance.py. Generated."""

import importlib
import sys
from pathlib import Path

import pytest

HERE = str(Path(__file__).resolve().parent)
KIT = str(Path(__file__).resolve().parent.parent.parent)  # holds datasets/
if KIT not in sys.path:
    sys.path.append(KIT)


@pytest.fixture
def student():
    """Your module, imported fresh for each test."""
    sys.path.insert(0, HERE)
    try:
        sys.modules.pop("imbalance", None)
        return importlib.import_module("imbalance")
    finally:
        sys.path.remove(HERE)
