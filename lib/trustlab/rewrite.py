"""The softening drill: check a learner's rewrite of a blunt question.

A rewrite passes when it is one open question, on the topic of the original, softened
(a tentative word, a curious frame or an invitation to explore) and free of the habits
that undermine trust: "why", leading, advice, loaded words, demands for one right
answer, stacked questions and so much hedging that the question gets lost.

>>> fb = check_rewrite("Why didn't you finish the report?", "What might have got in the way of the report?")
>>> fb.passed, fb.score
(True, 1.0)
>>> fb = check_rewrite("Why didn't you finish the report?", "Why was the report late?")
>>> fb.passed, [p.id for p in fb.problems]
(False, ['why_question', 'not_softened'])
>>> print(fb.messages[1])
Ask with "what" or "how" instead of "Why": a "why" can sound like a demand to justify.

Word lists, limits, messages and example templates live in ``trustlab/data/rewrite.yaml``;
the topic check is :mod:`trustlab.topics`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon, phrasing
from .feedback import Feedback
from .findings import Finding
from .questions import OPEN, Question
from .text import clean, require_text, words
from .topics import same_topic, shares_words, topic_of

__all__ = ["check_rewrite", "example_rewrite"]

_DATA = "rewrite"
PROBLEMS = ("not_a_question", "closed", "off_topic", "not_softened", "why_question", "leading_question",
            "advice", "judgmental", "single_answer", "stacked_questions", "cluttered")

_REASONS = {
    "not_a_question": "Nothing here asks the client anything.",
    "closed": "It can be answered with a yes, a no or a single fact.",
    "off_topic": "It moves away from the subject of the original question.",
    "not_softened": "It has no tentative word, curious frame or invitation, so it can land as a demand.",
    "judgmental": "A loaded word carries a verdict on the client.",
    "single_answer": "It asks for one definitive answer.",
    "cluttered": "So much hedging or lead-in that the question is no longer clear and concise.",
}
_HOPED_REASON = "It names the outcome you hope for, so the client is steered towards agreeing with it."
_PRESUMED_REASON = "It names a feeling or motive the client has not spoken of, so it hints at the answer."

class _Lists:
    """Everything read from rewrite.yaml, compiled once."""

    def __init__(self) -> None:
        p = lexicon.pattern
        data = lexicon.load(_DATA)
        self.softener = re.compile(
            "|".join(f"(?:{p(_DATA, key).pattern})" for key in ("tentative", "curious", "invitation")), re.I)
        self.hedge = p(_DATA, "hedges")
        self.judgmental = p(_DATA, "judgmental")
        self.single_answer = p(_DATA, "single_answer")
        self.presumed_feelings = p(_DATA, "presumed_feelings")
        self.hoped_outcome = p(_DATA, "hoped_outcome")
        self.setup = p(_DATA, "setup", "^")
        self.embedded_open = p(_DATA, "embedded_open")
        self.forced_choice = re.compile(lexicon.alternation(_DATA, "forced_choice"), re.I)
        self.priority = lexicon.phrases(_DATA, "priority")
        if sorted(self.priority) != sorted(PROBLEMS):
            raise ValueError(f"rewrite.yaml: priority must list each of {', '.join(PROBLEMS)} once.")
        self.credit = _credit(data)
        self.statement_share = float(_number(data, "statement_share"))
        self.max_failed_score = float(_number(data, "max_failed_score"))
        self.max_hedges = int(_number(data, "max_hedges"))
        self.max_words = int(_number(data, "max_words"))
        self.min_lead_in = int(_number(data, "min_lead_in"))
        self.text = data


_REQUIREMENTS = ("question", "open", "on_topic", "one_question", "no_why", "no_leading", "no_advice",
                 "no_judgment", "no_single_answer", "softened", "concise")


def _number(data: dict, key: str) -> float:
    """Read one positive number from rewrite.yaml, checking it."""
    value = data.get(key)
    if not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0:
        raise ValueError(f"rewrite.yaml: {key} must be a positive number, not {value!r}.")
    return value


def _credit(data: dict) -> dict[str, float]:
    """The credit for each requirement, checked to name them all and add up to 1."""
    value = data.get("credit")
    if not isinstance(value, dict) or set(value) != set(_REQUIREMENTS):
        raise ValueError(f"rewrite.yaml: credit must give a number for each of {', '.join(_REQUIREMENTS)}.")
    credit = {k: float(v) for k, v in value.items()}
    if abs(sum(credit.values()) - 1.0) > 1e-6:
        raise ValueError(f"rewrite.yaml: the credits must add up to 1, not {sum(credit.values()):.2f}.")
    return credit


_cache: _Lists | None = None


def _lists() -> _Lists:
    global _cache
    if _cache is None:
        _cache = _Lists()
    return _cache


@dataclass(frozen=True)
class _Verdict:
    """The raw facts about one rewrite, before they are put into words."""

    problems: tuple[Finding, ...]
    met: dict
    softener: str


def _first(pattern: re.Pattern, text: str) -> str:
    m = pattern.search(text)
    return m.group(0).strip() if m else ""


# A sentence in the coach's own voice: "I'm curious...", "So, I was hoping...".
_COACH_FRAME = re.compile(r"\W*(?:(?:so|and|but|um|well|okay|ok|now)\W+)*i\b", re.I)


def _embedded(q: Question) -> Question:
    """*q* read again when it is a statement with a question mark: in the coach's own voice
    ("I was hoping you might share...") it asks an open question when it hands the client a
    "what" or "how" to fill in ("...about how tired you are?"). "You've been thinking about
    what to do?" checks a reflection and stays as it was."""
    if q.rule != "statement" or not _COACH_FRAME.match(q.text):
        return q
    m = _lists().embedded_open.search(q.text)
    if not m:
        return q
    cue = m.group(0)
    # The words before the cue frame the question ("I was hoping you might share..."), so
    # they are not counted as a lead-in.
    return Question(q.text, OPEN, cue, f'"{cue}" asks for the client\'s own account', "embedded")


