"""Tests for trustlab.review: the review of a whole coaching session."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trustlab import lexicon
from trustlab.review import SHARE_BAND, Review, clock, guess_coach, resolve_speaker, review
from trustlab.transcripts import Transcript, Turn, read_transcript

SAMPLES = Path(__file__).resolve().parent / "data" / "review"


def session(*pairs, times: bool = False, source: str = "test") -> Transcript:
    """A transcript from (speaker, words) pairs; with times, each turn lasts its words / 2.5 s."""
    turns, clock_ = [], 0.0
    for speaker, text in pairs:
        if times:
            length = max(1.0, len(text.split()) / 2.5)
            turns.append(Turn(speaker, text, clock_, clock_ + length))
            clock_ += length + 1.0
        else:
            turns.append(Turn(speaker, text))
    return Transcript(tuple(turns), source, "script")


@pytest.fixture(scope="module")
def dana() -> Review:
    """A good session (a typed script, no times): Dana coaches Sam before a promotion panel."""
    return review(read_transcript(SAMPLES / "dana_and_sam.txt"))


@pytest.fixture(scope="module")
def priya() -> Review:
    """A weaker session (Zoom WebVTT, timed): Priya coaches Leo, who is being made redundant."""
    return review(read_transcript(SAMPLES / "priya_and_leo.vtt"))


# --- the sample sessions, with figures counted by hand ----------------------------------


def test_who_is_the_coach_when_nobody_says():
    """Is the coach guessed as the speaker who asks the most questions, and does the review say why?"""
    r = review(read_transcript(SAMPLES / "dana_and_sam.txt"))
    assert r.coach == "Dana"
    assert r.coach_reason.startswith("I took Dana to be the coach because Dana asked the most questions (10;")
    assert guess_coach(read_transcript(SAMPLES / "priya_and_leo.vtt"))[0] == "Priya Shah"


def test_share_of_voice_in_the_good_session(dana):
    """Does Dana's share of the words (about 23%) fall within the 20-30% rule of thumb?"""
    assert dana.coach_share == pytest.approx(0.234, abs=0.005)
    assert dana.share_verdict == "within"
    assert dana.time_share is None and dana.coach_time_share is None  # a plain script has no times


def test_share_of_voice_by_words_and_by_time(priya):
    """Is Priya's share (about 65% of the words, 63% of the time) reported above the band?"""
    assert priya.coach_share == pytest.approx(0.646, abs=0.005)
    assert priya.coach_time_share == pytest.approx(0.634, abs=0.005)
    assert priya.share_verdict == "above"
    assert sum(priya.word_share.values()) == pytest.approx(1.0)


def test_question_counts_in_the_good_session(dana):
    """Are Dana's ten questions counted as nine open and one closed, with nothing to flag?"""
    q = dana.questions
    assert (q.open, q.closed, q.why, q.leading, q.stacked) == (9, 1, 0, 0, 0)
    assert q.examples["closed"] == "Is that the right size of step for you?"


def test_question_counts_in_the_weaker_session(priya):
    """Are Priya's "why", leading and stacked questions counted?"""
    q = priya.questions
    assert (q.open, q.closed, q.why, q.leading, q.stacked) == (7, 6, 1, 2, 1)
    assert q.examples["why"] == "Why didn't you ask her straight out?"
    assert q.examples["leading"].endswith("right?")


def test_markers_found_turn_by_turn(dana, priya):
    """Is the marker evidence found where a listener would find it, quoting the coach's words?"""
    found = {(m.turn, f.id) for m in dana.moments for f in m.markers}
    assert {(3, "4.2"), (3, "4.3"), (7, "4.1"), (11, "4.4")} <= found
    assert {(17, "4.2"), (21, "4.4")} <= {(m.turn, f.id) for m in priya.moments for f in m.markers}
    quoted = {f.id: f.words for m in dana.moments if m.turn == 11 for f in m.markers}
    assert quoted["4.4"] == "I could be wrong"
    assert all(f.reason for m in dana.moments for f in m.markers)


def test_red_flags_turn_by_turn(dana, priya):
    """Does the good session raise no red flag, and the weaker one the flags it shows?"""
    assert dana.flag_counts() == {}
    flags = {(m.turn, f.id) for m in priya.moments for f in m.flags}
    assert {(3, "leading_question"), (3, "dismissal"), (5, "why_question"), (5, "stacked_questions"),
            (5, "advice"), (7, "advice"), (9, "leading_question"), (9, "praise"), (11, "dismissal")} <= flags


