"""Tests for trustlab.journal: reflections kept privately in the progress file, the widget, export."""

import os
import sqlite3
import subprocess
import sys

import pytest

from trustlab import journal as journal_module
from trustlab import records
from trustlab.banks import load_bank
from trustlab.journal import Journal, Reflection, ReflectionPrompt, export_journal, journal_entries
from trustlab.records import ProgressStore, new_attempt, progress_store

XSS = "<img src=x onerror=alert(1)>"
LESSON, PROMPT = "01", "When did you last feel safe to speak up?"


@pytest.fixture(autouse=True)
def _private_progress(tmp_path, monkeypatch):
    """Every reflection goes to a file in the test's own folder, never the learner's real one."""
    monkeypatch.setenv("TRUSTLAB_PROGRESS", str(tmp_path / "progress.sqlite3"))
    monkeypatch.setattr(records, "_stores", {})
    monkeypatch.setattr(journal_module, "_journals", {})


def fresh_session(monkeypatch):
    """Forget every open store, as a restarted kernel would."""
    monkeypatch.setattr(records, "_stores", {})
    monkeypatch.setattr(journal_module, "_journals", {})


# ---------------------------------------------------------------------------------------
# The model


def test_an_answer_is_kept_in_the_progress_file(tmp_path):
    """Is a saved answer in the same SQLite file as the progress, in a table of its own?"""
    Journal().save(LESSON, PROMPT, "In my first team, when my manager asked what I thought.")
    with sqlite3.connect(tmp_path / "progress.sqlite3") as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        rows = conn.execute("SELECT lesson, prompt, text FROM reflections").fetchall()
    assert {"attempts", "reflections"} <= tables
    assert rows == [(LESSON, PROMPT, "In my first team, when my manager asked what I thought.")]


def test_saving_again_replaces_the_answer(tmp_path):
    """Is there one answer per lesson and question, the latest?"""
    j = Journal()
    j.save(LESSON, PROMPT, "First thoughts")
    j.save(LESSON, PROMPT, "Second thoughts")
    assert [e.text for e in j.entries()] == ["Second thoughts"]
    assert Journal(tmp_path / "progress.sqlite3").answer(LESSON, PROMPT) == "Second thoughts"


def test_the_same_question_in_two_lessons_is_two_answers():
    """Does the lesson id keep apart the same question asked in two lessons?"""
    j = Journal()
    j.save("00", PROMPT, "A")
    j.save("01", PROMPT, "B")
    assert (j.answer("00", PROMPT), j.answer("01", PROMPT)) == ("A", "B")
    assert [e.text for e in j.entries("01")] == ["B"]


def test_entries_come_by_lesson_in_the_order_first_written():
    """Are entries grouped by lesson, keeping each lesson's questions in order, even after an edit?"""
    j = Journal()
    j.save("01", "Q one", "a")
    j.save("00", "Q zero", "z")
    j.save("01", "Q two", "b")
    j.save("01", "Q one", "a, edited")
    assert [(e.lesson, e.prompt, e.text) for e in j.entries()] == [
        ("00", "Q zero", "z"), ("01", "Q one", "a, edited"), ("01", "Q two", "b")]
    assert isinstance(j.entries()[0], Reflection) and j.entries()[0].saved_at.tzinfo is not None


def test_progress_and_reflections_live_side_by_side(tmp_path):
    """Do exercises keep recording, and does a progress reset leave the journal alone?"""
    store = progress_store()
    j = Journal(store)
    j.save(LESSON, PROMPT, "kept")
    store.add(new_attempt(load_bank("sample").get("sample-q01"), True, 1.0, "A"))
    store.flush()
    assert len(ProgressStore(tmp_path / "progress.sqlite3").attempts()) == 1
    store.reset()
    assert j.answer(LESSON, PROMPT) == "kept" and store.attempts() == []


def test_memory_keeps_nothing_on_disk(tmp_path):
    """Does ":memory:" keep answers for the session without writing a file?"""
    j = Journal(":memory:")
    j.save(LESSON, PROMPT, "only now")
    assert j.in_memory and j.answer(LESSON, PROMPT) == "only now" and j.notice == ""
    assert list(tmp_path.iterdir()) == []


