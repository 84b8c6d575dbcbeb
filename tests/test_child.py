"""The child script: imports nothing of the grader, refuses non-plain return values."""

import json
import os
import subprocess
import sys
import textwrap

import pytest

from grader.paths import CHILD_SCRIPT

TOY = textwrap.dedent("""
    import numpy as np

    class AlwaysEqual:
        def __eq__(self, other):
            return True

    class Sneaky(np.ndarray):
        pass

    def always_equal():
        return AlwaysEqual()

    def generator():
        yield 1

    def subclass():
        return np.zeros(3).view(Sneaky)

    def object_array():
        return np.array([1, "a", None], dtype=object)

    def blob():
        import pickle
        return pickle.dumps([1, 2])

    def fine(x):
        return {"sum": float(np.sum(x)), "shape": x.shape}

    def loaded_modules():
        import sys
        return sorted(m for m in sys.modules if m.startswith("grader"))

    def boom():
        raise SystemExit(3)
""")


def _ask(tmp_path, requests):
    (tmp_path / "toy.py").write_text(TOY)
    request_read, request_write = os.pipe()
    response_read, response_write = os.pipe()
    process = subprocess.Popen(
        [sys.executable, "-I", str(CHILD_SCRIPT), str(request_read), str(response_write), "{}"],
        cwd=tmp_path,
        pass_fds=(request_read, response_write),
        stdout=subprocess.DEVNULL,
    )
    os.close(request_read)
    os.close(response_write)
    with os.fdopen(request_write, "w") as out:
        for request in [{"op": "load", "path": "toy.py", "module": "toy"}, *requests]:
            out.write(json.dumps(request) + "\n")
    with os.fdopen(response_read) as answers:
        lines = [json.loads(line) for line in answers]
    process.wait(timeout=60)
    assert lines[0] == {"ok": True}
    return lines[1:]


def _call(name, *args):
    from grader import wire

    return {"op": "call", "name": name, "args": wire.encode(list(args)), "kwargs": {"$dict": []}}


@pytest.mark.parametrize(
    ("name", "type_name"),
    [
        ("always_equal", "toy.AlwaysEqual"),
        ("generator", "builtins.generator"),
        ("subclass", "toy.Sneaky"),
        ("object_array", "numpy.ndarray"),
        ("blob", "builtins.bytes"),
    ],
)
def test_non_plain_values_come_back_as_unsupported(tmp_path, name, type_name):
    (answer,) = _ask(tmp_path, [_call(name)])
    assert answer["ok"] and answer["value"]["$unsupported"] == type_name


def test_plain_values_and_errors(tmp_path):
    import numpy as np

    fine, modules, boom, missing = _ask(
        tmp_path, [_call("fine", np.ones((2, 3))), _call("loaded_modules"), _call("boom"), _call("nope")]
    )
    assert fine["value"] == {"$dict": [["sum", 6.0], ["shape", {"$tuple": [2, 3]}]]}
    assert modules["value"] == [], "the child must not import the grader"
    assert boom["error"]["kind"] == "student" and boom["error"]["type"] == "SystemExit"
    assert missing["error"]["kind"] == "missing" and "does not define nope" in missing["error"]["message"]


def test_child_imports_only_the_standard_library():
    source = CHILD_SCRIPT.read_text()
    imports = [line.split()[1].split(".")[0] for line in source.splitlines() if line.startswith(("import ", "from "))]
    assert set(imports) <= {
        "__future__",
        "base64",
        "importlib",
        "io",
        "json",
        "math",
        "os",
        "random",
        "sys",
        "traceback",
    }
