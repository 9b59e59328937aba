"""Grade a cohort's assignments with nbgrader: one function per kind of question, each
returning the points for nbgrader and printing feedback for the learner.

A graded assignment (``solutions/`` in the repository) asks for words typed into clearly
marked cells (``answer_1 = "..."``, ``choice_2 = "b"``). Under each answer sits a locked
test cell. What the learner sees of it only checks that the answer can be read
(:func:`check_ready`); its hidden part, which nbgrader removes from the released notebook,
names a question id and nothing else::

    trustlab.grading.grade_rewrite("soften-q1", globals().get("answer_1"))

The answer key for that id lives in an ``answer_key.yaml`` file beside the source notebook,
which is never released; :func:`load_keys` finds it through the ``TRUSTLAB_KEYS``
environment variable (``nbgrader_config.py`` sets it). nbgrader takes the number a test
cell ends with as partial credit, so each ``grade_*`` function returns points and prints
the learner's feedback. None of them raises: a blank answer, a number where words belong
or an unreadable choice earns a kind message and the points it deserves, so a traceback
can never quote the hidden test. Feedback never names what the learner missed.

>>> keys = {"demo-q1": {"kind": "choice", "points": 1, "answer": "b", "choices": "abc",
...                     "hint": "Who is at the centre of the sentence?"}}
>>> grade_choice("demo-q1", " (B) ", keys=keys)
✓ Question 1: 1 of 1 point
- Right: (b).
1.0
>>> grade_choice("demo-q1", "c", keys=keys)
✗ Question 1: 0 of 1 point
- Not (c).
- Hint: Who is at the centre of the sentence?
0.0

An instructor checks that every hidden test has a key that fits, before releasing and
before autograding: ``python -m trustlab.grading solutions``.
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

__all__ = [
    "KEYS_ENV", "KEY_FILE", "KINDS", "Key", "Mark", "load_keys", "mark",
    "grade_choice", "grade_spotting", "grade_rewrite", "grade_response", "grade_number",
    "check_ready", "NotReady", "read_spotting", "SpottingAnswer", "check_assignments", "main",
]

#: The environment variable that says where the answer keys are: a key file, or a folder
#: searched for ``answer_key.yaml`` files (nbgrader_config.py points it at ``solutions/``).
KEYS_ENV = "TRUSTLAB_KEYS"
#: The name of an assignment's answer key file, beside its source notebook.
KEY_FILE = "answer_key.yaml"
#: The kinds of question, each graded by the ``grade_<kind>`` function of the same name.
KINDS = ("choice", "spotting", "rewrite", "response", "number")

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_MAX_CHARS = 2000  # a longer answer is read only this far: keeps a pasted essay from slowing grading
_PLACEHOLDERS = {"", "...", "\u2026", "your answer here", "type your answer here"}
_MIN_RESPONSE_WORDS = 4
_SHARE = {"marker": 0.6, "safe": 0.4}  # a written response: showing what is asked, and no red flag
_NOT_PASSED = 0.5  # a rewrite that does not pass earns this share of its partial-credit score

# ---------------------------------------------------------------------------------
# Answer keys


@dataclass(frozen=True)
class Key:
    """The answer key for one question, read from an ``answer_key.yaml`` file.

    Every key has an ``id``, a ``kind`` (one of :data:`KINDS`), ``points``, an optional
    ``hint`` shown to a learner who did not earn every point (write it so that it does not
    give the answer away) and an optional ``note`` for instructors, never shown. The other
    fields belong to one kind each:

    - choice: ``answer`` (a letter) and ``choices`` (the letters offered, default "abcd");
    - spotting: ``markers`` and ``red_flags`` the turn shows, and ``also_accepted``, readings
      that are fair but not required (neither counted for nor against);
    - rewrite: ``original``, the blunt question to rewrite;
    - response: ``client``, what the client said, and ``markers``, any one of which the
      response should show;
    - number: ``value`` and ``tolerance`` (full points within it, half within twice it).
    """

    id: str
    kind: str
    points: float
    hint: str = ""
    note: str = ""
    label: str = ""
    answer: str = ""
    choices: str = "abcd"
    markers: tuple[str, ...] = ()
    red_flags: tuple[str, ...] = ()
    also_accepted: tuple[str, ...] = ()
    original: str = ""
    client: str = ""
    value: float = 0.0
    tolerance: float = 0.0
    source: str = field(default="", compare=False)

    @property
    def title(self) -> str:
        """ "Question 3" for an id ending in "-q3", else the label or the id."""
        if self.label:
            return self.label
        m = re.search(r"-q(\d+)$", self.id)
        return f"Question {m.group(1)}" if m else f"Question {self.id}"


_FIELDS = {
    "choice": {"answer", "choices"},
    "spotting": {"markers", "red_flags", "also_accepted"},
    "rewrite": {"original"},
    "response": {"client", "markers"},
    "number": {"value", "tolerance"},
}
_COMMON = {"id", "kind", "points", "hint", "note", "label"}


def _key(entry, where: str) -> Key:
    """One validated :class:`Key` from a mapping; ``where`` names the file for errors."""
    from .banks import FLAG_IDS, MARKER_IDS

    if not isinstance(entry, dict):
        raise ValueError(f"{where}: each question must be a mapping with id, kind and points, not {entry!r}.")
    qid = str(entry.get("id", ""))
    if not _ID.match(qid):
        raise ValueError(f'{where}: "{qid}" is not a valid question id: use lower case, digits, "-" and "_".')
    at = f"{where}: question {qid}"
    kind = entry.get("kind")
    if kind not in KINDS:
        raise ValueError(f'{at}: kind must be one of {", ".join(KINDS)}, not {kind!r}.')
    unknown = set(entry) - _COMMON - _FIELDS[kind]
    if unknown:
        raise ValueError(f'{at}: a {kind} question has no field {", ".join(sorted(unknown))}; '
                         f'it may have {", ".join(sorted(_COMMON | _FIELDS[kind]))}.')
    points = entry.get("points")
    if isinstance(points, bool) or not isinstance(points, (int, float)) or points <= 0:
        raise ValueError(f"{at}: points must be a number above 0.")
    values = {"id": qid, "kind": kind, "points": float(points), "source": where}
    for name in ("hint", "note", "label"):
        if entry.get(name) is not None:
            if not isinstance(entry[name], str):
                raise ValueError(f"{at}: {name} must be text.")
            values[name] = entry[name].strip()

    def text(name: str) -> str:
        value = entry.get(name)
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{at}: a {kind} question needs {name}, as text.")
        return value.strip()

    def ids(name: str, valid: tuple[str, ...], what: str) -> tuple[str, ...]:
        value = entry.get(name) or []
        if not isinstance(value, list):
            raise ValueError(f"{at}: {name} must be a list (it may be empty: []).")
        out = tuple(str(v) for v in value)
        wrong = [v for v in out if v not in valid]
        if wrong:
            raise ValueError(f'{at}: {name} holds something that is not a {what}; use {", ".join(valid)}.')
        return out

    if kind == "choice":
        choices = str(entry.get("choices", "abcd")).lower()
        if not re.fullmatch(r"[a-z]{2,8}", choices) or len(set(choices)) != len(choices):
            raise ValueError(f"{at}: choices must be 2 to 8 different letters, such as abcd.")
        answer = text("answer").lower()
        if len(answer) != 1 or answer not in choices:
            raise ValueError(f"{at}: answer must be one of the letters in choices ({choices}).")
        values.update(answer=answer, choices=choices)
    elif kind == "spotting":
        markers = ids("markers", MARKER_IDS, "marker")
        flags = ids("red_flags", FLAG_IDS, "red flag")
        accepted = ids("also_accepted", MARKER_IDS + FLAG_IDS, "marker or red flag")
        if set(accepted) & set(markers + flags):
            raise ValueError(f"{at}: also_accepted must not repeat the markers or red flags the turn shows.")
        values.update(markers=markers, red_flags=flags, also_accepted=accepted)
    elif kind == "rewrite":
        values.update(original=text("original"))
    elif kind == "response":
        markers = ids("markers", MARKER_IDS, "marker")
        if not markers:
            raise ValueError(f"{at}: a response question needs markers: the ones the response may show.")
        values.update(client=text("client"), markers=markers)
    else:
        number = entry.get("value")
        tolerance = entry.get("tolerance", 0)
        for name, v in (("value", number), ("tolerance", tolerance)):
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise ValueError(f"{at}: {name} must be a number.")
        if tolerance < 0:
            raise ValueError(f"{at}: tolerance must not be negative.")
        values.update(value=float(number), tolerance=float(tolerance))
    return Key(**values)


def _read_key_file(path: Path) -> list[Key]:
    import yaml  # loaded lazily: keeps `import trustlab.grading` fast

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        mark_ = getattr(err, "problem_mark", None)
        line = f", line {mark_.line + 1}" if mark_ is not None else ""
        raise ValueError(f"{path}{line}: this is not valid YAML.") from None
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        raise ValueError(f"{path}: an answer key file holds `questions:`, a list of questions.")
    return [_key(entry, str(path)) for entry in data["questions"]]


def _key_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if path.is_dir():
        return sorted({*path.glob(KEY_FILE), *path.glob(f"*/{KEY_FILE}")})
    raise ValueError(f"{path} is neither an answer key file nor a folder of assignments.")


@lru_cache(maxsize=8)
def _load(files: tuple[tuple[str, float], ...]) -> dict[str, Key]:
    keys: dict[str, Key] = {}
    for name, _mtime in files:
        for key in _read_key_file(Path(name)):
            if key.id in keys:
                raise ValueError(f"{name}: question {key.id} is also in {keys[key.id].source}; "
                                 "question ids must be unique across assignments.")
            keys[key.id] = key
    return keys


def load_keys(path=None) -> dict[str, Key]:
    """Every answer key in *path*, by question id.

    *path* is an ``answer_key.yaml`` file or a folder holding assignments (each with its own
    key file). Without a path, the ``TRUSTLAB_KEYS`` environment variable says where.
    Files are read again only when they change.
    """
    if path is None:
        path = os.environ.get(KEYS_ENV, "")
        if not path:
            raise ValueError(f"No answer keys: set {KEYS_ENV} to the folder of source assignments "
                             "(nbgrader_config.py does this for nbgrader).")
    files = _key_files(Path(path).expanduser().resolve())
    return _load(tuple((str(f), f.stat().st_mtime) for f in files))


def _resolve(question_id: str, keys) -> Key:
    if isinstance(keys, dict) and all(isinstance(k, Key) for k in keys.values()):
        table = keys
    elif isinstance(keys, dict):
        table = {qid: _key({"id": qid, **entry}, "keys") for qid, entry in keys.items()}
    else:
        table = load_keys(keys)
    if question_id not in table:
        raise ValueError(f"There is no answer key for question {question_id!r}.")
    return table[question_id]


# ---------------------------------------------------------------------------------
# The result


@dataclass(frozen=True)
class Mark:
    """The result of grading one answer: ``points`` out of ``max_points``, and ``lines`` of
    feedback for the learner, in the order they should read them."""

    question: str
    title: str
    points: float
    max_points: float
    lines: tuple[str, ...] = ()

    @property
    def full(self) -> bool:
        return self.points >= self.max_points

    def _heading(self) -> str:
        unit = "point" if self.max_points == 1 else "points"
        return f"{'✓' if self.full else '✗'} {self.title}: {_number(self.points)} of {_number(self.max_points)} {unit}"

    def __str__(self) -> str:
        return "\n".join([self._heading(), *(f"- {line}" for line in self.lines)])

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{html.escape(line)}</li>" for line in self.lines)
        return (f'<div class="trustlab-feedback trustlab-mark"><strong>{html.escape(self._heading())}</strong>'
                f'<ul style="margin:4px 0;padding-left:20px">{items}</ul></div>')


def _number(x: float) -> str:
    """2.0 -> "2", 1.5 -> "1.5", 0.6667 -> "0.67", 1250000.0 -> "1250000"."""
    return f"{x:.2f}".rstrip("0").rstrip(".") if abs(x) >= 0.005 else "0"


def _points(key: Key, share: float) -> float:
    return round(min(max(share, 0.0), 1.0) * key.points, 2)


# ---------------------------------------------------------------------------------
# Reading answers


class _Blank(Exception):
    """The learner has not answered yet (a message for them, not an error)."""


_NOT_TEXT = "Put your answer between the quotation marks, like this: answer_1 = \"your words\"."
_NO_ANSWER = ("There is no answer yet: type your words between the quotation marks in the answer cell, "
              "run that cell, then run this one.")


def _text(answer) -> str:
    """The learner's words, or :class:`_Blank` with what to do."""
    if answer is None:
        raise _Blank("There is no answer yet: the answer cell has not run, or it has a typing slip "
                     "(check that your words start and end with a quotation mark), or it was deleted.")
    if isinstance(answer, (int, float)) and not isinstance(answer, bool):
        answer = str(answer)
    if not isinstance(answer, str):
        raise _Blank(_NOT_TEXT)
    text = " ".join(answer[:_MAX_CHARS].split())
    if text.strip(" .\u2026").lower() in _PLACEHOLDERS:
        raise _Blank(_NO_ANSWER)
    return text


