"""Question banks: the quiz questions, rewrite drills and spotting exercises, read from YAML.

A bank is a YAML file in the format described in ``docs/banks.md``. The banks that ship
with trustlab live in ``trustlab/data/banks``; a coaching school can load its own file by
giving its path. Every file is checked when it is loaded, and a mistake is reported with
the file, the item and the field, and what would be valid.

>>> bank = load_bank("sample")
>>> bank.title
'Sample bank: one of each kind of exercise'
>>> [item.id for item in bank.filter(type="drill")]
['sample-d01', 'sample-d02']
>>> bank.get("sample-q01").type
'single'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

__all__ = [
    "Bank", "DrillItem", "ELEMENTS", "ELEMENT_NAMES", "FLAG_IDS", "FLAG_NAMES", "ITEM_TYPES", "Item",
    "MARKER_IDS", "MARKER_NAMES",
    "Option", "QUIZ_TYPES", "QuizItem", "SpotterItem", "available_banks", "load_bank",
]

ITEM_TYPES = ("single", "multiple", "scenario", "drill", "spotter")
QUIZ_TYPES = ("single", "multiple", "scenario")
ELEMENTS = ("psychological_safety", "mutual_respect", "reliability", "cultural_awareness")
ELEMENT_NAMES = {
    "psychological_safety": "Psychological safety",
    "mutual_respect": "Mutual respect",
    "reliability": "Reliability",
    "cultural_awareness": "Cultural awareness",
}
# The same ids as trustlab.markers.MARKER_IDS and trustlab.flags.FLAG_IDS (a test checks it):
# repeated here so that reading a bank does not load the text-analysis engine.
MARKER_IDS = ("4.1", "4.2", "4.3", "4.4")
FLAG_IDS = (
    "why_question", "leading_question", "stacked_questions", "advice", "caretaking",
    "dismissal", "therapy_drift", "feedback_as_fact", "praise", "mechanical_reflection",
)
# Short names for learners (the official marker wording is in trustlab.markers).
MARKER_NAMES = {
    "4.1": "Acknowledges the client's talents, insights and work",
    "4.2": "Shows support, empathy or concern",
    "4.3": "Supports the client's expression of feelings, perceptions, concerns, beliefs or suggestions",
    "4.4": "Invites the client to respond to the coach's contributions and accepts the response",
}
FLAG_NAMES = {
    "why_question": "Why question",
    "leading_question": "Leading question",
    "stacked_questions": "Stacked questions",
    "advice": "Advice",
    "caretaking": "Caretaking (rescuing)",
    "dismissal": "Dismissal (skipping or shrinking what the client shared)",
    "therapy_drift": "Therapy drift (digging into past pain)",
    "feedback_as_fact": "Feedback stated as fact",
    "praise": "Praise instead of acknowledgment",
    "mechanical_reflection": "Mechanical reflection (a stock formula)",
}

SHIPPED = Path(__file__).resolve().parent / "data" / "banks"

_BANK_ID = re.compile(r"[a-z0-9_]+\Z")
_ITEM_ID = re.compile(r"[a-z0-9_-]+\Z")
_COMMON = ("id", "type", "element", "markers", "lesson", "level")
_FIELDS = {
    "single": _COMMON + ("prompt", "options"),
    "multiple": _COMMON + ("prompt", "options"),
    "scenario": _COMMON + ("client", "prompt", "options"),
    "drill": _COMMON + ("original", "context", "hints", "models"),
    "spotter": _COMMON + ("client", "coach", "red_flags", "explanation"),
}
_OPTION_FIELDS = ("text", "correct", "why")
_MIN_OPTIONS, _MAX_OPTIONS = 2, 8
_LESSONS = range(0, 9)
_LEVELS = (1, 2, 3)
# What a missing required text field is for, so the error can say what to write.
_MEANING = {
    "prompt": "the question shown to the learner",
    "client": "what the client says",
    "coach": "the coach's words the learner examines",
    "original": "the blunt question the learner rewrites",
    "explanation": "why the coach's words show these markers and red flags",
}


# ---------------------------------------------------------------------------------------
# Items


@dataclass(frozen=True)
class Option:
    """One answer option of a quiz question: its text, whether it is correct, and why."""

    text: str
    correct: bool
    why: str


@dataclass(frozen=True, kw_only=True)
class Item:
    """What every item in a bank has: an id, a type, the element it practises, and
    optionally the PCC markers, the lesson (0 to 8) and the level (1 to 3)."""

    id: str
    type: str
    element: str
    markers: tuple[str, ...] = ()
    lesson: int | None = None
    level: int = 1
    bank: str = ""

    @property
    def element_name(self) -> str:
        """The element in words, e.g. "Psychological safety"."""
        return ELEMENT_NAMES[self.element]


@dataclass(frozen=True, kw_only=True)
class QuizItem(Item):
    """A ``single``, ``multiple`` or ``scenario`` question with 2 to 8 options.

    >>> item = load_bank("sample").get("sample-q02")
    >>> item.type, item.correct_indices
    ('multiple', (0, 2))
    """

    prompt: str
    options: tuple[Option, ...]
    client: str = ""

    @property
    def correct_indices(self) -> tuple[int, ...]:
        """The positions (from 0, in the bank's order) of the correct options."""
        return tuple(n for n, option in enumerate(self.options) if option.correct)


@dataclass(frozen=True, kw_only=True)
class DrillItem(Item):
    """A rewrite drill: a blunt ``original`` question, hints, and model rewrites."""

    original: str
    hints: tuple[str, ...]
    models: tuple[str, ...]
    context: str = ""


@dataclass(frozen=True, kw_only=True)
class SpotterItem(Item):
    """A spotting exercise: a coach's turn (and optionally the client's), with the
    markers and red flags it shows as the answer key, and an explanation."""

    coach: str
    explanation: str
    red_flags: tuple[str, ...] = ()
    client: str = ""


# ---------------------------------------------------------------------------------------
# Banks


class Bank:
    """A loaded question bank: an ``id``, a ``title`` and its ``items`` in file order.

    Banks are read-only; :meth:`filter` returns a smaller bank.

    >>> bank = load_bank("sample")
    >>> len(bank) >= 8, bank.id
    (True, 'sample')
    >>> print(bank.filter(element="cultural awareness", type="quiz"))
    Sample bank: one of each kind of exercise (sample): 1 item
    - sample-q03 (scenario, cultural awareness)
    """

    def __init__(self, id: str, title: str, items: Iterable[Item], source: str = "") -> None:
        self.id = id
        self.title = title
        self.items: tuple[Item, ...] = tuple(items)
        self.source = source
        self._by_id = {item.id: item for item in self.items}

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Item]:
        return iter(self.items)

    @property
    def ids(self) -> tuple[str, ...]:
        """The item ids, in order."""
        return tuple(item.id for item in self.items)

    def get(self, id: str) -> Item:
        """The item with this id.

        >>> load_bank("sample").get("sample-q99")
        Traceback (most recent call last):
        ...
        ValueError: The bank "sample" has no item "sample-q99". Its items are: sample-q01, sample-q02, ...
        """
        try:
            return self._by_id[id]
        except (KeyError, TypeError):
            raise ValueError(f'The bank "{self.id}" has no item "{id}". Its items are: '
                             f'{", ".join(self.ids) or "(none)"}.') from None

    def filter(self, type=None, element=None, lesson=None, level=None, ids=None, marker=None) -> "Bank":
        """The items that match every condition given; each condition takes one value or a list.

        ``type`` is an item type, or ``"quiz"`` for single, multiple and scenario questions;
        ``element`` may be written with spaces ("mutual respect"); ``marker`` keeps items that
        practise any of the markers given; ``ids`` keeps those items, in the order given.

        >>> bank = load_bank("sample")
        >>> [item.id for item in bank.filter(ids=["sample-sp01", "sample-q01"])]
        ['sample-sp01', 'sample-q01']
        >>> bank.filter(type="essay")
        Traceback (most recent call last):
        ...
        ValueError: "essay" is not a type; use one of single, multiple, scenario, drill, spotter, or "quiz" for the first three.
        """
        items = list(self.items)
        if ids is not None:
            wanted = [ids] if isinstance(ids, str) else list(ids)
            items = [self.get(i) for i in wanted]
        if type is not None:
            types = set()
            for t in _values(type):
                if t == "quiz":
                    types.update(QUIZ_TYPES)
                elif t in ITEM_TYPES:
                    types.add(t)
                else:
                    raise ValueError(f'"{t}" is not a type; use one of {", ".join(ITEM_TYPES)}, '
                                     'or "quiz" for the first three.')
            items = [i for i in items if i.type in types]
        if element is not None:
            elements = {_element(e) for e in _values(element)}
            items = [i for i in items if i.element in elements]
        if lesson is not None:
            lessons = set(_values(lesson))
            items = [i for i in items if i.lesson in lessons]
        if level is not None:
            levels = set(_values(level))
            items = [i for i in items if i.level in levels]
        if marker is not None:
            markers = {_marker(m) for m in _values(marker)}
            items = [i for i in items if markers & set(i.markers)]
        return Bank(self.id, self.title, items, self.source)

    def __repr__(self) -> str:
        return f"<Bank {self.id!r}: {len(self)} item{'' if len(self) == 1 else 's'}>"

    def __str__(self) -> str:
        lines = [f"{self.title} ({self.id}): {len(self)} item{'' if len(self) == 1 else 's'}"]
        lines += [f"- {i.id} ({i.type}, {i.element_name.lower()})" for i in self.items]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        import html
        rows = "".join(
            f"<tr><td>{html.escape(i.id)}</td><td>{i.type}</td><td>{i.element_name}</td>"
            f"<td>{', '.join(i.markers)}</td><td>{'' if i.lesson is None else i.lesson}</td><td>{i.level}</td></tr>"
            for i in self.items)
        return (f'<div class="trustlab-bank"><strong>{html.escape(self.title)}</strong> '
                f"({html.escape(self.id)}, {len(self)} items)<table><thead><tr><th>id</th><th>type</th>"
                f"<th>element</th><th>markers</th><th>lesson</th><th>level</th></tr></thead>"
                f"<tbody>{rows}</tbody></table></div>")


