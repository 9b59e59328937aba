"""Read a real coaching-session transcript into speaker turns.

:func:`read_transcript` takes a file exported by Zoom, Microsoft Teams or Otter, a subtitle
file (WebVTT or SRT), a typed script or a CSV table, and gives one :class:`Transcript`: the
turns in order, who spoke, and how the talk was shared.

>>> session = read_transcript('''Coach: What shall we focus on today?
... Client: My new team.
... They wait for me to decide.''')
>>> session.speakers
['Coach', 'Client']
>>> session.turns[1].text
'My new team. They wait for me to decide.'
>>> session.talk_share()
{'Coach': 0.4, 'Client': 0.6}

The format is recognised from the content, not from the file name:

=================  =======================================================================
``webvtt-zoom``    ``WEBVTT`` first; cues whose words start with the speaker ("Jane Doe: Hi")
``webvtt-teams``   ``WEBVTT`` first; voice tags (``<v Jane Doe>Hi</v>``)
``webvtt``         ``WEBVTT`` first; no speakers (every turn is by "Unknown")
``srt``            a cue number, then ``00:00:01,000 --> 00:00:04,000``, then the words
``otter``          ``Jane Doe  0:04`` (name, two or more spaces, time), the words below it
``script``         ``Coach: words`` lines, optionally stamped ``[00:01:02]`` or ``(01:02)``
``csv``            a header with a speaker column (speaker, name, role) and a words column
                   (text, utterance, transcript, words); start and end columns are optional
=================  =======================================================================

Consecutive cues or lines by the same speaker make one turn. A cue or line without a
speaker continues the turn before it. Header names and lines to skip are data, in
``trustlab/data/transcripts.yaml``.

Why not webvtt-py for the captions? It quietly drops a cue it cannot read and, when asked to
be strict, does not say on which line the problem is; a learner needs the line. It is also
slower: about 70 ms for 1,500 cues where this reader takes about 25 ms. The tests check that
this reader sees the sample captions exactly as webvtt-py does.
"""

from __future__ import annotations

import csv
import errno
import html
import io
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .text import words

__all__ = ["Turn", "Transcript", "read_transcript", "FORMATS", "UNKNOWN_SPEAKER"]

#: The formats :func:`read_transcript` recognises, as they appear in ``Transcript.format``.
FORMATS = ("webvtt-zoom", "webvtt-teams", "webvtt", "srt", "otter", "script", "csv")
#: The speaker of words whose speaker the file does not name.
UNKNOWN_SPEAKER = "Unknown"

_TEXT_SOURCE = "<text>"
_EXTENSIONS = (".vtt", ".srt", ".txt", ".csv")
_MAX_BYTES = 50_000_000  # a 10-hour transcript is about 1 MB; anything this big is not one
_DESCRIBE = {
    "webvtt-zoom": "a Zoom WebVTT transcript", "webvtt-teams": "a Teams WebVTT transcript",
    "webvtt": "a WebVTT file", "srt": "an SRT file", "otter": "an Otter export",
    "script": "a script", "csv": "a CSV transcript",
}


@dataclass(frozen=True)
class Turn:
    """One speaker's uninterrupted stretch of talk.

    ``start`` and ``end`` are seconds from the start of the recording, or ``None`` where the
    file does not give them (a script has no end times; a plain script has no times at all).

    >>> Turn("Coach", "What matters most to you here?", start=62.5)
    Turn(speaker='Coach', text='What matters most to you here?', start=62.5, end=None)
    """

    speaker: str
    text: str
    start: float | None = None
    end: float | None = None


