"""How a question is phrased: "why" questions, leading questions, stacked questions
and advice with a question mark.

Each detector takes a coach's words and returns a list of
:class:`~trustlab.findings.Finding`, empty when nothing was found. The patterns live in
``trustlab/data/phrasing.yaml`` so a trainer can add a phrase without touching Python.

>>> [f.id for f in why_questions("Why did you leave so early?")]
['why_question']
>>> [f.id for f in advice("Have you tried talking to her?")]
['advice']
>>> why_questions("What made the difference for you?")
[]
"""

from __future__ import annotations

import itertools
import re
from functools import cache, lru_cache

from . import lexicon
from .findings import Finding
from .questions import Question, find_questions
from .text import require_text, sentences

__all__ = ["why_questions", "leading_questions", "stacked_questions", "advice", "question_parts"]

_DATA = "phrasing"

_WHY_REASON = ('A "why" question asks the client to justify themselves, which can feel like '
               'being judged. "What" or "how" invites the same story without the demand.')
_LEADING_REASON = ("The question already holds the answer you expect, so the client may "
                   "agree with you instead of saying what they think.")
_TAG_REASON = ('Ending with "{tag}?" asks the client to agree with your view rather than '
               "offer their own.")
_STACKED_REASON = ("This asks {count} questions at once, so the client has to pick which one "
                   "to answer. Ask one, then wait.")
_ADVICE_REASON = ("This offers your own solution instead of drawing out the client's ideas, "
                  "even when it ends with a question mark.")

# Only this many joins in one sentence are looked at: a sentence with more is cluttered
# anyway, and looking at every one would make very long input slow.
_MAX_JOINS = 8

# Question kinds that come from real question words, not from a bare "?" or a tag.
_ASKING_RULES = {"wh", "yes-no", "invitation", "fact"}


class _Patterns:
    """The compiled patterns, built once on first use."""

    def __init__(self) -> None:
        alt = lexicon.alternation
        lead = alt(_DATA, "lead_in")
        # The start of a sentence or clause, allowing "so, and then," in front.
        start = rf"(?:^|[,;:.!?]\s*|\b(?:and|but|so|or|then)\s+)(?:(?:{lead})\b[\s,]*)*"
        self.why_head = re.compile(rf"{start}\b(?P<hit>(?:{alt(_DATA, 'why_head')}))\b", re.I)
        self.why_frame = re.compile(rf"{start}\b(?P<hit>(?:{alt(_DATA, 'why_frame')})\b)", re.I)
        self.why_inside = re.compile(rf"\b(?P<hit>{alt(_DATA, 'why_inside')})\b", re.I)
        self.why_asks = re.compile(rf"^(?:(?:{lead})\b[\s,]*)*\b(?P<hit>{alt(_DATA, 'why_asks')})\b", re.I)
        self.leading_head = re.compile(rf"{start}\b(?P<hit>(?:{alt(_DATA, 'leading_head')}))\b", re.I)
        self.leading_anywhere = lexicon.pattern(_DATA, "leading_anywhere")
        self.tag_comma = re.compile(rf"[,;]\s*(?P<hit>(?:{alt(_DATA, 'tag_after_comma')}))\s*\?+\s*$", re.I)
        self.tag_plain = re.compile(rf"\s(?P<hit>(?:{alt(_DATA, 'tag_no_comma')}))\s*\?+\s*$", re.I)
        self.join = re.compile(
            rf"\s*[,;:]\s*(?:(?P<conj>or|{alt(_DATA, 'question_join')})\b\s*)?"
            rf"|\s+(?P<conj2>or|{alt(_DATA, 'question_join')})\s+", re.I)
        self.parenthetical = re.compile(rf"^(?:{alt(_DATA, 'parenthetical')})\b[\s?.!]*$", re.I)
        self.relative = lexicon.pattern(_DATA, "relative", "^")
        self.aside = lexicon.pattern(_DATA, "aside")
        self.interjection = re.compile(rf"\s*,\s*(?:{alt(_DATA, 'interjection')})\s*,\s*", re.I)
        self.either = re.compile(r"^(?:or|either|rather|otherwise|instead)\b", re.I)
        self.advice_anywhere = lexicon.pattern(_DATA, "advice_anywhere")
        self.asks_leave = re.compile(rf"\W*(?:(?:{lead})\b[\s,]*)*(?:{alt(_DATA, 'asks_leave')})\b[^?]*\?\s*$", re.I)
        self.advice_start = re.compile(rf"{start}\b(?P<hit>(?:{alt(_DATA, 'advice_start')}))", re.I)