def test_bad_lesson_ids_and_prompts_are_explained():
    """Is an empty or non-text lesson id or question refused with words that say what to give?"""
    j = Journal(":memory:")
    with pytest.raises(ValueError, match="lesson id is empty"):
        j.save("  ", PROMPT, "x")
    with pytest.raises(TypeError, match="words between quotation marks"):
        j.save(1, PROMPT, "x")
    with pytest.raises(TypeError, match="A reflection is words"):
        j.save(LESSON, PROMPT, None)


# ---------------------------------------------------------------------------------------
# When the file is damaged or out of reach


def test_a_damaged_file_is_set_aside_and_the_journal_still_works(tmp_path):
    """Is a damaged progress file kept aside (by records), a fresh journal started, and the learner told?"""
    (tmp_path / "progress.sqlite3").write_bytes(b"this is not a database" * 100)
    j = Journal()
    j.save(LESSON, PROMPT, "still here")
    assert j.path == tmp_path / "progress.sqlite3" and j.answer(LESSON, PROMPT) == "still here"
    assert any(p.name.startswith("progress.sqlite3.corrupt-") for p in tmp_path.iterdir())
    assert "kept, unchanged" in j.store.notice
    assert ReflectionPrompt("00", "another question", j).status.startswith("⚠ Your progress file could not be read")


def test_an_unwritable_folder_keeps_answers_for_the_session(tmp_path, monkeypatch):
    """When the folder cannot be created, are answers kept in memory and the learner told so?"""
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where a folder should be")
    monkeypatch.setenv("TRUSTLAB_PROGRESS", str(blocker / "progress.sqlite3"))
    prompt = ReflectionPrompt(LESSON, PROMPT)
    assert prompt.status.startswith("⚠ trustlab cannot save your progress") and "your reflections" in prompt.status
    status = prompt.save("my words")
    assert status.startswith("✓ Kept at ") and "for this session only" in status
    assert prompt.journal.answer(LESSON, PROMPT) == "my words"


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root can write to read-only files")
def test_a_read_only_file_still_shows_earlier_answers(tmp_path):
    """With a read-only progress file, are earlier answers shown and new ones kept for the session?"""
    Journal().save(LESSON, PROMPT, "from last week")
    path = tmp_path / "progress.sqlite3"
    path.chmod(0o444)
    try:
        j = Journal(ProgressStore(path))
        assert j.in_memory and j.answer(LESSON, PROMPT) == "from last week"
        j.save(LESSON, PROMPT, "today")
        assert j.answer(LESSON, PROMPT) == "today" and "read-only" in j.notice
    finally:
        path.chmod(0o644)


def test_a_store_in_memory_starts_from_the_answers_its_file_holds(tmp_path):
    """When records could only open the file read-only (so works in memory), are earlier answers still shown?"""
    Journal().save(LESSON, PROMPT, "from last week")
    store = ProgressStore(":memory:")
    store.requested = str(tmp_path / "progress.sqlite3")  # what records does for a read-only file
    j = Journal(store)
    assert j.in_memory and j.answer(LESSON, PROMPT) == "from last week"
    assert sqlite3.connect(tmp_path / "progress.sqlite3").execute("SELECT count(*) FROM reflections").fetchone() == (1,)


def test_a_file_replaced_during_the_session_is_followed(tmp_path):
    """If the progress file is set aside and a fresh one started mid-session, do new answers go to the fresh file?"""
    path = tmp_path / "progress.sqlite3"
    j = Journal()
    j.save("00", "earlier", "in the old file")
    path.rename(tmp_path / "progress.sqlite3.corrupt-test")  # what records does with a damaged file
    ProgressStore(path)  # ...before starting a fresh one
    j.save(LESSON, PROMPT, "in the new file")
    assert j.path == path and [e.text for e in j.entries()] == ["in the new file"]
    assert Journal(tmp_path / "progress.sqlite3.corrupt-test").answer("00", "earlier") == "in the old file"


def test_a_failing_write_falls_back_to_memory(tmp_path):
    """If the file fails while open, is the answer kept (with the earlier ones) and the problem said?"""
    j = Journal()
    j.save("00", "earlier", "kept from before")

    class Broken:
        def __init__(self, real):
            self.real = real

        def execute(self, sql, *args):
            if sql.lstrip().startswith("INSERT"):
                raise sqlite3.OperationalError("disk I/O error")
            return self.real.execute(sql, *args)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def close(self):
            self.real.close()

    j._conn = Broken(j._conn)
    j.save(LESSON, PROMPT, "new words")
    assert j.in_memory and "disk I/O error" in j.notice
    assert j.answer(LESSON, PROMPT) == "new words" and j.answer("00", "earlier") == "kept from before"


