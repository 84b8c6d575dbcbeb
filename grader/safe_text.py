"""Student text made safe for the records: valid UTF-8 for the store, formula-free cells for CSV files.

``storable``: a lone surrogate (from a student's exception message, or a folder or
file name that is not UTF-8, which Python reads with ``surrogateescape``) cannot be
encoded as UTF-8; it becomes a visible ``\\udcff`` escape instead of failing a write.

``csv_cell`` (OWASP "CSV injection"): a cell whose text starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return can be run as a formula by Excel,
LibreOffice or Google Sheets; it is prefixed with a single quote, which the
spreadsheet shows as text. The csv module already quotes commas and quotes.
"""

from __future__ import annotations

__all__ = ["storable", "csv_cell", "FORMULA_STARTS"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def storable(text: str) -> str:
    """``text`` as valid UTF-8: each lone surrogate becomes a backslash escape such as ``\\udcff``."""
    if text.isascii():
        return text
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def csv_cell(text: str) -> str:
    """``text`` safe for a spreadsheet: prefixed with ``'`` when it starts with a formula character."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_value(cell: str) -> str:
    """The text ``csv_cell`` wrote, for CSV files the grader reads back (e.g. collect's mapping)."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell
