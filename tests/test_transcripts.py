"""Tests for trustlab.transcripts: reading Zoom, Teams, Otter, SRT, script and CSV sessions.

The sample sessions in tests/data/transcripts were written for this project. Three sessions
appear in several exports each, so the same words must come out of every one of them:
session A (Maya and Tom) in zoom.vtt, teams.vtt, plain.vtt and session.srt; session B
(a coach and Daniel) in otter.txt, script.txt and script_stamped.txt; session C (a coach
and José) in session.csv, cp1252.txt and bom_crlf.vtt.
"""

import shutil
from pathlib import Path

import pytest
import webvtt
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from trustlab.text import words
from trustlab.transcripts import (
    FORMATS, UNKNOWN_SPEAKER, Transcript, Turn, _read_srt, _read_vtt, read_transcript,
)

SAMPLES = Path(__file__).resolve().parent / "data" / "transcripts"
MALFORMED = SAMPLES / "malformed"

MAYA, TOM = "Maya Okafor", "Tom Reilly"


def word_counts(transcript: Transcript) -> dict[str, int]:
    counts: dict[str, int] = {}
    for turn in transcript:
        counts[turn.speaker] = counts.get(turn.speaker, 0) + len(words(turn.text))
    return counts


# --- the sample sessions -------------------------------------------------------------------

# file, format, turns, speakers, words per speaker, duration (s), seconds per speaker or None
SAMPLE_FIGURES = [
    ("zoom.vtt", "webvtt-zoom", 30, [MAYA, TOM], {MAYA: 174, TOM: 237}, 184.08, {MAYA: 66.554, TOM: 90.524}),
    ("teams.vtt", "webvtt-teams", 30, [MAYA, TOM], {MAYA: 174, TOM: 237}, 184.08, {MAYA: 66.554, TOM: 90.524}),
    ("plain.vtt", "webvtt", 1, [UNKNOWN_SPEAKER], {UNKNOWN_SPEAKER: 411}, 184.08, {UNKNOWN_SPEAKER: 184.08}),
    ("session.srt", "srt", 30, [MAYA, TOM], {MAYA: 174, TOM: 237}, 184.08, {MAYA: 66.554, TOM: 90.524}),
    # Otter gives start times only: a turn lasts until the next one starts, the last counts nothing.
    ("otter.txt", "otter", 30, ["Lena Fischer", "Daniel Osei"], {"Lena Fischer": 135, "Daniel Osei": 226}, 157.0,
     {"Lena Fischer": 65, "Daniel Osei": 92}),
    ("script.txt", "script", 30, ["Coach", "Client"], {"Coach": 135, "Client": 226}, None, None),
    ("script_stamped.txt", "script", 30, ["Coach", "Client"], {"Coach": 135, "Client": 226}, 157.0,
     {"Coach": 65, "Client": 92}),
    ("session.csv", "csv", 22, ["Coach", "Client"], {"Coach": 93, "Client": 166}, 118.986,
     {"Coach": 35.266, "Client": 65.949}),
    ("cp1252.txt", "script", 22, ["Zoë", "José"], {"Zoë": 93, "José": 166}, None, None),
    ("bom_crlf.vtt", "webvtt-zoom", 22, ["Zoë Martín", "José Ramírez"], {"Zoë Martín": 93, "José Ramírez": 166},
     117.263, {"Zoë Martín": 34.623, "José Ramírez": 62.629}),
]


@pytest.mark.parametrize("name, fmt, turns, speakers, counts, duration, seconds", SAMPLE_FIGURES,
                         ids=[row[0] for row in SAMPLE_FIGURES])
def test_sample_sessions_read_with_their_known_figures(name, fmt, turns, speakers, counts, duration, seconds):
    """Does each sample export give its known format, turns, speakers, word shares, duration and time shares?"""
    session = read_transcript(SAMPLES / name)
    assert session.source == name
    assert session.format == fmt
    assert len(session.turns) == turns
    assert session.speakers == speakers
    assert word_counts(session) == counts
    total = sum(counts.values())
    assert session.talk_share() == pytest.approx({s: n / total for s, n in counts.items()})
    assert session.duration == duration
    if seconds is None:
        assert session.time_share() is None
    else:
        spoken = sum(seconds.values())
        assert session.time_share() == pytest.approx({s: t / spoken for s, t in seconds.items()})


