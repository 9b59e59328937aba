"""Progress: every answer a learner gives, kept in a small SQLite file on their own computer.

The file is ``progress.sqlite3`` in the user's data folder (from ``platformdirs``), or the
file named by the ``TRUSTLAB_PROGRESS`` environment variable (``:memory:`` keeps nothing
on disk). Nothing here ever stops a lesson: a damaged file is set aside under a new name
and a fresh one started, and when the folder cannot be written to, answers are kept in
memory for the session. Either way the learner is told in plain words (``notice``).

>>> from trustlab.banks import load_bank
>>> store = ProgressStore(":memory:")
>>> item = load_bank("sample").get("sample-q01")
>>> store.add(new_attempt(item, correct=True, score=1.0, answer="Wait quietly and let them think."))
>>> print(store.summary().elements[0])
Psychological safety: 1 of 1 right at the first try (100%)
"""

from __future__ import annotations

import atexit
import csv
import json
import os
import sqlite3
import threading
import uuid
from dataclasses import asdict, dataclass, fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from .banks import ELEMENT_NAMES, ELEMENTS, MARKER_IDS, MARKER_NAMES, Item

__all__ = ["Attempt", "Mastery", "ProgressStore", "ProgressSummary", "default_path", "new_attempt",
           "new_run", "progress_store", "resolve_store"]

ENV = "TRUSTLAB_PROGRESS"
MEMORY = ":memory:"
_FILE_NAME = "progress.sqlite3"
_SCHEMA_VERSION = 1
_COLUMNS = ("time", "bank", "item", "type", "element", "markers", "first", "correct", "score", "answer", "run")
_CREATE = """CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY,
    time TEXT NOT NULL, bank TEXT NOT NULL, item TEXT NOT NULL, type TEXT NOT NULL,
    element TEXT NOT NULL, markers TEXT NOT NULL, first INTEGER NOT NULL, correct INTEGER NOT NULL,
    score REAL NOT NULL, answer TEXT NOT NULL, run TEXT NOT NULL)"""
_INSERT = f"INSERT INTO attempts ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM attempts ORDER BY id"


@dataclass(frozen=True)
class Attempt:
    """One answer: when, which item (bank, id, type, element, markers), whether it was the
    first try in this sitting, whether it was right, the score (0 to 1), and the answer."""

    time: str
    bank: str
    item: str
    type: str
    element: str
    markers: tuple[str, ...]
    first: bool
    correct: bool
    score: float
    answer: str
    run: str = ""

    def _row(self) -> tuple:
        return (self.time, self.bank, self.item, self.type, self.element, ";".join(self.markers),
                int(self.first), int(self.correct), float(self.score), self.answer, self.run)

    @classmethod
    def _from_row(cls, row) -> "Attempt":
        t, bank, item, kind, element, markers, first, correct, score, answer, run = row
        return cls(t, bank, item, kind, element, tuple(m for m in markers.split(";") if m),
                   bool(first), bool(correct), float(score), answer, run)


def new_run() -> str:
    """A short id for one sitting at an exercise, to group its attempts."""
    return uuid.uuid4().hex[:12]


def new_attempt(item: Item, correct: bool, score: float, answer, first: bool = True, run: str = "") -> Attempt:
    """An :class:`Attempt` at *item* made now; *answer* is text, or anything JSON can hold."""
    if not isinstance(answer, str):
        answer = json.dumps(answer, ensure_ascii=False, sort_keys=True)
    return Attempt(time=datetime.now(timezone.utc).isoformat(timespec="seconds"), bank=item.bank,
                   item=item.id, type=item.type, element=item.element, markers=tuple(item.markers),
                   first=bool(first), correct=bool(correct), score=float(score), answer=answer, run=run)


# ---------------------------------------------------------------------------------------
# Summaries


@dataclass(frozen=True)
class Mastery:
    """How one element or marker is going: of the exercises ``tried``, how many were
    ``right`` at the first try (the most recent time each was done), and all ``attempts``."""

    key: str
    label: str
    right: int = 0
    tried: int = 0
    attempts: int = 0

    @property
    def share(self) -> float | None:
        """The share right at the first try, from 0 to 1, or None when nothing was tried."""
        return self.right / self.tried if self.tried else None

    @property
    def words(self) -> str:
        """The figures in words, e.g. "3 of 4 right at the first try (75%)"."""
        if not self.tried:
            return "not practised yet"
        return f"{self.right} of {self.tried} right at the first try ({self.share:.0%})"

    def __str__(self) -> str:
        return f"{self.label}: {self.words}"


