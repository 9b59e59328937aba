"""Tests for trustlab.topics: what a question is about, and whether a rewrite keeps to it."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustlab.topics import same_topic, shares_words, topic_of


@pytest.mark.parametrize("original, rewrite", [
    ("Will the transition work?", "How might the handover go for you?"),
    ("Is your boss fair?", "What might your line manager notice?"),
    ("Are you happy in your job?", "What does your career give you?"),
    ("Why haven't you told your mother?", "What might your mum want to hear?"),
    ("Why did you take on more debt?", "Walk me through the loan."),
    ("Is your partner supportive?", "How might your wife see it?"),
    ("Sofia, is being on the board hard?", "Tell me about the boardroom."),
    ("Did you end the friendship?", "Where might things be with your friend?"),
    ("Why are you always late for meetings?", "What might help with the lateness?"),
])
def test_related_words_keep_the_topic(original, rewrite):
    """Does a rewrite naming the subject in related words or forms keep the topic?"""
    assert same_topic(original, rewrite)
    assert shares_words(original, rewrite)


@pytest.mark.parametrize("original, rewrite", [
    ("Is your team even listening to you?", "What could make your commute more pleasant?"),
    ("Did you exercise at all during the holidays?", "What's your favourite holiday tradition?"),
    ("Is the budget meeting going to go badly?", "What could make your weekend restful?"),
    ("Mateo, is your business partner ripping you off?", "Mateo, what could help you sleep better?"),
    ("Are you worried about money?", "What might you enjoy about your next holiday?"),
])
def test_a_new_subject_is_off_topic(original, rewrite):
    """Does a rewrite about something else count as off topic, even sharing a name or a time?"""
    assert not same_topic(original, rewrite)


@pytest.mark.parametrize("original, rewrite", [
    ("Don't you miss home?", "You miss it, don't you?"),
    ("Did you tell your wife?", "What might you want her to know?"),
    ("Is your boss fair?", "What might help?"),
    ("???", "What could the garden give you?"),
])
def test_pointing_back_or_naming_nothing_is_not_off_topic(original, rewrite):
    """Is a rewrite that points back ("it", "her"), or names no subject at all, kept on topic?"""
    assert same_topic(original, rewrite)


@pytest.mark.parametrize("original, rewrite", [
    ("Is your knee getting better?", "How might the recovery be going for you?"),
    ("Did you finish your dissertation?", "Tell me a little about where the write-up stands."),
    ("Are you still renting?", "What might a place of your own mean to you?"),
    ("Is the band going anywhere?", "What might the gigs be giving you?"),
    ("Have you sent the manuscript out?", "What might the submission plan look like?"),
    ("Is the new baby keeping you up at night?", "How might sleep be for you at the moment?"),
    ("Can you keep caring for your dad?", "What might help with looking after him?"),
])
def test_common_coaching_vocabulary_keeps_the_topic(original, rewrite):
    """Do everyday paraphrases from common coaching subjects (health, study, home, music,
    writing, sleep, care) count as the same subject?"""
    assert same_topic(original, rewrite)
    assert shares_words(original, rewrite)


@pytest.mark.parametrize("original, rewrite", [
    ("Are you still angry at your ex?", "What might you be feeling about Marco these days?"),
    ("Why haven't you told your team you're leaving?", "What might be holding the announcement back?"),
    ("Why are you still renting?", "What could owning a place mean to you?"),
    ("Are you going to make the national team?", "Tell me more about where you are with selection."),
])
def test_unknown_words_get_the_benefit_of_the_doubt(original, rewrite):
    """Is a rewrite whose subject is a word the engine does not know (a name, "the
    announcement", "selection") kept on topic, since it may be the client's own word for it?"""
    assert same_topic(original, rewrite)


@pytest.mark.parametrize("original, rewrite", [
    ("Why did you fail the exam again?", "What might this result be telling you?"),
    ("Why did you turn down the offer?", "What might have mattered most to you in that decision?"),
    ("Is your boss fair?", "How might all of this be landing for you?"),
    ("Why do you keep arguing with your sister?", "What might the situation be asking of you?"),
])
def test_pointing_back_with_this_or_that_keeps_the_topic(original, rewrite):
    """Does a rewrite that points back to the original's subject ("this result", "that
    decision", "all of this", "the situation") stay on topic?"""
    assert same_topic(original, rewrite)


@pytest.mark.parametrize("original, rewrite", [
    ("Are you ready to retire?", "What would you need to sort out before you stop?"),
    ("Why haven't you asked your landlord to fix the boiler?", "What might make raising the repairs feel easier?"),
])
def test_an_everyday_or_two_sense_word_does_not_start_a_new_subject(original, rewrite):
    """Does an everyday word ("stop") or a word with two senses ("raise" a pay rise or an
    issue) keep a subject without counting as a new one?"""
    assert same_topic(original, rewrite)


@pytest.mark.parametrize("original, rewrite", [
    ("Are you going to take the job in Berlin?", "What might moving abroad mean for you?"),
    ("Are you going to propose to Sam?", "What might the engagement mean to you?"),
])
def test_a_name_in_the_original_may_be_paraphrased(original, rewrite):
    """When the original names someone or somewhere the engine does not know ("Sam",
    "Berlin"), may the rewrite speak of them in other words?"""
    assert same_topic(original, rewrite)


@pytest.mark.parametrize("original, rewrite, same", [
    ("Why did you go back to smoking?", "What might have been going on around that time?", True),
    ("Are you still going to the gym?", "What might these first months back have been like?", True),
    ("Did you write this week?", "What could make another week feel different?", True),
    ("Is the budget meeting going to go badly?", "Are you going anywhere nice on holiday?", False),
])
def test_a_time_frame_is_not_a_subject_but_being_on_holiday_is(original, rewrite, same):
    """Are "around that time", "these first months" and "another week" read as when, not
    what, while "on holiday" (being away) is a subject of its own?"""
    assert same_topic(original, rewrite) is same


@pytest.mark.parametrize("original, rewrite", [
    ("Are you burned out?", "What might the tiredness be like for you?"),
    ("Did you pull out of the race?", "What part might the injury have played?"),
])
def test_a_neighbouring_area_is_not_a_new_subject(original, rewrite):
    """Is a rewrite in a neighbouring area (groups in topics.yaml that share a word, such as
    burnout and sleep, or exercise and injury) kept on topic?"""
    assert same_topic(original, rewrite)


@pytest.mark.parametrize("original, rewrite", [
    ("What will you do all day when you retire?", "What might be happening with your knee these days?"),
    ("Why haven't you fixed things with your brother?", "What could make your workouts more fun?"),
    ("Did you stick to your budget this month?", "What could help you speak up in meetings?"),
])
def test_a_recognised_new_subject_is_still_off_topic(original, rewrite):
    """Is a rewrite that clearly moves to another subject the engine knows still off topic?"""
    assert not same_topic(original, rewrite)


@pytest.mark.parametrize("original, topic", [
    ("Why didn't you finish the report on time?", "the report"),
    ("Tomasz, why are you so negative about the new manager?", "the new manager"),
    ("Did the layoffs catch you off guard?", "the layoffs"),
    ("Why don't you get on with your co-founder?", "your co-founder"),
    ("Why can't you just quit smoking, Rahul?", '"quit smoking"'),
    ("Did you exercise at all during the holidays?", '"exercise"'),
    ("???", ""),
])
def test_topic_is_named_in_the_originals_words(original, topic):
    """Is the subject named from the original's own words, skipping names, times and verdicts?"""
    assert topic_of(original) == topic


@pytest.mark.parametrize("call", [
    lambda: same_topic(None, "x"), lambda: same_topic("x", 1), lambda: topic_of(b"x"),
])
def test_non_text_is_a_type_error(call):
    """Is a non-string refused with a TypeError?"""
    with pytest.raises(TypeError, match="must be text"):
        call()


@settings(max_examples=200, deadline=None)
@given(st.text(), st.text())
def test_never_raises(original, rewrite):
    """For any text, do the topic functions answer without raising?"""
    assert isinstance(same_topic(original, rewrite), bool)
    assert isinstance(topic_of(original), str)


@pytest.mark.parametrize("original, rewrite", [
    ("Why did you drop out of the orchestra?", "Priya, what made you quit?"),
    ("Did you finish the grant proposal?", "What might be the single reason it's still not sent?"),
    ("Why are you scared of driving at night?", "What might make the fast roads feel unsafe?"),
    ("Why do you keep skipping the choir rehearsals?", "What might be behind the decision to stop going?"),
    ("Why won't you try online dating?", "What might it be like to give the apps a go?"),
    ("Why do you always put off your dissertation?", "What might be getting between you and the writing?"),
    ("Why did you turn down the speaking slot?", "What went into your decision about the talk?"),
])
def test_generic_actions_and_describing_words_do_not_start_a_new_subject(original, rewrite):
    """A verb that fits any subject ("stop"), or a word that only describes the next
    ("the long flights"), is not a change of subject."""
    assert same_topic(original, rewrite)


def test_a_plainly_named_new_subject_is_still_off_topic():
    assert not same_topic("Did you go to the gym this week?", "What might your dream holiday look like?")