def test_every_sample_format_is_covered():
    """Is there a sample session for every format the reader promises?"""
    assert {row[1] for row in SAMPLE_FIGURES} == set(FORMATS)


@pytest.mark.parametrize("name", ["zoom.vtt", "teams.vtt", "session.srt"])
def test_one_session_reads_the_same_from_zoom_teams_and_srt(name):
    """Do Zoom, Teams and SRT exports of the same session give the same turns, words for words?"""
    reference = read_transcript(SAMPLES / "zoom.vtt")
    assert read_transcript(SAMPLES / name).turns == reference.turns


def test_one_session_reads_the_same_from_otter_and_scripts():
    """Do the Otter export and both scripts of session B give the same words in every turn?"""
    texts = [[turn.text for turn in read_transcript(SAMPLES / name)]
             for name in ("otter.txt", "script.txt", "script_stamped.txt")]
    assert texts[0] == texts[1] == texts[2]


def test_windows_1252_script_reads_the_same_words_as_the_utf8_csv():
    """Does a Windows-1252 script give the same accented and curly-quoted words as the UTF-8 CSV?"""
    legacy, csv_session = read_transcript(SAMPLES / "cp1252.txt"), read_transcript(SAMPLES / "session.csv")
    assert [t.text for t in legacy] == [t.text for t in csv_session]
    assert legacy.turns[0].text == "Hi José. What’s on your mind today?"
    assert "“I’ll come back to you on that”" in legacy.turns[19].text


def test_bom_and_crlf_leave_no_trace():
    """Are a byte-order mark and Windows line endings kept out of names and words?"""
    session = read_transcript(SAMPLES / "bom_crlf.vtt")
    assert session.speakers[0] == "Zoë Martín"
    assert not any("\r" in t.text or "\ufeff" in t.text for t in session)
    assert [t.text for t in session] == [t.text for t in read_transcript(SAMPLES / "session.csv")]


def test_zoom_cues_by_one_speaker_join_into_one_turn():
    """Do consecutive Zoom cues by one speaker make one turn, from the first start to the last end?"""
    first = read_transcript(SAMPLES / "zoom.vtt").turns[0]
    assert first == Turn(MAYA, "Hi Tom, good to see you again. How are you arriving today?", 2.31, 6.524)


def test_a_cue_over_two_lines_reads_as_one_sentence():
    """Is a Zoom cue broken over two lines read as one run of words?"""
    turn = read_transcript(SAMPLES / "zoom.vtt").turns[3]
    assert turn.text.startswith("Strange. The team changed how they plan sprints while I was away, and nobody")


def test_markup_is_stripped():
    """Are <i>, <c.yellow> and voice tags removed from the words?"""
    for name in ("plain.vtt", "session.srt", "teams.vtt"):
        assert not any("<" in t.text or ">" in t.text for t in read_transcript(SAMPLES / name)), name
    assert "Priya asked me to lunch" in read_transcript(SAMPLES / "session.srt").turns[11].text


def test_the_format_comes_from_the_content_not_the_file_name(tmp_path):
    """Is a Zoom WebVTT file saved as notes.txt still read as Zoom WebVTT?"""
    renamed = tmp_path / "notes.txt"
    shutil.copy(SAMPLES / "zoom.vtt", renamed)
    session = read_transcript(renamed)
    assert (session.format, session.source, len(session)) == ("webvtt-zoom", "notes.txt", 30)


def _seconds_of(stamp: str) -> float:
    hours, minutes, seconds = stamp.replace(",", ".").split(":")
    return round(int(hours) * 3600 + int(minutes) * 60 + float(seconds), 3)


