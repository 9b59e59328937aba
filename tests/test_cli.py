"""Tests for the command line, ``python -m trustlab review``, run as a user would run it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parent / "data" / "review"
PRIYA = str(SAMPLES / "priya_and_leo.vtt")
DANA = str(SAMPLES / "dana_and_sam.txt")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "trustlab", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, timeout=120)


@pytest.fixture
def bad_file(tmp_path) -> Path:
    path = tmp_path / "broken.vtt"
    path.write_text("WEBVTT\n\n1\nhello\n", encoding="utf-8")
    return path


def test_help_lists_the_review_command():
    """Does ``python -m trustlab --help`` name the review subcommand?"""
    out = run("--help")
    assert out.returncode == 0
    assert re.search(r"^\s+review\s+review coaching-session transcripts", out.stdout, re.M)


def test_review_help_has_examples():
    """Does ``review --help`` show every option and worked examples?"""
    out = run("review", "--help")
    assert out.returncode == 0
    for option in ("--coach NAME", "--json", "--html OUT", "--redact", "examples:",
                   "trustlab review session.vtt --html review.html"):
        assert option in out.stdout


def test_no_command_is_exit_status_2():
    """Is running with no command a usage message and exit status 2?"""
    out = run()
    assert out.returncode == 2 and "review" in out.stderr


def test_review_prints_text():
    """Does ``review FILE`` print the text review and exit 0?"""
    out = run("review", PRIYA)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Session review: priya_and_leo.vtt")
    assert "I took Priya Shah to be the coach because" in out.stdout
    assert out.stderr == ""  # one file: no progress bar


def test_review_json_parses():
    """Does ``--json`` print JSON that parses, with the review's keys and figures?"""
    out = run("review", PRIYA, "--json", "--coach", "priya shah")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["coach"] == "Priya Shah" and data["coach_reason"] == "You named Priya Shah as the coach."
    assert data["questions"]["why"] == 1 and data["share_of_voice"]["verdict"] == "above"


def test_several_files_give_a_json_list_and_a_progress_bar():
    """With several files, is the JSON a list (in order) and a progress bar shown on stderr?"""
    out = run("review", DANA, PRIYA, "--json")
    assert out.returncode == 0, out.stderr
    assert [r["source"] for r in json.loads(out.stdout)] == ["dana_and_sam.txt", "priya_and_leo.vtt"]
    assert "] 1/2 dana_and_sam.txt" in out.stderr and "[########################] 2/2 priya_and_leo.vtt" in out.stderr


def test_quiet_hides_the_progress_bar():
    """Does --quiet keep stderr clean?"""
    assert run("review", DANA, PRIYA, "--json", "--quiet").stderr == ""


def test_html_writes_a_self_contained_report(tmp_path):
    """Does ``--html OUT`` write a report with embedded images and no http(s) address?"""
    pytest.importorskip("matplotlib")
    target = tmp_path / "review.html"
    out = run("review", PRIYA, "--html", str(target))
    assert out.returncode == 0, out.stderr
    page = target.read_text(encoding="utf-8")
    assert page.count("data:image/png;base64,") == 3
    assert "http://" not in page and "https://" not in page
    assert str(target) in out.stdout


def test_html_for_several_files_writes_one_report_each(tmp_path):
    """With several files, is OUT a folder with one report per file?"""
    out = run("review", DANA, PRIYA, "--html", str(tmp_path / "reports"), "--quiet")
    assert out.returncode == 0, out.stderr
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["dana_and_sam.html", "priya_and_leo.html"]


def test_redacted_reports_do_not_carry_the_clients_name_in_the_file_name(tmp_path):
    """With --redact and a folder, is the report named from the redacted file name?"""
    out = run("review", PRIYA, "--redact", "--html", str(tmp_path) + "/", "--quiet")
    assert out.returncode == 0, out.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["priya_and_[Client].html"]


def test_a_bad_file_is_one_line_and_exit_status_2(bad_file):
    """Is a malformed file a one-line error naming the file and line, exit 2, and no traceback?"""
    out = run("review", str(bad_file))
    assert out.returncode == 2
    assert out.stderr.strip() == ('trustlab review: error: broken.vtt, line 4: expected a timing line like '
                                  '"00:01:02.000 --> 00:01:05.000", found "hello"')
    assert "Traceback" not in out.stderr and out.stdout == ""


def test_missing_files_and_folders_are_clear_errors(tmp_path):
    """Are a missing file and a folder each reported in one line, with exit status 2?"""
    out = run("review", str(tmp_path / "nope.vtt"), str(tmp_path), "--quiet")
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert lines == [f"trustlab review: error: {tmp_path / 'nope.vtt'}: no such file",
                     f"trustlab review: error: {tmp_path}: is a folder, not a transcript file"]


def test_good_files_are_still_reviewed_when_one_is_bad(bad_file):
    """In a batch, are the good files reviewed even though the status is 2 for the bad one?"""
    out = run("review", DANA, str(bad_file), "--json", "--quiet")
    assert out.returncode == 2
    assert [r["coach"] for r in json.loads(out.stdout)] == ["Dana"]
    assert "broken.vtt, line 4" in out.stderr and "Traceback" not in out.stderr


def test_an_unknown_coach_lists_the_speakers():
    """Is a --coach who is not in the file a one-line error listing the speakers?"""
    out = run("review", DANA, "--coach", "Kim")
    assert out.returncode == 2
    assert out.stderr.strip() == ('trustlab review: error: The coach "Kim" is not a speaker in dana_and_sam.txt. '
                                  'The speakers are: "Dana", "Sam".')


def test_redact_takes_names_out_of_every_output(tmp_path):
    """With --redact, are the client's name, the email and the phone number gone from text, JSON and HTML?"""
    target = tmp_path / "r.html"
    outputs = [run("review", PRIYA, "--redact", "--name", "Tom Baker", "--name", "Maria").stdout,
               run("review", PRIYA, "--redact", "--json", "--coach", "priya").stdout]
    run("review", PRIYA, "--redact", "--html", str(target), "--coach", "Priya Shah")
    outputs.append(target.read_text(encoding="utf-8"))
    # Embedded chart images are base64 and can hold any short string by chance: look past them.
    outputs = [re.sub(r"data:image/[a-z]+;base64,[A-Za-z0-9+/=]+", "data:image", text) for text in outputs]
    for text in outputs:
        assert "Priya Shah" in text and "[Client]" in text
        for secret in ("Leo", "Martin", "maria.lopez", "7946"):
            assert secret not in text
    assert "Tom" not in outputs[0] and "Maria" not in outputs[0]