@dataclass(frozen=True)
class Transcript:
    """A session as speaker turns, in the order they were spoken.

    ``source`` is the file name the turns were read from, or ``"<text>"``; ``format`` is one
    of :data:`FORMATS`. A ``Transcript`` iterates over its turns and prints a summary.

    >>> t = Transcript((Turn("Coach", "How are you arriving today?", 0.0, 3.0),
    ...                 Turn("Client", "Tired, honestly.", 3.5, 5.0),
    ...                 Turn("Coach", "Tell me more.", 5.5, 7.0)))
    >>> t.speakers, len(t)
    (['Coach', 'Client'], 3)
    >>> t.talk_share()
    {'Coach': 0.8, 'Client': 0.2}
    >>> t.time_share()
    {'Coach': 0.75, 'Client': 0.25}
    >>> t.duration
    7.0
    """

    turns: tuple[Turn, ...]
    source: str = _TEXT_SOURCE
    format: str = "script"

    def __post_init__(self) -> None:
        # A list is accepted for convenience and stored as a tuple, so the transcript stays frozen.
        if not isinstance(self.turns, tuple):
            object.__setattr__(self, "turns", tuple(self.turns))

    def __len__(self) -> int:
        return len(self.turns)

    def __iter__(self):
        return iter(self.turns)

    @property
    def speakers(self) -> list[str]:
        """The speakers, in the order they first speak."""
        return list(dict.fromkeys(turn.speaker for turn in self.turns))

    def talk_share(self) -> dict[str, float]:
        """Each speaker's share of the words spoken, from 0 to 1; the shares sum to 1.

        Empty when nobody said a word (only possible for a ``Transcript`` built by hand).
        """
        counts = dict.fromkeys(self.speakers, 0)
        for turn in self.turns:
            counts[turn.speaker] += len(words(turn.text))
        total = sum(counts.values())
        return {speaker: n / total for speaker, n in counts.items()} if total else {}

    def time_share(self) -> dict[str, float] | None:
        """Each speaker's share of the speaking time, or ``None`` when the file has no times.

        A turn lasts from its start to its end or, where the end is unknown (Otter exports,
        stamped scripts), to the start of the next turn; a last turn without an end counts
        nothing. ``None`` unless every turn has a start time and some time passes.
        """
        turns = self.turns
        if not turns or any(turn.start is None for turn in turns):
            return None
        seconds = dict.fromkeys(self.speakers, 0.0)
        for i, turn in enumerate(turns):
            stop = turn.end if turn.end is not None else turns[i + 1].start if i + 1 < len(turns) else turn.start
            seconds[turn.speaker] += max(stop - turn.start, 0.0)
        total = sum(seconds.values())
        return {speaker: s / total for speaker, s in seconds.items()} if total > 0 else None

    @property
    def duration(self) -> float | None:
        """Seconds from the earliest time in the transcript to the latest, or ``None`` without times.

        Measured from the first turn rather than from zero, because a script may be stamped
        with the time of day.
        """
        times = [t for turn in self.turns for t in (turn.start, turn.end) if t is not None]
        return round(max(times) - min(times), 3) if times else None

    def review(self, coach: str | None = None):
        """How trust and safety showed up in this session (see :func:`trustlab.review.review`).

        The coach is guessed when not given, and the review says how it guessed.
        """
        from .review import review

        return review(self, coach=coach)

    def _summary(self) -> tuple[str, list[tuple[str, str, str]]]:
        heading = f"{self.source}: {_DESCRIBE.get(self.format, self.format)}, {len(self)} turns"
        if self.duration is not None:
            heading += f", {_clock(self.duration)} long"
        talk, time = self.talk_share(), self.time_share()
        rows = [(speaker, f"{talk.get(speaker, 0):.0%} of the words",
                 f"{time[speaker]:.0%} of the time" if time else "") for speaker in self.speakers]
        return heading, rows

    def __str__(self) -> str:
        heading, rows = self._summary()
        width = max((len(speaker) for speaker, _, _ in rows), default=0)
        lines = [heading] + [f"  {speaker:<{width}}  {w}" + (f", {t}" if t else "") for speaker, w, t in rows]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        """HTML for Jupyter: the summary as a small table. Every name is escaped."""
        esc = html.escape
        heading, rows = self._summary()
        body = "".join(f"<tr><td>{esc(s)}</td><td>{w}</td><td>{t}</td></tr>" for s, w, t in rows)
        return (f'<div class="trustlab-transcript" style="font-family:sans-serif">'
                f"<div><strong>{esc(heading)}</strong></div>"
                f'<table style="margin-top:4px">{body}</table></div>')


def _clock(seconds: float) -> str:
    """ "1:02:03" or "12:05": how long a session ran, as a person would say it."""
    whole = int(round(seconds))
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


# ---------------------------------------------------------------------------------------
# Reading: source -> text -> lines -> cues (one per caption or line) -> turns