@dataclass(frozen=True)
class ProgressSummary:
    """Mastery per element and per marker, what to review, and any notice about saving.

    Mastery is the share of exercises right at the first try, counting the most recent
    sitting of each exercise, so practising again improves it.
    """

    elements: tuple[Mastery, ...]
    markers: tuple[Mastery, ...]
    to_review: tuple[str, ...]
    attempts: int
    exercises: int
    notice: str = ""
    where: str = ""

    @classmethod
    def from_attempts(cls, attempts: Iterable[Attempt], notice: str = "", where: str = "") -> "ProgressSummary":
        attempts = list(attempts)
        latest: dict[tuple[str, str], Attempt] = {}  # the most recent first try at each exercise
        counts: dict[str, int] = {}
        for a in attempts:
            key = (a.bank, a.item)
            if a.first or key not in latest:
                latest[key] = a
            counts[a.element] = counts.get(a.element, 0) + 1
            for m in a.markers:
                counts[m] = counts.get(m, 0) + 1

        def mastery(key: str, label: str, chosen: list[Attempt]) -> Mastery:
            return Mastery(key, label, sum(a.correct for a in chosen), len(chosen), counts.get(key, 0))

        firsts = list(latest.values())
        return cls(
            elements=tuple(mastery(e, ELEMENT_NAMES[e], [a for a in firsts if a.element == e]) for e in ELEMENTS),
            markers=tuple(mastery(m, f"{m} {MARKER_NAMES[m]}", [a for a in firsts if m in a.markers])
                          for m in MARKER_IDS),
            to_review=tuple(a.item for a in firsts if not a.correct),
            attempts=len(attempts), exercises=len(latest), notice=notice, where=where)

    def __str__(self) -> str:
        lines = [self.notice] if self.notice else []
        if not self.attempts:
            lines.append("No answers recorded yet. Your progress appears here once you try an exercise.")
            return "\n".join(lines)
        lines.append(f"Your progress: {self.attempts} answer{'s' * (self.attempts != 1)} "
                     f"to {self.exercises} exercise{'s' * (self.exercises != 1)}.")
        lines.append("Mastery counts the exercises right at the first try, the most recent time you did each.")
        lines.append("By element:")
        lines += [f"  {m}" for m in self.elements]
        lines.append("By marker:")
        lines += [f"  {m}" for m in self.markers]
        if self.to_review:
            lines.append("Worth another look: " + ", ".join(self.to_review))
        return "\n".join(lines)

    def _table_html(self, title: str, rows: tuple[Mastery, ...]) -> str:
        import html
        body = "".join(
            f"<tr><td>{html.escape(m.label)}</td><td>{m.right}</td><td>{m.tried}</td>"
            f"<td>{'' if m.share is None else f'{m.share:.0%}'}</td><td>{m.attempts}</td></tr>" for m in rows)
        return (f'<table class="trustlab-progress-table"><caption>{html.escape(title)}</caption>'
                "<thead><tr><th>What</th><th>Right at the first try</th><th>Exercises tried</th>"
                f"<th>Share</th><th>All answers</th></tr></thead><tbody>{body}</tbody></table>")

    def _repr_html_(self) -> str:
        import html
        parts = ['<div class="trustlab-progress">']
        if self.notice:
            parts.append(f'<p class="trustlab-notice">⚠ {html.escape(self.notice)}</p>')
        if not self.attempts:
            parts.append("<p>No answers recorded yet. Your progress appears here once you try an exercise.</p>")
        else:
            parts.append(f"<p>Your progress: {self.attempts} answers to {self.exercises} exercises. Mastery "
                         "counts the exercises right at the first try, the most recent time you did each.</p>")
            parts.append(self._table_html("By element", self.elements))
            parts.append(self._table_html("By marker", self.markers))
            if self.to_review:
                parts.append(f"<p>Worth another look: {html.escape(', '.join(self.to_review))}</p>")
        parts.append("</div>")
        return "".join(parts)


# ---------------------------------------------------------------------------------------
# The store


