"""The command line. The only module that prints or chooses exit codes.

    python -m grader grade SUBMISSIONS [--exercise ID ...] [--out DIR] [-j N] [--force]
    python -m grader validate [ID ...] [-j N] [--quick]
    python -m grader build [ID ...]
    python -m grader doctor
    python -m grader export nbgrader DIR
    python -m grader export students FILE.zip
    python -m grader export grades --format canvas|moodle FILE.csv [--out DIR] [--mapping CSV]
    python -m grader collect DOWNLOAD --exercise ID --to SUBMISSIONS
    python -m grader export gradescope ID FILE.zip [--hidden-visibility V]   (or --all DIR)
    python -m grader gradescope ROOT --exercise ID [--hidden-visibility V]   (run_autograder runs this)
    python -m grader similarity SUBMISSIONS [--exercise ID ...] [--out DIR]

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
    from grader.spawn import choose_isolation
    from grader.store import Store

    isolation = choose_isolation(args.isolation, required=True)
    _say(isolation)
    if Path(args.submissions).is_dir():  # else grade says what is wrong, and nothing is created
        store = Store(Path(args.out) / "results.sqlite")
        store.record_run(isolation)  # shown on the dashboard
        store.close()
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
    for line in summary.left_out:
        _say(f"note: {line}")
    if summary.unmatched:
        _say(f"Not graded ({len(summary.unmatched)} entries of {args.submissions} match no exercise or file):")
        for line in summary.unmatched:
            _say(f"  {line}")
    if summary.gradebook is None:
        print(
            f"error: nothing in {args.submissions} matches the exercises graded ({', '.join(summary.exercises)}); "
            "expected SUBMISSIONS/<student>/<exercise_id>/<file>, see the list above",
            file=sys.stderr,
        )
        return 1
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
    from grader.spawn import choose_isolation
    from grader.validate import validate_exercises

    _say(choose_isolation(args.isolation, required=False))
    exercises = select_exercises(args.ids)
    reports = validate_exercises(exercises, workers=args.jobs or default_workers(), report=_say, quick=args.quick)
    failed = [r.exercise.id for r in reports if not r.ok]
    if failed:
        print(f"error: validation failed for {', '.join(failed)}", file=sys.stderr)
        return 1
    _say(f"All {len(reports)} exercises valid.")
    return 0


def _build(args: argparse.Namespace) -> int:
    from grader.authoring.build import write_generated
    from grader.exercise import select_exercises
    from grader.paths import kit_relative

    exercises = select_exercises(args.ids)
    changed = write_generated(exercises, with_index=not args.ids)
    for path in changed:
        _say(f"wrote {kit_relative(path)}")
    _say(f"exercises/ is up to date ({len(exercises)} exercises, {len(changed)} files changed).")
    return 0


def _doctor(args: argparse.Namespace) -> int:
    from grader.doctor import diagnose
    from grader.settings import settings_table

    for label, value in diagnose():
        _say(f"{label:<11} {value}")
    _say("")
    _say("settings (grader/settings.py; per-exercise time and memory: [limits] in exercise.toml)")
    rows = settings_table()
    width = max(len(name) for name, _, _ in rows)
    for name, value, governs in rows:
        _say(f"  {name:<{width}}  {value:>13}  {governs}")
    return 0


def _export_gradescope(args: argparse.Namespace) -> int:
    from grader.exercise import select_exercises
    from grader.exports.gradescope_package import write_gradescope_package, write_gradescope_packages

    if args.all:
        if args.target is not None:
            args.usage.error("with --all, give one folder: export gradescope --all DIR")
        packages = write_gradescope_packages(Path(args.first), select_exercises(None), args.hidden_visibility)
    else:
        if args.target is None:
            args.usage.error("give an exercise and a zip file: export gradescope ID FILE.zip (or --all DIR)")
        (exercise,) = select_exercises([args.first])
        packages = [write_gradescope_package(Path(args.target), exercise, args.hidden_visibility)]
    for package in packages:
        _say(f"Wrote {package.path} ({package.files} files, {package.size / 1e6:.2f} MB).")
    _say("Upload it as the assignment's autograder (Configure Autograder > Zip file upload).")
    return 0


def _gradescope(args: argparse.Namespace) -> int:
    import tempfile
    import time

    from grader.exercise import select_exercises
    from grader.exports.gradescope_runtime import STUDENT, failure_data, results_data, stage_submission, write_results
    from grader.pipeline import grade
    from grader.sandbox import sandbox_problem
    from grader.spawn import choose_isolation

    root = Path(args.root)
    (exercise,) = select_exercises([args.exercise])
    try:
        # The strongest isolation this container allows: the sandbox where bubblewrap works, else a process.
        forced = os.environ.get("GRADER_ISOLATION") == "process"
        problem = sandbox_problem()
        isolation = choose_isolation("process" if forced or problem else "sandbox", required=False)
        if forced or problem:
            isolation += f" (no sandbox: {'GRADER_ISOLATION=process is set' if forced else problem})"
        _say(isolation)
        with tempfile.TemporaryDirectory(prefix="gradescope-") as scratch:
            started = time.monotonic()
            staged = stage_submission(root / "submission", exercise, Path(scratch) / "submissions")
            grade(staged, [exercise.id], Path(scratch) / "out", workers=1)
            run_json = Path(scratch) / "out" / "gradescope" / f"{STUDENT}.json"
            data = results_data(run_json, args.hidden_visibility, isolation, time.monotonic() - started)
    except BaseException as exc:
        write_results(root, failure_data(str(exc) if isinstance(exc, GraderError) else type(exc).__name__))
        raise
    path = write_results(root, data)
    _say(f"{exercise.id}: {data['score']:g} points. Wrote {path}.")
    return 0


def _similarity(args: argparse.Namespace) -> int:
    from grader.exercise import select_exercises
    from grader.similarity import write_similarity

    written = write_similarity(Path(args.submissions), select_exercises(args.exercise), Path(args.out))
    _say(f"Compared {written.students} students in {written.pairs} pairs; most similar first:")
    for row in written.top[:5]:
        _say(f"  {row.exercise}  {row.student_a} / {row.student_b}  {row.score:.2f}")
    _say(f"Wrote {written.csv} and {written.html}")
    return 0


def _export_grades(args: argparse.Namespace) -> int:
    from grader.collect import read_mapping
    from grader.exercise import gradable_exercises
    from grader.exports.lms_grades import write_lms_grades

    headers = {}
    for item in args.column or []:
        exercise_id, equals, header = item.partition("=")
        if not equals or not header:
            args.usage.error(f"--column expects ID=HEADER. Received: {item!r}")
        headers[exercise_id] = header
    exercises, _ = gradable_exercises(args.exercise)
    if args.mapping and not Path(args.mapping).is_file():
        raise GraderError(f"{args.mapping} does not exist; pass the _lms_mapping.csv that collect wrote")
    mapping = read_mapping(Path(args.mapping)) if args.mapping else []
    written = write_lms_grades(
        Path(args.target), args.format, Path(args.out), exercises, mapping, headers, only_graded=not args.exercise
    )
    _say(f"Wrote {written.path}: {written.students} students, columns {', '.join(written.columns)}.")
    if written.unmapped:
        _say(f"note: {written.unmapped} students are not in the mapping; they are identified by their folder name")
    return 0


def _collect(args: argparse.Namespace) -> int:
    from grader.collect import collect
    from grader.exercise import select_exercises

    (exercise,) = select_exercises([args.exercise])
    summary = collect(Path(args.download), exercise, Path(args.to))
    for line in summary.skipped:
        _say(f"skipped: {line}")
    _say(
        f"Collected {summary.files} files of {summary.students} students ({summary.lms}) "
        f"into {args.to}/<student>/{exercise.id}/."
    )
    _say(f"Mapping to the LMS ids: {summary.mapping}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from grader.exercise import select_exercises

    if args.kind == "gradescope":
        return _export_gradescope(args)
    if args.kind == "grades":
        return _export_grades(args)
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


def _visibility_option(parser: argparse.ArgumentParser) -> None:
    from grader.exports.gradescope_runtime import VISIBILITIES

    parser.add_argument(
        "--hidden-visibility",
        choices=VISIBILITIES,
        default="after_published",
        help="when students see the hidden tests' results on Gradescope (default: after_published)",
    )


def _isolation_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--isolation",
        choices=("sandbox", "process"),
        default="sandbox",
        help="sandbox (default): bubblewrap, and grade stops where it cannot be created; "
        "process: no file-system or network sandbox, on purpose (recorded in the results)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m grader", description="Grade the course's Keras exercises.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    grade = commands.add_parser(
        "grade",
        help="grade a folder of submissions",
        description=(
            "Grade SUBMISSIONS/<student>/<exercise_id>/ (or an nbgrader submitted/ folder). "
            "Results go to DIR/results.sqlite and DIR/gradebook.csv. Entries that match no exercise are "
            "listed after the run; with nothing matched, no gradebook is written and the exit code is 1. "
            "Exercises marked draft = true are graded only when named with --exercise."
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
    _isolation_option(grade)
    grade.set_defaults(run=_grade)

    validate = commands.add_parser(
        "validate",
        help="check every exercise's solution, stub, mutants and files",
        description="Check that each reference solution scores full points, each stub 0, "
        "each mutant loses points, and exercises/ is up to date.",
    )
    validate.add_argument("ids", nargs="*", metavar="ID", help="exercise ids (default: all)")
    validate.add_argument("-j", "--jobs", type=_positive, metavar="N", help="gradings at once (default: cores)")
    validate.add_argument(
        "--quick",
        action="store_true",
        help="stop each mutant at its first lost point (faster; the feedback audit then sees only that message)",
    )
    _isolation_option(validate)
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
        help="an nbgrader course, the students' zip, or Gradescope autograders",
        description="Export the exercises as an nbgrader course, as a bundle for students, "
        "or as Gradescope autograder packages.",
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
    gradescope = kinds.add_parser(
        "gradescope",
        help="a Gradescope autograder zip per exercise",
        description="Write a Gradescope autograder package (setup.sh, run_autograder, the grader, datasets/ "
        "and solutions/ID/ with its hidden tests) for one exercise, or with --all one DIR/ID.zip per exercise.",
    )
    gradescope.add_argument("first", metavar="ID", help="the exercise (with --all: the folder DIR to write)")
    gradescope.add_argument("target", nargs="?", metavar="FILE.zip", help="the zip to write")
    gradescope.add_argument("--all", action="store_true", help="every exercise: export gradescope --all DIR")
    _visibility_option(gradescope)
    gradescope.set_defaults(usage=gradescope)
    grades = kinds.add_parser(
        "grades",
        help="a grade CSV for Canvas or Moodle, from the results of grade",
        description="Write FILE.csv in the layout Canvas (Student,ID,SIS User ID,SIS Login ID,Section,...) or "
        "Moodle (Identifier,Full name,...) imports, one grade column per exercise, from DIR/results.sqlite.",
    )
    grades.add_argument("target", metavar="FILE.csv", help="the CSV file to write")
    grades.add_argument("--format", required=True, choices=("canvas", "moodle"), help="the LMS")
    grades.add_argument(
        "--out", default="grading-results", metavar="DIR", help="the results folder of grade (default: grading-results)"
    )
    grades.add_argument("--mapping", metavar="CSV", help="the _lms_mapping.csv written by collect")
    grades.add_argument("--exercise", action="append", metavar="ID", help="only this exercise (repeatable)")
    grades.add_argument(
        "--column", action="append", metavar="ID=HEADER", help="the header of an exercise's column (repeatable)"
    )
    grades.set_defaults(usage=grades)
    export.set_defaults(run=_export)

    collect = commands.add_parser(
        "collect",
        help="turn a Canvas or Moodle download into SUBMISSIONS/<student>/<exercise_id>/",
        description="Copy each student's files of a Canvas or Moodle download (a folder or .zip) into "
        "SUBMISSIONS/<student>/ID/ and write SUBMISSIONS/_lms_mapping.csv (student folder -> LMS ids).",
    )
    collect.add_argument("download", metavar="DOWNLOAD", help="the folder or .zip the LMS gave you")
    collect.add_argument("--exercise", required=True, metavar="ID", help="the exercise these submissions are for")
    collect.add_argument("--to", required=True, metavar="SUBMISSIONS", help="the submissions folder to fill")
    collect.set_defaults(run=_collect)

    harness = commands.add_parser(
        "gradescope",
        help="grade ROOT/submission/ into ROOT/results/results.json (what run_autograder runs)",
        description="Inside a Gradescope autograder: grade the file in ROOT/submission/ and write "
        "ROOT/results/results.json. ROOT is $AUTOGRADER_ROOT (default /autograder).",
    )
    harness.add_argument("root", metavar="ROOT", help="the autograder root (holds submission/ and results/)")
    harness.add_argument("--exercise", required=True, metavar="ID", help="the exercise this autograder grades")
    _visibility_option(harness)
    harness.set_defaults(run=_gradescope)

    similarity = commands.add_parser(
        "similarity",
        help="rank pairs of students by code similarity",
        description="Compare the students' solutions per exercise (the stub's own code and comments do not count) "
        "and write DIR/similarity.csv and DIR/similarity.html, most similar pairs first.",
    )
    similarity.add_argument("submissions", metavar="SUBMISSIONS", help="folder with one folder per student")
    similarity.add_argument("--exercise", action="append", metavar="ID", help="only this exercise (repeatable)")
    similarity.add_argument(
        "--out", default="grading-results", metavar="DIR", help="output folder (default: grading-results)"
    )
    similarity.set_defaults(run=_similarity)
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