def read_transcript(source: str | os.PathLike) -> Transcript:
    """Read a session transcript from a file, or from its text, into a :class:`Transcript`.

    ``source`` is a path (a ``str`` or ``pathlib.Path``) or the transcript text itself. A
    ``str`` is read as text when it holds a line break or does not name an existing file;
    a ``Path`` is always a file.

    Files may be UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark or
    Windows-1252, with any line endings.

    Raises ``ValueError`` for a file that is empty, malformed or not a transcript, naming the
    file and the line and saying what was expected; ``TypeError`` when ``source`` is neither
    text nor a path; ``FileNotFoundError`` (with the path) for a missing file, including a
    one-line ``str`` that ends in .vtt, .srt, .txt or .csv and is neither a file nor a
    transcript; another ``OSError`` when a file exists but cannot be read.

    >>> read_transcript("Coach: Where shall we start?\\nClient: With the promotion.").format
    'script'
    >>> print(read_transcript('''WEBVTT
    ...
    ... 1
    ... 00:00:01.000 --> 00:00:03.500
    ... Coach: Where shall we start?
    ...
    ... 2
    ... 00:00:04.000 --> 00:00:06.000
    ... Client: The promotion.'''))
    <text>: a Zoom WebVTT transcript, 2 turns, 0:05 long
      Coach   67% of the words, 56% of the time
      Client  33% of the words, 44% of the time
    >>> read_transcript("WEBVTT\\n\\n1\\nhello")
    Traceback (most recent call last):
    ...
    ValueError: <text>, line 4: expected a timing line like "00:01:02.000 --> 00:01:05.000", found "hello"
    """
    if isinstance(source, str):
        if "\n" not in source and "\r" not in source and os.path.isfile(source):
            name, text = _read_file(Path(source))
        else:
            name, text = _TEXT_SOURCE, source
    elif isinstance(source, os.PathLike):
        name, text = _read_file(Path(os.fsdecode(source)))
    else:
        raise TypeError(
            f"source must be a file path (a str or pathlib.Path) or the transcript text (a str), "
            f"not {type(source).__name__}."
        )
    try:
        return _parse(name, text)
    except ValueError:
        if name == _TEXT_SOURCE and "\n" not in text and text.strip().lower().endswith(_EXTENSIONS):
            # Almost certainly a mistyped file name rather than a one-line transcript.
            raise FileNotFoundError(errno.ENOENT, "No such transcript file", text) from None
        raise


def _read_file(path: Path) -> tuple[str, str]:
    """The file's name and its decoded text. OSErrors (missing file, a folder) pass through."""
    name = path.name
    if path.is_file() and path.stat().st_size > _MAX_BYTES:
        raise ValueError(f"{name}: at {path.stat().st_size / 1e6:.0f} MB this is too large for a "
                         f"transcript (at most {_MAX_BYTES // 1_000_000} MB); is it the recording itself?")
    return name, _decode(name, path.read_bytes())


def _decode(name: str, data: bytes) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise _error(name, data.count(b"\n", 0, err.start) + 1,
                         "expected UTF-16 text after the byte-order mark, found bytes that are not") from None
    zero = data.find(b"\x00")
    if zero >= 0:
        raise _error(name, data.count(b"\n", 0, zero) + 1, _BINARY_MESSAGE)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise _error(name, data.count(b"\n", 0, err.start) + 1,
                     f"expected UTF-8 or Windows-1252 text, found the byte 0x{data[err.start]:02X}; "
                     "save the file as UTF-8 and try again") from None


_BINARY_MESSAGE = ("expected text, found binary data; is this the transcript "
                   "(a .vtt, .srt, .txt or .csv file) rather than a recording or a document?")
# Control characters never occur in a transcript; they mean a binary file read as text.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _error(name: str, line: int, message: str) -> ValueError:
    return ValueError(f"{name}, line {line}: {message}")


def _shown(line: str) -> str:
    """A line as quoted in an error: stripped and cut to a readable length."""
    line = line.strip()
    return f'"{line[:60]}..."' if len(line) > 63 else f'"{line}"'


def _found(lines: list[str], i: int) -> str:
    """What is at line index *i*, for "expected ..., found ..." messages."""
    if i >= len(lines):
        return "the end of the file"
    return _shown(lines[i]) if lines[i].strip() else "a blank line"


class _Cue:
    """One caption or line, before consecutive cues by the same speaker are joined."""

    __slots__ = ("speaker", "text", "start", "end", "line")

    def __init__(self, speaker: str | None, text: str, start: float | None, end: float | None, line: int):
        self.speaker, self.text, self.start, self.end, self.line = speaker, text, start, end, line


