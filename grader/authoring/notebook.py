"""A Jupyter notebook of one exercise: task text, stub cells, a public-test cell."""

from __future__ import annotations

import ast

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from grader.notebook_source import PUBLIC_TESTS_TAG  # the reader skips the cell this tag marks

__all__ = ["PUBLIC_TESTS_TAG", "make_notebook", "split_cells"]

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


def make_notebook(title: str, task_text: str, stub: str, public_tests: str) -> str:
    """The notebook as text (nbformat 4, deterministic cell ids)."""
    notebook = new_notebook()
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    cells = [new_markdown_cell(task_text.strip())]
    cells += [new_code_cell(code) for code in split_cells(stub)]
    cells.append(
        new_markdown_cell(
            "## Check your work\n\nRun the cell below after the cells above. It runs the public "
            "tests against your functions. Passing them is a good sign, not a guarantee: "
            "the grader checks more cases."
        )
    )
    test_cell = new_code_cell(public_tests.strip() + "\n\n\n" + RUN_PUBLIC_TESTS)
    test_cell.metadata["tags"] = [PUBLIC_TESTS_TAG]
    test_cell.metadata["editable"] = False
    cells.append(test_cell)
    for number, cell in enumerate(cells):
        cell.id = f"{title_slug(title)}-{number:02d}"
    notebook.cells = cells
    nbformat.validate(notebook)
    return nbformat.writes(notebook) + "\n"


def title_slug(title: str) -> str:
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower())
    return "-".join(part for part in slug.split("-") if part)[:40] or "cell"