def _lead_in(text: str, first_question: str, cue: str) -> tuple[int, int]:
    """Words before the first question starts, and words from there on. A setup clause
    in the same sentence ("If you could..., what...?") belongs to the question."""
    cleaned = clean(text)
    at = cleaned.find(first_question)
    before = cleaned[:at] if at > 0 else ""
    cue_at = first_question.lower().find(cue.lower()) if cue and cue != "?" else 0
    cue_at = max(cue_at, 0)
    if not _lists().setup.match(first_question):
        before += " " + first_question[:cue_at]
    return len(words(before)), len(words(first_question[cue_at:]))


def _judge(original: str, rewrite: str) -> _Verdict:
    """Find every problem in *rewrite*, in priority order."""
    L = _lists()
    found: dict[str, Finding] = {}

    def add(pid: str, words_: str = "", reason: str = "") -> None:
        found.setdefault(pid, Finding(pid, words_, reason or _REASONS[pid]))

    questions = phrasing.question_parts(rewrite)
    if any(q.rule == "statement" for q in questions):
        # "I'm perhaps a little bit curious what...?" is open once the hedges are set aside.
        plain = phrasing.question_parts(L.hedge.sub(" ", rewrite))
        if plain and all(q.kind == OPEN for q in plain):
            questions = plain
        else:
            questions = [_embedded(q) for q in questions]
    if len(questions) > 1:
        # "May I share something I noticed? ... what do you make of that?": the leave asked
        # first is a courtesy; the question to judge is the one after it.
        questions = [q for q in questions if not phrasing.asks_leave(q.text)] or questions
    asked = " ".join(q.text for q in questions)
    for finding in (*phrasing.advice(rewrite), *phrasing.leading_questions(rewrite),
                    *phrasing.why_questions(rewrite), *phrasing.stacked_questions(rewrite)):
        found.setdefault(finding.id, finding)
    if "leading_question" not in found:
        # "What might you be feeling guilty about?" when the client never spoke of guilt:
        # the question hands them a feeling to agree with.
        m = L.presumed_feelings.search(rewrite)
        if m and not L.presumed_feelings.search(original):
            found["leading_question"] = Finding("leading_question", m.group(0), _PRESUMED_REASON)
        else:
            m = L.hoped_outcome.search(rewrite)
            if m:
                found["leading_question"] = Finding("leading_question", m.group(0), _HOPED_REASON)
    steered = "leading_question" in found or "advice" in found
    is_question = bool(questions)
    choice = _first(L.forced_choice, asked) if is_question else ""
    is_open = is_question and all(q.kind == OPEN for q in questions) and not choice
    softener = _first(L.softener, rewrite)
    # Hedges ("no pressure") and loaded words ("the blame") say how the question is put,
    # not what it is about, so the topic is read without them.
    subject = L.judgmental.sub(" ", L.hedge.sub(" ", rewrite))
    on_topic = same_topic(original, subject)
    shares = shares_words(original, subject)
    hedges = len(L.hedge.findall(rewrite))
    total = len(words(rewrite))
    lead, rest = (0, total)
    if questions and questions[0].rule in ("wh", "invitation", "fact") and not steered:
        lead, rest = _lead_in(rewrite, questions[0].text, questions[0].cue)
    concise = hedges < L.max_hedges and total <= L.max_words and not (lead >= L.min_lead_in and lead > rest)

    if not is_question:
        add("not_a_question")
    elif not on_topic:
        add("off_topic")  # the topic of a statement is moot: first it needs to ask something
    judged = _first(L.judgmental, rewrite)
    if judged:
        add("judgmental", judged)
    single = _first(L.single_answer, asked)
    if single:
        add("single_answer", single)
    if not concise:
        add("cluttered")
        # Buried under hedges, the shape of the question cannot be read reliably; making it
        # plain comes first, so "stacked" or "closed" read from the clutter are not reported.
        found.pop("stacked_questions", None)
    if is_question and not is_open and not steered and concise:
        closed_q = next((q for q in questions if q.kind != OPEN), questions[0])
        add("closed", choice or closed_q.cue)
    if is_question and is_open and not softener and concise and not steered:
        add("not_softened")

    order = {pid: n for n, pid in enumerate(L.priority)}
    problems = tuple(sorted(found.values(), key=lambda f: order[f.id]))
    ids = set(found)
    met = {
        "question": is_question,
        "open": is_open,
        "on_topic": on_topic if is_question else shares,
        "names_topic": shares,
        "one_question": is_question and "stacked_questions" not in ids,
        "no_why": "why_question" not in ids,
        "no_leading": "leading_question" not in ids,
        "no_advice": "advice" not in ids,
        "no_judgment": "judgmental" not in ids,
        "no_single_answer": "single_answer" not in ids,
        "softened": is_question and bool(softener),
        "concise": concise,
    }
    return _Verdict(problems, met, softener)