def _parse(name: str, text: str) -> Transcript:
    if text.startswith("\ufeff"):
        text = text[1:]
    control = _CONTROL.search(text)
    if control:
        raise _error(name, text.count("\n", 0, control.start()) + 1, _BINARY_MESSAGE)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        found = "only blank lines" if text else "nothing (the file is empty)"
        raise _error(name, 1, f"expected a transcript, found {found}. {_KNOWN_FORMATS}")
    kind = _detect(name, lines, first)
    if kind == "vtt":
        cues = _read_vtt(name, lines, first)
        fmt = _assign_caption_speakers(name, cues, "webvtt")
    elif kind == "srt":
        cues = _read_srt(name, lines, first)
        fmt = _assign_caption_speakers(name, cues, "srt")
    elif kind == "csv":
        cues, fmt = _read_csv(name, lines, first), "csv"
    elif kind == "otter":
        cues, fmt = _read_otter(name, lines, first), "otter"
    else:
        cues, fmt = _read_script(name, lines, first), "script"
    return Transcript(_join_turns(name, cues), name, fmt)


def _join_turns(name: str, cues: list[_Cue]) -> tuple[Turn, ...]:
    """Join consecutive cues by the same speaker into turns (start of the first, end of the last)."""
    if not any(words(cue.text) for cue in cues):
        raise _error(name, cues[0].line, f"expected words someone said, found only {_shown(cues[0].text)}")
    turns = []
    speaker = texts = start = end = None
    for cue in cues:
        if cue.speaker == speaker:
            texts.append(cue.text)
            end = cue.end
            continue
        if texts:
            turns.append(Turn(speaker, " ".join(texts), start, end))
        speaker, texts, start, end = cue.speaker, [cue.text], cue.start, cue.end
    turns.append(Turn(speaker, " ".join(texts), start, end))
    return tuple(turns)


# --- recognising the format -------------------------------------------------------------

_KNOWN_FORMATS = ('A transcript is one of: WebVTT ("WEBVTT" on the first line); SRT (a cue number, then a '
                  'timing line like "00:00:01,000 --> 00:00:04,000"); an Otter export ("Jane Doe  0:04" above '
                  'the words); a script ("Coach: What would you like to explore?"); CSV with speaker and '
                  "text columns.")


def _detect(name: str, lines: list[str], first: int) -> str:
    line = lines[first].strip()
    if line.startswith("WEBVTT"):
        return "vtt"
    following = lines[first + 1] if first + 1 < len(lines) else ""
    if _SRT_TIMING.match(line) or (line.isdigit() and "-->" in following):
        return "srt"
    if "-->" in line:
        raise _error(name, first + 1, f'expected "WEBVTT" on the first line of a WebVTT file, or a cue number '
                                      f"first in an SRT file, found {_shown(line)}")
    if _csv_delimiter(line):
        return "csv"
    if _OTTER_HEAD.match(line):
        return "otter"
    # A speaker line soon after the start makes it a script, so that a title above the first
    # speaker is reported on its own line instead of as an unknown format.
    seen = 0
    for candidate in lines[first:]:
        if candidate.strip():
            if _speaker_line(candidate):
                return "script"
            seen += 1
            if seen == 10:
                break
    raise _error(name, first + 1, f"expected a transcript, found {_shown(line)}. {_KNOWN_FORMATS}")


# --- times --------------------------------------------------------------------------------

# Hours have at most five digits: enough for any recording, and no absurd numbers to convert.
_TIME = r"(?:(\d{1,5}):)?(\d{1,2}):(\d{1,2})"


_FRACTION_SCALE = (0, 100, 10, 1)  # ".5" is 500 ms, ".05" is 50 ms


def _seconds(hours: str | None, minutes: str, secs: str, fraction: str | None = None) -> float | None:
    """Seconds from clock fields, or None when minutes or seconds are past 59."""
    m, s = int(minutes), int(secs)
    if m > 59 or s > 59:
        return None
    ms = ((int(hours) * 60 + m if hours else m) * 60 + s) * 1000
    if fraction:
        ms += int(fraction) * _FRACTION_SCALE[len(fraction)]
    return ms / 1000


def _timing(name: str, lines: list[str], i: int, m: re.Match, example: str) -> tuple[float, float]:
    """The start and end of a cue from the match of its timing line."""
    start, end = _seconds(*m.group(1, 2, 3, 4)), _seconds(*m.group(5, 6, 7, 8))
    if start is None or end is None:
        raise _error(name, i + 1, f"expected minutes and seconds from 00 to 59 in a timing line like "
                                  f'"{example}", found {_shown(lines[i])}')
    if end < start:
        raise _error(name, i + 1, f"expected the cue to end after it starts, found {_shown(lines[i])}")
    return start, end


