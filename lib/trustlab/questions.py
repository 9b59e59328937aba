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
from functools import cache
from dataclasses import dataclass
from typing import NamedTuple

from . import lexicon
from .text import clean, require_text, sentences

__all__ = ["Question", "QuestionAnalysis", "classify_question", "explain_question", "find_questions"]

OPEN, CLOSED = "open", "closed"

_SUBJECT = r"(?:i|you|we|they|he|she|it|there|that|this|these|those|your|my|our|their|his|her|the|a|an|any|anything|anyone|anybody|everyone|everything|someone|something|people|things|[a-z]+'s)"
_CLAUSE_BREAK = re.compile(r"[,;:] *| (?:and|but|or) (?=(?:what|how|why|where|when|who|which|do|does|did|is|are|was|were|can|could|would|will|have|has|tell)\b)", re.I)
_RELATIVE = {"which", "who", "whom", "whose", "where", "when"}
_VOCATIVE = re.compile(r"^(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?),\s+(?=[A-Za-z])")


class Question(NamedTuple):
    """One question found in a turn: its words, its kind, the words that decided it and why.

    ``rule`` names the kind of evidence: "wh", "invitation", "yes-no", "fact", "tag" or
    "statement" (a statement with a question mark).
    """

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
        if len(self.questions) < 2:
            return self.reason
        lines = [self.reason, "Questions found, in order:"]
        lines += [f"  {n}. {q}" for n, q in enumerate(self.questions, 1)]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from html import escape

        items = "".join(
            f"<li><b>{escape(q.kind)}</b>: &ldquo;{escape(q.text)}&rdquo; ({escape(q.reason)})</li>"
            for q in self.questions)
        listing = f"<ol>{items}</ol>" if len(self.questions) > 1 else ""
        return f'<div class="trustlab-question"><p>{escape(self.reason)}</p>{listing}</div>'


class _Patterns:
    """The compiled patterns, built once on first use."""

    def __init__(self) -> None:
        p, alt = lexicon.pattern, lexicon.alternation
        self.fillers = re.compile(r"^(?:(?:" + alt("questions", "fillers") + r")\b[\s,.!:;-]*)+", re.I)
        # One anchored pattern for the words that open a question, tried in this order:
        # a polite invitation, a fact-seeking head, an open head (not a subordinate "when you..."),
        # an invitation, a yes/no head (an auxiliary before its subject).
        subordinate = rf"(?:when|where|while|if|whenever|wherever|what|how|who)\s+{_SUBJECT}\b(?!\s*\?)"
        self.head = re.compile(
            rf"^(?:(?P<polite>{alt('questions', 'polite_invitation')})"
            rf"|(?P<fact>{alt('questions', 'wh_closed')})\b"
            rf"|(?!{subordinate})(?P<wh>{alt('questions', 'wh_open')})\b"
            rf"|(?P<invitation>{alt('questions', 'invitation')})\b"
            rf"|(?P<yesno>(?:{alt('questions', 'aux')})(?:n't)?\s+(?:not\s+)?{_SUBJECT})\b)",
            re.I)
        self.invitation = p("questions", "invitation", "^")
        self.invitation_inside = p("questions", "invitation_inside")
        self.inside_triggers = lexicon.phrases("questions", "inside_triggers")
        self.triggers = self.inside_triggers + lexicon.phrases("questions", "invitation_triggers")
        self.wonder_if = p("questions", "wonder_if")
        self.tag = re.compile(r"(?:" + alt("questions", "tag") + r")\s*\?*", re.I)
        self.encourager = re.compile(rf"^(?:{alt('questions', 'encouragers')})[\s,.!]*\?+$", re.I)
        self.elliptical_open = p("questions", "elliptical_open", "^")
        self.scale = p("questions", "scale")
        self.choice = p("questions", "choice_heads", "^")
        self.embedded_open = p("questions", "embedded_open")


@cache
def _compiled() -> _Patterns:
    return _Patterns()


def _strip_fillers(text: str, p: _Patterns) -> str:
    m = p.fillers.match(text)
    if m and m.end():
        text = text[m.end():]
    if "," in text[:25]:
        m = _VOCATIVE.match(text)
        if m:
            text = text[m.end():]
            m = p.fillers.match(text)
            if m and m.end():
                text = text[m.end():]
    return text


def _head(sentence: str, clause: str, p: _Patterns, asked: bool) -> Question | None:
    """Decide from the words that open one clause, or return None when they do not ask.

    Without a question mark only an invitation ("tell me...") counts: a statement can
    open with "what" ("What I mean is...").
    """
    if not asked:
        m = p.invitation.match(clause)
        if m:
            return Question(sentence, OPEN, m.group(0), f'"{m.group(0)}" invites the client to say more', "invitation")
        return None
    m = p.head.match(clause)
    if not m:
        return None
    cue, rule = m.group(0), m.lastgroup
    if rule == "polite":
        return Question(sentence, OPEN, cue, f'"{cue}" politely invites a full answer', "invitation")
    if rule == "fact":
        return Question(sentence, CLOSED, cue, f'"{cue}" asks for a number or a single fact', "fact")
    if rule == "wh":
        return Question(sentence, OPEN, cue, f'it opens with "{cue}", which invites a full answer', "wh")
    if rule == "invitation":
        return Question(sentence, OPEN, cue, f'"{cue}" invites the client to say more', "invitation")
    cue = " ".join(cue.split()[:2])
    return Question(sentence, CLOSED, cue, f'it opens with "{cue}", which can be answered yes or no', "yes-no")


