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
_CLAUSE_BREAK = re.compile(r"[,;:] *| (?:and|but|or) (?=(?:what|how|why|where|when|who|which|do|does|did|is|are|was|were|can|could|would|will|have|has|tell)\b)")
_RELATIVE = {"which", "who", "whom", "whose", "where", "when"}
# A name said to the client before the question ("Natalie, what..."); a question word is not a name.
_VOCATIVE = re.compile(
    r"(?!(?:What|How|Why|Where|When|Who|Which|Whose|Do|Does|Did|Is|Are|Was|Were|Can|Could|Would|Will"
    r"|Should|Have|Has|Had|May|Might|Tell|Say|Perhaps|Maybe|Now|Then|Also|Still)\b)"
    r"(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?),\s+(?=[A-Za-z])")


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
    """The compiled patterns, built once on first use.

    Every pattern is matched against the lower-cased sentence (the word lists are lower
    case), which lets the regex engine skip case folding: several times faster. None is
    anchored with "^": they are applied with ``match(text, position)``.
    """

    def __init__(self) -> None:
        alt = lexicon.alternation

        def words(key: str) -> re.Pattern:
            return lexicon.pattern("questions", key, ignore_case=False)

        self.fillers = re.compile(r"(?:(?:" + alt("questions", "fillers") + r")\b[\s,.!:;-]*)+")
        # The words that open a question, tried in this order: a polite invitation, a
        # fact-seeking head, an open head (not a subordinate "when you..."), an invitation,
        # a yes/no head (an auxiliary before its subject).
        subordinate = rf"(?:when|where|while|if|whenever|wherever|what|how|who)\s+{_SUBJECT}\b(?!\s*\?)(?!\s+(?:could|might|would|can|may)\b)"
        self.head = re.compile(
            rf"(?P<polite>{alt('questions', 'polite_invitation')})"
            rf"|(?P<fact>{alt('questions', 'wh_closed')})\b"
            rf"|(?!{subordinate})(?P<wh>{alt('questions', 'wh_open')})\b"
            rf"|(?P<invitation>{alt('questions', 'invitation')})\b"
            rf"|(?P<yesno>(?:{alt('questions', 'aux')})(?:n't)?\s+(?:not\s+)?{_SUBJECT})\b")
        self.invitation = words("invitation")
        self.invitation_inside = words("invitation_inside")
        self.inside_triggers = lexicon.phrases("questions", "inside_triggers")
        self.triggers = self.inside_triggers + lexicon.phrases("questions", "invitation_triggers")
        self.wonder_if = words("wonder_if")
        self.asks_leave = re.compile(r"\s*(?:" + alt("questions", "asks_leave") + r")\b")
        self.tag = re.compile(r"(?:" + alt("questions", "tag") + r")\s*\?*")
        self.encourager = re.compile(rf"(?:{alt('questions', 'encouragers')})[\s,.!]*\?+$")
        self.elliptical_open = words("elliptical_open")
        self.scale = words("scale")
        self.choice = words("choice_heads")
        self.embedded_open = words("embedded_open")
        self.reflection = words("reflection_frames")


@cache
def _compiled() -> _Patterns:
    return _Patterns()


class _Sentence:
    """One sentence as written and lower-cased, the same length, so a match found in the
    lower-cased copy quotes the learner's own words."""

    __slots__ = ("text", "low")

    def __init__(self, text: str) -> None:
        low = text.lower()
        if len(low) != len(text):  # a few letters change length when lower-cased
            text = low
        self.text, self.low = text, low

    def quote(self, start: int, end: int) -> str:
        return self.text[start:end].strip(" ,")

    def question(self, kind: str, start: int, end: int, reason: str, rule: str) -> Question:
        cue = self.quote(start, end) if end > start else "?"
        return Question(self.text, kind, cue, reason.format(cue=cue), rule)


def _after_fillers(s: _Sentence, start: int, p: _Patterns) -> int:
    """Where the words that matter begin, after fillers ("So, um,") and a name ("Natalie, ")."""
    m = p.fillers.match(s.low, start)
    if m:
        start = m.end()
    if "," in s.low[start:start + 25]:
        m = _VOCATIVE.match(s.text, start)
        if m:
            start = m.end()
            m = p.fillers.match(s.low, start)
            if m:
                start = m.end()
    return start


_REASONS = {
    "polite": ('"{cue}" politely invites a full answer', OPEN, "invitation"),
    "fact": ('"{cue}" asks for a number or a single fact', CLOSED, "fact"),
    "wh": ('it opens with "{cue}", which invites a full answer', OPEN, "wh"),
    "invitation": ('"{cue}" invites the client to say more', OPEN, "invitation"),
    "yesno": ('it opens with "{cue}", which can be answered yes or no', CLOSED, "yes-no"),
}