# --- WebVTT and SRT -----------------------------------------------------------------------

_VTT_EXAMPLE = "00:01:02.000 --> 00:01:05.000"
_SRT_EXAMPLE = "00:01:02,000 --> 00:01:05,000"
# Fractions of a second after "." (WebVTT) or "," (SRT); both are read either way, as real
# exports mix them up. Cue settings may follow the end time.
_VTT_TIMING = re.compile(rf"\s*{_TIME}[.,](\d{{1,3}})\s*-->\s*{_TIME}[.,](\d{{1,3}})(?:\s|$)")
_SRT_TIMING = re.compile(rf"\s*{_TIME}[,.](\d{{1,3}})\s*-->\s*{_TIME}[,.](\d{{1,3}})(?:\s|$)")
# A cue identifier: Zoom numbers its cues, Teams uses "<guid>/<n>-<m>".
_CUE_ID = re.compile(r"\d+|[0-9a-fA-F]{8}-[\w-]*(?:/[\w-]+)?")
_TAG = re.compile(r"<[^<>\n]*>|\{\\[^{}\n]*\}")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?[ \t]+([^<>\n]*)>")
_VTT_BLOCKS = ("NOTE", "STYLE", "REGION")  # blocks that hold no words


def _read_vtt(name: str, lines: list[str], first: int) -> list[_Cue]:
    cues: list[_Cue] = []
    n = len(lines)
    i = first + 1
    while i < n and lines[i].strip() and "-->" not in lines[i]:  # header metadata ("Kind: captions")
        i += 1
    while i < n:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if line.startswith(_VTT_BLOCKS) and line.split(None, 1)[0] in _VTT_BLOCKS and "-->" not in line:
            while i < n and lines[i].strip():
                i += 1
            continue
        if "-->" in line:
            t = i
        elif i + 1 < n and "-->" in lines[i + 1]:
            t = i + 1
        else:
            bad = i + 1 if _CUE_ID.fullmatch(line.strip()) else i
            raise _error(name, bad + 1,
                         f'expected a timing line like "{_VTT_EXAMPLE}", found {_found(lines, bad)}')
        m = _VTT_TIMING.match(lines[t])
        if not m:
            raise _error(name, t + 1, f'expected a timing line like "{_VTT_EXAMPLE}", found {_shown(lines[t])}')
        start, end = _timing(name, lines, t, m, _VTT_EXAMPLE)
        j = t + 1
        while j < n and lines[j].strip() and not ("-->" in lines[j] and _VTT_TIMING.match(lines[j])):
            j += 1
        if j < n and lines[j].strip() and j - 1 > t and _CUE_ID.fullmatch(lines[j - 1].strip()):
            j -= 1  # the next cue began without a blank line: its identifier is not text
        cues.append(_caption(name, lines, t, j, start, end))
        i = j
    if not cues:
        raise _error(name, n + 1 if lines[-1].strip() else n,
                     f'expected a cue: a timing line like "{_VTT_EXAMPLE}" and the words; '
                     "found the end of the file")
    return cues


def _read_srt(name: str, lines: list[str], first: int) -> list[_Cue]:
    cues: list[_Cue] = []
    n = len(lines)
    i = first
    while i < n:
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        if _SRT_TIMING.match(line):
            t = i
        elif stripped.isdigit():
            t = i + 1
            if t >= n or not _SRT_TIMING.match(lines[t]):
                raise _error(name, t + 1, f'expected a timing line like "{_SRT_EXAMPLE}" after the cue '
                                          f"number {stripped}, found {_found(lines, t)}")
        elif cues and not _LOOKS_TIMED.match(line):
            # Some tools leave a blank line inside a caption: the words still belong to it.
            j = i
            while j < n and lines[j].strip() and not _srt_cue_starts(lines, j):
                j += 1
            more = " ".join(_TAG.sub("", html.unescape(line)) for line in lines[i:j])
            cues[-1].text = " ".join(f"{cues[-1].text} {more}".split())
            i = j
            continue
        else:
            raise _error(name, i + 1, f'expected a cue number or a timing line like "{_SRT_EXAMPLE}", '
                                      f"found {_shown(line)}")
        start, end = _timing(name, lines, t, _SRT_TIMING.match(lines[t]), _SRT_EXAMPLE)
        j = t + 1
        while j < n and lines[j].strip() and not _srt_cue_starts(lines, j):
            j += 1
        cues.append(_caption(name, lines, t, j, start, end))
        i = j
    return cues