@pytest.mark.parametrize("name", ["zoom.vtt", "teams.vtt", "plain.vtt", "bom_crlf.vtt", "session.srt"])
def test_captions_are_read_as_webvtt_py_reads_them(name):
    """Does the reader see the same cues, times and words as webvtt-py, the reference library?"""
    path = SAMPLES / name
    reference = webvtt.from_srt(str(path)) if name.endswith(".srt") else webvtt.read(str(path))
    expected = [(_seconds_of(c.start), _seconds_of(c.end), " ".join(c.text.split())) for c in reference]
    lines = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").split("\n")
    read = _read_srt if name.endswith(".srt") else _read_vtt
    cues = read(name, lines, 0)
    # Teams voice tags become the speaker; webvtt-py leaves the words alone, as the reader does.
    assert [(c.start, c.end, c.text) for c in cues] == expected


# --- captions: speakers, voices and markup ---------------------------------------------------

ZOOM = """WEBVTT

1
00:00:01.000 --> 00:00:03.000
Maya Okafor: What would you like to explore?

2
00:00:03.500 --> 00:00:06.000
Tom Reilly: My return to work.

3
00:00:06.000 --> 00:00:08.000
It has been a strange fortnight.
"""


def test_a_zoom_cue_without_a_name_continues_the_turn():
    """Does a Zoom cue without "Name:" belong to the speaker before it?"""
    session = read_transcript(ZOOM)
    assert [(t.speaker, t.text) for t in session] == [
        (MAYA, "What would you like to explore?"),
        (TOM, "My return to work. It has been a strange fortnight."),
    ]
    assert session.turns[1].end == 8.0


def test_a_colon_in_a_few_plain_captions_is_not_a_speaker():
    """When most captions have no "Name:", is "Note: ..." kept as words by Unknown?"""
    text = ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nNote: this is a practice call.\n\n"
            "00:00:02.000 --> 00:00:04.000\nSo where shall we begin?\n\n"
            "00:00:04.000 --> 00:00:05.000\nWith the team.\n")
    session = read_transcript(text)
    assert session.format == "webvtt"
    assert session.turns == (Turn(UNKNOWN_SPEAKER, "Note: this is a practice call. So where shall we begin? "
                                                   "With the team.", 1.0, 5.0),)


def test_teams_voice_tags_name_the_speaker():
    """Are Teams voice tags, with or without a class, read as speakers, and entities decoded?"""
    text = ("WEBVTT\n\n3f2a9c1e-8b7d-4e6f-a5b4-c3d2e1f0a9b8/4-0\n00:00:00.500 --> 00:00:02.000\n"
            "<v Maya Okafor>Tom &amp; I agreed to start.</v>\n\n"
            "3f2a9c1e-8b7d-4e6f-a5b4-c3d2e1f0a9b8/5-0\n00:00:02.000 --> 00:00:04.000\n"
            "<v.loud Tom Reilly><b>Yes</b>, let's.</v>\n")
    session = read_transcript(text)
    assert session.format == "webvtt-teams"
    assert [(t.speaker, t.text) for t in session] == [(MAYA, "Tom & I agreed to start."), (TOM, "Yes, let's.")]


def test_note_style_and_header_metadata_are_not_words():
    """Are NOTE and STYLE blocks and header lines like "Kind: captions" skipped?"""
    text = ("WEBVTT - session 4\nKind: captions\n\nSTYLE\n::cue { color: white }\n\nNOTE a comment\n"
            "that runs on\n\n1\n00:00:01.000 --> 00:00:02.000 align:start\nCoach: Welcome back.\n")
    assert read_transcript(text).turns == (Turn("Coach", "Welcome back.", 1.0, 2.0),)


def test_a_missing_blank_line_between_cues_is_tolerated():
    """When a Zoom cue follows another without a blank line, is its number kept out of the words?"""
    text = ("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nCoach: Welcome back.\n2\n"
            "00:00:02.000 --> 00:00:03.000\nClient: Thanks.\n")
    assert [t.text for t in read_transcript(text)] == ["Welcome back.", "Thanks."]


