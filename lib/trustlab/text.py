"""Plain-text helpers shared by every analysis: cleaning, sentences and words.

Everything here is pure Python with no Jupyter import, so it runs headless and fast.

>>> sentences("Okay. So what- what happened next? Tell me more")
['Okay.', 'So what happened next?', 'Tell me more']
>>> words("I'm wondering what you'd make of it.")
["i'm", 'wondering', 'what', "you'd", 'make', 'of', 'it']
"""

from __future__ import annotations

import re

__all__ = ["clean", "sentences", "words", "stem", "require_text"]

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "--", "\u2014": "--", "\u2015": "--", "\u2026": "...",
    "\u00a0": " ", "\u200b": "", "\ufeff": "", "\uff1f": "?",
})

# Transcribers' notes such as "[chuckles]" or "[unintelligible 00:04:13]".
_BRACKETS = re.compile(r"\[[^\]]{0,80}\]|\([^)]{0,40}(?:laugh|pause|inaudible|crosstalk)[^)]{0,40}\)", re.I)
# A stutter or restart of the same word: "what- what", "who-who-who", "I-I".
_STUTTER = re.compile(r"\b(\w+)(?:-+\s*\1\b)+", re.I)
# A word begun and restarted: "wh-what", "wha-wha-what", "sup-supporting".
_FALSE_START = re.compile(r"\b(?:(\w{1,4})-+\s*)+(?=\1\w)", re.I)
# A sentence ends at . ! ? (or a run of them), or where the speaker breaks off ("--").
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\s*--+\s*|(?<=\?)(?=[A-Za-z])")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")


def require_text(value, name: str) -> str:
    """Return *value* when it is a ``str``; otherwise raise a ``TypeError`` naming *name*.

    >>> require_text("hi", "text")
    'hi'
    >>> require_text(3, "rewrite")
    Traceback (most recent call last):
    ...
    TypeError: rewrite must be text (a str), not int: put the words in quotes, like "What might help?"
    """
    if not isinstance(value, str):
        raise TypeError(
            f"{name} must be text (a str), not {type(value).__name__}: "
            'put the words in quotes, like "What might help?"'
        )
    return value


def clean(text: str) -> str:
    """Normalise quotes and dashes, drop transcribers' notes and stutters, squeeze spaces.

    >>> clean("So, what\u2019s-- what's [inaudible] next?")
    "So, what's-- what's next?"
    >>> clean("I-I-I think who-who are they? Wh-what do you make of it?")
    'I think who are they? what do you make of it?'
    """
    text = text.translate(_QUOTES)
    text = _BRACKETS.sub(" ", text)
    text = _STUTTER.sub(r"\1", text)
    text = _FALSE_START.sub("", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip()


def sentences(text: str) -> list[str]:
    """Split cleaned text into sentences, treating a broken-off "--" as an end."""
    parts = _SENTENCE_END.split(clean(text))
    out = []
    for part in parts:
        part = part.strip(" -")
        if re.search(r"[A-Za-z0-9]", part):
            out.append(part)
    return out


def words(text: str) -> list[str]:
    """Lower-case words, keeping contractions together."""
    return _WORD.findall(text.translate(_QUOTES).lower())


_SUFFIXES = ("ingly", "ations", "ation", "ments", "ment", "ness", "ings", "ing", "ies",
             "ied", "ers", "er", "ed", "es", "ly", "s")


def stem(word: str) -> str:
    """A light suffix-stripping stem, enough to match "transition" with "transitions".

    >>> [stem(w) for w in ["working", "worked", "works", "stories", "story"]]
    ['work', 'work', 'work', 'stor', 'stor']
    """
    word = word.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if word.endswith("y") and len(word) > 3:
        word = word[:-1]
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word
