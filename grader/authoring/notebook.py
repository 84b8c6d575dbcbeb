"""A Jupyter notebook of one exercise: task text, set-up, data, public tests, stub cells with checks."""

from __future__ import annotations

import ast

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from grader.authoring.notebook_cells import CHECKER, SETUP, checks_by_function
from grader.notebook_source import PUBLIC_TESTS_TAG  # the reader skips the cells this tag marks

__all__ = ["PUBLIC_TESTS_TAG", "RUN_PUBLIC_TESTS", "make_notebook", "split_cells", "split_data_section"]

RUN_PUBLIC_TESTS = """
# Runs every test_* function above against the code in this notebook
# (only in the notebook itself, not when a copy saved as .py is imported).
if __name__ == "__main__":
    import sys as _sys

    _student = _sys.modules["__main__"]
    _failed = 0
    for _name, _test in sorted(dict(globals()).items()):
        if _name.startswith("test_") and callable(_test):
            try:
                _test(_student)
                print(f"ok      {_name}")
            except Exception as _exc:
                _failed += 1
                print(f"FAILED  {_name}: {type(_exc).__name__}: {_exc}")
    print("All public tests passed." if not _failed else f"{_failed} public test(s) failed.")
""".strip()


def split_cells(source: str) -> list[str]:
    """Cut a module into cells: the header (imports), then one per top-level def or class."""
    tree = ast.parse(source)
    lines = source.splitlines()
    starts = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            first = min([node.lineno] + [d.lineno for d in node.decorator_list]) - 1
            while first > 0 and lines[first - 1].lstrip().startswith("#"):
                first -= 1  # keep comments that introduce the definition
            starts.append(first)
    bounds = [0, *starts, len(lines)]
    cells = ["\n".join(lines[a:b]).strip("\n") for a, b in zip(bounds, bounds[1:], strict=False)]
    return [cell for cell in cells if cell.strip()]


DATA_HEADING = "## Look at the data"


def split_data_section(task_text: str) -> tuple[str, str, str]:
    """The task text without its "Look at the data" section, that section's prose, and its code.

    The section is the heading ``## Look at the data`` up to the next ``## `` heading; its
    first fenced ``python`` block becomes a code cell. No section gives ``(task_text, "", "")``.
    """
    lines = task_text.strip("\n").splitlines()
    starts = [i for i, line in enumerate(lines) if line.strip() == DATA_HEADING]
    if not starts:
        return task_text.strip(), "", ""
    start = starts[0]
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    section = lines[start:end]
    try:
        opening = next(i for i, line in enumerate(section) if line.strip() == "```python")
        closing = next(i for i in range(opening + 1, len(section)) if section[i].strip() == "```")
    except StopIteration:
        return task_text.strip(), "", ""
    before, after = "\n".join(section[1:opening]).strip(), "\n".join(section[closing + 1 :]).strip()
    prose = "\n\n".join(part for part in (before, after) if part)
    code = "\n".join(section[opening + 1 : closing]).strip()
    rest = "\n".join(lines[:start] + lines[end:]).strip()
    return rest, prose, code


def _tagged(code: str, *tags: str, editable: bool = True) -> nbformat.NotebookNode:
    """A generated code cell that a submission leaves out (see ``grader.notebook_source``)."""
    cell = new_code_cell(code)
    cell.metadata["tags"] = [PUBLIC_TESTS_TAG, *tags]
    if not editable:
        cell.metadata["editable"] = False
    return cell


def _function_name(cell_source: str) -> str | None:
    for node in ast.parse(cell_source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return node.name
    return None


def make_notebook(title: str, task_text: str, stub: str, public_tests: str) -> str:
    """The notebook as text (nbformat 4, deterministic cell ids).

    Cells: the task text; a set-up cell; the data (where the task text has a
    "Look at the data" section); the public tests with ``check(...)``; each cell of
    the stub followed by a cell that checks that function; a last cell that runs
    every public test. Only the stub's cells are read back from a submission.
    """
    notebook = new_notebook()
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    task, data_prose, data_code = split_data_section(task_text)
    cells = [new_markdown_cell(task), _tagged(SETUP, "setup")]
    if data_code:
        cells += [new_markdown_cell(DATA_HEADING + "\n\n" + data_prose), _tagged(data_code, "data")]
    cells.append(
        new_markdown_cell(
            "## The public tests\n\nRun the cell below once. It defines the public tests and `check(...)`, "
            "which the check cells after each function use: each prints what a test expected and what "
            "your function returned. Passing them is a good sign, not a guarantee: the grader checks more cases."
        )
    )
    cells.append(_tagged(public_tests.strip() + "\n" + CHECKER.rstrip(), editable=False))
    stub_cells = split_cells(stub)
    functions = [name for name in map(_function_name, stub_cells) if name]
    checks = checks_by_function(public_tests, functions)
    for code in stub_cells:
        cells.append(new_code_cell(code))
        tests = checks.get(_function_name(code) or "", [])
        if tests:
            cells.append(_tagged(f"check({', '.join(tests)})", "check", editable=False))
    cells.append(
        new_markdown_cell(
            "## Check your work\n\nRun the cell below after the cells above. It runs every public "
            "test against your functions."
        )
    )
    cells.append(_tagged("check()", "check", editable=False))
    for number, cell in enumerate(cells):
        cell.id = f"{title_slug(title)}-{number:02d}"
    notebook.cells = cells
    nbformat.validate(notebook)
    return nbformat.writes(notebook) + "\n"


def title_slug(title: str) -> str:
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower())
    return "-".join(part for part in slug.split("-") if part)[:40] or "cell"