def test_srt_words_after_a_blank_line_stay_in_their_cue():
    """Are SRT words after a stray blank line kept with their cue, and {\\an8} position tags dropped?"""
    text = ("1\n00:00:01,000 --> 00:00:03,000\nCoach: What matters\n\nmost to you?\n\n"
            "2\n00:00:03,000 --> 00:00:04,000\n{\\an8}Client: Time.\n")
    assert [(t.speaker, t.text) for t in read_transcript(text)] == [("Coach", "What matters most to you?"),
                                                                    ("Client", "Time.")]


# --- scripts and Otter ------------------------------------------------------------------------

@pytest.mark.parametrize("line, start", [
    ("[00:01:02] Coach: What would help?", 62.0),
    ("Coach [00:01:02]: What would help?", 62.0),
    ("(01:02) Coach: What would help?", 62.0),
    ("Coach (01:02): What would help?", 62.0),
    ("Coach: [1:00:01.5] What would help?", 3601.5),
    ("Coach: What would help?", None),
])
def test_script_stamps_before_or_after_the_name(line, start):
    """Is a "[hh:mm:ss]" or "(mm:ss)" stamp before or after the name read as the start time?"""
    session = read_transcript(line + "\nClient: Time to think.")
    assert session.turns[0] == Turn("Coach", "What would help?", start)


def test_rev_style_name_stamp_colon_then_words_below():
    """Is "Speaker 1 (00:01):" with the words on the lines below read, as Rev exports it?"""
    text = "Speaker 1 (00:01):\nWhat would you like to explore?\n\nSpeaker 2 (00:04):\nMy next step.\n"
    assert read_transcript(text).turns == (Turn("Speaker 1", "What would you like to explore?", 1.0),
                                           Turn("Speaker 2", "My next step.", 4.0))


def test_script_continuation_lines_and_repeated_speakers_join():
    """Do lines without a speaker, and lines by the same speaker again, join the turn?"""
    text = "Coach: What would help?\n\nClient: Time.\nTime to think, mostly.\nClient: And sleep.\n"
    assert [(t.speaker, t.text) for t in read_transcript(text)] == [
        ("Coach", "What would help?"), ("Client", "Time. Time to think, mostly. And sleep.")]


@pytest.mark.parametrize("name", ["Anna van der Berg", "Coach (she/her)", "Speaker 2", "COACH", "Dr. Lee", "O'Neill"])
def test_script_speaker_names(name):
    """Are names with particles, pronouns, numbers, capitals and apostrophes read as speakers?"""
    assert read_transcript(f"{name}: Hello there.\nClient: Hi.").speakers == [name, "Client"]


def test_a_script_line_with_commas_is_not_a_csv_header():
    """Is "Coach: So, time, what does it mean?" read as a script, though "time" names a CSV column?"""
    assert read_transcript("Coach: So, time, what does it mean?\nClient: Pressure.").format == "script"


def test_a_phrase_with_a_colon_inside_a_turn_stays_words():
    """Is "Here's the thing: ..." inside a turn kept as words rather than read as a new speaker?"""
    session = read_transcript("Client: I tried.\nHere's the thing: it never sticks.\nCoach: Say more.")
    assert session.turns[0].text == "I tried. Here's the thing: it never sticks."


def test_otter_footer_is_not_words():
    """Is Otter's "Transcribed by https://otter.ai" line left out of the last turn?"""
    last = read_transcript(SAMPLES / "otter.txt").turns[-1]
    assert last.text.endswith("I can choose the moment.")


def test_otter_hours_and_multi_line_words():
    """Does an Otter stamp with hours read, and do several lines of words join?"""
    text = "Jane Doe  59:58\nSo where\nare we now?\n\nSam Lee  1:00:03\nNearly done.\n"
    session = read_transcript(text)
    assert session.turns == (Turn("Jane Doe", "So where are we now?", 3598.0), Turn("Sam Lee", "Nearly done.", 3603.0))
    assert session.duration == 5.0
    assert session.time_share() == {"Jane Doe": 1.0, "Sam Lee": 0.0}


