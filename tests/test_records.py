"""Tests for trustlab.records: saving progress safely, surviving bad files, summaries, export, reset."""

import csv
import json
import os
import sqlite3

import pytest

from trustlab import records
from trustlab.banks import load_bank
from trustlab.records import (Attempt, ProgressStore, ProgressSummary, default_path, new_attempt, progress_store,
                              resolve_store)


@pytest.fixture(autouse=True)
def _private_progress(tmp_path, monkeypatch):
    """Nothing a test records ever reaches the learner's real progress file."""
    monkeypatch.setenv("TRUSTLAB_PROGRESS", str(tmp_path / "progress.sqlite3"))
    monkeypatch.setattr(records, "_stores", {})


@pytest.fixture
def sample():
    return load_bank("sample")


def attempt(sample, id="sample-q01", correct=True, first=True, answer="A", run="r1") -> Attempt:
    return new_attempt(sample.get(id), correct, 1.0 if correct else 0.0, answer, first=first, run=run)


# ---------------------------------------------------------------------------------------
# Where progress lives


def test_the_environment_variable_chooses_the_file(tmp_path):
    """Does TRUSTLAB_PROGRESS decide where progress is kept?"""
    assert default_path() == str(tmp_path / "progress.sqlite3")
    assert ProgressStore().path == tmp_path / "progress.sqlite3"


def test_without_the_variable_the_user_data_folder_is_used(monkeypatch):
    """Without TRUSTLAB_PROGRESS, is progress kept in the user's data folder for trustlab?"""
    import platformdirs
    monkeypatch.delenv("TRUSTLAB_PROGRESS")
    assert default_path() == os.path.join(platformdirs.user_data_dir("trustlab"), "progress.sqlite3")


def test_memory_keeps_nothing_on_disk(tmp_path, sample):
    """Does ":memory:" give a working store that writes no file?"""
    store = ProgressStore(":memory:")
    store.add(attempt(sample))
    assert store.in_memory and len(store.attempts()) == 1 and store.notice == ""
    assert list(tmp_path.iterdir()) == []


def test_the_shared_store_is_opened_once_per_path(tmp_path, monkeypatch):
    """Does progress_store give the same store for the same path, and a new one when the path changes?"""
    first = progress_store()
    assert progress_store() is first
    monkeypatch.setenv("TRUSTLAB_PROGRESS", str(tmp_path / "other.sqlite3"))
    assert progress_store() is not first and progress_store().path.name == "other.sqlite3"


def test_resolve_store_understands_each_kind_of_record_argument(tmp_path):
    """Do None, False, True and a store each mean what the docs say, and anything else a TypeError?"""
    store = ProgressStore(":memory:")
    assert resolve_store(None) is None and resolve_store(False) is None
    assert resolve_store(store) is store and resolve_store(True) is progress_store()
    with pytest.raises(TypeError, match="record must be True"):
        resolve_store("yes")


# ---------------------------------------------------------------------------------------
# Recording


def test_attempts_are_saved_with_every_field(tmp_path, sample):
    """Is every field of an attempt saved and read back unchanged, by a fresh store on the same file?"""
    ProgressStore(tmp_path / "p.sqlite3").add(attempt(sample, "sample-q03", answer='{"x": "<é>"}'))
    [saved] = ProgressStore(tmp_path / "p.sqlite3").attempts()
    assert (saved.bank, saved.item, saved.type, saved.element) == ("sample", "sample-q03", "scenario",
                                                                   "cultural_awareness")
    assert saved.markers == ("4.3",) and saved.first and saved.correct and saved.score == 1.0
    assert saved.answer == '{"x": "<é>"}' and saved.run == "r1" and saved.time.endswith("+00:00")


def test_writes_are_all_or_nothing(tmp_path, sample):
    """If one answer in a batch cannot be written, are none of them written (one transaction)?"""
    store = ProgressStore(tmp_path / "p.sqlite3")
    good = attempt(sample)
    bad = Attempt(*[None if f == "answer" else getattr(good, f) for f in good.__dataclass_fields__])
    with pytest.raises(sqlite3.IntegrityError):
        store._write([good, bad])
    assert store.attempts() == []


def test_a_write_that_fails_is_kept_and_saved_later(tmp_path, sample, monkeypatch):
    """When the file is briefly unwritable (locked, disk full), is the answer kept, the learner told,
    and the answer saved with the next one?"""
    store = ProgressStore(tmp_path / "p.sqlite3")
    real_write = store._write
    calls = []

    def flaky(attempts):
        calls.append(len(attempts))
        if len(calls) == 1:
            raise sqlite3.OperationalError("database is locked")
        real_write(attempts)

    monkeypatch.setattr(store, "_write", flaky)
    store.add(attempt(sample, answer="first"))
    assert "could not be saved" in store.notice and "kept in memory" in store.notice
    assert [a.answer for a in store.attempts()] == ["first"]
    store.add(attempt(sample, answer="second"))
    assert calls == [1, 2] and store.notice == ""
    assert [a.answer for a in ProgressStore(tmp_path / "p.sqlite3").attempts()] == ["first", "second"]