def test_disclosures_and_how_they_were_met(dana, priya):
    """Are the client's disclosures found, and each reply called acknowledged, dismissed or moved on?"""
    assert [(d.turn, d.response) for d in dana.disclosures] == [
        (2, "acknowledged"), (12, "moved on"), (20, "session ended")]
    assert [(d.turn, d.words, d.response) for d in priya.disclosures] == [
        (2, "made redundant", "dismissed"), (8, "I feel like such", "moved on"), (10, "awful", "dismissed"),
        (16, "worried", "acknowledged"), (24, "redundancy", "session ended")]
    first = priya.disclosures[0]
    assert first.quote.startswith("I was told on Monday") and first.evidence == "at least you'll get a payout"
    assert first.reply_turn == 3 and first.start == pytest.approx(9.6)


def test_longest_monologue_with_seconds_and_start(priya, dana):
    """Is the coach's longest stretch measured in words and seconds, with where it starts?"""
    m = priya.longest
    assert (m.turn, m.words) == (7, 130)
    assert m.start == pytest.approx(56.4) and m.seconds == pytest.approx(52.5)
    assert m.where() == "0:56 (turn 7)"
    assert (dana.longest.turn, dana.longest.words, dana.longest.seconds) == (3, 21, None)


def test_backtracking_in_the_samples(dana, priya):
    """Is backtracking counted against the client's turn just before, with examples in their words?"""
    b = dana.backtracking
    assert (b.reused, b.turns) == (6, 9)
    assert b.rate == pytest.approx(6 / 9)
    assert ("practise", "pace") in [e.words for e in b.examples]
    assert (priya.backtracking.reused, priya.backtracking.turns) == (2, 11)


def test_three_strengths_and_three_things_to_try(dana, priya):
    """Are there three of each, specific to the figures of the session?"""
    for r in (dana, priya):
        assert len(r.strengths) == 3 and len(r.try_next) == 3
        assert len(set(r.strengths)) == 3 and len(set(r.try_next)) == 3
    assert "You asked 9 open questions and 1 closed one" in " ".join(dana.strengths)
    assert any(s.startswith("You spoke 23% of the words, inside") for s in dana.strengths)
    assert "Try waiting after a question: your longest stretch was 130 words (53 seconds) at 0:56 (turn 7)." \
        in priya.try_next
    assert any('"at least you\'ll get a payout" made it smaller' in t for t in priya.try_next)
    assert any(t.startswith("You spoke 65% of the words; the rule of thumb is 20 to 30%") for t in priya.try_next)


# --- rules, built by hand ---------------------------------------------------------------------


def test_the_coach_can_be_named_in_any_case():
    """Is --coach matched without regard to case, or by the start of a longer label?"""
    t = session(("Dana Smith", "Hello."), ("Sam", "What is this?"))
    assert review(t, coach="dana smith").coach == "Dana Smith"
    assert review(t, coach="dana").coach == "Dana Smith"
    assert review(t, coach="Dana").coach_reason == "You named Dana Smith as the coach."
    assert resolve_speaker(t, "SAM") == "Sam"


def test_an_unknown_coach_lists_the_speakers():
    """Is a coach who is not a speaker a ValueError naming the speakers there are?"""
    with pytest.raises(ValueError, match=r'The coach "Kim" is not a speaker in test\. The speakers are: "Dana", "Sam"\.'):
        review(session(("Dana", "Hi?"), ("Sam", "Hi.")), coach="Kim")


def test_a_coach_name_that_fits_several_speakers_asks_for_more():
    """Is "Da" for "Dana" and "Dave" a ValueError naming both, not a guess?"""
    with pytest.raises(ValueError, match=r'"Da" could be any of these speakers in test: "Dana", "Dave"'):
        review(session(("Dana", "Hi?"), ("Dave", "Hi.")), coach="Da")


def test_not_a_transcript_is_a_type_error():
    """Is text passed instead of a Transcript a TypeError that says how to read one?"""
    with pytest.raises(TypeError, match="read_transcript"):
        review("Coach: hello")


def test_an_empty_transcript_is_a_value_error():
    """Is a transcript with no turns a ValueError, not a crash?"""
    with pytest.raises(ValueError, match="no turns"):
        review(Transcript((), "empty.txt"))


def test_a_lone_speaker_is_the_coach():
    """With one speaker, is that speaker the coach, with nothing to compare?"""
    r = review(session(("Ann", "I will talk for a while about my plans.")))
    assert r.coach == "Ann" and "only speaker" in r.coach_reason
    assert r.backtracking.rate is None and r.client_turns == 0