# --- CSV ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "speaker,text\nCoach,What would help?\nClient,\"Time, mostly.\"\n",
    "Name\tUtterance\nCoach\tWhat would help?\nClient\tTime, mostly.\n",
    "\ufeffROLE;Transcript\nCoach;What would help?\nClient;Time, mostly.\n",
])
def test_csv_columns_and_delimiters(text):
    """Are comma, tab and semicolon CSVs read with any accepted column names, in any case?"""
    session = read_transcript(text)
    assert session.format == "csv"
    assert [(t.speaker, t.text) for t in session] == [("Coach", "What would help?"), ("Client", "Time, mostly.")]


def test_csv_times_in_seconds_or_clock_form_and_multi_line_cells():
    """Are start times in seconds or as clock times read, and does a quoted cell over two lines read?"""
    text = 'Time,Speaker,Words\n1.5,Coach,What would help?\n00:00:04,Client,"Time.\nMostly time."\n'
    session = read_transcript(text)
    assert session.turns == (Turn("Coach", "What would help?", 1.5), Turn("Client", "Time. Mostly time.", 4.0))


def test_csv_error_names_the_line_after_a_multi_line_cell():
    """After a cell that spans two lines, does an error still name the right line?"""
    text = 'Speaker,Text,Start\nCoach,"What would\nhelp?",1\nClient,Time.,later\n'
    with pytest.raises(ValueError, match=r"^<text>, line 4: "):
        read_transcript(text)


# --- where the transcript comes from ------------------------------------------------------------

def test_a_path_given_as_str_or_path_reads_the_file():
    """Is a file read the same whether its path is a str or a pathlib.Path?"""
    assert read_transcript(str(SAMPLES / "script.txt")) == read_transcript(SAMPLES / "script.txt")


def test_a_single_line_of_text_is_a_transcript():
    """Is a one-line str that names no file read as the transcript itself?"""
    session = read_transcript("Coach: What would make today worthwhile?")
    assert (session.source, session.speakers) == ("<text>", ["Coach"])


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_windows_and_old_mac_line_endings_in_text(ending):
    """Do CRLF and CR line endings in text read like LF?"""
    text = ending.join(["Coach: What would help?", "Client: Time.", "Mostly time."])
    assert [t.text for t in read_transcript(text)] == ["What would help?", "Time. Mostly time."]


def test_utf16_with_a_byte_order_mark(tmp_path):
    """Is a UTF-16 file with a byte-order mark (Notepad's "Unicode") read?"""
    path = tmp_path / "unicode.txt"
    path.write_bytes((SAMPLES / "script.txt").read_text(encoding="utf-8").encode("utf-16"))
    assert read_transcript(path).turns == read_transcript(SAMPLES / "script.txt").turns


def test_a_missing_file_names_its_path(tmp_path):
    """Does a missing file raise FileNotFoundError with its path, given as a Path or as a file name?"""
    missing = tmp_path / "session.vtt"
    with pytest.raises(FileNotFoundError, match="session.vtt"):
        read_transcript(missing)
    with pytest.raises(FileNotFoundError, match="sesion.vtt"):
        read_transcript("sesion.vtt")


def test_a_folder_is_not_a_transcript(tmp_path):
    """Does a Path to a folder raise an OSError, and a folder's name as a str a ValueError?"""
    with pytest.raises(IsADirectoryError):
        read_transcript(tmp_path)
    with pytest.raises(ValueError, match=r"^<text>, line 1: expected a transcript"):
        read_transcript(str(tmp_path))


@pytest.mark.parametrize("source", [None, 42, b"Coach: hi", ["Coach: hi"]])
def test_a_source_that_is_not_text_or_a_path_is_a_type_error(source):
    """Does a source that is neither text nor a path raise a TypeError naming the argument?"""
    with pytest.raises(TypeError, match=r"^source must be a file path \(a str or pathlib.Path\) or the transcript text"):
        read_transcript(source)


# --- malformed files ---------------------------------------------------------------------------------

