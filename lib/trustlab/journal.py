"""The learner's journal: their own answers to a lesson's reflection questions, kept privately.

Reflections live in the same progress file as the exercises, in a table of their own, so
there is one file to keep, back up or delete. :mod:`trustlab.records` decides where that file
is (``TRUSTLAB_PROGRESS`` or the user's data folder) and sets a damaged one aside before the
journal opens it. There is one answer per lesson and question: saving again replaces it.
When the file cannot be written to, answers are kept for the session and the learner is told
so in plain words. Nothing is ever sent anywhere.

>>> journal = Journal(":memory:")
>>> entry = journal.save("00", "What brought you to coaching?", "Curiosity about people.")
>>> journal.answer("00", "What brought you to coaching?")
'Curiosity about people.'
>>> [e.prompt for e in journal.entries()]
['What brought you to coaching?']

In a lesson, ``trustlab.reflect("01", "When did you last feel safe to speak up?")`` shows the
question, a box pre-filled with the learner's earlier answer, a Save button and a status line.
"""

from __future__ import annotations

import html
import os
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from .records import MEMORY, ProgressStore, default_path, progress_store

__all__ = ["Journal", "Reflection", "ReflectionPrompt", "export_journal", "journal", "journal_entries", "reflect"]

_CREATE = """CREATE TABLE IF NOT EXISTS reflections (
    id INTEGER PRIMARY KEY,
    lesson TEXT NOT NULL, prompt TEXT NOT NULL, text TEXT NOT NULL, time TEXT NOT NULL,
    UNIQUE (lesson, prompt))"""
_UPSERT = """INSERT INTO reflections (lesson, prompt, text, time) VALUES (?, ?, ?, ?)
    ON CONFLICT (lesson, prompt) DO UPDATE SET text = excluded.text, time = excluded.time"""
_SELECT = "SELECT lesson, prompt, text, time FROM reflections"
_EXPORT_SUFFIXES = (".md", ".markdown", ".txt")


@dataclass(frozen=True)
class Reflection:
    """One saved answer: the lesson's id, the question, the learner's words, and when
    (local time, ISO format) they were last saved."""

    lesson: str
    prompt: str
    text: str
    time: str

    @property
    def saved_at(self) -> datetime:
        """When the answer was last saved, as a local ``datetime``."""
        return datetime.fromisoformat(self.time)

    def __str__(self) -> str:
        return f"Lesson {self.lesson} · {self.prompt}\n{self.text}"


def _text(value, what: str, example: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f'The {what} must be words between quotation marks, such as "{example}", '
                        f"not {type(value).__name__}.")
    if not value.strip():
        raise ValueError(f'The {what} is empty. Give it some words, such as "{example}".')
    return value.strip()