def _tag(body: str, p: _Patterns) -> str:
    """The short check at the end of a statement ("..., is that right?"), or ""."""
    tail = body.rstrip(" ?").replace(",", " ").split()[-5:]
    for k in range(len(tail), 0, -1):  # the longest tag first
        words = " ".join(tail[-k:])
        if p.tag.fullmatch(words):
            return words
    return ""


def _may_invite(text: str, p: _Patterns) -> bool:
    lower = text.lower()
    return any(trigger in lower for trigger in p.triggers)


def _sentence_question(sentence: str, p: _Patterns, invites: bool | None = None) -> Question | None:
    """The question one sentence asks, if any.

    ``invites`` says whether the whole turn holds an invitation word (False lets those
    checks be skipped); None means not yet known, and the sentence is looked at when needed.
    """
    asked_outright = sentence.endswith("?")
    if asked_outright and len(sentence) < 24 and p.encourager.match(sentence):
        return None  # "Yeah?" nudges the client on; it asks nothing new
    # A sentence broken off mid-way is judged by its opening words, as if it were asked.
    asked = asked_outright or sentence[-1] not in ".!"
    body = _strip_fillers(sentence, p)
    if not body:
        return None
    found = _head(sentence, body, p, asked)
    if found is None and (asked or invites is not False and "," in body and _may_invite(body, p)):
        # the question may come after a lead-in: "When you go out, what do you drink?"
        for clause in _CLAUSE_BREAK.split(body)[1:]:
            clause = _strip_fillers(clause, p)
            found = _head(sentence, clause, p, asked) if clause else None
            if found and found.cue.lower() in _RELATIVE:
                found = None  # ", which is..." continues a statement
            if found:
                break
    elif found is not None and found.rule == "yes-no" and asked_outright and "," in body:
        # "Have you..., like, what do you do then?": the open question at the end is the one left to answer
        for clause in _CLAUSE_BREAK.split(body)[1:]:
            later = _head(sentence, _strip_fillers(clause, p), p, True)
            if later and later.kind == OPEN and later.cue.lower() not in _RELATIVE:
                found = later
                break
    if found:
        if found.kind == OPEN and found.rule == "wh":
            lower = sentence.lower()
            if ("scale" in lower or " to " in lower) and p.scale.search(sentence):
                return Question(sentence, CLOSED, "on a scale", "a scaling question asks for a number", "fact")
            if " or " in sentence and p.choice.match(found.cue):
                return Question(sentence, CLOSED, found.cue, "it offers a choice between set options", "fact")
        return found
    if asked:
        m = p.elliptical_open.match(body)
        if m:
            return Question(sentence, OPEN, m.group(0), f'"{m.group(0)}" asks for more, like "what else?"', "wh")
    lower = body.lower()
    if invites is not False and any(trigger in lower for trigger in p.inside_triggers):
        m = p.invitation_inside.search(body)
        if m:
            return Question(sentence, OPEN, m.group(0), f'"{m.group(0)}" invites the client to say more', "invitation")
        m = p.wonder_if.search(body)
        if m:
            return Question(sentence, CLOSED, m.group(0), f'"{m.group(0)}" asks a yes-or-no question politely', "yes-no")
    if not asked_outright:
        return None
    m = p.embedded_open.search(body) if "what" in lower or "how" in lower else None
    if m:
        return Question(sentence, OPEN, m.group(0), f'"{m.group(0)}" asks for the client\'s own view', "wh")
    tag = _tag(body, p)
    if tag:
        return Question(sentence, CLOSED, tag, f'the tag "{tag}?" asks the client to confirm a statement', "tag")
    return Question(sentence, CLOSED, "?", "a statement with a question mark asks the client to confirm it", "statement")


def find_questions(text: str) -> list[Question]:
    """Every question in *text*, in order, each with its kind and the words that decided it.

    >>> [q.kind for q in find_questions("What happened? And did you tell anyone?")]
    ['open', 'closed']
    """
    require_text(text, "text")
    p = _compiled()
    invites = None
    if "?" not in text and "--" not in text and text.rstrip()[-1:] in (".", "!"):
        invites = _may_invite(text, p)
        if not invites:
            return []  # every sentence is finished and none asks or invites: the common case, kept fast
    found = []
    for sentence in sentences(text):
        if sentence[-1] in ".!":
            # a finished statement asks something only through an invitation word
            if invites is None:
                invites = _may_invite(text, p)
            if not invites:
                continue
        q = _sentence_question(sentence, p, invites)
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
    decisive = questions[-1]  # the client is left with the last question, and usually answers that one
    article = "An open" if decisive.kind == OPEN else "A closed"
    return QuestionAnalysis(decisive.kind, questions, f"{article} question: {decisive.reason}.")


def classify_question(text: str) -> str | None:
    """Return ``"open"``, ``"closed"``, or ``None`` when *text* asks nothing.

    When a turn holds several questions, the last one decides: it is the one the
    client is left with. :func:`find_questions` lists each one.
    """
    questions = find_questions(text)
    return questions[-1].kind if questions else None
