"""The results store: one commit per graded submission, or one for a batch, all or nothing."""

from __future__ import annotations

import pytest

from grader import outcomes
from grader.outcomes import Outcome
from grader.store import Store


def _result(test: str = "test_a") -> list[outcomes.TestResult]:
    return [outcomes.TestResult(test, Outcome.PASSED, 1.0, 1.0, "", "", 0.1)]


def test_saves_in_a_transaction_are_kept_together(tmp_path):
    store = Store(tmp_path / "results.sqlite")
    with store.transaction():
        for student in ("ann", "ben", "cy"):
            store.save(student, "01_x", _result(), "source", "suite", "x.py")
        other = Store(tmp_path / "results.sqlite")  # another connection sees nothing before the commit
        assert other.digests("ann", "01_x") is None
        other.close()
    assert all(store.digests(s, "01_x") == ("source", "suite") for s in ("ann", "ben", "cy"))
    store.close()


def test_an_interrupted_transaction_keeps_none_of_its_saves(tmp_path):
    store = Store(tmp_path / "results.sqlite")
    store.save("ann", "01_x", _result(), "old", "suite", "x.py")
    with pytest.raises(KeyboardInterrupt), store.transaction():
        store.save("ann", "01_x", _result(), "new", "suite", "x.py")
        store.save("ben", "01_x", _result(), "new", "suite", "x.py")
        raise KeyboardInterrupt
    assert store.digests("ann", "01_x") == ("old", "suite")
    assert store.digests("ben", "01_x") is None
    store.save("ben", "01_x", _result(), "later", "suite", "x.py")  # single saves commit again on their own
    other = Store(tmp_path / "results.sqlite")
    assert other.digests("ben", "01_x") == ("later", "suite")
    other.close()
    store.close()
