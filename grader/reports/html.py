"""The Jinja2 environment for the report pages: autoescaped, strict, templates in ``templates/``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from grader.gradebook import format_points
from grader.outcomes import Outcome

__all__ = ["render", "outcome_class", "percent"]

TEMPLATES = Path(__file__).with_name("templates")


def outcome_class(outcome: Outcome | str) -> str:
    """The CSS class of an outcome badge: ``passed``, ``failed``, ``error``, ``not-loaded``..."""
    return Outcome(outcome).name.lower().replace("_", "-")


def percent(part: float, whole: float) -> float:
    return 100.0 * part / whole if whole else 0.0


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,  # messages, tracebacks and names come from student code and folders
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["points"] = format_points
    environment.filters["outcome_class"] = outcome_class
    environment.filters["seconds"] = lambda value: f"{value:.1f} s" if value < 120 else f"{value / 60:.1f} min"
    environment.globals["percent"] = percent
    return environment


def render(template: str, **context: object) -> str:
    """The named template filled with ``context``; every value is HTML-escaped unless marked safe."""
    return _environment().get_template(template).render(**context)
