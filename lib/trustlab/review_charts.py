"""Charts of a session review: share of voice, a timeline of the session, the question mix.

Each function takes a :class:`~trustlab.review.Review` and returns a matplotlib
``Figure`` (nothing is shown or saved; Jupyter displays a returned figure by itself).
The charts read without colour: bars carry their numbers, and the timeline tells
markers, red flags and disclosures apart by shape, with a legend and axis labels.
matplotlib is imported only when a chart is drawn, so ``import trustlab`` stays fast.

>>> from trustlab.transcripts import Transcript, Turn
>>> from trustlab.review import review
>>> r = review(Transcript((Turn("Coach", "What would help?", 0, 2), Turn("Client", "Time to think.", 2, 5))))
>>> fig = share_of_voice_chart(r)
>>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
['Coach (coach)', 'Client']
>>> sorted(charts(r))
['question_mix', 'share_of_voice', 'timeline']
"""

from __future__ import annotations

from .figures import new_figure, png_bytes
from .markers import MARKER_IDS

__all__ = ["share_of_voice_chart", "timeline_chart", "question_mix_chart", "charts", "png_bytes"]

_INK = "#222222"
_SHADES = ("#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860")
# How each kind of event is drawn on the timeline, and what its row is called.
_ROW_NAMES = {"4.1": "acknowledges", "4.2": "support", "4.3": "welcomes", "4.4": "invites"}
_MARKER_STYLE = {"4.1": ("o", "4.1 acknowledges the client"), "4.2": ("s", "4.2 support, empathy"),
                 "4.3": ("^", "4.3 welcomes feelings, views"), "4.4": ("D", "4.4 invites a response")}
_DISCLOSURE_STYLE = {"acknowledged": ("P", "disclosure, acknowledged"), "dismissed": ("X", "disclosure, dismissed"),
                     "moved on": ("v", "disclosure, moved on"), "session ended": ("|", "disclosure, session ended")}
_FLAG_STYLE = ("x", "red flag (row names it)")


def _figure(width: float, height: float):
    fig = new_figure(figsize=(width, height), dpi=100, layout="constrained")
    return fig, fig.add_subplot()


def share_of_voice_chart(review):
    """Each speaker's share of the words (and of the time, when known), with the percentage
    written on each bar and the 20 to 30% rule-of-thumb range for the coach shaded.

    >>> from trustlab.transcripts import Transcript, Turn
    >>> from trustlab.review import review
    >>> fig = share_of_voice_chart(review(Transcript((Turn("A", "Why?"), Turn("B", "Because I said so.")))))
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['20%', '80%']
    """
    from .review import SHARE_BAND

    speakers = list(review.speakers)
    labels = [f"{s} (coach)" if s == review.coach else s for s in speakers]
    series = [("words", review.word_share, None)]
    if review.time_share is not None:
        series.append(("speaking time", review.time_share, "//"))
    fig, ax = _figure(9, 1.3 + 0.55 * len(speakers) * len(series))
    low, high = SHARE_BAND
    ax.axvspan(low * 100, high * 100, color="#999999", alpha=0.25, lw=0,
               label="coach's rule of thumb, 20-30%")
    height = 0.8 / len(series)
    for k, (name, shares, hatch) in enumerate(series):
        ys = [n + (k - (len(series) - 1) / 2) * height for n in range(len(speakers))]
        values = [100 * shares.get(s, 0.0) for s in speakers]
        ax.barh(ys, values, height=height * 0.9, color="white" if hatch else _SHADES[0],
                edgecolor=_INK, hatch=hatch, label=f"share of the {name}")
        for y, v in zip(ys, values):
            ax.text(v + 1, y, f"{round(v)}%", va="center", ha="left", color=_INK, fontsize=9)
    ax.set_yticks(range(len(speakers)), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 110)
    ax.set_xlabel("share of the session (%)")
    ax.set_title("Share of voice")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def _timed(review) -> bool:
    return review.duration is not None and all(
        m.start is not None for m in (*review.moments, *review.disclosures))