def default_path() -> str:
    """Where progress is kept: ``$TRUSTLAB_PROGRESS`` when set, otherwise
    ``progress.sqlite3`` in the user's data folder for trustlab."""
    chosen = os.environ.get(ENV, "").strip()
    if chosen:
        return chosen
    import platformdirs

    return str(Path(platformdirs.user_data_dir("trustlab")) / _FILE_NAME)


def _open_file(path) -> sqlite3.Connection:
    return sqlite3.connect(str(path), timeout=2.0, check_same_thread=False)


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _aside(path: Path, label: str) -> Path:
    """A free name next to *path* for a copy: progress.sqlite3.corrupt-20250101-120000."""
    base = path.with_name(f"{path.name}.{label}-{_stamp()}")
    candidate, n = base, 1
    while candidate.exists():
        n += 1
        candidate = base.with_name(f"{base.name}-{n}")
    return candidate


class ProgressStore:
    """The progress file: records attempts, summarises them, exports and resets.

    ``path`` is a file path, ``":memory:"`` for a store that keeps nothing on disk, or None
    for :func:`default_path`. ``notice`` says in plain words when something went wrong
    with the file (it is set aside or not writable); the lesson carries on regardless.

    >>> store = ProgressStore(":memory:")
    >>> store.in_memory, store.notice
    (True, '')
    >>> print(store.summary())
    No answers recorded yet. Your progress appears here once you try an exercise.
    """

    def __init__(self, path=None, background: bool = False) -> None:
        self.requested = str(path) if path is not None else default_path()
        self.notices: list[str] = []
        self._pending: list[Attempt] = []  # answers not written to the file yet
        self._pending_note = ""
        self._lock = threading.RLock()  # guards _pending and the notices
        self._db = threading.RLock()  # guards the connection: one writer or reader at a time
        self._conn: sqlite3.Connection | None = None
        self.path: Path | None = None
        self.background = background
        self._wake = threading.Event()
        self._writer: threading.Thread | None = None
        self._closed = False
        self._open()

    # -- opening, and what to do when the file is damaged or out of reach -------------

    @property
    def in_memory(self) -> bool:
        """True when answers are kept for this session only."""
        return self.path is None

    @property
    def notice(self) -> str:
        """Any problem with saving, in plain words ("" when all is well)."""
        waiting = [self._pending_note] if self._pending and self._pending_note else []
        return " ".join(self.notices + waiting)

    def _note(self, message: str) -> None:
        with self._lock:
            if message not in self.notices:
                self.notices.append(message)

    def _open(self) -> None:
        if self.requested == MEMORY:
            self._use_memory()
            return
        path = Path(self.requested).expanduser()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            self._use_memory(f"the folder {path.parent} cannot be created ({_reason(err)})")
            return
        try:
            self._conn = self._connect(path)
            self.path = path
        except sqlite3.OperationalError as err:  # cannot open, read-only, locked
            self._use_memory(f"the file {path} cannot be opened ({_reason(err)})")
        except sqlite3.DatabaseError as err:  # the file is damaged or not a progress file
            self._set_aside(path, err)
        else:
            self._check_writable()

    def _check_writable(self) -> None:
        """A file that can be read but not written: keep showing its answers, record new ones in memory."""
        try:
            # Rewrite the version number inside a transaction that is rolled back: nothing changes,
            # but a read-only file refuses (BEGIN IMMEDIATE alone succeeds on one).
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._conn.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
            finally:
                self._conn.rollback()
        except sqlite3.OperationalError as err:
            if "readonly" not in str(err) and "read-only" not in str(err):
                return  # locked by another notebook for a moment: writes are retried
            memory = sqlite3.connect(MEMORY, check_same_thread=False)
            self._conn.backup(memory)
            self._conn.close()
            self._conn, where = memory, self.path
            self.path = None
            self._note(f"trustlab cannot save your progress: the file {where} is read-only. Your earlier answers "
                       "are shown, and new ones are kept for this session only. To keep them, ask your instructor "
                       "to set TRUSTLAB_PROGRESS to a file in a folder you can write to.")

    @staticmethod
    def _connect(path: Path | str) -> sqlite3.Connection:
        conn = _open_file(path)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if tables and "attempts" not in tables:
                raise sqlite3.DatabaseError("this is not a trustlab progress file")
            if tables:
                columns = [r[1] for r in conn.execute("PRAGMA table_info(attempts)")]
                if columns[1:] != list(_COLUMNS):
                    raise sqlite3.DatabaseError("the progress file has an unknown layout")
                status = conn.execute("PRAGMA quick_check").fetchone()[0]
                if status != "ok":
                    raise sqlite3.DatabaseError("the progress file is damaged")
            else:
                with conn:
                    conn.execute(_CREATE)
                    conn.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
        except BaseException:
            conn.close()
            raise
        return conn

    def _set_aside(self, path: Path, err: Exception) -> None:
        """Keep the damaged file under a new name, with its journal, and start a fresh one."""
        if self._conn is not None and self.path is not None:
            self._conn.close()
            self._conn = None
        target = _aside(path, "corrupt")
        try:
            for suffix in ("-journal", "-wal", "-shm"):
                extra = path.with_name(path.name + suffix)
                if extra.exists():
                    extra.rename(target.with_name(target.name + suffix))
            path.rename(target)
            self._conn = self._connect(path)
            self.path = path
        except (OSError, sqlite3.Error) as err2:
            self._use_memory(f"the file {path} could not be read ({_reason(err)}) and could not be set aside "
                             f"({_reason(err2)}); it has been left as it was")
            return
        self._note(f"Your progress file could not be read ({_reason(err)}). It has been kept, unchanged, as "
                   f"{target.name} in {target.parent}, and a fresh progress file was started. Your answers "
                   "from now on are saved as usual.")

    def _use_memory(self, why: str = "") -> None:
        self._conn = sqlite3.connect(MEMORY, check_same_thread=False)
        with self._conn:
            self._conn.execute(_CREATE)
        self.path = None
        if why:
            self._note(f"trustlab cannot save your progress: {why}. Your answers are kept for this "
                       "session only. To keep them, ask your instructor to set TRUSTLAB_PROGRESS to a file "
                       "in a folder you can write to.")

    # -- recording and reading --------------------------------------------------------

    def add(self, attempt: Attempt) -> None:
        """Record one attempt. Never raises for a file problem: the attempt is kept and the
        problem goes into ``notice``. With ``background=True`` the file is written by a
        helper thread, so the learner's feedback never waits for the disk."""
        with self._lock:
            self._pending.append(attempt)
        if self.background:
            self._start_writer()
            self._wake.set()
        else:
            self.flush()

    def flush(self) -> None:
        """Write every waiting attempt to the file now, in one transaction."""
        with self._db:
            self._reopen()
            with self._lock:
                batch = list(self._pending)
            if batch and self._save(batch):
                with self._lock:
                    del self._pending[: len(batch)]  # only flush removes, and only from the front

    def _save(self, batch: list[Attempt]) -> bool:
        """Write *batch*; True when it is safely stored (in the file, or in memory as a last resort)."""
        try:
            self._write(batch)
        except sqlite3.OperationalError as err:  # locked, read-only, disk full: try again next time
            self._pending_note = (f"Your latest answers could not be saved to {self.path} yet ({_reason(err)}). "
                                  "They are kept in memory and saved with your next answer.")
            return False
        except (sqlite3.ProgrammingError, sqlite3.InterfaceError, sqlite3.IntegrityError):
            raise  # a mistake in the program, not in the file: never set a good file aside for it
        except sqlite3.DatabaseError as err:  # damaged while open
            if self.path is None:
                self._use_memory(f"the in-memory store failed ({_reason(err)})")
            else:
                self._set_aside(self.path, err)
            try:
                self._write(batch)
            except sqlite3.Error as err2:
                self._use_memory(f"the progress file cannot be written ({_reason(err2)})")
                self._write(batch)
        return True

    def _write(self, attempts: list[Attempt]) -> None:
        with self._conn:  # one transaction: all of these are saved, or none
            self._conn.executemany(_INSERT, [a._row() for a in attempts])

    def _start_writer(self) -> None:
        if self._writer is not None and self._writer.is_alive():
            return
        with self._lock:
            if self._writer is None or not self._writer.is_alive():
                self._writer = threading.Thread(target=self._write_forever, name="trustlab-progress", daemon=True)
                self._writer.start()
                atexit.register(self.flush)

    def _write_forever(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            try:
                self.flush()
            except Exception as err:  # the writer must never die: keep the answers and say so
                self._pending_note = f"Your latest answers could not be saved yet ({_reason(err)}); they are kept in memory."

    def attempts(self) -> list[Attempt]:
        """Every recorded attempt, oldest first (including any not yet written to the file)."""
        with self._db:
            self._reopen()
            try:
                rows = self._conn.execute(_SELECT).fetchall()
            except sqlite3.Error as err:
                self._note(f"Your progress file could not be read just now ({_reason(err)}).")
                rows = []
            with self._lock:
                waiting = list(self._pending)
        return [Attempt._from_row(r) for r in rows] + waiting

    def summary(self) -> ProgressSummary:
        """Mastery per element and per marker, from every recorded attempt."""
        where = str(self.path) if self.path else "this session only"
        return ProgressSummary.from_attempts(self.attempts(), notice=self.notice, where=where)

    def export(self, path) -> Path:
        """Write every attempt to *path*: a ``.csv`` file (for a spreadsheet) or ``.json``.

        >>> import tempfile, pathlib
        >>> out = ProgressStore(":memory:").export(pathlib.Path(tempfile.mkdtemp()) / "me.csv")
        >>> out.read_text().splitlines()[0]
        'time,bank,item,type,element,markers,first,correct,score,answer,run'
        """
        target = Path(path).expanduser()
        suffix = target.suffix.lower()
        if suffix not in (".csv", ".json"):
            raise ValueError(f'Export to a file ending in .csv or .json, not "{target.name}".')
        rows = [asdict(a) | {"markers": ";".join(a.markers)} for a in self.attempts()]
        partial = target.with_name(f".{target.name}.partial")
        with open(partial, "w", encoding="utf-8", newline="") as handle:
            if suffix == ".json":
                json.dump(rows, handle, ensure_ascii=False, indent=1)
            else:
                writer = csv.DictWriter(handle, fieldnames=[f.name for f in fields(Attempt)])
                writer.writeheader()
                writer.writerows(rows)
        os.replace(partial, target)  # the export appears whole or not at all
        return target

    def reset(self) -> Path | None:
        """Start again from nothing, keeping a copy of the old progress next to the file
        (``progress.sqlite3.backup-<date>``). Returns the copy's path (None in memory).

        >>> import tempfile, pathlib
        >>> from trustlab.banks import load_bank
        >>> store = ProgressStore(pathlib.Path(tempfile.mkdtemp()) / "progress.sqlite3")
        >>> store.add(new_attempt(load_bank("sample").get("sample-q01"), correct=True, score=1.0, answer="A"))
        >>> backup = store.reset()
        >>> len(store.attempts()), len(ProgressStore(backup).attempts())
        (0, 1)
        """
        self.flush()
        with self._db:
            self._reopen()
            backup = None
            if self.path is not None:
                backup = _aside(self.path, "backup")
                copy = sqlite3.connect(str(backup))
                try:
                    self._conn.backup(copy)
                finally:
                    copy.close()
            with self._conn:
                self._conn.execute("DELETE FROM attempts")
            with self._lock:
                self._pending.clear()
            return backup

    def close(self) -> None:
        """Write what is waiting, then let go of the file (it is opened again if the store is used)."""
        self.flush()
        with self._db:
            if self._conn is not None and self.path is not None:
                self._conn.close()
                self._closed = True

    def _reopen(self) -> None:
        if self._closed:
            self._closed = False
            self._open()

    def __repr__(self) -> str:
        return f"<ProgressStore {self.path or 'in memory'}>"


def _reason(err: Exception) -> str:
    return (getattr(err, "strerror", None) or str(err) or type(err).__name__).rstrip(".")


_stores: dict[str, ProgressStore] = {}


def progress_store() -> ProgressStore:
    """The learner's progress store at :func:`default_path`, opened once per path."""
    key = default_path()
    store = _stores.get(key)
    if store is None:
        store = _stores[key] = ProgressStore(key, background=True)
    return store


def resolve_store(record) -> ProgressStore | None:
    """What a practice model records to: None or False (nothing), True (the learner's
    progress store), or a :class:`ProgressStore`.

    >>> resolve_store(None) is None
    True
    >>> store = ProgressStore(":memory:")
    >>> resolve_store(store) is store
    True
    """
    if record is None or record is False:
        return None
    if record is True:
        return progress_store()
    if isinstance(record, ProgressStore):
        return record
    raise TypeError("record must be True (save to your progress), None (do not save) or a ProgressStore, "
                    f"not {type(record).__name__}.")

