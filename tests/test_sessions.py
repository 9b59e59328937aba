"""Tests for trustlab.sessions: the sample sessions shipped for lesson 7.

The samples are teaching material, so besides opening them, these tests check that they
still show what lesson 7 says they show: the full session is a Zoom transcript of 45 to 60
minutes and 80 to 150 turns, with the coach near the 20 to 30% rule of thumb, one "why"
question, stacked questions, praise, a disclosure the coach first moves on from, an offer
with an invitation to respond, and silences; the short one is an Otter export with a
different coach, where the coach talks well above the rule of thumb.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from trustlab.review import review
from trustlab.sessions import SESSIONS, sample_session, sample_sessions
from trustlab.transcripts import read_transcript

FULL = "zoom_team_lead.vtt"
SHORT = "otter_phd_extension.txt"


@pytest.fixture(scope="module")
def full():
    transcript = read_transcript(sample_session(FULL))
    return transcript, review(transcript, coach="Hélène")


@pytest.fixture(scope="module")
def short():
    transcript = read_transcript(sample_session(SHORT))
    return transcript, review(transcript)


# ---------------------------------------------------------------------------------------
# Finding the samples


def test_sample_sessions_lists_both_samples_in_order():
    assert sample_sessions() == [SHORT, FULL]


def test_sample_session_returns_an_existing_path_inside_the_package():
    path = sample_session(FULL)
    assert isinstance(path, Path) and path.is_file()
    assert path.parent == SESSIONS and SESSIONS.parts[-3:] == ("trustlab", "data", "sessions")


@pytest.mark.parametrize("name", ["zoom_team_lead", "ZOOM_TEAM_LEAD.VTT", "  zoom_team_lead.vtt "])
def test_names_match_without_ending_case_or_spaces(name):
    assert sample_session(name).name == FULL


@pytest.mark.parametrize("name", ["", "zoom", "team_lead.vtt", "zoom_team_lead.srt", "../banks/markers.yaml"])
def test_an_unknown_name_says_which_samples_there_are(name):
    with pytest.raises(ValueError, match="The samples are: otter_phd_extension.txt, zoom_team_lead.vtt"):
        sample_session(name)


def test_a_name_that_is_not_text_is_refused():
    with pytest.raises(TypeError, match="name must be a text"):
        sample_session(Path(FULL))


def test_only_transcript_files_are_listed(tmp_path, monkeypatch):
    import trustlab.sessions as sessions

    for name in ("b.vtt", "a.TXT", "notes.md", ".hidden.vtt", "c.csv"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "folder.vtt").mkdir()
    monkeypatch.setattr(sessions, "SESSIONS", tmp_path)
    assert sessions.sample_sessions() == ["a.TXT", "b.vtt", "c.csv"]


def test_a_missing_folder_gives_no_samples_and_a_clear_error(tmp_path, monkeypatch):
    import trustlab.sessions as sessions

    monkeypatch.setattr(sessions, "SESSIONS", tmp_path / "gone")
    assert sessions.sample_sessions() == []
    with pytest.raises(ValueError, match="the sessions folder is missing"):
        sessions.sample_session(FULL)


# ---------------------------------------------------------------------------------------
# The full session still shows what lesson 7 teaches from it


def test_full_session_is_a_zoom_transcript_of_the_right_size(full):
    transcript, _ = full
    assert transcript.format == "webvtt-zoom"
    assert transcript.speakers == ["Hélène Marchand", "Wanjiru Kamau"]
    assert 80 <= len(transcript) <= 150
    assert 45 * 60 <= transcript.duration <= 60 * 60


def test_full_session_times_are_in_order(full):
    transcript, _ = full
    for before, after in zip(transcript.turns, transcript.turns[1:]):
        assert before.start < before.end <= after.start


def test_full_session_has_silences(full):
    transcript, _ = full
    gaps = sorted(after.start - before.end for before, after in zip(transcript.turns, transcript.turns[1:]))
    assert gaps[-1] >= 30  # the client writes her sentences while the coach stays quiet
    assert sum(g >= 8 for g in gaps) >= 4


def test_the_coach_is_guessed_right(full):
    transcript, _ = full
    assert review(transcript).coach == "Hélène Marchand"


def test_full_session_share_of_voice_is_near_the_rule_of_thumb(full):
    _, r = full
    assert 0.25 <= r.coach_share <= 0.33
    assert r.longest.words >= 120  # the "speech" the client asks for fewer of


def test_full_session_shows_the_planned_slips(full):
    _, r = full
    q = r.questions
    assert q.why == 1 and "Why haven't you talked to him" in q.examples["why"]
    assert q.stacked >= 1 and q.leading >= 1
    flags = r.flag_counts()
    for flag in ("praise", "mechanical_reflection", "why_question", "stacked_questions", "leading_question"):
        assert flags.get(flag), flag
    assert not {"caretaking", "therapy_drift", "dismissal", "feedback_as_fact"} & set(flags)


def test_full_session_shows_each_marker(full):
    _, r = full
    assert all(n >= 1 for n in r.marker_counts().values())
    assert r.marker_counts()["4.4"] >= 3


def test_full_session_disclosure_is_first_passed_by_then_returned_to(full):
    transcript, r = full
    hr = [d for d in r.disclosures if "HR" in d.quote]
    assert len(hr) == 1 and hr[0].response == "moved on"
    later = [t for t in transcript.turns[hr[0].turn:] if t.speaker == "Hélène Marchand"
             and "complaint at your old job" in t.text]
    assert later, "the coach should come back to the HR complaint later"
    assert later[0].start - hr[0].start >= 5 * 60


def test_full_session_backtracking(full):
    _, r = full
    assert r.backtracking.rate >= 0.5


# ---------------------------------------------------------------------------------------
# The short session


def test_short_session_is_an_otter_export_with_another_coach(short):
    transcript, r = short
    assert transcript.format == "otter"
    assert transcript.speakers == ["Sipho Dlamini", "Aigerim Bekova"]
    assert r.coach == "Sipho Dlamini"
    assert 20 <= len(transcript) <= 60
    assert 5 * 60 <= transcript.duration <= 20 * 60


def test_short_session_coach_talks_above_the_rule_of_thumb(short):
    _, r = short
    assert r.share_verdict == "above"
    assert {"advice", "praise", "caretaking"} <= set(r.flag_counts())


def test_samples_are_original_and_name_no_real_contact_details():
    for name in sample_sessions():
        text = sample_session(name).read_text(encoding="utf-8")
        assert "@" not in text and "http" not in text.replace("https://otter.ai", "")