def _read_choice(answer, choices: str) -> str:
    """One letter from "b", "(b)", "B.", "b) because..."; a ValueError says what is valid."""
    text = _text(answer).lower()
    m = re.fullmatch(r"\(?\s*([a-z])\s*[).:]?(?:\s.*)?", text)
    letters = ", ".join(choices[:-1]) + " or " + choices[-1]
    if not m or m.group(1) not in choices:
        raise ValueError(f'I could not read "{_short(text)}" as a choice: type one letter, {letters}, '
                         "between the quotation marks.")
    return m.group(1)


def _read_number(answer) -> float:
    text = _text(answer)
    m = re.search(r"-?\d+(?:[.,]\d+)?", text)
    if not m:
        raise ValueError(f'I could not find a number in "{_short(text)}": type digits, such as 25.')
    return float(m.group(0).replace(",", "."))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


@lru_cache(maxsize=1)
def _spotting_words() -> tuple[list[tuple[str, str]], frozenset[str]]:
    from . import lexicon

    data = lexicon.load("grading")
    words = [(" ".join(phrase.lower().split()), flag) for flag, phrases in data["flag_words"].items()
             for phrase in phrases]
    words.sort(key=lambda pair: -len(pair[0]))  # the longest phrase that fits wins
    return words, frozenset(" ".join(w.lower().split()) for w in data["none_words"])


