"""Tests for trustlab.redaction: names, places, emails and phone numbers out of a session."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustlab.redaction import redact
from trustlab.transcripts import Transcript, Turn, read_transcript

SAMPLES = Path(__file__).resolve().parent / "data" / "review"


def transcript(*pairs, source="session.txt") -> Transcript:
    return Transcript(tuple(Turn(s, t) for s, t in pairs), source, "script")


def test_the_same_name_always_gets_the_same_placeholder():
    """Is the client "[Client]" in every label and every mention, and each other person one number?"""
    t = transcript(("Dana", "Hi Maria. How did it go with Tom?"),
                   ("Maria", "Tom was kind. Then tom's boss, Jo, came in. Maria's plan worked."),
                   ("Dana", "What did Jo say, Maria?"))
    out = redact(t, names=["Tom", "Jo"], keep=["Dana"])
    assert [turn.speaker for turn in out.turns] == ["Dana", "[Client]", "Dana"]
    assert out.turns[0].text == "Hi [Client]. How did it go with [Person 1]?"
    assert out.turns[1].text == ("[Person 1] was kind. Then [Person 1]'s boss, [Person 2], came in. "
                                 "[Client]'s plan worked.")
    assert out.turns[2].text == "What did [Person 2] say, [Client]?"


def test_matching_is_whole_words_in_any_case():
    """Is "MARIA" replaced but "Mariana" left alone?"""
    assert redact("MARIA, maria and Mariana.", names=["Maria"]) == "[Person 1], [Person 1] and Mariana."


@pytest.mark.parametrize("said, expected", [
    ("Maria's idea", "[Person 1]'s idea"),
    ("Maria\u2019s idea", "[Person 1]\u2019s idea"),
    ("the Jameses' house", "the Jameses' house"),
    ("James' house", "[Person 2]' house"),
])
def test_possessives(said, expected):
    """Is the name in "Maria's" or "James'" replaced, keeping the possessive?"""
    assert redact(said, names=["Maria", "James"]) == expected


def test_a_speakers_first_and_last_names_are_replaced_too():
    """Does "Leo Martin" as a speaker also hide "Leo" and "Martin" in the text?"""
    t = transcript(("Priya Shah", "Leo, what does Martin family life look like? Priya here."),
                   ("Leo Martin", "Busy."))
    out = redact(t, keep=["Priya Shah"])
    assert out.turns[0].text == "[Client], what does [Client] family life look like? Priya here."
    assert out.turns[1].speaker == "[Client]"


def test_other_speakers_are_numbered_people():
    """In a three-way session, is the quieter non-coach speaker "[Person 1]"?"""
    t = transcript(("Coach", "What brings you both?"), ("Ann", "We argue about money all the time, honestly."),
                   ("Bob", "We do."), ("Coach", "Ann, Bob: say more?"))
    out = redact(t, keep=["Coach"])
    assert [x.speaker for x in out.turns] == ["Coach", "[Client]", "[Person 1]", "Coach"]
    assert out.turns[3].text == "[Client], [Person 1]: say more?"


def test_role_labels_are_not_names():
    """Are "Coach" and "Client" labels, and the words "coach" and "client" in the text, left alone?"""
    t = transcript(("Coach", "As your coach, what do you want?"), ("Client", "A client list."))
    out = redact(t)
    assert out.turns == t.turns


def test_the_coach_is_guessed_when_not_kept():
    """Without keep, is the speaker who asks the most questions kept as the coach?"""
    t = transcript(("Dana", "What would help?"), ("Sam", "Time. Dana knows that."), ("Dana", "And then?"))
    out = redact(t)
    assert [x.speaker for x in out.turns] == ["Dana", "[Client]", "Dana"]
    assert out.turns[1].text == "Time. Dana knows that."


def test_a_kept_name_is_never_replaced():
    """Does keep win over names, so the coach's name stays wherever it is said?"""
    assert redact("Dana met Tom.", names=["Dana", "Tom"], keep=["Dana"]) == "Dana met [Person 1]."


