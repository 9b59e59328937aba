"""How long does reviewing a 90-minute session take? Prints the figures; asserts nothing.

Run from the repository: ``python benchmarks/bench_review.py``. The session is generated:
about 1,500 timed turns over 90 minutes, alternating coach and client, built from the
labelled coach turns in ``tests/data/coach_turns.yaml`` (each with the client's turn before
it) and the sample sessions in ``tests/data/review``. Every turn is made distinct, so no
cache inside the engine makes the figure look better than a real session would.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
# A few ways a speaker starts a turn, so that repeated material is never the same text.
_OPENERS = ("", "So, ", "Okay. ", "Right, ", "Mm. ", "Well, ", "Hmm, ", "And ")


def _pairs() -> list[tuple[str, str]]:
    """(client, coach) pairs of real-sounding turns."""
    from trustlab.transcripts import read_transcript

    pairs = [(c.get("client") or "I'm not sure where to start.", c["coach"])
             for c in yaml.safe_load((DATA / "coach_turns.yaml").read_text(encoding="utf-8"))]
    for sample in sorted((DATA / "review").glob("*")):
        turns = read_transcript(sample).turns
        pairs += [(a.text, b.text) for a, b in zip(turns[1::2], turns[2::2])]
    return pairs


def generated_session(turns: int = 1500, minutes: float = 90.0):
    """A timed session of *turns* turns (coach first) lasting *minutes* minutes."""
    from trustlab.transcripts import Transcript, Turn

    pairs = _pairs()
    texts = []
    for n in range(turns // 2):
        client, coach = pairs[n % len(pairs)]
        opener = _OPENERS[(n // len(pairs)) % len(_OPENERS)]
        texts += [("Coach", opener + coach), ("Client", opener + client)]
    weights = [len(text.split()) + 2 for _, text in texts]  # speaking time follows the words, plus a pause
    scale = minutes * 60 / sum(weights)
    out, clock = [], 0.0
    for (speaker, text), weight in zip(texts, weights):
        length = weight * scale
        out.append(Turn(speaker, text, round(clock, 2), round(clock + length - 0.4 * scale, 2)))
        clock += length
    return Transcript(tuple(out), "generated 90-minute session", "webvtt-zoom")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=1500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from trustlab.redaction import redact
    from trustlab.report import report_html
    from trustlab.review import review

    session = generated_session(args.turns)
    words = sum(len(t.text.split()) for t in session.turns)
    print(f"Session: {len(session.turns)} turns, {words} words, {session.duration / 60:.0f} minutes")

    start = time.perf_counter()
    result = review(session)  # the first call also reads the word lists and compiles the patterns
    cold = time.perf_counter() - start
    wall, cpu = [], []
    for _ in range(args.repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        review(session)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    # CPU time is what the review costs; wall-clock time also counts whatever else the machine is doing.
    print(f"review(), first call in a fresh process: {cold:.3f} s")
    print(f"review(), {args.repeat} later calls: median {statistics.median(wall):.3f} s wall clock "
          f"(best {min(wall):.3f} s), median {statistics.median(cpu):.3f} s CPU "
          f"({1000 * statistics.median(cpu) / len(session.turns):.2f} ms CPU per turn)")
    print(f"  found: {result.questions.total} questions, {len(result.moments)} turns with markers or red flags, "
          f"{len(result.disclosures)} disclosures")

    start = time.perf_counter()
    redact(session, names=["Maria", "Tom"], places=["Leeds"])
    print(f"redact(): {time.perf_counter() - start:.3f} s")
    start = time.perf_counter()
    report_html(result, charts=False)
    print(f"report without charts: {time.perf_counter() - start:.3f} s")
    try:
        start = time.perf_counter()
        report_html(result)
        print(f"report with the three charts (matplotlib): {time.perf_counter() - start:.3f} s")
    except ImportError:
        print("report with charts: skipped (matplotlib is not installed)")


if __name__ == "__main__":
    main()
