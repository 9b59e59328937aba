"""Is it a question, and is it open or closed?

A coach's turn is read sentence by sentence, the way a listener hears it: words that
do not change the question ("So, um, okay,") are set aside, then the words that open
the question decide. A question mark is not needed ("Tell me more about that." is an
open question) and not enough ("You've been busy?" checks a statement: closed).

>>> classify_question("What might help you most right now?")
'open'
>>> classify_question("Tell me more about that.")
'open'
>>> classify_question("I'm wondering what you make of it.")
'open'
>>> classify_question("Did the meeting go well?")
'closed'
>>> classify_question("You spoke to him first, is that right?")
'closed'
>>> classify_question("How many times has that happened?")
'closed'
>>> classify_question("That sounds hard. What would support look like for you?")
'open'
>>> classify_question("That makes sense.") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon
from .text import clean, require_text, sentences

__all__ = ["Question", "QuestionAnalysis", "classify_question", "explain_question", "find_questions"]

OPEN, CLOSED = "open", "closed"

_SUBJECT = r"(?:i|you|we|they|he|she|it|there|that|this|these|those|your|my|our|their|his|her|the|a|an|any|anything|anyone|anybody|everyone|everything|someone|something|people|things|[a-z]+'s)"
_CLAUSE_BREAK = re.compile(r"\s*[,;:]\s*|\s+(?:and|but|or)\s+(?=(?:what|how|why|where|when|who|which|do|does|did|is|are|was|were|can|could|would|will|have|has|tell)\b)", re.I)
_RELATIVE = {"which", "who", "whom", "whose", "where", "when"}
_VOCATIVE = re.compile(r"^(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?),\s+(?=[A-Za-z])")


@dataclass(frozen=True)
class Question:
    """One question found in a turn: its words, its kind and why."""

    text: str
    kind: str
    cue: str
    reason: str
    rule: str = ""

    def __str__(self) -> str:
        return f'{self.kind}: "{self.text}" ({self.reason})'


@dataclass(frozen=True)
class QuestionAnalysis:
    """The verdict on a whole turn, with every question that led to it."""

    kind: str | None
    questions: tuple[Question, ...]
    reason: str

    def __str__(self) -> str:
        return self.reason


class _Patterns:
    """The compiled patterns, built once on first use."""

    def __init__(self) -> None:
        p, alt = lexicon.pattern, lexicon.alternation
        self.fillers = re.compile(r"^(?:(?:" + alt("questions", "fillers") + r")\b[\s,.!:;-]*)+", re.I)
        self.wh_open = p("questions", "wh_open", "^")
        self.wh_closed = p("questions", "wh_closed", "^")
        self.aux = p("questions", "aux", "^")
        self.polite = p("questions", "polite_invitation", "^")
        self.invitation = p("questions", "invitation", "^")
        self.invitation_inside = re.compile(
            r"\b(?:i(?:'m| am)? (?:just |really |kind of |sort of |a little |a bit )?(?:wonder|wondering|wondered|curious)"
            r"|i(?:'d| would) (?:love|like|be interested|be curious) to (?:hear|know|understand))"
            r" (?:about|what|how|where|who|which|when|why)\b"
            r"|\bif you (?:could|can|would|will|wanna|want to) (?:just )?(?:tell|say|describe|share|talk|explain|walk|give me)\b",
            re.I)
        self.wonder_if = p("questions", "wonder_if")
        self.tag = re.compile(r"(?:^|[,\s])(?:" + alt("questions", "tag") + r")\s*\?*$", re.I)
        self.aux_inverted = re.compile(rf"^(?:{alt('questions', 'aux')})(?:n't)?\s+(?:not\s+)?{_SUBJECT}\b", re.I)
        self.encourager = re.compile(rf"^(?:{alt('questions', 'encouragers')})[\s,.!]*\?+$", re.I)
        self.elliptical_open = p("questions", "elliptical_open", "^")
        self.scale = p("questions", "scale")
        self.subordinate = re.compile(
            rf"^(?:when|where|while|if|whenever|wherever|what|how|who)\s+{_SUBJECT}\b(?!\s*\?)", re.I)


_patterns: _Patterns | None = None


def _compiled() -> _Patterns:
    global _patterns
    if _patterns is None:
        _patterns = _Patterns()
    return _patterns


def _strip_fillers(text: str, p: _Patterns) -> str:
    text = p.fillers.sub("", text)
    text = _VOCATIVE.sub("", text)
    return p.fillers.sub("", text)


def _head(clause: str, p: _Patterns, asked: bool) -> Question | None:
    """Decide from the words that open one clause, or return None when they do not ask."""
    m = p.polite.match(clause)
    if m:
        return Question(clause, OPEN, m.group(0), f'"{m.group(0)}" politely invites a full answer', "invitation")
    m = p.wh_closed.match(clause)
    if m:
        return Question(clause, CLOSED, m.group(0), f'"{m.group(0)}" asks for a number or a single fact', "fact")
    m = p.wh_open.match(clause)
    if m and not p.subordinate.match(clause):
        return Question(clause, OPEN, m.group(0), f'it opens with "{m.group(0)}", which invites a full answer', "wh")
    m = p.invitation.match(clause)
    if m:
        return Question(clause, OPEN, m.group(0), f'"{m.group(0)}" invites the client to say more', "invitation")
    m = p.aux_inverted.match(clause)
    if m:
        cue = " ".join(m.group(0).split()[:2])
        return Question(clause, CLOSED, cue, f'it opens with "{cue}", which can be answered yes or no', "yes-no")
    return None


def _sentence_question(sentence: str, p: _Patterns) -> Question | None:
    asked = sentence.endswith("?")
    if asked and p.encourager.match(sentence):
        return None  # "Yeah?" nudges the client on; it asks nothing new
    body = _strip_fillers(sentence, p)
    if not body:
        return None
    for number, clause in enumerate(_CLAUSE_BREAK.split(body)):
        clause = _strip_fillers(clause, p)
        if not clause:
            continue
        found = _head(clause, p, asked)
        if found and not asked and found.rule not in ("invitation", "yes-no"):
            found = None  # without a question mark, "what..." is mostly a statement ("what I mean is")
        if found and number and found.cue.lower() in _RELATIVE:
            found = None  # ", which is..." continues a statement
        if found:
            if found.kind == OPEN and p.scale.search(sentence):
                return Question(sentence, CLOSED, "on a scale", "a scaling question asks for a number", "fact")
            return Question(sentence, found.kind, found.cue, found.reason, found.rule)
        if asked and number == 0:
            m = p.elliptical_open.match(clause)
            if m:
                return Question(sentence, OPEN, m.group(0), f'"{m.group(0)}" asks for more, like "what else?"', "wh")
    m = p.invitation_inside.search(body)
    if m:
        return Question(sentence, OPEN, m.group(0), f'"{m.group(0)}" invites the client to say more', "invitation")
    m = p.wonder_if.search(body)
    if m:
        return Question(sentence, CLOSED, m.group(0), f'"{m.group(0)}" asks a yes-or-no question politely', "yes-no")
    if not asked:
        return None
    m = p.tag.search(body)
    if m:
        tag = m.group(0).strip(" ,?")
        return Question(sentence, CLOSED, tag, f'the tag "{tag}?" asks the client to confirm a statement', "tag")
    return Question(sentence, CLOSED, "?", "a statement with a question mark asks the client to confirm it", "statement")


def find_questions(text: str) -> list[Question]:
    """Every question in *text*, in order, each with its kind and the words that decided it.

    >>> [q.kind for q in find_questions("What happened? And did you tell anyone?")]
    ['open', 'closed']
    """
    require_text(text, "text")
    p = _compiled()
    found = []
    for sentence in sentences(text):
        q = _sentence_question(sentence, p)
        if q:
            found.append(q)
    return found


def explain_question(text: str) -> QuestionAnalysis:
    """Classify *text* and say why, in plain words.

    >>> print(explain_question("Have you tried talking to her?"))
    A closed question: it opens with "Have you", which can be answered yes or no.
    """
    questions = tuple(find_questions(text))
    if not questions:
        return QuestionAnalysis(None, (), "Not a question: nothing here asks the client anything.")
    decisive = next((q for q in questions if q.kind == OPEN), questions[0])
    article = "An open" if decisive.kind == OPEN else "A closed"
    return QuestionAnalysis(decisive.kind, questions, f"{article} question: {decisive.reason}.")


def classify_question(text: str) -> str | None:
    """Return ``"open"``, ``"closed"``, or ``None`` when *text* asks nothing.

    When a turn holds several questions, one open question makes it open, as a
    listener would take it; see :func:`find_questions` for each one.
    """
    return explain_question(text).kind