# ---------------------------------------------------------------------------------------
# Bad files never stop a lesson and never lose anything


def _aside(folder, kind="corrupt"):
    return sorted(p for p in folder.iterdir() if f".{kind}-" in p.name)


def test_a_corrupted_file_is_kept_and_a_fresh_one_started(tmp_path, sample):
    """Given garbage bytes in the progress file, is it set aside unchanged, the learner told, and saving carries on?"""
    path = tmp_path / "progress.sqlite3"
    garbage = os.urandom(3000)
    path.write_bytes(garbage)
    store = ProgressStore(path)
    [kept] = _aside(tmp_path)
    assert kept.read_bytes() == garbage and kept.name.startswith("progress.sqlite3.corrupt-")
    assert "could not be read" in store.notice and kept.name in store.notice and "fresh" in store.notice
    store.add(attempt(sample))
    assert store.path == path and len(ProgressStore(path).attempts()) == 1


def test_a_damaged_page_inside_the_file_is_noticed(tmp_path, sample):
    """Is a file with a valid header but damaged pages found by the check and set aside?"""
    path = tmp_path / "progress.sqlite3"
    store = ProgressStore(path)
    for n in range(300):
        store.add(attempt(sample, answer="x" * 200 + str(n)))
    store.close()
    data = bytearray(path.read_bytes())
    data[4096 + 8: 4096 * 3] = os.urandom(4096 * 2 - 8)
    path.write_bytes(bytes(data))
    reopened = ProgressStore(path)
    assert "could not be read" in reopened.notice and len(_aside(tmp_path)) == 1
    assert reopened.attempts() == []


def test_a_file_damaged_while_open_is_set_aside_and_the_answer_saved(tmp_path, sample):
    """If the file is damaged during a lesson, is the next answer still saved, in a fresh file?"""
    path = tmp_path / "progress.sqlite3"
    store = ProgressStore(path)
    store.add(attempt(sample, answer="before"))
    with open(path, "r+b") as handle:
        handle.write(os.urandom(4096))
    store.add(attempt(sample, answer="after"))
    assert [a.answer for a in store.attempts()] == ["after"]
    assert len(_aside(tmp_path)) == 1 and "could not be read" in store.notice


def test_a_foreign_database_is_not_touched(tmp_path, sample):
    """Is an SQLite file that is not a trustlab progress file kept as it is, and a fresh one started?"""
    path = tmp_path / "progress.sqlite3"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE notes (text TEXT)")
    other.execute("INSERT INTO notes VALUES ('mine')")
    other.commit()
    other.close()
    store = ProgressStore(path)
    [kept] = _aside(tmp_path)
    assert sqlite3.connect(kept).execute("SELECT text FROM notes").fetchall() == [("mine",)]
    assert "not a trustlab progress file" in store.notice
    store.add(attempt(sample))
    assert len(store.attempts()) == 1


def test_an_unwritable_location_falls_back_to_memory(tmp_path, sample):
    """When the folder cannot be created, does the lesson carry on with answers kept in memory, and say so?"""
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where a folder should be")
    store = ProgressStore(blocker / "progress.sqlite3")
    assert store.in_memory and "cannot save your progress" in store.notice and "this session only" in store.notice
    store.add(attempt(sample))
    assert len(store.attempts()) == 1 and store.summary().attempts == 1
    assert "this session only" in str(store.summary())


def test_a_folder_in_place_of_the_file_falls_back_to_memory(tmp_path, sample):
    """When the path names a folder, not a file, is that reported and the lesson kept going?"""
    store = ProgressStore(tmp_path)
    assert store.in_memory and "cannot be opened" in store.notice
    store.add(attempt(sample))
    assert len(store.attempts()) == 1


# ---------------------------------------------------------------------------------------
# Summaries


def test_mastery_counts_the_latest_first_try_of_each_exercise(sample):
    """Is mastery the share right at the first try, using the most recent sitting of each exercise?"""
    store = ProgressStore(":memory:")
    store.add(attempt(sample, "sample-q01", correct=False, run="r1"))
    store.add(attempt(sample, "sample-q01", correct=True, first=False, run="r1"))  # a retry: does not count
    store.add(attempt(sample, "sample-q02", correct=True, run="r1"))
    store.add(attempt(sample, "sample-sp01", correct=False, run="r2"))
    summary = store.summary()
    by_element = {m.key: m for m in summary.elements}
    ps = by_element["psychological_safety"]
    assert (ps.right, ps.tried, ps.attempts, ps.share) == (0, 2, 3, 0.0)
    assert by_element["reliability"].words == "not practised yet" and by_element["reliability"].share is None
    by_marker = {m.key: (m.right, m.tried) for m in summary.markers}
    assert by_marker == {"4.1": (1, 1), "4.2": (0, 0), "4.3": (0, 1), "4.4": (0, 0)}
    assert summary.to_review == ("sample-q01", "sample-sp01") and summary.exercises == 3
    store.add(attempt(sample, "sample-q01", correct=True, run="r3"))  # practised again later
    assert {m.key: m.right for m in store.summary().elements}["psychological_safety"] == 1