KNOWN = ('A transcript is one of: WebVTT ("WEBVTT" on the first line); SRT (a cue number, then a timing line '
         'like "00:00:01,000 --> 00:00:04,000"); an Otter export ("Jane Doe  0:04" above the words); a script '
         '("Coach: What would you like to explore?"); CSV with speaker and text columns.')
VTT_TIMING = '"00:01:02.000 --> 00:01:05.000"'
SRT_TIMING = '"00:01:02,000 --> 00:01:05,000"'

MALFORMED_MESSAGES = [
    ("empty.vtt", f"line 1: expected a transcript, found nothing (the file is empty). {KNOWN}"),
    ("blank.txt", f"line 1: expected a transcript, found only blank lines. {KNOWN}"),
    ("unknown.txt", f'line 1: expected a transcript, found "Dear diary,". {KNOWN}'),
    ("binary.vtt", "line 1: expected text, found binary data; is this the transcript "
                   "(a .vtt, .srt, .txt or .csv file) rather than a recording or a document?"),
    ("undecodable.txt", "line 2: expected UTF-8 or Windows-1252 text, found the byte 0x81; "
                        "save the file as UTF-8 and try again"),
    ("header_only.vtt", f"line 2: expected a cue: a timing line like {VTT_TIMING} and the words; "
                        "found the end of the file"),
    ("broken_timing.vtt", f'line 8: expected a timing line like {VTT_TIMING}, found "00:00:05.000 -> 00:00:09.000"'),
    ("stray_text.vtt", f'line 7: expected a timing line like {VTT_TIMING}, found "hello"'),
    ("bad_minutes.vtt", f"line 8: expected minutes and seconds from 00 to 59 in a timing line like {VTT_TIMING}, "
                        'found "00:00:05.000 --> 00:75:09.000"'),
    ("ends_before_start.vtt", 'line 8: expected the cue to end after it starts, found "00:00:05.000 --> 00:00:03.000"'),
    ("cue_without_text.vtt", "line 8: expected the words of this cue on the lines after its timing line, "
                             "found a blank line"),
    ("broken_timing.srt", f"line 6: expected a timing line like {SRT_TIMING} after the cue number 2, "
                          'found "00:00:05,000 --> 00:00:09"'),
    ("cue_without_text.srt", "line 6: expected the words of this cue on the lines after its timing line, "
                             "found a blank line"),
    ("missing_columns.csv", 'line 1: expected a text column (text, utterance, transcript or words); '
                            'found the columns "Speaker", "Start", "End"'),
    ("missing_speaker.csv", 'line 3: expected a speaker in column "Speaker", found nothing'),
    ("bad_time.csv", 'line 3: expected a time in column "Start" like 62.5, 1:02 or 00:01:02.500, found "soon"'),
    ("header_only.csv", "line 2: expected a row with a speaker and their words under the header, "
                        "found the end of the file"),
    ("otter_without_words.txt", 'line 4: expected the words Daniel Osei said on the lines below, '
                                'found the next speaker line "Lena Fischer  0:12"'),
    ("script_with_title.txt", 'line 1: expected a speaker line like "Coach: What would you like to explore?", '
                              'found "Session notes, 3 March"'),
    ("script_without_words.txt", 'line 2: expected the words Client said after "Client:", found nothing'),
]


@pytest.mark.parametrize("name, message", MALFORMED_MESSAGES, ids=[row[0] for row in MALFORMED_MESSAGES])
def test_a_malformed_file_names_the_file_the_line_and_what_was_expected(name, message):
    """Does each malformed file raise a ValueError naming the file and line and saying what was expected?"""
    with pytest.raises(ValueError) as caught:
        read_transcript(MALFORMED / name)
    assert str(caught.value) == f"{name}, {message}"


def test_every_malformed_file_is_checked():
    """Does every file in tests/data/transcripts/malformed have its expected message?"""
    assert sorted(p.name for p in MALFORMED.iterdir()) == sorted(row[0] for row in MALFORMED_MESSAGES)


