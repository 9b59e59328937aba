"""Tests for trustlab.text: cleaning transcribed speech and splitting it into sentences."""

import pytest

from trustlab.text import clean, require_text, sentences, stem, words


@pytest.mark.parametrize("spoken, expected", [
    ("what- what happened?", "what happened?"),
    ("I-I-I think so", "I think so"),
    ("Wh-what do you make of it?", "what do you make of it?"),
    ("that's-that's fine", "that's fine"),
])
def test_restarts_are_removed(spoken, expected):
    """Does a word the speaker starts again count once?"""
    assert clean(spoken) == expected


@pytest.mark.parametrize("word", ["pre-med", "mother-in-law", "e-mail", "twenty-two"])
def test_hyphenated_words_stay(word):
    """Is a real hyphenated word left alone?"""
    assert clean(f"the {word} thing") == f"the {word} thing"


def test_transcriber_notes_and_curly_quotes_are_normalised():
    """Are "[inaudible]" notes dropped and curly quotes made plain?"""
    assert clean("It\u2019s [inaudible 00:01:02] fine \u201cnow\u201d") == "It's fine \"now\""


def test_sentences_split_on_breaks_and_punctuation():
    """Does a broken-off '--' end a sentence like a full stop does?"""
    assert sentences("Is it-- Why did she leave? Okay.") == ["Is it", "Why did she leave?", "Okay."]


def test_sentences_of_blank_text_is_empty():
    """Is blank text no sentences, not an error?"""
    assert sentences("   \n ") == []


def test_words_keep_contractions():
    """Are "don't" and "you'd" kept as single words?"""
    assert words("Don't you'd") == ["don't", "you'd"]


def test_stem_matches_word_forms():
    """Do 'transition' and 'transitions' share a stem?"""
    assert stem("transitions") == stem("transition")


def test_require_text_names_the_argument():
    """Does a non-text argument raise a TypeError that names it?"""
    with pytest.raises(TypeError, match="rewrite must be text"):
        require_text(None, "rewrite")
