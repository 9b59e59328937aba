"""Red flags for Competency 4: words that put trust and safety at risk, and why.

Each flag is something an assessor would count against a coach:

- ``why_question``, ``leading_question``, ``stacked_questions``, ``advice``: how a
  question is phrased (found by :mod:`trustlab.phrasing`);
- ``caretaking``: rescuing the client or taking over what is theirs to do;
- ``dismissal``: making a client's disclosure smaller (minimising it, or arguing with
  their judgement of themselves: "You're not a fraud!"), or moving straight on from it
  (needs the client's turn: without it, dismissal is never raised; a denied word,
  "I'm not failing", discloses nothing);
- ``therapy_drift``: digging into past pain, childhood or trauma;
- ``feedback_as_fact``: an interpretation of the client stated as certain, said
  again as fact after the client has said no to it, or a feeling the client never
  named handed to them as certain ("You must be so nervous");
- ``praise``: grading the client ("Great job!") instead of acknowledging them;
- ``mechanical_reflection``: a stock formula such as "What I hear you saying is".

The patterns live in ``trustlab/data/flags.yaml``.

>>> sorted(red_flags("Great job! Why did you wait so long?"))
['praise', 'why_question']
>>> red_flags("It's not that bad.", client="I've been crying every night since the layoff.")
{'dismissal'}
>>> red_flags("It's not that bad.")
set()
>>> red_flags("I could be wrong, but I notice you go quiet when your manager comes up. What do you make of that?")
set()
"""

from __future__ import annotations

import re
from functools import cache

from . import lexicon, phrasing
from .findings import Finding, quote
from .markers import client_says_no, detect_markers
from .text import clean, require_text, sentences, stem, words

__all__ = ["FLAG_IDS", "find_red_flags", "red_flags"]

FLAG_IDS = (
    "why_question", "leading_question", "stacked_questions", "advice", "caretaking",
    "dismissal", "therapy_drift", "feedback_as_fact", "praise", "mechanical_reflection",
)

# The flags found in the coach's words alone, one pattern list each in flags.yaml.
_PLAIN = ("caretaking", "therapy_drift", "praise", "mechanical_reflection")

_PHRASING = (phrasing.why_questions, phrasing.leading_questions, phrasing.stacked_questions, phrasing.advice)
_ORDER = {flag: n for n, flag in enumerate(FLAG_IDS)}

# A sentence that asks: feedback stated as fact is a statement.
_ASKS = re.compile(r"\?\s*$")
# Responses that take up a disclosure, however clumsily: not skipping it.
_ENGAGES = frozenset({"caretaking", "therapy_drift", "advice"})
_YOU = re.compile(r"\byou\b", re.I)
# A disclosure word denied just before it: "I'm not failing any classes" discloses nothing.
_DENIED = re.compile(r"(?:\bnot|n't|\bnever|\bno longer)\s+(?:(?:really|actually|even|that|so|too)\s+)?$", re.I)
# Where a sentence turns to something else: "..., but I still got the report in on time."
_TURNS = re.compile(r",?\s*\b(?:but|though|although|yet|whereas)\b|;", re.I)
# Short words that say nothing about what a disclosure was about.
_STOPWORDS = frozenset(
    "about after again also been before being could does doing from have having here into just like more most "
    "much only over really since some still such than that them then there these they thing things this those "
    "very want wanted well were what when where which while will with would your yours yeah okay honestly "
    # times say when, not what about: "last month" and "last time" share nothing
    "last next ago today yesterday tomorrow".split())