# ---------------------------------------------------------------------------------------
# Listing and export


def test_the_journal_is_listed_and_exported_to_markdown(tmp_path):
    """Does export write every answer as Markdown, with the learner's words quoted so they cannot break it?"""
    j = Journal()
    j.save("00", "What brings you here?", "# not a heading\nsecond line")
    j.save("01", "And now?", "Calm.")
    out = j.export(tmp_path / "mine.md")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# My trustlab journal")
    assert "## Lesson 00" in text and "### What brings you here?" in text
    assert "> # not a heading\n> second line" in text and "> Calm." in text
    assert text.index("Lesson 00") < text.index("Lesson 01")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


def test_export_refuses_other_file_types(tmp_path):
    """Is an export to .csv refused with a message that says to use .md?"""
    with pytest.raises(ValueError, match=r"ending in \.md"):
        Journal().export(tmp_path / "mine.csv")


def test_the_learners_own_journal_functions(tmp_path, monkeypatch):
    """Do journal_entries and export_journal read the learner's journal at TRUSTLAB_PROGRESS?"""
    assert journal_entries() == []
    ReflectionPrompt(LESSON, PROMPT).save("mine")
    fresh_session(monkeypatch)
    assert [e.text for e in journal_entries()] == ["mine"]
    assert "> mine" in export_journal(tmp_path / "j.md").read_text(encoding="utf-8")


def test_an_empty_journal_exports_a_friendly_file(tmp_path):
    """Does an empty journal export say that nothing is saved yet?"""
    assert "No reflections saved yet." in Journal().export(tmp_path / "empty.md").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------
# The widget

widgets = pytest.importorskip("ipywidgets")


def test_the_widget_saves_and_restores_the_answer(monkeypatch):
    """Set a value, click Save, build the widget again (even after a restart): is the answer restored?"""
    import trustlab
    view = trustlab.reflect(LESSON, PROMPT)
    assert isinstance(view, widgets.VBox)
    assert view.answer.value == "" and view.answer.description == "Your answer:"
    assert PROMPT in view.prompt.value and "Only you can see it" in view.status.value
    view.answer.value = "When my mentor laughed with me, not at me."
    view.save.click()
    assert "✓ Saved at " in view.status.value and "on your computer only" in view.status.value
    again = trustlab.reflect(LESSON, PROMPT)
    assert again.answer.value == "When my mentor laughed with me, not at me."
    assert "saved today at" in again.status.value
    fresh_session(monkeypatch)
    assert trustlab.reflect(LESSON, PROMPT).answer.value == "When my mentor laughed with me, not at me."
    assert trustlab.reflect("02", PROMPT).answer.value == ""


def test_saving_an_empty_box_says_what_to_do():
    """Does Save on an empty box explain, keep nothing, and never raise?"""
    view = journal_module.reflect(LESSON, PROMPT)
    view.answer.value = "   "
    view.save.click()
    assert "Type your answer in the box first" in view.status.value
    assert journal_entries() == []


def test_the_widget_escapes_learner_text():
    """Are the question and the learner's words escaped, never run as HTML?"""
    view = journal_module.reflect(LESSON, XSS)
    assert XSS not in view.prompt.value and "&lt;img" in view.prompt.value
    view.answer.value = XSS
    view.save.click()
    again = journal_module.reflect(LESSON, XSS)
    assert again.answer.value == XSS  # a text box shows text as it is
    assert all(XSS not in w.value for w in (again.prompt, again.status))


def test_the_widget_parts_carry_css_classes_for_the_browser_test():
    """Do the box, the button and the status line carry trustlab-... classes?"""
    view = journal_module.reflect(LESSON, PROMPT)
    assert "trustlab-reflect" in view._dom_classes
    assert "trustlab-answer" in view.answer._dom_classes and "trustlab-save" in view.save._dom_classes
    assert "trustlab-status" in view.status._dom_classes


def test_importing_trustlab_does_not_load_ipywidgets():
    """Does `import trustlab` (and reaching trustlab.reflect) stay light, loading ipywidgets only for a widget?"""
    code = ("import sys, trustlab; trustlab.reflect; "
            "assert 'ipywidgets' not in sys.modules, 'ipywidgets loaded early'")
    subprocess.run([sys.executable, "-c", code], check=True)
