"""What a question is about, and whether a rewrite keeps to it.

A coach rewording a client's question may use other words for the same subject
("handover" for "transition", "manager" for "boss"). Words are compared after light
stemming and through groups of related words kept in ``trustlab/data/topics.yaml``,
which a trainer can extend without touching Python. A rewrite is called off topic only
when it clearly names another subject we recognise: a word we do not know may be the
client's own word for the same thing.

>>> same_topic("Will the transition work?", "How might the handover go for you?")
True
>>> topic_of("Is your boss fair?")
'your boss'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from .text import clean, require_text, stem, words

__all__ = ["same_topic", "shares_words", "topic_of"]

_DATA = "topics"

# A name said to the client ("Rahul, ..." or "..., Mei?") is not part of the topic.
_VOCATIVE = re.compile(r"(?:^|(?<=[.!?]\s))[A-Z][a-z]+,\s+|,\s*[A-Z][a-z]+(?=\s*[?.!]|\s*$)")
_TIME_PREPOSITION = {"during", "over", "since", "until", "till", "before", "after", "throughout", "in", "on", "at", "by",
                     "for", "around", "within", "when", "whenever", "from"}
# "that time", "another week", "those days": a pointer makes a time word a when.
_TIME_POINTER = {"this", "last", "next", "every", "each", "these", "past", "coming", "another", "that", "those"}
# Words that count or place a time without changing what it is: "these first months",
# "the last few weeks", "a couple of days". They are looked past to find the frame.
_TIME_COUNT = {"first", "few", "couple", "of", "whole", "early", "recent", "same", "two", "three", "several"}
_POSSESSIVE = {"my", "your", "our", "their", "his", "her"}
_DETERMINER = {"the", "your", "my", "his", "her", "their", "our", "this", "that", "these", "those"}
# Word shapes that end a noun phrase: "your partner supportive", "the layoffs catch you",
# "your startup run out", "your new diet working".
_NOT_NOUN = ("ing", "ive", "ful", "ous", "able", "ible", "ly", "ed")
_AFTER_VERB = {"you", "me", "him", "her", "them", "us", "it", "yourself", "out", "off", "up", "down", "away", "back"}
_RAW_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*", re.I)  # the same words as text.words, case kept
_MODIFIERS = {"new", "old", "next", "first", "last", "current", "whole", "big", "small"}
# "that decision", "this new role": a thing pointed at has already been talked about.
_DEMONSTRATIVE = {"this", "that", "these", "those"}


def _key(word: str) -> str:
    """Stem a word for comparing topics: "moving" and "move" both give "mov"."""
    if word.endswith("'s"):
        word = word[:-2]
    if word.endswith(("eer", "eers")):  # "career", "volunteers": not "care" plus an ending
        return word.rstrip("s")
    key = stem(word)
    if len(key) >= 4 and key.endswith("e"):
        key = key[:-1]
    return key


# Endings that make a related word from a stem: "board"/"boardroom", "friend"/"friendship".
_DERIVED = ("ship", "ership", "hood", "room", "ial", "al", "ism", "ist", "ity", "ful", "less",
            "ic", "ical", "ison", "ive", "ure", "ance", "ence", "ary", "ian")


def _same_key(a: str, b: str) -> bool:
    """Do two keys name the same word, allowing a derived form ("board"/"boardroom")?"""
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 4 and long.startswith(short) and long[len(short):] in _DERIVED


def _is_time_frame(before: list[str]) -> bool:
    """Do these words (just before a time word) make it a when: "during the", "this", "on",
    "these first"?"""
    while len(before) > 1 and before[-1] in _TIME_COUNT:
        before = before[:-1]
    if not before:
        return False
    last = before[-1]
    if last in _TIME_POINTER:
        return len(before) < 2 or before[-2] not in _POSSESSIVE  # "your next holiday" is a subject
    if last in _TIME_PREPOSITION:
        return True
    return last in {"the", *_POSSESSIVE} and len(before) >= 2 and before[-2] in _TIME_PREPOSITION


def _opens_sentence(text: str, at: int) -> bool:
    """Does the word starting at *at* open a sentence (so its capital letter says nothing)?"""
    for j in range(at - 1, -1, -1):
        if text[j] in '.!?:;"':
            return True
        if text[j].isalnum():
            return False
    return True


def _points_back(tokens: list[str], i: int) -> bool:
    """Is the word at *i* pointed at ("that decision", "this new role")? Then it names
    something already said, most likely the original's subject in other words."""
    before = tokens[max(0, i - 2):i]
    if before and before[-1] in _MODIFIERS:
        before = before[:-1]
    return bool(before) and before[-1] in _DEMONSTRATIVE


