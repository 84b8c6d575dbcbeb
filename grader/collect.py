"""``python -m grader collect DOWNLOAD --exercise ID --to SUBMISSIONS``: an LMS download in the grader's layout.

DOWNLOAD is a folder or a ``.zip`` as Canvas or Moodle export it (the readers are in
``grader.lms``; the first whose layout fits most files wins). Each student's files go
to ``SUBMISSIONS/<student>/<ID>/`` (replacing what an earlier collect put there) with
their modification times kept, so the grader's choice of file still works. The
student folder is the LMS name made safe (``Ann Smith`` → ``ann_smith``; a second
student of the same name gets ``_<id>``; a student seen before keeps the folder).
``SUBMISSIONS/_lms_mapping.csv`` maps each student folder and exercise to the LMS
ids, for ``export grades``.

Nothing is ever written outside ``SUBMISSIONS/<student>/<ID>/``: every name is
reduced to its last component, and zip members that are links, absolute paths or
climb with ``..`` are skipped (zip-slip), as are files over the size limit.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import stat
import time
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from grader.errors import GraderError
from grader.exercise import Exercise
from grader.lms import FORMATS, LmsFile, Reading
from grader.safe_text import csv_cell, csv_value
from grader.settings import DOWNLOAD_MEMBER_MAX_BYTES

__all__ = ["CollectSummary", "DownloadError", "collect", "read_mapping", "MAPPING_FILE", "MAPPING_COLUMNS"]

MAPPING_FILE = "_lms_mapping.csv"  # starts with "_": grade skips it
MAPPING_COLUMNS = ("student", "exercise", "lms", "lms_name", "lms_id", "submission_id", "late", "files")
JUNK = ("__MACOSX", ".DS_Store", "Thumbs.db")


class DownloadError(GraderError):
    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")


@dataclass
class CollectSummary:
    lms: str
    students: int = 0
    files: int = 0
    skipped: list[str] = field(default_factory=list)
    mapping: Path = field(default_factory=Path)


@dataclass(frozen=True)
class _Member:
    read: Callable[[], bytes | None]  # None: larger than DOWNLOAD_MEMBER_MAX_BYTES
    mtime: float


def _safe_parts(name: str) -> tuple[str, ...] | None:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if not parts or name.startswith(("/", "\\")) or ":" in parts[0] or any(p in ("..", ".") for p in parts):
        return None
    return parts


def _zip_members(archive: zipfile.ZipFile, skipped: list[str]) -> dict[str, _Member]:
    members = {}
    for info in archive.infolist():
        if info.is_dir():
            continue
        parts = _safe_parts(info.filename)
        if parts is None:
            skipped.append(f"{info.filename}: unsafe path in the zip, skipped")
            continue
        if stat.S_ISLNK(info.external_attr >> 16):
            skipped.append(f"{info.filename}: a symbolic link, skipped")
            continue

        def read(info: zipfile.ZipInfo = info) -> bytes | None:
            if info.file_size > DOWNLOAD_MEMBER_MAX_BYTES:
                return None
            with archive.open(info) as handle:
                data = handle.read(DOWNLOAD_MEMBER_MAX_BYTES + 1)
            return None if len(data) > DOWNLOAD_MEMBER_MAX_BYTES else data

        members["/".join(parts)] = _Member(read, time.mktime((*info.date_time, 0, 0, -1)))
    return members


def _folder_members(root: Path, skipped: list[str]) -> dict[str, _Member]:
    members = {}
    for folder, dirs, files in os.walk(root):  # os.walk does not follow links to folders
        here = Path(folder)
        for name in sorted(dirs + files):
            path = here / name
            relative = path.relative_to(root).as_posix()
            if path.is_symlink():
                skipped.append(f"{relative}: a symbolic link, skipped")
            elif name in files and path.is_file():

                def read(path: Path = path) -> bytes | None:
                    return None if path.stat().st_size > DOWNLOAD_MEMBER_MAX_BYTES else path.read_bytes()

                members[relative] = _Member(read, path.stat().st_mtime)
        dirs[:] = [d for d in dirs if not (here / d).is_symlink()]
    return members


def _without_junk(members: dict[str, _Member]) -> dict[str, _Member]:
    return {
        path: member
        for path, member in members.items()
        if not any(part in JUNK or part.startswith(".") for part in PurePosixPath(path).parts)
    }


def _detect(members: dict[str, _Member], where: str) -> tuple[Reading, str]:
    """The first reader that fits, trying again below one wrapping folder; returns the prefix stripped."""
    prefix = ""
    paths = list(members)
    for _ in range(3):
        for reader in FORMATS.values():
            reading = reader(paths)
            if reading is not None:
                return reading, prefix
        tops = {PurePosixPath(p).parts[0] for p in paths}
        if len(tops) != 1 or not all("/" in p for p in paths):
            break
        top = tops.pop()
        prefix += top + "/"
        paths = [p[len(top) + 1 :] for p in paths]
    examples = ", ".join(repr(p) for p in sorted(members)[:3]) or "nothing"
    raise DownloadError(
        where,
        f"not a Canvas or Moodle download: found {len(members)} files ({examples}); expected Canvas files "
        "named name_userid_submissionid_file or Moodle folders named 'Full Name_id_assignsubmission_file_'",
    )


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_") or "student"


def _safe_name(name: str) -> str:
    name = re.sub(r"[\x00-\x1f/\\]", "_", PurePosixPath(name.replace("\\", "/")).name).lstrip(".")
    return name[:200] or "file"


def read_mapping(path: Path) -> list[dict[str, str]]:
    """The rows of a mapping CSV written by ``collect`` (none when the file does not exist)."""
    if not path.exists():
        return []
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            rows = [{key: csv_value(value or "") for key, value in row.items()} for row in csv.DictReader(handle)]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DownloadError(str(path), f"cannot be read as a mapping CSV ({exc})") from None
    if rows and not {"student", "lms", "lms_id"} <= set(rows[0]):
        raise DownloadError(
            str(path), f"is not a mapping written by collect; expected columns {','.join(MAPPING_COLUMNS)}"
        )
    return rows


def _folders(files: list[LmsFile], lms: str, known: list[dict[str, str]], taken: set[str]) -> dict[str, str]:
    """LMS user id -> student folder: the folder used before, else a free slug of the name."""
    before = {row["lms_id"]: row["student"] for row in known if row.get("lms") == lms}
    names = {f.user_id: f.student_name for f in files}
    folders = {}
    for user_id in sorted(names, key=lambda u: (names[u], u)):
        folder = before.get(user_id)
        if folder is None:
            folder = _slug(names[user_id])
            if folder in taken:
                folder = f"{folder}_{user_id}"
        taken.add(folder)
        folders[user_id] = folder
    return folders


def _by_student(files: list[LmsFile]) -> Iterator[tuple[str, list[LmsFile]]]:
    users: dict[str, list[LmsFile]] = {}
    for item in files:
        users.setdefault(item.user_id, []).append(item)
    yield from sorted(users.items())


def collect(download: Path, exercise: Exercise, to: Path) -> CollectSummary:
    """Copy the students' files of ``download`` into ``to/<student>/<exercise.id>/`` and write the mapping."""
    skipped: list[str] = []
    if not download.exists():
        raise DownloadError(str(download), "does not exist; pass the folder or .zip the LMS gave you")
    if download.is_dir():
        return _place(_folder_members(download, skipped), download, exercise, to, skipped)
    if not zipfile.is_zipfile(download):
        raise DownloadError(str(download), "is neither a folder nor a .zip file")
    try:
        archive = zipfile.ZipFile(download)
    except (zipfile.BadZipFile, OSError) as exc:
        raise DownloadError(str(download), f"cannot be read as a zip ({exc})") from None
    with archive:
        return _place(_zip_members(archive, skipped), download, exercise, to, skipped)