def _score(verdict: _Verdict) -> float:
    """Partial credit: the worth of each requirement met (see ``credit`` in rewrite.yaml)."""
    L = _lists()
    score = sum(w for req, w in L.credit.items() if verdict.met[req])
    if not verdict.met["question"]:
        score *= L.statement_share
    if verdict.problems:
        score = min(score, L.max_failed_score)
    return round(max(0.0, min(1.0, score)), 2)


def _strengths(verdict: _Verdict, topic: str) -> tuple[str, ...]:
    phrases = _lists().text["strengths"]
    met, out = verdict.met, []
    if met["names_topic"]:
        out.append(phrases["on_topic"].format(topic=topic) if topic else phrases["on_topic_plain"])
    if met["open"]:
        out.append(phrases["open"])
    elif met["question"]:
        out.append(phrases["question"])
    if met["softened"]:
        out.append(phrases["softened"].format(words=verdict.softener))
    if met["one_question"]:
        out.append(phrases["one_question"])
    if met["question"] and all(met[k] for k in ("no_why", "no_leading", "no_advice", "no_judgment")):
        out.append(phrases["curious"])
    if met["concise"] and met["question"]:
        out.append(phrases["concise"])
    return tuple(out)


def _praise(strengths: tuple[str, ...]) -> str:
    if not strengths:
        return _lists().text["no_strengths"]
    picked = strengths[:2]
    return "You " + " and ".join(picked) + "."


@lru_cache(maxsize=1024)
def example_rewrite(original: str) -> str:
    """A short example rewrite of *original* that passes the check.

    >>> example_rewrite("Why didn't you finish the report on time?")
    'What might feel important to you about the report right now?'
    """
    require_text(original, "original")
    data = _lists().text
    topic = topic_of(original)
    templates = data["examples"] if topic else data["examples_no_topic"]
    turn = sum(map(ord, original)) % len(templates)  # stable across runs, unlike hash()
    candidates = [t.format(topic=topic) for t in templates[turn:] + templates[:turn]]
    for candidate in candidates:
        if not _judge(original, candidate).problems:
            return candidate
    return candidates[0]


def check_rewrite(original: str, rewrite: str) -> Feedback:
    """Check a learner's softer rewrite of *original*, with kind, specific feedback.

    Returns a :class:`~trustlab.feedback.Feedback`: ``passed``, a ``score`` from 0 to 1,
    ``messages`` (what worked, the one thing to change, an example), and ``problems``
    with their ids: not_a_question, closed, off_topic, not_softened, why_question,
    leading_question, advice, judgmental, single_answer, stacked_questions, cluttered.

    >>> fb = check_rewrite("Is your boss fair?", "I'm curious how things are with your manager.")
    >>> fb.passed
    True
    >>> print(check_rewrite("Is your boss fair?", "Have you tried talking to your boss about it?").messages[1])
    Drop the suggestion ("Have you tried"): it offers your fix instead of drawing out the client's own ideas.
    >>> check_rewrite("Is your boss fair?", "   ").score
    0.0
    """
    require_text(original, "original")
    require_text(rewrite, "rewrite")
    data = _lists().text
    topic = topic_of(original)
    if not words(rewrite):
        message = data["blank"].format(topic=topic) if topic else data["blank_no_topic"]
        example = example_rewrite(original)
        return Feedback(
            passed=False, score=0.0,
            messages=(message, f'{data["example_intro"]} "{example}"'),
            problems=(Finding("not_a_question", "", "The rewrite is empty."),),
            original=original, rewrite=rewrite,
        )
    verdict = _judge(original, rewrite)
    strengths = _strengths(verdict, topic)
    messages = [_praise(strengths)]
    if verdict.problems:
        top = verdict.problems[0]
        messages.append(data["change"][top.id].format(topic=topic or "the client's subject", words=top.words))
        messages.append(f'{data["example_intro"]} "{example_rewrite(original)}"')
    else:
        messages.append(data["passed_note"])
    return Feedback(
        passed=not verdict.problems,
        score=_score(verdict),
        messages=tuple(messages),
        problems=verdict.problems,
        strengths=strengths,
        original=original,
        rewrite=rewrite,
    )