def timeline_chart(review):
    """The session from start to end: marker evidence, red flags and client disclosures,
    one labelled row each, told apart by shape (and named in the legend).

    The x axis is minutes into the session when the transcript has times, else turn
    numbers. Each red flag seen gets its own row, so the rows name them.

    >>> from trustlab.transcripts import Transcript, Turn
    >>> from trustlab.review import review
    >>> r = review(Transcript((Turn("Coach", "That sounds hard. Why now?"), Turn("Client", "It is."))))
    >>> ax = timeline_chart(r).axes[0]
    >>> ax.get_xlabel(), [t.get_text() for t in ax.get_yticklabels()]
    ('turn', ['4.1 acknowledges', '4.2 support', '4.3 welcomes', '4.4 invites', 'why question', 'disclosures'])
    """
    from .flags import FLAG_IDS

    timed = _timed(review)

    def x(turn: int, start: float | None) -> float:
        return start / 60 if timed else turn

    seen = {f.id for m in review.moments for f in m.flags}
    flags = [f for f in FLAG_IDS if f in seen] + sorted(seen - set(FLAG_IDS))
    rows = [*MARKER_IDS, *flags, "disclosure"]
    names = [_MARKER_STYLE[m][1].split(" ", 1)[0] + " " + _ROW_NAMES[m] for m in MARKER_IDS]
    names += [f.replace("_", " ") for f in flags] + ["disclosures"]
    row = {name: n for n, name in enumerate(rows)}
    fig, ax = _figure(9, 1.4 + 0.36 * len(rows))
    for marker in MARKER_IDS:
        xs = [x(m.turn, m.start) for m in review.moments if any(f.id == marker for f in m.markers)]
        shape, label = _MARKER_STYLE[marker]
        if xs:
            ax.scatter(xs, [row[marker]] * len(xs), marker=shape, s=46, facecolor="white",
                       edgecolor=_INK, linewidth=1.2, label=label, zorder=3)
    shape, label = _FLAG_STYLE
    for flag in flags:
        xs = [x(m.turn, m.start) for m in review.moments if any(f.id == flag for f in m.flags)]
        ax.scatter(xs, [row[flag]] * len(xs), marker=shape, s=56, color=_SHADES[3], linewidth=1.6,
                   label=label if flag == flags[0] else None, zorder=3)
    for response, (shape, label) in _DISCLOSURE_STYLE.items():
        xs = [x(d.turn, d.start) for d in review.disclosures if d.response == response]
        if xs:
            ax.scatter(xs, [row["disclosure"]] * len(xs), marker=shape, s=60, color=_INK,
                       linewidth=1.4, label=label, zorder=3)
    ax.set_yticks(range(len(rows)), names)
    ax.set_ylim(len(rows) - 0.4, -0.6)
    if flags:
        ax.axhspan(len(MARKER_IDS) - 0.5, len(MARKER_IDS) + len(flags) - 0.5, color="#eeeeee", lw=0, zorder=0)
    if timed:
        ax.set_xlim(0, max(review.duration / 60, 0.1) * 1.02)
        ax.set_xlabel("minutes into the session")
    else:
        from matplotlib.ticker import MaxNLocator

        ax.set_xlim(0, review.turns + 1)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel("turn")
    ax.grid(axis="x", color="#dddddd", lw=0.6)
    ax.set_title("Timeline: markers, red flags and the client's disclosures")
    handles, labels = ax.get_legend_handles_labels()
    if handles:
        ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=7.5, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def question_mix_chart(review):
    """How many questions were open, closed, "why" and leading, and how many turns stacked
    questions, as bars with the count written on each.

    >>> from trustlab.transcripts import Transcript, Turn
    >>> from trustlab.review import review
    >>> fig = question_mix_chart(review(Transcript((Turn("C", "What matters? Why now?"), Turn("K", "Family.")))))
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['2', '0', '1', '0', '1']
    """
    q = review.questions
    names = ["open", "closed", '"why"', "leading", "stacked\n(turns)"]
    values = [q.open, q.closed, q.why, q.leading, q.stacked]
    hatches = ["", "//", "..", "xx", "\\\\"]
    fig, ax = _figure(6, 3)
    bars = ax.bar(names, values, color=["white"] * len(values), edgecolor=_INK, hatch=hatches)
    bars[0].set_facecolor(_SHADES[2])
    top = max(values + [1])
    for bar, v in zip(bars, values):
        ax.text(bar.get_x() + bar.get_width() / 2, v + top * 0.02, str(v), ha="center", va="bottom", fontsize=9)
    ax.set_ylim(0, top * 1.18)
    ax.set_ylabel("questions")
    ax.set_title("The coach's questions")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def charts(review) -> dict:
    """All three charts, by name: ``share_of_voice``, ``timeline``, ``question_mix``."""
    return {"share_of_voice": share_of_voice_chart(review), "timeline": timeline_chart(review),
            "question_mix": question_mix_chart(review)}