class _Patterns:
    """The compiled patterns, built once on first use."""

    def __init__(self) -> None:
        p = lexicon.pattern
        self.plain = tuple((flag, p("flags", flag)) for flag in _PLAIN)
        self.praise_words = frozenset(_split(lexicon.phrases("flags", "praise_words")))
        self.praise_exclaimed = frozenset(_split(lexicon.phrases("flags", "praise_words_exclaimed")))
        self.praise_fillers = frozenset(_split(lexicon.phrases("flags", "praise_fillers")))
        self.feedback = p("flags", "feedback_as_fact")
        self.tentative = p("flags", "tentative")
        self.presses = p("flags", "presses_after_no")
        self.owned = p("flags", "owned_view")
        self.disclosure = p("flags", "disclosure")
        self.minimising = p("flags", "minimising")
        self.self_judgement = p("flags", "self_judgement")
        judgement = lexicon.alternation("flags", "self_judgement")
        # "you're not" with the client's judgement of themselves as its complement
        self.contradicts = re.compile(
            rf"\b(?:{lexicon.alternation('flags', 'contradicts')})(?: (?:a|an|being|really|actually|even|such))? (?:{judgement})\b",
            re.I)
        self.projected = p("flags", "projected_feeling")
        self.free_to_refuse = p("flags", "free_to_refuse")
        self.firm_advice = p("flags", "firm_advice")
        self.feeling_words = frozenset(_split(lexicon.phrases("markers", "feeling_words")))
        self.changes_subject = p("flags", "changes_subject")
        self.brush_off = p("flags", "brush_off_openers")
        self.reasons = lexicon.load("flags")["reasons"]
        lexicon.caseless(self)
        self.plain = tuple((flag, lexicon.Caseless(pattern)) for flag, pattern in self.plain)


def _split(lines: tuple[str, ...]) -> list[str]:
    return [word for line in lines for word in line.split("|")]


@cache
def _compiled() -> _Patterns:
    return _Patterns()


def _only_approval(sentence: str, p: _Patterns) -> bool:
    """Is the sentence nothing but approval ("Perfect.", "Amazing, that's perfect!")?"""
    said = words(sentence)
    exclaimed = sentence.rstrip().endswith("!")
    approval = p.praise_words | (p.praise_exclaimed if exclaimed else frozenset())
    return bool(said) and any(w in approval for w in said) and all(w in approval or w in p.praise_fillers for w in said)


def _sentence_flags(sentence: str, p: _Patterns) -> list[Finding]:
    found = []
    for flag, pattern in p.plain:
        m = pattern.search(sentence)
        if m:
            found.append(Finding(flag, quote(sentence, m), p.reasons[flag]))
        elif flag == "praise" and _only_approval(sentence, p):
            found.append(Finding(flag, sentence, p.reasons[flag]))
    if not _ASKS.search(sentence) and not p.tentative.search(sentence):
        m = p.feedback.search(sentence)
        if m:
            found.append(Finding("feedback_as_fact", quote(sentence, m), p.reasons["feedback_as_fact"]))
    return found


def _pressed_after_no(said: list[str], p: _Patterns) -> Finding | None:
    """After the client's "no", the coach's point said again as a fact ("It is about the choir, though.").

    Holding on as the coach's own view ("I still think it fits, though") is not stating a
    fact; the client can weigh an opinion.
    """
    for sentence in said:
        if _ASKS.search(sentence) or p.owned.search(sentence) or p.tentative.search(sentence):
            continue
        m = p.presses.search(sentence)
        if m:
            return Finding("feedback_as_fact", sentence, p.reasons["feedback_pressed"])
    return None


def _projected_feeling(said: list[str], client: str, p: _Patterns) -> Finding | None:
    """A feeling the client never named, handed to them as certain ("You must be so nervous").

    Said back after the client named it ("I'm dreading it" / "You must be dreading it"), the
    same words only reflect; so this needs the client's turn, and the feeling must be new.
    """
    named = [stem(w) for w in words(client)]
    for sentence in said:
        if _ASKS.search(sentence) or p.tentative.search(sentence):
            continue
        m = p.projected.search(sentence)
        if not m or m.group(1).lower() not in p.feeling_words:
            continue
        feeling = stem(m.group(1).lower())
        if not any(w == feeling or (len(w) >= 5 and w[:5] == feeling[:5]) for w in named):
            return Finding("feedback_as_fact", quote(sentence, m), p.reasons["feedback_projected"])
    return None


def _topic_words(text: str) -> set[str]:
    return {stem(w) for w in words(text) if len(w) > 3 and "'" not in w and w not in _STOPWORDS}