def test_ties_go_to_the_speaker_who_talks_less():
    """When two speakers ask as many questions, is the quieter one taken to be the coach?"""
    t = session(("Ann", "Is it late? I have been talking for a long long time today."), ("Bo", "Is it?"))
    assert guess_coach(t)[0] == "Bo"


def test_nobody_asks_a_question():
    """When nobody asks anything, is the quieter speaker taken as the coach, and the reason says so?"""
    coach, reason = guess_coach(session(("Ann", "I spoke a lot here, on and on."), ("Bo", "Yes.")))
    assert coach == "Bo" and reason.startswith("Nobody asked a question")


@pytest.mark.parametrize("coach_share, verdict", [(0.1, "below"), (0.25, "within"), (0.3, "within"), (0.5, "above")])
def test_share_verdict_against_the_band(coach_share, verdict):
    """Is the coach's share placed below, within or above the 20-30% band?"""
    words = round(coach_share * 100)
    t = session(("Coach", "What? " + "word " * (words - 1)), ("Client", "word " * (100 - words)))
    r = review(t, coach="Coach")
    assert r.coach_share == pytest.approx(coach_share)
    assert r.share_verdict == verdict
    assert SHARE_BAND == (0.20, 0.30)


def test_a_coach_turn_split_over_captions_is_one_stretch():
    """Are consecutive coach turns (one speech cut into captions) measured as one stretch?"""
    t = Transcript((Turn("Coach", "one two three", 0, 2), Turn("Coach", "four five", 2, 5),
                    Turn("Client", "six", 5, 6), Turn("Coach", "seven eight nine ten?", 6, 7)))
    m = review(t, coach="Coach").longest
    assert (m.turn, m.words, m.start, m.seconds) == (1, 5, 0, 5)


def test_a_stretch_without_an_end_time_ends_when_the_next_turn_begins():
    """Otter exports give no end times: does the stretch run to the next turn's start?"""
    t = Transcript((Turn("Coach", "How was it? Tell me.", 10.0), Turn("Client", "Fine.", 40.0)))
    assert review(t, coach="Coach").longest.seconds == 30.0


@pytest.mark.parametrize("client, coach, response", [
    ("I've been crying every night since the layoff.", "That sounds really hard.", "acknowledged"),
    ("My mum died in March.", "Everyone goes through that at some point.", "dismissed"),
    ("I've never told anyone this, but I'm in debt.", "Okay, so back to your goals.", "dismissed"),
    ("I'm exhausted most days.", "What time do you start work?", "moved on"),
])
def test_how_a_disclosure_is_met(client, coach, response):
    """Is the coach's next turn after a disclosure read as acknowledged, dismissed or moved on?"""
    r = review(session(("Coach", "What would you like to talk about?"), ("Client", client), ("Coach", coach)),
               coach="Coach")
    assert [d.response for d in r.disclosures] == [response]
    assert r.disclosures[0].reply == coach


def test_a_disclosure_at_the_end_has_no_reply():
    """Is a disclosure in the last turn reported as "session ended", not as moved on?"""
    r = review(session(("Coach", "How are you?"), ("Client", "Honestly, I feel hopeless.")), coach="Coach")
    assert [(d.response, d.reply_turn) for d in r.disclosures] == [("session ended", None)]


def test_backtracking_counts_key_words_not_stop_words():
    """Does reusing "the", "really" or "feel" not count, while "deadline" (as "deadlines") does?"""
    r = review(session(
        ("Coach", "Where shall we start?"),
        ("Client", "I really feel the deadline is crushing me."),
        ("Coach", "What do you feel about the week?"),
        ("Client", "It's the deadline again."),
        ("Coach", "What is it about deadlines that matters?"),
    ), coach="Coach")
    b = r.backtracking
    assert (b.reused, b.turns) == (1, 2)
    assert [e.words for e in b.examples] == [("deadline",)]


def test_words_in_an_email_address_are_not_backtracking():
    """Is "maria" inside maria@example.com kept out of the client's key words?"""
    r = review(session(("Coach", "Hi?"), ("Client", "Maria is my boss."), ("Coach", "Write to maria@example.com?")),
               coach="Coach")
    assert r.backtracking.reused == 0