@dataclass(frozen=True)
class SpottingAnswer:
    """What a spotting answer says: the ``markers`` and ``red_flags`` named, whether it says
    ``none``, and the pieces it could not read (``unread``)."""

    markers: frozenset[str]
    red_flags: frozenset[str]
    none: bool
    unread: tuple[str, ...]

    @property
    def named(self) -> frozenset[str]:
        return self.markers | self.red_flags

    def describe(self) -> str:
        from .banks import FLAG_IDS, FLAG_NAMES, MARKER_IDS

        named = [m for m in MARKER_IDS if m in self.markers] + [FLAG_NAMES[f] for f in FLAG_IDS if f in self.red_flags]
        if named:
            return ", ".join(named)
        return "none (no marker and no red flag)" if self.none else "nothing I recognise"


def read_spotting(answer) -> SpottingAnswer:
    """Read the markers and red flags a learner typed, separated by commas.

    >>> a = read_spotting("4.1, a why question and Advice; praise")
    >>> sorted(a.markers), sorted(a.red_flags)
    (['4.1'], ['advice', 'praise', 'why_question'])
    >>> read_spotting("none").none, read_spotting("4.5, courage").unread
    (True, ('4.5', 'courage'))
    """
    if isinstance(answer, (list, tuple, set)) and all(isinstance(a, str) for a in answer):
        answer = ", ".join(sorted(answer) if isinstance(answer, set) else answer)  # ["4.1", "advice"] is clear too
    text = _text(answer).lower()
    flag_words, none_words = _spotting_words()
    markers, flags, unread, none = set(), set(), [], False
    for piece in re.split(r"[,;\n/+&]|\band\b|\bplus\b", text):
        piece = " ".join(re.sub(r"[_\-\"'.!?:()]+(?!\d)", " ", piece).split())
        piece = re.sub(r"^(?:a|an|the|marker|markers|red flags?)\s+", "", piece).strip()
        if not piece:
            continue
        if piece in none_words:
            none = True
            continue
        found = {f"4.{n}" for n in re.findall(r"\b4\.([1-4])\b", piece)}
        markers |= found
        rest = re.sub(r"\b4\.[1-4]\b", " ", piece)
        hits = set()
        for phrase, flag in flag_words:
            if re.search(rf"\b{re.escape(phrase)}\b", rest):
                hits.add(flag)
                rest = re.sub(rf"\b{re.escape(phrase)}\b", " ", rest)
        flags |= hits
        if not found and not hits:
            unread.append(piece)
    return SpottingAnswer(frozenset(markers), frozenset(flags), none, tuple(unread))


