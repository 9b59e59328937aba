"""Sample coaching sessions shipped with trustlab, to open without knowing where they live.

Lesson 7 reviews a whole session. So that a learner can practise before using a session of
their own, trustlab ships invented sessions (original dialogue, written for this project;
the people in them do not exist):

==========================  ==================================================================
``zoom_team_lead.vtt``      A Zoom WebVTT transcript, about 46 minutes. Hélène Marchand coaches
                            Wanjiru Kamau, a new team lead in Nairobi, before a hard talk with
                            a former peer. Good moments and some slips on purpose.
``otter_phd_extension.txt`` An Otter export, about 9 minutes. Sipho Dlamini coaches Aigerim
                            Bekova, a doctoral researcher in Leipzig, on asking her supervisor
                            for more time. The coach talks a lot.
==========================  ==================================================================

>>> sample_sessions()
['otter_phd_extension.txt', 'zoom_team_lead.vtt']
>>> sample_session("zoom_team_lead").name
'zoom_team_lead.vtt'

Give the name with or without its ending. Read the file with
:func:`trustlab.read_transcript`, which accepts the path as it is returned.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["sample_session", "sample_sessions", "SESSIONS"]

#: The folder holding the sample sessions (packaged as ``trustlab/data/sessions``).
SESSIONS = Path(__file__).resolve().parent / "data" / "sessions"
_ENDINGS = (".vtt", ".srt", ".txt", ".csv")


def sample_sessions() -> list[str]:
    """The file names of the shipped sample sessions, in alphabetical order.

    Only transcript files count (.vtt, .srt, .txt, .csv).

    >>> "zoom_team_lead.vtt" in sample_sessions()
    True
    """
    if not SESSIONS.is_dir():
        return []
    return sorted(p.name for p in SESSIONS.iterdir()
                  if p.is_file() and p.suffix.lower() in _ENDINGS and not p.name.startswith("."))


def sample_session(name: str) -> Path:
    """The path of the shipped sample session called *name*, with or without its ending.

    Case does not matter, and spaces around the name are ignored. An unknown name raises
    ``ValueError`` listing the names there are.

    >>> sample_session("Otter_PhD_Extension.txt").name
    'otter_phd_extension.txt'
    >>> sample_session("my_session")
    Traceback (most recent call last):
    ...
    ValueError: There is no sample session called 'my_session'. The samples are: otter_phd_extension.txt, zoom_team_lead.vtt.
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be a text such as \"zoom_team_lead.vtt\", not {type(name).__name__}.")
    wanted = name.strip().lower()
    names = sample_sessions()
    for found in names:
        low = found.lower()
        if wanted in (low, low.rsplit(".", 1)[0]):
            return SESSIONS / found
    shipped = ", ".join(names) or "none (the sessions folder is missing from this installation)"
    raise ValueError(f"There is no sample session called {name!r}. The samples are: {shipped}.")