def test_places_are_numbered_in_the_order_given():
    """Are places (several words too) replaced by "[Place 1]", "[Place 2]"?"""
    out = redact("From new  york to Leeds, then back to New York.", places=["Leeds", "New York"])
    assert out == "From [Place 2] to [Place 1], then back to [Place 2]."


def test_emails():
    """Are emails replaced, the same address always with the same number, whatever its case?"""
    out = redact("Write to ann.lee+work@mail.example.co.uk or ANN.LEE+WORK@MAIL.EXAMPLE.CO.UK, or bo@x.org.")
    assert out == "Write to [Email 1] or [Email 1], or [Email 2]."


@pytest.mark.parametrize("number", [
    "+44 20 7946 0958", "+1-202-555-0173", "(555) 123-4567", "555-123-4567", "555.123.4567",
    "07700 900123", "07700900123", "+33 1 23 45 67 89", "+49 (0)30 1234567", "+61 2 9876 5432",
    "+91 98765 43210", "020 7946 0958",
])
def test_phone_numbers_in_international_formats(number):
    """Is each common national or international way of writing a phone number replaced?"""
    assert redact(f"Call me on {number}, please.") == "Call me on [Phone 1], please."


@pytest.mark.parametrize("text", [
    "We met on 2024-05-01 at 12:40.", "It ran 2019-2020.", "About 1,500 people came.",
    "Aim for 20-30% of the talk.", "She scored 7/10.", "Turn 57 at 00:12:40.", "We raised 2500000.",
    "Page 12 of 300.",
])
def test_numbers_that_are_not_phone_numbers_stay(text):
    """Are dates, years, times, percentages and amounts left as they are?"""
    assert redact(text) == text


def test_the_same_phone_number_written_two_ways_gets_one_placeholder():
    """Is 555-123-4567 the same number as 555.123.4567?"""
    assert redact("555-123-4567 or 555.123.4567") == "[Phone 1] or [Phone 1]"


def test_a_name_that_is_also_a_word_is_replaced_only_when_capitalised():
    """Is "Will" the person replaced, but "will" the verb kept?"""
    assert redact("Will said he will call Hope, with hope.", names=["Will", "Hope"]) == \
        "[Person 1] said he will call [Person 2], with hope."


def test_the_file_name_is_redacted_too():
    """Is the client's name taken out of the source, which the report shows as its title?"""
    t = transcript(("Dana", "How are you?"), ("Maria Lopez", "Fine."), source="maria-lopez-march.txt")
    assert redact(t, keep=["Dana"]).source == "[Client]-[Client]-march.txt"
    t = transcript(("Dana", "How are you?"), ("Leo", "Fine."), source="dana_and_leo.vtt")
    assert redact(t).source == "dana_and_[Client].vtt"


def test_returns_the_same_type_and_leaves_the_original_alone():
    """Does redacting a Transcript give a new Transcript, and text give text?"""
    t = read_transcript(SAMPLES / "priya_and_leo.vtt")
    out = redact(t, names=["Maria", "Tom Baker"], keep=["Priya Shah"])
    assert isinstance(out, Transcript) and isinstance(redact("x"), str)
    assert t.turns[1].speaker == "Leo Martin"
    everything = " ".join(f"{x.speaker} {x.text}" for x in out.turns)
    for secret in ("Leo", "Martin", "Maria", "Tom", "Baker", "@example.com", "7946"):
        assert secret not in everything
    assert "[Email 1]" in everything and "[Phone 1]" in everything
    assert [x.start for x in out.turns] == [x.start for x in t.turns]


def test_bad_arguments_are_type_errors():
    """Is a wrong kind of input a TypeError saying what is accepted?"""
    with pytest.raises(TypeError, match="Transcript or text"):
        redact(42)
    with pytest.raises(TypeError, match="list of words"):
        redact("text", names=[1, 2])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["Maria", "Jo Ann", "Zoë", "O'Neil"]))
def test_a_given_name_never_survives(text, name):
    """Whatever surrounds it, is a name the user gives always gone from the result?"""
    out = redact(f"{text} {name} {text}", names=[name])
    assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", out, re.I)