# A line that starts like a timing line but is not one: an error, not more words.
_LOOKS_TIMED = re.compile(r"\s*\d+:\d\d:\d\d")


def _srt_cue_starts(lines: list[str], j: int) -> bool:
    """Does a new cue start at line *j* (a timing line, or a number then a timing line)?"""
    return bool(_SRT_TIMING.match(lines[j])) or (
        lines[j].strip().isdigit() and j + 1 < len(lines) and bool(_SRT_TIMING.match(lines[j + 1])))


def _caption(name: str, lines: list[str], t: int, j: int, start, end) -> _Cue:
    """The cue whose timing line is *t* and whose words are lines t+1 .. j-1.

    Voice tags become the speaker; other markup (<i>, <b>, <c.colour>, {\\an8}) is dropped.
    """
    raw = lines[t + 1] if j == t + 2 else " ".join(lines[t + 1:j])
    speaker = None
    if "<" in raw or "{" in raw:
        voice = _VOICE.search(raw)
        if voice:
            speaker = " ".join(voice.group(1).split())
            # A second voice in one cue is rare; its words stay, attributed to the first.
        raw = _TAG.sub("", raw)
    if "&" in raw:
        raw = html.unescape(raw)
    text = " ".join(raw.split())
    if not text:
        raise _error(name, t + 1, "expected the words of this cue on the lines after its timing line, "
                                  f"found {_found(lines, t + 1)}")
    return _Cue(speaker, text, start, end, t + 1)


def _name_prefix(text: str) -> int | None:
    """Where the colon after "Jane Doe" is in "Jane Doe: words", or None when there is no name.

    A name starts with a letter or digit, has at most five words and 50 characters, holds no
    markup, and the colon is followed by a space or ends the caption.
    """
    colon = text.find(":", 1, 51)
    if colon < 0 or not text[0].isalnum() or text[colon + 1:colon + 2] not in (" ", ""):
        return None
    name = text[:colon]
    if "<" in name or ">" in name or name.count(" ") > 4:
        return None
    return colon


def _assign_caption_speakers(name: str, cues: list[_Cue], kind: str) -> str:
    """Give every caption a speaker and say which flavour of the format this is.

    Voice tags mean Teams. Otherwise, when at least half the captions start with a name and a
    colon, those names are the speakers (Zoom, and SRT from many tools); a caption without
    one continues the turn before it. Fewer than half means "Note: ..." is just words.
    """
    if any(cue.speaker for cue in cues):
        fmt = "webvtt-teams" if kind == "webvtt" else kind
    else:
        named = [_name_prefix(cue.text) for cue in cues]
        if 2 * sum(n is not None for n in named) >= len(cues):
            for cue, n in zip(cues, named):
                if n is not None:
                    cue.speaker, cue.text = cue.text[:n].rstrip(), cue.text[n + 1:].lstrip()
                    if not cue.text:
                        raise _error(name, cue.line, f'expected the words {cue.speaker} said after '
                                                     f'"{cue.speaker}:", found nothing')
            fmt = "webvtt-zoom" if kind == "webvtt" else kind
        else:
            fmt = kind
    previous = UNKNOWN_SPEAKER
    for cue in cues:
        if cue.speaker is None:
            cue.speaker = previous
        previous = cue.speaker
    return fmt


# --- Otter exports and scripts -------------------------------------------------------------

_OTTER_HEAD = re.compile(rf"\s*(\S(?:.*?\S)?)[ \t]{{2,}}{_TIME}\s*$")


def _stamp_pattern(k: int) -> str:
    """A "[00:01:02]" or "(01:02)" time stamp, its fields named h<k>, m<k>, s<k>, f<k>."""
    return (rf"[\[(]\s*(?:(?P<h{k}>\d{{1,5}}):)?(?P<m{k}>\d{{1,2}}):(?P<s{k}>\d{{1,2}})"
            rf"(?:[.,](?P<f{k}>\d{{1,3}}))?\s*[\])]")