def _label(item: str) -> str:
    from .banks import FLAG_NAMES, MARKER_NAMES

    return f"{item} ({MARKER_NAMES[item]})" if item in MARKER_NAMES else FLAG_NAMES[item]


def _unread_line(unread: tuple[str, ...]) -> str:
    pieces = ", ".join(f'"{_short(u, 30)}"' for u in unread)
    return (f"I could not read {pieces}: use the marker numbers 4.1 to 4.4 and red-flag names such as "
            "why question, leading question, advice, praise, separated by commas.")


# ---------------------------------------------------------------------------------
# Marking each kind of question


def _mark_choice(key: Key, answer) -> Mark:
    letter = _read_choice(answer, key.choices)
    if letter == key.answer:
        return Mark(key.id, key.title, key.points, key.points, (f"Right: ({letter}).",))
    return Mark(key.id, key.title, 0.0, key.points, (f"Not ({letter}).", *_hint(key)))


def _hint(key: Key) -> tuple[str, ...]:
    return (f"Hint: {key.hint}",) if key.hint else ()


def _mark_spotting(key: Key, answer) -> Mark:
    from .spotting import FLAG_MEANINGS, MARKER_MEANINGS

    said = read_spotting(answer)
    shown = set(key.markers) | set(key.red_flags)
    counted = said.named - set(key.also_accepted)
    right, wrong, missed = counted & shown, counted - shown, shown - said.named
    lines = []
    for item in sorted(said.named, key=_order):
        if item in right:
            lines.append(f"{_label(item)}: yes, this turn shows it.")
        elif item in key.also_accepted:
            lines.append(f"{_label(item)}: a fair reading of this turn; it neither adds nor takes away points.")
        else:
            meaning = MARKER_MEANINGS.get(item) or FLAG_MEANINGS[item]
            lines.append(f"{_label(item)}: this turn does not show it. It would need this: "
                         f"{meaning[0].lower() + meaning[1:]}")
    if said.unread:
        lines.append(_unread_line(said.unread))
    if not said.named and not said.none:
        raise _Blank("I could not find a marker or red flag in your answer. " + _unread_line(said.unread)
                     + ' If the turn shows none, type "none".')
    if missed:
        lines.append("This turn shows one more marker or red flag to find." if len(missed) == 1
                     else f"This turn shows {len(missed)} more markers or red flags to find.")
        lines.extend(_hint(key))
    elif not shown and not counted:
        lines.append("Right: this turn shows no marker and no red flag.")
    elif wrong:
        lines.extend(_hint(key))
    total = len(right) + len(wrong) + len(missed)
    share = len(right) / total if total else 1.0
    return Mark(key.id, key.title, _points(key, share), key.points, tuple(lines))


