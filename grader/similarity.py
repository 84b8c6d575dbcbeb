"""``python -m grader similarity``: pairs of students whose solutions share unusually much code.

Winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003; the method of MOSS) over normalised token
streams, per exercise:

1. Python's ``tokenize`` turns a solution into tokens; comments, docstrings, blank lines and
   indentation tokens are dropped, every name becomes ``V`` (keywords and attribute names after a
   dot stay), every string ``S``. Renaming variables or rewriting comments changes nothing.
2. Each run of ``SIMILARITY_RUN_TOKENS`` tokens is hashed (BLAKE2b, so runs are reproducible); the smallest hash of
   every window of ``SIMILARITY_WINDOW`` consecutive hashes is a fingerprint.
3. Hashes found in the stub handed out (its code, signatures and docstrings) are ignored, and so
   is code that more than half of a class of four or more shares: what the task makes everyone write.
4. A pair's score is the mean of the two shares of fingerprints each has in common with the
   other (1.0: all of both); the CSV lists every pair, most similar first, and the page shows the
   top pairs side by side with the matching regions marked.

A high score is a reason to look, not proof: small tasks leave little room for variety.
"""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import keyword
import time
import tokenize
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from grader.authoring.markers import make_stub
from grader.exercise import Exercise
from grader.reports.files import write_text
from grader.reports.html import render
from grader.safe_text import csv_cell
from grader.settings import SIMILARITY_PAGE_PAIRS, SIMILARITY_RUN_TOKENS, SIMILARITY_WINDOW
from grader.submissions import find_submissions, read_submission

__all__ = ["Document", "Pair", "SimilarityRun", "document", "compare_class", "write_similarity"]

SKIPPED = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT}
SKIPPED |= {tokenize.ENCODING, tokenize.ENDMARKER}
STATEMENT_START = {tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, None}


@dataclass
class Document:
    """One solution: its text, its normalised tokens' spans, the hash of every run of tokens, its fingerprints."""

    student: str
    source: str
    spans: list[tuple[int, int]]  # (start, end) character offsets of each kept token
    hashes: list[int]  # hashes[i]: the run of tokens i .. i + SIMILARITY_RUN_TOKENS - 1
    fingerprints: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class Pair:
    exercise: str
    student_a: str
    student_b: str
    score: float
    shared: frozenset[int] = field(default=frozenset(), repr=False, compare=False)


@dataclass(frozen=True)
class SimilarityRun:
    students: int
    pairs: int
    top: list[Pair]
    csv: Path
    html: Path


def _raw_tokens(source: str) -> list[tokenize.TokenInfo]:
    found: list[tokenize.TokenInfo] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            found.append(token)
    except (tokenize.TokenError, SyntaxError):  # unfinished code: compare what could be read
        pass
    return found


