"""Review a whole coaching session: how trust and safety showed up, turn by turn.

:func:`review` reads a :class:`~trustlab.transcripts.Transcript` and returns a
:class:`Review` with the figures an assessor or a supervisor looks at:

- who the coach is (guessed when you do not say, and the review says why);
- the coach's share of voice, by words and, when the transcript has timestamps, by time,
  against a rule of thumb from coaching tools (about 20 to 30%; no research fixes a number);
- the coach's longest stretch of talk;
- the questions asked: open, closed, "why", leading, and turns with stacked questions;
- the evidence of PCC markers 4.1 to 4.4 and the red flags, turn by turn, with the words
  and the reason (the same engine as :func:`~trustlab.markers.find_markers` and
  :func:`~trustlab.flags.find_red_flags`, each coach turn read against the client's turn before it);
- the client's disclosures and how the coach met them: acknowledged, dismissed or moved on;
- backtracking: how often the coach reused the client's own key words;
- three strengths and three things to try next, picked by rules from these figures.

A speaker's consecutive turns (a long answer cut into several captions) are read as one
turn; turn numbers in the review are those of the transcript, counted from 1.

>>> from trustlab.transcripts import Transcript, Turn
>>> session = Transcript(turns=(
...     Turn("Dana", "What would you like to focus on today?"),
...     Turn("Sam", "My new team. I feel stuck with them and a bit scared, honestly."),
...     Turn("Dana", "That sounds hard. Say more about stuck?"),
...     Turn("Sam", "They don't come to me with problems. I hear about them late."),
...     Turn("Dana", "What would you like instead?"),
...     Turn("Sam", "That they trust me enough to come early."),
... ), source="example", format="script")
>>> r = review(session)
>>> r.coach
'Dana'
>>> print(r.coach_reason)
I took Dana to be the coach because Dana asked the most questions (3; Sam asked none). If that is wrong, name the coach.
>>> r.questions.open, r.questions.closed
(3, 0)
>>> [d.response for d in r.disclosures]
['acknowledged']

The review prints as text, renders as HTML in Jupyter, and converts to JSON
(:meth:`Review.to_dict`, :meth:`Review.to_json`). Nothing is sent anywhere.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Any

from . import lexicon
from .findings import Finding
from .flags import find_red_flags
from .markers import MARKER_IDS, find_markers
from .questions import find_questions
from .text import sentences, stem, words

__all__ = [
    "SHARE_BAND", "Review", "Monologue", "QuestionCounts", "Moment", "Disclosure",
    "Echo", "Backtracking", "review", "guess_coach", "resolve_speaker", "clock",
]

# A healthy coach share of voice, as a fraction of the words (or time).
SHARE_BAND = (0.20, 0.30)
SHARE_NOTE = ("A rule of thumb from coaching tools, not a research finding: "
              "a coach speaks about 20 to 30% of the time.")
SCHEMA = "trustlab.review/1"

# Responses to a disclosure, in the order the review lists them.
RESPONSES = ("acknowledged", "dismissed", "moved on", "session ended")

_ADDRESS = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+")
_QUOTE_WORDS = 25  # longer quotes are shortened with "..."
_EXAMPLES = 3  # backtracking examples kept
_LONG_STRETCH_WORDS = 120
_LONG_STRETCH_SECONDS = 60.0


# ---------------------------------------------------------------------------------
# Small helpers


def clock(seconds: float | None) -> str:
    """A time in the session as a listener reads it: "4:05", or "1:02:09" past an hour.

    >>> clock(245), clock(3729.6), clock(None)
    ('4:05', '1:02:09', '')
    """
    if seconds is None:
        return ""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _where(turn: int, start: float | None) -> str:
    """ "12:40 (turn 57)" when the time is known, else "turn 57". """
    return f"{clock(start)} (turn {turn})" if start is not None else f"turn {turn}"


def _percent(fraction: float | None) -> str:
    return "" if fraction is None else f"{round(fraction * 100)}%"


def _shorten(text: str, limit: int = _QUOTE_WORDS) -> str:
    said = text.split()
    return text.strip() if len(said) <= limit else " ".join(said[:limit]) + " ..."


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"in {n} turns")


def _count(n: int, noun: str, plural: str | None = None) -> str:
    """ "1 turn", "3 turns", "no turns"."""
    many = plural or noun + "s"
    return f"no {many}" if n == 0 else f"{n} {noun}" if n == 1 else f"{n} {many}"


def _word_count(text: str) -> int:
    return len(words(text))  # counted as Transcript.talk_share counts them


class _Data:
    """The word lists and messages in ``trustlab/data/review.yaml``, read once."""

    def __init__(self) -> None:
        data = lexicon.load("review")
        self.stop_words = frozenset(w for line in lexicon.phrases("review", "stop_words") for w in line.split())
        self.marker_names = data["marker_names"]
        self.strengths = data["strengths"]
        self.try_next = data["try_next"]
        self.disclosure = lexicon.pattern("flags", "disclosure")  # the same notion as the dismissal flag


@cache
def _data() -> _Data:
    return _Data()


# ---------------------------------------------------------------------------------
# The result types


@dataclass(frozen=True)
class Monologue:
    """The coach's longest stretch of talk without the client speaking.

    ``turn`` is where it starts (counted from 1), ``start`` the time in seconds when
    known, ``words`` its length and ``seconds`` how long it lasted when known.
    """

    turn: int
    start: float | None
    words: int
    seconds: float | None
    text: str

    def where(self) -> str:
        """Where it happened, for a reader: "12:40 (turn 57)" or "turn 57"."""
        return _where(self.turn, self.start)

    def to_dict(self) -> dict:
        return {"turn": self.turn, "start": self.start, "words": self.words,
                "seconds": self.seconds, "text": self.text}


@dataclass(frozen=True)
class QuestionCounts:
    """The coach's questions: how many were open, closed, "why" and leading, and in how
    many turns questions were stacked. ``examples`` holds the first question of each kind."""

    open: int = 0
    closed: int = 0
    why: int = 0
    leading: int = 0
    stacked: int = 0
    examples: dict = field(default_factory=dict)

    @property
    def total(self) -> int:
        """Every question asked: open plus closed."""
        return self.open + self.closed

    def to_dict(self) -> dict:
        return {"open": self.open, "closed": self.closed, "why": self.why, "leading": self.leading,
                "stacked": self.stacked, "total": self.total, "examples": dict(self.examples)}


@dataclass(frozen=True)
class Moment:
    """A coach turn that showed marker evidence or raised a red flag, with the words."""

    turn: int
    start: float | None
    speaker: str
    markers: tuple[Finding, ...]
    flags: tuple[Finding, ...]

    def where(self) -> str:
        return _where(self.turn, self.start)

    def to_dict(self) -> dict:
        return {"turn": self.turn, "start": self.start, "speaker": self.speaker,
                "markers": [_finding(f) for f in self.markers],
                "red_flags": [_finding(f) for f in self.flags]}


@dataclass(frozen=True)
class Disclosure:
    """Something vulnerable or significant the client shared, and how the coach met it.

    ``response`` is "acknowledged" (marker 4.2 or 4.3 in the coach's next turn),
    "dismissed" (the dismissal red flag), "moved on" (neither) or "session ended".
    ``evidence`` quotes the words that decided it; ``kept`` lists the client's key words
    that the reply took up (a coach who moves on may still stay with the client's words).
    """

    turn: int
    start: float | None
    speaker: str
    words: str
    quote: str
    response: str
    reply_turn: int | None
    reply: str
    evidence: str
    kept: tuple[str, ...] = ()

    def where(self) -> str:
        return _where(self.turn, self.start)

    def to_dict(self) -> dict:
        return {"turn": self.turn, "start": self.start, "speaker": self.speaker, "words": self.words,
                "quote": self.quote, "response": self.response, "reply_turn": self.reply_turn,
                "reply": self.reply, "evidence": self.evidence, "kept": list(self.kept)}


@dataclass(frozen=True)
class Echo:
    """One coach turn that reused the client's key words (``words``, as the client said them)."""

    turn: int
    start: float | None
    words: tuple[str, ...]
    client: str
    coach: str

    def to_dict(self) -> dict:
        return {"turn": self.turn, "start": self.start, "words": list(self.words),
                "client": self.client, "coach": self.coach}


@dataclass(frozen=True)
class Backtracking:
    """How often the coach reused the client's own key words from the turn before.

    ``turns`` counts the coach turns that answered a client turn, ``reused`` those that
    took up at least one of its key words (content words, not stop words).
    """

    turns: int = 0
    reused: int = 0
    examples: tuple[Echo, ...] = ()

    @property
    def rate(self) -> float | None:
        """``reused / turns``, or None when the coach never answered the client."""
        return self.reused / self.turns if self.turns else None

    def to_dict(self) -> dict:
        return {"turns": self.turns, "reused": self.reused, "rate": self.rate,
                "examples": [e.to_dict() for e in self.examples]}


def _finding(f: Finding) -> dict:
    return {"id": f.id, "words": f.words, "reason": f.reason}


@dataclass(frozen=True)
class Review:
    """What a session showed about trust and safety. Made by :func:`review`.

    Print it for text, show it in Jupyter for HTML, or call :meth:`to_dict` or
    :meth:`to_json` for data. Shares are fractions from 0 to 1; times are seconds.
    """

    source: str
    format: str
    coach: str
    coach_reason: str
    speakers: tuple[str, ...]
    turns: int
    coach_turns: int
    client_turns: int
    duration: float | None
    word_share: dict
    time_share: dict | None
    longest: Monologue | None
    questions: QuestionCounts
    moments: tuple[Moment, ...]
    disclosures: tuple[Disclosure, ...]
    backtracking: Backtracking
    strengths: tuple[str, ...]
    try_next: tuple[str, ...]

    # -- figures ---------------------------------------------------------------

    @property
    def coach_share(self) -> float:
        """The coach's share of the words, from 0 to 1."""
        return self.word_share.get(self.coach, 0.0)

    @property
    def coach_time_share(self) -> float | None:
        """The coach's share of the speaking time, or None without timestamps."""
        return None if self.time_share is None else self.time_share.get(self.coach, 0.0)

    @property
    def share_verdict(self) -> str:
        """ "below", "within" or "above" the rule-of-thumb band, by words."""
        low, high = SHARE_BAND
        share = round(self.coach_share, 2)
        return "below" if share < low else "above" if share > high else "within"

    def marker_counts(self) -> dict[str, int]:
        """In how many coach turns each marker 4.1 to 4.4 showed."""
        counts = dict.fromkeys(MARKER_IDS, 0)
        for m in self.moments:
            for f in m.markers:
                counts[f.id] = counts.get(f.id, 0) + 1
        return counts

    def flag_counts(self) -> dict[str, int]:
        """In how many coach turns each red flag came up (only flags seen are listed)."""
        counts: dict[str, int] = {}
        for m in self.moments:
            for flag in dict.fromkeys(f.id for f in m.flags):
                counts[flag] = counts.get(flag, 0) + 1
        return counts

    def response_counts(self) -> dict[str, int]:
        """How many disclosures were acknowledged, dismissed, moved on from, or left at the end."""
        counts = dict.fromkeys(RESPONSES, 0)
        for d in self.disclosures:
            counts[d.response] += 1
        return counts

    # -- text ------------------------------------------------------------------

    def _share_lines(self) -> list[str]:
        lines = []
        for speaker in self.speakers:
            role = " (coach)" if speaker == self.coach else ""
            line = f"  {speaker}{role}: {_percent(self.word_share.get(speaker, 0.0))} of the words"
            if self.time_share is not None:
                line += f", {_percent(self.time_share.get(speaker, 0.0))} of the speaking time"
            lines.append(line)
        verdict = {"within": "The coach is within it.", "above": "The coach is above it.",
                   "below": "The coach is below it."}[self.share_verdict]
        lines.append(f"  {SHARE_NOTE} {verdict}")
        return lines

    def _question_line(self) -> str:
        q = self.questions
        return (f"{q.total} questions: {q.open} open, {q.closed} closed; {q.why} \"why\", "
                f"{q.leading} leading; {_count(q.stacked, 'turn')} with stacked questions.")

    def __str__(self) -> str:
        length = f", {clock(self.duration)} long" if self.duration else ""
        lines = [f"Session review: {self.source} ({self.turns} turns{length})", self.coach_reason, "",
                 "Share of voice"]
        lines += self._share_lines()
        if self.longest:
            secs = f", {round(self.longest.seconds)} s" if self.longest.seconds is not None else ""
            lines.append(f"  Longest stretch by the coach: {self.longest.words} words{secs}, at {self.longest.where()}:")
            lines.append(f'    "{_shorten(self.longest.text, 30)}"')
        lines += ["", "Questions", "  " + self._question_line()]
        marker_counts = self.marker_counts()
        lines += ["", "PCC markers (turns with evidence): " +
                  ", ".join(f"{m}: {n}" for m, n in marker_counts.items())]
        flag_counts = self.flag_counts()
        lines.append("Red flags (turns): " + (", ".join(f"{k}: {n}" for k, n in flag_counts.items()) or "none"))
        if self.moments:
            lines += ["", "Turn by turn"]
            for m in self.moments:
                for f in (*m.markers, *m.flags):
                    lines.append(f'  {m.where()}: {f.id} "{f.words}" ({f.reason})')
        lines += ["", f"Disclosures by the client: {len(self.disclosures)}"]
        for d in self.disclosures:
            reply = f': "{_shorten(d.reply, 15)}"' if d.reply else ""
            kept = f" (kept the words: {', '.join(d.kept)})" if d.kept and d.response == "moved on" else ""
            lines.append(f'  {d.where()} {d.speaker}: "{d.quote}" -> {d.response}{kept}{reply}')
        b = self.backtracking
        lines += ["", "Backtracking"]
        if b.turns:
            lines.append(f"  The coach reused the client's key words in {b.reused} of {b.turns} turns ({_percent(b.rate)}).")
            for e in b.examples:
                lines.append(f'  {_where(e.turn, e.start)}: {", ".join(e.words)}: "{_shorten(e.coach, 15)}"')
        else:
            lines.append("  The coach never answered a client turn, so there is nothing to compare.")
        lines += ["", "Three strengths"] + [f"  {n}. {s}" for n, s in enumerate(self.strengths, 1)]
        lines += ["", "Three things to try next"] + [f"  {n}. {s}" for n, s in enumerate(self.try_next, 1)]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return (f"<Review of {self.source!r}: coach {self.coach!r}, {_percent(self.coach_share)} of the words, "
                f"{self.questions.total} questions, {len(self.moments)} turns with evidence or red flags>")

    # -- HTML ------------------------------------------------------------------

    def _repr_html_(self) -> str:
        """HTML for Jupyter and for the report. Every word from the transcript is escaped."""
        return self.to_html()

    def to_html(self, heading_level: int = 3) -> str:
        """The review as an HTML fragment (no page around it; see :mod:`trustlab.report`),
        headed at *heading_level*. Every word from the transcript is escaped.

        >>> from trustlab.transcripts import Transcript, Turn
        >>> page = review(Transcript((Turn("<i>Coach</i>", "What now?"), Turn("Client", "Rest.")))).to_html()
        >>> page.startswith('<div class="trustlab-review"'), "&lt;i&gt;Coach&lt;/i&gt; (coach)" in page
        (True, True)
        """
        esc = html.escape
        h = f"h{heading_level}"
        hh = f"h{heading_level + 1}"
        length = f", {clock(self.duration)} long" if self.duration else ""
        out = ['<div class="trustlab-review" style="font-family:sans-serif;line-height:1.45">',
               f"<{h}>Session review: {esc(self.source)}</{h}>",
               f"<p>{self.turns} turns{esc(length)}. {esc(self.coach_reason)}</p>",
               f"<{hh}>Share of voice</{hh}>", "<table><tr><th>Speaker</th><th>Words</th>"]
        if self.time_share is not None:
            out.append("<th>Speaking time</th>")
        out.append("</tr>")
        for speaker in self.speakers:
            role = " (coach)" if speaker == self.coach else ""
            row = f"<tr><td>{esc(speaker)}{role}</td><td>{_percent(self.word_share.get(speaker, 0.0))}</td>"
            if self.time_share is not None:
                row += f"<td>{_percent(self.time_share.get(speaker, 0.0))}</td>"
            out.append(row + "</tr>")
        out.append("</table>")
        verdict = {"within": "within", "above": "above", "below": "below"}[self.share_verdict]
        out.append(f"<p>{esc(SHARE_NOTE)} The coach is <strong>{verdict}</strong> it.</p>")
        if self.longest:
            secs = f", {round(self.longest.seconds)} s" if self.longest.seconds is not None else ""
            out.append(f"<p>Longest stretch by the coach: {self.longest.words} words{secs}, "
                       f"at {esc(self.longest.where())}:</p><blockquote>{esc(self.longest.text)}</blockquote>")
        out.append(f"<{hh}>Questions</{hh}><p>{esc(self._question_line())}</p>")
        out.append(f"<{hh}>Three strengths</{hh}><ol>")
        out += [f"<li>{esc(s)}</li>" for s in self.strengths]
        out.append(f"</ol><{hh}>Three things to try next</{hh}><ol>")
        out += [f"<li>{esc(s)}</li>" for s in self.try_next]
        out.append("</ol>")
        counts = self.marker_counts()
        out.append(f"<{hh}>PCC markers and red flags, turn by turn</{hh}>")
        out.append("<p>" + esc("Turns with marker evidence: " + ", ".join(f"{m}: {n}" for m, n in counts.items()))
                   + ". " + esc("Red flags: " + (", ".join(f"{k}: {n}" for k, n in self.flag_counts().items()) or "none"))
                   + ".</p>")
        if self.moments:
            out.append("<table><tr><th>Where</th><th>Found</th><th>Words</th><th>Why</th></tr>")
            for m in self.moments:
                for f in (*m.markers, *m.flags):
                    kind = "marker" if f.id in MARKER_IDS else "red flag"
                    out.append(f"<tr><td>{esc(m.where())}</td><td>{esc(f.id)} ({kind})</td>"
                               f"<td><q>{esc(f.words)}</q></td><td>{esc(f.reason)}</td></tr>")
            out.append("</table>")
        out.append(f"<{hh}>Disclosures by the client ({len(self.disclosures)})</{hh}>")
        if self.disclosures:
            out.append("<table><tr><th>Where</th><th>The client said</th><th>The coach</th><th>Reply</th></tr>")
            for d in self.disclosures:
                out.append(f"<tr><td>{esc(d.where())}</td><td><q>{esc(d.quote)}</q></td>"
                           f"<td>{esc(d.response)}</td><td>{esc(_shorten(d.reply, 20))}</td></tr>")
            out.append("</table>")
        b = self.backtracking
        out.append(f"<{hh}>Backtracking</{hh}>")
        if b.turns:
            out.append(f"<p>The coach reused the client's key words in {b.reused} of {b.turns} turns "
                       f"({_percent(b.rate)}).</p><ul>")
            for e in b.examples:
                out.append(f"<li>{esc(_where(e.turn, e.start))}: <strong>{esc(', '.join(e.words))}</strong>: "
                           f"<q>{esc(_shorten(e.coach, 20))}</q></li>")
            out.append("</ul>")
        else:
            out.append("<p>The coach never answered a client turn, so there is nothing to compare.</p>")
        out.append("</div>")
        return "".join(out)

    # -- data ------------------------------------------------------------------

    def to_dict(self) -> dict:
        """The review as plain data (str, int, float, None, lists and dicts), for JSON.

        The keys are stable (``schema`` names the version, "trustlab.review/1"):

        - ``source``, ``format``, ``coach``, ``coach_reason``, ``speakers``, ``turns``,
          ``coach_turns``, ``client_turns``, ``duration`` (seconds or null);
        - ``share_of_voice``: ``by_words`` and ``by_time`` (speaker -> fraction; ``by_time`` null
          without timestamps), ``coach_by_words``, ``coach_by_time``, ``rule_of_thumb``
          (``low``, ``high``, ``note``) and ``verdict`` ("below", "within", "above");
        - ``longest_monologue``: ``turn``, ``start``, ``words``, ``seconds``, ``text`` (or null);
        - ``questions``: ``open``, ``closed``, ``why``, ``leading``, ``stacked`` (turns),
          ``total``, ``examples`` (kind -> the first question of that kind);
        - ``markers`` (marker -> turns), ``red_flags`` (flag -> turns);
        - ``moments``: a list of ``turn``, ``start``, ``speaker``, ``markers`` and
          ``red_flags`` (each a list of ``id``, ``words``, ``reason``);
        - ``disclosures``: a list of ``turn``, ``start``, ``speaker``, ``words``, ``quote``,
          ``response``, ``reply_turn``, ``reply``, ``evidence``; ``responses`` counts them;
        - ``backtracking``: ``turns``, ``reused``, ``rate`` and ``examples`` (``turn``,
          ``start``, ``words``, ``client``, ``coach``);
        - ``strengths`` and ``try_next``: lists of sentences.

        Turns are counted from 1; ``start`` is seconds from the beginning, or null.
        """
        low, high = SHARE_BAND
        return {
            "schema": SCHEMA,
            "source": self.source,
            "format": self.format,
            "coach": self.coach,
            "coach_reason": self.coach_reason,
            "speakers": list(self.speakers),
            "turns": self.turns,
            "coach_turns": self.coach_turns,
            "client_turns": self.client_turns,
            "duration": self.duration,
            "share_of_voice": {
                "by_words": dict(self.word_share),
                "by_time": None if self.time_share is None else dict(self.time_share),
                "coach_by_words": self.coach_share,
                "coach_by_time": self.coach_time_share,
                "rule_of_thumb": {"low": low, "high": high, "note": SHARE_NOTE},
                "verdict": self.share_verdict,
            },
            "longest_monologue": self.longest.to_dict() if self.longest else None,
            "questions": self.questions.to_dict(),
            "markers": self.marker_counts(),
            "red_flags": self.flag_counts(),
            "moments": [m.to_dict() for m in self.moments],
            "disclosures": [d.to_dict() for d in self.disclosures],
            "responses": self.response_counts(),
            "backtracking": self.backtracking.to_dict(),
            "strengths": list(self.strengths),
            "try_next": list(self.try_next),
        }

    def to_json(self, indent: int | None = 2) -> str:
        """:meth:`to_dict` as a JSON string (UTF-8 text, keys in a fixed order)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


# ---------------------------------------------------------------------------------
# Reading the session


@dataclass
class _Utterance:
    """A speaker's consecutive turns, read as one."""

    speaker: str
    text: str
    turn: int  # the first turn's number, from 1
    start: float | None
    end: float | None
    words: int
    questions: list = field(default_factory=list)


# Redaction's placeholders ("[Client]", "[Person 2]") look like transcribers' notes, which
# the engine drops; they are read as plain words instead and put back in what the review quotes.
_PLACEHOLDER = re.compile(r"\[(Client|Person|Place|Email|Phone)(?: (\d+))?\]")
_TOKEN = re.compile(r"\bRedacted(Client|Person|Place|Email|Phone)(\d*)x\b")


def _protect(text: str) -> str:
    return _PLACEHOLDER.sub(lambda m: f"Redacted{m.group(1)}{m.group(2) or ''}x", text) if "[" in text else text


def _restore(value):
    """*value* with every protected placeholder put back, through tuples, dicts and dataclasses."""
    if isinstance(value, str):
        return _TOKEN.sub(lambda m: f"[{m.group(1)}{' ' + m.group(2) if m.group(2) else ''}]", value) \
            if "Redacted" in value else value
    if isinstance(value, tuple):
        return tuple(_restore(v) for v in value)
    if isinstance(value, dict):
        return {k: _restore(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _restore(getattr(value, f.name)) for f in dataclasses.fields(value)
                                 if f.init})
    return value


def _utterances(turns) -> list[_Utterance]:
    out: list[_Utterance] = []
    for n, turn in enumerate(turns, 1):
        text = _protect(turn.text if isinstance(turn.text, str) else str(turn.text))
        start = getattr(turn, "start", None)
        end = getattr(turn, "end", None)
        if out and out[-1].speaker == turn.speaker:
            last = out[-1]
            last.text = f"{last.text} {text}" if last.text else text
            last.words += _word_count(text)
            if end is not None:
                last.end = end
            if last.start is None:
                last.start = start
            continue
        out.append(_Utterance(turn.speaker, text, n, start, end, _word_count(text)))
    return out


def _turns(transcript, caller: str) -> tuple[tuple, str]:
    turns = getattr(transcript, "turns", None)
    if turns is None:
        raise TypeError(f"{caller}() needs a Transcript, not {type(transcript).__name__}: "
                        'read one with trustlab.read_transcript("session.vtt").')
    return tuple(turns), str(getattr(transcript, "source", "") or "the transcript")


def _read(turns) -> list[_Utterance]:
    """The utterances of a session, each with the questions it asks."""
    utterances = _utterances(turns)
    for u in utterances:
        u.questions = find_questions(u.text) if u.text.strip() else []
    return utterances


def guess_coach(transcript) -> tuple[str, str]:
    """Who the coach is, guessed as :func:`review` does, and the sentence saying why.

    The coach is the speaker who asks the most questions; on a tie, the one who says
    fewer words.

    >>> from trustlab.transcripts import Transcript, Turn
    >>> guess_coach(Transcript(turns=(Turn("Ann", "I'm tired."), Turn("Bo", "What's tiring you?")),
    ...                        source="s", format="script"))[0]
    'Bo'
    """
    turns, source = _turns(transcript, "guess_coach")
    speakers = list(dict.fromkeys(t.speaker for t in turns))
    return _pick_coach(_read(turns), speakers, None, source)


def resolve_speaker(transcript, name: str) -> str:
    """The speaker label in *transcript* that *name* stands for: the same label, the same in
    another case, or the only label that starts with it. A ``ValueError`` lists the speakers
    when none (or several) match.

    >>> from trustlab.transcripts import Transcript, Turn
    >>> resolve_speaker(Transcript((Turn("Dana Smith", "Hi."), Turn("Sam", "Hello."))), "dana")
    'Dana Smith'
    """
    turns, source = _turns(transcript, "resolve_speaker")
    speakers = list(dict.fromkeys(t.speaker for t in turns))
    return _pick_coach([], speakers, name, source)[0]


def _pick_coach(utterances: list[_Utterance], speakers: list[str], coach: str | None, source: str) -> tuple[str, str]:
    """The coach's speaker label and the sentence saying how it was chosen."""
    if coach is not None:
        if not isinstance(coach, str):
            raise TypeError(f"coach must be a speaker's name (a str), not {type(coach).__name__}.")
        found: list[str] = []
        for match in (lambda s: s == coach, lambda s: s.casefold() == coach.casefold(),
                      lambda s: s.casefold().startswith(coach.casefold())):
            found = [s for s in speakers if match(s)]
            if len(found) == 1:
                return found[0], f"You named {found[0]} as the coach."
        listed = ", ".join(f'"{s}"' for s in (found or speakers)) or "none"
        if len(found) > 1:
            raise ValueError(f'The coach "{coach}" could be any of these speakers in {source}: {listed}. '
                             "Give more of the name.")
        raise ValueError(f'The coach "{coach}" is not a speaker in {source}. The speakers are: {listed}.')
    if not speakers:
        raise ValueError(f"{source} has no turns to review: a session needs at least one speaker.")
    if len(speakers) == 1:
        return speakers[0], f"{speakers[0]} is the only speaker, so I took them to be the coach."
    asked = dict.fromkeys(speakers, 0)
    said = dict.fromkeys(speakers, 0)
    for u in utterances:
        asked[u.speaker] += len(u.questions)
        said[u.speaker] += u.words
    order = {s: n for n, s in enumerate(speakers)}
    # Most questions; then fewer words (a coach talks less); then whoever spoke first.
    ranked = sorted(speakers, key=lambda s: (-asked[s], said[s], order[s]))
    best = ranked[0]
    if asked[best] == 0:
        return best, (f"Nobody asked a question, so I took {best}, who spoke least, to be the coach. "
                      "If that is wrong, name the coach.")
    others = "; ".join(f"{s} asked {asked[s] or 'none'}" for s in ranked[1:3])
    tie = " and spoke less" if asked[ranked[1]] == asked[best] else ""
    return best, (f"I took {best} to be the coach because {best} asked the most questions"
                  f"{tie} ({asked[best]}; {others}). If that is wrong, name the coach.")


def _fill_ends(utterances: list[_Utterance]) -> None:
    """Where a turn's end is unknown (Otter exports, stamped scripts), it ends when the next begins."""
    for u, after in zip(utterances, utterances[1:]):
        if u.end is None and u.start is not None and after.start is not None:
            u.end = after.start


def _key_words(text: str, stop: frozenset) -> dict[str, str]:
    """The content words of *text*, by stem, each with the form first said."""
    keys: dict[str, str] = {}
    if "@" in text or "://" in text:
        text = _ADDRESS.sub(" ", text)  # "maria" in an email address is not the client's word
    for w in words(text):
        if len(w) > 2 and "'" not in w and not w.isdigit() and w not in stop:
            keys.setdefault(_key(w), w)
    return keys


@lru_cache(maxsize=20_000)
def _key(word: str) -> str:
    key = stem(word)
    return key[:-1] if len(key) > 4 and key.endswith("e") else key  # "freeze" and "freezing", "lose" and "losing"


def _disclosed(text: str, d: _Data) -> tuple[str, str] | None:
    """The first sentence in a client's turn that discloses something, and the word that shows it."""
    if not d.disclosure.search(text):
        return None
    for sentence in sentences(text):
        m = d.disclosure.search(sentence)
        if m:
            return m.group(0), _shorten(sentence)
    return None


def _first(findings, ids) -> Finding | None:
    return next((f for f in findings if f.id in ids), None)


def review(transcript, coach: str | None = None) -> Review:
    """Review a session: who spoke how much, the questions, the marker evidence, the red
    flags, the client's disclosures and how the coach met them, backtracking, and three
    strengths and three things to try next.

    *transcript* is a :class:`~trustlab.transcripts.Transcript` (read one with
    :func:`~trustlab.transcripts.read_transcript`). *coach* is the coach's speaker label
    (case does not matter; a unique start such as "Dana" for "Dana Smith" is enough);
    without it the coach is guessed as the speaker who asks the most questions, and the
    review says so.

    >>> from trustlab.transcripts import Transcript, Turn
    >>> t = Transcript(turns=(Turn("A", "How was your week?"), Turn("B", "Busy but good.")),
    ...                source="mini", format="script")
    >>> r = review(t, coach="a")
    >>> r.coach, round(r.coach_share, 2), r.coach_reason
    ('A', 0.57, 'You named A as the coach.')
    """
    turns, source = _turns(transcript, "review")
    d = _data()
    utterances = _read(turns)
    _fill_ends(utterances)
    speakers = list(dict.fromkeys(t.speaker for t in turns))
    coach_name, reason = _pick_coach(utterances, speakers, coach, source)

    counts = {"open": 0, "closed": 0, "why": 0, "leading": 0, "stacked": 0}
    examples: dict[str, str] = {}
    moments: list[Moment] = []
    disclosures: list[Disclosure] = []
    pending: list[tuple[_Utterance, str, str]] = []  # client disclosures waiting for the coach's reply
    echo_turns = reused = 0
    echoes: list[tuple[int, Echo]] = []
    longest: _Utterance | None = None
    coach_turns = client_turns = 0
    previous: _Utterance | None = None

    for u in utterances:
        if u.speaker != coach_name:
            client_turns += 1
            found = _disclosed(u.text, d)
            if found:
                pending.append((u, *found))
            previous = u
            continue
        coach_turns += 1
        client = previous.text if previous is not None and previous.speaker != coach_name else None
        previous = u
        if longest is None or u.words > longest.words:
            longest = u
        for q in u.questions:
            counts[q.kind] += 1
            examples.setdefault(q.kind, q.text)
        markers = tuple(find_markers(u.text, client))
        flags = tuple(find_red_flags(u.text, client))
        for f in flags:
            key = {"why_question": "why", "leading_question": "leading"}.get(f.id)
            if key:
                counts[key] += 1
                examples.setdefault(key, _question_with(u, f.words))
        stacked = _first(flags, {"stacked_questions"})
        if stacked:
            counts["stacked"] += 1
            examples.setdefault("stacked", _shorten(u.text, 30))
        if markers or flags:
            moments.append(Moment(u.turn, u.start, u.speaker, markers, flags))
        for client_u, word, quote in pending:
            disclosures.append(_met(client_u, word, quote, u, markers, flags, d.stop_words))
        pending = []
        if client is not None:
            echo_turns += 1
            theirs = _key_words(client, d.stop_words)
            shared = [theirs[s] for s in _key_words(u.text, d.stop_words) if s in theirs]
            if shared:
                reused += 1
                echoes.append((len(shared), Echo(u.turn, u.start, tuple(shared), _shorten(client), _shorten(u.text))))
    for client_u, word, quote in pending:
        disclosures.append(Disclosure(client_u.turn, client_u.start, client_u.speaker, word, quote,
                                      "session ended", None, "", "The session ended before the coach spoke again."))

    shares = transcript.talk_share()
    monologue = None
    if longest is not None and longest.words:
        seconds = max(0.0, longest.end - longest.start) if longest.start is not None and longest.end is not None else None
        monologue = Monologue(longest.turn, longest.start, longest.words, seconds, _shorten(longest.text, 60))
    best_echoes = sorted(echoes, key=lambda e: (-e[0], e[1].turn))[:_EXAMPLES]
    partial = Review(
        source=source,
        format=str(getattr(transcript, "format", "") or ""),
        coach=coach_name,
        coach_reason=reason,
        speakers=tuple(speakers),
        turns=len(turns),
        coach_turns=coach_turns,
        client_turns=client_turns,
        duration=transcript.duration,
        word_share={s: shares.get(s, 0.0) for s in speakers},
        time_share=transcript.time_share(),
        longest=monologue,
        questions=QuestionCounts(**counts, examples=examples),
        moments=tuple(moments),
        disclosures=tuple(disclosures),
        backtracking=Backtracking(echo_turns, reused, tuple(sorted((e for _, e in best_echoes), key=lambda e: e.turn))),
        strengths=(),
        try_next=(),
    )
    if any("Redacted" in u.text for u in utterances):
        partial = _restore(partial)
    return replace(partial, strengths=_strengths(partial, d), try_next=_try_next(partial, d))


def _question_with(u: _Utterance, words_: str) -> str:
    """The question in *u* that holds *words_* ("why", "right"), to quote as an example."""
    low = words_.lower()
    for q in u.questions:
        if low in q.text.lower():
            return q.text
    return _shorten(u.text, 20)


def _met(client_u: _Utterance, word: str, quote: str, coach_u: _Utterance,
         markers: tuple[Finding, ...], flags: tuple[Finding, ...], stop: frozenset) -> Disclosure:
    """How the coach's next turn met a disclosure.

    Dismissal is checked first: "I'm sorry. At least you have a job." shows empathy, then
    makes the disclosure smaller, and the smaller is what the client hears last.
    """
    dismissed = _first(flags, {"dismissal"})
    acknowledged = _first(markers, {"4.2", "4.3"})
    if dismissed:
        response, evidence = "dismissed", dismissed.words
    elif acknowledged:
        response, evidence = "acknowledged", acknowledged.words
    else:
        response, evidence = "moved on", ""
    theirs = _key_words(quote, stop)
    kept = tuple(theirs[s] for s in _key_words(coach_u.text, stop) if s in theirs)
    return Disclosure(client_u.turn, client_u.start, client_u.speaker, word, quote, response,
                      coach_u.turn, _shorten(coach_u.text), evidence, kept)


# ---------------------------------------------------------------------------------
# Strengths and things to try: rules over the figures. Each rule proposes a message with
# a weight (how strongly the figures show it); the three heaviest are kept. The wording
# lives in review.yaml.


def _say(messages: dict, key: str, **values: Any) -> str:
    return messages[key].format(**values)


def _strengths(r: Review, d: _Data) -> tuple[str, ...]:
    said = d.strengths
    q = r.questions
    found: list[tuple[float, str]] = []
    if r.coach_turns == 0:
        return ()
    share = r.coach_share
    if r.client_turns:
        if r.share_verdict == "within":
            found.append((90, _say(said, "share_in_band", share=_percent(share))))
        elif r.share_verdict == "below" and share >= 0.08:
            found.append((60, _say(said, "share_below", share=_percent(share))))
    if q.open >= 2 and q.open >= 2 * q.closed:
        found.append((80, _say(
            said, "open_questions", open=_count(q.open, "open question"),
            closed=_count(q.closed, "closed one"))))
    responses = r.response_counts()
    met = responses["acknowledged"]
    answered = len(r.disclosures) - responses["session ended"]
    if met and met * 2 >= answered:
        example = next(x for x in r.disclosures if x.response == "acknowledged")
        how = ("the one time it happened" if answered == 1 else "every time" if met == answered
               else f"{met} of {answered} times")
        found.append((85, _say(said, "disclosures_met", how=how,
                               client=_shorten(example.quote, 12), words=example.evidence)))
    marker_counts = r.marker_counts()
    for marker, n in sorted(marker_counts.items(), key=lambda kv: -kv[1]):
        if n:
            example = next(f for m in r.moments for f in m.markers if f.id == marker)
            found.append((min(50 + 6 * n, 84), _say(said, "marker", marker=marker, times=_times(n),
                                                    marker_name=d.marker_names[marker], words=example.words)))
    b = r.backtracking
    if b.examples:
        example = b.examples[0].words[0]
        if b.turns >= 3 and b.rate >= 0.3:
            found.append((70, _say(said, "backtracking", rate=_percent(b.rate), example=example)))
        else:
            found.append((20, _say(said, "backtracking_some", example=example)))
    flags = r.flag_counts()
    if not flags and r.coach_turns >= 4:
        found.append((75, _say(said, "no_flags", turns=r.coach_turns)))
    if q.total >= 4 and q.why == 0:
        found.append((40, _say(said, "no_why", questions=q.total)))
    if q.total >= 4 and q.stacked == 0:
        found.append((38, _say(said, "one_at_a_time", questions=q.total)))
    if r.longest and r.coach_turns >= 4 and r.longest.words <= 60:
        found.append((45, _say(said, "short_turns", words=r.longest.words)))
    if r.client_turns:
        found.append((1, _say(said, "gave_floor", client_turns=r.client_turns)))
    return _top(found)


def _try_next(r: Review, d: _Data) -> tuple[str, ...]:
    said = d.try_next
    q = r.questions
    found: list[tuple[float, str]] = []
    if r.coach_turns == 0:
        return ()
    share = r.coach_share
    if r.client_turns and r.share_verdict == "above":
        found.append((80 + min(15, 50 * (share - SHARE_BAND[1])), _say(said, "share_above", share=_percent(share))))
    elif r.client_turns and share < 0.08:
        found.append((30, _say(said, "share_very_low", share=_percent(share))))
    m = r.longest
    if m and (m.words >= _LONG_STRETCH_WORDS or (m.seconds or 0) >= _LONG_STRETCH_SECONDS):
        weight = 85
    elif m and m.words >= 80:
        weight = 60
    else:
        weight = 0
    if weight and m:
        seconds = f" ({round(m.seconds)} seconds)" if m.seconds is not None else ""
        found.append((weight, _say(said, "monologue", words=m.words, seconds=seconds, at=m.where())))
    for x in r.disclosures:
        if x.response == "dismissed":
            found.append((92, _say(said, "dismissed", client=_shorten(x.quote, 12), words=x.evidence)))
            break
    for x in r.disclosures:
        if x.response == "moved on" and not x.kept:
            found.append((78, _say(said, "moved_on", client=_shorten(x.quote, 12), at=x.where(),
                                   word=x.words[:1].upper() + x.words[1:])))
            break
    if q.closed > q.open and q.closed >= 2:
        found.append((77, _say(said, "closed_questions", closed=_count(q.closed, "closed question"),
                               open=_count(q.open, "open one"),
                               example=q.examples.get("closed", ""))))
    weights = {"therapy_drift": 88, "caretaking": 79, "advice": 76, "feedback_as_fact": 74,
               "stacked_questions": 73, "leading_question": 72, "why_question": 70, "praise": 62,
               "mechanical_reflection": 55}
    for flag, n in r.flag_counts().items():
        if flag not in weights:
            continue  # dismissal is told through the disclosure it dismissed
        example = next(f.words for mo in r.moments for f in mo.flags if f.id == flag)
        if flag == "why_question":
            example = q.examples.get("why", example)
        elif flag == "stacked_questions":
            example = _shorten(q.examples.get("stacked", example), 20)
        found.append((weights[flag] + min(n, 8), _say(said, flag, example=example, turns=_count(n, "turn"))))
    b = r.backtracking
    if b.rate is not None and b.turns >= 5 and b.rate < 0.2:
        found.append((50, _say(said, "backtracking_low", rate=_percent(b.rate))))
    counts = r.marker_counts()
    if not counts["4.4"]:
        found.append((45, said["invite_response"]))
    if not counts["4.1"]:
        found.append((42, said["acknowledge"]))
    found += [(1, said["notice_shift"]), (1, said["silence"]), (1, said["takeaway"])]
    return _top(found)


def _top(found: list[tuple[float, str]], n: int = 3) -> tuple[str, ...]:
    """The *n* heaviest distinct messages, heaviest first (ties keep the order found)."""
    ranked = sorted(enumerate(found), key=lambda item: (-item[1][0], item[0]))
    return tuple(dict.fromkeys(message for _, (_, message) in ranked))[:n]
