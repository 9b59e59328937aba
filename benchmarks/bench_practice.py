"""Measure the practice components: loading a 200-item bank, and Check-to-feedback times.

The widgets record to the learner's progress store, which writes to SQLite on a helper
thread, so feedback never waits for the disk; the figures "waiting for the disk" show
what a synchronous write (a transaction with its fsyncs) costs on this machine.

Run ``python benchmarks/bench_practice.py``. It writes a generated 200-item bank and a
progress file to a temporary folder (never the learner's own), and prints medians of
several runs. Targets: both well under 100 ms.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

RUNS = 15

QUIZ = {"type": "single", "element": "psychological_safety", "markers": ["4.2"], "lesson": 1, "level": 2,
        "prompt": "A client pauses for a long time after your question. What helps most at this point?",
        "options": [{"text": f"Option {n}: a sentence of realistic length for a coaching quiz answer.",
                     "correct": n == 0, "why": "An explanation of a similar length, saying why this option is "
                                               "or is not the best one, in plain words."} for n in range(4)]}
MULTIPLE = {**QUIZ, "type": "multiple",
            "options": [{**o, "correct": n in (0, 2)} for n, o in enumerate(QUIZ["options"])]}
SCENARIO = {**QUIZ, "type": "scenario", "client": "I haven't told anyone this, but I'm scared I'll fail."}
DRILL = {"type": "drill", "element": "reliability", "level": 1, "original": "Why didn't you tell your manager?",
         "context": "Your client has just said they kept a mistake to themselves.",
         "hints": ["Start with 'What' instead of 'Why'.", "Add a tentative word."],
         "models": ["What made it hard to bring this up with your manager?"]}
SPOTTER = {"type": "spotter", "element": "mutual_respect", "client": "I finally said no to my boss.",
           "coach": "Great job! Why did you wait so long?", "markers": [], "red_flags": ["praise", "why_question"],
           "explanation": "Praise grades the client; the why question asks them to justify themselves."}


def make_bank(folder: Path, size: int = 200) -> Path:
    kinds = (QUIZ, MULTIPLE, SCENARIO, DRILL, SPOTTER)
    items = [{"id": f"bench-{n:03d}", **kinds[n % len(kinds)]} for n in range(size)]
    path = folder / "bench_200.yaml"
    path.write_text(yaml.safe_dump({"bank": "bench", "title": "Benchmark bank", "items": items},
                                   sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def median_ms(action, runs: int = RUNS, setup=None) -> float:
    times = []
    for _ in range(runs):
        if setup:
            setup()
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def cold_first_check() -> float:
    """The first drill check in a fresh process, before anything has warmed the engine."""
    probe = ("import time; from trustlab.banks import load_bank; from trustlab.drills import Drill\n"
             "d = Drill(load_bank('sample').get('sample-d01'))\n"
             "t = time.perf_counter(); d.check('What might have made it hard?')\n"
             "print((time.perf_counter() - t) * 1000)")
    return float(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout)


def main() -> None:
    from trustlab import banks
    from trustlab.banks import load_bank
    from trustlab.drills import Drill
    from trustlab.quizzes import Quiz
    from trustlab.records import ProgressStore
    from trustlab.spotting import Spotter

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["TRUSTLAB_PROGRESS"] = str(folder / "progress.sqlite3")
        path = make_bank(folder)

        def forget():
            banks._parsed.clear()
            banks._loaded.clear()

        loader = "libyaml" if getattr(yaml, "__with_libyaml__", False) else "pure-Python PyYAML"
        print(f"Bank of 200 items ({path.stat().st_size / 1024:.0f} KiB, YAML parser: {loader})")
        print(f"  load_bank, parse and check:  {median_ms(lambda: load_bank(path), setup=forget):6.2f} ms (median of {RUNS})")
        print(f"  load_bank, cached:           {median_ms(lambda: load_bank(path)):6.3f} ms")

        bank = load_bank("sample")
        waiting = ProgressStore(folder / "waiting.sqlite3")
        background = ProgressStore(folder / "background.sqlite3", background=True)
        print("Check to feedback, model level (median; warm engine)")
        for label, record in (("no recording", None), ("saved to SQLite, waiting for the disk", waiting),
                              ("saved to SQLite in the background, as the widgets do", background)):
            quiz = Quiz(bank, record=record)
            drill = Drill(bank.get("sample-d01"), record=record)
            spotter = Spotter(bank.get("sample-sp02"), record=record)
            drill.check("warm up")
            spotter.evidence
            rewrites = iter(f"What might have made it hard to tell your manager, version {n}?" for n in range(10**6))
            print(f"  [{label}]")
            print(f"    quiz answer:   {median_ms(lambda: quiz.answer('B'), runs=50):6.3f} ms")
            print(f"    drill check:   {median_ms(lambda: drill.check(next(rewrites)), runs=50):6.3f} ms")
            print(f"    spotter check: {median_ms(lambda: spotter.check(red_flags={'praise'}), runs=50):6.3f} ms")
        print(f"  first drill check in a fresh process (cold engine): {cold_first_check():6.1f} ms "
              "(the drill widget warms the engine when it is built, so a learner never waits for this)")

        try:
            from trustlab import views
        except ImportError:
            return
        try:
            quiz_view = views.quiz(bank, ids=["sample-q01"])
            drill_view = views.drill(bank, ids=["sample-d01"])
            spot_view = views.spot(bank, ids=["sample-sp02"])
        except ImportError:
            print("ipywidgets is not installed: widget timings skipped")
            return
        texts = iter(f"What might have made it hard for you, take {n}?" for n in range(10**6))

        def quiz_click():
            quiz_view.try_again.click()
            quiz_view.radio.value = 1
            quiz_view.check.click()

        def drill_click():
            drill_view.rewrite.value = next(texts)
            drill_view.check.click()

        def spot_click():
            spot_view.try_again.click()
            spot_view.flag_boxes["praise"].value = True
            spot_view.check.click()

        print("Check to feedback, widget level (headless click, saved in the background; median)")
        print(f"    quiz:    {median_ms(quiz_click, runs=30):6.2f} ms")
        print(f"    drill:   {median_ms(drill_click, runs=30):6.2f} ms")
        print(f"    spotter: {median_ms(spot_click, runs=30):6.2f} ms")


if __name__ == "__main__":
    main()