@cache
def _compiled() -> _Patterns:
    return _Patterns()


def _quote(text: str) -> str:
    return " ".join(text.strip(" ,;:").split())


_WHY_SUGGESTS = re.compile(r"why don't i\b|why (?:not|don't you|don't we|do you not) (?:just |simply )?(?!(?:you|i|we|it|think|feel|want|like|believe|know|see|care|trust|agree|mind|remember|understand|need|have|get it)\b)[a-z]+", re.I)


def why_questions(text: str) -> list[Finding]:
    """Every "why" question in *text* ("Why did you...", "How come...", "I'm curious why...").

    "That's why" or "which is why" in a statement is not a question and is not reported.

    >>> [f.words for f in why_questions("So, why not? And how come you stopped?")]
    ['why', 'how come']
    >>> why_questions("That's why I asked. What happened next?")
    []
    """
    require_text(text, "text")
    p = _compiled()
    found = []
    asked = {q.text for q in find_questions(text)}
    for sentence in sentences(text):
        if sentence in asked:
            m = p.why_frame.search(sentence) or p.why_head.search(sentence) or p.why_inside.search(sentence)
        else:
            m = p.why_asks.search(sentence)  # "why did you go." is asked, whatever the full stop says
        if m and _WHY_SUGGESTS.match(sentence, m.start("hit")):
            continue  # "Why not set up a standing order?" suggests an action: advice, not a demand for reasons
        if m:
            found.append(Finding("why_question", _quote(m.group("hit")), _WHY_REASON))
    return found


def leading_questions(text: str) -> list[Finding]:
    """Questions that steer the client towards an answer: "Don't you think...",
    "Wouldn't you agree...", "Surely...", and statements ending in a tag ("..., right?").

    >>> [f.words for f in leading_questions("Don't you think it's time to move on?")]
    ["Don't you think"]
    >>> [f.words for f in leading_questions("You felt let down, right?")]
    ['right']
    >>> leading_questions("What feels right to you?")
    []
    """
    require_text(text, "text")
    p = _compiled()
    found = []
    for q in find_questions(text):
        m = p.leading_head.search(q.text) or p.leading_anywhere.search(q.text)
        if m:
            found.append(Finding("leading_question", _quote(m.group(0)), _LEADING_REASON))
            continue
        m = p.tag_comma.search(q.text)
        if not m and q.rule not in ("wh", "invitation", "fact"):
            m = p.tag_plain.search(q.text)
        if m:
            tag = _quote(m.group("hit")).rstrip("?")
            found.append(Finding("leading_question", tag, _TAG_REASON.format(tag=tag)))
    return found


def _asking(words: str, p: _Patterns) -> Question | None:
    """The question these words open with a real question word, or None."""
    words = p.aside.sub(" ", words)  # "tell me if it doesn't fit" asks nothing new
    return next((q for q in find_questions(words) if q.rule in _ASKING_RULES), None)


_WH_INFINITIVE = re.compile(r"(?:what|how|where|when|whether|which|who)(?: (?:much|many|long|far|else|exactly))?,? to \w"
                            r"|[a-z]+ing\b(?! you\b)", re.I)


def _parts(q: Question, p: _Patterns) -> list[Question]:
    """*q* split into the questions joined in it ("What happened, and how did you feel?")."""
    pieces = []
    begin = 0  # where the question before the next join starts
    # ", if any," between commas qualifies the question around it: "What changes, if any,
    # might you notice?" is one question, so the aside is read as if it were not there.
    text = p.interjection.sub(" ", q.text) if "," in q.text else q.text
    for m in itertools.islice(p.join.finditer(text), _MAX_JOINS):
        if m.start() <= begin or m.end() >= len(text):
            continue
        conj = (m.group("conj") or m.group("conj2") or "").lower()
        rest = text[m.end():]
        if conj == "or" or p.either.match(rest) or p.parenthetical.match(rest):
            continue  # "..., or is it the team?" offers a choice; "..., do you think?" is an aside
        if not conj and p.relative.match(rest):
            continue  # "..., which you mentioned?" carries on the first question
        if _WH_INFINITIVE.match(rest):
            continue  # "...and what to do with it?", "...and seeing how you feel?": part of the one question
        first = _asking(text[begin:m.start()], p)
        if first and _asking(rest, p):
            pieces.append(first)
            begin = m.end()
    if not pieces:
        return [q]
    last = text[begin:]
    return [*pieces, _asking(last, p) or Question(last, q.kind, q.cue, q.reason, q.rule)]


