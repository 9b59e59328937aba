"""Tests for trustlab.phrasing: "why", leading, stacked and advice-giving questions."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustlab.findings import Finding
from trustlab.phrasing import advice, leading_questions, question_parts, stacked_questions, why_questions

DETECTORS = [why_questions, leading_questions, stacked_questions, advice]


@pytest.mark.parametrize("text", [
    "Why did you do that?",
    "why did you leave so early",
    "Why not?",
    "Why do you think she said it?",
    "So, why might the project keep slipping?",
    "How come you stopped going?",
    "I'm curious why you held back.",
    "I'd love to hear why the date is still open.",
    "Rahul, why do you think you might be studying medicine?",
    "That makes sense, but why now?",
])
def test_why_questions_found(text):
    """Is a question asking "why" (or "how come") reported, however gently framed?"""
    found = why_questions(text)
    assert [f.id for f in found] == ["why_question"]
    assert found[0].words.lower() in text.lower()


@pytest.mark.parametrize("text", [
    "That's why I asked. What happened next?",
    "Which is why it matters to you.",
    "What made you decide?",
    "How might that feel?",
    "Nobody knows why.",
    "",
])
def test_why_questions_not_found(text):
    """Are statements that merely contain "why", and other question words, left alone?"""
    assert why_questions(text) == []


@pytest.mark.parametrize("text", [
    "Don't you think it's time to move on?",
    "Wouldn't you agree that it went well?",
    "Isn't it obvious that he was wrong?",
    "Isn't it true that you wanted this?",
    "Surely you can see the benefit?",
    "You'd agree that it is time?",
    "You felt let down, right?",
    "It's the workload, isn't it?",
    "You miss her, don't you?",
    "You spoke to him first, is that right?",
    "Your manager doesn't trust you, does she?",
    "That's hard isn't it?",
    "Wouldn't it be better to leave now?",
])
def test_leading_questions_found(text):
    """Are questions that carry the coach's answer, and tag questions, reported?"""
    assert [f.id for f in leading_questions(text)] == ["leading_question"]


@pytest.mark.parametrize("text", [
    "What feels right to you?",
    "What would help, do you think?",
    "How might the team see it?",
    "Is there anything else about that?",
    "That sounds right.",
])
def test_leading_questions_not_found(text):
    """Are neutral questions, and "right" used as an ordinary word, left alone?"""
    assert leading_questions(text) == []


@pytest.mark.parametrize("text", [
    "What happened and how did you feel?",
    "What might help, and who could support you?",
    "What happened? Did you tell anyone?",
    "How might the layoffs be affecting you? And what could support look like?",
    "Did you tell him, and how did he take it?",
])
def test_stacked_questions_found(text):
    """Are two questions at once, in one sentence or two, reported?"""
    found = stacked_questions(text)
    assert [f.id for f in found] == ["stacked_questions"]
    assert "two" in found[0].reason


@pytest.mark.parametrize("text", [
    "Is it the workload, or is it the team?",
    "Would you prefer to talk about work or home?",
    "That sounds hard. What would help?",
    "What would help, do you think?",
    "When you think about it, what comes up?",
    "What's the project, which you mentioned earlier?",
    "Mei, I hope this lands okay, and please tell me if it doesn't, what might your name mean to you?",
    "What happened? What happened?",
])
def test_one_question_is_not_stacked(text):
    """Are an either/or choice, an acknowledgment, an aside and a repeat each one question?"""
    assert stacked_questions(text) == []


@pytest.mark.parametrize("text", [
    "Have you tried talking to her?",
    "Have you considered lowering the price?",
    "Have you thought about using a planner?",
    "Why don't you just ask for a raise?",
    "Why not try a walk at lunch?",
    "What if you just told him?",
    "How about taking a day off?",
    "Wouldn't it make sense to rest first?",
    "Could you maybe just talk to HR?",
    "Could you maybe bring the figures to the meeting?",
    "Would it help to talk to your manager?",
    "Do you think you should call her?",
    "You should talk to HR.",
    "I think you need to slow down.",
    "You ought to rest.",
    "If I were you, I'd quit.",
    "What you need to do is rest.",
    "My advice is to wait.",
    "Try writing it down.",
    "Maybe just take a break?",
    "Teenagers need space, so give him some.",
])
def test_advice_found(text):
    """Is advice reported, said outright or dressed as a question?"""
    assert [f.id for f in advice(text)] == ["advice"]


@pytest.mark.parametrize("text", [
    "What do you think you need to do?",
    "What have you tried so far?",
    "Have you thought about what you want?",
    "What might you try next?",
    "Could you tell me more about that?",
    "Could you maybe say a little more?",
    "Would you like to apply for the role?",
    "Would you call this burnout?",
    "Tell me more about that.",
    "Mei, you must be tired?",
    "You could say more about that if you like.",
    "I hope this is okay, and you can totally say no, but what comes up for you?",
])
def test_advice_not_found(text):
    """Are invitations, questions about the client's own ideas and polite frames left alone?"""
    assert advice(text) == []


def test_question_parts_split_joined_questions():
    """Does question_parts split one sentence holding two questions, keeping each one's kind?"""
    parts = question_parts("Did you tell him, and how did he take it?")
    assert [q.kind for q in parts] == ["closed", "open"]


@pytest.mark.parametrize("text", [
    "What changes, if any, might you be noticing on the new medication?",
    "What else, perhaps, might be different next time?",
    "How might you, looking back, describe that year?",
])
def test_an_aside_between_commas_does_not_split_a_question(text):
    """Is a question with a short aside set off by commas (", if any,", ", perhaps,") read
    as one open question, not as two stacked ones?"""
    parts = question_parts(text)
    assert [q.kind for q in parts] == ["open"]
    assert stacked_questions(text) == []