def _identity(path: Path) -> tuple | None:
    """Which file is at *path* (device and inode), to notice when it has been replaced."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


def _reason(err: Exception) -> str:
    return (str(err) or type(err).__name__).rstrip(".")


class Journal:
    """The reflections in one progress file.

    *store* is a :class:`~trustlab.records.ProgressStore`, a path to a progress file,
    ``":memory:"`` (keep nothing on disk), or None for the learner's own progress file.
    ``notice`` says in plain words when answers cannot be kept on disk ("" when all is well).
    """

    def __init__(self, store=None) -> None:
        if store is None:
            store = progress_store()
        elif not isinstance(store, ProgressStore):
            store = ProgressStore(store)
        self.store = store
        self.path: Path | None = None
        self._notice = ""
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self._identity: tuple | None = None
        self._open()

    @property
    def in_memory(self) -> bool:
        """True when answers are kept for this session only."""
        return self.path is None

    @property
    def notice(self) -> str:
        """Any problem with keeping answers, in plain words ("" when all is well)."""
        return self._notice

    # -- opening ----------------------------------------------------------------------

    def _open(self) -> None:
        """Use the progress file the store has opened (and checked, or replaced if damaged);
        when the store could only work in memory, do the same."""
        if self.store.path is None:
            self._use_memory(copy_from=self.store.requested)
            if self.store.notice:
                self._notice = (f"{self.store.notice.rstrip()} The same goes for your reflections: copy anything "
                                "you want to keep before you close the notebook.")
            return
        try:
            conn = sqlite3.connect(str(self.store.path), timeout=2.0, check_same_thread=False)
            with conn:
                conn.execute(_CREATE)
        except sqlite3.Error as err:
            self._use_memory(copy_from=str(self.store.path),
                             why=f"the file {self.store.path} cannot be written to ({_reason(err)})")
            return
        self._conn, self.path = conn, Path(self.store.path)
        self._identity = _identity(self.path)

    def _current(self) -> sqlite3.Connection:
        """The connection to use now. If records has set a damaged file aside and started a fresh
        one since the journal opened it, follow it to the fresh file, as the progress does."""
        if self.path is not None and (self.store.path != self.path or _identity(self.path) != self._identity):
            self._conn.close()
            self._conn, self.path = None, None
            self._open()
        return self._conn

    def _use_memory(self, copy_from: str = "", why: str = "") -> None:
        """Keep answers for this session only, starting from any that can still be read."""
        memory = sqlite3.connect(MEMORY, check_same_thread=False)
        with memory:
            memory.execute(_CREATE)
        rows = self._rows_from(copy_from) if copy_from and copy_from != MEMORY else []
        if self._conn is not None:
            try:
                rows += self._conn.execute(_SELECT + " ORDER BY id").fetchall()
            except sqlite3.Error:
                pass  # the file failed: what could be read was read above
            if self.path is not None:
                self._conn.close()
        with memory:
            memory.executemany(_UPSERT, rows)
        self._conn, self.path = memory, None
        if why:
            self._notice = (f"Your reflections cannot be saved on this computer: {why.rstrip('.')}. They are kept "
                            "for this session only, so copy anything you want to keep. To keep them, ask your "
                            "instructor to set TRUSTLAB_PROGRESS to a file in a folder you can write to.")

    @staticmethod
    def _rows_from(path: str) -> list[tuple]:
        """The reflections in *path*, read without changing it (none if it cannot be read)."""
        if not Path(path).expanduser().is_file():
            return []
        try:
            conn = sqlite3.connect(f"file:{quote(str(Path(path).expanduser()))}?mode=ro", uri=True)
            try:
                return conn.execute(_SELECT + " ORDER BY id").fetchall()
            finally:
                conn.close()
        except sqlite3.Error:
            return []

    # -- reading and writing -------------------------------------------------------------

    def save(self, lesson_id: str, prompt: str, text: str) -> Reflection:
        """Keep *text* as the answer to *prompt* in lesson *lesson_id*, replacing any earlier one.
        Never raises for a file problem: the answer is kept in memory and ``notice`` says why."""
        lesson_id = _text(lesson_id, "lesson id", "01")
        prompt = _text(prompt, "question", "What do you notice?")
        if not isinstance(text, str):
            raise TypeError(f"A reflection is words, not {type(text).__name__}.")
        entry = Reflection(lesson_id, prompt, text, datetime.now().astimezone().isoformat(timespec="seconds"))
        row = (entry.lesson, entry.prompt, entry.text, entry.time)
        with self._lock:
            try:
                conn = self._current()
                with conn:
                    conn.execute(_UPSERT, row)
            except (sqlite3.ProgrammingError, sqlite3.InterfaceError):
                raise  # a mistake in the program, not in the file
            except sqlite3.Error as err:  # locked for too long, read-only, disk full, damaged
                self._use_memory(why=f"the file {self.path} could not be written to just now ({_reason(err)})")
                with self._conn:
                    self._conn.execute(_UPSERT, row)
        return entry

    def get(self, lesson_id: str, prompt: str) -> Reflection | None:
        """The saved answer to *prompt* in lesson *lesson_id*, or None."""
        with self._lock:
            try:
                row = self._current().execute(_SELECT + " WHERE lesson = ? AND prompt = ?",
                                         (str(lesson_id).strip(), str(prompt).strip())).fetchone()
            except sqlite3.Error:
                row = None
        return Reflection(*row) if row else None

    def answer(self, lesson_id: str, prompt: str) -> str:
        """The saved words for *prompt* in lesson *lesson_id* ("" when there are none)."""
        entry = self.get(lesson_id, prompt)
        return entry.text if entry else ""

    def entries(self, lesson_id: str | None = None) -> list[Reflection]:
        """Every saved answer (or those of one lesson), by lesson, in the order first written."""
        query, args = _SELECT, ()
        if lesson_id is not None:
            query, args = query + " WHERE lesson = ?", (str(lesson_id).strip(),)
        with self._lock:
            try:
                rows = self._current().execute(query + " ORDER BY lesson, id", args).fetchall()
            except sqlite3.Error as err:
                self._notice = self._notice or f"Your journal could not be read just now ({_reason(err)})."
                rows = []
        return [Reflection(*r) for r in rows]

    def export(self, path) -> Path:
        """Write the journal to *path* as Markdown (``.md``), for reading, printing or keeping.
        The file appears whole or not at all.

        >>> import tempfile, pathlib
        >>> j = Journal(":memory:")
        >>> _ = j.save("01", "What helps you speak up?", "Being asked, not told.")
        >>> out = j.export(pathlib.Path(tempfile.mkdtemp()) / "journal.md")
        >>> print(out.read_text())  # doctest: +ELLIPSIS
        # My trustlab journal
        ...
        ## Lesson 01
        <BLANKLINE>
        ### What helps you speak up?
        <BLANKLINE>
        > Being asked, not told.
        ...
        """
        target = Path(path).expanduser()
        if target.suffix.lower() not in _EXPORT_SUFFIXES:
            raise ValueError(f'Export the journal to a file ending in .md (Markdown), not "{target.name}".')
        partial = target.with_name(f".{target.name}.partial")
        with open(partial, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(_markdown(self.entries()))
        os.replace(partial, target)
        return target

    def __repr__(self) -> str:
        return f"<Journal {self.path or 'in memory'}>"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _markdown(entries: list[Reflection]) -> str:
    """The journal as Markdown. The learner's words are quoted (each line starts with "> "),
    so nothing they typed can turn into a heading or break the layout."""
    lines = ["# My trustlab journal", "",
             f"Exported on {datetime.now().strftime('%d %B %Y at %H:%M')}. These are your own words, "
             "kept on your computer only.", ""]
    if not entries:
        lines += ["No reflections saved yet.", ""]
    lesson = None
    for e in entries:
        if e.lesson != lesson:
            lesson = e.lesson
            lines += [f"## Lesson {_one_line(lesson)}", ""]
        lines += [f"### {_one_line(e.prompt)}", ""]
        body = e.text.strip().splitlines() or ["(left blank)"]
        lines += [f"> {line}".rstrip() for line in body]
        lines += ["", f"*Saved {e.saved_at.strftime('%d %B %Y at %H:%M')}*", ""]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------
# The learner's own journal


_journals: dict[str, Journal] = {}


def journal() -> Journal:
    """The learner's journal, in their progress file (see :func:`trustlab.records.default_path`)."""
    key = default_path()
    found = _journals.get(key)
    if found is None or found.store is not progress_store():
        found = _journals[key] = Journal(progress_store())
    return found