def _values(value) -> list:
    return [value] if isinstance(value, (str, int)) else list(value)


def _element(name) -> str:
    key = str(name).strip().lower().replace(" ", "_")
    if key not in ELEMENTS:
        raise ValueError(f'"{name}" is not an element; use one of {", ".join(ELEMENTS)}.')
    return key


def _marker(value) -> str:
    key = str(value)
    if key not in MARKER_IDS:
        raise ValueError(f'"{value}" is not a marker; use one of {", ".join(MARKER_IDS)}.')
    return key


# ---------------------------------------------------------------------------------------
# Loading


def available_banks() -> list[str]:
    """The names of the banks that ship with trustlab, for :func:`load_bank`.

    >>> "sample" in available_banks()
    True
    """
    if not SHIPPED.is_dir():
        return []
    return sorted(p.stem for p in SHIPPED.glob("*.yaml"))


# Parsed banks, by resolved path: (modification time, size, bank). A file that changes
# on disk is read again, so a school can edit its bank and reload it in the same session.
_parsed: dict[str, tuple[int, int, Bank]] = {}
# The item ids of every bank loaded so far, by bank id, with the file they came from.
_loaded: dict[str, tuple[str, frozenset[str]]] = {}


def load_bank(source) -> Bank:
    """Load a question bank: the name of a bank that ships with trustlab, or the path to
    your own YAML file (see ``docs/banks.md`` for the format).

    The file is checked as it is read; a mistake raises ``ValueError`` naming the file,
    the item and the field, and what is valid. Item ids must be unique across all the
    banks loaded in a session (loading a newer version of the same bank is fine).

    >>> load_bank("sample").id
    'sample'
    >>> load_bank("no_such_bank")
    Traceback (most recent call last):
    ...
    ValueError: There is no bank called "no_such_bank". The banks that come with trustlab are: ...
    """
    path, label = _locate(source)
    try:
        stat = path.stat()
    except OSError as err:
        raise ValueError(f"{label}: the file cannot be read ({err.strerror or err}).") from None
    key = str(path)
    cached = _parsed.get(key)
    if cached and cached[:2] == (stat.st_mtime_ns, stat.st_size):
        bank = cached[2]
    else:
        bank = _parse(_read(path, label), label, str(path))
        _parsed[key] = (stat.st_mtime_ns, stat.st_size, bank)
    _register(bank, label)
    return bank