def _describes_next(tokens: list[str], i: int, t: "_Topics") -> bool:
    """Does the word at *i* only describe the word after it ("the fast roads", "the single
    reason", "the kids' team"), or say where ("at home")? Then it does not name a subject
    of its own."""
    if i == 0:
        return False
    if tokens[i - 1] == "at":
        return True  # a place, not a subject: "left the laptop at home"
    if i + 1 >= len(tokens):
        return False
    after, before = tokens[i + 1], tokens[i - 1]
    return (before in _DETERMINER or before in {"a", "an"} or before in _MODIFIERS) and after not in t.ignore \
        and after not in t.time_words and not after.endswith(_NOT_NOUN) and t.groups_of(_key(after)) == set()


def _word_set(lines: list) -> set[str]:
    return {w.strip().lower() for line in lines for w in str(line).split(",") if w.strip()}


class _Topics:
    """The related-word groups from topics.yaml, indexed for quick lookup."""

    def __init__(self) -> None:
        data = lexicon.load(_DATA)
        groups, ignore = data.get("groups"), data.get("ignore")
        if not isinstance(groups, list) or not isinstance(ignore, list):
            raise ValueError('topics.yaml must hold two lists, "groups" and "ignore", of quoted strings.')
        self.refers_back = lexicon.pattern(_DATA, "refers_back")
        self.frames = lexicon.pattern(_DATA, "frames")
        self.members: set[str] = set()  # every one-word member, as written
        self.ignore = _word_set(ignore)
        self.time_words = _word_set(data.get("time_words") or [])
        self.ambiguous = _word_set(data.get("ambiguous") or [])
        self.generic = _word_set(data.get("generic") or [])
        self.single: dict[str, set[int]] = {}
        self.by_prefix: dict[str, list[tuple[str, int]]] = {}
        self.multi: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        in_groups: dict[tuple[str, ...], set[int]] = {}
        for gid, line in enumerate(groups):
            if not isinstance(line, str):
                raise ValueError(f"topics.yaml: group {gid + 1} must be one comma-separated string, not {line!r}.")
            for member in line.split(","):
                keys = tuple(_key(w) for w in words(member))
                if keys:
                    in_groups.setdefault(keys, set()).add(gid)
                if len(keys) == 1:
                    self.members.add(member.strip().lower())
                    self.single.setdefault(keys[0], set()).add(gid)
                    if len(keys[0]) >= 4:
                        self.by_prefix.setdefault(keys[0][:4], []).append((keys[0], gid))
                elif keys:
                    self.multi.setdefault(keys[0], []).append((keys, gid))
        # Groups that share a word are neighbours: "tired" sits in both burnout and sleep,
        # so a question about sleep has not clearly left a question about burnout.
        self.neighbours: dict[int, set[int]] = {}
        for gids in in_groups.values():
            for gid in gids:
                self.neighbours.setdefault(gid, set()).update(gids)

    def groups_of(self, key: str) -> set[int]:
        """The groups a single word belongs to, allowing for longer forms of it."""
        found = set(self.single.get(key, ()))
        if len(key) >= 4:
            for member, gid in self.by_prefix.get(key[:4], ()):
                if _same_key(member, key):
                    found.add(gid)
        return found