def _order(item: str) -> int:
    """Markers first, then red flags, each in the order the lessons list them."""
    from .banks import FLAG_IDS, MARKER_IDS

    ids = MARKER_IDS + FLAG_IDS
    return ids.index(item)


def _mark_rewrite(key: Key, answer) -> Mark:
    from .rewrite import check_rewrite

    feedback = check_rewrite(key.original, _text(answer))
    share = 1.0 if feedback.passed else _NOT_PASSED * feedback.score
    return Mark(key.id, key.title, _points(key, share), key.points, feedback.messages)


def _mark_response(key: Key, answer) -> Mark:
    from .banks import FLAG_NAMES, MARKER_NAMES
    from .flags import find_red_flags
    from .markers import find_markers
    from .spotting import FLAG_MEANINGS
    from .text import words

    text = _text(answer)
    markers = find_markers(text, key.client)
    flags = find_red_flags(text, key.client)
    lines, share = [], 0.0
    wanted = [f for f in markers if f.id in key.markers]
    for f in markers:
        shown = f'Your words "{f.words}" show {f.id}, {MARKER_NAMES[f.id][0].lower() + MARKER_NAMES[f.id][1:]}.'
        lines.append(shown if f in wanted else f"{shown} Good, though this question asks for something else as well.")
    if wanted:
        share += _SHARE["marker"]
    else:
        lines.append("Your response does not yet show what this question asks for.")
    seen = set()
    for f in flags:
        if f.id not in seen:
            seen.add(f.id)
            lines.append(f'"{f.words}" reads as {FLAG_NAMES[f.id].lower()}: '
                         f"{FLAG_MEANINGS[f.id][0].lower() + FLAG_MEANINGS[f.id][1:]}")
    if len(words(text)) < _MIN_RESPONSE_WORDS:
        lines.append("Write a full sentence or two, as you would say them to the client.")
    elif not flags:
        share += _SHARE["safe"]
        lines.append("No red flags: nothing here undermines the client's safety.")
    if share < 1:
        lines.extend(_hint(key))
    return Mark(key.id, key.title, _points(key, share), key.points, tuple(lines))