def _locate(source) -> tuple[Path, str]:
    """The file to read and the name to report it by."""
    if isinstance(source, Path):
        path = source
    elif isinstance(source, str):
        shipped = available_banks()
        if source in shipped:
            return SHIPPED / f"{source}.yaml", f"{source}.yaml"
        looks_like_path = "/" in source or "\\" in source or source.lower().endswith((".yaml", ".yml"))
        if not looks_like_path:
            raise ValueError(
                f'There is no bank called "{source}". The banks that come with trustlab are: '
                f'{", ".join(shipped) or "(none)"}. To load your own bank, give the path to its file, '
                f'for example load_bank("my_bank.yaml").')
        path = Path(source)
        if not path.exists() and path.name == source and path.stem in shipped:
            return SHIPPED / f"{path.stem}.yaml", f"{path.stem}.yaml"  # "sample.yaml" for the shipped "sample"
    else:
        raise TypeError(f"load_bank needs the name of a bank or the path to a YAML file (text), "
                        f"not {type(source).__name__}.")
    path = path.expanduser()
    if not path.is_file():
        raise ValueError(f'There is no file "{path}". Check the name and the folder; '
                         f"the banks that come with trustlab are: {', '.join(available_banks()) or '(none)'}.")
    return path.resolve(), path.name


