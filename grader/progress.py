"""Progress of a grading run for the terminal: a bar on a TTY, plain lines elsewhere (CI, logs)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from grader.pipeline import Progress, Reporter
from grader.safe_text import storable

__all__ = ["progress_reporter"]


@contextmanager
def progress_reporter(stream: TextIO | None = None) -> Iterator[Reporter]:
    """A ``Reporter`` for ``grade``: rich's bar (done/total, rate, time left) when ``stream`` is a terminal.

    ``stream`` defaults to ``sys.stdout`` as it is when called (not when this module was imported).

    Lines hold student folder names: they are printed literally (no rich markup, no
    highlighting) and as valid UTF-8 (a name that is not UTF-8 shows its escapes).
    """
    stream = stream if stream is not None else sys.stdout
    if not stream.isatty():

        def plain(progress: Progress) -> None:
            print(storable(progress.line), file=stream, flush=True)

        yield plain
        return

    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.progress import (
        Progress as Bar,
    )

    console = Console(file=stream)
    columns = (
        TextColumn("grading"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
    )
    with Bar(*columns, console=console, transient=False) as bar:
        task = None

        def fancy(progress: Progress) -> None:
            nonlocal task
            if task is None:
                task = bar.add_task("grading", total=progress.total, rate="")
            elapsed = bar.tasks[task].elapsed or 0.0
            rate = f"{60 * progress.done / elapsed:.1f}/min" if elapsed > 0 else ""
            bar.update(task, completed=progress.done, rate=rate)
            bar.console.print(storable(progress.line), markup=False, highlight=False, emoji=False)

        yield fancy