def _mark_number(key: Key, answer) -> Mark:
    number = _read_number(answer)
    if 0 < number <= 1 and key.value > 1 and "%" not in str(answer):
        number *= 100  # "0.38" for 38%
    gap = abs(number - key.value)
    within = f"within {_number(key.tolerance)} of" if key.tolerance else "the same as"
    if gap <= key.tolerance + 1e-9:
        return Mark(key.id, key.title, key.points, key.points, (f"{_number(number)} is {within} the figure.",))
    if key.tolerance and gap <= 2 * key.tolerance + 1e-9:
        return Mark(key.id, key.title, _points(key, 0.5), key.points,
                    (f"{_number(number)} is close, but not {within} the figure: half the points.", *_hint(key)))
    return Mark(key.id, key.title, 0.0, key.points, (f"{_number(number)} is not {within} the figure.", *_hint(key)))


_MARKERS = {"choice": _mark_choice, "spotting": _mark_spotting, "rewrite": _mark_rewrite,
            "response": _mark_response, "number": _mark_number}


def mark(question_id: str, answer, keys=None) -> Mark:
    """Grade one answer against its key and return the :class:`Mark`.

    *keys* is a mapping of question ids to keys (or to plain dicts in the key file's
    format), a key file or folder, or None to use ``TRUSTLAB_KEYS``. A problem with the
    learner's answer becomes feedback and a mark; a missing or broken key raises
    ``ValueError`` (the ``grade_*`` functions turn that into a message too).

    >>> keys = {"demo-q2": {"kind": "number", "points": 2, "value": 27, "tolerance": 3}}
    >>> print(mark("demo-q2", "about 29%", keys=keys))
    ✓ Question 2: 2 of 2 points
    - 29 is within 3 of the figure.
    >>> mark("demo-q2", "...", keys=keys).points
    0.0
    """
    key = _resolve(question_id, keys)
    try:
        return _MARKERS[key.kind](key, answer)
    except _Blank as blank:
        return Mark(key.id, key.title, 0.0, key.points, (str(blank),))
    except (ValueError, TypeError) as err:  # the learner's answer could not be read: say how to fix it
        return Mark(key.id, key.title, 0.0, key.points, (str(err),))


def _grade(kind: str, question_id, answer, keys) -> float:
    """Print the feedback and return the points; never raise (see the module docstring)."""
    try:
        key = _resolve(question_id, keys)
        if key.kind != kind:
            raise ValueError(f"question {question_id} is a {key.kind} question, graded by grade_{key.kind}.")
        result = mark(question_id, answer, keys={key.id: key})
    except Exception as err:  # noqa: BLE001 - a hidden test must never show a traceback
        # stderr: nbgrader scores the cell 0 and the instructor sees it in the formgrader.
        print(f"{question_id}: this question could not be graded automatically, so your instructor "
              f"will look at it. (For instructors: {type(err).__name__}. Run "
              "`python -m trustlab.grading solutions` to see what is wrong.)", file=sys.stderr)
        return 0.0
    print(result)
    return result.points


def grade_choice(question_id: str, answer, keys=None) -> float:
    """Grade a choice letter ("b"): full points or none. Prints the feedback; returns the points."""
    return _grade("choice", question_id, answer, keys)