def _read(path: Path, label: str):
    import yaml  # loaded lazily: keeps `import trustlab` fast

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ValueError(f"{label}: the file is not UTF-8 text. Save it as UTF-8 and load it again.") from None
    except OSError as err:
        raise ValueError(f"{label}: the file cannot be read ({err.strerror or err}).") from None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: about 10 times faster
    try:
        return yaml.load(text, Loader=loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f", line {mark.line + 1}" if mark is not None else ""
        problem = " ".join(str(p) for p in (err.context, err.problem) if p)
        raise ValueError(f"{label}{where}: this is not valid YAML ({problem}). Check the indentation, "
                         "the dashes and the quotation marks on that line and the one before.") from None
    except yaml.YAMLError as err:
        raise ValueError(f"{label}: this is not valid YAML ({err}).") from None


def _register(bank: Bank, label: str) -> None:
    """Refuse a bank whose item ids are already used by another loaded bank."""
    ids = frozenset(bank.ids)
    for other_id, (other_label, other_ids) in _loaded.items():
        if other_id == bank.id:
            continue  # a newer version of the same bank replaces the old one
        clash = ids & other_ids
        if clash:
            first = next(i for i in bank.ids if i in clash)
            raise ValueError(
                f'{label}, item "{first}", field "id": the id "{first}" is already used in the bank '
                f'"{other_id}" ({other_label}). Ids must be unique across all loaded banks: '
                f"give this item an id of its own, for example one that starts with the bank's name.")
    _loaded[bank.id] = (label, ids)


# ---------------------------------------------------------------------------------------
# Checking a bank against the format in docs/banks.md


def _describe(value) -> str:
    """A value as a learner would recognise it in their file."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    return str(value)


class _Checker:
    """Builds the error messages for one file."""

    def __init__(self, label: str) -> None:
        self.label = label

    def fail(self, message: str, item=None, field: str | None = None):
        where = [self.label]
        if item is not None:
            where.append(item)
        if field is not None:
            where.append(f'field "{field}"')
        raise ValueError(f"{', '.join(where)}: {message}")


def _parse(data, label: str, source: str) -> Bank:
    check = _Checker(label)
    if data is None:
        check.fail('the file is empty. A bank starts with "bank:", "title:" and "items:" (see docs/banks.md).')
    if not isinstance(data, dict):
        check.fail('a bank file must start with "bank:", "title:" and "items:" (see docs/banks.md), '
                   f"not {_describe(data)}.")
    for key in data:
        if key not in ("bank", "title", "items"):
            check.fail(f'"{key}" is not a field of a bank; a bank has bank, title and items.')
    bank_id = data.get("bank")
    if bank_id is None:
        check.fail('missing. Give the bank an id such as "psychological_safety" '
                   "(lower case, digits and underscores).", field="bank")
    if not isinstance(bank_id, str) or not _BANK_ID.match(bank_id):
        check.fail(f"{_describe(bank_id)} is not a valid bank id; use lower case letters, digits "
                   'and underscores, such as "psychological_safety".', field="bank")
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        check.fail(f"{'missing' if title is None else _describe(title) + ' is not a title'}. "
                   'Give the bank a title in quotes, such as "Psychological safety".', field="title")
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        check.fail(f"{'missing' if raw_items is None else 'must be a list of items, not ' + _describe(raw_items)}. "
                   'List the items under "items:", each starting with "- id:".', field="items")
    items, seen = [], {}
    for number, raw in enumerate(raw_items, start=1):
        item = _parse_item(raw, number, bank_id, check)
        if item.id in seen:
            check.fail(f'the id "{item.id}" is used by items {seen[item.id]} and {number}; '
                       "give each item an id of its own.", f'item "{item.id}"', "id")
        seen[item.id] = number
        items.append(item)
    return Bank(bank_id, title.strip(), items, source)


def _parse_item(raw, number: int, bank_id: str, check: _Checker) -> Item:
    if not isinstance(raw, dict):
        check.fail(f'each item is a set of fields starting with "- id:", not {_describe(raw)}.', f"item {number}")
    item_id = raw.get("id")
    if item_id is None:
        check.fail('missing. Every item needs an id such as "ps-q01" (lower case, digits, - and _).',
                   f"item {number} (it has no id)", "id")
    if not isinstance(item_id, str) or not _ITEM_ID.match(item_id):
        check.fail(f'{_describe(item_id)} is not a valid id; use lower case letters, digits, - and _, '
                   'such as "ps-q01".', f"item {number}", "id")
    where = f'item "{item_id}"'

    def fail(message: str, field_: str | None = None):
        check.fail(message, where, field_)

    kind = raw.get("type")
    if kind not in ITEM_TYPES:
        fail(f"{'missing' if kind is None else _describe(kind) + ' is not a type'}; "
             f"use one of {', '.join(ITEM_TYPES)}.", "type")
    allowed = _FIELDS[kind]
    for key in raw:
        if key not in allowed:
            fail(f"this is not a field of a {kind} item; its fields are {', '.join(allowed)}.", str(key))
    element = raw.get("element")
    if element not in ELEMENTS:
        fail(f"{'missing' if element is None else _describe(element) + ' is not an element'}; "
             f"use one of {', '.join(ELEMENTS)}.", "element")

    common = dict(id=item_id, type=kind, element=element, bank=bank_id,
                  markers=_choices(raw, "markers", MARKER_IDS, "marker", fail, required=kind == "spotter"),
                  lesson=_whole(raw, "lesson", _LESSONS, None, fail),
                  level=_whole(raw, "level", _LEVELS, 1, fail))
    if kind in QUIZ_TYPES:
        return QuizItem(**common, prompt=_text(raw, "prompt", fail, kind),
                        options=_options(raw, kind, fail),
                        client=_text(raw, "client", fail, kind, required=kind == "scenario"))
    if kind == "drill":
        return DrillItem(**common, original=_text(raw, "original", fail, kind),
                         context=_text(raw, "context", fail, kind, required=False),
                         hints=_texts(raw, "hints", fail, 'a hint, such as "Start with \'What\' instead of \'Why\'."'),
                         models=_texts(raw, "models", fail, "a model rewrite that passes trustlab.check_rewrite"))
    return SpotterItem(**common, coach=_text(raw, "coach", fail, kind),
                       client=_text(raw, "client", fail, kind, required=False),
                       red_flags=_choices(raw, "red_flags", FLAG_IDS, "red flag", fail, required=True),
                       explanation=_text(raw, "explanation", fail, kind))


def _text(raw: dict, key: str, fail, kind: str, required: bool = True) -> str:
    value = raw.get(key)
    if value is None:
        if required:
            fail(f"missing. A {kind} item needs a {key}: {_MEANING.get(key, 'some text')}.", key)
        return ""
    if not isinstance(value, str):
        fail(f'must be text in quotes, not {_describe(value)}.', key)
    if required and not value.strip():
        fail(f"is empty. Write {_MEANING.get(key, 'some text')}.", key)
    return value.strip()


def _texts(raw: dict, key: str, fail, example: str) -> tuple[str, ...]:
    value = raw.get(key)
    if not isinstance(value, list) or not value:
        state = "missing" if value is None else f"must be a list, not {_describe(value)}"
        fail(f'{state}. Give at least one, each on its own line starting with "- ": {example}.', key)
    for n, entry in enumerate(value, start=1):
        if not isinstance(entry, str) or not entry.strip():
            fail(f"entry {n} must be text in quotes, not {_describe(entry)}.", key)
    return tuple(v.strip() for v in value)


def _choices(raw: dict, key: str, valid: tuple[str, ...], what: str, fail, required: bool) -> tuple[str, ...]:
    value = raw.get(key)
    example = '["4.1", "4.3"]' if key == "markers" else '["why_question"]'
    if value is None:
        if required:
            fail(f"missing. List the {what}s this item shows, such as {example}, or [] for none.", key)
        return ()
    if not isinstance(value, list):
        fail(f"must be a list such as {example}, not {_describe(value)}.", key)
    out = []
    for entry in value:
        # YAML reads an unquoted 4.1 as a number; accept it as the marker "4.1".
        name = str(entry) if isinstance(entry, (str, float)) and not isinstance(entry, bool) else None
        if name not in valid:
            fail(f'{_describe(entry)} is not a {what}; use one of {", ".join(valid)}.', key)
        if name in out:
            fail(f'"{name}" is listed twice.', key)
        out.append(name)
    return tuple(out)


def _whole(raw: dict, key: str, valid, default, fail):
    value = raw.get(key, default)
    if value is default:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or value not in valid:
        fail(f"must be a whole number from {valid[0]} to {valid[-1]}, not {_describe(value)}.", key)
    return value


def _and(numbers: list[int]) -> str:
    """1, 2 and 3."""
    words = [str(n) for n in numbers]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _options(raw: dict, kind: str, fail) -> tuple[Option, ...]:
    value = raw.get("options")
    if not isinstance(value, list) or not _MIN_OPTIONS <= len(value) <= _MAX_OPTIONS:
        state = ("missing" if value is None else
                 f"has {len(value)} option{'' if len(value) == 1 else 's'}" if isinstance(value, list)
                 else f"must be a list, not {_describe(value)}")
        fail(f"{state}. Give {_MIN_OPTIONS} to {_MAX_OPTIONS} options, each with text, correct and why.",
             "options")
    options = []
    for n, opt in enumerate(value, start=1):
        if not isinstance(opt, dict):
            fail(f'option {n} must have the fields text, correct and why, not {_describe(opt)}.', "options")
        for key in opt:
            if key not in _OPTION_FIELDS:
                fail(f'option {n}: "{key}" is not a field of an option; use text, correct and why.', "options")
        for key in ("text", "why"):
            text = opt.get(key)
            if not isinstance(text, str) or not text.strip():
                state = "is missing its" if text is None else "needs text in quotes for its"
                fail(f'option {n} {state} "{key}"'
                     + (": the explanation shown once the learner has chosen." if key == "why" else "."),
                     "options")
        correct = opt.get("correct")
        if not isinstance(correct, bool):
            fail(f'option {n}: "correct" must be true or false, not {_describe(correct)}.', "options")
        options.append(Option(opt["text"].strip(), correct, opt["why"].strip()))
    texts = [o.text for o in options]
    for n, text in enumerate(texts, start=1):
        if texts.index(text) != n - 1:
            fail(f"options {texts.index(text) + 1} and {n} have the same text; every option needs its own.",
                 "options")
    right = [n for n, o in enumerate(options, start=1) if o.correct]
    if kind in ("single", "scenario") and len(right) != 1:
        has = "none" if not right else f"{len(right)} (options {_and(right)})"
        fail(f"a {kind} question needs exactly one option with correct: true; this one has {has}.", "options")
    if kind == "multiple" and not right:
        fail("a multiple question needs at least one option with correct: true; this one has none.", "options")
    return tuple(options)