@dataclass(frozen=True)
class _Topic:
    """The topic words of a text: stems of its content words, the related-word groups it
    touches, and the (start, end) word spans that touched them, in order."""

    keys: frozenset
    groups: frozenset
    spans: tuple
    # Does it name a person or place we do not know ("Sam", "Berlin")? Other words may
    # stand for them ("your partner", "moving abroad").
    unknown_name: bool
    # Does it name a subject we recognise: a word or phrase from a related-word group, or
    # a time taken as the subject ("your weekends")? An unknown word ("the announcement",
    # a name) may be the client's own word for the same thing, and an everyday word that
    # is also in a group ("stop", "late") can keep a subject but not start a new one.
    recognised: bool
    # Does it name a subject plainly enough to have moved to it? Stricter than
    # ``recognised``: not through a word that only describes the next one ("the fast
    # roads") or a generic action that fits any subject ("what made you quit?").
    names_subject: bool


_topics: _Topics | None = None


def _index() -> _Topics:
    global _topics
    if _topics is None:
        _topics = _Topics()
    return _topics


@lru_cache(maxsize=4096)
def _topic(text: str) -> _Topic:
    t = _index()
    text = t.frames.sub(" ", _VOCATIVE.sub(" ", clean(text)))
    tokens = words(text)
    keys = [_key(w) for w in tokens]
    raw = list(_RAW_WORD.finditer(text))
    if len(raw) != len(tokens):
        raw = []  # cannot line the words up with their capitals: look for no names
    unknown_name = False
    content, groups, spans = set(), set(), []
    time_subject = False
    named = set()  # groups reached through a topic word or phrase, not an everyday word
    heads = set()  # of those, the ones named by a word that does not only describe the next
    for i, key in enumerate(keys):
        for phrase, gid in t.multi.get(key, ()):
            if tuple(keys[i:i + len(phrase)]) == phrase:
                groups.add(gid)
                named.add(gid)
                if " ".join(tokens[i:i + len(phrase)]) not in t.generic:
                    heads.add(gid)
                spans.append((i, i + len(phrase)))
        if len(tokens[i]) < 2:
            continue
        if tokens[i] in t.time_words:
            away = i and tokens[i - 1] == "on" and tokens[i] in t.members  # "on holiday": being away
            if not away and _is_time_frame(tokens[max(0, i - 4):i]):
                continue  # "during the holidays", "this week": when it happens, not what it is about
            content.add(key)  # "your weekends", "a holiday tradition": the subject itself
            time_subject = True
        if tokens[i] in t.ignore:
            # An everyday word names a subject only as listed ("late", not "lately").
            found = t.single.get(key, set()) if tokens[i] in t.members else set()
        else:
            found = t.groups_of(key)
        if found:
            groups |= found
            spans.append((i, i + 1))
        if tokens[i] not in t.ignore:
            content.add(key)
            if tokens[i] not in t.ambiguous and not _points_back(tokens, i):
                named |= found
                if tokens[i] not in t.generic and not _describes_next(tokens, i, t):
                    heads |= found
            if not found and raw and raw[i].group(0)[0].isupper() and tokens[i] not in t.time_words:
                unknown_name = unknown_name or not _opens_sentence(text, raw[i].start())
    spans = sorted(set(spans), key=lambda s: (s[0], -s[1]))
    return _Topic(frozenset(content), frozenset(groups), tuple(spans), unknown_name, bool(named) or time_subject,
                  bool(heads) or time_subject)


def _shares_words(a: _Topic, b: _Topic) -> bool:
    return bool(a.groups & b.groups) or any(_same_key(x, y) for x in a.keys for y in b.keys)


def shares_words(original: str, rewrite: str) -> bool:
    """Do both texts name a subject in the same or related words? Stricter than
    :func:`same_topic`: a rewrite with no subject of its own does not count.

    >>> shares_words("Is your boss fair?", "What might help?")
    False
    """
    require_text(original, "original")
    require_text(rewrite, "rewrite")
    return _shares_words(_topic(original), _topic(rewrite))