def _normalised(source: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The kept tokens' normalised texts and their character spans in ``source``."""
    starts = list(itertools.accumulate((len(line) + 1 for line in source.split("\n")), initial=0))
    raw = [t for t in _raw_tokens(source) if t.type not in (tokenize.NL, tokenize.COMMENT)]
    texts: list[str] = []
    spans: list[tuple[int, int]] = []
    for index, token in enumerate(raw):
        if token.type in SKIPPED:
            continue
        before = raw[index - 1] if index else None
        after = raw[index + 1].type if index + 1 < len(raw) else tokenize.ENDMARKER
        if token.type == tokenize.STRING:
            if (before.type if before else None) in STATEMENT_START and after in (tokenize.NEWLINE, tokenize.ENDMARKER):
                continue  # a docstring or a bare string: prose, like a comment
            text = "S"
        elif token.type == tokenize.NAME:
            keep = keyword.iskeyword(token.string) or (before is not None and before.string == ".")
            text = token.string if keep else "V"
        else:
            text = token.string
        texts.append(text)
        spans.append((starts[token.start[0] - 1] + token.start[1], starts[token.end[0] - 1] + token.end[1]))
    return texts, spans


def _hash(run: list[str]) -> int:
    return int.from_bytes(hashlib.blake2b("\x1f".join(run).encode(), digest_size=8).digest(), "big")


def _winnow(hashes: list[int]) -> set[int]:
    """The smallest hash of every window of SIMILARITY_WINDOW consecutive hashes."""
    if len(hashes) <= SIMILARITY_WINDOW:
        return {min(hashes)} if hashes else set()
    return {min(hashes[start : start + SIMILARITY_WINDOW]) for start in range(len(hashes) - SIMILARITY_WINDOW + 1)}


def document(student: str, source: str) -> Document:
    """Tokens, run hashes and fingerprints of one solution."""
    texts, spans = _normalised(source)
    hashes = [_hash(texts[i : i + SIMILARITY_RUN_TOKENS]) for i in range(len(texts) - SIMILARITY_RUN_TOKENS + 1)]
    return Document(student, source, spans, hashes, _winnow(hashes))


def _score(a: Document, b: Document, shared: set[int]) -> float:
    if not a.fingerprints or not b.fingerprints:
        return 0.0
    return (len(shared) / len(a.fingerprints) + len(shared) / len(b.fingerprints)) / 2


def compare_class(exercise_id: str, stub: str, solutions: dict[str, str]) -> tuple[list[Pair], dict[str, Document]]:
    """Every pair of ``solutions`` (student → source), most similar first, and each student's document."""
    boilerplate = set(document("stub", stub).hashes)
    documents = {student: document(student, source) for student, source in sorted(solutions.items())}
    for doc in documents.values():
        doc.fingerprints -= boilerplate
    if len(documents) >= 4:
        counts = Counter(h for doc in documents.values() for h in doc.fingerprints)
        common = {h for h, count in counts.items() if count > len(documents) / 2}
        for doc in documents.values():
            doc.fingerprints -= common
    pairs = []
    for a, b in itertools.combinations(documents.values(), 2):
        shared = a.fingerprints & b.fingerprints
        pairs.append(Pair(exercise_id, a.student, b.student, _score(a, b, shared), frozenset(shared)))
    pairs.sort(key=lambda p: (-p.score, p.exercise, p.student_a, p.student_b))
    return pairs, documents


def _marked_lines(doc: Document, shared: frozenset[int]) -> list[list[tuple[str, bool]]]:
    """The source as lines of (text, matched) pieces: matched are the tokens of the runs both share."""
    marked = bytearray(len(doc.source))
    for index, value in enumerate(doc.hashes):
        if value in shared:
            for start, end in doc.spans[index : index + SIMILARITY_RUN_TOKENS]:
                marked[start:end] = b"\1" * (end - start)
    lines, offset = [], 0
    for line in doc.source.rstrip("\n").split("\n"):
        pieces, start = [], 0
        for flag, run in itertools.groupby(marked[offset : offset + len(line)]):
            length = len(list(run))
            pieces.append((line[start : start + length], bool(flag)))
            start += length
        lines.append(pieces)
        offset += len(line) + 1
    return lines


def _solutions(submissions: Path, exercise: Exercise) -> dict[str, str]:
    found = {}
    for submission in find_submissions(submissions, [exercise]):
        source = read_submission(submission)
        if source.text is not None:
            found[submission.student] = source.text
    return found


def write_similarity(submissions: Path, exercises: list[Exercise], out: Path) -> SimilarityRun:
    """Compare every exercise's solutions; write ``out/similarity.csv`` and ``out/similarity.html``."""
    all_pairs: list[Pair] = []
    documents: dict[tuple[str, str], Document] = {}
    students: set[str] = set()
    compared = []
    for exercise in exercises:
        solutions = _solutions(submissions, exercise)
        students |= set(solutions)
        if solutions:
            compared.append(exercise.id)
        stub = make_stub(exercise.solution_file.read_text(encoding="utf-8"), str(exercise.solution_file))
        pairs, docs = compare_class(exercise.id, stub, solutions)
        all_pairs += pairs
        documents.update({(exercise.id, student): doc for student, doc in docs.items()})
    all_pairs.sort(key=lambda p: (-p.score, p.exercise, p.student_a, p.student_b))
    table = io.StringIO()
    writer = csv.writer(table, lineterminator="\n")
    writer.writerow(["exercise", "student_a", "student_b", "score"])
    writer.writerows([p.exercise, csv_cell(p.student_a), csv_cell(p.student_b), f"{p.score:.3f}"] for p in all_pairs)
    csv_path = write_text(out / "similarity.csv", table.getvalue())
    shown = [
        {
            "pair": pair,
            "a": _marked_lines(documents[(pair.exercise, pair.student_a)], pair.shared),
            "b": _marked_lines(documents[(pair.exercise, pair.student_b)], pair.shared),
        }
        for pair in all_pairs[:SIMILARITY_PAGE_PAIRS]
        if pair.score > 0
    ]
    page = render(
        "similarity.html.j2",
        pairs=all_pairs,
        shown=shown,
        exercises=compared,
        students=len(students),
        footer=f"Written {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by the course autograder.",
    )
    html_path = write_text(out / "similarity.html", page)
    return SimilarityRun(len(students), len(all_pairs), all_pairs, csv_path, html_path)
