"""Solution markers: the stub keeps signatures and docstrings and loses the solution."""

import pytest

from grader.authoring.markers import make_stub, remove_markers
from grader.errors import BuildError

SOLUTION = '''import numpy as np


def neuron(x, w, b):
    """One neuron."""
    ### BEGIN SOLUTION
    total = np.dot(w, x)
    return float(total + b)
    ### END SOLUTION


def twice(v):
    if v:
        ### BEGIN SOLUTION
        return 2 * v
        ### END SOLUTION
    return 0
'''


def test_stub_replaces_each_block_at_its_indentation():
    stub = make_stub(SOLUTION, "x.py")
    assert "np.dot" not in stub and "2 * v" not in stub
    assert '    """One neuron."""\n    # YOUR CODE HERE\n    raise NotImplementedError()\n' in stub
    assert "        # YOUR CODE HERE\n        raise NotImplementedError()\n    return 0" in stub
    assert "BEGIN SOLUTION" not in stub


def test_remove_markers_keeps_the_code():
    source = remove_markers(SOLUTION)
    assert "### " not in source
    namespace: dict = {}
    exec(compile(source, "x.py", "exec"), namespace)
    assert namespace["twice"](3) == 6


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("### BEGIN SOLUTION\nx = 1\n### END SOLUTION\n", "inside a function body"),
        ("def f():\n    ### BEGIN SOLUTION\n    return 1\n", "never closed"),
        ("def f():\n    ### END SOLUTION\n", "without"),
        ("def f():\n    ### BEGIN SOLUTION\n    ### BEGIN SOLUTION\n    ### END SOLUTION\n", "inside another"),
        ("def f():\n    return 1\n", "no ### BEGIN SOLUTION"),
    ],
)
def test_bad_markers_are_one_line_build_errors(source, problem):
    with pytest.raises(BuildError, match=problem) as info:
        make_stub(source, "bad.py")
    assert "\n" not in str(info.value)
