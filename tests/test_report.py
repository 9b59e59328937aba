"""Tests for trustlab.report: the self-contained HTML report of a session review."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from trustlab.report import PRIVACY_NOTE, report_html, write_report
from trustlab.review import review
from trustlab.transcripts import Transcript, Turn, read_transcript

SAMPLES = Path(__file__).resolve().parent / "data" / "review"
# Anything that would make the page fetch from elsewhere.
_EXTERNAL = re.compile(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//|@import""", re.I)


@pytest.fixture(scope="module")
def priya():
    return review(read_transcript(SAMPLES / "priya_and_leo.vtt"))


def test_the_report_is_one_self_contained_file(priya, tmp_path):
    """Does write_report write one HTML file that embeds its charts and loads nothing from outside?"""
    pytest.importorskip("matplotlib")
    path = write_report(priya, tmp_path / "reports" / "priya.html")
    page = path.read_text(encoding="utf-8")
    assert path.name == "priya.html"
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert page.count('<img src="data:image/png;base64,') == 3
    assert not _EXTERNAL.search(page)
    assert "http://" not in page and "https://" not in page
    assert "<script" not in page and "<link" not in page


def test_the_report_says_nothing_left_the_machine(priya):
    """Is the privacy note in the page?"""
    page = report_html(priya, charts=False)
    assert PRIVACY_NOTE in page
    assert "Nothing from the session left the machine" in PRIVACY_NOTE


def test_the_report_holds_the_review(priya):
    """Does the page carry the review's figures, strengths and things to try?"""
    page = report_html(priya, charts=False)
    for part in ("Share of voice", "Three strengths", "Three things to try next", "Backtracking",
                 "Disclosures by the client (5)", "Priya Shah (coach)"):
        assert part in page
    assert "Try waiting after a question: your longest stretch was 130 words" in page


def test_the_report_prints_well(priya):
    """Does the page carry print styles and keep figures whole on a page?"""
    page = report_html(priya, charts=False)
    assert "@media print" in page and "break-inside: avoid" in page


def test_transcript_text_cannot_inject_markup(tmp_path):
    """Is a <script> in a speaker's name, the words or the file name escaped in the report?"""
    t = Transcript((Turn("<script>alert(1)</script>", "What now? <script>alert(2)</script> I'm curious."),
                    Turn("Client", "I'm so scared </table><script>alert(3)</script>."),
                    Turn("<script>alert(1)</script>", "That sounds frightening. <iframe src=x>")),
                   "<script>name</script>.txt", "script")
    page = write_report(review(t), tmp_path / "r.html", charts=False).read_text(encoding="utf-8")
    assert "<script" not in page and "<iframe" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<title>Session review: &lt;script&gt;name&lt;/script&gt;.txt</title>" in page


def test_a_folder_is_not_a_file_name(priya, tmp_path):
    """Is a folder given as the report's path a ValueError that shows a file name to use?"""
    with pytest.raises(ValueError, match="is a folder"):
        write_report(priya, tmp_path)


def test_without_matplotlib_the_report_still_works(priya, monkeypatch):
    """If matplotlib is missing, is the report written with a note instead of the charts?"""
    import builtins

    real_import = builtins.__import__

    def no_matplotlib(name, *args, **kwargs):
        if name.startswith("matplotlib"):
            raise ImportError("No module named 'matplotlib'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    page = report_html(priya)
    assert "The charts need matplotlib" in page and "<img" not in page
