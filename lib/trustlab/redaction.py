"""Take names, places, emails and phone numbers out of a session before you share it.

:func:`redact` works on a :class:`~trustlab.transcripts.Transcript` or on plain text and
returns the same kind of thing. Everything happens on your computer: nothing is sent
anywhere.

The same name always becomes the same placeholder, in the text and in the speaker
labels: the client (the speaker other than the coach who says the most) becomes
"[Client]", other speakers and the names you give become "[Person 1]", "[Person 2]", ...,
the places you give "[Place 1]", ..., and emails and phone numbers "[Email 1]" and
"[Phone 1]". Names match whole words in any case, with possessives ("Maria's" becomes
"[Client]'s"). A first name that is also an everyday word ("Will", "Hope") is replaced
only where it is capitalised, so "I will" stays as it is.

>>> redact("Maria's manager emailed maria.lopez@example.com from Leeds.", names=["Maria"], places=["Leeds"])
"[Person 1]'s manager emailed [Email 1] from [Place 1]."
>>> redact("Call me on +44 20 7946 0958 or (555) 123-4567, not in 2019-2020.")
'Call me on [Phone 1] or [Phone 2], not in 2019-2020.'

With a transcript, the coach keeps their name (say who with *keep*; otherwise the
coach is guessed as :func:`~trustlab.review.review` does):

>>> from trustlab.transcripts import Transcript, Turn
>>> t = Transcript(turns=(Turn("Dana", "What would you like from today, Maria?"),
...                       Turn("Maria", "Dana, I want to talk about Tom.")), source="maria.txt", format="script")
>>> for turn in redact(t, names=["Tom"], keep=["Dana"]).turns:
...     print(f"{turn.speaker}: {turn.text}")
Dana: What would you like from today, [Client]?
[Client]: Dana, I want to talk about [Person 1].
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from typing import Iterable

from . import lexicon

__all__ = ["redact"]

_EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
# A phone number in national or international form: "+44 20 7946 0958", "(555) 123-4567",
# "+49 (0)30 1234567", "07700 900123", "555.123.4567". Candidates are checked by _is_phone.
_PHONE = (r"(?<![\w+.@-])(?:\+\d{1,3}[ .-]?)?(?:\(0\)[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?"
          r"\d{1,12}(?:[ .-]\(?\d{1,8}\)?){0,5}(?![\w@]|[.-]\d)")
_DATE = re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}")
_YEARS = re.compile(r"(?:1[89]|20)\d\d(?:[ .-](?:1[89]|20)\d\d)+")
_TITLES = frozenset("dr dr. mr mr. mrs mrs. ms ms. miss prof prof. sir dame".split())


class _Words:
    """The lists in redaction.yaml, read once."""

    def __init__(self) -> None:
        self.roles = re.compile(rf"(?:{lexicon.alternation('redaction', 'role_labels')})(?:\s*\d+)?", re.I)
        self.everyday = frozenset(w for line in lexicon.phrases("redaction", "everyday_word_names") for w in line.split("|"))


@cache
def _words() -> _Words:
    return _Words()


def _is_phone(found: str) -> bool:
    digits = sum(c.isdigit() for c in found)
    if not 7 <= digits <= 15 or _DATE.fullmatch(found) or _YEARS.fullmatch(found):
        return False
    if found[0] in "+(":
        return True
    groups = re.findall(r"\d+", found)
    if len(groups) == 1:
        return digits >= 9  # "07700900123"; a bare "1500000" is more likely an amount
    return len(groups) <= 4 and max(len(g) for g in groups) >= 3


def _is_role(label: str) -> bool:
    return bool(_words().roles.fullmatch(label.strip()))


def _variants(name: str) -> list[str]:
    """The ways a person's name can appear in the text: whole, and each part ("Maria", "Lopez")."""
    name = " ".join(name.split())
    if not name or _is_role(name):
        return []
    parts = [p for p in name.split() if p.lower() not in _TITLES and len(p.strip(".")) >= 2]
    out = [name] + ([p.strip(".,") for p in parts] if len(parts) > 1 else [])
    return [v for v in dict.fromkeys(out) if v and any(c.isalpha() for c in v)]


