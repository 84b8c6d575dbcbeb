"""One home for the grader's tunables: grader/settings.py defines each once, and every one is used."""

from __future__ import annotations

import re

from grader.paths import KIT_ROOT
from grader.settings import ENVIRONMENT, SETTINGS, settings_table

GRADER = KIT_ROOT / "grader"


def _modules() -> dict[str, str]:
    return {
        str(path.relative_to(GRADER)): path.read_text(encoding="utf-8")
        for path in GRADER.rglob("*.py")
        if path.name != "settings.py"
    }


def test_every_setting_is_described_and_used():
    modules = _modules()
    for setting in SETTINGS:
        assert setting.governs, f"{setting.name}: say what it governs in a comment beside it"
        users = [name for name, text in modules.items() if re.search(rf"\b{setting.name}\b", text)]
        assert users, f"{setting.name} is used nowhere: remove it"


def test_no_module_defines_a_setting_of_its_own():
    pattern = re.compile(rf"^(?:{'|'.join(s.name for s in SETTINGS)}) = ", re.MULTILINE)
    owners = [name for name, text in _modules().items() if pattern.search(text)]
    assert not owners, f"these modules define a setting themselves; import it from grader.settings: {owners}"


def test_every_environment_variable_the_grader_reads_is_listed():
    read = set()
    for text in _modules().values():
        read.update(re.findall(r"environ(?:\.get)?\(?\[?\"(GRADER_[A-Z_]+)\"", text))
    listed = {variable.name for variable in ENVIRONMENT}
    assert read <= listed, f"list these in grader.settings.ENVIRONMENT: {sorted(read - listed)}"
    assert {"GRADER_ISOLATION", "GRADER_SOLUTIONS"} <= read, "the scan for environment variables finds nothing"


def test_the_table_doctor_prints_has_every_row():
    rows = settings_table()
    assert len(rows) == len(SETTINGS) + len(ENVIRONMENT)
    assert ("SCHEDULER_TIMEOUT", "30s", "how long `grade --scheduler` tries to reach a Dask scheduler") in rows
