"""The trustlab command line: ``python -m trustlab review FILE ...`` (or ``trustlab review``).

It reads one or more session transcripts (Zoom or Teams WebVTT, SRT, Otter, a typed
script, CSV), reviews each (see :func:`trustlab.review.review`) and prints the review as
text, or as JSON with ``--json``, or writes an HTML report with ``--html``. With
``--redact``, names, places, emails and phone numbers are replaced before anything is
shown. Everything runs on this computer; nothing is sent anywhere.

A bad file gets a one-line error naming the file and the line, and the exit status is 2.

>>> main(["review", "--help"])  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
SystemExit: 0
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

__all__ = ["main", "build_parser"]

PROG = "trustlab"
EXIT_OK, EXIT_BAD_INPUT = 0, 2

_REVIEW_EXAMPLES = """\
examples:
  trustlab review session.vtt
      print the review of one session; the coach is guessed (the review says why)
  trustlab review session.vtt --coach "Dana Smith"
      name the coach (any case; a unique start such as "dana" is enough)
  trustlab review session.vtt --json > review.json
      the review as JSON (several files: a JSON list, one review per file)
  trustlab review session.vtt --html review.html
      write a self-contained HTML report (charts included; opens in any browser, prints well)
  trustlab review sessions/*.vtt --html reports/ --redact
      one report per file in the folder reports/, with the client's and other people's
      names, emails and phone numbers replaced by [Client], [Person 1], [Email 1], ...
  trustlab review notes.txt --redact --name Tom --place Leeds
      also replace the names and places you list

Formats read: Zoom or Teams WebVTT (.vtt), SRT (.srt), Otter exports and typed scripts
("Coach: words", .txt), CSV with a speaker and a text column. Nothing leaves this computer.
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``trustlab`` and its subcommands."""
    from . import __version__

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="trustlab: practise and review ICF Core Competency 4, \"Cultivates Trust and Safety\". "
                    "Everything runs on this computer; nothing is sent anywhere.",
        epilog="Run 'trustlab review --help' for the review's options and examples.",
    )
    parser.add_argument("--version", action="version", version=f"trustlab {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    review = commands.add_parser(
        "review",
        help="review coaching-session transcripts: share of voice, questions, PCC markers 4.1-4.4, "
             "red flags, disclosures, backtracking",
        description="Review coaching-session transcripts for ICF Competency 4: share of voice, the "
                    "questions asked, evidence of PCC markers 4.1 to 4.4, red flags, how the client's "
                    "disclosures were met, backtracking, and three strengths and three things to try.",
        epilog=_REVIEW_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    review.add_argument("files", nargs="+", metavar="FILE", help="transcript files to review")
    review.add_argument("--coach", metavar="NAME",
                        help="the coach's speaker name (default: the speaker who asks the most questions)")
    review.add_argument("--json", action="store_true", help="print JSON instead of text")
    review.add_argument("--html", metavar="OUT",
                        help="write an HTML report to OUT (a file; with several FILEs, a folder)")
    review.add_argument("--redact", action="store_true",
                        help="replace the client's and other people's names, emails and phone numbers first")
    review.add_argument("--name", action="append", default=[], metavar="NAME",
                        help="another name to replace (repeat for more; implies --redact)")
    review.add_argument("--place", action="append", default=[], metavar="PLACE",
                        help="a place to replace (repeat for more; implies --redact)")
    review.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    return parser


class _Progress:
    """A plain text progress bar on stderr for a batch of files (no dependency).

    On a terminal it redraws one line; otherwise (a log, a pipe) it writes one line per file.
    """

    WIDTH = 24

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.enabled = total, enabled and total > 1
        self.live = self.enabled and sys.stderr.isatty()

    def show(self, done: int, name: str) -> None:
        if not self.enabled:
            return
        filled = round(self.WIDTH * done / self.total)
        line = f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {done}/{self.total} {name}"
        if self.live:
            sys.stderr.write("\r" + line[:100].ljust(100))
            if done == self.total:
                sys.stderr.write("\n")
        else:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()


def _problem(path: str, err: BaseException) -> str:
    """One line saying what is wrong with *path*."""
    if isinstance(err, FileNotFoundError):
        return f"{path}: no such file"
    if isinstance(err, IsADirectoryError):
        return f"{path}: is a folder, not a transcript file"
    if isinstance(err, PermissionError):
        return f"{path}: cannot be read (permission denied)"
    message = " ".join(str(err).split()) or type(err).__name__
    name = os.path.basename(path)
    return message if name in message else f"{path}: {message}"  # the file is named once


class _ReportPaths:
    """Where each report goes: OUT itself for one file, else OUT/<name>.html, one per file.

    The name comes from the reviewed transcript's source, so that with --redact a client's
    name in the file name ("leo_march.vtt") does not reach the report's name either.
    """

    def __init__(self, out: str, files: int) -> None:
        self.out = Path(out)
        self.folder = files > 1 or self.out.is_dir() or out.endswith(("/", os.sep))
        self.taken: set[str] = set()

    def __call__(self, source: str) -> Path:
        if not self.folder:
            return self.out
        stem = Path(source).stem or "session"
        candidate, n = f"{stem}.html", 1
        while candidate in self.taken:
            n += 1
            candidate = f"{stem}-{n}.html"
        self.taken.add(candidate)
        return self.out / candidate


def _review_one(path: str, args):
    from .redaction import redact
    from .review import resolve_speaker, review
    from .transcripts import read_transcript

    transcript = read_transcript(Path(path))
    coach = args.coach
    if args.redact or args.name or args.place:
        # the coach's label as spelled in the file ("dana" keeps "Dana Smith"), kept by redaction
        coach = resolve_speaker(transcript, coach) if coach else None
        transcript = redact(transcript, names=args.name, places=args.place, keep=[coach] if coach else [])
    return review(transcript, coach=coach)


def _run_review(args) -> int:
    from .report import write_report

    files = args.files
    progress = _Progress(len(files), not args.quiet)
    report_path = _ReportPaths(args.html, len(files)) if args.html else None
    failed = 0
    results = []
    texts = []
    for n, path in enumerate(files, 1):
        report = None
        try:
            result = _review_one(path, args)
            if report_path is not None:
                report = write_report(result, report_path(result.source))
        except (ValueError, OSError) as err:
            failed += 1
            progress.show(n, os.path.basename(path))
            print(f"{PROG} review: error: {_problem(path, err)}", file=sys.stderr)
            continue
        progress.show(n, os.path.basename(path))
        if args.json:
            results.append(result.to_dict())
        elif report is not None:
            texts.append(f"Wrote the report for {path}: {report}")
        else:
            texts.append(str(result))
    if args.json:
        if results:
            print(json.dumps(results[0] if len(files) == 1 else results, indent=2, ensure_ascii=False))
    elif texts:
        rule = "\n\n" + "=" * 72 + "\n\n" if not args.html else "\n"
        print(rule.join(texts))
    return EXIT_BAD_INPUT if failed else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``) and return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")  # a console that cannot show a character still gets the rest
        except (AttributeError, ValueError):
            pass
    try:
        return _run_review(args)
    except KeyboardInterrupt:
        print(f"\n{PROG}: stopped.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