class _Redactor:
    """Placeholders handed out in the order they are first needed, the same one each time."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}  # lower-cased name or place -> placeholder
        self.found: dict[str, dict[str, str]] = {"Email": {}, "Phone": {}}
        self.people = 0
        self.places = 0
        self._pattern: re.Pattern | None = None

    def person(self, name: str, placeholder: str | None = None, protected: set[str] = frozenset()) -> str | None:
        """Give *name* (and its parts) a placeholder; the one it already has if any."""
        variants = [v for v in _variants(name) if v.lower() not in protected]
        if not variants:
            return None
        known = next((self.names[v.lower()] for v in variants if v.lower() in self.names), None)
        if placeholder is None:
            if known is None:
                self.people += 1
                known = f"[Person {self.people}]"
            placeholder = known
        for v in variants:
            self.names.setdefault(v.lower(), placeholder)
        self._pattern = None
        return placeholder

    def place(self, name: str) -> None:
        name = " ".join(str(name).split())
        if name and name.lower() not in self.names:
            self.places += 1
            self.names[name.lower()] = f"[Place {self.places}]"
            self._pattern = None

    def pattern(self) -> re.Pattern:
        if self._pattern is None:
            names = sorted(self.names, key=len, reverse=True)
            alternation = "|".join(r"\s+".join(map(re.escape, n.split())) for n in names) or r"(?!x)x"
            self._pattern = re.compile(
                rf"(?P<email>{_EMAIL})|(?P<phone>{_PHONE})|(?<!\w)(?P<name>{alternation})(?!\w)", re.I)
        return self._pattern

    def numbered(self, kind: str, key: str) -> str:
        seen = self.found[kind]
        if key not in seen:
            seen[key] = f"[{kind} {len(seen) + 1}]"
        return seen[key]

    def _replace(self, m: re.Match) -> str:
        text = m.group(0)
        if m.lastgroup == "email":
            return self.numbered("Email", text.lower())
        if m.lastgroup == "phone":
            if not _is_phone(text):
                return text
            return self.numbered("Phone", re.sub(r"\D", "", text))
        key = " ".join(text.lower().split())
        if key in _words().everyday and not text[0].isupper():
            return text  # "I will", not "Will"
        return self.names.get(key, text)

    def text(self, text: str) -> str:
        if not isinstance(text, str) or not text:
            return text
        return self.pattern().sub(self._replace, text)


def _as_list(value, name: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    items = list(value)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f'{name} must be a list of words, like ["Maria", "Tom"], '
                            f"not a list holding {type(item).__name__}.")
    return items


def redact(transcript_or_text, names: Iterable[str] = (), places: Iterable[str] = (), keep: Iterable[str] = ()):
    """Replace names, places, emails and phone numbers with placeholders.

    *transcript_or_text* is a :class:`~trustlab.transcripts.Transcript` or a ``str``; you get
    back the same type. In a transcript, every speaker except the coach is replaced,
    in the labels and wherever their name comes up in the text. *keep* names the speakers
    to leave as they are (usually the coach); without it the coach is guessed as in
    :func:`~trustlab.review.review`. Speaker labels that are roles ("Coach", "Client",
    "Speaker 2") are left alone. *names* adds other people to replace, *places* the
    places; a name you also ask to keep is kept.

    >>> redact("Ask Will whether he will call Hope or Sue.", names=["Will", "Hope", "Sue"])
    'Ask [Person 1] whether he will call [Person 2] or [Person 3].'
    >>> redact("james' notes and JAMES's reply", names=["James"])
    "[Person 1]' notes and [Person 1]'s reply"
    """
    names = _as_list(names, "names")
    places = _as_list(places, "places")
    keep = _as_list(keep, "keep")
    protected = {v.lower() for k in keep for v in _variants(k)}
    r = _Redactor()
    if isinstance(transcript_or_text, str):
        for name in names:
            r.person(name, protected=protected)
        for place in places:
            r.place(place)
        return r.text(transcript_or_text)
    turns = getattr(transcript_or_text, "turns", None)
    if turns is None:
        raise TypeError("redact() takes a Transcript or text (a str), not "
                        f"{type(transcript_or_text).__name__}.")
    speakers = list(dict.fromkeys(t.speaker for t in turns))
    kept = {s for s in speakers if s.lower() in {k.lower() for k in keep} or s.lower() in protected}
    if not kept and len(speakers) > 1:
        from .review import guess_coach  # only a transcript needs the coach guessed

        kept = {guess_coach(transcript_or_text)[0]}
    protected |= {v.lower() for s in kept for v in _variants(s)}
    said: dict[str, int] = dict.fromkeys(speakers, 0)
    for t in turns:
        said[t.speaker] += len(str(t.text).split())
    others = [s for s in speakers if s not in kept]
    client = max(others, key=lambda s: said[s]) if others else None
    labels: dict[str, str] = {}
    for speaker in [client] + [s for s in others if s != client] if client else []:
        if _is_role(speaker):
            continue
        placeholder = r.person(speaker, "[Client]" if speaker == client else None, protected)
        if placeholder:
            labels[speaker] = placeholder
    for name in names:
        r.person(name, protected=protected)
    for place in places:
        r.place(place)
    new_turns = tuple(
        dataclasses.replace(t, speaker=labels.get(t.speaker, t.speaker), text=r.text(t.text)) for t in turns)
    changes = {"turns": new_turns}
    if hasattr(transcript_or_text, "source"):
        # in a file name, "_" separates words too: "priya_and_leo.vtt"
        changes["source"] = r.text(str(transcript_or_text.source).replace("_", "\x00")).replace("\x00", "_")
    return dataclasses.replace(transcript_or_text, **changes)