@pytest.mark.parametrize("text, message", [
    ("Coach: ...\nClient: ?", 'line 1: expected words someone said, found only "..."'),
    ("00:00:01,000 --> 00:00:02,000\nhi", None),
    ("00:01 --> 00:02\nhi", 'line 1: expected "WEBVTT" on the first line of a WebVTT file'),
    ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<i></i>\n", "line 3: expected the words of this cue"),
    ("Coach (61:00): Hi.\nClient: Hello.", "line 1: expected minutes and seconds from 00 to 59 in the time stamp"),
    ("Jane Doe  0:75\nHi.", "line 1: expected minutes and seconds from 00 to 59 after the name"),
    ("Zoom notes\nMaya Okafor: \n", 'line 1: expected a speaker line like'),
])
def test_small_malformed_texts(text, message):
    """Are smaller faults (no words, a headerless WebVTT, an empty cue, bad stamps) reported with their line?"""
    if message is None:  # a headerless SRT is fine
        assert read_transcript(text).turns == (Turn(UNKNOWN_SPEAKER, "hi", 1.0, 2.0),)
        return
    with pytest.raises(ValueError, match="^<text>, " + message.replace("(", r"\(").replace(")", r"\)")
                       .replace(".", r"\.").replace("?", r"\?")):
        read_transcript(text)


# --- the Transcript object -------------------------------------------------------------------------------

def test_transcript_built_by_hand():
    """Can a Transcript be built from a list of turns, and does it compute shares without a file?"""
    session = Transcript([Turn("Coach", "How are you?", 0.0, 2.0), Turn("Client", "Fine, thanks.", 2.0, 3.0)])
    assert isinstance(session.turns, tuple)
    assert session.talk_share() == {"Coach": 0.6, "Client": 0.4}
    assert session.time_share() == pytest.approx({"Coach": 2 / 3, "Client": 1 / 3})
    assert session.duration == 3.0


def test_an_empty_transcript_has_no_shares():
    """Does a transcript with no words give empty shares rather than dividing by zero?"""
    session = Transcript([])
    assert (session.speakers, session.talk_share(), session.time_share(), session.duration) == ([], {}, None, None)


def test_summary_as_text_and_html():
    """Does a transcript print a plain summary and render HTML with names escaped?"""
    session = read_transcript(SAMPLES / "zoom.vtt")
    assert str(session) == ("zoom.vtt: a Zoom WebVTT transcript, 30 turns, 3:04 long\n"
                            "  Maya Okafor  42% of the words, 42% of the time\n"
                            "  Tom Reilly   58% of the words, 58% of the time")
    html = Transcript([Turn("<b>Coach</b>", "Hello there.")])._repr_html_()
    assert "&lt;b&gt;Coach&lt;/b&gt;" in html and "<b>Coach" not in html


# --- any text at all -----------------------------------------------------------------------------------

PIECES = ["WEBVTT", "", "1", "00:00:01.000 --> 00:00:02.000", "00:00:01,000 --> 00:00:02,000",
          "Coach: What would help?", "<v Jane>Hi</v>", "NOTE", "Jane Doe  0:04", "[00:00:03] Client: Time.",
          "Speaker,Text", "Coach,\"Hi, there\"", "Speaker\tText\tStart", "-->", "STYLE", "&amp;", "<i>"]


def _check(text: str) -> None:
    try:
        session = read_transcript(text)
    except ValueError as err:
        assert str(err).startswith("<text>, line ")
        return
    assert isinstance(session, Transcript) and session.format in FORMATS and session.turns
    assert all(turn.speaker and turn.text == " ".join(turn.text.split()) for turn in session)
    assert sum(session.talk_share().values()) == pytest.approx(1.0)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_reads_or_raises_value_error(text):
    """Does any text at all give a Transcript or a ValueError naming the line, and nothing else?"""
    # A single line ending in a file extension is taken for a mistyped file name (FileNotFoundError).
    assume("\n" in text or not text.strip().lower().endswith((".vtt", ".srt", ".txt", ".csv")))
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=14))
def test_near_transcripts_read_or_raise_value_error(lines):
    """Does text built from pieces of real transcripts give a Transcript or a ValueError, and nothing else?"""
    _check("\n".join(lines))