def test_an_aside_does_not_hide_two_real_questions():
    """Are two questions still found when an aside sits in the first of them?"""
    assert stacked_questions("What might help, perhaps, and who could you ask?")


@pytest.mark.parametrize("text", [
    "Will you finish, or leave the programme?",
    "Are you staying, or go part-time?",
    "Do you want to stay in the team or leave it?",
])
def test_a_verb_after_or_in_a_choice_is_not_advice(text):
    """In an either/or question, is the option after "or" ("or leave the programme")
    read as one of the choices, not as an instruction?"""
    assert advice(text) == []


def test_advice_after_or_in_a_statement_is_still_advice():
    """Outside a question, is an instruction after "or" still advice?"""
    assert [f.id for f in advice("Rest this weekend, or take a day off.")] == ["advice"]


def test_findings_quote_the_words():
    """Does each finding quote the words that caused it, with a plain reason?"""
    finding = advice("Honestly, have you tried yoga?")[0]
    assert isinstance(finding, Finding)
    assert finding.words == "have you tried"
    assert "solution" in finding.reason


@pytest.mark.parametrize("detector", DETECTORS)
def test_non_text_is_a_type_error(detector):
    """Does each detector refuse a non-string with a TypeError naming the argument?"""
    with pytest.raises(TypeError, match="text must be text"):
        detector(None)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_detectors_never_raise(text):
    """Does every detector return a list of findings, whatever text it is given?"""
    for detector in DETECTORS:
        found = detector(text)
        assert isinstance(found, list)
        assert all(isinstance(f, Finding) and f.reason for f in found)


@pytest.mark.parametrize("text", [
    "Launch it this weekend.",
    "Just use a spreadsheet and track every purchase.",
    "Reply to her today.",
    "Wouldn't it be wise to sell while prices are up?",
])
def test_instructions_are_advice(text):
    assert [f.id for f in advice(text)] == ["advice"]


@pytest.mark.parametrize("text", [
    "Take your time.",
    "Take all the time you need.",
    "Check in with yourself: what do you notice?",
    "Send it over and I'll read it before we meet.",
    "Don't worry, I'll go through your statements and make a plan for you.",
    "Could you perhaps maybe just say a little more about that?",
])
def test_space_invitations_and_the_coach_own_actions_are_not_advice(text):
    """Giving the client time, inviting them to notice, or the coach taking a task on
    (caretaking, caught elsewhere) is not telling the client what to do."""
    assert advice(text) == []


@pytest.mark.parametrize("text", [
    "Could you say a bit about why the application hasn't gone in?",
    "Any thoughts on why the painting tailed off?",
])
def test_a_why_inside_a_longer_question_is_still_a_why_question(text):
    assert [f.id for f in why_questions(text)] == ["why_question"]


@pytest.mark.parametrize("text, expected", [
    ("What might change if you booked a slot at the advice centre this week?", ["advice"]),
    ("How might it go if you invited him round and brought up the will?", ["advice"]),
    ("What might happen if you think about it differently?", []),
    ("How might it feel if you said no?", []),
])
def test_the_coach_solution_asked_as_a_what_if_is_advice(text, expected):
    """A what-if that supplies a concrete action is a suggestion; one that invites the
    client to imagine is not."""
    assert [f.id for f in advice(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Why not set up a standing order on payday?", (["advice"], [])),
    ("Why don't you think it worked?", ([], ["why_question"])),
    ("Why not?", ([], ["why_question"])),
    ("You'd be better off keeping it as a hobby.", (["advice"], [])),
    ("Honestly, I'd keep it to yourself until after probation.", (["advice"], [])),
    ("You shouldn't have to deal with this alone.", ([], [])),
    ("You kept going, and you got to the end.", ([], [])),
    ("Let's stay positive and focus on the goals.", ([], [])),
    ("Start whenever you're ready.", ([], [])),
    ("Go gently with yourself this weekend.", ([], [])),
    ("Take care of yourself.", ([], [])),
    ("Go to the doctor.", (["advice"], [])),
])
def test_suggestions_versus_why_and_sympathy(text, expected):
    """"Why not do X?" suggests (advice); "You shouldn't have to..." sympathises; a plan the
    coach makes with "let's" is not an instruction."""
    assert ([f.id for f in advice(text)], [f.id for f in why_questions(text)]) == expected


@pytest.mark.parametrize("text", [
    "Can I offer an observation? You say 'we' about the shop. What do you make of that?",
    "Would it be okay if I shared a thought? How does it land?",
])
def test_asking_leave_then_asking_about_it_is_not_a_stack(text):
    assert stacked_questions(text) == []


@pytest.mark.parametrize("text", [
    "What comes to mind when you think about the room and what to do with it?",
    "What might matter to you in deciding when, and how much, to tell the team?",
    "What might it be like to cut down to two evenings and seeing how you feel?",
])
def test_a_wh_infinitive_or_a_gerund_after_and_is_not_a_second_question(text):
    assert stacked_questions(text) == []


@pytest.mark.parametrize("text, expected", [
    ("How about deleting the mail app before you fly out?", ["advice"]),
    ("Might it be worth dropping down to two evenings?", ["advice"]),
    ("Wouldn't it help to ask the school for a meeting?", ["advice"]),
    ("How about the weekend?", []),
])
def test_more_suggestions_in_question_form(text, expected):
    assert [f.id for f in advice(text)] == expected


@pytest.mark.parametrize("text", [
    "Could you help me understand why you took it on?",
    "I'm interested in why your daughter might be staying home.",
    "What I'm curious about is why the parents got that reaction from you.",
    "Perhaps you could share why the arrangement has carried on?",
])
def test_more_embedded_why_questions(text):
    assert [f.id for f in why_questions(text)] == ["why_question"]