def grade_spotting(question_id: str, answer, keys=None) -> float:
    """Grade the markers and red flags a learner named for a coach's turn ("4.3, advice").

    Partial credit: right picks over everything picked or in the key (as marker spotting in
    the lessons); readings the key lists as ``also_accepted`` do not count either way. The
    feedback confirms right picks and explains wrong ones, and says how many are missing,
    never which.

    >>> keys = {"demo-q3": {"kind": "spotting", "points": 2, "markers": ["4.3"],
    ...                     "red_flags": ["stacked_questions"], "hint": "Count the question marks."}}
    >>> grade_spotting("demo-q3", "4.3", keys=keys)
    ✗ Question 3: 1 of 2 points
    - 4.3 (Supports the client's expression of feelings, perceptions, concerns, beliefs or suggestions): yes, this turn shows it.
    - This turn shows one more marker or red flag to find.
    - Hint: Count the question marks.
    1.0
    """
    return _grade("spotting", question_id, answer, keys)


def grade_rewrite(question_id: str, answer, keys=None) -> float:
    """Grade a rewrite of a blunt question with :func:`trustlab.check_rewrite`: full points
    when it passes, otherwise half its partial-credit score.

    >>> keys = {"demo-q4": {"kind": "rewrite", "points": 2, "original": "Why didn't you finish the report?"}}
    >>> grade_rewrite("demo-q4", "What might have got in the way of the report?", keys=keys)
    ✓ Question 4: 2 of 2 points
    ...
    2.0
    """
    return _grade("rewrite", question_id, answer, keys)


def grade_response(question_id: str, answer, keys=None) -> float:
    """Grade a written response to a client: 60% for showing one of the key's markers,
    40% for a full sentence with no red flag.

    >>> keys = {"demo-q5": {"kind": "response", "points": 2, "markers": ["4.2", "4.3"],
    ...                     "client": "I'm scared I'll let the team down."}}
    >>> grade_response("demo-q5", "Have you tried talking to them?", keys=keys)
    ✗ Question 5: 0 of 2 points
    - Your response does not yet show what this question asks for.
    - "Have you tried" reads as advice: the coach offers their own solution, sometimes dressed as a question ("Have you tried...?").
    0.0
    """
    return _grade("response", question_id, answer, keys)


def grade_number(question_id: str, answer, keys=None) -> float:
    """Grade a figure read off a review ("27%", "27", "0.27"): full points within the key's
    tolerance, half within twice it."""
    return _grade("number", question_id, answer, keys)


# ---------------------------------------------------------------------------------
# The check a learner runs before submitting


def check_ready(answer, kind: str = "words", choices: str = "abcd") -> None:
    """Say whether an answer can be read, without grading it: what the visible part of each
    test cell runs. *kind* is "words", "choice", "number" or "spotting".

    While nbgrader autogrades (it sets ``NBGRADER_EXECUTION=autograde``) this prints nothing,
    so the feedback shows the grade alone. While it validates (the Validate button), an answer
    that cannot be read fails the cell with the same one-line message, so the learner is not
    told that an empty notebook "passes"; the released notebook has no hidden test for that
    message to quote.

    >>> check_ready("4.3, stacked", kind="spotting")
    ✓ I read your answer as: 4.3, Stacked questions. If that is not what you meant, separate each one with a comma. It is graded when you submit.
    >>> check_ready("...")
    ✗ There is no answer yet: type your words between the quotation marks in the answer cell, run that cell, then run this one.
    """
    if os.environ.get("NBGRADER_EXECUTION") == "autograde":
        return
    graded = "It is graded when you submit."
    try:
        if kind == "choice":
            message = f"✓ Your choice, ({_read_choice(answer, choices)}), can be read. {graded}"
        elif kind == "number":
            message = f"✓ I read your answer as {_number(_read_number(answer))}. {graded}"
        elif kind == "spotting":
            said = read_spotting(answer)
            if not said.named and not said.none:
                raise ValueError(_unread_line(said.unread) + ' If the turn shows none, type "none".')
            message = (f"✓ I read your answer as: {said.describe()}. If that is not what you meant, "
                       f"separate each one with a comma. {graded}")
            if said.unread:
                message += "\n? " + _unread_line(said.unread)
        else:
            _text(answer)
            message = f"✓ Your answer can be read. {graded}"
    except (_Blank, ValueError, TypeError) as err:
        if os.environ.get("NBGRADER_EXECUTION") == "validate":
            raise NotReady(f"✗ {err}") from None
        message = f"✗ {err}"
    except Exception as err:  # noqa: BLE001 - a check cell must never show a traceback
        message = f"This check could not run ({type(err).__name__}); your answer is still graded when you submit."
    print(message)


