"""trustlab: practise ICF Core Competency 4, "Cultivates Trust and Safety".

The engine reads a coach's words and says, with reasons, what they show:

>>> import trustlab
>>> trustlab.classify_question("I'm curious what you make of that.")
'open'

Names are loaded on first use, so ``import trustlab`` stays fast and never pulls in
ipywidgets or matplotlib.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# public name -> the module that defines it
_EXPORTS = {
    "classify_question": "questions",
    "explain_question": "questions",
    "find_questions": "questions",
    "Finding": "findings",
    "check_rewrite": "rewrite",
    "Feedback": "feedback",
    "detect_markers": "markers",
    "find_markers": "markers",
    "red_flags": "flags",
    "find_red_flags": "flags",
    "read_transcript": "transcripts",
    "Transcript": "transcripts",
    "Turn": "transcripts",
    "Review": "review",
    "redact": "redaction",
    "write_report": "report",
    "load_bank": "banks",
    "available_banks": "banks",
    "Bank": "banks",
    "Quiz": "quizzes",
    "Drill": "drills",
    "Spotter": "spotting",
    "progress": "charts",
    "mastery_chart": "charts",
    "quiz": "views",
    "drill": "views",
    "spot": "views",
    "reflect": "journal",
    "journal_entries": "journal",
    "export_journal": "journal",
    "sample_session": "sessions",
    "sample_sessions": "sessions",
    "share_of_voice_chart": "review_charts",
    "timeline_chart": "review_charts",
    "question_mix_chart": "review_charts",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"trustlab has no attribute {name!r}. It offers: {', '.join(__all__)}.")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