def _place(
    members: dict[str, _Member], download: Path, exercise: Exercise, to: Path, skipped: list[str]
) -> CollectSummary:
    members = _without_junk(members)
    reading, prefix = _detect(members, str(download))
    summary = CollectSummary(reading.lms, skipped=skipped + reading.skipped, mapping=to / MAPPING_FILE)
    try:
        to.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DownloadError(str(to), f"cannot be created ({exc.strerror})") from None
    known = read_mapping(summary.mapping)
    taken = {p.name for p in to.iterdir() if p.is_dir()}
    folders = _folders(reading.files, reading.lms, known, taken)
    rows = [row for row in known if row.get("exercise") != exercise.id or row.get("lms") != reading.lms]
    for user_id, files in _by_student(reading.files):
        student = folders[user_id]
        target = to / student / exercise.id
        if target.is_symlink() or (to / student).is_symlink():
            summary.skipped.append(f"{student}/{exercise.id}: a symbolic link in {to}, not written")
            continue
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        written = _write_files(members, prefix, files, target, summary.skipped)
        summary.students += 1
        summary.files += len(written)
        first = files[0]
        late = any(f.late for f in files)
        rows.append(
            dict(
                zip(
                    MAPPING_COLUMNS,
                    (student, exercise.id, reading.lms, first.student_name, user_id, first.submission_id,
                     "yes" if late else "no", ";".join(written)),
                    strict=True,
                )
            )
        )  # fmt: skip
    _write_mapping(summary.mapping, rows)
    return summary


def _write_files(
    members: dict[str, _Member], prefix: str, files: list[LmsFile], target: Path, skipped: list[str]
) -> list[str]:
    written: list[str] = []
    for item in files:
        member = members[prefix + item.path]
        try:
            data = member.read()
        except (OSError, EOFError, ValueError, NotImplementedError, zipfile.BadZipFile) as exc:
            skipped.append(f"{item.path}: cannot be read ({exc}), skipped")
            continue
        if data is None:
            skipped.append(f"{item.path}: larger than {DOWNLOAD_MEMBER_MAX_BYTES >> 20} MB, skipped")
            continue
        name = _safe_name(item.name)
        stem, suffix = os.path.splitext(name)
        number = 2
        while name in written:
            name, number = f"{stem} ({number}){suffix}", number + 1
        path = target / name
        path.write_bytes(data)
        os.utime(path, (member.mtime, member.mtime))
        written.append(name)
    return written


def _write_mapping(path: Path, rows: list[dict[str, str]]) -> None:
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=MAPPING_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        ordered = sorted(rows, key=lambda r: (r.get("student", ""), r.get("exercise", "")))
        writer.writerows({key: csv_cell(str(value)) for key, value in row.items()} for row in ordered)
    os.replace(temporary, path)
