"""Tests for trustlab.markers: the PCC markers 4.1 to 4.4 of Competency 4."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustlab.findings import Finding
from trustlab.markers import MARKER_IDS, detect_markers, find_markers
from trustlab.bench import multilabel_scores


# (client or None, coach, the markers a trained listener would hear)
SHOWS = [
    # 4.1 acknowledgment of who the client is being and what they did
    (None, "You stuck with that conversation even when it got tense.", {"4.1"}),
    (None, "You've put real thought into this.", {"4.1"}),
    (None, "That's your insight, not mine.", {"4.1"}),
    ("I rewrote the plan twice before it felt right.", "You saw it through until it fitted you.", {"4.1"}),
    (None, "That took courage, telling the board first.", {"4.1"}),
    ("I ran my first half marathon.", "You trained through a wet winter for that, and you crossed the line.", {"4.1"}),
    # 4.2 support, empathy or concern
    (None, "That sounds really hard.", {"4.2"}),
    (None, "It makes sense you'd feel stretched.", {"4.2"}),
    (None, "How are you doing with all this?", {"4.2"}),
    (None, "I can hear how much this matters.", {"4.2"}),
    ("My father is in hospice.", "I'm so sorry. That's a lot to be holding right now.", {"4.2"}),
    ("I'm so anxious I can't sleep.", "Not sleeping is a lot to live with. What would help most today?", {"4.2"}),
    # 4.3 welcoming the client's feelings, views and ideas
    (None, "Thank you for telling me that.", {"4.3"}),
    (None, "It's okay to feel angry.", {"4.3"}),
    (None, "What else are you feeling?", {"4.3"}),
    ("I'm worried the team will think I'm weak.", "Say more about that worry.", {"4.3"}),
    ("I feel torn about the move.", "Torn. What's pulling you each way?", {"4.3"}),
    ("I'm really annoyed with my sister.", "Say more about the annoyance.", {"4.3"}),
    ("What if I asked for a trial month?", "Let's look at your trial-month idea. What would it involve?", {"4.3"}),
    # 4.4 an offer without attachment, and an open door to reply
    (None, "I could be wrong, but I notice you speed up when your sister comes up. What do you make of that?",
     {"4.4"}),
    (None, "How does that land?", {"4.4"}),
    (None, "Take it or leave it: maybe the deadline isn't the real constraint.", {"4.4"}),
    ("No, that's not it.", "Thanks for correcting me. What is it for you?", {"4.4"}),
    ("That metaphor doesn't work for me.", "Fair enough, let's drop it. How would you describe it?", {"4.4"}),
]

# Near misses: words close to a marker that a trained listener would not count.
NEAR_MISSES = [
    (None, "Great job!", "praise grades the client; it is not acknowledgment"),
    (None, "I'm so proud of you!", "praise centres the coach"),
    (None, "Did you finish the report?", "a question asks; it acknowledges nothing"),
    (None, "It sounds like you've decided.", "a reflection of what the client said, not acknowledgment"),
    (None, "That sounds like a plan.", '"sounds like" with nothing felt in it is not empathy'),
    (None, "What would help you decide?", "a neutral question"),
    ("I'm scared I'm not good enough.", "Why are you so scared?", "the client's word turned into a why"),
    ("I'm scared I'm not good enough.", "So what I'm hearing is that you're scared.", "a formula, not a welcome"),
    ("No, that's not it at all.", "I think it is, though.", "the coach presses the idea after the client's no"),
    ("No, that's not really it.", "Hmm, I still think he's at the centre of this.", "the coach holds on"),
]


@pytest.mark.parametrize("client, coach, expected", SHOWS)
def test_marker_examples(client, coach, expected):
    """Does each marker show up in words a trainer would recognise as evidence of it?"""
    assert detect_markers(coach, client) == expected


@pytest.mark.parametrize("client, coach, why", NEAR_MISSES)
def test_near_misses_show_no_marker(client, coach, why):
    """Are words that only resemble a marker left unmarked?"""
    assert detect_markers(coach, client) == set(), why


def test_praise_is_kept_apart_from_acknowledgment():
    """Is praise kept apart from acknowledgment, even in the same turn?"""
    assert "4.1" not in detect_markers("Well done!")
    assert "4.1" in detect_markers("Well done! You took that into your own hands.")


def test_client_words_count_only_with_the_client_turn():
    """Does taking up the client's feeling word count only when the client said it?"""
    assert detect_markers("Flat. Can you say a bit more about flat?", client="I just feel flat.") == {"4.3"}
    assert detect_markers("Flat. Can you say a bit more about flat?") == set()


def test_accepting_a_no_needs_the_no():
    """Is "Okay, what is it then?" partnering only after the client has said no?"""
    assert detect_markers("Okay. What is it, then?", client="No, that's not it.") == {"4.4"}
    assert detect_markers("Okay. What is it, then?", client="I had a good week.") == set()


def test_findings_quote_the_words_and_explain():
    """Does each finding quote words from the turn and give a reason in plain words?"""
    coach = "That sounds really hard. Thank you for telling me."
    findings = find_markers(coach)
    assert [f.id for f in findings] == ["4.2", "4.3"]
    for finding in findings:
        assert isinstance(finding, Finding)
        assert finding.words and finding.words in coach
        assert finding.reason.endswith(".") and f"({finding.id})" in finding.reason


@pytest.mark.parametrize("coach, client, name", [
    (None, None, "coach"), (3, None, "coach"), (b"hi", None, "coach"), ("Hi.", 7, "client"), ("Hi.", ["x"], "client"),
])
def test_non_text_raises_type_error_naming_the_argument(coach, client, name):
    """Is a non-str coach or client turn refused with a TypeError that names it?"""
    with pytest.raises(TypeError, match=rf"^{name} must be text"):
        detect_markers(coach, client)
    with pytest.raises(TypeError, match=rf"^{name} must be text"):
        find_markers(coach, client)


@pytest.mark.parametrize("coach", ["", "   ", "...", "?", "\n\n"])
def test_empty_text_shows_nothing(coach):
    """Is blank or punctuation-only text reported as showing no marker, not raised?"""
    assert detect_markers(coach) == set()
    assert detect_markers(coach, client="") == set()


@settings(max_examples=300, deadline=None)
@given(coach=st.text(max_size=300), client=st.none() | st.text(max_size=300))
def test_any_text_never_raises(coach, client):
    """Does any text at all, for coach and client, give only known marker ids?"""
    found = find_markers(coach, client)
    assert {f.id for f in found} <= set(MARKER_IDS)
    assert len({f.id for f in found}) == len(found)


def test_agreement_with_labelled_turns(coach_turn_cases):
    """Do the detected markers agree with the trainers' labels on the labelled coach turns?"""
    gold = [set(case["markers"]) for case in coach_turn_cases]
    predicted = [detect_markers(case["coach"], case["client"]) for case in coach_turn_cases]
    micro, recall = multilabel_scores(gold, predicted, MARKER_IDS)
    assert micro >= 0.8, f"micro-F1 {micro:.3f} is below 0.8"
    low = {i: round(r, 3) for i, r in recall.items() if r < 0.6}
    assert not low, f"recall below 0.6 for {low}"