def question_parts(text: str) -> list[Question]:
    """Every question asked in *text*, with questions joined in one sentence split apart.

    >>> [(q.text, q.kind) for q in question_parts("Did you tell him, and how did he take it?")]
    [('Did you tell him', 'closed'), ('how did he take it?', 'open')]
    """
    require_text(text, "text")
    return list(_question_parts(text))


@lru_cache(maxsize=1024)
def _question_parts(text: str) -> tuple[Question, ...]:
    p = _compiled()
    return tuple(part for q in find_questions(text) for part in _parts(q, p))


def stacked_questions(text: str) -> list[Finding]:
    """Two or more distinct questions asked at once, in separate sentences or joined in one
    ("What happened, and how did you feel?").

    An either/or choice inside one question is not stacking, and neither is a short
    acknowledgment before a single question.

    >>> [f.id for f in stacked_questions("What happened and how did you feel?")]
    ['stacked_questions']
    >>> stacked_questions("That sounds hard. What would help?")
    []
    >>> stacked_questions("Is it the workload, or is it the team?")
    []
    >>> stacked_questions("Your idea about the rota: say more. What would it look like?")
    []
    """
    # Only questions asked outright count: an invitation ("Say more.") or a wondering
    # statement ("I wonder whether...") next to one question leaves the client one thing to answer.
    p = _compiled()
    # "Can I offer an observation? ... What do you make of it?": asking leave to offer
    # something, then asking about it, is one move, not two questions.
    asked = [_quote(part.text) for q in find_questions(text) if q.text.endswith("?") and not asks_leave(q.text)
             for part in _parts(q, p)]
    distinct = list(dict.fromkeys(a.lower().rstrip("?. ") for a in asked))
    if len(distinct) < 2:
        return []
    second = next(a for a in asked[1:] if a.lower().rstrip("?. ") == distinct[1])
    return [Finding("stacked_questions", second, _STACKED_REASON.format(count=_count_word(len(distinct))))]


def asks_leave(question: str) -> bool:
    """Does *question* only ask leave to offer something ("Can I share an observation?")?

    >>> asks_leave("May I share something I noticed?"), asks_leave("What did you notice?")
    (True, False)
    """
    return bool(_compiled().asks_leave.match(question))


def _count_word(n: int) -> str:
    return {2: "two", 3: "three", 4: "four", 5: "five"}.get(n, str(n))


_OR_BEFORE = re.compile(r"\bor[\s,]*$", re.I)


def _offers_choice(sentence: str, m: re.Match) -> bool:
    """Is this the second option of an either/or question ("Will you finish, or leave the
    programme?")? A verb after "or" there is one of the choices offered, not an instruction."""
    return sentence.endswith("?") and bool(_OR_BEFORE.search(sentence, 0, m.start("hit")))


# "I'll go through it and make a plan", "Let me ring round and find you something": an
# action the coach takes on, after "and", is caretaking, not an instruction to the client.
_COACH_ACTS = re.compile(r"\b(?:i'll|i will|i'm going to|i am going to|i can|let me|let's|let us|we'll|we can)\b"
                         r"[^.;!?]*\band\s+$", re.I)


def _coach_acts(sentence: str, m: re.Match) -> bool:
    return bool(_COACH_ACTS.search(sentence, 0, m.start("hit")))


def advice(text: str) -> list[Finding]:
    """Advice, whether said outright ("You should...", "If I were you...") or dressed as
    a question ("Have you tried...?", "Why don't you...?", "Could you maybe just talk to HR?").

    >>> [f.words for f in advice("Why don't you just ask for a raise?")]
    ["Why don't you just ask"]
    >>> [f.words for f in advice("If I were you, I'd talk to HR.")]
    ['If I were you']
    >>> advice("What do you think you need to do?")
    []
    """
    require_text(text, "text")
    p = _compiled()
    found = []
    for sentence in sentences(text):
        m = p.advice_anywhere.search(sentence)
        hit = m.group(0) if m else None
        if hit is None:
            m = next((m for m in p.advice_start.finditer(sentence) if not _offers_choice(sentence, m)
                      and not _coach_acts(sentence, m)), None)
            hit = m.group("hit") if m else None
        if hit:
            found.append(Finding("advice", _quote(hit), _ADVICE_REASON))
    return found
