"""Solution markers: cutting the solution out of a reference file, or just the markers.

A solution block sits inside a function body::

    def neuron(x, w, b):
        \"\"\"docstring kept\"\"\"
        ### BEGIN SOLUTION
        return float(np.dot(w, x) + b)
        ### END SOLUTION

The stub keeps everything but the block, which becomes ``# YOUR CODE HERE`` and
``raise NotImplementedError()`` at the block's indentation.
"""

from __future__ import annotations

from grader.errors import BuildError

__all__ = ["BEGIN", "END", "make_stub", "remove_markers"]

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"


def _blocks(source: str, where: str) -> list[tuple[int, int, str]]:
    """(first line, last line, indentation) of each solution block, 0-based."""
    blocks = []
    start = None
    indent = ""
    for number, line in enumerate(source.splitlines()):
        text = line.strip()
        if text == BEGIN:
            if start is not None:
                raise BuildError(where, f"line {number + 1}: a solution block opens inside another one")
            indent = line[: len(line) - len(line.lstrip())]
            if not indent:
                raise BuildError(where, f"line {number + 1}: solution blocks must sit inside a function body")
            start = number
        elif text == END:
            if start is None:
                raise BuildError(where, f"line {number + 1}: {END} without {BEGIN}")
            blocks.append((start, number, indent))
            start = None
    if start is not None:
        raise BuildError(where, f"line {start + 1}: {BEGIN} is never closed")
    return blocks


def make_stub(source: str, where: str) -> str:
    """The student's starting file: every solution block replaced by a placeholder."""
    blocks = _blocks(source, where)
    if not blocks:
        raise BuildError(where, f"no {BEGIN} blocks: nothing for the student to write")
    lines = source.splitlines()
    out: list[str] = []
    position = 0
    for first, last, indent in blocks:
        out.extend(lines[position:first])
        out.append(f"{indent}# YOUR CODE HERE")
        out.append(f"{indent}raise NotImplementedError()")
        position = last + 1
    out.extend(lines[position:])
    stub = "\n".join(out) + "\n"
    try:
        compile(stub, where, "exec")
    except SyntaxError as exc:
        raise BuildError(where, f"the generated stub is not valid Python ({exc.msg}, line {exc.lineno})") from None
    return stub


def remove_markers(source: str, where: str = "<solution>") -> str:
    """The reference solution as it runs: the marker lines dropped, the code kept."""
    _blocks(source, where)
    kept = [line for line in source.splitlines() if line.strip() not in (BEGIN, END)]
    return "\n".join(kept) + "\n"
