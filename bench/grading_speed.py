"""How fast the grader grades Keras submissions, and how much memory it needs.

    python bench/grading_speed.py [--students 40] [--exercise 01_neuron] [--imports 6] [--jobs 1,2] [--skip-cold]

Prints, in one run on this machine: the isolation line grade prints, submissions a
minute at each -j with the warm zygote (timed in a run without the memory sampler), the
same with cold starts (GRADER_ZYGOTE=0), N bare ``python -c "import tensorflow"`` run two
at a time, the zygote's rate at -j 2 over the bare rate, and the peak memory
(proportional, whole process tree, and per grading worker, from a second run with the
sampler). Every grading run is a real ``python -m grader grade`` with the full
sandbox, from a fresh output folder. Run it as the account to measure: as a normal user,
e.g. ``su USER -c '.venv/bin/python bench/grading_speed.py --jobs 2 --skip-cold'``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grader.exercise import load_exercises  # noqa: E402
from grader.validate import mutant_source, reference_source, stub_source  # noqa: E402


def make_class(folder: Path, exercise_ids: list[str], students: int) -> int:
    """``students`` submissions per exercise: reference, stub and mutants in turn."""
    exercises = load_exercises()
    count = 0
    for exercise_id in exercise_ids:
        exercise = exercises[exercise_id]
        sources = [reference_source(exercise), stub_source(exercise)]
        sources += [mutant_source(exercise, m.read_text()) for m in exercise.mutants]
        for number in range(students):
            target = folder / f"s{number:03d}" / exercise_id
            target.mkdir(parents=True, exist_ok=True)
            (target / exercise.student_file).write_text(sources[number % len(sources)])
            count += 1
    return count


class PeakMemory:
    """Samples the memory of a process tree every 0.3 s.

    Proportional set size (PSS): pages shared between the zygote and its children
    (TensorFlow, copied on write) count once, split among the processes sharing them.
    """

    def __init__(self, pid: int) -> None:
        self.root = psutil.Process(pid)
        self.total = 0
        self.per_worker = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _rss(self, process: psutil.Process) -> int:
        try:
            return process.memory_full_info().pss
        except psutil.Error:
            return 0

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._sample()
            except psutil.Error:  # a process ended while being read
                pass
            self._stop.wait(0.3)

    def _sample(self) -> None:
        tree = [self.root, *self.root.children(recursive=True)]
        self.total = max(self.total, sum(self._rss(p) for p in tree))
        for child in self.root.children():  # a worker: the judge, its zygote and the student process
            family = [child, *child.children(recursive=True)]
            self.per_worker = max(self.per_worker, sum(self._rss(p) for p in family))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def grade(
    submissions: Path, exercise_ids: list[str], jobs: int, zygote: bool, sample_memory: bool
) -> tuple[float, PeakMemory | None]:
    """Seconds for one ``grade`` run, and its peak memory when ``sample_memory``.

    Sampling reads every process's memory map three times a second (tens of milliseconds each for
    a process with TensorFlow): on 2 cores that slows the run it measures, so the rate comes from a
    run without the sampler and the memory from another one.
    """
    out = Path(tempfile.mkdtemp(prefix="bench-out-"))
    env = {**os.environ, "GRADER_ZYGOTE": "1" if zygote else "0"}
    command = [sys.executable, "-m", "grader", "grade", str(submissions), "--out", str(out), "-j", str(jobs)]
    for exercise_id in exercise_ids:
        command += ["--exercise", exercise_id]
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    memory = PeakMemory(process.pid) if sample_memory else None
    _, errors = process.communicate()
    if memory is not None:
        memory.stop()
    seconds = time.monotonic() - started
    shutil.rmtree(out, ignore_errors=True)
    if process.returncode:
        raise SystemExit(f"grading failed: {errors.decode()[-500:]}")
    return seconds, memory


def bare_imports(count: int, at_once: int = 2) -> float:
    """Seconds for ``count`` bare ``import tensorflow`` processes, ``at_once`` at a time."""
    started = time.monotonic()
    left = count
    while left > 0:
        batch = [
            subprocess.Popen(
                [sys.executable, "-c", "import tensorflow"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            for _ in range(min(at_once, left))
        ]
        if any(process.wait() for process in batch):
            raise SystemExit("python -c 'import tensorflow' failed")
        left -= len(batch)
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--exercise", action="append", help="default: 01_neuron")
    parser.add_argument("--imports", type=int, default=6)
    parser.add_argument("--jobs", default="1,2", help="comma-separated -j values (default: 1,2)")
    parser.add_argument("--skip-cold", action="store_true")
    args = parser.parse_args()
    jobs_list = [int(j) for j in args.jobs.split(",")]
    exercise_ids = args.exercise or ["01_neuron"]
    folder = Path(tempfile.mkdtemp(prefix="bench-class-"))
    count = make_class(folder, exercise_ids, args.students)
    memory = psutil.virtual_memory().total / 2**30
    print(f"machine: {os.cpu_count()} cores, {memory:.0f} GiB; python {sys.version.split()[0]}")
    print(f"workload: {count} submissions of {', '.join(exercise_ids)} (reference, stub and mutants in turn)")
    print(f"user: {os.getuid()} ({'root' if os.geteuid() == 0 else 'a normal user'})")
    from grader.spawn import isolation_line

    print(isolation_line())
    runs = [("zygote", j) for j in jobs_list] + ([] if args.skip_cold else [("cold", j) for j in jobs_list])
    rates = {}
    for mode, jobs in runs:
        seconds, _ = grade(folder, exercise_ids, jobs, zygote=(mode == "zygote"), sample_memory=False)
        _, memory = grade(folder, exercise_ids, jobs, zygote=(mode == "zygote"), sample_memory=True)
        assert memory is not None
        rates[mode, jobs] = 60 * count / seconds
        print(
            f"{mode:>6} -j {jobs}: {count} in {seconds:6.1f} s = {60 * count / seconds:6.1f} submissions/min; "
            f"peak memory (PSS) {memory.total / 2**20:5.0f} MiB in all, {memory.per_worker / 2**20:5.0f} MiB per worker"
        )
    seconds = bare_imports(args.imports)
    bare = 60 * args.imports / seconds
    print(f"bare: {args.imports} x python -c 'import tensorflow', two at a time, in {seconds:.1f} s = {bare:.1f}/min")
    if ("zygote", 2) in rates:
        print(f"zygote -j 2 over bare imports two at a time: {rates['zygote', 2] / bare:.1f}x")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