# A speaker's name: up to four words, the first starting with a letter, and optionally a
# bracketed note without digits ("Coach (she/her)"), so that "(01:02)" stays a time stamp.
_NAME = r"[^\W\d_][\w.'\u2019&-]*(?: [\w.'\u2019&-]+){0,3}(?: \([^\W\d_][^()\d:\n]{0,20}\))?"
# The stamp may come before the name, between the name and the colon, or after the colon.
_SPEAKER = re.compile(
    rf"\s*(?:{_stamp_pattern(1)}\s*)?(?P<name>{_NAME})\s*(?:{_stamp_pattern(2)}\s*)?:(?:\s+|$)"
    rf"(?:{_stamp_pattern(3)}\s*)?(?P<text>.*)"
)


@lru_cache(maxsize=None)
def _data() -> tuple[frozenset[str], re.Pattern | None, dict[str, tuple[str, ...]]]:
    """Name particles, lines to skip and CSV header names from transcripts.yaml."""
    from .lexicon import load, phrases  # loaded lazily: keeps `import trustlab` fast

    particles = frozenset(phrases("transcripts", "name_particles"))
    ignored = load("transcripts").get("ignored_lines") or []
    try:
        skip = re.compile("|".join(f"(?:{p})" for p in ignored), re.I) if ignored else None
    except re.error as err:
        raise ValueError('transcripts.yaml: a pattern in "ignored_lines" is not a valid regular '
                         f"expression: {err}") from None
    columns = load("transcripts").get("csv_columns")
    if not isinstance(columns, dict) or not {"speaker", "text"} <= set(columns) or not all(
            isinstance(v, list) and v and all(isinstance(x, str) for x in v) for v in columns.values()):
        raise ValueError('transcripts.yaml: "csv_columns" must map speaker, text (and optionally start, end) '
                         "to lists of header names.")
    return particles, skip, {key: tuple(_header(v) for v in values) for key, values in columns.items()}


def _skipped(line: str) -> bool:
    skip = _data()[1]
    return bool(skip and skip.fullmatch(line.strip()))


def _speaker_line(line: str) -> re.Match | None:
    """The match for a "Name: words" line, or None when the "name" reads like words."""
    m = _SPEAKER.match(line)
    if not m:
        return None
    particles = _data()[0]
    for word in m.group("name").split()[1:]:
        if not (word[0].isupper() or word[0].isdigit() or word[0] == "(" or word in particles):
            return None
    return m


def _stamp(m: re.Match) -> tuple[bool, float | None]:
    """Whether a script line is stamped, and the stamp in seconds (None when not a valid time)."""
    for k in (1, 2, 3):
        if m.group(f"m{k}") is not None:
            return True, _seconds(*m.group(f"h{k}", f"m{k}", f"s{k}", f"f{k}"))
    return False, None


def _read_script(name: str, lines: list[str], first: int) -> list[_Cue]:
    cues: list[_Cue] = []
    for i in range(first, len(lines)):
        line = lines[i]
        if not line.strip() or _skipped(line):
            continue
        m = _speaker_line(line)
        if m:
            stamped, stamp = _stamp(m)
            if stamped and stamp is None:
                raise _error(name, i + 1, f"expected minutes and seconds from 00 to 59 in the time stamp, "
                                          f"found {_shown(line)}")
            speaker, words_said = " ".join(m.group("name").split()), " ".join(m.group("text").split())
            cues.append(_Cue(speaker, words_said, stamp, None, i + 1))
        elif cues:
            cues[-1].text = " ".join(f"{cues[-1].text} {line}".split())
        else:
            raise _error(name, i + 1, 'expected a speaker line like "Coach: What would you like to explore?", '
                                      f"found {_shown(line)}")
    for cue in cues:
        if not cue.text:
            raise _error(name, cue.line,
                         f'expected the words {cue.speaker} said after "{cue.speaker}:", found nothing')
    return cues


def _read_otter(name: str, lines: list[str], first: int) -> list[_Cue]:
    cues: list[_Cue] = []
    for i in range(first, len(lines)):
        line = lines[i]
        if not line.strip() or _skipped(line):
            continue
        m = _OTTER_HEAD.match(line)
        if m:
            if cues and not cues[-1].text:
                raise _error(name, cues[-1].line, f"expected the words {cues[-1].speaker} said on the lines "
                                                  f"below, found the next speaker line {_shown(line)}")
            start = _seconds(*m.group(2, 3, 4))
            if start is None:
                raise _error(name, i + 1,
                             f"expected minutes and seconds from 00 to 59 after the name, found {_shown(line)}")
            cues.append(_Cue(" ".join(m.group(1).split()), "", start, None, i + 1))
        elif cues:
            cues[-1].text = " ".join(f"{cues[-1].text} {line}".split())
        else:
            raise _error(name, i + 1, f'expected a speaker line like "Jane Doe  0:04", found {_shown(line)}')
    if cues and not cues[-1].text:
        raise _error(name, cues[-1].line, f"expected the words {cues[-1].speaker} said on the lines below, "
                                          "found the end of the file")
    return cues


