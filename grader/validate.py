"""``python -m grader validate``: every exercise's contract, checked.

For each exercise: the generated files are up to date; the hidden tests and
``[points]`` agree; the reference solution scores full points and passes its
public tests; the generated stub scores 0; every mutant loses points; every correct
alternative solution (``alternatives/*.py``) scores full points; the rule table
(``RULES.md``) has a row with hidden tests for every rule marker ``[Rn]`` of the task
text and names every hidden test; no feedback on the stub or a mutant shows grader
internals or a hidden fact (``[feedback] hidden_facts``).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from grader.authoring.build import stale_files
from grader.authoring.kept_state import kept_state_problems
from grader.authoring.markers import make_stub, remove_markers
from grader.errors import BuildError
from grader.executor import Done, Job, run_jobs
from grader.exercise import Exercise, hidden_test_names, points_problems
from grader.feedback_audit import hidden_facts_in, internals_in
from grader.gradebook import format_points
from grader.judge import run_tests, student_session
from grader.outcomes import Outcome, TestResult
from grader.paths import kit_relative
from grader.proxy import StudentProxy
from grader.scoring import NO_RESULT

__all__ = [
    "Check",
    "ExerciseReport",
    "validate_exercises",
    "reference_source",
    "mutant_source",
    "alternatives",
    "rule_table_problems",
    "rule_markers",
    "hidden_test_names",
    "defined_names",
]

Reporter = Callable[[str], None]


@dataclass
class Check:
    name: str
    ok: bool
    detail: str = ""


@dataclass
class ExerciseReport:
    exercise: Exercise
    checks: list[Check] = field(default_factory=list)
    suite_seconds: float = 0.0  # grading the reference solution, student process start included
    tests_seconds: float = 0.0  # the hidden tests alone

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)


def reference_source(exercise: Exercise) -> str:
    return remove_markers(exercise.solution_file.read_text(encoding="utf-8"), str(exercise.solution_file))


def stub_source(exercise: Exercise) -> str:
    return make_stub(exercise.solution_file.read_text(encoding="utf-8"), str(exercise.solution_file))


# A mutant's line naming the hidden tests that catch it ("# caught by: test_a, test_b"); validate --quick
# runs them first, and every hidden test must be named by some mutant's line.
CAUGHT_BY_PREFIX = "# caught by:"


def mutant_source(exercise: Exercise, mutant_text: str) -> str:
    """The reference solution with the mutant's definitions appended (later definitions win).

    The mutant's ``# caught by:`` line is for ``validate``, not part of the wrong answer.
    """
    body = "".join(line for line in mutant_text.splitlines(keepends=True) if not line.startswith(CAUGHT_BY_PREFIX))
    return reference_source(exercise) + "\n\n# ---- mutant ----\n" + body


def alternatives(exercise: Exercise) -> list[Path]:
    """Correct solutions written differently from the reference (``alternatives/*.py``): each must score full points."""
    return sorted((exercise.folder / "alternatives").glob("*.py"))


def _score(results: list[TestResult]) -> tuple[float, float]:
    return sum(r.points for r in results), sum(r.max_points for r in results)


def _text(results: list[TestResult]) -> str:
    got, maximum = _score(results)
    return f"{format_points(got)}/{format_points(maximum)}"


def _failures(results: list[TestResult]) -> str:
    return "; ".join(f"{r.test}: {r.outcome.value}: {r.message}" for r in results if r.points < r.max_points)[:1500]


def defined_names(source: str) -> set[str]:
    """Names a module defines at its top level: functions, classes, assignments, imports."""
    names: set[str] = set()
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


def _names_check(exercise: Exercise) -> Check:
    """Every name in ``names`` is defined by the reference solution and by the stub."""
    problems = []
    for label, make in (("reference solution", reference_source), ("stub", stub_source)):
        try:
            missing = [n for n in exercise.names if n not in defined_names(make(exercise))]
        except SyntaxError as exc:
            problems.append(f"the {label} does not parse ({exc.msg}, line {exc.lineno})")
            continue
        except BuildError as exc:
            problems.append(str(exc))
            continue
        if missing:
            problems.append(f"the {label} does not define {', '.join(missing)}")
    return Check(
        f"names ({len(exercise.names)}) defined by the reference solution and the stub",
        not problems,
        "; ".join(problems) + "; fix names in exercise.toml or the solution",
    )


RULE_TABLE = "RULES.md"  # | rule | quoted from README.md | hidden test(s) |, one row per marked rule
_TEST_NAME = re.compile(r"`(test_\w+?)(\*?)`")
_MARKER = re.compile(r"\[(R\d+)\]")
_RULE_ID = re.compile(r"R\d+")
_CODE_BLOCK = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]*`")


RULES_SENTENCE = "Each rule marked [R1], [R2], … is checked by hidden tests."  # tells students; no marker


def rule_markers(task_text: str) -> list[str]:
    """The rule markers (``[R1]``, ``[R2]``, …) of a task text, in order, outside code."""
    prose = _INLINE_CODE.sub("", _CODE_BLOCK.sub("", task_text.replace(RULES_SENTENCE, "")))
    return _MARKER.findall(prose)


def _table_rows(text: str) -> list[list[str]]:
    """The body rows of the Markdown tables in ``text``, as cells (``\\|`` stays inside a cell)."""
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("|") or set(line) <= set("|-: "):
            continue
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip("|"))]
        if cells and not cells[0].lower().startswith("rule"):  # the header
            rows.append(cells)
    return rows


def _names_in(cell: str, tests: set[str]) -> tuple[set[str], set[str]]:
    """(hidden tests a cell names, names in it that match no hidden test); ``test_x*`` is a prefix."""
    covered, unknown = set(), set()
    for name, star in _TEST_NAME.findall(cell):
        matched = {t for t in tests if (t.startswith(name) if star else t == name)}
        covered |= matched
        if not matched:
            unknown.add(name + star)
    return covered, unknown


def rule_table_problems(exercise: Exercise) -> list[str]:
    """What is wrong between the task text's rule markers and ``solutions/<id>/RULES.md``.

    Every rule the task text states carries a marker ``[Rn]``; RULES.md has one row per
    marker (first cell ``Rn``) naming the hidden tests that check it, plus note rows (first
    cell ``-``). A marker without a row or without a test, a row without a marker, a test
    the table does not name and a name that is no hidden test are all problems.
    """
    path = exercise.folder / RULE_TABLE
    if not path.is_file():
        return [f"{RULE_TABLE} is missing: write one row per rule marker [Rn] of README.md and its hidden tests"]
    markers = rule_markers(exercise.task_file.read_text(encoding="utf-8"))
    tests = hidden_test_names(exercise)
    problems = []
    if not markers:
        problems.append("README.md marks no rule: put [R1], [R2], … after each rule the task text states")
    twice = sorted({m for m in markers if markers.count(m) > 1})
    if twice:
        problems.append(f"README.md marks {', '.join(twice)} more than once")
    covered: set[str] = set()
    unknown: set[str] = set()
    rule_tests: dict[str, set[str]] = {}
    no_id = []
    for cells in _table_rows(path.read_text(encoding="utf-8")):
        rule = cells[0]
        if rule != "-" and not _RULE_ID.fullmatch(rule):
            no_id.append(rule[:30])
            continue
        named, bad = _names_in(" ".join(cells[1:]), tests)
        covered |= named
        unknown |= bad
        if rule != "-":
            rule_tests.setdefault(rule, set()).update(named)
    if no_id:
        problems.append(
            f"{len(no_id)} rows of {RULE_TABLE} do not start with a rule id (R1, R2, …) or -, e.g. {no_id[0]!r}"
        )
    if unknown:
        problems.append(f"{RULE_TABLE} names tests that do not exist: {', '.join(sorted(unknown))}")
    if tests - covered:
        problems.append(f"hidden tests missing from {RULE_TABLE}: {', '.join(sorted(tests - covered))}")
    no_row = [m for m in dict.fromkeys(markers) if m not in rule_tests]
    if no_row:
        problems.append(f"rules marked in README.md with no row in {RULE_TABLE}: {', '.join(no_row)}")
    untested = [m for m in dict.fromkeys(markers) if m in rule_tests and not rule_tests[m]]
    if untested:
        problems.append(f"rules with no hidden test: {', '.join(untested)} (write a test, name it in {RULE_TABLE})")
    unmarked = sorted(set(rule_tests) - set(markers), key=lambda r: int(r[1:]))
    if unmarked:
        problems.append(f"{RULE_TABLE} rows with no marker in README.md: {', '.join(unmarked)}")
    return problems


def _static_checks(exercise: Exercise) -> list[Check]:
    checks = []
    stale = stale_files(exercise)
    checks.append(
        Check(
            "generated files up to date",
            not stale,
            "run `python -m grader build`: " + ", ".join(kit_relative(p) for p in stale),
        )
    )
    names = hidden_test_names(exercise)
    problems = points_problems(exercise)
    checks.append(Check(f"{len(names)} hidden tests, all with points", not problems, "; ".join(problems)))
    checks.append(_names_check(exercise))
    problems = rule_table_problems(exercise)
    checks.append(
        Check(
            f"rule markers: every [Rn] in README.md has hidden tests in {RULE_TABLE}", not problems, "; ".join(problems)
        )
    )
    problems = kept_state_problems(exercise.hidden_files)
    checks.append(
        Check(
            "hidden tests keep nothing between submissions but @once_per_judge values",
            not problems,
            "; ".join(problems),
        )
    )
    mutants = exercise.mutants
    checks.append(
        Check(f"{len(mutants)} mutants (at least 3)", len(mutants) >= 3, "add realistic wrong answers to mutants/")
    )
    return checks


def _public_tests(exercise: Exercise) -> Check:
    with student_session(exercise, reference_source(exercise)) as session:
        plugin = run_tests([exercise.public_tests], StudentProxy(session))
    cases = list(plugin.cases.values())
    bad = [f"{c.function}: {c.outcome.value}: {c.message}" for c in cases if c.outcome is not Outcome.PASSED]
    bad += plugin.collection_errors
    return Check(f"public tests pass on the reference solution ({len(cases)})", bool(cases) and not bad, "; ".join(bad))


def _judged_checks(exercise: Exercise, done: dict[str, Done]) -> list[Check]:
    checks = []
    reference = done["reference"].results
    got, maximum = _score(reference)
    checks.append(Check(f"reference solution scores {_text(reference)}", got == maximum, _failures(reference)))
    stub = done["stub"].results
    stub_points, _ = _score(stub)
    passed = ", ".join(r.test for r in stub if r.points > 0)
    checks.append(Check(f"stub scores {_text(stub)}", stub_points == 0, f"tests passing on the stub: {passed}"))
    leaks = internals_in(stub)
    revealed = hidden_facts_in(stub, exercise.hidden_facts)
    caught: set[str] = set()
    for mutant in exercise.mutants:
        results = done[f"mutant:{mutant.stem}"].results
        leaks += [f"mutant {mutant.stem}: {leak}" for leak in internals_in(results)]
        revealed += [f"mutant {mutant.stem}: {fact}" for fact in hidden_facts_in(results, exercise.hidden_facts)]
        lost = [r.test for r in results if r.points < r.max_points and r.message != NO_RESULT]
        caught |= set(lost)
        declared = declared_catchers(mutant.read_text(encoding="utf-8"))
        stale = [name for name in declared if name not in lost]
        checks.append(
            Check(
                f"mutant {mutant.stem} scores {_text(results)}" + (f" (caught by {', '.join(lost)})" if lost else ""),
                bool(lost) and not stale,
                f"its line '{CAUGHT_BY_PREFIX} {', '.join(declared)}' names {', '.join(stale)}, which did not "
                f"catch it; write '{CAUGHT_BY_PREFIX} {', '.join(lost)}' or a part of it"
                if lost and stale
                else "no hidden test catches it",
            )
        )
    uncaught = sorted(hidden_test_names(exercise) - caught)
    checks.append(
        Check(
            "every hidden test catches a mutant",
            not uncaught,
            f"no mutant lost points on {', '.join(uncaught)}: add a realistic wrong answer each of them catches, "
            f"or name it in the '{CAUGHT_BY_PREFIX}' line of a mutant it catches (validate --quick runs only "
            "the named tests for sure)",
        )
    )
    for alternative in alternatives(exercise):
        results = done[f"alternative:{alternative.stem}"].results
        got, maximum = _score(results)
        checks.append(
            Check(
                f"alternative solution {alternative.stem} scores {_text(results)}",
                got == maximum,
                _failures(results) + " (a correct solution lost points: loosen the hidden test unless it breaks a "
                "rule stated in the task text)",
            )
        )
    checks.append(
        Check(
            "feedback on the stub and the mutants shows no grader internals",
            not leaks,
            "; ".join(leaks)[:1500] + " (write the message for the student: grader.testing.fail, expect_*)",
        )
    )
    checks.append(
        Check(
            f"feedback reveals none of the {len(exercise.hidden_facts)} hidden facts of exercise.toml",
            not revealed,
            "; ".join(revealed)[:1500] + " (describe the mistake, not the hidden data)",
        )
    )
    return checks


def declared_catchers(mutant_text: str) -> tuple[str, ...]:
    """The hidden tests a mutant's ``# caught by: test_a, test_b`` line names (none without one)."""
    for line in mutant_text.splitlines():
        if line.startswith(CAUGHT_BY_PREFIX):
            return tuple(name.strip() for name in line[len(CAUGHT_BY_PREFIX) :].split(",") if name.strip())
    return ()


def _quick_order(reference: list[TestResult], declared: tuple[str, ...]) -> tuple[str, ...]:
    """The hidden tests in the order a quick mutant run tries them: its declared catchers, then the cheapest."""
    return declared + tuple(name for name in _cheapest_first(reference) if name not in declared)


def _cheapest_first(results: list[TestResult]) -> tuple[str, ...]:
    """Hidden test functions ordered by their time on ``results`` (all cases of one function together)."""
    seconds: dict[str, float] = {}
    for result in results:
        seconds[result.test] = seconds.get(result.test, 0.0) + result.seconds
    return tuple(sorted(seconds, key=seconds.__getitem__))


def _seconds_by_kind(finished: Iterable[Done]) -> str:
    """'mutants 41.2 s (17), alternatives 6.0 s (2), ...': where an exercise's validation time went."""
    seconds: dict[str, float] = {}
    counts: dict[str, int] = {}
    for item in finished:
        kind = item.job.key[1].split(":")[0]
        seconds[kind] = seconds.get(kind, 0.0) + item.seconds
        counts[kind] = counts.get(kind, 0) + 1
    order = sorted(seconds, key=seconds.get, reverse=True)
    return ", ".join(f"{kind}s {seconds[kind]:.1f} s ({counts[kind]})" for kind in order)


def validate_exercises(
    exercises: list[Exercise], workers: int = 1, report: Reporter = lambda line: None, quick: bool = False
) -> list[ExerciseReport]:
    """Check every exercise; ``report`` gets one line per check as results come in.

    ``quick``: each mutant runs the tests its ``# caught by:`` line names, then the hidden tests
    that were cheapest on the reference, and stops at its first lost point once the named ones
    have run. That proves the mutant loses points, and the named tests' messages are audited;
    the messages of the tests after the stop are not. A mutant is graded once its exercise's
    reference is. A named test that does not catch its mutant fails, and so does a hidden test
    that no mutant's line names (quick) or no mutant loses points on (full): together the lines
    make every hidden test give its failure message to the audit.
    """
    reports = {exercise.id: ExerciseReport(exercise, _static_checks(exercise)) for exercise in exercises}
    jobs = []
    for exercise in exercises:
        jobs.append(Job((exercise.id, "reference"), exercise.id, reference_source(exercise)))
        jobs.append(Job((exercise.id, "stub"), exercise.id, stub_source(exercise)))
        for alternative in alternatives(exercise):
            source = alternative.read_text(encoding="utf-8")
            jobs.append(Job((exercise.id, f"alternative:{alternative.stem}"), exercise.id, source))
    by_id = {exercise.id: exercise for exercise in exercises}

    def mutant_jobs(finished: Done) -> list[Job]:
        """Once an exercise's reference is graded, its mutants; quick: the cheapest hidden tests first."""
        exercise_id, label = finished.job.key
        if label != "reference":
            return []
        exercise = by_id[exercise_id]
        jobs = []
        for mutant in exercise.mutants:
            text = mutant.read_text(encoding="utf-8")
            catchers = declared_catchers(text) if quick else ()
            order = _quick_order(finished.results, catchers) if quick else ()
            key = (exercise.id, f"mutant:{mutant.stem}")
            source = mutant_source(exercise, text)
            jobs.append(Job(key, exercise.id, source, first_loss_ends=quick, run_first=order, catchers=catchers))
        return jobs

    done: dict[str, dict[str, Done]] = {exercise.id: {} for exercise in exercises}
    for finished in run_jobs(jobs, workers, follow_up=mutant_jobs):
        exercise_id, label = finished.job.key
        done[exercise_id][label] = finished
    for exercise in exercises:
        item = reports[exercise.id]
        item.checks.append(_public_tests(exercise))
        item.checks.extend(_judged_checks(exercise, done[exercise.id]))
        reference = done[exercise.id]["reference"]
        item.suite_seconds = reference.seconds
        item.tests_seconds = sum(r.seconds for r in reference.results)
        report(f"{exercise.id}  {exercise.title}" + ("  (draft: graded only when named)" if exercise.draft else ""))
        for check in item.checks:
            report(f"  {'ok  ' if check.ok else 'FAIL'} {check.name}" + ("" if check.ok else f": {check.detail}"))
        report(
            f"  time: reference solution graded in {item.suite_seconds:.1f} s "
            f"(hidden tests {item.tests_seconds:.1f} s, the rest starting the student's process)"
        )
        report(f"  validate's gradings: {_seconds_by_kind(done[exercise.id].values())}")
    return list(reports.values())