def _disclosed(sentence: str, p: _Patterns) -> re.Match | None:
    """The first words of *sentence* that disclose something, unless denied ("I'm not failing")."""
    for m in p.disclosure.finditer(sentence):
        if not _DENIED.search(sentence, max(0, m.start() - 24), m.start()):
            return m
    return None


def _clause(sentence: str, m: re.Match) -> str:
    """The part of *sentence* that holds the disclosure *m*: in "I've been having panic attacks,
    but I still got the report in", a coach who talks about the report has not stayed with the
    panic attacks."""
    start = 0
    for turn in _TURNS.finditer(sentence):
        if turn.start() >= m.end():
            return sentence[start:turn.start()]
        start = turn.end()
    return sentence[start:]


def _dismissal(coach: str, client: str, found: list[Finding], p: _Patterns) -> Finding | None:
    """Minimising a disclosure (or contradicting the client's judgement of themselves), or
    moving on from it to another topic with no acknowledgment.

    A coach who responds to the disclosure at all (acknowledges it, or takes it up, even
    clumsily, with advice or rescuing, as in *found*) has not skipped it.
    """
    found_in = [(s, m) for s in sentences(client) if (m := _disclosed(s, p))]
    if not found_in:
        return None
    shared = found_in[0][1].group(0)
    disclosed = [_clause(s, m) for s, m in found_in]
    m = p.minimising.search(coach)
    if not m and p.self_judgement.search(client):
        m = p.contradicts.search(coach)
    if m:
        return Finding("dismissal", quote(coach, m), p.reasons["dismissal"].format(shared=shared))
    if _topic_words(coach) & _topic_words(" ".join(disclosed)):
        return None  # the coach stays with what the client said
    m = p.changes_subject.search(coach)
    if not m:
        m = p.brush_off.search(coach)
        if m and _YOU.search(coach, m.end()):
            m = None  # "Okay, and what did you do then?" stays with the client's story
    if not m or any(f.id in _ENGAGES for f in found) or detect_markers(coach, client) & {"4.2", "4.3"}:
        return None
    return Finding("dismissal", quote(coach, m).strip(" ,.!-"), p.reasons["dismissal_skip"].format(shared=shared))


def find_red_flags(coach: str, client: str | None = None) -> list[Finding]:
    """Every red flag in the coach's turn, each with the words that raised it and why.

    *client*, when given, is what the client said just before; dismissal needs it.

    >>> for f in find_red_flags("You poor thing. I'll sort it out with your manager."):
    ...     print(f.id, "|", f.words)
    caretaking | You poor thing
    caretaking | I'll sort it out with your manager
    """
    require_text(coach, "coach")
    if client is not None:
        require_text(client, "client")
    p = _compiled()
    found: list[Finding] = []
    for detector in _PHRASING:
        found.extend(detector(coach))
    if p.free_to_refuse.search(coach):
        # "You could try the library two mornings. Take it or leave it.": an idea offered with
        # the client free to say no is partnering (4.4), not telling them what to do.
        found = [f for f in found if f.id != "advice" or p.firm_advice.search(f.words)]
    said = sentences(coach)
    for sentence in said:
        found.extend(_sentence_flags(sentence, p))
    if client and not any(f.id == "feedback_as_fact" for f in found):
        pressed = _pressed_after_no(said, p)
        if pressed and client_says_no(client):
            found.append(pressed)
    if client and not any(f.id == "feedback_as_fact" for f in found):
        projected = _projected_feeling(said, clean(client), p)
        if projected:
            found.append(projected)
    if client:
        dismissed = _dismissal(clean(coach), client, found, p)
        if dismissed:
            found.append(dismissed)
    return sorted(found, key=lambda f: _ORDER.get(f.id, len(_ORDER)))


def red_flags(coach: str, client: str | None = None) -> set[str]:
    """The ids of the red flags in the coach's turn (see :func:`find_red_flags`).

    >>> red_flags("So what you're saying is you feel stuck.")
    {'mechanical_reflection'}
    >>> red_flags("")
    set()
    """
    return {f.id for f in find_red_flags(coach, client)}
