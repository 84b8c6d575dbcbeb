"""A notebook submission as Python source: its code cells, minus the public-test cell."""

from __future__ import annotations

import json

import nbformat

__all__ = ["NotebookError", "notebook_to_source"]

PUBLIC_TESTS_TAG = "public-tests"  # the cell grader.authoring.notebook generates to run the public tests


class NotebookError(ValueError):
    """The file is not a readable notebook; the message says why in one line."""


def _code_line(line: str) -> str:
    stripped = line.lstrip()
    if stripped.startswith(("%", "!")):  # IPython magics and shell escapes are not Python
        return line[: len(line) - len(stripped)] + "# " + stripped
    return line


def notebook_to_source(text: str, name: str) -> str:
    """The code cells of notebook ``text`` joined into one module."""
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise NotebookError(
            f"{name} is not a notebook: invalid JSON at line {exc.lineno}, column {exc.colno}; "
            "open it in Jupyter and save it again"
        ) from None
    try:
        notebook = nbformat.reads(text, as_version=4)
    except Exception as exc:
        first = (str(exc).strip().splitlines() or ["unreadable"])[0][:200]
        raise NotebookError(f"{name} is not a notebook ({first})") from None
    cells = notebook.get("cells")
    if not isinstance(cells, list):
        raise NotebookError(f"{name} is not a notebook: it has no cells")
    chunks = []
    for cell in cells:
        if cell.get("cell_type") != "code":
            continue
        if PUBLIC_TESTS_TAG in cell.get("metadata", {}).get("tags", []):
            continue
        source = cell.get("source", "")
        if isinstance(source, list):
            source = "".join(source)
        chunks.append("\n".join(_code_line(line) for line in str(source).splitlines()))
    return "\n\n\n".join(chunks) + "\n"