def test_every_message_in_the_data_file_can_be_filled_in():
    """Does each strength and thing-to-try in review.yaml use only names the rules fill in?"""
    allowed = {"share", "open", "closed", "marker_name", "marker", "times", "words", "how", "client",
               "rate", "example", "questions", "turns", "client_turns", "seconds", "at", "word"}
    data = lexicon.load("review")
    for group in ("strengths", "try_next"):
        for key, message in data[group].items():
            fields = {name for _, name, _, _ in string.Formatter().parse(message) if name}
            assert fields <= allowed, (group, key, fields - allowed)


def test_fewer_than_three_suggestions_only_when_there_is_little_to_go_on():
    """Does a session with no coach turn at all give no strengths rather than invented ones?"""
    r = review(session(("Client", "Hello?")), coach="Client")
    assert r.coach_turns == 1 and len(r.try_next) == 3
    r = review(session(("Ann", "Hi?"), ("Bo", "Hello.")), coach="Bo")
    assert r.strengths == () or all(isinstance(s, str) for s in r.strengths)


# --- rendering --------------------------------------------------------------------------------


def test_text_view_has_every_section(priya):
    """Does the plain-text review show each part, in words a coach can read?"""
    text = str(priya)
    for heading in ("Session review: priya_and_leo.vtt", "Share of voice", "Questions", "PCC markers",
                    "Red flags", "Turn by turn", "Disclosures by the client: 5", "Backtracking",
                    "Three strengths", "Three things to try next", "rule of thumb", "not a research finding"):
        assert heading in text
    assert "Priya Shah (coach): 65% of the words, 63% of the speaking time" in text


def test_html_escapes_everything_from_the_transcript():
    """Is a <script> in the words or in a speaker's name shown as text, never as markup?"""
    t = session(("Coach <script>alert(1)</script>", "What's going on? <script>alert('x')</script> Say more."),
                ("Client", "I'm scared <img src=x onerror=alert(2)> of it."),
                ("Coach <script>alert(1)</script>", "That sounds hard. <script>steal()</script>"))
    page = review(t)._repr_html_()
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;" in page


def test_json_has_stable_keys(priya):
    """Does to_dict give the documented keys, and to_json the same data as JSON?"""
    data = priya.to_dict()
    assert list(data) == ["schema", "source", "format", "coach", "coach_reason", "speakers", "turns",
                          "coach_turns", "client_turns", "duration", "share_of_voice", "longest_monologue",
                          "questions", "markers", "red_flags", "moments", "disclosures", "responses",
                          "backtracking", "strengths", "try_next"]
    assert data["schema"] == "trustlab.review/1"
    assert list(data["share_of_voice"]) == ["by_words", "by_time", "coach_by_words", "coach_by_time",
                                            "rule_of_thumb", "verdict"]
    assert data["markers"] == {"4.1": 0, "4.2": 1, "4.3": 0, "4.4": 1}
    assert data["responses"] == {"acknowledged": 1, "dismissed": 2, "moved on": 1, "session ended": 1}
    assert json.loads(priya.to_json()) == json.loads(json.dumps(data))


def test_placeholders_from_redaction_survive_in_quotes():
    """After redaction, do quotes keep "[Email 1]" instead of dropping it as a transcriber's note?"""
    from trustlab.redaction import redact

    t = session(("Coach", "Why not? Have you tried emailing her at ann@example.com?"), ("Client", "No."))
    r = review(redact(t, keep=["Coach"]), coach="Coach")
    quoted = [f.words for m in r.moments for f in m.flags]
    assert "Have you tried emailing her at [Email 1]?" in quoted
    assert "[Email 1]" in r.longest.text
    assert "Redacted" not in r.to_json()


def test_clock():
    """Are times written as a listener reads them?"""
    assert (clock(0), clock(59.9), clock(61), clock(3600)) == ("0:00", "0:59", "1:01", "1:00:00")


# --- robustness -------------------------------------------------------------------------------

_turns = st.builds(
    Turn,
    st.sampled_from(["Coach", "Client", "Ann Lee", "<b>x</b>", ""]),
    st.text(max_size=300),
    st.one_of(st.none(), st.floats(0, 1e5, allow_nan=False)),
    st.one_of(st.none(), st.floats(0, 1e5, allow_nan=False)),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_turns, min_size=1, max_size=10))
def test_review_never_raises_on_any_text(turns):
    """Does review() handle any Transcript built from arbitrary text, and render it every way?"""
    r = review(Transcript(tuple(turns)))
    assert r.coach in r.speakers
    assert len(r.try_next) <= 3 and len(r.strengths) <= 3
    str(r)
    assert "<script" not in r._repr_html_()
    json.loads(r.to_json())