def _head(s: _Sentence, start: int, p: _Patterns, asked: bool) -> Question | None:
    """Decide from the words that open one clause, or return None when they do not ask.

    Without a question mark only an invitation ("tell me...") counts: a statement can
    open with "what" ("What I mean is...").
    """
    if not asked:
        m = p.invitation.match(s.low, start)
        return s.question(OPEN, m.start(), m.end(), _REASONS["invitation"][0], "invitation") if m else None
    m = p.head.match(s.low, start)
    if not m:
        return None
    reason, kind, rule = _REASONS[m.lastgroup]
    end = m.end()
    if rule == "yes-no":  # quote the auxiliary and its subject: "Have you"
        words = s.low[m.start():end].split()
        end = m.start() + len(" ".join(words[:2]))
    return s.question(kind, m.start(), end, reason, rule)


def _clause_starts(s: _Sentence, start: int) -> list[int]:
    """Where each clause after the first begins ("When you go out, what do you drink?")."""
    return [m.end() for m in _CLAUSE_BREAK.finditer(s.low, start)]


def _tag(s: _Sentence, start: int, p: _Patterns) -> tuple[int, int] | None:
    """The span of the short check ending a statement ("..., is that right?"), or None."""
    tail = s.low[start:].rstrip(" ?").replace(",", " ").split()[-5:]
    for k in range(len(tail), 0, -1):  # the longest tag first
        words = " ".join(tail[-k:])
        if p.tag.fullmatch(words):
            at = s.low.rfind(words)
            return (at, at + len(words)) if at >= 0 else None
    return None


def _may_invite(text: str, p: _Patterns) -> bool:
    lower = text.lower()
    return any(trigger in lower for trigger in p.triggers)


def _sentence_question(sentence: str, p: _Patterns, invites: bool | None = None) -> Question | None:
    """The question one sentence asks, if any.

    ``invites`` says whether the whole turn holds an invitation word (False lets those
    checks be skipped); None means not yet known, and the sentence is looked at when needed.
    """
    s = _Sentence(sentence)
    low = s.low
    asked_outright = low.endswith("?")
    if asked_outright and len(low) < 24 and p.encourager.match(low):
        return None  # "Yeah?" nudges the client on; it asks nothing new
    # A sentence broken off mid-way is judged by its opening words, as if it were asked.
    asked = asked_outright or low[-1] not in ".!"
    start = _after_fillers(s, 0, p)
    if start >= len(low):
        return None
    found = _head(s, start, p, asked)
    if found is None and (asked or invites is not False and "," in low and _may_invite(low[start:], p)):
        # the question may come after a lead-in: "When you go out, what do you drink?"
        for clause in _clause_starts(s, start):
            found = _head(s, _after_fillers(s, clause, p), p, asked)
            if found and found.cue.lower() in _RELATIVE:
                found = None  # ", which is..." continues a statement
            if found:
                break
    elif found is not None and found.rule == "yes-no" and asked_outright and "," in low:
        # "Have you..., like, what do you do then?": the open question at the end is the one left to answer
        for clause in _clause_starts(s, start):
            later = _head(s, _after_fillers(s, clause, p), p, True)
            if later and later.kind == OPEN and later.cue.lower() not in _RELATIVE:
                found = later
                break
    if found:
        if found.kind == OPEN and found.rule == "wh":
            if ("scale" in low or " to " in low) and p.scale.search(low):
                return Question(s.text, CLOSED, "on a scale", "a scaling question asks for a number", "fact")
            if " or " in low and p.choice.match(found.cue.lower()):
                return Question(s.text, CLOSED, found.cue, "it offers a choice between set options", "fact")
        return found
    if asked:
        m = p.elliptical_open.match(low, start)
        if m:
            return s.question(OPEN, m.start(), m.end(), '"{cue}" asks for more, like "what else?"', "wh")
    if invites is not False and any(trigger in low for trigger in p.inside_triggers):
        m = p.invitation_inside.search(low, start)
        if m:
            return s.question(OPEN, m.start(), m.end(), _REASONS["invitation"][0], "invitation")
        m = p.wonder_if.search(low, start)
        if m:
            if not asked_outright and not p.asks_leave.match(low, m.end()):
                return None  # "I wonder if that's part of it." offers a guess: a reflection, not a question
            return s.question(CLOSED, m.start(), m.end(), '"{cue}" asks a yes-or-no question politely', "yes-no")
    if not asked_outright:
        return None
    m = p.embedded_open.search(low, start) if "what" in low or "how" in low else None
    if m:
        return s.question(OPEN, m.start(), m.end(), '"{cue}" asks for the client\'s own view', "wh")
    span = _tag(s, start, p)
    if span:
        return s.question(CLOSED, *span, 'the tag "{cue}?" asks the client to confirm a statement', "tag")
    if ("hand" in low or "ing" in low) and p.reflection.search(low, start):
        return None  # a reflection offered back with a rising voice: "On the one hand..., on the other...?"
    return Question(s.text, CLOSED, "?", "a statement with a question mark asks the client to confirm it", "statement")


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