def test_summary_reads_as_text_and_escaped_html(sample):
    """Does the summary print as plain text and render as an HTML table with its text escaped?"""
    store = ProgressStore(":memory:")
    assert "No answers recorded yet" in str(store.summary())
    store.add(attempt(sample, "sample-q02", correct=False))
    text = str(store.summary())
    assert "Mutual respect: 0 of 1 right at the first try (0%)" in text and "Worth another look: sample-q02" in text
    evil = ProgressSummary.from_attempts([], notice="<script>x</script>")
    assert "<script>" not in evil._repr_html_() and "&lt;script&gt;" in evil._repr_html_()
    page = store.summary()._repr_html_()
    assert page.count("<table") == 2 and "By element" in page and "4.4 Invites the client" in page


# ---------------------------------------------------------------------------------------
# Export and reset


def test_export_to_csv_and_json(tmp_path, sample):
    """Does export write every attempt to a spreadsheet-friendly CSV or to JSON, chosen by the suffix?"""
    store = ProgressStore(tmp_path / "p.sqlite3")
    store.add(attempt(sample, "sample-q02", answer='["a", "b"]'))
    store.add(attempt(sample, "sample-d01", correct=False, answer="Why, though?"))
    with open(store.export(tmp_path / "out.csv"), newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["item"] for r in rows] == ["sample-q02", "sample-d01"]
    assert rows[0]["markers"] == "4.1" and rows[1]["answer"] == "Why, though?" and rows[1]["correct"] == "False"
    data = json.loads(store.export(tmp_path / "out.JSON").read_text(encoding="utf-8"))
    assert data[1]["answer"] == "Why, though?" and data[0]["first"] is True
    with pytest.raises(ValueError, match=r"ending in .csv or .json, not \"out.xlsx\""):
        store.export(tmp_path / "out.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.JSON", "out.csv", "p.sqlite3"]


def test_reset_keeps_a_backup(tmp_path, sample):
    """Does reset start afresh while keeping every old answer in a backup file?"""
    store = ProgressStore(tmp_path / "p.sqlite3")
    store.add(attempt(sample))
    backup = store.reset()
    assert backup.name.startswith("p.sqlite3.backup-") and store.attempts() == []
    assert len(ProgressStore(backup).attempts()) == 1
    second = store.reset()
    assert second != backup and second.exists()
    memory = ProgressStore(":memory:")
    memory.add(attempt(sample))
    assert memory.reset() is None and memory.attempts() == []


def test_the_learners_store_writes_in_the_background(tmp_path, sample):
    """Does the shared store return at once, show the answer straight away, and have it on disk after flush?"""
    store = progress_store()
    assert store.background
    for n in range(20):
        store.add(attempt(sample, answer=f"answer {n}"))
    assert [a.answer for a in store.attempts()] == [f"answer {n}" for n in range(20)]
    store.flush()
    on_disk = ProgressStore(tmp_path / "progress.sqlite3").attempts()
    assert [a.answer for a in on_disk] == [f"answer {n}" for n in range(20)]
    assert store.attempts() == on_disk  # nothing counted twice


def test_a_read_only_file_keeps_its_answers_and_records_in_memory(tmp_path, sample, monkeypatch):
    """When the file can be read but not written, are the old answers still shown, new ones kept, and the learner told?"""
    path = tmp_path / "progress.sqlite3"
    ProgressStore(path).add(attempt(sample, answer="old"))
    monkeypatch.setattr(records, "_open_file", lambda p: sqlite3.connect(
        f"file:{p}?mode=ro", uri=True, check_same_thread=False))
    store = ProgressStore(path)
    assert store.in_memory and "is read-only" in store.notice and "earlier answers are shown" in store.notice
    store.add(attempt(sample, answer="new"))
    assert [a.answer for a in store.attempts()] == ["old", "new"]


def test_a_closed_store_opens_its_file_again_and_never_sets_it_aside(tmp_path, sample):
    """Used after close, does a store reopen its file instead of mistaking it for a damaged one?"""
    store = ProgressStore(tmp_path / "p.sqlite3")
    store.add(attempt(sample, answer="one"))
    store.close()
    store.close()
    store.add(attempt(sample, answer="two"))
    assert [a.answer for a in store.attempts()] == ["one", "two"]
    assert store.notice == "" and _aside(tmp_path) == []