def same_topic(original: str, rewrite: str) -> bool:
    """Does *rewrite* keep to the subject of *original*?

    A rewrite moves away only when that is clear: the original names a subject we
    recognise, the rewrite names a different one we recognise ("your commute", "your
    weekends"), they share no word or related word, the two are not neighbouring areas
    (groups in topics.yaml that share a word, such as burnout and sleep), and the rewrite
    does not point back to the original's subject ("tell her", "miss it?"). Anything less certain counts as
    on topic: a word we do not know ("the announcement", a name such as "Marco") may be
    the client's own word for the same thing, and telling a learner who paraphrased that
    they changed the subject does more harm than missing a drift.

    >>> same_topic("Will the transition work?", "How might the handover go for you?")
    True
    >>> same_topic("Is your boss fair?", "What might your manager notice?")
    True
    >>> same_topic("Why haven't you told your team?", "What might be holding the announcement back?")
    True
    >>> same_topic("Did you go to the gym this week?", "What could make this week restful?")
    False
    """
    require_text(original, "original")
    require_text(rewrite, "rewrite")
    a, b = _topic(original), _topic(rewrite)
    if _shares_words(a, b):
        return True
    if not a.recognised or a.unknown_name or not b.names_subject:
        return True  # one of the two subjects is unknown to us, so we cannot say they differ
    near = _index().neighbours
    if any(near.get(gid, set()) & b.groups for gid in a.groups):
        return True  # a neighbouring area (sleep for burnout): not clearly another subject
    return bool(_index().refers_back.search(clean(rewrite)))  # "miss it?", "tell her"


def _topic_phrase(original: str) -> tuple[str, bool]:
    """The words naming what *original* is about, and whether they form a noun phrase
    ("the report") rather than other words from the question ("quit smoking")."""
    t = _index()
    text = _VOCATIVE.sub(" ", clean(original))
    found = list(_RAW_WORD.finditer(text))
    raw = [m.group(0) for m in found]
    lower = [w.lower() for w in raw]

    def show(start: int, end: int) -> str:  # the words as written, hyphens and all
        return text[found[start].start():found[end - 1].end()]

    evaluative = set(lexicon.phrases(_DATA, "evaluative"))
    # First choice: a noun phrase after "the"/"your" ("the report", "your new manager").
    for i, word in enumerate(lower):
        if word not in _DETERMINER:
            continue
        end = i + 1
        while end < len(lower) and end - i <= 3 and (lower[end] not in t.ignore or lower[end] in _MODIFIERS):
            if end > i + 1 and (
                    (end + 1 < len(lower) and lower[end + 1] in _AFTER_VERB)
                    or (lower[end].endswith(_NOT_NOUN) and not t.groups_of(_key(lower[end])))):
                break  # "the layoffs catch you", "your partner supportive": the noun has ended
            end += 1
        while end > i + 1 and lower[end - 1] in _MODIFIERS:
            end -= 1
        picked = set(lower[i + 1:end])
        if picked and not picked & (evaluative | t.time_words) and picked - t.ignore:
            det = "your" if word == "my" else word
            return f"{det} {show(i + 1, end)}", True
    # Next: the words that named a known subject ("quit smoking", "burned out").
    spans = [(a, b) for a, b in _topic(original).spans
             if not (b - a == 1 and (lower[a] in t.ignore or lower[a].endswith("ed")))]
    if spans:
        start, end = spans[0]
        for a, b in spans[1:]:
            if a > end or max(end, b) - start > 3:
                break
            end = max(end, b)
        return show(start, end), False
    content = [raw[i] for i, w in enumerate(lower) if w not in t.ignore and len(w) > 1]
    return (content[0], False) if content else ("", False)


def topic_of(original: str) -> str:
    """A short phrase naming what *original* is about, for messages and examples: a noun
    phrase from the question ("the report"), or its key words in quotes ("quit smoking"),
    or "" when none can be found.

    >>> topic_of("Why didn't you finish the report on time?")
    'the report'
    >>> topic_of("Why can't you just quit smoking, Rahul?")
    '"quit smoking"'
    """
    require_text(original, "original")
    phrase, is_noun = _topic_phrase(original)
    return phrase if is_noun or not phrase else f'"{phrase}"'
