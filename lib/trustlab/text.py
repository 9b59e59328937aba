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
# A sentence ends at . ! ? (or a run of them), or where the speaker breaks off ("--").
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")
_HAS_WORD = re.compile(r"[A-Za-z0-9]")
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
    # Each step runs only when its trigger character is present: this is the hot path.
    if not text.isascii():
        # str.replace is far cheaper than translate; most text only needs the curly apostrophe
        text = text.replace("\u2019", "'").replace("\u2014", "--")
        if not text.isascii():
            text = text.translate(_QUOTES)
    if "[" in text or "(" in text:
        text = _BRACKETS.sub(" ", text)
    if "-" in text:
        text = _drop_restarts(text)
    return " ".join(text.split())


def _drop_restarts(text: str) -> str:
    """Remove a word the speaker starts again: "what- what", "I-I-I", "wh-what", "sup-supporting".

    A hyphenated word ("pre-med", "e-mail") stays, because what follows the hyphen
    does not begin with what came before it. A broken-off "--" is kept.
    """
    pieces = text.replace("--", "\x00").split("-")
    out = [pieces[0]]
    for piece in pieces[1:]:
        prev = out[-1]
        if piece[:1] == " ":
            # a restart of several words: "can you- can you tell me"
            tail = prev[-40:].split()
            head = piece[:60].split()
            k = next((k for k in (3, 2) if len(tail) >= k and len(head) > k
                      and [w.lower() for w in tail[-k:]] == [w.lower() for w in head[:k]]), 0)
            if k:
                cut = prev.lower().rindex(tail[-k].lower())
                out[-1] = prev[:cut]
                out.append(piece.lstrip())
                continue
        start = len(prev)
        while start and (prev[start - 1].isalnum() or prev[start - 1] == "'"):
            start -= 1
        word = prev[start:].lower()
        if word:
            rest = piece[:40].lstrip().lower()
            # the same word again, or a short false start of the next word
            if rest.startswith(word) and (len(word) <= 4 or len(rest) == len(word) or not rest[len(word)].isalnum()):
                out[-1] = prev[:start]
                out.append(piece.lstrip())
                continue
        out.append("-" + piece)
    return "".join(out).replace("\x00", "--")


def sentences(text: str) -> list[str]:
    """Split cleaned text into sentences, treating a broken-off "--" as an end."""
    out = []
    for chunk in clean(text).split("--"):
        for part in _SENTENCE_END.split(chunk) if "." in chunk or "?" in chunk or "!" in chunk else (chunk,):
            part = part.strip(" -")
            if part and (part.isalnum() or _HAS_WORD.search(part)):
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
