"""Word lists and patterns, loaded once from the YAML files in ``trustlab/data``.

Keeping them as data means a trainer can add a phrase without touching Python.
Each file is read on first use and cached; patterns are compiled then.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from importlib import resources

__all__ = ["Caseless", "alternation", "caseless", "load", "pattern", "phrases"]


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """Return the parsed contents of ``trustlab/data/<name>.yaml``."""
    import yaml  # loaded lazily: keeps `import trustlab` fast

    path = resources.files("trustlab") / "data" / f"{name}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(f"The word list {name}.yaml is missing from trustlab/data.") from None
    if not isinstance(data, dict):
        raise ValueError(f"{name}.yaml must hold a mapping of list names to lists, not {type(data).__name__}.")
    return data


def _entries(name: str, key: str) -> list[str]:
    data = load(name)
    if key not in data:
        raise ValueError(f'{name}.yaml has no list "{key}". It has: {", ".join(sorted(data))}.')
    value = data[key]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f'{name}.yaml: "{key}" must be a list of strings.')
    return value


@lru_cache(maxsize=None)
def phrases(name: str, key: str) -> tuple[str, ...]:
    """The plain entries of one list, lower-cased."""
    return tuple(v.lower() for v in _entries(name, key))


@lru_cache(maxsize=None)
def alternation(name: str, key: str) -> str:
    """The entries of one list joined as a regex alternation, to build larger patterns from."""
    return "|".join(f"(?:{v})" for v in _entries(name, key))


@lru_cache(maxsize=None)
def pattern(name: str, key: str, anchor: str = "", ignore_case: bool = True,
            words: tuple[tuple[str, str], ...] = ()) -> re.Pattern:
    """One compiled regex matching any entry of a list, case-insensitive by default.

    Entries are regular expressions; ``anchor`` is put in front of the alternation
    (``"^"`` to match at the start only). Word boundaries are added on both sides.
    With ``ignore_case=False`` the caller matches lower-cased text, which is much faster.
    ``words`` pairs a placeholder with another list of the same file: each ``<placeholder>``
    in the entries stands for that whole list, so one word list ("hard", "gruelling")
    serves every frame that uses it and a trainer adds a word once.
    """
    body = alternation(name, key)
    for placeholder, list_key in words:
        body = body.replace(f"<{placeholder}>", alternation(name, list_key))
    try:
        return re.compile(rf"{anchor}\b(?:{body})\b", re.I if ignore_case else 0)
    except re.error as err:
        raise ValueError(f'{name}.yaml: a pattern in "{key}" is not a valid regular expression: {err}') from None


class Caseless:
    """A case-insensitive pattern, matched on lower-cased text: several times faster than
    ``re.I`` on long alternations. Matches are taken again on the original text, so
    quotes keep the coach's own capitals.
    """

    __slots__ = ("caseless", "lower")

    def __init__(self, pattern: re.Pattern) -> None:
        self.caseless = pattern
        self.lower = re.compile(pattern.pattern, pattern.flags & ~re.I)

    def _on_original(self, text: str, m: re.Match | None, pos: int, endpos: int) -> re.Match | None:
        if m is None:
            return None
        # the same pattern, at the same place, finds the same words in the original
        return self.caseless.match(text, m.start(), endpos) or self.caseless.search(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        low = text.lower()
        if len(low) != len(text):  # a rare letter whose lower case is longer
            return self.caseless.search(text, pos, endpos)
        return self._on_original(text, self.lower.search(low, pos, endpos), pos, endpos)

    def finditer(self, text: str):
        low = text.lower()
        if len(low) != len(text):
            yield from self.caseless.finditer(text)
            return
        for m in self.lower.finditer(low):
            yield self.caseless.match(text, m.start()) or m


def caseless(patterns: object) -> None:
    """Turn every case-insensitive pattern held by *patterns* into a :class:`Caseless` one."""
    for name, value in vars(patterns).items():
        if isinstance(value, re.Pattern) and value.flags & re.I:
            setattr(patterns, name, Caseless(value))