class NotReady(Exception):
    """An answer that cannot be read yet, raised by :func:`check_ready` only under nbgrader's
    Validate. Jupyter shows the message alone (``_render_traceback_``), never a traceback."""

    def _render_traceback_(self) -> list[str]:
        return [str(self)]


# ---------------------------------------------------------------------------------
# The instructor's check: every hidden test has a key that fits


_GRADE_CALL = re.compile(r"\bgrade_(\w+)\(\s*['\"]([^'\"]+)['\"]")


def _cells(path: Path) -> list[dict]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError) as err:
        raise ValueError(f"{path}: not a readable notebook ({err}).") from None


def check_assignments(source="solutions") -> list[str]:
    """Problems with the assignments in *source* (one folder per assignment): a hidden test
    naming a question with no key, the wrong kind or different points; a key no test uses;
    a test cell that does not end with its hidden grade call; an answer cell without a
    ``### BEGIN SOLUTION`` region. An empty list means all is well."""
    source = Path(source)
    problems: list[str] = []
    try:
        keys = load_keys(source)
    except ValueError as err:
        return [str(err)]
    used: set[str] = set()
    notebooks = sorted(source.glob("*/*.ipynb"))
    if not notebooks:
        problems.append(f"{source}: no assignment notebooks (expected {source}/<assignment>/<notebook>.ipynb).")
    for path in notebooks:
        for n, cell in enumerate(_cells(path), 1):
            meta = cell.get("metadata", {}).get("nbgrader", {})
            text = "".join(cell.get("source", ""))
            where = f"{path}, cell {n} ({meta.get('grade_id', 'no grade_id')})"
            if cell.get("cell_type") != "code":
                continue
            if meta.get("solution") and not meta.get("grade") and "BEGIN SOLUTION" not in text:
                problems.append(f"{where}: an answer cell needs a ### BEGIN SOLUTION region, or the "
                                "released notebook loses the whole cell.")
            calls = _GRADE_CALL.findall(text)
            if meta.get("grade") and not meta.get("solution"):
                hidden = text.split("BEGIN HIDDEN TESTS", 1)[-1] if "BEGIN HIDDEN TESTS" in text else ""
                if len(calls) != 1 or not hidden:
                    problems.append(f"{where}: a test cell needs exactly one grade_<kind>(...) call, "
                                    "inside ### BEGIN HIDDEN TESTS.")
                    continue
                last = [line for line in hidden.splitlines() if line.strip() and "END HIDDEN TESTS" not in line]
                if not last or not _GRADE_CALL.search(last[-1]):
                    problems.append(f"{where}: the grade call must be the last line, so its points are the cell's output.")
            for kind, qid in calls:
                used.add(qid)
                key = keys.get(qid)
                if key is None:
                    problems.append(f"{where}: no answer key for question {qid}.")
                    continue
                if key.kind != kind:
                    problems.append(f"{where}: question {qid} is a {key.kind} question but the test calls grade_{kind}.")
                if float(meta.get("points", -1)) != key.points:
                    problems.append(f"{where}: the cell is worth {meta.get('points')} points but the key for "
                                    f"{qid} gives {_number(key.points)}.")
    for qid in sorted(set(keys) - used):
        problems.append(f"{keys[qid].source}: question {qid} has a key but no test cell grades it.")
    return problems


def main(argv=None) -> int:
    """``python -m trustlab.grading [SOURCE]``: check the keys against the assignments."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1 or (args and args[0].startswith("-")):
        print("usage: python -m trustlab.grading [SOURCE_FOLDER]   (default: solutions)")
        return 2
    source = args[0] if args else "solutions"
    problems = check_assignments(source)
    for problem in problems:
        print(problem)
    if problems:
        return 1
    count = len(load_keys(source))
    print(f"{source}: every hidden test has an answer key that fits ({count} questions).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