# --- CSV --------------------------------------------------------------------------------------

_CLOCK = re.compile(rf"{_TIME}(?:[.,](\d{{1,3}}))?")


def _header(cell: str) -> str:
    return re.sub(r"[\s-]+", "_", cell.strip().strip('"').lower())


def _either(names: tuple[str, ...]) -> str:
    """ "a, b or c" """
    return " or ".join(filter(None, (", ".join(names[:-1]), names[-1])))


# A header cell: a short name, without the colons and question marks of spoken words.
_HEADER_CELL = re.compile(r'\s*"?[\w][\w ()./#-]{0,39}"?\s*')


def _csv_delimiter(line: str) -> str | None:
    """The delimiter when *line* is a CSV header: every cell a short name, one a known column.

    "Coach: So, time, what does it mean?" is not a header, though "time" is a column name.
    """
    counts = {d: line.count(d) for d in (",", "\t", ";")}
    delimiter = max(counts, key=counts.get)
    if not counts[delimiter]:
        return None
    cells = line.split(delimiter)
    if not all(_HEADER_CELL.fullmatch(cell) for cell in cells):
        return None
    known = {name for names in _data()[2].values() for name in names}
    return delimiter if any(_header(cell) in known for cell in cells) else None


def _csv_time(name: str, line: int, column: str, cell: str) -> float | None:
    """Seconds from a time cell: "62.5", "1:02" or "00:01:02.500"; None when the cell is empty."""
    if not cell:
        return None
    m = _CLOCK.fullmatch(cell)
    if m:
        seconds = _seconds(*m.groups())
    else:
        try:
            seconds = float(cell)
        except ValueError:
            seconds = None
        if seconds is not None and not 0 <= seconds < 1e9:  # also refuses "nan" and "inf"
            seconds = None
    if seconds is None:
        raise _error(name, line, f'expected a time in column "{column}" like 62.5, 1:02 or 00:01:02.500, '
                                 f"found {_shown(cell)}")
    return seconds


def _read_csv(name: str, lines: list[str], first: int) -> list[_Cue]:
    reader = csv.reader(io.StringIO("\n".join(lines[first:])), delimiter=_csv_delimiter(lines[first].strip()))
    try:
        header = [cell.strip() for cell in next(reader)]
        found = [_header(cell) for cell in header]
        wanted = _data()[2]
        # column key -> index of the first accepted header name present, in order of preference
        where = {key: next((found.index(n) for n in names if n in found), None) for key, names in wanted.items()}
        missing = [key for key in ("speaker", "text") if where[key] is None]
        if missing:
            raise _error(name, first + 1, "expected " + " and ".join(
                f"a {key} column ({_either(wanted[key][:4])})" for key in missing)
                + "; found the columns " + ", ".join(f'"{cell}"' for cell in header))
        columns = {key: index for key, index in where.items() if index is not None}
        cues: list[_Cue] = []
        next_line = first + 1 + reader.line_num
        for row in reader:
            # reader.line_num counts physical lines, so a quoted cell over two lines is accounted for
            line, next_line = next_line, first + 1 + reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            cells = {key: row[index].strip() if index < len(row) else "" for key, index in columns.items()}
            for key in ("speaker", "text"):
                if not cells[key]:
                    raise _error(name, line, f'expected a {key} in column "{header[columns[key]]}", found nothing')
            times = [_csv_time(name, line, header[columns[key]], cells[key]) if key in columns else None
                     for key in ("start", "end")]
            cues.append(_Cue(" ".join(cells["speaker"].split()), " ".join(cells["text"].split()), *times, line))
    except csv.Error as err:
        raise _error(name, first + 1 + reader.line_num,
                     f"expected CSV with one row per line, found a problem: {err}") from None
    if not cues:
        raise _error(name, first + 2, "expected a row with a speaker and their words under the header, "
                                      "found the end of the file")
    return cues
