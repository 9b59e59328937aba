"""A session review as one self-contained HTML file, to read, print or keep.

:func:`write_report` writes the review, its three charts (embedded as PNG images inside
the file) and a privacy note. The page loads nothing from anywhere: no scripts, no
fonts, no style sheets, no images from the web; every word from the transcript is
escaped, so a transcript cannot inject markup.

>>> from trustlab.transcripts import Transcript, Turn
>>> from trustlab.review import review
>>> page = report_html(review(Transcript((Turn("Coach", "What <b>matters</b>?"), Turn("Client", "Rest.")))),
...                    charts=False)
>>> page.startswith("<!DOCTYPE html>"), "<b>matters" in page, "&lt;b&gt;matters" in page
(True, False, True)
"""

from __future__ import annotations

import base64
import html
import os
from pathlib import Path

__all__ = ["report_html", "write_report", "PRIVACY_NOTE"]

PRIVACY_NOTE = ("This report was made on your own computer by trustlab. Nothing from the session "
                "left the machine: no transcript, name or figure was sent anywhere, and the page "
                "loads nothing from the internet. Keep it as you would keep session notes.")

_CHART_TITLES = {
    "share_of_voice": "Share of voice: each speaker's share of the words, with the coach's 20-30% "
                      "rule of thumb shaded.",
    "share_of_voice_timed": "Share of voice: each speaker's share of the words (plain bars) and of the "
                            "speaking time (hatched bars), with the coach's 20-30% rule of thumb shaded.",
    "timeline": "Timeline of the session: PCC marker evidence, red flags and the client's "
                "disclosures, one row each, told apart by shape.",
    "question_mix": "The coach's questions: open, closed, \"why\", leading, and turns with stacked questions.",
}

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
       color: #1d1d1d; background: #ffffff; max-width: 60rem; margin: 2rem auto; padding: 0 1.2rem;
       line-height: 1.5; font-size: 16px; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.3rem; border-bottom: 1px solid #cccccc; padding-bottom: 0.2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-top: 1.6rem; }
table { border-collapse: collapse; margin: 0.6rem 0; width: 100%; font-size: 0.92rem; }
th, td { border: 1px solid #bbbbbb; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
q { font-style: italic; }
figure { margin: 1.2rem 0; page-break-inside: avoid; break-inside: avoid; }
figure img { max-width: 100%; height: auto; border: 1px solid #dddddd; }
figcaption { font-size: 0.9rem; color: #444444; }
.note { border-left: 4px solid #555555; background: #f6f6f6; padding: 0.6rem 0.9rem; margin: 1rem 0; }
.small { font-size: 0.85rem; color: #444444; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { page-break-after: avoid; break-after: avoid; }
  tr, li { page-break-inside: avoid; break-inside: avoid; }
  .note { background: none; }
}
"""


def _charts_html(review) -> str:
    try:
        from .review_charts import charts, png_bytes

        figures = charts(review)
    except ImportError:
        return ('<p class="note">The charts need matplotlib, which is not installed here '
                "(<code>pip install matplotlib</code>). Everything else is below.</p>")
    out = []
    for name, figure in figures.items():
        data = base64.b64encode(png_bytes(figure)).decode("ascii")
        key = f"{name}_timed" if name == "share_of_voice" and review.time_share is not None else name
        caption = html.escape(_CHART_TITLES.get(key, name))
        out.append(f'<figure><img src="data:image/png;base64,{data}" alt="{caption}">'
                   f"<figcaption>{caption}</figcaption></figure>")
    return "".join(out)


def report_html(review, charts: bool = True) -> str:
    """The whole report as one HTML page (a ``str``). ``charts=False`` leaves the charts out."""
    esc = html.escape
    title = f"Session review: {review.source}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{esc(title)}</h1>",
        '<p class="small">ICF Core Competency 4, "Cultivates Trust and Safety": what the words of this '
        "session show, read by the trustlab engine. The engine points at evidence; it does not grade, "
        "and markers are not a checklist. It follows the ICF Core Competencies (2019) and PCC Markers "
        "(2020); check the current ICF documents before an assessment.</p>",
        f'<p class="note">{esc(PRIVACY_NOTE)}</p>',
    ]
    if charts:
        parts.append("<h2>Charts</h2>" + _charts_html(review))
    parts.append("<h2>The review</h2>")
    parts.append(review.to_html(heading_level=3))
    parts.append("</body></html>")
    return "\n".join(parts)


def write_report(review, path: str | os.PathLike, charts: bool = True) -> Path:
    """Write the review as a self-contained HTML file at *path* and return the path.

    Folders on the way are created. The file holds everything it shows (charts as
    embedded PNG images, styles inline) and loads nothing from the internet.

    >>> import tempfile, pathlib
    >>> from trustlab.transcripts import Transcript, Turn
    >>> from trustlab.review import review
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "review.html"
    >>> write_report(review(Transcript((Turn("Coach", "What matters?"), Turn("Client", "Rest.")))), out,
    ...              charts=False).name
    'review.html'
    """
    target = Path(path)
    if target.is_dir():
        raise ValueError(f"{target} is a folder: give the name of the HTML file to write, like {target / 'review.html'}.")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(report_html(review, charts=charts), encoding="utf-8")
    return target