def journal_entries(lesson_id: str | None = None) -> list[Reflection]:
    """Every reflection you have saved (or those of one lesson), by lesson."""
    return journal().entries(lesson_id)


def export_journal(path="my_trustlab_journal.md") -> Path:
    """Write every reflection you have saved to a Markdown file (``.md``) and return its path."""
    return journal().export(path)


# ---------------------------------------------------------------------------------------
# The model behind the widget


def _clock(entry: Reflection) -> str:
    return entry.saved_at.strftime("%H:%M")


def _day(entry: Reflection) -> str:
    when = entry.saved_at
    if when.date() == datetime.now().astimezone().date():
        return f"today at {when.strftime('%H:%M')}"
    return f"on {when.day} {when.strftime('%B %Y')} at {when.strftime('%H:%M')}"


class ReflectionPrompt:
    """One reflection question in a lesson, and the learner's answer to it.

    The widget only shows what this says: ``status`` is the line under the Save button.

    >>> prompt = ReflectionPrompt("01", "What helps you speak up?", Journal(":memory:"))
    >>> prompt.save("Being asked, not told.")  # a journal in memory keeps it for this session
    '✓ Kept at ... for this session only.'
    >>> prompt.save("   ")
    'ℹ Type your answer in the box first, then press Save.'
    """

    def __init__(self, lesson_id: str, prompt: str, journal_: Journal | None = None) -> None:
        self.lesson = _text(lesson_id, "lesson id", "01")
        self.prompt = _text(prompt, "question", "What do you notice?")
        self.journal = journal_ if journal_ is not None else journal()
        earlier = self.journal.get(self.lesson, self.prompt)
        self.previous = earlier.text if earlier else ""
        if earlier is not None:
            self.status = (f"Your answer saved {_day(earlier)} is in the box. Change it if you like, "
                           "then press Save.")
        else:
            self.status = "Type your answer in the box, then press Save. Only you can see it."
        notice = self.journal.notice or self.journal.store.notice
        if notice:
            self.status = f"⚠ {notice}"

    def save(self, text: str) -> str:
        """Keep *text* and return the status line that says what happened."""
        if not isinstance(text, str) or not text.strip():
            return "ℹ Type your answer in the box first, then press Save."
        entry = self.journal.save(self.lesson, self.prompt, text)
        self.previous = entry.text
        if self.journal.in_memory:
            self.status = f"✓ Kept at {_clock(entry)} for this session only."
            if self.journal.notice:  # a real problem, not a journal kept in memory on purpose
                self.status += " Copy your answer somewhere safe if you want to keep it."
        else:
            self.status = f"✓ Saved at {_clock(entry)} on your computer only"
        return self.status


