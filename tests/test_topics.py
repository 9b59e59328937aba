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
