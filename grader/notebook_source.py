"""A notebook submission as Python source, run cell by cell the way Jupyter and nbgrader run it.

``notebook_cells`` reads the code cells (minus the public-test cell; IPython magics
and shell escapes commented out, so line numbers stay the cell's own).
``notebook_module`` turns them into the module the student process imports: the
cells travel as data, and a small runner compiles each one on its own with the file
name ``<cell N>`` (N counts every cell from the top, text cells included) and runs it
in the module's namespace. A cell that raises does not stop the cells after it; it
becomes a note such as ``cell 7, line 3: ZeroDivisionError: division by zero``,
which the judge reads back by calling ``__grader_notes__()``. When a name the
exercise requires (``names`` in exercise.toml) is still undefined after the last
cell, the first failure is raised again and the notebook could not be loaded, with
its traceback pointing at the cell and line.

The notebook is read as JSON with the standard library (no nbformat import at
start-up); a notebook nested too deeply, with odd metadata (``"tags": null``) or a
non-text source becomes a ``NotebookError`` with one line, never a crash.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

__all__ = [
    "Cell",
    "NotebookError",
    "notebook_cells",
    "notebook_module",
    "notebook_name",
    "notebook_to_source",
    "PUBLIC_TESTS_TAG",
]

PUBLIC_TESTS_TAG = "public-tests"  # the cell grader.authoring.notebook generates to run the public tests
NOTES_FUNCTION = "__grader_notes__"  # what the judge calls after loading a notebook module
MAX_NOTES = 20
NOTEBOOK_MODULE_MARK = "# Made by the grader from "  # how a notebook module starts


class NotebookError(ValueError):
    """The file is not a readable notebook; the message says why in one line."""


@dataclass(frozen=True)
class Cell:
    number: int  # 1-based position in the notebook, every cell counted
    source: str


def _code_line(line: str) -> str:
    stripped = line.lstrip()
    if stripped.startswith(("%", "!")):  # IPython magics and shell escapes are not Python
        return line[: len(line) - len(stripped)] + "# " + stripped
    if stripped.startswith("get_ipython()"):
        return f"{line[: len(line) - len(stripped)]}pass  # {stripped}"
    return line


def _tags(cell: dict) -> list:
    metadata = cell.get("metadata")
    tags = metadata.get("tags") if isinstance(metadata, dict) else None
    return tags if isinstance(tags, list) else []


def _source(cell: dict, number: int, name: str) -> str:
    source = cell.get("source", "")
    if isinstance(source, list) and all(isinstance(part, str) for part in source):
        source = "".join(source)
    if not isinstance(source, str):
        raise NotebookError(f"{name} is not a notebook: cell {number} has no text source")
    return "\n".join(_code_line(line) for line in source.splitlines()) + "\n"


def notebook_cells(text: str, name: str) -> list[Cell]:
    """The code cells of notebook ``text`` that grading runs, in order."""
    try:
        notebook = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NotebookError(
            f"{name} is not a notebook: invalid JSON at line {exc.lineno}, column {exc.colno}; "
            "open it in Jupyter and save it again"
        ) from None
    except RecursionError:
        raise NotebookError(f"{name} is not a notebook: its JSON is nested too deeply") from None
    if not isinstance(notebook, dict):
        raise NotebookError(f"{name} is not a notebook: expected a JSON object")
    version = notebook.get("nbformat")
    cells = notebook.get("cells")
    if isinstance(version, int) and not isinstance(version, bool) and version < 4:
        raise NotebookError(f"{name} is an old notebook (format {version}); open it in Jupyter and save it again")
    if not isinstance(cells, list):
        raise NotebookError(f"{name} is not a notebook: it has no cells")
    found = []
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        if PUBLIC_TESTS_TAG in _tags(cell):
            continue
        found.append(Cell(number, _source(cell, number, name)))
    return found


def notebook_to_source(text: str, name: str) -> str:
    """The code cells of notebook ``text`` joined into one plain module (for reading, not grading)."""
    return "\n\n".join(cell.source for cell in notebook_cells(text, name))


_RUNNER = """
def __grader_run(cells, required):
    import linecache
    import os

    here = os.path.dirname(os.path.abspath(__file__))
    namespace = globals()
    failures = []
    for number, source in cells:
        filename = os.path.join(here, "<cell %d>" % number)
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        try:
            exec(compile(source, filename, "exec"), namespace)
        except (Exception, SystemExit) as exc:
            line = exc.lineno if isinstance(exc, SyntaxError) else None
            tb = exc.__traceback__
            while tb is not None:
                if tb.tb_frame.f_code.co_filename == filename:
                    line = tb.tb_lineno
                tb = tb.tb_next
            try:
                text = (exc.msg if isinstance(exc, SyntaxError) else str(exc))[:300]
            except Exception:
                text = "<unprintable exception>"
            where = "cell %d" % number + (", line %d" % line if line else "")
            failures.append((where, text, exc))
    if failures and [name for name in required if name not in namespace]:
        where, text, exc = failures[0]
        try:
            replacement = type(exc)("%s: %s" % (where, text))
        except Exception:
            raise exc from None
        raise replacement.with_traceback(exc.__traceback__) from None
    return ["%s: %s: %s" % (where, type(exc).__name__, text) for where, text, exc in failures][:MAX_NOTES]


__grader_found = __grader_run(__grader_cells, __grader_required)


def __grader_notes__():
    \"\"\"Cells that raised while the notebook ran (the cells after them still ran).\"\"\"
    return list(__grader_found)


del __grader_run, __grader_cells, __grader_required, __grader_runner
""".replace("MAX_NOTES", str(MAX_NOTES))
RUNNER_FILE = "/<grader: notebook runner>"  # outside the working folder: the child trims its frames


def notebook_name(module: str) -> str | None:
    """The notebook a module made by ``notebook_module`` came from, or None for any other source."""
    if not module.startswith(NOTEBOOK_MODULE_MARK):
        return None
    first = module.partition("\n")[0][len(NOTEBOOK_MODULE_MARK) :]
    return first.partition(": each code cell runs")[0] or None


def notebook_module(text: str, name: str, required: tuple[str, ...] = ()) -> str:
    """The module the student process imports for notebook ``text``: its cells as data and a runner."""
    cells = [(cell.number, cell.source) for cell in notebook_cells(text, name)]
    return (
        f"{NOTEBOOK_MODULE_MARK}{json.dumps(name)[1:-1]}: each code cell runs on its own, as in Jupyter.\n"
        f"__grader_cells = {cells!r}\n"
        f"__grader_required = {tuple(required)!r}\n"
        f"__grader_runner = {_RUNNER!r}\n"
        f"exec(compile(__grader_runner, {RUNNER_FILE!r}, 'exec'))\n"
    )