# ---------------------------------------------------------------------------------------
# The widget


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def _status_html(text: str) -> str:
    return f'<div class="trustlab-feedback trustlab-message">{_escape(text)}</div>'


@lru_cache(maxsize=None)
def _view_class():
    import ipywidgets as w  # loaded here, so `import trustlab` stays fast

    class ReflectionView(w.VBox):
        """A reflection: the question, a box with the learner's earlier answer, Save, a status line."""

        def __init__(self, model: ReflectionPrompt) -> None:
            super().__init__()
            self.model = model
            self.add_class("trustlab-practice")
            self.add_class("trustlab-reflect")
            self.prompt = w.HTML(value=f'<div><strong>✎ {_escape(model.prompt)}</strong></div>')
            self.prompt.add_class("trustlab-prompt")
            self.answer = w.Textarea(value=model.previous, description="Your answer:",
                                     placeholder="Type your thoughts here. Only you can see them.",
                                     style={"description_width": "initial"},
                                     layout=w.Layout(width="95%", height="6em"))
            self.answer.add_class("trustlab-answer")
            self.save = w.Button(description="Save", tooltip="Keep your answer in your private journal",
                                 layout=w.Layout(width="auto"))
            self.save.add_class("trustlab-save")
            self.status = w.HTML(value=_status_html(model.status))
            self.status.add_class("trustlab-status")
            self.save.on_click(self._on_save)
            self.children = [self.prompt, self.answer, self.save, self.status]

        def _on_save(self, _=None) -> None:
            self.status.value = _status_html(self.model.save(self.answer.value))

    return ReflectionView


def __getattr__(name: str):
    if name == "ReflectionView":
        return _view_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def reflect(lesson_id: str, prompt: str):
    """A reflection question: the prompt, a box with your earlier answer to it (if any),
    a Save button and a line saying where your answer is kept (privately, on your computer).

    >>> import trustlab.journal as j
    >>> view = j.ReflectionView(j.ReflectionPrompt("00", "What brings you here?", j.Journal(":memory:")))
    >>> view.answer.value = "I want clients to feel safe with me."
    >>> view.save.click()
    >>> "✓ Kept at" in view.status.value
    True
    """
    return _view_class()(ReflectionPrompt(lesson_id, prompt))
