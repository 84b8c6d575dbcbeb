"""Every field of every dataclass in the grader is read somewhere: no dead fields.

A field counts as read when ``.name`` (or ``name=`` as a keyword) appears in the grader's
code or in its report templates (Jinja reads ``item.name``) outside its own definition.
"""

from __future__ import annotations

import ast
import re

from grader.paths import KIT_ROOT

GRADER = KIT_ROOT / "grader"


def _fields(source: str) -> list[tuple[str, str]]:
    """(class, field) of every dataclass defined in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef) and any("dataclass" in ast.unparse(d) for d in node.decorator_list):
            for item in node.body:
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    found.append((node.name, item.target.id))
    return found


def _unread(fields: list[tuple[str, str]], text: str) -> list[str]:
    return [f"{cls}.{name}" for cls, name in fields if not re.search(rf"\.{name}\b|\b{name}=", text)]


def test_every_dataclass_field_is_read():
    sources = [p.read_text(encoding="utf-8") for p in sorted(GRADER.rglob("*.py"))]
    fields = [field for source in sources for field in _fields(source)]
    text = "\n".join(sources + [p.read_text(encoding="utf-8") for p in GRADER.rglob("*.j2")])
    assert len(fields) > 50, "the scan found too few fields: is the walk broken?"
    assert _unread(fields, text) == [], "fields nothing reads: remove them"


def test_the_scan_finds_a_field_nothing_reads():
    source = "from dataclasses import dataclass\n@dataclass\nclass A:\n    used: int\n    forgotten_xyz: int\n"
    assert _unread(_fields(source), source + "print(A(1, 2).used)\n") == ["A.forgotten_xyz"]
