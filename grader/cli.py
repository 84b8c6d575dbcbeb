"""The command line. The only module that prints or chooses exit codes.

    python -m grader grade SUBMISSIONS [--exercise ID ...] [--out DIR] [-j N] [--force]
    python -m grader validate [ID ...] [-j N]
    python -m grader build [ID ...]
    python -m grader doctor
    python -m grader export nbgrader DIR
    python -m grader export students FILE.zip

Errors are one line on stderr and a non-zero exit code: 1 for a problem with
the input or the kit, 2 for a wrong command line.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from grader.errors import GraderError

__all__ = ["main"]


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer. Received: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer. Received: {value}")
    return value


def _say(line: str) -> None:
    print(line, flush=True)


def _grade(args: argparse.Namespace) -> int:
    from grader.pipeline import default_workers, grade
    from grader.progress import progress_reporter

    with progress_reporter() as report:
        summary = grade(
            Path(args.submissions),
            args.exercise,
            Path(args.out),
            workers=args.jobs or default_workers(),
            force=args.force,
            scheduler=args.scheduler,
            report=report,
        )
    _say(
        f"Graded {summary.graded} submissions ({summary.skipped} unchanged, not regraded) of "
        f"{len(summary.students)} students in {summary.seconds:.1f} s."
    )
    _say(f"Gradebook: {summary.gradebook}")
    _say(f"Reports: {summary.gradebook.parent / 'dashboard.html'} and {summary.gradebook.parent / 'feedback'}/")
    return 0


def _validate(args: argparse.Namespace) -> int:
    from grader.exercise import select_exercises
    from grader.pipeline import default_workers
    from grader.validate import validate_exercises

    exercises = select_exercises(args.ids)
    reports = validate_exercises(exercises, workers=args.jobs or default_workers(), report=_say)
    failed = [r.exercise.id for r in reports if not r.ok]
    if failed:
        print(f"error: validation failed for {', '.join(failed)}", file=sys.stderr)
        return 1
    _say(f"All {len(reports)} exercises valid.")
    return 0


def _build(args: argparse.Namespace) -> int:
    from grader.authoring.build import write_generated
    from grader.exercise import select_exercises
    from grader.paths import KIT_ROOT

    exercises = select_exercises(args.ids)
    changed = write_generated(exercises, with_index=not args.ids)
    for path in changed:
        _say(f"wrote {path.relative_to(KIT_ROOT)}")
    _say(f"exercises/ is up to date ({len(exercises)} exercises, {len(changed)} files changed).")
    return 0


def _doctor(args: argparse.Namespace) -> int:
    from grader.doctor import diagnose

    for label, value in diagnose():
        _say(f"{label:<11} {value}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from grader.exercise import select_exercises

    exercises = select_exercises(args.exercise)
    if args.kind == "nbgrader":
        from grader.exports.nbgrader import export_nbgrader_course

        written = export_nbgrader_course(Path(args.target), exercises)
        _say(f"Wrote an nbgrader course to {args.target} ({len(written)} files).")
        _say(f'Next: cd {args.target} && for id in $(ls source); do nbgrader generate_assignment "$id"; done')
    else:
        from grader.exports.student_bundle import write_student_bundle

        count = write_student_bundle(Path(args.target), exercises)
        _say(f"Wrote {args.target} ({count} files, nothing from solutions/).")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m grader", description="Grade the course's Keras exercises.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    grade = commands.add_parser(
        "grade",
        help="grade a folder of submissions",
        description=(
            "Grade SUBMISSIONS/<student>/<exercise_id>/ (or an nbgrader submitted/ folder). "
            "Results go to DIR/results.sqlite and DIR/gradebook.csv."
        ),
    )
    grade.add_argument("submissions", metavar="SUBMISSIONS", help="folder with one folder per student")
    grade.add_argument("--exercise", action="append", metavar="ID", help="grade only this exercise (repeatable)")
    grade.add_argument(
        "--out", default="grading-results", metavar="DIR", help="output folder (default: grading-results)"
    )
    grade.add_argument("-j", "--jobs", type=_positive, metavar="N", help="submissions graded at once (default: cores)")
    grade.add_argument("--force", action="store_true", help="regrade submissions even if unchanged")
    grade.add_argument(
        "--scheduler", metavar="ADDRESS", help="grade on a Dask cluster (e.g. tcp://host:8786) instead of local workers"
    )
    grade.set_defaults(run=_grade)

    validate = commands.add_parser(
        "validate",
        help="check every exercise's solution, stub, mutants and files",
        description="Check that each reference solution scores full points, each stub 0, "
        "each mutant loses points, and exercises/ is up to date.",
    )
    validate.add_argument("ids", nargs="*", metavar="ID", help="exercise ids (default: all)")
    validate.add_argument("-j", "--jobs", type=_positive, metavar="N", help="gradings at once (default: cores)")
    validate.set_defaults(run=_validate)

    build = commands.add_parser(
        "build",
        help="regenerate exercises/ from solutions/",
        description="Write the student stubs, notebooks and public tests into exercises/.",
    )
    build.add_argument("ids", nargs="*", metavar="ID", help="exercise ids (default: all)")
    build.set_defaults(run=_build)

    doctor = commands.add_parser(
        "doctor",
        help="versions, GPU and isolation mode",
        description="Show Python, TensorFlow and Keras versions, the GPU and the isolation mode.",
    )
    doctor.set_defaults(run=_doctor)

    export = commands.add_parser(
        "export",
        help="an nbgrader course, or the students' zip",
        description="Export the exercises as an nbgrader course or as a bundle for students.",
    )
    kinds = export.add_subparsers(dest="kind", required=True, metavar="KIND")
    nbgrader = kinds.add_parser(
        "nbgrader",
        help="an nbgrader course folder",
        description="Write nbgrader_config.py and source/<assignment>/<exercise>.ipynb to DIR.",
    )
    nbgrader.add_argument("target", metavar="DIR", help="the course folder to write")
    students = kinds.add_parser(
        "students",
        help="a zip for students",
        description="Write exercises/, datasets/ and a README for students; no solutions.",
    )
    students.add_argument("target", metavar="FILE.zip", help="the zip file to write")
    for sub in (nbgrader, students):
        sub.add_argument("--exercise", action="append", metavar="ID", help="only this exercise (repeatable)")
    export.set_defaults(run=_export)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except GraderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted; run the same command again to grade what is missing", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug in the grader: one line, unless debugging
        if os.environ.get("GRADER_DEBUG"):
            raise
        print(
            f"error: internal error: {type(exc).__name__}: {exc} (set GRADER_DEBUG=1 for a traceback)", file=sys.stderr
        )
        return 70
